"""w.append and rc.follow: only new rows travel, and a store written to while follow polls it
gives every point once, in order (checked against what the writer wrote and what MLflow's own
client returns)."""

import io
import threading
import time

import pyarrow as pa
import pytest
import runcompare as rc
from runcompare import RunsDataError

HOSTILE = "<img src=x onerror=alert(1)>"


def record(widget):
    """The batches the widget sends ({table: pyarrow Table}), and the traits it syncs."""
    batches, synced = [], []
    widget.send = lambda content, buffers=None: (
        content.get("type") == "append"
        and batches.append({name: pa.ipc.open_stream(bytes(buffer)).read_all() for name, buffer in zip(content["tables"], buffers)})
    )
    widget.send_state = lambda key=None: synced.append(key)
    return batches, synced


def points(tables):
    """(run_id, metric, step, value) of every row, in order."""
    rows = []
    for table in tables:
        rows += zip(*(table.column(name).to_pylist() for name in ("run_id", "metric", "step", "value")))
    return rows


def wait_for_polls(widget, count=1, timeout=30):
    """Waits until follow has polled `count` more times."""
    target = widget.follow.polls + count
    end = time.monotonic() + timeout
    while widget.follow.polls < target:
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


# w.append --------------------------------------------------------------------------------------


def scalars_rows(run_id, steps, metric="loss"):
    return [{"run_id": run_id, "metric": metric, "step": step, "value": 1 / (step + 1)} for step in steps]


def test_append_sends_only_the_new_rows_in_a_message_not_the_traits():
    widget = rc.scalars(scalars_rows("a", range(100)))
    before = bytes(widget.scalars)
    batches, synced = record(widget)
    widget.append(scalars=scalars_rows("a", range(100, 103)) + scalars_rows(HOSTILE, [0]), runs=[{"run_id": HOSTILE, "status": "RUNNING"}])
    assert len(batches) == 1
    assert points([batches[0]["scalars"]]) == points([pa.table(pa.Table.from_pylist(scalars_rows("a", range(100, 103)) + scalars_rows(HOSTILE, [0])))])
    assert batches[0]["runs"].column("run_id").to_pylist() == [HOSTILE]
    # The tables first sent stay as they were; the batch is kept in `appended` without being synced.
    assert bytes(widget.scalars) == before and synced == []
    assert list(widget.appended[0]) == ["runs", "scalars"]
    assert pa.ipc.open_stream(bytes(widget.appended[0]["scalars"])).read_all().num_rows == 4
    widget.selected = [HOSTILE]  # an appended run can be selected


def test_append_of_nothing_sends_nothing_and_bad_rows_raise_before_sending():
    widget = rc.scalars(scalars_rows("a", range(3)))
    batches, _ = record(widget)
    widget.append(scalars=[])
    widget.append()
    with pytest.raises(RunsDataError, match="step"):
        widget.append(scalars=[{"run_id": "a", "metric": "loss", "value": 1.0}])
    with pytest.raises(RunsDataError, match="^appended scalars must have a time column exactly when the scalars shown have one"):
        widget.append(scalars=[{"run_id": "a", "metric": "loss", "step": 9, "time": 1.7e9, "value": 1.0}])
    assert batches == [] and widget.appended == []


def test_appended_runs_are_checked_with_the_runs_shown_and_raise_naming_the_column():
    widget = rc.scalars(scalars_rows("a", range(3)), runs=[{"run_id": "a", "params.lr": 0.1}])
    batches, _ = record(widget)
    widget.append(runs=[{"run_id": "b", "params.lr": 0.01}])
    with pytest.raises(RunsDataError, match='column "params.lr" mixes numbers and strings'):
        widget.append(runs=[{"run_id": HOSTILE, "params.lr": "fast"}])
    # A batch appended before counts too: its column's strings against a new run's number.
    widget.append(runs=[{"run_id": "c", "params.opt": HOSTILE}])
    with pytest.raises(RunsDataError, match='column "params.opt"'):
        widget.append(runs=[{"run_id": "d", "params.opt": 3}])
    assert len(batches) == 2 and len(widget.appended) == 2


def test_appended_curves_past_max_points_are_reduced_as_the_first_table():
    long = scalars_rows("a", range(5000, 65000))
    for max_points in (1000, None):
        widget = rc.scalars(scalars_rows("a", range(10)), max_points=max_points)
        batches, _ = record(widget)
        widget.append(scalars=long)
        # The rows the view of these rows alone is sent.
        first = pa.ipc.open_stream(bytes(rc.scalars(long, max_points=max_points).scalars)).read_all()
        assert batches[0]["scalars"].column("step").to_pylist() == first.column("step").to_pylist()
        assert batches[0]["scalars"].num_rows == (60000 if max_points is None else first.num_rows)


def test_new_tables_forget_what_was_appended():
    widget = rc.table([{"run_id": "a"}])
    widget.append(runs=[{"run_id": "b"}])
    assert len(widget.appended) == 1
    widget.runs = rc.runs_to_ipc([{"run_id": "c"}])
    assert widget.appended == []


def test_unstored_views_send_their_appended_rows_with_the_tables():
    widget = rc.scalars(scalars_rows("a", range(3)), store=False)
    sent = []
    widget.send = lambda content, buffers=None: sent.append(content["type"])
    widget.append(scalars=scalars_rows("a", [3]))
    assert widget.appended == [] and sent == ["append"]
    widget._on_view_message(widget, {"type": "send-tables"}, [])
    assert sent[1:] == ["tables", "tables", "append"]


# rc.follow: MLflow -------------------------------------------------------------------------------


@pytest.mark.parametrize("store", ["sqlite", "files"])
def test_follow_mlflow_numbers_points_logged_without_steps_on_from_where_the_last_poll_stopped(tmp_path, monkeypatch, store):
    pytest.importorskip("mlflow")
    from mlflow import MlflowClient
    from runcompare.loaders._follow_stores import MlflowStore

    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")
    monkeypatch.chdir(tmp_path)
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}" if store == "sqlite" else str(tmp_path / "mlruns")
    client = MlflowClient(uri)
    experiment = client.create_experiment("live")
    run = client.create_run(experiment).info.run_id
    follower = MlflowStore(uri, ["live"], None)

    def poll():
        _, scalars = follower.poll()
        return sorted((r["metric"], r["step"], r["value"]) for r in scalars.to_pylist())

    for i, value in enumerate([0.9, 0.8]):
        client.log_metric(run, "loss", value, timestamp=1_700_000_000_000 + i)
    client.log_metric(run, "acc", 0.1, timestamp=1_700_000_000_000, step=0)
    assert poll() == [("acc", 0, 0.1), ("loss", 0, 0.9), ("loss", 1, 0.8)]
    for i, value in enumerate([0.7, 0.6]):
        client.log_metric(run, "loss", value, timestamp=1_700_000_000_010 + i)
    client.log_metric(run, "acc", 0.2, timestamp=1_700_000_000_010, step=1)
    assert poll() == [("acc", 1, 0.2), ("loss", 2, 0.7), ("loss", 3, 0.6)]


@pytest.mark.parametrize("store", ["sqlite", "files"])
def test_follow_mlflow_gets_every_point_once_in_order_and_stops_when_the_runs_finish(tmp_path, monkeypatch, store):
    pytest.importorskip("mlflow")
    from mlflow import MlflowClient

    # A file store is read on from where each metric file was left; MLflow 3 writes one only when allowed.
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}" if store == "sqlite" else str(tmp_path / "mlruns")
    client = MlflowClient(uri)
    experiment = client.create_experiment("live")
    first = client.create_run(experiment, run_name="first").info.run_id
    client.log_metric(first, "loss", 1.0, step=0)
    started = threading.Event()

    def train():
        started.wait()
        second = None
        for step in range(1, 40):
            client.log_metric(first, "loss", 1 / (step + 1), step=step)
            client.log_metric(first, "acc", step / 40, step=step)
            if step == 15:
                second = client.create_run(experiment, run_name=HOSTILE).info.run_id
            if second:
                client.log_metric(second, "loss", 2 / (step + 1), step=step)
            time.sleep(0.005)
        client.set_terminated(first)
        client.set_terminated(second)

    trainer = threading.Thread(target=train)
    trainer.start()
    widget = rc.follow(uri, every=0.05, experiments="live")
    batches, _ = record(widget)
    started.set()
    trainer.join()
    widget.follow.join(60)
    assert widget.follow.stopped_because == "every run has finished"
    assert len(batches) >= 2, "the points arrived over several polls"
    initial = pa.ipc.open_stream(bytes(widget.scalars)).read_all()
    received = points([initial] + [batch["scalars"] for batch in batches if "scalars" in batch])
    for run in client.search_runs([experiment]):
        for key in run.data.metrics:
            expected = [(run.info.run_id, key, m.step, m.value) for m in client.get_metric_history(run.info.run_id, key)]
            assert [p for p in received if p[:2] == (run.info.run_id, key)] == expected
    statuses = {}
    for batch in batches:
        if "runs" in batch:
            statuses.update(zip(batch["runs"].column("run_id").to_pylist(), batch["runs"].column("status").to_pylist()))
    assert set(statuses.values()) == {"FINISHED"} and len(statuses) == 2
    assert widget.note.startswith("stopped: every run has finished, last updated")


# rc.follow: TensorBoard --------------------------------------------------------------------------


def test_follow_tensorboard_reads_on_from_where_it_stopped(tmp_path):
    pytest.importorskip("tensorboard")
    from tensorboard.compat.proto import event_pb2
    from tensorboard.plugins.scalar import summary_v2 as scalar_summary
    from tensorboard.summary.writer.event_file_writer import EventFileWriter

    def event(step):
        return event_pb2.Event(wall_time=1_700_000_000.0 + step, step=step, summary=scalar_summary.scalar_pb("loss", 1 / (step + 1)))

    writer = EventFileWriter(str(tmp_path / "run-a"))
    writer.add_event(event(0))
    writer.flush()
    widget = rc.follow(tmp_path, every=0.05)
    batches, _ = record(widget)
    for step in range(1, 30):
        writer.add_event(event(step))
        if step % 5 == 0:
            writer.flush()
            wait_for_polls(widget)
    writer.close()
    wait_for_polls(widget, 2)
    widget.follow.stop()
    widget.follow.join(10)
    initial = pa.ipc.open_stream(bytes(widget.scalars)).read_all()
    received = points([initial] + [batch["scalars"] for batch in batches if "scalars" in batch])
    assert received == [("run-a", "loss", step, pytest.approx(1 / (step + 1))) for step in range(30)]
    assert len(batches) >= 3


# rc.follow: files ---------------------------------------------------------------------------------


def test_follow_a_csv_takes_only_whole_lines(tmp_path):
    pytest.importorskip("polars")
    path = tmp_path / "scalars.csv"
    path.write_text("run_id,metric,step,value\na,loss,0,1.0\n")
    widget = rc.follow(path, every=0.05)
    batches, _ = record(widget)
    with open(path, "a") as file:
        file.write("a,loss,1,0.5\nb,loss,0,0.7")  # the last line is half-written
        file.flush()
        wait_for_polls(widget, 2)
        file.write("5\n")
    wait_for_polls(widget, 2)
    widget.follow.stop()
    received = points([batch["scalars"] for batch in batches if "scalars" in batch])
    assert received == [("a", "loss", 1, 0.5), ("b", "loss", 0, 0.75)]
    assert [batch["runs"].column("run_id").to_pylist() for batch in batches if "runs" in batch] == [["b"]]


def test_follow_stops_when_the_view_is_closed(tmp_path):
    pytest.importorskip("polars")
    path = tmp_path / "scalars.csv"
    path.write_text("run_id,metric,step,value\na,loss,0,1.0\n")
    widget = rc.follow(path, every=0.02)
    widget.close()
    widget.follow.join(10)
    assert widget.follow.stopped_because == "the view was closed" and not widget.follow.running


def test_an_interrupted_cell_stops_every_follow(tmp_path):
    pytest.importorskip("polars")
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    path = tmp_path / "scalars.csv"
    path.write_text("run_id,metric,step,value\na,loss,0,1.0\n")
    widget = rc.follow(path, every=0.02)
    shell.run_cell("raise KeyboardInterrupt")
    widget.follow.join(10)
    assert widget.follow.stopped_because == "the kernel was interrupted"


@pytest.mark.parametrize("every", ["soon", "0s", -1, "10 parsecs"])
def test_every_says_what_it_takes(tmp_path, every):
    path = tmp_path / "scalars.csv"
    path.write_text("run_id,metric,step,value\na,loss,0,1.0\n")
    with pytest.raises(RunsDataError, match='every must be a time such as "10s"'):
        rc.follow(path, every=every)


def test_follow_shows_the_runs_table_too(tmp_path):
    pytest.importorskip("polars")
    path = tmp_path / "scalars.csv"
    path.write_text(io.StringIO("run_id,metric,step,value\na,loss,0,1.0\n").getvalue())
    widget = rc.follow(path, every=60, view="table")
    assert widget.view == "table"
    widget.follow.stop()


def test_a_run_left_running_long_ago_does_not_keep_follow_going(tmp_path):
    pytest.importorskip("mlflow")
    from mlflow import MlflowClient

    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    client = MlflowClient(uri)
    experiment = client.create_experiment("old")
    # A process that died in 2024 without ending its run: MLflow still says RUNNING.
    abandoned = client.create_run(experiment, start_time=1_700_000_000_000).info.run_id
    client.log_metric(abandoned, "loss", 1.0, timestamp=1_700_000_000_000, step=0)
    widget = rc.follow(uri, every=0.05, experiments="old", stale="1h")
    widget.follow.join(30)
    assert widget.follow.stopped_because == "every run has finished"
