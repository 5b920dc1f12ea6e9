"""Writes the corpus as the browser suite reads it: ``python -m corpus OUT.json`` (from tests/).

For every case and every view Python knows (rc.display's list), an entry: what Python sends to the
view (the Arrow IPC bytes and options of its widget) when Python accepts the case, else the broken
tables as an Observable page would pass them (records, or Arrow IPC bytes written by pyarrow without
runcompare's checks), with the message the view must show.
"""

import base64
import datetime
import json
import math
import sys

import pandas as pd
import pyarrow as pa
import runcompare as rc

from .corpus import ALL_CASES, VIEWS, view_call, view_tables


def encode(value):
    """JSON for the page: bytes as base64, and what JSON has no word for tagged for the page to revive."""
    if isinstance(value, float) and not math.isfinite(value):
        return {"$number": repr(value).replace("inf", "Infinity").replace("nan", "NaN")}
    if isinstance(value, datetime.datetime):
        return {"$date": value.timestamp() * 1000}
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(item) for item in value]
    return value


def ipc(table):
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return {"$bytes": base64.b64encode(sink.getvalue().to_pybytes()).decode("ascii")}


def as_arrow(table):
    if isinstance(table, pa.Table):
        return table
    if isinstance(table, pd.DataFrame):
        return pa.Table.from_pandas(table, preserve_index=False)
    return pa.Table.from_pylist(table)


# Where a widget carries each table: the diff's details travel where the others' runs do (widget/views.ts).
SLOTS = {"runs": "runs", "scalars": "scalars", "data": "runs"}


def browser_input(case, view):
    """The tables the view reads, as the case's `browser` form gives them, and its options."""
    tables, _ = view_tables(view, VIEWS[view], case)
    options = (case.js_options or case.options).get(view, {})

    def form(table):
        if isinstance(table, dict):
            return encode(table)
        return ipc(as_arrow(table)) if case.browser == "arrow" else encode(table)

    return {"input": case.browser, **{SLOTS[name]: form(table) for name, table in tables.items()}, "options": encode(options), "note": ""}


def entry(case, view):
    base = {"case": case.name, "view": view, "pending": case.pending, "noteText": case.note.get(view), "csvRows": case.csv_rows.get(view), "png": case.png}
    try:
        args, keywords = view_call(view, VIEWS[view], case)
        state = VIEWS[view](*args, **keywords)
    except rc.RunsDataError as error:
        if case.browser is None:
            return None
        return {**base, **browser_input(case, view), "python": str(error), "expect": case.browser_errors.get(view, str(error))}
    sent = {name: ({"$bytes": base64.b64encode(state[name]).decode("ascii")} if state[name] else None) for name in ("runs", "scalars")}
    # The diff's widget carries its details where the others carry the runs (see widget/views.ts).
    return {**base, "input": "python", **sent, "options": encode(state["options"]), "note": state["note"], "python": None, "expect": None}


def main(path):
    entries = [found for case in ALL_CASES for view in VIEWS if view in (case.views or VIEWS) and (found := entry(case, view)) is not None]
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"views": list(VIEWS), "entries": entries}, out, ensure_ascii=True)
    print(f"{len(entries)} corpus entries ({len(ALL_CASES)} cases, {len(VIEWS)} views) in {path}")


if __name__ == "__main__":
    main(sys.argv[1])
