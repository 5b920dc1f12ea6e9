"""rc.influence: parameter importance as sorted bars (schema/views/influence.json declares its
options). Its checks of the data are rc.importance's, and its ``selected`` holds the params
clicked (their full column names, "params.lr") rather than run ids: observe it to add their axes
to a parallel coordinates view."""

import pyarrow as pa
from traitlets import TraitError, Unicode, validate

from . import _errors
from ._contract import is_numeric_column
from ._errors import RunsDataError, list_names, quote
from ._stats import require_column, table_metric_values
from ._tables import read_tables, view_state
from ._widget import View


def prepare(runs, options):
    """The checked tables and options of parameter importance bars (see rc.influence): the
    metric (default the first metrics.* column of numbers) and the params named exist."""
    table, scalars_table, series = read_tables(runs, options["scalars"])
    metric = options["metric"]
    if metric is None:
        metric = next((name for name in table.column_names if name.startswith("metrics.") and is_numeric_column(name, table.column(name))), None)
        if metric is None:
            raise RunsDataError(_errors.influence_no_metric())
    table_metric_values(table, scalars_table, series, metric)
    if options["params"] is None and not any(name.startswith("params.") for name in table.column_names):
        raise RunsDataError(_errors.influence_no_params())
    for name in options["params"] or []:
        require_column(table, name)
    return view_state(table, scalars_table, options)


class InfluenceView(View):
    """Parameter importance for a metric as sorted bars. ``selected`` holds the params clicked
    (full column names such as "params.lr"), not run ids; setting it marks them."""

    view = Unicode("influence").tag(sync=True)

    @validate("selected")
    def _check_selected(self, proposal):
        runs = self._table("runs")
        params = {name for name in pa.ipc.open_stream(runs).schema.names if name.startswith("params.")} if runs else set()
        unknown = [name for name in proposal["value"] if name not in params]
        if unknown:
            raise TraitError(f"selected has params that are not columns of runs: {list_names([quote(n) for n in unknown])}.")
        return proposal["value"]
