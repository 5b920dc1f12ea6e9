"""Scalars (one row per reported value) from any accepted input to one checked Arrow table.

The checks are those of readScalars in src/data/scalars.ts, made in the same order with the
same words, so a table with several faults is reported by the same first fault on both sides.
Every check and conversion is a pyarrow compute kernel over whole columns: no Python loop
over rows, except in reading a list of dicts or a pandas object column (_inputs).
"""

import math

import pyarrow as pa
import pyarrow.compute as pc

from . import _errors
from ._contract import check_times, value_type
from ._convert import table_to_ipc
from ._errors import RunsDataError
from ._inputs import _is_dataframe, read_columns
from ._normalise import TIMESTAMP, check_integers, normal_type, normalise

REQUIRED = ("run_id", "metric", "step", "value")
# Every column the contract knows, in the order of the table sent, and the kinds of value each
# may hold; the first kind is the one an error asks for (as scalars.ts does for time, too).
KINDS = {
    "run_id": ("strings",),
    "metric": ("strings",),
    "variant": ("strings",),
    "step": ("numbers",),
    "time": ("numbers", "timestamps"),
    "value": ("numbers",),
}
# The order of scalars.ts's checks: the two id columns are checked for missing values as they
# are read, the step only after every column's type.
CHECK_ORDER = ("run_id", "metric", "variant", "step", "value", "time")
# The columns of an MLflow metric history (Metric.to_dictionary()) that the contract names otherwise.
MLFLOW_HISTORY = {"key": "metric", "timestamp": "time"}


def to_scalars_table(scalars):
    """Check scalars against the scalars contract and return them as a pyarrow Table.

    Accepts what ``to_runs_table`` accepts: a pandas or polars DataFrame, a pyarrow Table or
    RecordBatch, or a list of dicts (one per reported value). The table has the columns
    run_id, metric, [variant,] step, [time,] value, with other columns dropped:

    - run_id, metric and variant as dictionary<int32, string>, labels in order of first
      appearance; a missing variant is null (its series is then named by the metric alone);
    - step as int64 when the input's steps are integers, else float64;
    - time as timestamp[ms, tz=UTC] from timestamps and dates (naive ones read as UTC), or as
      float64 seconds from plain numbers (as TensorBoard's wall_time);
    - value as float64, missing values as NaN; NaN and +-Inf are kept.

    Equal data gives an equal table whatever the input. Raises RunsDataError, with the same
    message as the TypeScript views, when the scalars break the contract.
    """
    columns = _contract_columns(scalars)
    _check(columns)
    converters = {"step": normalise, "time": _times, "value": _floats}
    names = [name for name in KINDS if name in columns]
    arrays = [converters.get(name, _labels)(_untyped_if_empty(columns[name])) for name in names]
    table = pa.Table.from_arrays(arrays, names=names)
    _check_unique_keys(table)
    return table


def scalars_to_ipc(scalars):
    """Scalars (anything to_scalars_table accepts) as Arrow IPC stream bytes (a bytearray, one
    record batch), checked and normalised, so equal data gives equal bytes whatever the input type."""
    return table_to_ipc(to_scalars_table(scalars))


def series_keys(table):
    """Each series of a scalars table ("metric/variant", or "metric" with no variant), in order
    of first appearance, as scalars.ts names them."""
    return [_series_key(metric, variant) for metric, variant in _series(table)]


def _series_key(metric, variant):
    return metric if variant is None else f"{metric}/{variant}"


def _series(table):
    """The distinct (metric, variant or None) pairs of a scalars table, in order of first appearance."""
    pairs, name_of = _pair_codes(table)
    return [name_of(pair) for pair in pc.unique(pairs).to_pylist()]


def _pair_codes(table):
    """Each row's series as one int64 code per (metric, variant) pair, and the function that
    names a code's pair (metric, variant or None)."""
    metric = table.column("metric").combine_chunks()
    metrics = metric.dictionary.to_pylist()
    if "variant" not in table.column_names:
        return metric.indices, lambda code: (metrics[code], None)
    variant = table.column("variant").combine_chunks()
    variants = variant.dictionary.to_pylist()
    # 0 stands for no variant.
    variant_codes = pc.add(pc.fill_null(variant.indices, -1).cast(pa.int64()), 1)
    pairs = pc.add(pc.multiply(metric.indices.cast(pa.int64()), len(variants) + 1), variant_codes)

    def name_of(code):
        metric_code, variant_code = divmod(code, len(variants) + 1)
        return metrics[metric_code], None if variant_code == 0 else variants[variant_code - 1]

    return pairs, name_of


def only_series(table, names):
    """The rows of the series ``names`` asks for: a metric name takes every variant of it,
    "metric/variant" that series (as the views' metrics option reads them)."""
    pairs, name_of = _pair_codes(table)
    wanted = set(names)
    codes = pc.unique(pairs).to_pylist()
    kept = [code for code in codes if name_of(code)[0] in wanted or _series_key(*name_of(code)) in wanted]
    if len(kept) == len(codes):
        return table
    return table.filter(pc.is_in(pairs, value_set=pa.array(kept, pairs.type)))


def _check_unique_keys(table):
    """Metric "loss/train" and metric "loss" with variant "train" would both be named "loss/train"."""
    first_of_key = {}
    for series in _series(table):
        key = _series_key(*series)
        if key in first_of_key:
            raise RunsDataError(_errors.same_series_name("scalars", key, first_of_key[key], series))
        first_of_key[key] = series


def check_scalars_belong_to_runs(table, run_ids):
    """At least one run id of the scalars is in the runs (mapRuns in src/data/resolve.ts)."""
    scalar_ids = table.column("run_id").combine_chunks().dictionary
    if not pc.any(pc.is_in(scalar_ids, value_set=run_ids)).as_py():
        raise RunsDataError(_errors.scalars_no_runs(scalar_ids[0].as_py(), run_ids[0].as_py()))


def _contract_columns(scalars):
    """The contract's columns by name, once the table has rows and every required column. A
    repeated name gives its last column, as in scalars.ts."""
    source = read_columns(scalars, "scalars")
    if source.row_count == 0:
        raise RunsDataError(_errors.scalars_empty())
    read = source
    names = _contract_names(source.names)
    if _is_dataframe(scalars, "pandas"):
        # Other columns are left unread: pandas object columns are read value by value.
        read = read_columns(scalars.loc[:, scalars.columns.isin(list(names))], "scalars")
    columns = {names[name]: check_integers(name, array) for name, array in zip(read.names, read.arrays()) if name in names}
    if names.get("timestamp") == "time":
        columns["time"] = _epoch_ms(columns["time"])
    for name in REQUIRED:
        if name not in columns:
            raise RunsDataError(_errors.scalars_no_column(name, source.names))
    return columns


def _contract_names(names):
    """The contract's name of each input column it reads. An MLflow metric-history frame (the
    fields of its Metric: key, value, timestamp in epoch milliseconds, step, run_id) names two
    columns its own way: key is the metric and timestamp the time."""
    mlflow = all(name in names for name in MLFLOW_HISTORY) and not any(name in names for name in MLFLOW_HISTORY.values())
    renamed = MLFLOW_HISTORY if mlflow else {}
    return {name: renamed.get(name, name) for name in names if renamed.get(name, name) in KINDS}


def _epoch_ms(column):
    """Epoch milliseconds as timestamps (floats, as pandas holds integers with gaps, as seconds)."""
    if pa.types.is_integer(column.type):
        return pc.cast(column.cast(pa.int64()), TIMESTAMP)
    if _value_kind(column) == "numbers":
        return pc.divide(column.cast(pa.float64()), 1000.0)
    return column


def _check(columns):
    for name in CHECK_ORDER:
        if name not in columns:
            continue
        found = _value_kind(columns[name])
        expected = KINDS[name]
        if found is not None and found not in expected:
            raise RunsDataError(_errors.column_type("scalars", name, expected[0], found))
        if name in ("run_id", "metric"):
            _check_present(name, columns[name])
    _check_present("step", columns["step"])


def _value_kind(column):
    """The contract's word for a column's values, whatever its Arrow type (strings for
    dictionary and large strings, numbers for any width, ...); None when all are missing."""
    if len(column) and column.null_count == len(column):
        return None
    return value_type(pa.nulls(0, normal_type(column.type)))


def _untyped_if_empty(column):
    """A column with no values as the typeless column a list of dicts gives, whatever type the
    input gave it (pandas: all NaT), so that it converts the same."""
    return pa.nulls(len(column)) if _value_kind(column) is None else column


def _check_present(name, column):
    # A NaN step is as missing as a null one: scalars.ts reads both as NaN.
    row = pc.index(pc.is_null(column, nan_is_null=True), True).as_py()
    if row >= 0:
        raise RunsDataError(_errors.scalars_missing(name, row))


def _labels(column):
    """Labels in order of first appearance. A dictionary whose values are distinct is renumbered
    through its indices, without writing out a string per row."""
    column = _one_array(column)
    if pa.types.is_dictionary(column.type):
        values = column.dictionary
        if not values.null_count and pc.count_distinct(values).as_py() == len(values):
            used = pc.dictionary_encode(column.indices)
            return pa.DictionaryArray.from_arrays(used.indices, pc.take(values.cast(pa.string()), used.dictionary))
    return pc.dictionary_encode(pc.cast(column, pa.string()))


def _floats(column):
    # Unsafe: integers beyond 2**53 (nanosecond times) round to the nearest double, as the view reads them.
    return _one_array(pc.fill_null(pc.cast(column, pa.float64(), safe=False), math.nan))


def _times(column):
    if _value_kind(column) != "timestamps":
        seconds = _floats(column)
        check_times("time", pc.multiply(seconds, _epoch_scale(seconds)))
        return seconds
    # Unsafe only in cutting to the millisecond, as for the runs (_normalise).
    times = _one_array(pc.cast(column, TIMESTAMP, safe=False))
    check_times("time", times)
    if not times.null_count:
        return times
    # A missing time's slot holds whatever the input left there (pandas: its NaT marker); zero
    # it, so that equal data gives equal bytes.
    epoch_ms = pc.fill_null(times.cast(pa.int64()), 0)
    return pc.if_else(pc.is_valid(times), epoch_ms, pa.scalar(None, pa.int64())).cast(TIMESTAMP)


# 1990-01-01 and 2100-01-01 in seconds since 1970, and the units plain numbers may count them in
# (epochUnit in src/data/time-units.ts).
DATES = (631_152_000, 4_102_444_800)
UNITS_PER_SECOND = (1, 1e3, 1e6, 1e9)


def _epoch_scale(numbers):
    """What makes the view's times of plain numbers epoch milliseconds: 1000 for seconds, else the
    factor of the unit (ms, us, ns) in which every finite value is a date from 1990 to 2100."""
    finite = pc.filter(numbers, pc.is_finite(numbers))
    if len(finite):
        low, high = pc.min(finite).as_py(), pc.max(finite).as_py()
        for scale in UNITS_PER_SECOND:
            if low >= DATES[0] * scale and high <= DATES[1] * scale:
                return 1000 / scale
    return 1000.0


def _one_array(column):
    return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
