"""rc.from_tensorboard: runs and learning curves from a TensorBoard log directory, read with
TensorBoard's own event reading code (its plugin event accumulator: v1 simple values and v2
tensor summaries alike, restarts purged as TensorBoard purges them)."""

import os

from .._errors import RunsDataError
from .._normalise import TIMESTAMP
from ._common import DetailsRows, Progress, RunsColumns, RunTables, ScalarsColumns, pick, require

# Keep every scalar: TensorBoard's own default keeps a sample of 1,000 per tag.
KEEP_ALL = 0


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
            read.append(_read_run(logdir, directory))
            bar.update()
    tags = list(dict.fromkeys(tag for run in read for tag in run.series))
    wanted = set(pick(tags, metrics, "scalar tag of the runs", logdir))
    runs, scalars, details = RunsColumns(("run_id", "name", "start_time", "end_time")), ScalarsColumns(), DetailsRows()
    for run in read:
        _add_run(run, wanted, runs, scalars, details)
    runs_table = runs.table({"start_time": TIMESTAMP, "end_time": TIMESTAMP})
    return RunTables(runs_table, scalars.table(time_unit="s"), details.table(), f"TensorBoard {logdir}")


class _Run:
    def __init__(self, run_id, directory):
        self.run_id = run_id
        self.directory = directory
        self.series = {}  # tag -> (steps, wall times, values)
        self.hparams = {}
        self.files = []


def run_name(logdir, directory):
    """A run's id: its directory's path below logdir ("lr=0.1/train"), as TensorBoard names runs."""
    relative = os.path.relpath(directory, logdir)
    return os.path.basename(os.path.abspath(logdir)) if relative == "." else relative.replace(os.sep, "/")


def _read_run(logdir, directory):
    accumulator = event_reader(directory)
    accumulator.Reload()
    return read_accumulated(logdir, directory, accumulator)


def event_reader(directory):
    """TensorBoard's reader of a run's event files, keeping every scalar; each Reload() reads on
    from where the last stopped."""
    from tensorboard.backend.event_processing import plugin_event_accumulator

    return plugin_event_accumulator.EventAccumulator(
        directory, size_guidance={plugin_event_accumulator.TENSORS: KEEP_ALL}, tensor_size_guidance={"scalars": KEEP_ALL}
    )


def read_accumulated(logdir, directory, accumulator, since=None):
    """The run as an event reader has read it so far: its scalar series (each from the event
    after the first ``since[tag]``, when given) and hparams."""
    from tensorboard.backend.event_processing import plugin_event_accumulator
    from tensorboard.util import tensor_util

    run = _Run(run_name(logdir, directory), directory)
    run.files = sorted(name for name in os.listdir(directory) if "tfevents" in name)
    for tag in accumulator.Tags()[plugin_event_accumulator.TENSORS]:
        if accumulator.SummaryMetadata(tag).plugin_data.plugin_name != "scalars":
            continue
        events = accumulator.Tensors(tag)[(since or {}).get(tag, 0) :]
        run.series[tag] = (
            [event.step for event in events],
            [event.wall_time for event in events],
            [float(tensor_util.make_ndarray(event.tensor_proto).item()) for event in events],
        )
    run.hparams = hparams_of(accumulator)
    return run


def hparams_of(accumulator):
    """The run's hparams (the hparams plugin's session start), {} when it logged none."""
    from tensorboard.plugins.hparams import metadata as hparams_metadata

    hparams = accumulator.PluginTagToContent(hparams_metadata.PLUGIN_NAME) if hparams_metadata.PLUGIN_NAME in accumulator.ActivePlugins() else {}
    content = hparams.get(hparams_metadata.SESSION_START_INFO_TAG)
    if content is None:
        return {}
    info = hparams_metadata.parse_session_start_info_plugin_data(content)
    return {name: _hparam_value(value) for name, value in info.hparams.items()}


def _hparam_value(value):
    """A google.protobuf.Value of the hparams plugin as the Python value it holds."""
    kind = value.WhichOneof("kind")
    return None if kind in (None, "null_value") else getattr(value, kind)


def _add_run(run, wanted, runs, scalars, details):
    row = {"run_id": run.run_id, "name": run.run_id}
    times = [time for steps, wall_times, values in run.series.values() for time in wall_times]
    if times:
        row["start_time"], row["end_time"] = round(min(times) * 1000), round(max(times) * 1000)
    row.update((f"params.{name}", value) for name, value in run.hparams.items())
    for tag, (steps, wall_times, values) in run.series.items():
        if tag not in wanted:
            continue
        scalars.add(run.run_id, tag, steps, wall_times, values)
        # The last value: the greatest step, then the latest time, then the largest value.
        last = max(range(len(values)), key=lambda i: (steps[i], wall_times[i], values[i]), default=None)
        if last is not None:
            row[f"metrics.{tag}"] = values[last]
            details.add(run.run_id, f"metrics/{tag}", values[last])
    runs.add(row)
    details.add_tree(run.run_id, "params", run.hparams)
    details.add(run.run_id, "run/directory", run.directory)
    details.add(run.run_id, "run/event files", "\n".join(run.files))
