"""rc.summary's checks of the data (schema/views/summary.json declares its options): the metrics
the bars would show exist and are numbers, as chooseBarMetrics in src/views/summary finds them."""

import pyarrow as pa
import pyarrow.compute as pc

from . import _errors
from ._contract import NAME, RUN_ID, SUMMARY_SPEC, is_numeric_column, value_type
from ._errors import RunsDataError
from ._stats import check_groups
from ._tables import read_tables, view_state

# A series is "metric/variant", or the metric alone with no variant (scalars.ts).
SERIES_SEPARATOR = "/"


def prepare(runs, options):
    """The checked tables and options of summary bars (see rc.summary)."""
    table, scalars_table, series = read_tables(runs, options["scalars"])
    check_bar_metrics(table, scalars_table, series, options["metrics"])
    if options["groupBy"] is not None:
        check_groups(table, options["groupBy"], options["pairBy"], options["base"])
    return view_state(table, scalars_table, options)


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
