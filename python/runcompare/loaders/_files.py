"""rc.read_runs and rc.read_scalars: the contract's tables from CSV, JSON lines, Parquet and Arrow
files, scanned lazily with polars: the runs and metrics asked for are filtered inside the scan
(Parquet skips the row groups that hold none of them), so a file larger than memory can be read
for the part of it that fits."""

import os

import pyarrow as pa

from .._contract import RUN_ID
from .._convert import to_runs_table
from .._diff import details_table as to_details_table
from .._errors import RunsDataError
from .._scalars import MLFLOW_HISTORY, to_scalars_table
from ._common import RunTables, require

SCANNERS = {
    ".csv": ("scan_csv", {}),
    ".tsv": ("scan_csv", {"separator": "\t"}),
    ".jsonl": ("scan_ndjson", {}),
    ".ndjson": ("scan_ndjson", {}),
    ".parquet": ("scan_parquet", {}),
    ".pq": ("scan_parquet", {}),
    ".arrow": ("scan_ipc", {}),
    ".feather": ("scan_ipc", {}),
    ".ipc": ("scan_ipc", {}),
}
# Columns of a long scalars table that are not metrics when a wide one is melted.
INDEX_COLUMNS = ("run_id", "variant", "step", "time", "timestamp", "wall_time")


def read_runs(path, scalars=None, details=None, metrics=None):
    """Runs from a file, and optionally their scalars and details from files of their own:
    ``d = rc.read_runs("runs.parquet", scalars="scalars.parquet")``, then ``rc.parallel(d.runs,
    scalars=d.scalars)``.

    path: a runs table (one row per run, a run_id column; the columns of MLflow's search_runs)
        as .csv, .tsv, .jsonl / .ndjson (JSON lines), .parquet or .arrow / .feather (Arrow IPC
        file); a directory or glob of Parquet files is one table.
    scalars: a scalars file as read_scalars reads it; only the rows of these runs are read.
    details: a details file (run_id, path, value).
    metrics: with scalars, the metrics (or series) to read; None reads every one.

    Returns RunTables with ``.runs`` and, when given, ``.scalars`` and ``.details``.
    """
    runs = to_runs_table(_collect(_scan(path)))
    run_ids = runs.column(RUN_ID).to_pylist()
    scalars_table = None if scalars is None else read_scalars(scalars, runs=run_ids, metrics=metrics).scalars
    details_table = None if details is None else to_details_table(_collect(_scan(details)))
    return RunTables(runs, scalars_table, details_table, os.fspath(path))


def read_scalars(path, runs=None, metrics=None, run_id=None):
    """Scalars from a file: ``d = rc.read_scalars("scalars.parquet", runs=["a", "b"])``, then
    ``rc.scalars(d.scalars)``.

    path: as read_runs takes it. The table may be
        - long, as the contract has it: run_id, metric, optional variant, step, optional time
          (timestamps or epoch seconds), value;
        - an MLflow metric history: run_id, key, value, timestamp (epoch milliseconds), step;
        - wide: a step column and a column of numbers per metric (with run_id, and optionally
          variant and time, kept as they are), melted to the long table.
    runs: the run ids to read; None reads every run.
    metrics: the metrics to read (their rows, or in a wide table their columns); None reads every one.
    run_id: the run id of a file that holds one run and has no run_id column.

    Returns RunTables whose ``.runs`` holds the scalars' run ids (in order of first appearance)
    and ``.scalars`` the checked scalars table.
    """
    polars = require("polars", "read_scalars", "polars")
    frame = scalars_scan(polars, path, runs, metrics, run_id)
    table = to_scalars_table(_collect(frame))
    ids = table.column(RUN_ID).combine_chunks().dictionary
    return RunTables(pa.table({RUN_ID: ids}), table, None, os.fspath(path))


def scalars_scan(polars, path, runs=None, metrics=None, run_id=None):
    """The lazy scan of a scalars file, its filters and melting planned but nothing read."""
    frame = _scan(path)
    names = frame.collect_schema().names()
    if run_id is not None:
        if RUN_ID in names:
            raise RunsDataError(f"{os.fspath(path)} has a run_id column: leave out run_id={run_id!r}, or use runs=[...] to pick runs.")
        frame = frame.with_columns(polars.lit(str(run_id)).alias(RUN_ID))
        names.append(RUN_ID)
    if runs is not None and RUN_ID in names:
        frame = frame.filter(polars.col(RUN_ID).cast(polars.String).is_in([str(run) for run in runs]))
    metric = "metric" if "metric" in names else ("key" if all(name in names for name in MLFLOW_HISTORY) else None)
    if metric is not None or "value" in names or "step" not in names:
        if metrics is not None and metric is not None:
            frame = frame.filter(polars.col(metric).is_in(list(metrics)))
        return frame
    return _melted(polars, frame, metrics, path)


def _melted(polars, frame, metrics, path):
    """A wide table (a step column and a column per metric) as the long one."""
    schema = frame.collect_schema()
    index = [name for name in INDEX_COLUMNS if name in schema]
    values = [name for name, dtype in schema.items() if name not in index and dtype.is_numeric()]
    if metrics is not None:
        missing = [name for name in metrics if name not in values]
        if missing:
            raise RunsDataError(f"{os.fspath(path)} has no column of numbers {missing[0]!r}; its metric columns are: {', '.join(values) or 'none'}.")
        values = [name for name in values if name in set(metrics)]
    if not values:
        raise RunsDataError(f"{os.fspath(path)} has a step column but no metric column: give one column of numbers per metric, or metric and value columns.")
    frame = frame.select(index + values).with_columns(polars.col(values).cast(polars.Float64))
    return frame.unpivot(on=values, index=index, variable_name="metric", value_name="value")


def _scan(path):
    polars = require("polars", "read_runs", "polars")
    text = os.fspath(path)
    suffix = os.path.splitext(text.rstrip("/*"))[1].lower()
    if os.path.isdir(text) and suffix == "":
        suffix = ".parquet"
    if suffix not in SCANNERS:
        raise RunsDataError(f"Cannot read {text}: give a .csv, .tsv, .jsonl, .parquet or .arrow file.")
    if not any(char in text for char in "*?[") and not os.path.exists(text):
        raise RunsDataError(f"No file {text}.")
    scanner, options = SCANNERS[suffix]
    if scanner == "scan_ipc" and _is_ipc_stream(text):
        return polars.read_ipc_stream(text).lazy()
    return getattr(polars, scanner)(text, **options)


def _is_ipc_stream(path):
    """Arrow IPC stream bytes (what runcompare sends) rather than the file format."""
    if os.path.isdir(path):
        return False
    with open(path, "rb") as file:
        return file.read(6) != b"ARROW1"


def _collect(frame):
    """The scan's rows as a pyarrow Table, read by polars' streaming engine."""
    return frame.collect(engine="streaming").to_arrow()
