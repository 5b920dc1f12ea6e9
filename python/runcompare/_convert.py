"""Runs from any accepted input to one checked Arrow table, and to the bytes the widget sends."""

import pyarrow as pa

from ._contract import check_runs_table, check_shape, run_ids_as_text, with_notes
from ._inputs import read_columns
from ._normalise import check_integers, normalise


def to_runs_table(runs):
    """Check runs against the runs-table contract and return them as a pyarrow Table.

    Accepts a pandas DataFrame (an MLflow ``search_runs()`` frame as it comes), a polars
    DataFrame, a pyarrow Table or RecordBatch, or a list of dicts (one per run).

    The same data gives the same table whatever the input: named pandas index levels become
    leading columns and an unnamed index is dropped; schema and field metadata are dropped;
    and every column takes one type per kind of value (see ``_normalise``): int64, float64
    with NaN for missing, string, bool, binary, list, and timestamp[ms, tz=UTC] for all
    timestamps and dates (naive ones read as UTC, cut to the millisecond). Run ids that are
    numbers, booleans, times or UUIDs become text, and the table carries a note saying so (in
    its schema metadata, under "runcompare.notes"), which the views show.

    Raises RunsDataError, with the same message as the TypeScript views, when the runs break
    the contract.
    """
    source = read_columns(runs, "runs")
    check_shape(source.row_count, source.names)
    arrays = [normalise(check_integers(name, array)) for name, array in zip(source.names, source.arrays())]
    table = pa.Table.from_arrays(arrays, names=source.names)
    table, note = run_ids_as_text(table)
    check_runs_table(table)
    return with_notes(table, [note])


def table_to_ipc(table):
    """The table as Arrow IPC stream bytes, one record batch per chunk (the tables made here have
    one), in a bytearray of exactly their size: the stream is measured first (a pass that only
    counts bytes), then written in place, so there is no growing buffer to copy as it fills,
    and no second copy to make it bytes."""
    # What converting and checking the table freed (hash tables, casts) goes back to the system
    # first: Arrow's allocator would keep it, on top of the bytes.
    pa.default_memory_pool().release_unused()
    size = pa.MockOutputStream()
    _write_stream(size, table)
    out = bytearray(size.size())
    _write_stream(pa.FixedSizeBufferWriter(pa.py_buffer(out)), table)
    return out


def _write_stream(sink, table):
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)


def runs_to_ipc(runs):
    """Runs (anything to_runs_table accepts) as Arrow IPC stream bytes (a bytearray, one record
    batch), checked and normalised, so equal data gives equal bytes whatever the input type."""
    return table_to_ipc(to_runs_table(runs))
