"""The stores rc.follow polls. Each poll() returns (runs, scalars): the runs whose row is new or
changed and the points reported since the last poll (either None when there are none), and
finished() says whether any run may still report. A poll that fails (a file read half-written)
changes nothing: the next poll reads the same points again."""

import io
import os
import time

from .._contract import RUN_ID
from .._scalars import to_scalars_table
from ._common import RunsColumns, ScalarsColumns, require
from ._files import read_scalars
from ._mlflow import (
    _client_histories,
    _database_histories,
    _experiment_ids,
    _file_store_allowed,
    _local_path,
    _open,
    _runs_table,
    _search,
    metric_file_points,
    number_in_logged_order,
)
from ._tensorboard import run_name
from ._tfevents import RunEvents

FINISHED = {"FINISHED", "FAILED", "KILLED"}


class MlflowStore:
    """Runs of MLflow experiments: every poll searches the runs (new runs, changed rows) and reads
    on the histories of the runs still running: a file store's metric files from where the last
    poll stopped, a database's or a server's histories past the points already read (a history
    lists its points in the order they were logged)."""

    def __init__(self, uri, experiments, metrics, stale_seconds=3600):
        require("mlflow", "follow", "mlflow")
        self._stale_ms = stale_seconds * 1000
        self._last_logged = {}  # run id -> epoch ms of its latest point (or its start)
        self._client, self._store, self._uri = _open(uri)
        self._local = _local_path(self._uri) is not None
        self._experiments = _experiment_ids(self._client, experiments, self._uri)
        self._metrics = metrics
        self._rows = {}  # run id -> its row as last handed on
        self._read = {}  # (run id, metric) -> points handed on, or a metric file's bytes read
        # (run id, metric) -> the step its next point takes while every point so far was logged
        # without one (step 0), numbered as from_mlflow numbers such a curve; None once one had a step.
        self._numbered = {}
        self._done = set()  # runs read whole after they finished
        self._finished = False

    def poll(self):
        with _file_store_allowed(self._local):
            runs = _search(self._store, self._experiments, None, None, None, False, self._uri)
            # The status before the histories: a run that finished has logged all it will.
            live = [run for run in runs if run.info.run_id not in self._done]
            finished = {run.info.run_id for run in live if run.info.status in FINISHED}
            read, scalars, logged, numbered = dict(self._read), ScalarsColumns(), dict(self._last_logged), dict(self._numbered)
            for run_id, key, steps, times, values in self._new_points(live, read):
                first = numbered.get((run_id, key), 0)
                if first is not None and not any(steps):
                    steps, times, values = number_in_logged_order(first, times, values)
                    numbered[(run_id, key)] = first + len(steps)
                else:
                    numbered[(run_id, key)] = None
                scalars.add(run_id, key, steps, times, values)
                logged[run_id] = max([logged.get(run_id, 0), *times])
        # A run left RUNNING by a process that died logs nothing more: past stale_seconds it counts as finished.
        now = time.time() * 1000
        finished |= {run.info.run_id for run in live if now - max(logged.get(run.info.run_id, 0), run.info.start_time or 0) > self._stale_ms}
        rows = {run.info.run_id: _row_of(run) for run in runs}
        changed = [run for run in runs if rows[run.info.run_id] != self._rows.get(run.info.run_id)]
        self._read, self._last_logged, self._numbered = read, logged, numbered
        self._done |= finished
        self._rows.update(rows)
        self._finished = bool(runs) and all(run.info.run_id in self._done for run in runs)
        return (_runs_table(changed, False) if changed else None), scalars.table()

    def _new_points(self, runs, read):
        """(run id, metric, steps, times, values) of the points logged since the last poll; `read` moves on."""
        from mlflow.store.tracking.file_store import FileStore as MlflowFileStore
        from mlflow.store.tracking.sqlalchemy_store import SqlAlchemyStore

        wanted = {run.info.run_id: [key for key in run.data.metrics if self._metrics is None or key in self._metrics] for run in runs}
        if isinstance(self._store, MlflowFileStore):
            for run in runs:
                for key in wanted[run.info.run_id]:
                    path = os.path.join(self._store.root_directory, run.info.experiment_id, run.info.run_id, "metrics", key)
                    try:
                        points, read[(run.info.run_id, key)] = metric_file_points(path, read.get((run.info.run_id, key), 0), lines_written=True)
                    except OSError:  # no point logged yet
                        continue
                    yield (run.info.run_id, key, *points)
            return
        if isinstance(self._store, SqlAlchemyStore):
            keys = {key for keys in wanted.values() for key in keys}
            histories = [series[:5] for series in _database_histories(self._store, runs, keys)] if runs and keys else []
        else:
            histories = [series[:5] for run in runs for series in _client_histories(self._client, run, set(wanted[run.info.run_id]))]
        for run_id, key, steps, times, values in histories:
            start = read.get((run_id, key), 0)
            read[(run_id, key)] = len(values)
            yield run_id, key, steps[start:], times[start:], values[start:]

    def finished(self):
        return self._finished


def _row_of(run):
    info, data = run.info, run.data
    return (info.status, info.end_time, info.run_name, sorted(data.metrics.items()), sorted(data.params.items()), sorted(data.tags.items()))


class TensorBoardStore:
    """A TensorBoard log directory: each run's event files are read on from the last whole record
    the previous poll read, new run directories as they appear. TensorBoard keeps no run status:
    follow it until the view is closed."""

    def __init__(self, logdir, metrics):
        require("tensorboard", "follow", "tensorboard")
        self._logdir = os.fspath(logdir)
        self._metrics = metrics
        self._readers = {}  # directory -> its RunEvents
        self._read = {}  # run id -> {tag: events handed on}
        self._runs = {}  # run id -> {start_time, end_time, metrics.<tag>}

    def poll(self):
        from tensorboard.backend.event_processing import io_wrapper

        rows, scalars = RunsColumns((RUN_ID, "name", "start_time", "end_time")), ScalarsColumns()
        for directory in sorted(io_wrapper.GetLogdirSubdirectories(self._logdir)):
            run = self._readers.setdefault(directory, RunEvents(directory))
            run.read()
            run_id = run_name(self._logdir, directory)
            since = self._read.get(run_id, {})
            wanted = {
                tag: tuple(column[since.get(tag, 0) :] for column in series)
                for tag, series in run.series.items()
                if self._metrics is None or tag in self._metrics
            }
            row = dict(self._runs.get(run_id, {RUN_ID: run_id, "name": run_id}))
            row.update((f"params.{name}", value) for name, value in run.hparams.items())
            for tag, (steps, times, values) in wanted.items():
                if not values:
                    continue
                scalars.add(run_id, tag, steps, times, values)
                self._read.setdefault(run_id, {})[tag] = self._read.get(run_id, {}).get(tag, 0) + len(values)
                row["start_time"] = min(row.get("start_time", float("inf")), round(min(times) * 1000))
                row["end_time"] = max(row.get("end_time", 0), round(max(times) * 1000))
                row[f"metrics.{tag}"] = values[max(range(len(values)), key=lambda i: (steps[i], times[i]))]
            if row != self._runs.get(run_id):
                self._runs[run_id] = row
                rows.add(row)
        from .._normalise import TIMESTAMP

        runs = rows.table({"start_time": TIMESTAMP, "end_time": TIMESTAMP}) if rows.count else None
        return runs, scalars.table(time_unit="s")

    def finished(self):
        return False


class FileStore:
    """A scalars file (long format: run_id, metric, step, value, ...) a training script appends
    to: every poll reads the lines written whole so far (.csv, .tsv, .jsonl; other formats, which
    are written anew, whole) and hands on the rows after those already read, with a row for each
    new run."""

    def __init__(self, path):
        self._path = path
        self._rows = 0
        self._runs = set()

    def poll(self):
        table = self._read()
        new = table.slice(self._rows)
        ids = [run_id for run_id in dict.fromkeys(new.column(RUN_ID).to_pylist()) if run_id not in self._runs]
        self._rows = table.num_rows
        self._runs.update(ids)
        runs = RunsColumns()
        for run_id in ids:
            runs.add({RUN_ID: run_id})
        return (runs.table() if ids else None), (to_scalars_table(new) if new.num_rows else None)

    def _read(self):
        suffix = os.path.splitext(self._path)[1].lower()
        if suffix not in (".csv", ".tsv", ".jsonl"):
            return read_scalars(self._path).scalars
        polars = require("polars", "follow", "polars")
        with open(self._path, "rb") as file:
            text = file.read()
        whole = text[: text.rfind(b"\n") + 1]
        if suffix == ".jsonl":
            return polars.read_ndjson(io.BytesIO(whole)).to_arrow()
        return polars.read_csv(io.BytesIO(whole), separator="\t" if suffix == ".tsv" else ",").to_arrow()

    def finished(self):
        return False
