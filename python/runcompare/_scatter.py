"""rc.scatter: one point per run, a param (or any column) against a metric."""

from traitlets import Unicode

from . import _errors
from ._contract import NAME, RUN_ID, SUMMARY_SPEC, check_view_columns, is_numeric_column, runs_column, value_type
from ._errors import RunsDataError
from ._parallel import names_list
from ._tables import read_tables, view_state
from ._widget import View


class Scatter(View):
    """A scatter plot of runs: one point per run, a column on x against a metric on y."""

    view = Unicode("scatter").tag(sync=True)


def scatter(runs, x=None, y=None, color=None, size=None, tooltip=None, scalars=None, height=400, store=None):
    """A scatter plot of runs, as a widget: click it and scroll (or hold Ctrl) to zoom, drag to pan, shift-drag to select.

    runs: a pandas or polars DataFrame, a pyarrow Table or a list of dicts, one row per run,
        with a unique string ``run_id`` column (an MLflow ``search_runs()`` frame works as is).
    x: any runs column (param, metric, tag or attribute), with or without its "params."/
        "metrics." prefix; None puts on x the param with two values or more among the runs with
        a y, set for the most of them. Text columns spread their runs across each category;
        numbers spanning more than two decades get a log axis.
    y: a runs column, or a series of the scalars summarised per run, "loss/validation:min"
        (or :max, or :last); None puts the first metrics.* column on y, else the first
        series' last value.
    color: the column that colours the points; None draws them in one colour.
    size: a column of numbers; point areas grow with its values.
    tooltip: more columns to list when the pointer is on a point.
    scalars: the values the runs reported, one row per value (run_id, metric, optional
        variant, step, optional time, value), in any form runs may take.
    store: False keeps the tables out of the widget state saved with the notebook (they are
        sent to the view on request); None takes rc.set_defaults(store=).

    Raises RunsDataError before anything is sent when the runs, the scalars or the column
    names are wrong.
    """
    return Scatter(**scatter_state(runs, x, y, color, size, tooltip, scalars, height), store=store)


def scatter_state(runs, x=None, y=None, color=None, size=None, tooltip=None, scalars=None, height=400):
    """The checked tables and options of a scatter view (see scatter)."""
    table, scalars_table, series = read_tables(runs, scalars)
    tooltip = names_list(tooltip)
    check_channels(table, series, x, y, color, size, tooltip)
    options = {"x": x, "y": y, "color": color, "size": size, "tooltip": tooltip, "height": height}
    return view_state(table, scalars_table, options)


def check_channels(table, series, x, y, color, size, tooltip):
    """The columns the points would show exist, and a size is numbers, checked in the order
    chooseChannels (src/views/scatter/channels.ts) checks them.

    series: the scalars' series keys when scalars are given, else None.
    """
    columns = {name: column for name, column in zip(table.column_names, table.columns) if name not in (RUN_ID, NAME) and value_type(column) != "binary"}

    def check(name):
        check_view_columns(table, [name], [], None, series)

    if x:
        check(x)
    elif not any(name.startswith("params.") for name in columns):
        raise RunsDataError(_errors.scatter_no_x())
    if y:
        check(y)
    elif not any(name.startswith("metrics.") for name in columns) and not series:
        raise RunsDataError(_errors.scatter_no_y())
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
