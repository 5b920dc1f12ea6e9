"""One Arrow type per kind of value, so that every input gives the same bytes for the same data.

The rule, applied to each column (and to the items and fields of lists and structs):

- integers of any width -> int64; floats of any width and decimals -> float64, with missing
  values as NaN (pandas cannot tell NaN from missing, so no input may);
- large_string, string_view and dictionary (categorical) columns -> string;
  large_binary, binary_view and fixed_size_binary -> binary;
- timestamps of any unit and zone, and dates -> timestamp[ms, tz=UTC]: the instant is kept,
  cut to the millisecond; naive values are taken to be UTC;
- large and fixed-size lists and list views -> list;
- booleans, strings, null and anything else stay as they are.

Null slots of fixed-width columns hold zeros.
"""

import math

import pyarrow as pa
import pyarrow.compute as pc

from . import _errors
from ._errors import INT64_MAX, RunsDataError

TIMESTAMP = pa.timestamp("ms", tz="UTC")


def _is(data_type, predicate):
    # Newer kinds (string_view, list_view, ...) have no predicate in older pyarrow.
    return getattr(pa.types, predicate, lambda _: False)(data_type)


def _any(data_type, *predicates):
    return any(_is(data_type, predicate) for predicate in predicates)


def normal_type(data_type):
    if pa.types.is_dictionary(data_type):
        return normal_type(data_type.value_type)
    if _any(data_type, "is_large_string", "is_string_view"):
        return pa.string()
    if _any(data_type, "is_large_binary", "is_binary_view", "is_fixed_size_binary"):
        return pa.binary()
    if pa.types.is_integer(data_type):
        return pa.int64()
    if pa.types.is_floating(data_type) or pa.types.is_decimal(data_type):
        return pa.float64()
    if pa.types.is_timestamp(data_type) or pa.types.is_date(data_type):
        return TIMESTAMP
    if _any(data_type, "is_list", "is_large_list", "is_fixed_size_list", "is_list_view", "is_large_list_view"):
        return pa.list_(normal_type(data_type.value_type))
    if pa.types.is_struct(data_type):
        fields = [data_type.field(i) for i in range(data_type.num_fields)]
        return pa.struct([pa.field(f.name, normal_type(f.type), f.nullable) for f in fields])
    return data_type


def check_integers(name, column):
    """The column, when normalise can cast its integers to int64; else RunsDataError naming the
    column and its largest integer (an unsigned 64-bit one beyond int64)."""
    largest = big_unsigned(column)
    if largest is not None:
        raise RunsDataError(_errors.big_integer(name, largest))
    return column


def big_unsigned(column):
    """The largest unsigned 64-bit integer of the column (or of its lists and structs) when it is
    beyond int64, which normalise could not cast; None when there is none."""
    if not _holds_uint64(column.type):
        return None
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    data_type = column.type
    if pa.types.is_uint64(data_type):
        largest = pc.max(column).as_py()
        return largest if largest is not None and largest > INT64_MAX else None
    if pa.types.is_dictionary(data_type):
        return big_unsigned(column.dictionary)
    if _any(data_type, "is_list", "is_large_list", "is_fixed_size_list"):
        return big_unsigned(column.flatten())
    if pa.types.is_struct(data_type):
        found = (big_unsigned(column.field(i)) for i in range(data_type.num_fields))
        return next((value for value in found if value is not None), None)
    return None


def _holds_uint64(data_type):
    if pa.types.is_dictionary(data_type):
        return _holds_uint64(data_type.value_type)
    if _any(data_type, "is_list", "is_large_list", "is_fixed_size_list"):
        return _holds_uint64(data_type.value_type)
    if pa.types.is_struct(data_type):
        return any(_holds_uint64(data_type.field(i).type) for i in range(data_type.num_fields))
    return pa.types.is_uint64(data_type)


def normalise(column):
    """An Array or ChunkedArray as one Array of its normal type."""
    target = normal_type(column.type)
    if column.type != target:
        # Unsafe only for timestamps, where it means cutting to the millisecond.
        column = pc.cast(column, target, safe=not pa.types.is_timestamp(target))
    if target == pa.float64() and column.null_count:
        column = pc.fill_null(column, math.nan)
    if isinstance(column, pa.ChunkedArray):
        # One chunk is taken as it is: combine_chunks would copy it.
        column = column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
    if column.null_count and pa.types.is_primitive(target):
        column = _zero_null_slots(column)
    return column


def _zero_null_slots(column):
    """A null slot's value can be anything (pandas leaves its NaT marker there): the same
    validity over the values with zeros in null slots. Timestamps go through their int64 epoch
    values."""
    storage = pa.int64() if pa.types.is_timestamp(column.type) else column.type
    zeroed = pc.fill_null(column.cast(storage), pa.scalar(0, pa.int64()).cast(storage))
    validity = pc.is_valid(column)
    return pa.Array.from_buffers(column.type, len(column), [validity.buffers()[1], zeroed.buffers()[1]], column.null_count)
