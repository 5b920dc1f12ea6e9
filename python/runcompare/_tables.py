"""The tables a view is sent: runs and, when given, scalars checked against them."""

import pyarrow as pa

from ._contract import RUN_ID
from ._convert import table_to_ipc, to_runs_table
from ._reduce import keep_summaries
from ._scalars import check_scalars_belong_to_runs, series_keys, to_scalars_table


def read_tables(runs, scalars=None):
    """The runs table, and the scalars table with its series keys (None, None without scalars).

    Raises RunsDataError when either table breaks its contract or no scalars belong to the runs.
    """
    table = to_runs_table(runs)
    if scalars is None:
        return table, None, None
    scalars_table = to_scalars_table(scalars)
    check_scalars_belong_to_runs(scalars_table, table.column(RUN_ID))
    return table, scalars_table, series_keys(scalars_table)


def read_scalars_first(scalars, runs=None):
    """The scalars table and a runs table for views drawn from the scalars (curves, values):
    the given runs, checked against the scalars, or else just the scalars' run ids in order of
    first appearance (the ids ``selected`` may hold)."""
    scalars_table = to_scalars_table(scalars)
    if runs is None:
        return pa.table({RUN_ID: scalars_table.column(RUN_ID).combine_chunks().dictionary}), scalars_table
    runs_table = to_runs_table(runs)
    check_scalars_belong_to_runs(scalars_table, runs_table.column(RUN_ID))
    return runs_table, scalars_table


def view_state(table, scalars_table, options):
    """What a view drawn from summaries carries (a widget or a MIME bundle): Arrow IPC bytes
    and the options, with the scalars cut to the rows that decide each series' last, min and
    max (keep_summaries), all such a view reads."""
    return curves_state(table, None if scalars_table is None else keep_summaries(scalars_table), options)


def curves_state(table, scalars_table, options, note=""):
    """What a view drawing whole series carries: the scalars as given, and a note shown above
    the view (say, that the curves were reduced)."""
    scalars_bytes = b"" if scalars_table is None else table_to_ipc(scalars_table)
    return {"runs": table_to_ipc(table), "scalars": scalars_bytes, "options": options, "note": note}
