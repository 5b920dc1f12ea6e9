"""rc.values' checks of the data (schema/views/values.json declares its options): the column to
sort by is one the table has, as checkSettings in src/views/values/data.ts finds it."""

import pyarrow.compute as pc

from . import _errors
from ._contract import NAME, RUN_ID
from ._errors import RunsDataError
from ._scalars import series_keys
from ._stats import check_groups
from ._tables import read_scalars_first, view_state


def prepare(scalars, options):
    """The checked tables and options of a values table (see rc.values). The scalars are read
    first, as the view reads them."""
    runs_table, scalars_table = read_scalars_first(scalars, options["runs"])
    if options["groupBy"] is not None:
        if options["runs"] is None:
            raise RunsDataError(_errors.stats_need_runs())
        check_groups(runs_table, options["groupBy"], options["pairBy"], options["base"])
    if options["sortBy"] is not None:
        _check_sort(runs_table, scalars_table, options)
    if options["groupBy"] is None:
        # The table shows runs by id and name: the view reads no other column unless it groups runs.
        runs_table = runs_table.select([name for name in runs_table.column_names if name in _NAMING])
    return view_state(runs_table, scalars_table, options)


# The columns that name a run, as the view reads them (readNames in src/data/runs.ts).
_NAMING = (RUN_ID, NAME, "tags.mlflow.runName")


def _check_sort(runs_table, scalars_table, options):
    """The runs shown are those of the runs table that reported a value, in its order; a run per
    row when there are more of them than series, unless runsAs says."""
    reported = scalars_table.column(RUN_ID).combine_chunks().dictionary
    runs = runs_table.column(RUN_ID)
    ids = runs.filter(pc.is_in(runs, value_set=reported)).to_pylist()
    keys = series_keys(scalars_table)
    runs_as = options["runsAs"] or ("rows" if len(ids) > len(keys) else "columns")
    sort_by = options["sortBy"]
    if runs_as == "columns" and sort_by not in ids:
        raise RunsDataError(_errors.unknown_sort_run(sort_by, ids))
    if runs_as == "rows" and sort_by not in keys:
        raise RunsDataError(_errors.unknown_sort_series(sort_by, keys))
