"""rc.compare's checks of the data (schema/views/compare.json declares its options): the runs
table, its scalars checked against it and reduced as rc.scalars reduces them (the Scalars tab
draws whole curves), and the base run one of the runs. A RunTables (rc.from_mlflow, ...) brings
its own scalars."""

from . import _errors
from ._contract import RUN_ID
from ._errors import RunsDataError
from ._reduce import reduce_curves
from ._tables import curves_state, read_tables
from .loaders._common import RunTables

# As many points as rc.scalars sends by default (its maxPoints).
MAX_POINTS = 1_000_000


def prepare(runs, options):
    """The checked tables and options of a comparison page (see rc.compare)."""
    scalars = options["scalars"]
    if isinstance(runs, RunTables):
        scalars = runs.scalars if scalars is None else scalars
        runs = runs.runs
    table, scalars_table, _series = read_tables(runs, scalars)
    base = options["base"]
    if base is not None:
        ids = [str(run_id) for run_id in table.column(RUN_ID).to_pylist()]
        if base not in ids:
            raise RunsDataError(_errors.unknown_run_option("compare", "base", base, ids))
    note = ""
    if scalars_table is not None:
        scalars_table, note = reduce_curves(scalars_table, MAX_POINTS)
    return curves_state(table, scalars_table, options, note or "")
