"""Errors about the data a user passed.

The messages are part of the contract: they are the words of src/data/errors.ts, so Python
raises the same message for the same input (tests/contract/cases.json holds both).
Value types are named with the same words: numbers, strings, booleans, timestamps, binary,
lists, objects.
"""

import decimal
import functools
import json

MAX_LISTED = 8
QUOTE_LIMIT = 40


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


def not_table_input(table, got):
    """table: "runs", "scalars" or "details", the name of what was passed."""
    return f"{table} must be a pandas or polars DataFrame, a pyarrow Table or a list of dicts; got {got}."


def empty():
    return "runs table is empty: pass at least one run (one row per run)."


def duplicate_column(name):
    return f'column "{name}" appears twice: column names must be unique.'


def no_run_id(columns):
    fix = 'add a "run_id" column with one unique string id per run.'
    if columns:
        return f'runs table has no "run_id" column (columns: {list_names(columns)}): {fix}'
    return f'runs table has no "run_id" column: {fix}'


def run_id_type(value_type):
    return f'column "run_id" holds {value_type}: run ids must be text or numbers; convert them to text.'


def run_id_missing(row):
    return f'column "run_id" is missing a value at row {row}: every run needs an id.'


def run_id_duplicate(run_id, first, second):
    return f'column "run_id" has the id {quote(run_id)} twice (rows {first} and {second}): run ids must be unique.'


def mixed_types(column, first_type, second_type):
    return f'column "{column}" mixes {first_type} and {second_type}: give every value of a column one type, for example all strings.'


def metric_not_numeric(column, value_type, example):
    return f'column "{column}" holds {value_type} such as {quote(example)}: metrics.* columns must be numbers; move these values to a tags.* column.'


INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def big_integer(column, value):
    return (
        f'column "{column}" holds the integer {value}, beyond the 64-bit integers runcompare reads '
        f"({INT64_MIN} to {INT64_MAX}): convert the column to floats, or to text if it holds ids."
    )


def far_time(column, row):
    return f'column "{column}" holds a time beyond the dates a browser can show (years -271821 to 275760) at row {row}: correct it or drop the column.'


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


def unsupported_type(column, value_type):
    return f'column "{column}" holds {value_type}, which runcompare cannot show: drop the column or convert it to text.'


def ambiguous_name(name, columns):
    named = " and ".join(f'"{column}"' for column in columns)
    return f'"{name}" names {len(columns)} columns, {named}: pass the full name of the one you mean.'


def unknown_column(name, columns):
    return f'no column "{name}" in runs (columns: {list_names(columns)}): pass one of these, with or without its "params."/"metrics." prefix.'


def scalars_empty():
    return "scalars table is empty: pass at least one reported value (one row per value)."


def scalars_no_column(column, columns):
    return (
        f'scalars table has no "{column}" column (columns: {list_names(columns)}): '
        "scalars need run_id, metric, step and value columns; variant and time are optional."
    )


def scalars_column_type(column, expected, found):
    return f'column "{column}" of the scalars holds {found}: it must hold {expected}.'


def scalars_missing(column, row):
    return f'column "{column}" of the scalars is missing a value at row {row}: every reported value needs a run_id, a metric and a step.'


def _describe_series(metric, variant):
    if variant is None:
        return f"metric {quote(metric)} with no variant"
    return f"metric {quote(metric)} with variant {quote(variant)}"


def scalars_same_name(key, first, second):
    """first, second: (metric, variant) pairs, variant None when there is none."""
    return same_series_name("scalars", key, first, second)


def same_series_name(table, key, first, second):
    return (
        f"two series of the {table} are both named {quote(key)}: {_describe_series(*first)} and "
        f'{_describe_series(*second)}; rename a metric or variant so that each "metric/variant" names one series.'
    )


def scalars_no_runs(scalar_id, run_id):
    return (
        f"no scalars belong to the runs: the scalars have run ids such as {quote(scalar_id)}, the runs table {quote(run_id)}; pass the scalars of these runs."
    )


def unknown_series(name, series):
    return f'no metric "{name}" in the runs or the scalars (scalars series: {list_names(series)}): name one of these, optionally ending in :last, :min or :max.'


def nothing_to_plot():
    return 'runs have no params.* or metrics.* columns to plot: choose columns with params= and metrics=, or prefix column names with "params." or "metrics.".'


def unknown_summary(got):
    return f'summary {quote(got)} is not a summary: pass "last", "min" or "max".'


def bars_not_numeric(column):
    return f'column "{column}" holds categories, not numbers: summary bars need numbers; name a metrics.* column or a series of the scalars.'


def nothing_to_summarise():
    return (
        "no single-value metrics to show: the runs have no metrics.* columns and no scalars "
        'series is reported once per run; name metrics with metrics=, for example "loss/validation:min".'
    )


def scatter_no_x():
    return 'runs have no params.* column to put on x: name the x column with x=, for example x="metrics.train/loss".'


def scatter_no_y():
    return "runs have no metrics.* column and no scalars to put on y: name the y column with y=, or pass scalars."


def size_not_numeric(column):
    return f'column "{column}" holds categories, not numbers: size= needs a column of numbers; use color= for categories.'


def bad_option(name, allowed, got):
    return f"{name} must be one of {', '.join(quote(value) for value in allowed)}; got {quote(got)}."


def bad_smoothing(got):
    return f"smoothing must be a number from 0 (none) to 0.999 (most); got {quote(got)}."


def scalars_unknown_metric(name, series):
    return f'no metric "{name}" in the scalars (series: {list_names(series)}): name a metric such as "loss" or a series such as "loss/train".'


def scalars_no_time(x):
    return f'x="{x}" needs times, but the scalars have no "time" column: add a "time" column (timestamps, or seconds) or use x="step".'


def details_not_input(got):
    return (
        "details must be a dict of fields per run, a details table (run_id, path, value) or a runs table, "
        f"as a pandas or polars DataFrame, a pyarrow Table or a list of dicts; got {got}."
    )


def details_empty():
    return "details table is empty: pass at least one row (run_id, path, value)."


def details_no_column(column, columns):
    return f'details table has no "{column}" column (columns: {list_names(columns)}): details need run_id, path and value columns, one row per run and field.'


def details_column_type(column, found):
    return f'column "{column}" of the details holds {found}: it must hold strings.'


def details_missing(column, row):
    return f'column "{column}" of the details is missing a value at row {row}: every row needs a run_id and a path.'


def details_duplicate(run_id, path, first, second):
    return f"the details have two values for run {quote(run_id)} at path {quote(path)} (rows {first} and {second}): give each run one value per path."


def details_not_fields(run_id, got):
    return f"the fields of run {quote(run_id)} must be a mapping of names to values (nested mappings become sections); got {got}."


def details_no_fields(run_id):
    return f"run {quote(run_id)} has no fields: give each run at least one field, or leave the run out."


# Deeper than any real config (Hydra's nest a few levels); a config that contains itself reaches it too.
MAX_DETAILS_DEPTH = 100


def details_too_deep(run_id):
    return f"the fields of run {quote(run_id)} nest deeper than {MAX_DETAILS_DEPTH} levels, or contain themselves: pass a flatter config."


def diff_unknown_run(option, run_id, ids):
    return f"no run {quote(run_id)} in the details (runs: {list_names(ids)}): pass one of these run ids as {option}."


def diff_no_runs():
    return "runs is empty: name at least one run to compare."


# Runs a diff shows side by side at most (MAX_DIFF_RUNS in src/data/errors.ts).
MAX_DIFF_RUNS = 1000


def diff_too_many_runs(count):
    return f"the diff shows at most {MAX_DIFF_RUNS:,} runs side by side, and {count:,} are asked for: choose the runs to compare with runs (a list of run ids)."


def stats_not_numeric(column):
    return (
        f'column "{column}" holds categories, not numbers: significance and importance need a metric of numbers; '
        'name a metrics.* column or a series of the scalars such as "loss/validation:min".'
    )


def stats_one_group(columns, label):
    return f"every run falls in one group ({label}): group by columns whose values differ between runs (grouped by {list_names(columns)})."


def stats_unknown_group(base, groups):
    return f"no group {quote(base)} to compare against (groups: {list_names(groups)}): pass one of these as base."


def stats_pair_repeated(column, value, group):
    return (
        f'column "{column}" has the value {quote(value)} twice in group {quote(group)}: pair runs by a column that names one run per group, such as the seed.'
    )


def bad_number(name, rule, got):
    return f"{name} must be {rule}; got {quote(got)}."


def bad_top_k(got):
    return f"top k must be a whole number, 0 or more (0 highlights none); got {quote(got)}."


# Notes: what was read in a way a user may not expect, shown with the view (the notes of
# src/data/errors.ts, in the same words).


def run_ids_as_text(value_type, ids):
    """ids: every id, as text; the first two are shown."""
    shown = ", ".join(quote(run_id) for run_id in ids[:2])
    more = ", …" if len(ids) > 2 else ""
    return f'column "run_id" holds {value_type}: they are read as text ({shown}{more}), and selections hold them as text.'


# Samples, plots and logs (src/data/errors.ts, the same words).


def table_empty(table, unit):
    return f"{table} table is empty: pass at least one {unit}."


def samples_no_column(column, columns):
    return (
        f'samples table has no "{column}" column (columns: {list_names(columns)}): '
        "samples need run_id, metric and step columns and a data, url or path column; variant and mime are optional."
    )


def samples_no_content(columns):
    return (
        f"samples table has no data, url or path column (columns: {list_names(columns)}): "
        "give each sample its bytes or text (data), an address (url) or a file (path)."
    )


def column_type(table, column, expected, found):
    return f'column "{column}" of the {table} holds {found}: it must hold {expected}.'


def missing_value(table, column, row, needs):
    return f'column "{column}" of the {table} is missing a value at row {row}: every {needs}.'


def sample_data(row, got, accepted):
    return f"the data of the sample at row {row} is {got}: give {accepted}."


def no_sample_content(row):
    return f"the sample at row {row} has no data, url or path: give it one of them."


def unknown_runs_of(table, table_id, run_id):
    return f"no {table} belong to the runs: the {table} have run ids such as {quote(table_id)}, the runs table {quote(run_id)}; pass the {table} of these runs."


def unknown_run_option(table, option, run_id, ids):
    return f"no run {quote(run_id)} in the {table} (runs: {list_names(ids)}): pass one of these run ids as {option}."


def unknown_series_of(table, name, series):
    return f'no metric {quote(name)} in the {table} (series: {list_names(series)}): name a metric, or a series as "metric/variant".'


def logs_empty():
    return "logs are empty: pass each run's console output, as { run_id: text } or a table with run_id and log columns."


def logs_no_column(columns):
    return f"logs table needs run_id and log columns (columns: {list_names(columns)}): one row per run, its console output in log."


def logs_duplicate(run_id):
    return f"the logs have run {quote(run_id)} twice: give each run one log."


def plots_no_column(column, columns):
    return (
        f'plots table has no "{column}" column (columns: {list_names(columns)}): plots need run_id, metric, step, kind and data columns; variant is optional.'
    )


def plot_kind(kind, row, kinds):
    return f"plot kind {quote(kind)} at row {row} is not one runcompare draws: pass one of {', '.join(quote(k) for k in kinds)}."


def plot_data(kind, row, problem):
    return f"the data of the {kind} plot at row {row} {problem}."
