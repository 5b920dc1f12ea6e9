"""What every loader shares: the result object, the optional libraries, the progress bar and the
building of the contract's three tables from what a tracker returns."""

import datetime
import importlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional, Tuple

import pyarrow as pa
import pyarrow.compute as pc

from .._contract import RUN_ID
from .._convert import to_runs_table
from .._diff import field_text
from .._errors import RunsDataError
from .._normalise import TIMESTAMP
from .._scalars import to_scalars_table

# Below this many runs (or files, or trials) a progress bar would only flicker.
PROGRESS_FROM = 50


@dataclass(frozen=True)
class RunTables:
    """Runs as the views take them: ``runs`` (one row per run), ``scalars`` (one row per reported
    value, or None when the runs reported no curves) and ``details`` (one row per run and config
    field, for rc.diff; None when there are none), each a pyarrow Table that follows the data
    contract. ``source`` says where they came from, ``notes`` what was left out or sampled."""

    runs: pa.Table
    scalars: Optional[pa.Table] = None
    details: Optional[pa.Table] = None
    source: str = ""
    notes: Tuple[str, ...] = field(default_factory=tuple)

    def __repr__(self):
        parts = [f"{self.runs.num_rows:,} runs"]
        if self.scalars is not None:
            metrics = len(self.scalars.column("metric").combine_chunks().dictionary)
            parts.append(f"{self.scalars.num_rows:,} scalars ({metrics:,} metrics)")
        if self.details is not None:
            parts.append(f"{self.details.num_rows:,} details")
        lines = [f"RunTables({', '.join(parts)}{' from ' + self.source if self.source else ''})"]
        return "\n".join(lines + [f"  note: {note}" for note in self.notes])


def require(module, caller, extra):
    """The optional library a loader reads with, or an ImportError that says what to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"rc.{caller} reads with the {extra} package, which is not installed: pip install 'runcompare[{extra}]' (or pip install {extra})."
        ) from None


class Progress:
    """tqdm.auto's bar (a widget in notebooks, text elsewhere) when there is enough to load and
    tqdm is installed; otherwise it does nothing. show: True, False or None (enough to load)."""

    def __init__(self, total, description, unit, show=None):
        self.bar = None
        if show is False or (show is None and total < PROGRESS_FROM):
            return
        try:
            from tqdm.auto import tqdm
        except ImportError:
            return
        self.bar = tqdm(total=total, desc=description, unit=unit)

    def update(self, count=1):
        if self.bar is not None:
            self.bar.update(count)

    def add_total(self, count):
        if self.bar is not None:
            self.bar.total += count
            self.bar.refresh()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()


class RunsColumns:
    """The runs table built one run at a time: fixed columns first, then params.*, metrics.* and
    tags.*, each those most runs have first (ties in order of first appearance), so that a store
    whose runs log different params (a pipeline's steps, a conditional search space) does not open
    on columns a few runs set; a column a run lacks is missing for it."""

    def __init__(self, fixed=(RUN_ID,)):
        self.count = 0
        self.columns = defaultdict(dict)
        for name in fixed:
            self.columns[name] = {}

    def add(self, values):
        """values: column name -> value for one run (None for missing)."""
        for name, value in values.items():
            if value is not None:
                self.columns[name][self.count] = value
        self.count += 1

    def table(self, types=None):
        """The checked runs table; types: column name -> Arrow type for columns pyarrow must not guess."""
        types = types or {}
        arrays = {}
        for name in _runs_column_order(self.columns):
            present = self.columns[name]
            if not present and name != RUN_ID:
                continue
            values = [present.get(row) for row in range(self.count)]
            try:
                arrays[name] = pa.array(values, types.get(name))
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                # Values of several kinds (an Optuna choice of None, 1 or "adam") as text.
                arrays[name] = pa.array([None if value is None else field_text(value) for value in values], pa.string())
        return to_runs_table(pa.table(arrays))


def _runs_column_order(columns):
    """Columns without a prefix (run_id, name, ...) as they come, then params.*, metrics.* and the
    rest, each by how many runs have a value (most first; a stable sort keeps ties in order)."""
    prefixes = ("params.", "metrics.")
    plain = [name for name in columns if "." not in name]
    groups = [[name for name in columns if name.startswith(prefix)] for prefix in prefixes]
    groups.append([name for name in columns if "." in name and not name.startswith(prefixes)])
    return plain + [name for group in groups for name in sorted(group, key=lambda name: -len(columns[name]))]


class ScalarsColumns:
    """The scalars table built one series at a time, kept as codes and plain lists until the end."""

    def __init__(self):
        self.run_codes = {}
        self.metric_codes = {}
        self.run_code = []
        self.metric_code = []
        self.step = []
        self.time = []
        self.value = []

    def add(self, run_id, metric, steps, times, values):
        """One series (or part of one): equal-length sequences; times in epoch milliseconds, or
        epoch seconds as floats (TensorBoard), or None when the tracker keeps no time."""
        run = self.run_codes.setdefault(run_id, len(self.run_codes))
        key = self.metric_codes.setdefault(metric, len(self.metric_codes))
        count = len(values)
        self.run_code.extend([run] * count)
        self.metric_code.extend([key] * count)
        self.step.extend(steps)
        self.value.extend(values)
        if times is not None:
            self.time.extend(times)

    def table(self, time_unit="ms"):
        """The checked scalars table, each series in order of step, then time, then value (so
        its last row is MLflow's latest value), or None when nothing was added.
        time_unit: "ms" for epoch milliseconds, "s" for float seconds, None for no time column."""
        if not self.value:
            return None
        run_code = pa.array(self.run_code, pa.int32())
        metric_code = pa.array(self.metric_code, pa.int32())
        columns = {
            "run_id": pa.DictionaryArray.from_arrays(run_code, pa.array(list(self.run_codes), pa.string())),
            "metric": pa.DictionaryArray.from_arrays(metric_code, pa.array(list(self.metric_codes), pa.string())),
            "step": _steps(self.step),
        }
        if time_unit == "ms":
            columns["time"] = pa.array(self.time, pa.int64()).cast(TIMESTAMP)
        elif time_unit == "s":
            columns["time"] = pa.array(self.time, pa.float64())
        columns["value"] = pa.array(self.value, pa.float64())
        table = pa.table(columns)
        keys = [("run", run_code), ("metric", metric_code), ("step", columns["step"])]
        if "time" in columns:
            keys.append(("time", columns["time"]))
        keys.append(("value", pc.fill_null(columns["value"], float("nan"))))
        order = pc.sort_indices(pa.table(dict(keys)), sort_keys=[(name, "ascending") for name, _ in keys])
        return to_scalars_table(table.take(order))


def _steps(steps):
    try:
        return pa.array(steps, pa.int64())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array(steps, pa.float64())


class DetailsRows:
    """The details table (run_id, path, value) built one field at a time; a field set twice for a
    run keeps its first value."""

    def __init__(self):
        self.seen = set()
        self.run_id = []
        self.path = []
        self.value = []

    def add(self, run_id, path, value):
        if value is None or value == "" or (run_id, path) in self.seen:
            return
        self.seen.add((run_id, path))
        self.run_id.append(run_id)
        self.path.append(path)
        self.value.append(value if isinstance(value, str) else field_text(value))

    def add_tree(self, run_id, prefix, fields):
        for key, value in fields.items():
            self.add(run_id, f"{prefix}/{key}", value)

    def table(self, names=None):
        """names: run id -> the run's name, which labels its column in rc.diff."""
        if not self.run_id:
            return None
        columns = {"run_id": pa.array(self.run_id, pa.string()), "path": pa.array(self.path, pa.string()), "value": pa.array(self.value, pa.string())}
        if names:
            columns["name"] = pa.array([names.get(run_id) for run_id in self.run_id], pa.string())
        return pa.table(columns)


def iso_time(epoch_ms):
    """Epoch milliseconds as ISO 8601 text in UTC, for the details."""
    if epoch_ms is None:
        return None
    moment = datetime.datetime.fromtimestamp(epoch_ms / 1000, datetime.timezone.utc)
    return moment.isoformat(timespec="milliseconds")


def pick(items, wanted, what, source):
    """The items (in their order) named in wanted, or all of them when wanted is None; a name
    that is not among them is an error listing what there is."""
    if wanted is None:
        return list(items)
    wanted = [wanted] if isinstance(wanted, str) else list(wanted)
    missing = [name for name in wanted if name not in items]
    if missing:
        from .._errors import list_names

        raise RunsDataError(f"{missing[0]!r} is not a {what} of {source}; there are: {list_names(items) or 'none'}.")
    return [name for name in items if name in set(wanted)]
