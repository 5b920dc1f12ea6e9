"""rc.from_tensorboard against event files written by TensorBoard's own event file writer: v2
scalar summaries (what Keras and tf.summary write), v1 simple values (what PyTorch's and
tensorboardX's SummaryWriter write) and the hparams plugin's session start."""

import math

import numpy as np
import pytest
import runcompare as rc
from runcompare import RunsDataError

pytest.importorskip("tensorboard")
from tensorboard.compat.proto import event_pb2, summary_pb2  # noqa: E402
from tensorboard.plugins.hparams import summary_v2 as hparams_summary  # noqa: E402
from tensorboard.plugins.scalar import summary_v2 as scalar_summary  # noqa: E402
from tensorboard.summary.writer.event_file_writer import EventFileWriter  # noqa: E402
from tensorboard.summary.writer.record_writer import RecordWriter  # noqa: E402

HOSTILE = "<img src=x onerror=alert(1)>"
T0 = 1_700_000_000.0


def write(directory, events):
    writer = EventFileWriter(str(directory))
    for event in events:
        writer.add_event(event)
    writer.close()


def v2(tag, step, value, wall_time):
    return event_pb2.Event(wall_time=wall_time, step=step, summary=scalar_summary.scalar_pb(tag, value))


def v1(tag, step, value, wall_time):
    summary = summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag=tag, simple_value=value)])
    return event_pb2.Event(wall_time=wall_time, step=step, summary=summary)


@pytest.fixture
def logdir(tmp_path):
    loss = [1.0, 0.5, math.nan, 0.25]
    write(tmp_path / "lr=0.1" / "train", [v2("loss", step, value, T0 + step) for step, value in enumerate(loss)])
    write(tmp_path / "lr=0.1" / "validation", [v2("loss", step, 2 * value, T0 + step) for step, value in enumerate(loss)])
    hparams = event_pb2.Event(wall_time=T0, summary=hparams_summary.hparams_pb({"lr": 0.01, "optimizer": HOSTILE, "deep": True}))
    write(tmp_path / "lr=0.01", [hparams] + [v1("loss", step, 1 / (step + 1), T0 + 10 + step) for step in range(5)] + [v1(HOSTILE, 0, 3.0, T0)])
    return tmp_path


def test_every_directory_with_event_files_is_a_run(logdir):
    d = rc.from_tensorboard(logdir)
    assert d.runs.column("run_id").to_pylist() == ["lr=0.01", "lr=0.1/train", "lr=0.1/validation"]
    rows = {row["run_id"]: row for row in d.runs.to_pylist()}
    assert rows["lr=0.01"]["params.lr"] == 0.01
    assert rows["lr=0.01"]["params.optimizer"] == HOSTILE
    assert rows["lr=0.01"]["params.deep"] is True
    assert rows["lr=0.01"]["metrics.loss"] == pytest.approx(1 / 5)
    assert rows["lr=0.1/train"]["start_time"].timestamp() == T0
    assert rows["lr=0.1/train"]["end_time"].timestamp() == T0 + 3


def test_scalars_are_the_values_written(logdir):
    d = rc.from_tensorboard(logdir)
    train = [r for r in d.scalars.to_pylist() if r["run_id"] == "lr=0.1/train"]
    assert [r["step"] for r in train] == [0, 1, 2, 3]
    assert [r["time"] for r in train] == [T0, T0 + 1, T0 + 2, T0 + 3]
    values = [r["value"] for r in train]
    # v2 scalars are float32 tensors; NaN is kept as a gap.
    assert values[0] == 1.0 and values[1] == 0.5 and math.isnan(values[2]) and values[3] == np.float32(0.25)
    pytorch = [r["value"] for r in d.scalars.to_pylist() if r["run_id"] == "lr=0.01" and r["metric"] == "loss"]
    assert pytorch == [float(np.float32(1 / (step + 1))) for step in range(5)]
    assert any(r["metric"] == HOSTILE for r in d.scalars.to_pylist())


def test_only_the_tags_asked_for(logdir):
    d = rc.from_tensorboard(logdir, metrics=["loss"])
    assert set(d.scalars.column("metric").to_pylist()) == {"loss"}
    with pytest.raises(RunsDataError, match=r"'acc' is not a scalar tag of the runs of .*; there are: loss"):
        rc.from_tensorboard(logdir, metrics=["acc"])


def test_views_take_what_the_loader_returns(logdir):
    d = rc.from_tensorboard(logdir)
    rc.scalars(d.scalars, d.runs, x="relative")
    rc.parallel(d.runs, scalars=d.scalars)
    rc.values(d.scalars, d.runs)
    rc.diff(d.details)


def test_a_directory_without_event_files(tmp_path):
    with pytest.raises(RunsDataError, match="No TensorBoard event files"):
        rc.from_tensorboard(tmp_path)
    with pytest.raises(RunsDataError, match="No directory"):
        rc.from_tensorboard(tmp_path / "missing")


def accumulated(directory):
    """What TensorBoard's own reader (its event accumulator, every point kept) holds for a run:
    {tag: [(step, wall time, value)]} of the scalars plugin, and the hparams."""
    from tensorboard.backend.event_processing import plugin_event_accumulator as pea
    from tensorboard.plugins.hparams import metadata
    from tensorboard.util import tensor_util

    accumulator = pea.EventAccumulator(str(directory), size_guidance={pea.TENSORS: 0}, tensor_size_guidance={"scalars": 0}).Reload()
    series = {
        tag: [(e.step, e.wall_time, float(tensor_util.make_ndarray(e.tensor_proto).item())) for e in accumulator.Tensors(tag)]
        for tag in accumulator.Tags()[pea.TENSORS]
        if accumulator.SummaryMetadata(tag).plugin_data.plugin_name == "scalars"
    }
    if metadata.PLUGIN_NAME not in accumulator.ActivePlugins():
        return series, {}
    content = accumulator.PluginTagToContent(metadata.PLUGIN_NAME).get(metadata.SESSION_START_INFO_TAG)
    hparams = metadata.parse_session_start_info_plugin_data(content).hparams
    return series, {name: getattr(value, value.WhichOneof("kind")) for name, value in hparams.items()}


def loaded(d, run_id):
    series = {}
    for row in d.scalars.to_pylist():
        if row["run_id"] == run_id:
            series.setdefault(row["metric"], []).append((row["step"], row["time"], row["value"]))
    params = {key[len("params.") :]: value for key, value in next(r for r in d.runs.to_pylist() if r["run_id"] == run_id).items() if key.startswith("params.")}
    return series, params


def same_points(a, b):
    """The same points, in the table's order (by step, then time)."""

    def same(p, q):
        return p[:2] == q[:2] and (p[2] == q[2] or (math.isnan(p[2]) and math.isnan(q[2])))

    return a.keys() == b.keys() and all(len(a[t]) == len(b[t]) and all(same(p, q) for p, q in zip(sorted(a[t]), sorted(b[t]))) for t in a)


def test_every_point_equals_what_tensorboards_own_reader_holds(tmp_path):
    """Restarts (v2 files: a second session start drops every tag's points from its step on; v1
    files: a step going back drops that tag's points from there), non-scalar plugins, tensors of
    every scalar dtype, a record a writer has not finished: all as TensorBoard's reader reads them."""
    from tensorboard.compat.proto import tensor_pb2, tensor_shape_pb2
    from tensorboard.plugins.text import summary_v2 as text_summary

    start = event_pb2.Event(wall_time=T0, step=0, session_log=event_pb2.SessionLog(status=event_pb2.SessionLog.START))
    restart = event_pb2.Event(wall_time=T0 + 50, step=3, session_log=event_pb2.SessionLog(status=event_pb2.SessionLog.START))
    before = [v2("loss", step, 1.0 / (step + 1), T0 + step) for step in range(6)] + [v2("acc", step, step / 10, T0 + step) for step in range(6)]
    after = [v2("loss", step, 5.0 + step, T0 + 60 + step) for step in range(3, 8)]
    text = event_pb2.Event(wall_time=T0, step=1, summary=text_summary.text_pb("notes", HOSTILE))
    write(tmp_path / "restarted", [start, *before, text, restart, *after])

    def tensor_event(tag, step, dtype, **fields):
        tensor = tensor_pb2.TensorProto(dtype=dtype, tensor_shape=tensor_shape_pb2.TensorShapeProto(), **fields)
        value = summary_pb2.Summary.Value(tag=tag, tensor=tensor)
        if step == 0:
            value.metadata.plugin_data.plugin_name = "scalars"
        return event_pb2.Event(wall_time=T0 + step, step=step, summary=summary_pb2.Summary(value=[value]))

    dtypes = [
        tensor_event("double", 0, 2, double_val=[0.1]),
        tensor_event("double", 1, 2, tensor_content=np.float64(0.2).tobytes()),
        tensor_event("int64", 0, 9, int64_val=[7]),
        tensor_event("int64", 1, 9, tensor_content=np.int64(-8).tobytes()),
        tensor_event("half", 0, 19, half_val=[int(np.float16(0.5).view(np.uint16))]),
        tensor_event("float", 0, 1, tensor_content=np.float32(0.3).tobytes()),
    ]
    write(tmp_path / "dtypes", dtypes)
    # A step going back after a crash: kept by writers of file version 2 (PyTorch's), dropped
    # from there on in files of no version (TensorFlow 0.x's).
    crashed = [v1("loss", step, float(step), T0 + step) for step in range(5)] + [v1("loss", step, 10.0 + step, T0 + 20 + step) for step in range(2, 4)]
    write(tmp_path / "pytorch", crashed)
    (tmp_path / "old").mkdir()
    with open(tmp_path / "old" / "events.out.tfevents.1.old", "wb") as file:
        writer = RecordWriter(file)
        for event in crashed:
            writer.write(event.SerializeToString())
        writer.flush()
    # A writer still writing: its last record cut off halfway.
    write(tmp_path / "writing", [v1("loss", step, float(step), T0 + step) for step in range(4)])
    (event_file,) = (tmp_path / "writing").iterdir()
    event_file.write_bytes(event_file.read_bytes()[:-10])
    d = rc.from_tensorboard(tmp_path)
    for run in ("restarted", "dtypes", "pytorch", "old", "writing"):
        series, hparams = accumulated(tmp_path / run)
        got_series, got_params = loaded(d, run)
        assert same_points(got_series, series), run
        assert got_params == hparams
    assert [point[0] for point in loaded(d, "restarted")[0]["loss"]] == [0, 1, 2, 3, 4, 5, 6, 7]
    assert loaded(d, "restarted")[0]["acc"] == [(0, T0, 0.0), (1, T0 + 1, pytest.approx(0.1)), (2, T0 + 2, pytest.approx(0.2))]
    assert [point[2] for point in loaded(d, "pytorch")[0]["loss"]] == [0.0, 1.0, 2.0, 12.0, 3.0, 13.0, 4.0]
    assert [point[2] for point in loaded(d, "old")[0]["loss"]] == [0.0, 1.0, 12.0, 13.0]
    assert len(loaded(d, "writing")[0]["loss"]) == 3
    assert "notes" not in loaded(d, "restarted")[0]


def test_hparams_equal_what_tensorboards_own_reader_holds(logdir):
    d = rc.from_tensorboard(logdir)
    assert loaded(d, "lr=0.01")[1] == accumulated(logdir / "lr=0.01")[1] == {"lr": 0.01, "optimizer": HOSTILE, "deep": True}
