"""rc.display sends a view as a MIME bundle: the Arrow bytes, base64, and the options."""

import base64
import json

import pyarrow as pa
import pytest
import runcompare as rc

RUNS = [{"run_id": "a", "params.lr": 0.1, "metrics.acc": 0.5}, {"run_id": "b", "params.lr": 0.01, "metrics.acc": 0.7}]


def test_bundle_carries_the_runs_and_options():
    bundle = rc.mime_bundle(RUNS, params=["lr"], color="acc")
    data = bundle["application/vnd.runcompare.v1+json"]
    assert data["view"] == "parallel"
    assert data["options"] == {"params": ["lr"], "metrics": None, "color": "acc", "height": 360, "width": None}
    assert data["state"] == {}
    table = pa.ipc.open_stream(base64.b64decode(data["runs"])).read_all()
    assert table.column("run_id").to_pylist() == ["a", "b"]
    assert bundle["text/plain"] == ("runcompare parallel: 2 runs (open the notebook in JupyterLab with runcompare installed to see the view)")
    assert data["scalars"] is None


def test_bad_input_raises_before_anything_is_shown():
    with pytest.raises(rc.RunsDataError, match='no column "momentum"'):
        rc.mime_bundle(RUNS, params=["momentum"])
    with pytest.raises(
        rc.RunsDataError,
        match='view "diagram" cannot be shown as output: pass one of compare, diff, influence, logs, parallel, plots, samples, scalars, scatter, '
        "summary, table, values.",
    ):
        rc.mime_bundle(RUNS, view="diagram")


def test_display_publishes_the_bundle(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw: shown.append((obj, raw)))
    rc.display(RUNS)
    assert len(shown) == 1 and shown[0][1] is True
    assert "application/vnd.runcompare.v1+json" in shown[0][0]


def test_scatter_with_scalars_travels_too():
    scalars = [{"run_id": "a", "metric": "loss", "step": 1, "value": 2.0}, {"run_id": "b", "metric": "loss", "step": 1, "value": 1.0}]
    data = rc.mime_bundle(RUNS, view="scatter", x="lr", y="loss:min", scalars=scalars)["application/vnd.runcompare.v1+json"]
    assert data["options"]["y"] == "loss:min"
    assert pa.ipc.open_stream(base64.b64decode(data["scalars"])).read_all().num_rows == 2


def test_bundle_carries_no_code():
    bundle = rc.mime_bundle(RUNS)
    assert set(bundle) == {"application/vnd.runcompare.v1+json", "text/plain"}
    assert len(json.dumps(bundle)) < 2_000
