"""Errors about the data a user passed.

The messages are part of the contract: their words are schema/messages.json's, which
src/data/errors.ts fills too, so Python raises the same message for the same input
(tests/contract/cases.json holds both).
Value types are named with the same words: numbers, strings, booleans, timestamps, binary,
lists, objects.
"""

import decimal
import functools
import json
import re

from ._schema import load_schema


class RunsDataError(ValueError):
    """The runs passed do not follow the runs-table contract; the message says how to fix them."""

    # Shown as runcompare.RunsDataError, the name users import it by.
    __module__ = "runcompare"


def user_call(function):
    """The public function, raising RunsDataError as if from itself: the message names the
    column and the fix, so the frames inside runcompare that found the fault are left out of
    the traceback (a notebook shows the message, not a page of internals). Every other
    exception is a bug and keeps its whole traceback."""

    @functools.wraps(function)
    def call(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except RunsDataError as error:
            raise error.with_traceback(None) from None

    return call


def list_names(names):
    names = list(names)
    shown = ", ".join(names[:MAX_LISTED])
    return f"{shown}, … ({len(names)} in all)" if len(names) > MAX_LISTED else shown


def quote(value):
    """A value as TypeScript's quote() writes it: strings as JSON, cut at 40 characters."""
    if isinstance(value, str):
        cut = value[:QUOTE_LIMIT] + "…" if len(value) > QUOTE_LIMIT else value
        return json.dumps(cut, ensure_ascii=False)
    return js_string(value)


def js_string(value):
    """What JavaScript's String(value) gives for the values an error message can quote."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return _js_number(value)
    if isinstance(value, (list, tuple)):
        return ",".join("" if item is None else js_string(item) for item in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def _js_number(value):
    """A finite float as JavaScript's Number::toString writes it: the shortest digits (as repr),
    fixed from 1e-6 to 1e21 ("0.00001", "64"), else "1e-7", "1.5e+21"."""
    number = decimal.Decimal(repr(value))
    digits = "".join(map(str, number.as_tuple().digits)).rstrip("0")
    if not digits:
        return "0"
    # n: how many digits stand before the decimal point (negative: zeros after it).
    n = number.adjusted() + 1
    sign = number.is_signed()
    k = len(digits)
    minus = "-" if sign else ""
    if k <= n <= 21:
        return minus + digits + "0" * (n - k)
    if 0 < n <= 21:
        return minus + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return minus + "0." + "0" * -n + digits
    e = n - 1
    mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
    return f"{minus}{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"


_TEXTS = load_schema("messages.json")
# The limits both languages share (schema/messages.json says why each is what it is).
MAX_LISTED = _TEXTS["limits"]["listed"]
QUOTE_LIMIT = _TEXTS["limits"]["quoted"]
MAX_DIFF_RUNS = _TEXTS["limits"]["diffRuns"]
MAX_DETAILS_DEPTH = _TEXTS["limits"]["detailsDepth"]
_PLACEHOLDER = re.compile(r"\{(@?)(\w+)(?:\|(\w+)(?::(\d+))?)?\}")
_OPTIONAL = re.compile(r"\[\[(.*?)\]\]")


def _quotes(values, count=None):
    shown = ", ".join(quote(value) for value in values[:count])
    return f"{shown}, …" if count is not None and len(values) > count else shown


_FILTERS = {
    "text": lambda value, _count: value if isinstance(value, str) else js_string(value),
    "quote": lambda value, _count: quote(value),
    "list": lambda value, _count: list_names(value),
    "quotes": lambda value, count: _quotes(list(value), count),
    "quotesAnd": lambda value, _count: " and ".join(quote(item) for item in value),
    "count": lambda value, _count: str(len(value)),
    "thousands": lambda value, _count: f"{value:,}",
}


def format_message(template, args, words=_TEXTS["words"], language="py"):
    """A template of schema/messages.json filled with named arguments, as formatMessage in
    src/data/errors.ts fills it (its "about" says how templates read)."""

    def absent(value):
        return value is None or (isinstance(value, (list, tuple)) and len(value) == 0)

    def optional(match):
        inner = match.group(1)
        return "" if any(not word and absent(args.get(name)) for word, name, _f, _c in _PLACEHOLDER.findall(inner)) else inner

    def placeholder(match):
        word, name, filter_name, count = match.groups()
        if word:
            return words[name][language]
        return _FILTERS[filter_name or "text"](args.get(name), None if count is None else int(count))

    return _PLACEHOLDER.sub(placeholder, _OPTIONAL.sub(optional, template))


def _snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


_TEMPLATES = {**_TEXTS["messages"], **_TEXTS["notes"]}


def _fill(key, args):
    entry = _TEMPLATES[key]
    return format_message(entry["text"], dict(zip(entry["args"], args)))


def _message(key):
    def message(*args):
        return _fill(key, args)

    message.__name__ = message.__qualname__ = _snake(key)
    message.__doc__ = f"The message {key} of schema/messages.json: {_TEMPLATES[key]['text']}"
    return message


# A function per message and note, named as its template in snake case: unknown_column(name, columns).
globals().update({_snake(key): _message(key) for key in _TEMPLATES})


def same_series_name(table, key, first, second):
    """first, second: (metric, variant) pairs, variant None when there is none."""

    def series(metric, variant):
        return _fill("seriesWithoutVariant", (metric,)) if variant is None else _fill("series", (metric, variant))

    return _fill("sameSeriesName", (table, key, series(*first), series(*second)))


def details_too_deep(run_id):
    return _fill("detailsTooDeep", (run_id, MAX_DETAILS_DEPTH))


def diff_too_many_runs(count):
    return _fill("diffTooManyRuns", (MAX_DIFF_RUNS, count))


# Messages of checks Python alone makes (the views never see such values).
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def big_integer(column, value):
    return (
        f'column "{column}" holds the integer {value}, beyond the 64-bit integers runcompare reads '
        f"({INT64_MIN} to {INT64_MAX}): convert the column to floats, or to text if it holds ids."
    )


def not_unicode(column, character):
    """column: printable (see printable); character: the lone surrogate found."""
    return (
        f'column "{column}" holds text that is not Unicode (a lone surrogate, U+{ord(character):04X}): '
        'decode the text with errors="replace", or drop the column.'
    )


def name_not_unicode(name, character):
    """name: printable (see printable)."""
    return f'the column name "{name}" is not Unicode (a lone surrogate, U+{ord(character):04X}): rename the column.'


def printable(text):
    """Text as it can be printed and sent, lone surrogates written as escapes (\\ud800)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
