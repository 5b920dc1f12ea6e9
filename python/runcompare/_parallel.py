"""rc.parallel: parallel coordinates of runs."""

from traitlets import Unicode

from ._contract import check_view_columns
from ._tables import read_tables, view_state
from ._widget import View


class Parallel(View):
    """Parallel coordinates of runs: one axis per param and metric, one line per run."""

    view = Unicode("parallel").tag(sync=True)


def parallel(runs, params=None, metrics=None, color=None, scalars=None, height=360, store=None):
    """Parallel coordinates of runs, as a widget.

    runs: a pandas or polars DataFrame, a pyarrow Table or a list of dicts, one row per run,
        with a unique ``run_id`` column (an MLflow ``search_runs()`` frame works as is; ids
        that are numbers or UUIDs are read as text).
    params, metrics: the columns to draw as axes, with or without their "params."/"metrics."
        prefix (a key that is both a param and a metric needs its prefix). None draws the
        params that vary between runs and the metrics.* columns, as many as the view's width
        shows (the view says which were left out; its "Axes" picker adds them). A metric can
        also be a series of the scalars summarised per run, "loss/validation:min" (or :max, or
        :last, which a name without a suffix means when no runs column has it); with no
        metrics.* columns, None draws every series' last value.
    color: the column that colours the lines; None colours by the first metric axis.
    scalars: the values the runs reported, one row per value (run_id, metric, optional
        variant, step, optional time, value), in any form runs may take.
    store: False keeps the tables out of the widget state saved with the notebook (they are
        sent to the view on request); None takes rc.set_defaults(store=).

    Raises RunsDataError before anything is sent when the runs, the scalars or the column
    names are wrong.
    """
    return Parallel(**parallel_state(runs, params, metrics, color, scalars, height), store=store)


def parallel_state(runs, params=None, metrics=None, color=None, scalars=None, height=360):
    """The checked tables and options of a parallel-coordinates view (see parallel)."""
    table, scalars_table, series = read_tables(runs, scalars)
    params, metrics = names_list(params), names_list(metrics)
    check_view_columns(table, params, metrics, color, series)
    options = {"params": params, "metrics": metrics, "color": color, "height": height}
    return view_state(table, scalars_table, options)


def names_list(names):
    """A single column name is taken as a list of one."""
    if names is None:
        return None
    return [names] if isinstance(names, str) else list(names)
