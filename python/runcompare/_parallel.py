"""rc.parallel: parallel coordinates of runs."""

from traitlets import Unicode

from ._contract import check_view_columns
from ._convert import table_to_ipc, to_runs_table
from ._widget import View


class Parallel(View):
    """Parallel coordinates of runs: one axis per param and metric, one line per run."""

    view = Unicode("parallel").tag(sync=True)


def parallel(runs, params=None, metrics=None, color=None, height=360):
    """Parallel coordinates of runs, as a widget.

    runs: a pandas or polars DataFrame, a pyarrow Table or a list of dicts, one row per run,
        with a unique string ``run_id`` column (an MLflow ``search_runs()`` frame works as is).
    params, metrics: the columns to draw as axes, with or without their "params."/"metrics."
        prefix; None draws every params.* / metrics.* column.
    color: the column that colours the lines; None colours by the first metric axis.

    Raises RunsDataError before anything is sent when the runs or the column names are wrong.
    """
    table = to_runs_table(runs)
    params, metrics = names_list(params), names_list(metrics)
    check_view_columns(table, params, metrics, color)
    options = {"params": params, "metrics": metrics, "color": color, "height": height}
    return Parallel(runs=table_to_ipc(table), options=options)


def names_list(names):
    """A single column name is taken as a list of one."""
    if names is None:
        return None
    return [names] if isinstance(names, str) else list(names)
