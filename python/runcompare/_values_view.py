"""rc.values and rc.summary: each run's value of every series as a table, and single-value
metrics as clustered bars. The checks mirror src/views/values and src/views/summary, in the
same order and with the same words."""

import pyarrow as pa
import pyarrow.compute as pc
from traitlets import Unicode

from . import _errors
from ._contract import NAME, RUN_ID, SUMMARY_SPEC, is_numeric_column, value_type
from ._errors import RunsDataError
from ._parallel import names_list
from ._tables import read_scalars_first, read_tables, view_state
from ._widget import View

SUMMARIES = ("last", "min", "max")
RUNS_AS = ("rows", "columns")
# A series is "metric/variant", or the metric alone with no variant (scalars.ts).
SERIES_SEPARATOR = "/"


class ValuesView(View):
    """A table of each run's last, min or max value of every series: a row per run and a
    column per series, or the other way round."""

    view = Unicode("values").tag(sync=True)


class SummaryView(View):
    """Single-value metrics of runs as bars: a panel per metric, a labelled bar per run,
    sorted by value."""

    view = Unicode("summary").tag(sync=True)


def values(scalars, runs=None, summary="last", extremes=True, runs_as=None, store=None):
    """Each run's value of every series of the scalars, as a table widget.

    scalars: the values the runs reported, one row per value (run_id, metric, optional
        variant, step, optional time, value): a pandas or polars DataFrame, a pyarrow Table
        or a list of dicts.
    runs: a runs table; its runs that reported any value are shown, in its order and named
        by it. None shows every run of the scalars, named by its id.
    summary: "last" (the value at the last step), "min" or "max" (NaN ignored); the view has
        a switch for it too.
    extremes: highlight each series' highest and lowest values, and keep them in view.
    runs_as: "rows" (a row per run) or "columns"; None takes rows when there are more runs
        than series. The view has a switch for it too.
    store: False keeps the tables out of the widget state saved with the notebook (they are
        sent to the view on request); None takes rc.set_defaults(store=).

    Raises RunsDataError before anything is sent when the scalars, the runs or the summary
    are wrong.
    """
    return ValuesView(**values_state(scalars, runs, summary, extremes, runs_as), store=store)


def values_state(scalars, runs=None, summary="last", extremes=True, runs_as=None):
    """The checked tables and options of a values table (see values). The scalars are read
    first, as the view reads them."""
    runs_table, scalars_table = read_scalars_first(scalars, runs)
    if summary not in SUMMARIES:
        raise RunsDataError(_errors.unknown_summary(summary))
    if runs_as is not None and runs_as not in RUNS_AS:
        raise RunsDataError(_errors.bad_option("runs_as", RUNS_AS, runs_as))
    return view_state(runs_table, scalars_table, {"summary": summary, "extremes": bool(extremes), "runsAs": runs_as})


BAR_SORTS = ("descending", "ascending", "runs")


def summary(runs, metrics=None, scalars=None, height=300, sort="descending", store=None):
    """Single-value metrics of runs as a bar chart widget: a panel per metric (each with its
    own axis from zero), a bar per run labelled with its name and value.

    runs: a pandas or polars DataFrame, a pyarrow Table or a list of dicts, one row per run.
    metrics: runs columns (with or without "metrics."), series of the scalars reported once
        per run, or any series summarised as "loss/validation:min" (or :max, :last). None
        shows every metrics.* column and every series reported once per run.
    scalars: the values the runs reported, one row per value, in any form runs may take.
    height: the most height of a panel's bars, in pixels, before they scroll.
    sort: "descending" (largest value first), "ascending" or "runs" (the runs table's order);
        runs without a value come last. The view has a menu for it too.
    store: False keeps the tables out of the widget state saved with the notebook (they are
        sent to the view on request); None takes rc.set_defaults(store=).

    Raises RunsDataError before anything is sent when the runs, the scalars or the metric
    names are wrong.
    """
    return SummaryView(**summary_state(runs, metrics, scalars, height, sort), store=store)


def summary_state(runs, metrics=None, scalars=None, height=300, sort="descending"):
    """The checked tables and options of a summary bar chart (see summary)."""
    table, scalars_table, series = read_tables(runs, scalars)
    metrics = names_list(metrics)
    check_bar_metrics(table, scalars_table, series, metrics)
    if sort not in BAR_SORTS:
        raise RunsDataError(_errors.bad_option("sort", BAR_SORTS, sort))
    return view_state(table, scalars_table, {"metrics": metrics, "height": height, "sort": sort})


def check_bar_metrics(table, scalars_table, series, names):
    """The metrics the bars would show exist and are numbers, and there is at least one
    (chooseBarMetrics in src/views/summary/metrics.ts)."""
    columns = {name: column for name, column in zip(table.column_names, table.columns) if name not in (RUN_ID, NAME) and value_type(column) != "binary"}
    singles = set() if scalars_table is None else single_value_series(scalars_table, table.column(RUN_ID))

    def runs_column(name):
        for candidate in (name, f"params.{name}", f"metrics.{name}"):
            if candidate in columns:
                return candidate
        return None

    if names is None:
        keys = [name[len("metrics.") :] for name in columns if name.startswith("metrics.")]
        if not keys and not singles:
            raise RunsDataError(_errors.nothing_to_summarise())
        return
    for name in names:
        found = runs_column(name)
        if name in singles and found is None:
            continue
        spec = SUMMARY_SPEC.fullmatch(name)
        if found is not None and spec is None:
            if not is_numeric_column(found, columns[found]):
                raise RunsDataError(_errors.bars_not_numeric(found))
            continue
        if series is None:
            raise RunsDataError(_errors.unknown_column(name, list(columns)))
        if (spec.group(1) if spec else name) not in series:
            raise RunsDataError(_errors.unknown_series(name, series))


def single_value_series(scalars_table, run_ids):
    """Keys of the series that every run reporting them reported exactly once, and that at
    least one run of the runs table reported."""
    metric = scalars_table.column("metric").cast(pa.string())
    if "variant" in scalars_table.column_names:
        variant = scalars_table.column("variant").cast(pa.string())
        keys = pc.binary_join_element_wise(metric, variant, SERIES_SEPARATOR, null_handling="skip")
    else:
        keys = metric
    reports = pa.table({"key": keys, RUN_ID: scalars_table.column(RUN_ID).cast(pa.string())})
    counts = reports.group_by(["key", RUN_ID]).aggregate([([], "count_all")])
    repeated = set(counts.filter(pc.greater(counts["count_all"], 1)).column("key").to_pylist())
    known = counts.filter(pc.is_in(counts[RUN_ID], value_set=run_ids.combine_chunks()))
    return set(known.column("key").to_pylist()) - repeated
