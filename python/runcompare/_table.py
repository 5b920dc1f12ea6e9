"""rc.table's checks of the data (schema/views/table.json declares its options): the columns the
options name exist, as initialState in src/views/table/state.ts finds them."""

from ._contract import check_view_columns
from ._tables import read_tables, view_state


def prepare(runs, options):
    """The checked tables and options of a runs table (see rc.table): the columns the options name
    exist (the state, which the view lays over them, may name columns it no longer has)."""
    runs_table, scalars_table, series = read_tables(runs, options["scalars"])
    added = _added_columns(runs_table, series)

    def check(name):
        if name not in added:
            check_view_columns(runs_table, [name], [], None, series)

    for name in options["columns"] or []:
        check(name)
    for name in options["sort"] or []:
        descending = name.startswith("-") and name not in added and name not in runs_table.column_names
        check(name[1:] if descending else name)
    for row_filter in options["filters"] or []:
        check(row_filter["column"])
    return view_state(runs_table, scalars_table, options)


def _added_columns(table, series):
    """The columns the view adds to the table's own (openRunTable in src/data/run-table.ts)."""
    added = {"name"}
    if "start_time" in table.column_names:
        added.add("duration")
    if series is not None:
        added.add("last_step")
    return added
