"""rc.logs: the console output of two runs side by side, line against line (readLogs in
src/data/logs.ts: the same checks and words)."""

import pyarrow as pa
from traitlets import Unicode

from . import _errors
from ._convert import table_to_ipc
from ._errors import RunsDataError
from ._inputs import read_columns
from ._normalise import normalise
from ._widget import View


class Logs(View):
    """Two runs' logs compared; ``selected`` holds the pair, the base first, and setting it compares another pair."""

    view = Unicode("logs").tag(sync=True)


def logs(logs, runs=None, ignore_numbers=False, height=560, state=None, store=None):
    """The console output of two runs as a text diff, as a widget: the two logs side by side,
    line against line, scrolled together; "next difference" (n) and "previous" (p) jump
    between the stretches that differ; changed lines have their differing words marked. Logs
    of 100,000 lines scroll as small ones do.

    logs: the text each run printed, as a dict {run_id: text}, or a table (pandas or polars
        DataFrame, pyarrow Table, list of dicts) with run_id and log (or text) columns, one
        row per run, and optionally name.
    runs: the two run ids compared, the base first; None takes the first two.
    ignore_numbers: lines that differ only in their numbers (losses, times) do not count as
        differences. state: the view's ``state``. store: as for every view.

    Raises RunsDataError before anything is sent when the logs or the run ids are wrong.
    """
    return Logs(**logs_state(logs, runs, ignore_numbers, height, state), store=store)


def logs_state(logs, runs=None, ignore_numbers=False, height=560, state=None):
    table = to_logs_table(logs)
    ids = table.column("run_id").to_pylist()
    selected = [runs] if isinstance(runs, str) else list(runs or [])
    for run_id in selected:
        if run_id not in ids:
            raise RunsDataError(_errors.unknown_run_option("logs", "selected", run_id, ids))
    # The pair compared (choosePair in src/views/diff/logs/index.ts): those named, else the first two.
    pair = selected[:2]
    if len(pair) < 2:
        first = pair or [ids[0]]
        others = [run_id for run_id in ids if run_id not in first]
        pair = first + (others[:1] or first)
    options = {"ignoreNumbers": ignore_numbers, "height": height, "state": state}
    return {"runs": table_to_ipc(table), "scalars": b"", "options": options, "note": "", "selected": pair}


def to_logs_table(logs):
    if isinstance(logs, dict) and all(isinstance(text, str) for text in logs.values()):
        if not logs:
            raise RunsDataError(_errors.logs_empty())
        return pa.table({"run_id": [str(run_id) for run_id in logs], "log": list(logs.values())})
    source = read_columns(logs, "logs")
    if source.row_count == 0:
        raise RunsDataError(_errors.logs_empty())
    columns = dict(zip(source.names, (normalise(array) for array in source.arrays())))
    text = columns.get("log", columns.get("text"))
    if "run_id" not in columns or text is None:
        raise RunsDataError(_errors.logs_no_column(source.names))
    ids = columns["run_id"].to_pylist()
    seen = set()
    for row, run_id in enumerate(ids):
        if run_id is None:
            raise RunsDataError(_errors.missing_value("logs", "run_id", row, "log needs a run_id"))
        if str(run_id) in seen:
            raise RunsDataError(_errors.logs_duplicate(str(run_id)))
        seen.add(str(run_id))
    texts = [t.decode("utf-8", "replace") if isinstance(t, bytes) else ("" if t is None else str(t)) for t in text.to_pylist()]
    arrays = {"run_id": [str(run_id) for run_id in ids], "log": texts}
    if "name" in columns:
        arrays["name"] = [None if name is None else str(name) for name in columns["name"].to_pylist()]
    return pa.table(arrays)
