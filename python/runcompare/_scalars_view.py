"""rc.scalars: learning curves of runs, TensorBoard's scalars dashboard in a notebook. The checks
mirror src/views/scalars, in the same order and with the same words."""

import math
import numbers

from traitlets import Unicode

from . import _errors
from ._contract import NAME, RUN_ID, value_type
from ._errors import RunsDataError
from ._parallel import names_list
from ._reduce import MAX_POINTS, reduce_curves
from ._scalars import only_series, series_keys
from ._tables import curves_state, read_scalars_first
from ._widget import View

# The choices of src/views/scalars/options.ts and the data modules it names.
VARIANTS = ("separate", "together")
X_AXES = ("step", "relative", "wall")
Y_SCALES = ("linear", "log")
SMOOTHING_TYPES = ("ema", "time_ema", "gaussian", "running_average")
AGGREGATES = ("mean", "median")
BANDS = ("none", "minmax", "std", "stderr", "ci95")
MAX_SMOOTHING = 0.999


class ScalarsView(View):
    """Learning curves: one chart per metric and variant, a line per run (or per group of runs)."""

    view = Unicode("scalars").tag(sync=True)


def scalars(
    scalars,
    runs=None,
    metrics=None,
    group_by=None,
    smoothing=None,
    smoothing_type="ema",
    x="step",
    y="linear",
    variants="separate",
    aggregate="mean",
    band="minmax",
    color=None,
    height=240,
    ignore_outliers=True,
    max_points=MAX_POINTS,
    store=None,
):
    """Learning curves of runs, as a widget: one chart per metric and variant, each run's series
    smoothed over its raw values, with a tooltip listing every run's value at a step.

    scalars: the values the runs reported, one row per value (run_id, metric, optional variant,
        step, optional time, value): a pandas or polars DataFrame, a pyarrow Table or a list of
        dicts. NaN and infinite values are drawn as gaps.
    runs: a runs table (an MLflow ``search_runs()`` frame works as is): it names and colours
        the runs and gives the columns to group by. None names runs by their ids; the view then
        knows only the scalars' run ids (in order of first appearance), which are also the ids
        ``selected`` may hold.
    metrics: metrics ("loss", every variant) or series ("loss/train") to chart; None charts all.
        Only these series are sent to the view (and saved with the notebook).
    group_by: runs-table columns (with or without their "params."/"metrics." prefix); runs
        with equal values become one line, the mean or median (aggregate) of their smoothed
        series with a band: "minmax", "std", "stderr", "ci95" (Student's t) or "none". Steps
        that differ between runs are aligned by linear interpolation within each run's range.
    smoothing: 0 (none) to 0.999 (most), as TensorBoard's slider; None takes the JupyterLab
        setting (Settings > runcompare, 0.6 unless changed).
    smoothing_type: "ema" (TensorBoard's debiased exponential moving average, the same
        numbers), "time_ema" (weights decay with the time between reports), "gaussian" or
        "running_average" (both centred, about as wide as the EMA's reach).
    x: "step", "relative" (time since each run's first report) or "wall" (clock time); the
        last two need a time column.
    y: "linear" or "log".
    variants: "separate" (a chart per metric and variant) or "together" (a chart per metric,
        variants told apart by dashes).
    color: runs-table column that colours the runs; None gives each run its own colour.
    height: of each chart, in pixels.
    ignore_outliers: fit each chart's y axis to the values that are not outliers (a spike of
        1e6 no longer flattens every curve; points beyond the axis are marked at its edge), as
        TensorBoard's "ignore outliers in chart scaling". False fits every value.
    max_points: scalars with more rows are reduced before they are sent: each long series
        keeps the first, last, lowest and highest value of each step interval, so curves keep
        their shape, extremes and last value, and the view says so. None sends every point.
    store: False keeps the tables out of the widget state saved with the notebook (they are
        sent to the view on request, with a progress bar); None takes rc.set_defaults(store=).

    Raises RunsDataError before anything is sent when the scalars, the runs or the options
    are wrong.
    """
    state = scalars_state(
        scalars, runs, metrics, group_by, smoothing, smoothing_type, x, y, variants, aggregate, band, color, height, ignore_outliers, max_points
    )
    return ScalarsView(**state, store=store)


def scalars_state(
    scalars,
    runs=None,
    metrics=None,
    group_by=None,
    smoothing=None,
    smoothing_type="ema",
    x="step",
    y="linear",
    variants="separate",
    aggregate="mean",
    band="minmax",
    color=None,
    height=240,
    ignore_outliers=True,
    max_points=MAX_POINTS,
):
    """The checked tables and options of a learning-curves view (see scalars): the scalars of
    the chosen series only."""
    runs_table, scalars_table = read_scalars_first(scalars, runs)
    _check_max_points(max_points)
    _one_of("variants", variants, VARIANTS)
    _one_of("x", x, X_AXES)
    _one_of("y", y, Y_SCALES)
    _check_smoothing(smoothing)
    _one_of("smoothing_type", smoothing_type, SMOOTHING_TYPES)
    _one_of("aggregate", aggregate, AGGREGATES)
    _one_of("band", band, BANDS)
    if not isinstance(ignore_outliers, bool):
        raise RunsDataError(_errors.bad_option("ignore_outliers", (True, False), ignore_outliers))
    group_by = names_list(group_by) or []
    columns = _runs_columns(runs_table)
    for name in [*group_by, *([color] if color else [])]:
        _resolve(name, columns)
    metrics = names_list(metrics)
    _check_metrics(metrics, series_keys(scalars_table), scalars_table.column("metric").combine_chunks().dictionary.to_pylist())
    if x != "step" and "time" not in scalars_table.column_names:
        raise RunsDataError(_errors.scalars_no_time(x))
    options = {
        "metrics": metrics,
        "groupBy": group_by,
        "smoothing": smoothing,
        "smoothingType": smoothing_type,
        "x": x,
        "y": y,
        "variants": variants,
        "aggregate": aggregate,
        "band": band,
        "color": color,
        "height": height,
        "ignoreOutliers": ignore_outliers,
    }
    if metrics is not None:
        scalars_table = only_series(scalars_table, metrics)
    scalars_table, note = reduce_curves(scalars_table, max_points)
    return curves_state(runs_table, scalars_table, options, note or "")


def _one_of(name, value, allowed):
    if value not in allowed:
        raise RunsDataError(_errors.bad_option(name, allowed, value))


def _check_smoothing(value):
    if value is None:
        return
    # JavaScript's typeof is "number" for floats and ints but not for booleans.
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value) or not 0 <= value <= MAX_SMOOTHING:
        raise RunsDataError(_errors.bad_number("smoothing", "a number from 0 (none) to 0.999 (most)", value))


def _check_max_points(value):
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise RunsDataError(f"max_points must be a whole number of points above 0, or None to send every point; got {value!r}.")


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
