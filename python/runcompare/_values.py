"""Python values in the words of the contract (mirrors src/data/values.ts)."""

import datetime
import decimal
import math
import numbers
import re

from . import _errors
from ._errors import RunsDataError

# JavaScript's Number() grammar for a trimmed, non-empty string, minus the Infinity forms
# that parse_number handles first. Python's float() differs (it takes "1_000", not "0x1f").
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NON_DECIMAL = re.compile(r"0(?:[xX][0-9a-fA-F]+|[bB][01]+|[oO][0-7]+)")
_NAN = re.compile(r"nan", re.IGNORECASE)
_INFINITY = re.compile(r"[+-]?inf(?:inity)?", re.IGNORECASE)
# What JavaScript's String.prototype.trim takes off (Python's strip differs: it takes \x1c-\x1f
# and \x85, and leaves \ufeff).
_JS_WHITESPACE = "\t\n\v\f\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def parse_number(text):
    """A number written as text, as MLflow stores every param ("0.001", "64", "nan", "-inf"),
    or None when the text is not a number. Same rule as parseNumber in values.ts."""
    trimmed = text.strip(_JS_WHITESPACE)
    if _NAN.fullmatch(trimmed):
        return math.nan
    if _INFINITY.fullmatch(trimmed):
        return -math.inf if trimmed.startswith("-") else math.inf
    if _DECIMAL.fullmatch(trimmed):
        return float(trimmed)
    if _NON_DECIMAL.fullmatch(trimmed):
        return float(int(trimmed, 0))
    return None


def is_missing(value, nan_is_missing):
    """None, pd.NA and pd.NaT are missing; float NaN only where pandas uses it as the marker."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return nan_is_missing and isinstance(value, float) and math.isnan(value)


def value_type_of(value):
    """The contract's word for one present value. Numpy scalars count as their Python kind."""
    if isinstance(value, bool) or _is_numpy(value, "bool", "bool_"):
        return "booleans"
    if isinstance(value, (numbers.Real, decimal.Decimal)):
        return "numbers"
    if isinstance(value, str):
        return "strings"
    if isinstance(value, datetime.date) or _is_numpy(value, "datetime64"):
        return "timestamps"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "binary"
    if isinstance(value, (list, tuple)) or _is_numpy(value, "ndarray"):
        return "lists"
    return "objects"


def _is_numpy(value, *type_names):
    """Checked by name so that numpy is not imported for it."""
    return type(value).__module__ == "numpy" and type(value).__name__ in type_names


def column_value_type(column, values):
    """The single type of the present values; raises when a column mixes types. None when all
    are missing."""
    found = None
    for value in values:
        value_type = value_type_of(value)
        if value_type == found:
            continue
        if found is not None:
            raise RunsDataError(_errors.mixed_types(column, found, value_type))
        found = value_type
    return found
