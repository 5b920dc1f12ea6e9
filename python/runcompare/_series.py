"""What the long tables (samples, plots) share with the scalars: run ids, metrics and variants
as text labels, and series named "metric/variant" (src/data/series.ts)."""

import pyarrow as pa
import pyarrow.compute as pc

from . import _errors
from ._contract import RUN_ID, value_type
from ._convert import table_to_ipc, to_runs_table
from ._errors import RunsDataError
from ._inputs import _is_dataframe, read_columns


def _check_type(name, array, table, expected):
    found = value_type(array)
    if found not in (expected, None):
        raise RunsDataError(_errors.column_type(table, name, expected, found))


def labels(name, array, table, missing):
    """A text column as dictionary labels (in order of first appearance). `missing(column, row)`
    gives the message for a missing value, or is None for an optional column."""
    _check_type(name, array, table, "strings")
    if missing is not None and array.null_count:
        raise RunsDataError(missing(name, pc.index(pc.is_null(array), True).as_py()))
    return pc.dictionary_encode(pc.cast(array, pa.string()))


def text_column(name, array, table, rows):
    """A text column's values (None where missing; every row None when there is no such column)."""
    if array is None:
        return [None] * rows
    _check_type(name, array, table, "strings")
    return array.to_pylist()


def series_of(metric, variant):
    """Each row's (metric, variant or None) pair, and the distinct pairs in order of first appearance."""
    metrics = metric.dictionary.to_pylist()
    variants = variant.dictionary.to_pylist() if variant is not None else []
    variant_codes = variant.indices.to_pylist() if variant is not None else [None] * len(metric)
    rows = [(metrics[m], None if v is None else variants[v]) for m, v in zip(metric.indices.to_pylist(), variant_codes)]
    return rows, list(dict.fromkeys(rows))


def series_key(metric, variant):
    return metric if variant is None else f"{metric}/{variant}"


def check_unique_series(pairs, table):
    """Metric "loss/train" and metric "loss" with variant "train" would both be named "loss/train"."""
    first_of_key = {}
    for pair in pairs:
        key = series_key(*pair)
        if key in first_of_key:
            raise RunsDataError(_errors.same_series_name(table, key, first_of_key[key], pair))
        first_of_key[key] = pair


def check_metrics(pairs, names, table):
    """Every name is a metric or a "metric/variant" series of the table (chooseSeries in series.ts)."""
    keys = [series_key(*pair) for pair in pairs]
    metrics = {metric for metric, _ in pairs}
    for name in names:
        if name not in metrics and name not in keys:
            raise RunsDataError(_errors.unknown_series_of(table, name, keys))


def split_data(table):
    """The data column taken aside when it holds Python objects (a list of dicts, a pandas object
    column), as the views take it aside from an array of objects: it may mix text, bytes, arrays,
    images and small tables. Arrow and polars tables keep theirs. Returns (values or None, the rest)."""
    if isinstance(table, list) and any(isinstance(record, dict) and "data" in record for record in table):
        return [record.get("data") if isinstance(record, dict) else None for record in table], [
            {key: value for key, value in record.items() if key != "data"} if isinstance(record, dict) else record for record in table
        ]
    if _is_dataframe(table, "pandas") and "data" in table.columns and table["data"].dtype == object:
        return table["data"].tolist(), table.drop(columns=["data"])
    return None, table


def read_long_table(table, name, unit):
    """A samples or plots table read: its data column taken aside (split_data), the rest read as
    columns. Raises RunsDataError when it has no rows. Returns (data or None, the columns read,
    the names of all its columns)."""
    data, rest = split_data(table)
    source = read_columns(rest, name)
    if source.row_count == 0:
        raise RunsDataError(_errors.table_empty(name, unit))
    return data, source, source.names + (["data"] if data is not None else [])


def runs_beside(view, table, runs):
    """The run ids of a long table (samples, plots) in order, and the Arrow bytes of the runs
    table given beside it (b"" for none), refused when none of its runs is the table's."""
    ids = table.column(RUN_ID).combine_chunks().dictionary.to_pylist()
    if runs is None:
        return ids, b""
    runs_table = to_runs_table(runs)
    check_runs_of(view, ids, runs_table)
    return ids, table_to_ipc(runs_table)


def check_runs_of(table_name, ids, runs_table):
    """Refuses a table of these run ids (details, plots, samples) when none of them is a run of the runs table."""
    known = set(runs_table.column(RUN_ID).to_pylist())
    if not any(run_id in known for run_id in ids):
        raise RunsDataError(_errors.unknown_runs_of(table_name, ids[0], runs_table.column(RUN_ID)[0].as_py()))
