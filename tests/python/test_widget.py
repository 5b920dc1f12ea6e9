"""rc.parallel checks the runs and the column choice, then sends the runs as Arrow bytes."""

import pandas as pd
import pyarrow as pa
import pytest
from traitlets import TraitError

import runcompare as rc
from runcompare import _widget

RUNS = pd.DataFrame({
    "run_id": ["a", "b", "c"],
    "params.lr": [0.1, 0.01, 0.001],
    "params.optimizer": ["adam", "sgd", "adam"],
    "metrics.acc": [0.5, 0.7, 0.9],
    "tags.group": ["x", "y", "x"],
})
COLUMNS = "params.lr, params.optimizer, metrics.acc, tags.group"


def test_runs_bytes_decode_to_the_table():
    widget = rc.parallel(RUNS)
    assert isinstance(widget, rc.Parallel)
    assert pa.ipc.open_stream(widget.runs).read_all().to_pydict() == RUNS.to_dict(orient="list")
    assert widget.runs == rc.runs_to_ipc(RUNS)


def test_options_are_synced_traits():
    widget = rc.parallel(RUNS, params=["lr", "params.optimizer"], metrics="acc", color="tags.group", height=400)
    assert widget.view == "parallel"
    assert widget.options == {"params": ["lr", "params.optimizer"], "metrics": ["acc"], "color": "tags.group", "height": 400}
    state = widget.get_state()
    assert {"view", "runs", "scalars", "options", "selected"} <= state.keys()
    assert state["_bundle"] == "export default { render() {} };\n"


def test_each_widget_imports_a_small_loader_that_evaluates_the_bundle_once_per_page():
    import hashlib

    first, second = rc.parallel(RUNS), rc.scatter(RUNS)
    digest = hashlib.sha256(first._bundle.encode("utf-8")).hexdigest()[:16]
    assert first._esm == second._esm
    assert f'Symbol.for("runcompare.widget.{digest}")' in first._esm
    assert first._bundle not in first._esm


def test_defaults_leave_the_choice_to_the_view():
    widget = rc.parallel(RUNS)
    assert widget.options == {"params": None, "metrics": None, "color": None, "height": 360}
    assert widget.selected == []


def test_bad_runs_raise_before_a_widget_is_made():
    with pytest.raises(rc.RunsDataError, match='no "run_id" column'):
        rc.parallel(RUNS.drop(columns="run_id"))


@pytest.mark.parametrize("option", [{"params": ["momentum"]}, {"metrics": ["momentum"]}, {"color": "momentum"}])
def test_unknown_columns_raise_with_the_typescript_words(option):
    with pytest.raises(rc.RunsDataError) as caught:
        rc.parallel(RUNS, **option)
    assert str(caught.value) == (
        f'no column "momentum" in runs (columns: {COLUMNS}): '
        'pass one of these, with or without its "params."/"metrics." prefix.'
    )


def test_nothing_to_plot():
    with pytest.raises(rc.RunsDataError, match=r"^runs have no params\.\* or metrics\.\* columns to plot"):
        rc.parallel(RUNS, params=[], metrics=[])


def test_selected_accepts_known_ids():
    widget = rc.parallel(RUNS)
    widget.selected = ["c", "a"]
    assert widget.selected == ["c", "a"]


def test_selected_with_unknown_ids_raises():
    widget = rc.parallel(RUNS)
    with pytest.raises(TraitError, match='selected has run ids that are not in runs: "zz", "yy"'):
        widget.selected = ["a", "zz", "yy"]
    assert widget.selected == []


def test_missing_widget_build_says_to_run_make_build(tmp_path, monkeypatch):
    monkeypatch.setattr(_widget, "esm_path", lambda: tmp_path / "absent.js")
    with pytest.raises(FileNotFoundError, match="make build"):
        rc.parallel(RUNS)


def test_public_api():
    assert {"parallel", "Parallel", "RunsDataError", "runs_to_ipc", "__version__"} <= set(dir(rc))
    assert rc.__version__ == "0.1.0"
