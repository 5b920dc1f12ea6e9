"""rc.logs' checks of the data (schema/views/logs.json declares its options): the console output
of two runs side by side, line against line (readLogs in src/data/logs.ts: the same checks and
words)."""

import pyarrow as pa

from . import _errors
from ._convert import table_to_ipc
from ._errors import RunsDataError
from ._inputs import read_columns
from ._normalise import normalise


def prepare(logs, options):
    """The checked logs table and options of a logs view (see rc.logs), and the pair compared, the
    base first (its selection): those named, else the first two (choosePair in
    src/views/diff/logs/index.ts)."""
    table = to_logs_table(logs)
    ids = table.column("run_id").to_pylist()
    named = options["runs"] or []
    for run_id in named:
        if run_id not in ids:
            raise RunsDataError(_errors.unknown_run_option("logs", "runs", run_id, ids))
    pair = named[:2]
    if len(pair) < 2:
        first = pair or [ids[0]]
        others = [run_id for run_id in ids if run_id not in first]
        pair = first + (others[:1] or first)
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
