"""rc.from_tensorboard: runs and learning curves from a TensorBoard log directory (event files
read as TensorBoard reads them: v1 simple values and v2 tensor summaries alike, restarts purged as
it purges them, every point kept where TensorBoard keeps a sample of 1,000 per tag)."""

import os

from .._errors import RunsDataError
from .._normalise import TIMESTAMP
from ._common import DetailsRows, Progress, RunsColumns, RunTables, ScalarsColumns, pick, require
from ._tfevents import RunEvents


def from_tensorboard(logdir, metrics=None, progress=None):
    """Runs of a TensorBoard log directory as the views' tables: ``d = rc.from_tensorboard("logs")``,
    then ``rc.scalars(d.scalars, d.runs)``.

    logdir: the directory TensorBoard would be started on. Each directory under it that holds
        event files (events.out.tfevents.*) is a run, named by its path below logdir
        ("lr=0.1/train"), as TensorBoard names its runs.
    metrics: the scalar tags to read; None reads every one.
    progress: show a progress bar (tqdm) while reading: True, False, or None for many runs.

    Returns RunTables: ``.runs`` (run_id, name, start_time and end_time from the events' wall
    times, params.* from the hparams plugin, metrics.* as each tag's last value), ``.scalars``
    (run_id, metric as the tag, step, time as epoch seconds, value) and ``.details`` (hparams,
    last values, event files).
    """
    require("tensorboard", "from_tensorboard", "tensorboard")
    from tensorboard.backend.event_processing import io_wrapper

    logdir = os.fspath(logdir)
    if not os.path.isdir(logdir):
        raise RunsDataError(f"No directory {logdir}: give the log directory TensorBoard would be started on.")
    directories = sorted(io_wrapper.GetLogdirSubdirectories(logdir))
    if not directories:
        raise RunsDataError(f"No TensorBoard event files (events.out.tfevents.*) under {logdir}.")
    read = []
    with Progress(len(directories), "TensorBoard runs", "run", progress) as bar:
        for directory in directories:
            read.append((run_name(logdir, directory), _read_run(directory)))
            bar.update()
    tags = list(dict.fromkeys(tag for _, run in read for tag in run.series))
    wanted = set(pick(tags, metrics, "scalar tag of the runs", logdir))
    runs, scalars, details = RunsColumns(("run_id", "name", "start_time", "end_time")), ScalarsColumns(), DetailsRows()
    for run_id, run in read:
        _add_run(run_id, run, wanted, runs, scalars, details)
    runs_table = runs.table({"start_time": TIMESTAMP, "end_time": TIMESTAMP})
    return RunTables(runs_table, scalars.table(time_unit="s"), details.table(), f"TensorBoard {logdir}")


def run_name(logdir, directory):
    """A run's id: its directory's path below logdir ("lr=0.1/train"), as TensorBoard names runs."""
    relative = os.path.relpath(directory, logdir)
    return os.path.basename(os.path.abspath(logdir)) if relative == "." else relative.replace(os.sep, "/")


def _read_run(directory):
    events = RunEvents(directory)
    events.read()
    return events


def _add_run(run_id, run, wanted, runs, scalars, details):
    row = {"run_id": run_id, "name": run_id}
    times = [time for steps, wall_times, values in run.series.values() for time in wall_times]
    if times:
        row["start_time"], row["end_time"] = round(min(times) * 1000), round(max(times) * 1000)
    row.update((f"params.{name}", value) for name, value in run.hparams.items())
    for tag, (steps, wall_times, values) in run.series.items():
        if tag not in wanted:
            continue
        scalars.add(run_id, tag, steps, wall_times, values)
        if values:
            # The last value: the greatest step, then the latest time, then the largest value.
            last = max(zip(steps, wall_times, values))[2]
            row[f"metrics.{tag}"] = last
            details.add(run_id, f"metrics/{tag}", last)
    runs.add(row)
    details.add_tree(run_id, "params", run.hparams)
    details.add(run_id, "run/directory", run.directory)
    details.add(run_id, "run/event files", "\n".join(run.files))
