"""rc.table: the runs table, one row per run, sorted, filtered and searched, with runs checked
to select them. The checks mirror initialState in src/views/table/state.ts, in the same order
and with the same words."""

from traitlets import Unicode

from . import _errors
from ._contract import check_view_columns
from ._errors import RunsDataError
from ._parallel import names_list
from ._tables import read_tables, view_state
from ._widget import View

FILTER_KINDS = ("values", "range", "text")


class Table(View):
    """The runs table: one row per run; the checked rows are ``selected``."""

    view = Unicode("table").tag(sync=True)


def table(runs, scalars=None, columns=None, sort=None, filters=None, search="", top_k=3, height=480, state=None, store=None):
    """The runs table, as a widget: sort by any column (shift-click for a second key), filter
    each column, search names and tags, choose and move columns; check runs to select them.

    runs: a pandas or polars DataFrame, a pyarrow Table or a list of dicts, one row per run,
        with a unique string ``run_id`` column (an MLflow ``search_runs()`` frame works as is).
        ``status``, ``start_time``, ``end_time``, ``progress`` and a ``tags`` column of lists
        are shown as such.
    scalars: the values the runs reported, one row per value (run_id, metric, optional
        variant, step, optional time, value); each series' last, min and max become columns
        ("loss/validation:min"), and each run's last step one more.
    columns: the columns to show after the run's name, with or without their
        "params."/"metrics." prefix, or series summaries; None shows them all but MLflow's
        system tags, end times and the min and max summaries.
    sort: a column name or a list of them, the first first; "-" in front sorts descending
        ("-metrics.accuracy").
    filters: dicts such as {"column": "params.optimizer", "kind": "values", "values": ["adam"]},
        {"column": "params.lr", "kind": "range", "min": 1e-4, "max": None} or
        {"column": "name", "kind": "text", "text": "/^bert/"}.
    search: text (or /regex/) the run names or tags must contain.
    top_k: while sorted by a number column, the runs ranked this high are highlighted.
    height: the most the table grows to, in pixels, before it scrolls.
    state: the view's ``state`` (columns, widths, sort, filters, search) as the ESM view gives
        it, restored over the other options.
    store: False keeps the tables out of the widget state saved with the notebook (they are
        sent to the view on request); None takes rc.set_defaults(store=).

    Raises RunsDataError before anything is sent when the runs, the scalars or the column
    names are wrong.
    """
    return Table(**table_state(runs, scalars, columns, sort, filters, search, top_k, height, state), store=store)


def table_state(runs, scalars=None, columns=None, sort=None, filters=None, search="", top_k=3, height=480, state=None):
    """The checked tables and options of a runs table (see table)."""
    runs_table, scalars_table, series = read_tables(runs, scalars)
    if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 0:
        raise RunsDataError(_errors.bad_top_k(top_k))
    columns, sort, filters = names_list(columns), names_list(sort), list(filters or [])
    added = _added_columns(runs_table, series)

    def check(name):
        if name not in added:
            check_view_columns(runs_table, [name], [], None, series)

    for name in columns or []:
        check(name)
    for name in sort or []:
        descending = name.startswith("-") and name not in added and name not in runs_table.column_names
        check(name[1:] if descending else name)
    for row_filter in filters:
        if row_filter.get("kind") not in FILTER_KINDS:
            raise RunsDataError(_errors.bad_option("filter kind", FILTER_KINDS, row_filter.get("kind")))
        check(row_filter.get("column"))
    options = {"columns": columns, "sort": sort, "filters": filters, "search": search, "topK": top_k, "height": height, "state": state}
    return view_state(runs_table, scalars_table, options)


def _added_columns(table, series):
    """The columns the view adds to the table's own (openRunTable in src/data/run-table.ts)."""
    added = {"name"}
    if "start_time" in table.column_names:
        added.add("duration")
    if series is not None:
        added.add("last_step")
    return added
