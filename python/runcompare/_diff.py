"""rc.diff: runs side by side, every config field on a row, differences from a base run
highlighted (schema/views/diff.json declares its options).

The checks are those of readDetails in src/data/details.ts, made in the same order with the
same words. A runs table is sent as it is (after the runs checks) and the view turns its
columns into fields, so its values read the same from Python and from JavaScript.
"""

import datetime
import json
from collections.abc import Mapping

import pyarrow as pa
from traitlets import Unicode

from . import _errors
from ._contract import RUN_ID, check_times, value_type
from ._convert import table_to_ipc, to_runs_table
from ._errors import RunsDataError
from ._inputs import _is_dataframe, not_unicode, read_columns
from ._normalise import check_integers, normalise
from ._tables import view_state
from ._widget import View

REQUIRED = ("run_id", "path", "value")


class Diff(View):
    """Runs side by side: a column per run, a row per config field, grouped in sections.
    ``selected`` holds the runs compared; ``base`` the run every other is compared with (the
    leftmost column), which ``state["base"]`` holds too; setting it makes another run the base."""

    view = Unicode("diff").tag(sync=True)

    @property
    def base(self):
        return self.state["base"]

    @base.setter
    def base(self, run_id):
        ids = pa.ipc.open_stream(self._table("runs")).read_all().column(RUN_ID).to_pylist()
        _check_run(list(dict.fromkeys(ids)), "base", run_id)
        self.state = {**self.state, "base": run_id}


def prepare(data, options):
    """The checked details table and options of a diff view (see rc.diff), the runs it
    compares (its selection, the base first), and the base (its state's)."""
    table = details_table(data)
    ids = list(dict.fromkeys(table.column(RUN_ID).to_pylist()))
    runs, base = options["runs"], options["base"]
    if runs is not None:
        if not runs:
            raise RunsDataError(_errors.diff_no_runs())
        for run_id in runs:
            _check_run(ids, "runs", run_id)
    shown = list(dict.fromkeys(runs)) if runs is not None else ids
    if len(shown) > _errors.MAX_DIFF_RUNS:
        raise RunsDataError(_errors.diff_too_many_runs(len(shown)))
    if base is not None:
        _check_run(ids, "base", base)
    if base is not None:
        shown = [base, *(run_id for run_id in shown if run_id != base)]
    return {**view_state(table, None, options), "selected": shown, "state": {"base": shown[0]}}


def details_to_ipc(data):
    """Details (anything rc.diff takes) as the Arrow IPC stream bytes the view reads, checked."""
    return table_to_ipc(details_table(data))


def _check_run(ids, option, run_id):
    if run_id not in ids:
        raise RunsDataError(_errors.diff_unknown_run(option, run_id, ids))


def details_table(data):
    if isinstance(data, Mapping):
        return _from_field_trees(data)
    if not (isinstance(data, (pa.Table, pa.RecordBatch, list)) or _is_dataframe(data, "pandas") or _is_dataframe(data, "polars")):
        raise RunsDataError(_errors.details_not_input(type(data).__name__))
    source = read_columns(data, "details")
    if source.row_count == 0:
        raise RunsDataError(_errors.details_empty())
    if "path" not in source.names:
        return to_runs_table(data)
    return _details_table(source)


def _details_table(source):
    columns = {name: check_integers(name, array) for name, array in zip(source.names, source.arrays())}
    for name in REQUIRED:
        if name not in columns:
            raise RunsDataError(_errors.details_no_column(name, source.names))
    for name in ("run_id", "path"):
        found = value_type(normalise(columns[name]))
        if found not in ("strings", None):
            raise RunsDataError(_errors.details_column_type(name, found))
    value = normalise(columns["value"])
    if value_type(value) == "binary":
        raise RunsDataError(_errors.details_column_type("value", "binary"))
    if value_type(value) == "timestamps":
        check_times("value", value)
    run_ids = columns["run_id"].to_pylist()
    paths = columns["path"].to_pylist()
    _check_rows(run_ids, paths)
    arrays = {"run_id": pa.array(run_ids, pa.string()), "path": pa.array(paths, pa.string()), "value": value}
    if "name" in columns:
        arrays["name"] = normalise(columns["name"])
    return pa.table(arrays)


def _check_rows(run_ids, paths):
    """Row by row, as readDetails does: an id, a path, and one value per run and path."""
    first_row = {}
    for row, (run_id, path) in enumerate(zip(run_ids, paths)):
        if run_id is None:
            raise RunsDataError(_errors.details_missing("run_id", row))
        if path is None or path == "":
            raise RunsDataError(_errors.details_missing("path", row))
        seen = first_row.setdefault((run_id, path), row)
        if seen != row:
            raise RunsDataError(_errors.details_duplicate(run_id, path, seen, row))


def _from_field_trees(trees):
    if not trees:
        raise RunsDataError(_errors.details_empty())
    rows = []
    for run_id, tree in trees.items():
        run_id = str(run_id)
        if not isinstance(tree, Mapping):
            raise RunsDataError(_errors.details_not_fields(run_id, type(tree).__name__))
        before = len(rows)
        try:
            _add_tree(rows, run_id, tree, "", 1)
        except _TooDeep:
            raise RunsDataError(_errors.details_too_deep(run_id)) from None
        if len(rows) == before:
            raise RunsDataError(_errors.details_no_fields(run_id))
    run_ids, paths, values = zip(*rows)
    columns = {"run_id": run_ids, "path": paths, "value": values}
    try:
        return pa.table({name: pa.array(texts, pa.string()) for name, texts in columns.items()})
    except UnicodeEncodeError as error:
        raise not_unicode(next(name for name, texts in columns.items() if error.object in texts), error) from None


class _TooDeep(Exception):
    """A config nests deeper than MAX_DETAILS_DEPTH, or holds itself."""


def _add_tree(rows, run_id, tree, prefix, depth):
    if depth > _errors.MAX_DETAILS_DEPTH:
        raise _TooDeep()
    for key, value in tree.items():
        path = prefix + str(key)
        if isinstance(value, Mapping) and value:
            _add_tree(rows, run_id, value, path + "/", depth + 1)
            continue
        try:
            text = field_text(value)
        except (RecursionError, ValueError) as error:
            # json's "Circular reference detected" (a list that holds itself), or lists nested past the stack.
            raise _TooDeep() from error
        rows.append((run_id, path, text))


def field_text(value):
    """A config value as the text the diff compares: strings as they are, None as absent (None),
    anything else as compact JSON (as JavaScript's JSON.stringify writes it)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), default=_json_default)


def _plain(value):
    # numpy scalars and arrays as the Python values they hold; checked by name so numpy is not imported.
    if type(value).__module__ == "numpy" and hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _json_default(value):
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)
