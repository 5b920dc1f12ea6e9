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
    assert w.options == {"tab": "hyperparameters", "base": None, "groupBy": None, "pairBy": None, "baseGroup": None, "test": "t"}


def test_a_loaders_run_tables_bring_their_scalars():
    tables = RunTables(runs=pa.Table.from_pylist(RUNS), scalars=pa.Table.from_pylist(SCALARS), source="test")
    w = rc.compare(tables, tab="scalars", base="b")
    assert ipc(w.scalars).num_rows == 6
    assert (w.options["tab"], w.options["base"]) == ("scalars", "b")


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1b1a5e90000000049454e44ae426082"
)
DETAILS = {"a": {"optimizer": {"name": "adam"}, HOSTILE: 1}, "b": {"optimizer": {"name": "sgd"}}}
PLOTS = [{"run_id": run, "metric": HOSTILE, "step": 0, "kind": "bar", "data": {"x": ["p", "q"], "y": [1.0, 2.0]}} for run in ("a", "b")]
SAMPLES = [{"run_id": run, "metric": HOSTILE, "step": 0, "data": PNG} for run in ("a", "b")]


def test_details_plots_and_samples_travel_in_traits_of_their_own():
    w = rc.compare(RUNS, scalars=SCALARS, details=DETAILS, plots=PLOTS, samples=SAMPLES)
    details = ipc(w.details)
    assert sorted(zip(details.column("run_id").to_pylist(), details.column("path").to_pylist())) == [
        ("a", HOSTILE),
        ("a", "optimizer/name"),
        ("b", "optimizer/name"),
    ]
    assert ipc(w.plots).column("kind").to_pylist() == ["bar", "bar"]
    # Saved with the notebook (store=True), the samples' bytes travel in their table, as rc.samples' do.
    assert ipc(w.samples).column("data").to_pylist() == [PNG, PNG]
    assert w._contents is None


def test_samples_kept_in_the_kernel_are_served_by_row():
    w = rc.compare(RUNS, samples=SAMPLES, store=False)
    assert w.samples == b"" and "data" not in ipc(w._unstored["samples"]).column_names
    sent = []
    w.send = lambda content, buffers=None: sent.append((content, buffers))
    w._on_view_message(w, {"type": "send-samples", "rows": [1]}, [])
    assert sent == [({"type": "samples", "rows": [1], "errors": {}}, [PNG])]
    # The page asks for every table, the three of its own included.
    sent.clear()
    w._on_view_message(w, {"type": "send-tables"}, [])
    assert sorted(content["table"] for content, _ in sent) == ["runs", "samples"]
    assert set(sent[0][0]["sizes"]) == {"runs", "scalars", "details", "plots", "samples"}


def test_without_them_the_traits_are_empty():
    w = rc.compare(RUNS)
    assert (w.details, w.plots, w.samples) == (b"", b"", b"")


def test_a_loaders_run_tables_bring_their_details():
    details = pa.table({"run_id": ["a", "b"], "path": ["git/commit", "git/commit"], "value": ["abc", "def"]})
    w = rc.compare(RunTables(runs=pa.Table.from_pylist(RUNS), scalars=None, details=details, source="test"))
    assert ipc(w.details).column("value").to_pylist() == ["abc", "def"]
    given = rc.compare(RunTables(runs=pa.Table.from_pylist(RUNS), details=details), details=DETAILS)
    assert ipc(given.details).column("path").to_pylist() != details.column("path").to_pylist()


def test_from_tensorboard_and_mlflow_fill_the_page(tmp_path):
    pytest.importorskip("tensorboard")
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.summary.writer.event_file_writer import EventFileWriter

    for run in ("first", "second"):
        writer = EventFileWriter(str(tmp_path / run))
        for step in range(3):
            value = summary_pb2.Summary.Value(tag="loss", simple_value=1.0 / (step + 1))
            writer.add_event(event_pb2.Event(step=step, wall_time=1.0 + step, summary=summary_pb2.Summary(value=[value])))
        writer.close()
    d = rc.from_tensorboard(str(tmp_path))
    w = rc.compare(d)
    assert ipc(w.runs).num_rows == 2 and ipc(w.scalars).num_rows == 6
    assert (w.details != b"") == (d.details is not None)


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        ({"details": {"zzz": {"x": 1}}}, 'no details belong to the runs: the details have run ids such as "zzz"'),
        ({"details": 3}, "details"),
        ({"plots": [{**PLOTS[0], "run_id": "zzz"}]}, 'no plots belong to the runs: the plots have run ids such as "zzz"'),
        ({"plots": [{**PLOTS[0], "kind": "pie"}]}, "pie"),
        ({"samples": [{**SAMPLES[0], "run_id": "zzz"}]}, 'no samples belong to the runs: the samples have run ids such as "zzz"'),
        ({"samples": [{"run_id": "a", "metric": "m", "step": 0}]}, "data, url or path"),
    ],
)
def test_bad_page_tables_raise_the_words_of_their_views(arguments, words):
    with pytest.raises(rc.RunsDataError) as raised:
        rc.compare(RUNS, **arguments)
    assert words in str(raised.value)


def test_groups_are_the_scalars_tabs_and_the_base_group_is_named_apart_from_the_base_run():
    w = rc.compare(RUNS, scalars=SCALARS, base="b", group_by="lr", pair_by="acc", base_group="lr=0.2", test="rank")
    assert w.options == {"tab": "hyperparameters", "base": "b", "groupBy": ["lr"], "pairBy": "acc", "baseGroup": "lr=0.2", "test": "rank"}


def test_state_is_checked_and_restored():
    state = {
        "tab": "details",
        "compared": ["a", "b"],
        "hidden": ["b"],
        "pane": False,
        "shown": {"scalars": "values", "hyperparameters": "influence"},
        "params": ["params.lr"],
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
        ({"group_by": "nope"}, 'no column "nope" in runs'),
        ({"group_by": "lr", "base_group": "zzz"}, 'no group "zzz" to compare against'),
        ({"group_by": "lr", "pair_by": "nope"}, 'no column "nope" in runs'),
        ({"test": "z"}, 'test must be one of "t", "rank"'),
        ({"state": {"params": "lr"}}, "state.params"),
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


def test_w_append_sends_new_runs_and_reports_to_the_page():
    w = rc.compare(RUNS, scalars=SCALARS)
    sent = []
    w.send = lambda content, buffers=None: sent.append((content, buffers))
    w.append(
        runs=[{"run_id": "c", "name": HOSTILE, "params.lr": 0.3, "metrics.acc": 0.9}], scalars=[{"run_id": "c", "metric": "loss", "step": 0, "value": 0.5}]
    )
    assert [content for content, _ in sent] == [{"type": "append", "tables": ["runs", "scalars"]}]
    assert ipc(sent[0][1][0]).column("name").to_pylist() == [HOSTILE]
    assert len(w.appended) == 1
    # The new run can be selected from Python, as the page shows it.
    w.selected = ["c"]
    with pytest.raises(Exception, match="zzz"):
        w.selected = ["zzz"]
