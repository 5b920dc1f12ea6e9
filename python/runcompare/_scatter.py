"""rc.scatter's checks of the data (schema/views/scatter.json declares its options): the columns
the points would show exist, in the order chooseChannels in src/views/scatter checks them."""

from . import _errors
from ._contract import NAME, RUN_ID, SUMMARY_SPEC, check_view_columns, is_numeric_column, runs_column, value_type
from ._errors import RunsDataError
from ._tables import read_tables, view_state


def prepare(runs, options):
    """The checked tables and options of a scatter view (see rc.scatter)."""
    table, scalars_table, series = read_tables(runs, options["scalars"])
    check_channels(table, series, options["x"], options["y"], options["color"], options["size"], options["tooltip"])
    return view_state(table, scalars_table, options)


def check_channels(table, series, x, y, color, size, tooltip):
    """The columns the points would show exist, and a size is numbers, checked in the order
    chooseChannels (src/views/scatter/channels.ts) checks them.

    series: the scalars' series keys when scalars are given, else None.
    """
    columns = {name: column for name, column in zip(table.column_names, table.columns) if name not in (RUN_ID, NAME) and value_type(column) != "binary"}

    def check(name):
        check_view_columns(table, [name], [], None, series)

    metrics = [name for name in columns if name.startswith("metrics.")]
    if x:
        check(x)
    if y:
        check(y)
    elif not metrics and not series:
        raise RunsDataError(_errors.scatter_no_y())
    if not x and not any(name.startswith("params.") for name in columns):
        # Without params, x is the first metric other than y.
        y_column = _runs_column(columns, y) if y else (metrics[0] if metrics else None)
        if not any(name != y_column for name in metrics):
            raise RunsDataError(_errors.scatter_no_x(list(columns)))
    if size:
        check(size)
        found = _runs_column(columns, size)
        if found is not None and not is_numeric_column(found, columns[found]):
            raise RunsDataError(_errors.size_not_numeric(found))
    if color:
        check(color)
    for name in tooltip or []:
        check(name)


def _runs_column(columns, name):
    """The runs column a name means, or None when it means a series of the scalars (a
    summary such as "loss:min" always does; series are numbers)."""
    return None if SUMMARY_SPEC.fullmatch(name) else runs_column(columns, name)
