"""rc.parallel's checks of the data (schema/views/parallel.json declares its options): the
columns asked for exist, as chooseDimensions in src/views/parallel finds them."""

from ._contract import check_view_columns
from ._tables import read_tables, view_state


def prepare(runs, options):
    """The checked tables and options of a parallel-coordinates view (see rc.parallel)."""
    table, scalars_table, series = read_tables(runs, options["scalars"])
    check_view_columns(table, options["params"], options["metrics"], options["color"], series)
    return view_state(table, scalars_table, options)
