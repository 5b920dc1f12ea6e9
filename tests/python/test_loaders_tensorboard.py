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
