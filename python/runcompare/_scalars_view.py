"""rc.scalars' checks of the data (schema/views/scalars.json declares its options): the columns
to group and colour by, the metrics and the times exist, as src/views/scalars finds them."""

from . import _errors
from ._contract import NAME, RUN_ID, value_type
from ._errors import RunsDataError
from ._reduce import reduce_curves
from ._scalars import only_series, series_keys
from ._tables import curves_state, read_scalars_first


def prepare(scalars, options):
    """The checked tables and options of a learning-curves view (see rc.scalars): the scalars of
    the series asked for only, reduced past maxPoints."""
    runs_table, scalars_table = read_scalars_first(scalars, options["runs"])
    columns = _runs_columns(runs_table)
    for name in [*(options["groupBy"] or []), *([options["color"]] if options["color"] else []), *([options["pairBy"]] if options["pairBy"] else [])]:
        _resolve(name, columns)
    metrics = options["metrics"]
    _check_metrics(metrics, series_keys(scalars_table), scalars_table.column("metric").combine_chunks().dictionary.to_pylist())
    if options["x"] != "step" and "time" not in scalars_table.column_names:
        raise RunsDataError(_errors.scalars_no_time(options["x"]))
    if metrics is not None:
        scalars_table = only_series(scalars_table, metrics)
    scalars_table, note = reduce_curves(scalars_table, options["maxPoints"])
    return curves_state(runs_table, scalars_table, options, note or "")


def _runs_columns(table):
    """The columns readRuns keeps, by full name: all but run_id, name and binary columns."""
    return [name for name, column in zip(table.column_names, table.columns) if name not in (RUN_ID, NAME) and value_type(column) != "binary"]


def _resolve(name, columns):
    for candidate in (name, f"params.{name}", f"metrics.{name}"):
        if candidate in columns:
            return candidate
    raise RunsDataError(_errors.unknown_column(name, columns))


def _check_metrics(metrics, series, metric_names):
    """Each name is a metric (all its variants) or a series "metric/variant" of the scalars."""
    if metrics is None:
        return
    for name in metrics:
        if name not in series and name not in metric_names:
            raise RunsDataError(_errors.scalars_unknown_metric(name, series))
