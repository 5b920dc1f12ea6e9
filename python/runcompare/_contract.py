"""The checks of the runs-table contract, in the order src/data/runs.ts makes them, so that a
table with several faults is reported by the same first fault on both sides."""

import json
import re

import pyarrow as pa
import pyarrow.compute as pc

from . import _errors
from ._errors import RunsDataError, js_string
from ._values import parse_number

RUN_ID = "run_id"
NAME = "name"
# The Arrow schema metadata key for notes on a table, which the views show (NOTES_KEY in src/data/input.ts).
NOTES_KEY = "runcompare.notes"
PLOTTED_PREFIXES = ("params.", "metrics.")
# "loss/validation:min": a series of the scalars and its summary (parseSummarySpec in summaries.ts);
# a name may hold line breaks, which "." takes in both languages only with DOTALL (JavaScript's s).
SUMMARY_SPEC = re.compile(r"(.*):(?:last|min|max)", re.IGNORECASE | re.DOTALL)


def check_shape(row_count, names):
    if row_count == 0:
        raise RunsDataError(_errors.empty())
    seen = set()
    for name in names:
        if name in seen:
            raise RunsDataError(_errors.duplicate_column(name))
        seen.add(name)


def check_runs_table(table):
    """Run ids, then each column by its role. Expects a table of normal types (_normalise)."""
    if RUN_ID not in table.column_names:
        raise RunsDataError(_errors.no_run_id(table.column_names))
    _check_run_ids(table.column(RUN_ID))
    for name, column in zip(table.column_names, table.columns):
        if name not in (RUN_ID, NAME):
            _check_column(name, column)


def run_ids_as_text(table):
    """The table with its run ids as text when they are numbers, booleans, times or UUIDs,
    made text as readIds in src/data/runs.ts makes them, and the note that says so; the table
    and None when they are text already (or there are none). Other ids raise RunsDataError."""
    if RUN_ID not in table.column_names:
        return table, None
    column = table.column(RUN_ID)
    found = value_type(column)
    if found in ("strings", None):
        return table, None
    if getattr(column.type, "extension_name", None) == "arrow.uuid":
        found, text = "UUIDs", str
    elif found in ("numbers", "booleans"):
        text = js_string
    elif found == "timestamps":
        check_times(RUN_ID, column)
        text = _iso_time
    else:
        raise RunsDataError(_errors.run_id_type(found))
    ids = [None if value is None or value != value else text(value) for value in column.to_pylist()]
    table = table.set_column(table.column_names.index(RUN_ID), RUN_ID, pa.array(ids, pa.string()))
    return table, _errors.run_ids_as_text(found, ids)


def _iso_time(value):
    """A UTC datetime as JavaScript's Date.toISOString() writes it: 2024-03-01T00:00:00.000Z."""
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def with_notes(table, notes):
    """The table carrying notes for the views to show (in its schema metadata), or as it is without any."""
    notes = [note for note in notes if note]
    return table.replace_schema_metadata({NOTES_KEY: json.dumps(notes, ensure_ascii=False)}) if notes else table


def value_type(column):
    """The contract's word for an Arrow column's values; None when every value is missing."""
    data_type = column.type
    if pa.types.is_null(data_type) or (len(column) > 0 and column.null_count == len(column)):
        return None
    if pa.types.is_integer(data_type) or pa.types.is_floating(data_type):
        return "numbers"
    if pa.types.is_string(data_type):
        return "strings"
    if pa.types.is_boolean(data_type):
        return "booleans"
    if pa.types.is_timestamp(data_type):
        return "timestamps"
    if pa.types.is_binary(data_type):
        return "binary"
    if pa.types.is_list(data_type):
        return "lists"
    return "objects"


def _check_run_ids(column):
    found = value_type(column)
    if found not in ("strings", None):
        raise RunsDataError(_errors.run_id_type(found))
    # unique() is about twice as fast as count_distinct() over a million ids.
    if column.null_count == 0 and len(pc.unique(column)) == len(column):
        return
    # Some id is missing or repeated: find the first such row, as runs.ts does.
    first_row = {}
    for row, run_id in enumerate(column.to_pylist()):
        if run_id is None:
            raise RunsDataError(_errors.run_id_missing(row))
        if run_id in first_row:
            raise RunsDataError(_errors.run_id_duplicate(run_id, first_row[run_id], row))
        first_row[run_id] = row


# The largest epoch milliseconds a JavaScript Date holds, either side of 1970 (LAST_DATE_MS in src/data/input.ts).
LAST_DATE_MS = 8.64e15


def check_times(name, milliseconds):
    """Epoch milliseconds (a timestamp column, or numbers) that every browser can show as dates;
    raises RunsDataError naming the first row beyond them. NaN and missing values pass."""
    if pa.types.is_timestamp(milliseconds.type):
        milliseconds = milliseconds.cast(pa.int64())
    beyond = pc.greater(pc.abs(milliseconds.cast(pa.float64(), safe=False)), LAST_DATE_MS)
    row = pc.index(pc.fill_null(beyond, False), True).as_py()
    if row >= 0:
        raise RunsDataError(_errors.far_time(name, row))


def _check_column(name, column):
    found = value_type(column)
    if found == "timestamps":
        check_times(name, column)
    is_metric = name.startswith("metrics.")
    if found == "binary" and name.startswith(PLOTTED_PREFIXES):
        raise RunsDataError(_errors.unsupported_type(name, found))
    if not is_metric or found in ("numbers", "timestamps", None):
        return
    present = [value for value in column.to_pylist() if value is not None]
    if found == "strings":
        not_numbers = [text for text in present if parse_number(text) is None]
        if not_numbers:
            raise RunsDataError(_errors.metric_not_numeric(name, found, not_numbers[0]))
        return
    raise RunsDataError(_errors.metric_not_numeric(name, found, present[0]))


def check_view_columns(table, params, metrics, color, series=None):
    """The columns a view is asked to draw exist, and there is at least one axis
    (chooseDimensions and the colour choice in src/views/parallel, columnResolver in
    src/data/resolve.ts).

    series: the scalars' series keys when scalars are given, else None. A name resolves to a
    runs column unless it ends in :last, :min or :max; otherwise to a series of the scalars.
    With no metrics named and no metrics.* column, every series is drawn (its last value).
    """
    columns = [name for name, column in zip(table.column_names, table.columns) if name not in (RUN_ID, NAME) and value_type(column) != "binary"]

    def resolve(name):
        spec = SUMMARY_SPEC.fullmatch(name)
        found = runs_column(columns, name) if spec is None else None
        if found is not None:
            return found
        if series is None:
            raise RunsDataError(_errors.unknown_column(name, columns))
        if (spec.group(1) if spec else name) not in series:
            raise RunsDataError(_errors.unknown_series(name, series))
        return name

    def prefixed(prefix):
        return [name for name in columns if name.startswith(prefix)]

    chosen_params = prefixed("params.") if params is None else [resolve(name) for name in params]
    default_metrics = prefixed("metrics.") or list(series or [])
    chosen_metrics = default_metrics if metrics is None else [resolve(name) for name in metrics]
    if not chosen_params + chosen_metrics:
        raise RunsDataError(_errors.nothing_to_plot())
    if color:
        resolve(color)


def runs_column(columns, name):
    """The runs column a name means (column() in src/data/runs.ts): the column of that full name,
    else the param or metric of that key; None when there is none. A key that is both a param
    and a metric raises RunsDataError naming both."""
    if name in columns:
        return name
    found = [candidate for candidate in (f"params.{name}", f"metrics.{name}") if candidate in columns]
    if len(found) > 1:
        raise RunsDataError(_errors.ambiguous_name(name, found))
    return found[0] if found else None


def is_numeric_column(name, column):
    """Whether the view reads the column as numbers (toRunColumn in src/data/runs.ts): numbers,
    timestamps, text that is all numbers (as MLflow stores params), or an empty metric."""
    found = value_type(column)
    if found in ("numbers", "timestamps"):
        return True
    if found == "strings":
        return all(parse_number(text) is not None for text in column.to_pylist() if text is not None)
    return found is None and name.startswith("metrics.")
