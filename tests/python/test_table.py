"""rc.table checks its options with the words of src/views/table (tests/contract/table_cases.json,
which jest checks too), then sends the runs, and the rows of the scalars behind each summary."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
import runcompare as rc
from traitlets import TraitError

CONTRACT = json.loads((Path(__file__).parent.parent / "contract" / "table_cases.json").read_text(encoding="utf-8"))
RUNS = pd.DataFrame(
    {
        "run_id": ["a", "b", "c"],
        "name": ["first", "second", "third"],
        "status": ["FINISHED", "RUNNING", "FAILED"],
        "params.optimizer/lr": [0.1, 0.01, 0.001],
        "metrics.acc": [0.5, 0.7, np.nan],
        "tags": [["fp16"], [], None],
    }
)


@pytest.mark.parametrize("case", CONTRACT["cases"], ids=[case["case"] for case in CONTRACT["cases"]])
def test_bad_options_raise_the_typescript_words(case):
    scalars = CONTRACT["scalars"] if case.get("withScalars") else None
    with pytest.raises(rc.RunsDataError) as caught:
        rc.table(CONTRACT["runs"], scalars, **case["python"])
    assert str(caught.value) == case.get("pythonError", case["error"])


def test_the_widget_carries_the_runs_and_the_options_under_their_typescript_names():
    widget = rc.table(RUNS, columns=["optimizer/lr", "metrics.acc", "name"], sort=["-acc", "optimizer/lr"], top_k=5, height=300)
    assert isinstance(widget, rc.Table) and widget.view == "table"
    assert widget.options == {
        "columns": ["optimizer/lr", "metrics.acc", "name"],
        "sort": ["-acc", "optimizer/lr"],
        "filters": None,
        "search": "",
        "topK": 5,
        "height": 300,
    }
    assert widget.state == {}
    assert pa.ipc.open_stream(widget.runs).read_all().column("run_id").to_pylist() == ["a", "b", "c"]
    assert widget.selected == []


def test_columns_the_view_adds_are_known_names():
    scalars = pd.DataFrame({"run_id": ["a"], "metric": ["loss"], "step": [3], "value": [0.5]})
    runs = RUNS.assign(start_time=pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-03"]))
    widget = rc.table(runs, scalars, columns=["duration", "last_step", "loss:min"], sort="-duration")
    assert widget.options["columns"] == ["duration", "last_step", "loss:min"]
    with pytest.raises(rc.RunsDataError, match='no column "duration"'):
        rc.table(RUNS, columns=["duration"])


def test_the_scalars_sent_are_the_rows_behind_each_series_last_min_and_max():
    steps = np.arange(1000)
    scalars = pd.DataFrame({"run_id": "a", "metric": "loss", "step": steps, "value": np.cos(steps / 50.0)})
    widget = rc.table(RUNS, scalars)
    sent = pa.ipc.open_stream(widget.scalars).read_all().to_pandas()
    assert len(sent) < 10
    series = scalars["value"]
    assert sent["value"].min() == series.min() and sent["value"].max() == series.max()
    assert sent.sort_values("step")["value"].iloc[-1] == series.iloc[-1]
    assert sent["step"].max() == 999


def test_selected_goes_both_ways_and_refuses_unknown_runs():
    widget = rc.table(RUNS)
    widget.selected = ["c", "a"]
    assert widget.selected == ["c", "a"]
    with pytest.raises(TraitError, match='"zz"'):
        widget.selected = ["zz"]


def test_shown_as_output_and_as_a_page(tmp_path):
    bundle = rc.mime_bundle(RUNS, view="table", sort="-acc")
    payload = bundle["application/vnd.runcompare.v1+json"]
    assert payload["view"] == "table" and payload["options"]["sort"] == ["-acc"]
    page = rc.to_html(RUNS, view="table", path=tmp_path / "runs.html", columns=["optimizer/lr"])
    assert (tmp_path / "runs.html").read_text(encoding="utf-8") == page


def test_bad_runs_raise_before_a_widget_is_made():
    with pytest.raises(rc.RunsDataError, match='no "run_id" column'):
        rc.table(RUNS.drop(columns="run_id"))
