"""Reading each accepted kind of runs input as named Arrow columns.

pandas and polars are recognised by module name and never imported here, so runcompare works
with either (or both) missing.
"""

import datetime
import numbers
import sys
import uuid
from collections.abc import Mapping
from typing import Callable, Iterator, List, NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from . import _errors
from ._errors import RunsDataError
from ._values import column_value_type, is_missing


class ColumnSource(NamedTuple):
    row_count: int
    names: List[str]
    # Called only once the row count and names have passed their checks.
    arrays: Callable[[], Iterator]


def read_columns(runs, table):
    """table names the input in errors: "runs", "scalars" or "details"."""
    if isinstance(runs, pa.Table):
        return _from_arrow(runs)
    if isinstance(runs, pa.RecordBatch):
        return _from_arrow(pa.Table.from_batches([runs]))
    if _is_dataframe(runs, "pandas"):
        return _from_pandas(runs)
    if _is_dataframe(runs, "polars"):
        return _from_arrow(_polars_to_arrow(runs))
    if isinstance(runs, list):
        return _from_records(runs, table)
    raise RunsDataError(_errors.not_table_input(table, type(runs).__name__))


def _is_dataframe(value, library):
    """A DataFrame of the library, or of a subclass of it (as geopandas' GeoDataFrame)."""
    return any(kind.__name__ == "DataFrame" and kind.__module__.split(".")[0] == library for kind in type(value).__mro__)


def _from_arrow(table):
    return ColumnSource(table.num_rows, list(table.column_names), lambda: iter(table.columns))


def _polars_to_arrow(frame):
    """A polars DataFrame as Arrow. Its text columns are read as polars holds them, string views
    (no copy), and cast to string once: polars' default layout, large_string, copies every
    string first. Other columns take that default layout (pyarrow cannot cast a dictionary of
    views, so categoricals must)."""
    polars = sys.modules[type(frame).__module__.split(".")[0]]
    levels = getattr(polars, "CompatLevel", None)
    text = [name for name, dtype in frame.schema.items() if dtype == polars.String] if levels else []
    if not text:
        return frame.to_arrow()
    views = frame.select(text).to_arrow(compat_level=levels.newest())
    others = frame.drop(text).to_arrow()
    source = {name: views if name in text else others for name in frame.columns}
    return pa.table({name: _text(table.column(name)) if table is views else table.column(name) for name, table in source.items()})


def _text(views):
    """String views as one string array. Its validity bitmap is made anew: polars leaves the bits
    past the last row as they were, and equal data must give equal bytes."""
    text = pa.concat_arrays([chunk.cast(pa.string()) for chunk in views.chunks]) if views.num_chunks != 1 else views.chunk(0).cast(pa.string())
    if not text.null_count:
        return text
    if text.offset:
        text = pa.concat_arrays([text])
    validity = pc.is_valid(text).buffers()[1]
    return pa.Array.from_buffers(pa.string(), len(text), [validity, *text.buffers()[1:]], text.null_count)


def _from_pandas(frame):
    """Named index levels become leading columns; an unnamed index (such as the default
    RangeIndex) is dropped."""
    index_names = [name for name in frame.index.names if name is not None]
    names = check_names([str(name) for name in index_names] + [str(name) for name in frame.columns])

    def arrays():
        for level in index_names:
            yield _from_pandas_values(str(level), frame.index.get_level_values(level))
        for position, name in enumerate(frame.columns):
            yield _from_pandas_values(str(name), frame.iloc[:, position])

    return ColumnSource(len(frame), names, arrays)


def _from_pandas_values(name, values):
    """A Series or Index. Object columns hold Python values of any type: pyarrow reads one of
    text (or nothing but missing values) at once; any other is typed here value by value, with
    our message for a mix."""
    if values.dtype == object:
        return _object_text(values) or array_from_values(name, values.tolist(), nan_is_missing=True)
    return pa.array(values, from_pandas=True)


def check_names(names):
    """Column names that can be sent: one holding a lone surrogate is no Unicode, so no Arrow name."""
    for name in names:
        if not name.isascii():
            try:
                name.encode("utf-8")
            except UnicodeEncodeError as error:
                raise RunsDataError(_errors.name_not_unicode(_errors.printable(name), error.object[error.start])) from None
    return names


def not_unicode(column, error):
    """The RunsDataError for text pyarrow could not encode (UnicodeEncodeError `error`) in `column`."""
    return RunsDataError(_errors.not_unicode(_errors.printable(column), error.object[error.start]))


def _object_text(values):
    """An object column of strings and missing values (None, NaN, pd.NA) as a string array,
    read by pyarrow; None when it holds anything else."""
    try:
        array = pa.array(values, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError, UnicodeEncodeError):
        # Read value by value instead, where such values get our message.
        return None
    if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
        return array
    return pa.nulls(len(values)) if pa.types.is_null(array.type) else None


def _from_records(records, table):
    names = {}
    for record in records:
        if not isinstance(record, Mapping):
            raise RunsDataError(_errors.not_table_input(table, f"a list holding {type(record).__name__}"))
        names.update(dict.fromkeys(record))

    def arrays():
        for key in names:
            values = [record.get(key) for record in records]
            yield array_from_values(str(key), values, nan_is_missing=False)

    return ColumnSource(len(records), check_names([str(key) for key in names]), arrays)


def array_from_values(name, values, nan_is_missing):
    """An Arrow array from a column of Python values, which must all be of one type."""
    values = [None if is_missing(value, nan_is_missing) else value for value in values]
    value_type = column_value_type(name, [value for value in values if value is not None])
    if value_type is None:
        return pa.nulls(len(values))
    try:
        return _BUILDERS[value_type](values)
    except OverflowError:
        raise RunsDataError(_errors.big_integer(name, _first_big_integer(values))) from None
    except UnicodeEncodeError as error:
        raise not_unicode(name, error) from None
    except pa.ArrowException:
        # pyarrow before 18 has no UUID type: UUIDs are then text from the start.
        if all(isinstance(value, uuid.UUID) for value in values if value is not None):
            return pa.array([None if value is None else str(value) for value in values], pa.string())
        # Lists and objects pyarrow cannot type, such as a list of mixed values or a model object.
        raise RunsDataError(_errors.unsupported_type(name, value_type)) from None


def _first_big_integer(values):
    """The first integer beyond int64, also inside lists (what OverflowError was about)."""
    for value in values:
        items = value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            if isinstance(item, numbers.Integral) and not _errors.INT64_MIN <= int(item) <= _errors.INT64_MAX:
                return int(item)
    return None


def _numbers(values):
    if all(isinstance(value, numbers.Integral) for value in values if value is not None):
        return pa.array([None if v is None else int(v) for v in values], pa.int64())
    return pa.array([None if v is None else float(v) for v in values], pa.float64())


def _timestamps(values):
    # pyarrow takes naive datetimes as UTC and converts aware ones; dates and numpy
    # datetime64 values are first made datetimes.
    return pa.array([None if v is None else _as_datetime(v) for v in values], pa.timestamp("us", tz="UTC"))


def _as_datetime(value):
    if type(value).__module__ == "numpy":
        return value.astype("datetime64[us]").item()
    if not isinstance(value, datetime.datetime):
        return datetime.datetime(value.year, value.month, value.day)
    return value


_BUILDERS = {
    "numbers": _numbers,
    "strings": lambda values: pa.array(values, pa.string()),
    "booleans": lambda values: pa.array([None if v is None else bool(v) for v in values], pa.bool_()),
    "timestamps": _timestamps,
    "binary": lambda values: pa.array([None if v is None else bytes(v) for v in values], pa.binary()),
    "lists": lambda values: pa.array([None if v is None else list(v) for v in values]),
    "objects": pa.array,
}
