"""rc.compare: the comparison page's widget from a runs table and its scalars, or from a loader's
RunTables; its state checked and restored; bad input raising before anything is sent."""

import json

import pyarrow as pa
import pytest
import runcompare as rc
from runcompare.loaders._common import RunTables

HOSTILE = "<img src=x onerror=alert(1)>"
RUNS = [{"run_id": "a", "name": HOSTILE, "params.lr": 0.1, "metrics.acc": 0.5}, {"run_id": "b", "name": "b", "params.lr": 0.2, "metrics.acc": 0.7}]
SCALARS = [{"run_id": run, "metric": "loss", "step": step, "value": 1.0 / (step + 1)} for run in ("a", "b") for step in range(3)]


def ipc(data):
    return pa.ipc.open_stream(bytes(data)).read_all()


def test_a_page_of_runs_and_scalars_carries_both_tables():
    w = rc.compare(RUNS, scalars=SCALARS)
    assert isinstance(w, rc.Compare) and w.view == "compare"
    assert ipc(w.runs).column("name").to_pylist() == [HOSTILE, "b"]
    assert ipc(w.scalars).num_rows == 6
    assert w.options == {"tab": "hyperparameters", "base": None}


def test_a_loaders_run_tables_bring_their_scalars():
    tables = RunTables(runs=pa.Table.from_pylist(RUNS), scalars=pa.Table.from_pylist(SCALARS), source="test")
    w = rc.compare(tables, tab="scalars", base="b")
    assert ipc(w.scalars).num_rows == 6
    assert w.options == {"tab": "scalars", "base": "b"}


def test_the_details_samples_and_plots_tables_are_the_es_modules_alone():
    # The widget has no trait for them: the Python function does not take them, rather than drop them.
    with pytest.raises(TypeError):
        rc.compare(RUNS, details={"a": {"x": 1}})


def test_state_is_checked_and_restored():
    state = {
        "tab": "details",
        "compared": ["a", "b"],
        "hidden": ["b"],
        "pane": False,
        "shown": {"scalars": "values"},
        "views": {"diff": {"hideIdentical": True}},
    }
    w = rc.compare(RUNS, scalars=SCALARS, state=state)
    assert w.state == state
    w2 = rc.compare(RUNS, state=json.loads(json.dumps(w.state)))
    assert w2.state == state


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        ({"tab": "graphs"}, 'tab must be one of "details", "hyperparameters", "scalars", "plots", "samples"'),
        ({"base": "zzz"}, '"zzz"'),
        ({"state": {"hidden": "a"}}, "state.hidden"),
        ({"state": {"shown": {"scalars": "pie"}}}, "state.shown.scalars"),
    ],
)
def test_bad_input_says_what_to_fix(arguments, words):
    with pytest.raises(rc.RunsDataError, match=None) as raised:
        rc.compare(RUNS, **arguments)
    assert words in str(raised.value)


def test_bad_runs_raise_before_a_widget_is_made():
    with pytest.raises(rc.RunsDataError, match="run_id"):
        rc.compare([{"name": "no id"}])
    with pytest.raises(rc.RunsDataError):
        rc.compare(RUNS, scalars=[{"run_id": "zzz", "metric": "loss", "step": 0, "value": 1.0}])


def test_a_standalone_page_keeps_its_state_in_the_hash():
    page = rc.to_html(RUNS, view="compare", scalars=SCALARS)
    assert "standalone: true" in page
    assert HOSTILE not in page  # the run names travel inside base64 Arrow bytes, never as markup
