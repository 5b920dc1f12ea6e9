"""`make bench` part "convert": Python's DataFrame -> Arrow IPC bytes, against pyarrow alone.

Runs: 1 M runs x 20 columns, shaped as an MLflow search_runs() frame (run_id, name, status,
start and end times, six params as MLflow keeps them, as text, ten metrics with a few missing),
given as pandas with object-dtype strings (pandas 2's default), pandas with its own string dtype
(pandas 3's default), polars and pyarrow. Each is timed through rc.runs_to_ipc against the least
a caller could do with pyarrow alone: pa.Table.from_pandas (polars: DataFrame.to_arrow; pyarrow:
nothing) and the same IPC stream write.

Scalars: 10 M rows (1,000 runs x 10,000 steps, one metric, run_id and metric as text) through
rc.scalars_to_ipc, as pandas with object strings, pandas with its string dtype, polars and
pyarrow, against the same pyarrow baselines.

Memory: runcompare and the baseline each run in a process of their own, which builds the input,
resets the kernel's peak resident size (/proc/self/clear_refs) and converts; "extra" is the peak
resident size during the conversion above the resident size with the input built, against the
input's own size (pandas memory_usage(deep=True), polars estimated_size, pyarrow nbytes).

    .venv/bin/python bench/convert.py [--json FILE] [--runs 1000000] [--rows 10000000] [--repeats 3]

Prints the results as Markdown; --json writes them for bench/run.mjs (with a "markdown" part).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

INPUTS = ("pandas-object", "pandas-str", "polars", "pyarrow")
NAMES = {
    "pandas-object": "pandas, object strings",
    "pandas-str": "pandas, string dtype",
    "polars": "polars",
    "pyarrow": "pyarrow Table",
}


def runs_frame(count):
    """The runs as a pyarrow Table, seeded."""
    import numpy as np
    import pyarrow as pa

    random = np.random.default_rng(7)
    ids = np.char.add("run-", np.arange(count).astype(str))
    start = np.datetime64("2024-01-01T00:00:00", "ms") + random.integers(0, 10**10, count).astype("timedelta64[ms]")
    columns = {
        "run_id": ids,
        "name": np.char.add("sweep-", (np.arange(count) % 997).astype(str)),
        "status": np.array(["FINISHED", "FAILED", "RUNNING"])[random.integers(0, 3, count)],
        "start_time": start,
        "end_time": start + random.integers(0, 10**7, count).astype("timedelta64[ms]"),
        "params.lr": np.char.mod("%.6g", 10 ** random.uniform(-5, -1, count)),
        "params.batch_size": np.array(["16", "32", "64", "128"])[random.integers(0, 4, count)],
        "params.optimizer": np.array(["adam", "adamw", "sgd"])[random.integers(0, 3, count)],
        "params.layers": random.integers(1, 12, count).astype(str),
        "params.dropout": np.char.mod("%.3f", random.uniform(0, 0.5, count)),
        "params.seed": random.integers(0, 1000, count).astype(str),
    }
    for i in range(10):
        values = random.normal(i, 1, count)
        values[random.random(count) < 0.05] = np.nan
        columns[f"metrics.m{i}"] = values
    return pa.table({name: pa.array(values) for name, values in columns.items()})


def scalars_frame(rows, runs=1000):
    import numpy as np
    import pyarrow as pa

    steps = rows // runs
    random = np.random.default_rng(11)
    run = np.repeat(np.arange(runs), steps)
    ids = pa.DictionaryArray.from_arrays(pa.array(run, pa.int32()), pa.array([f"run-{r:05d}" for r in range(runs)]))
    metric = pa.DictionaryArray.from_arrays(pa.array(np.zeros(rows, np.int32)), pa.array(["loss"]))
    return pa.table(
        {
            "run_id": ids.cast(pa.string()),
            "metric": metric.cast(pa.string()),
            "step": np.tile(np.arange(steps, dtype=np.int64), runs),
            "value": random.normal(1, 0.1, rows),
        }
    )


def as_input(table, kind):
    """The table as the input kind, and its size in memory."""
    if kind == "pyarrow":
        return table, table.nbytes
    if kind == "polars":
        import polars as pl

        frame = pl.from_arrow(table)
        return frame, frame.estimated_size()
    import pandas as pd

    if kind == "pandas-object":
        frame = table.to_pandas(types_mapper={}.get, strings_to_categorical=False)
        for name in frame.columns:
            if frame[name].dtype != object and str(frame[name].dtype) in ("str", "string"):
                frame[name] = frame[name].astype(object)
    else:
        frame = table.to_pandas()
        for name in frame.columns:
            if frame[name].dtype == object:
                frame[name] = frame[name].astype(pd.StringDtype(na_value=float("nan")))
    return frame, int(frame.memory_usage(deep=True).sum())


def baseline(value, kind):
    """The least pyarrow alone does: the input as an Arrow table, written as an IPC stream."""
    import pyarrow as pa

    if kind.startswith("pandas"):
        table = pa.Table.from_pandas(value, preserve_index=False)
    elif kind == "polars":
        table = value.to_arrow()
    else:
        table = value
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def rss_kib(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(field)


def one_case(table_kind, kind, who, size, repeats):
    """In this process: the times and peak memory of runcompare's conversion or of the baseline
    (`who`), each in a process of its own, so that neither finds memory the other freed."""
    import gc

    import runcompare as rc

    table = runs_frame(size) if table_kind == "runs" else scalars_frame(size)
    value, input_bytes = as_input(table, kind)
    del table
    gc.collect()
    convert = rc.runs_to_ipc if table_kind == "runs" else rc.scalars_to_ipc
    call = (lambda data: convert(data)) if who == "runcompare" else (lambda data: baseline(data, kind))
    # A first call on a few rows, so that what it imports on first use is not counted.
    call(value.slice(0, 1000) if kind == "pyarrow" else value.head(1000))
    times, extra = [], []
    for _ in range(repeats):
        gc.collect()
        before = rss_kib("VmRSS")
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
        started = time.perf_counter()
        output = call(value)
        times.append(time.perf_counter() - started)
        extra.append((rss_kib("VmHWM") - before) * 1024)
        output_bytes = len(output)
        del output
    return {
        "seconds": statistics.median(times),
        "best": min(times),
        "times": times,
        "extra_bytes": max(extra),
        "output_bytes": output_bytes,
        "input_bytes": input_bytes,
    }


def run_case(table_kind, kind, size, repeats):
    """runcompare and the baseline on one input, each in a fresh process."""
    result = {}
    for who in ("runcompare", "pyarrow"):
        done = subprocess.run([sys.executable, __file__, "--case", f"{table_kind},{kind},{who},{size},{repeats}"], capture_output=True, text=True)
        if done.returncode != 0:
            return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
        result[who] = json.loads(done.stdout.strip().splitlines()[-1])
    result["input_bytes"] = result["runcompare"]["input_bytes"]
    return result


IMPORT = """
import sys, time
started = time.perf_counter()
import runcompare
print(time.perf_counter() - started)
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""
HEAVY = ("pyarrow", "numpy", "pandas", "polars", "scipy", "mlflow", "tensorboard", "optuna", "anywidget", "ipywidgets", "IPython")


def import_modules():
    """`import runcompare`'s time (median of five fresh processes) and the heavy modules it brings in."""
    times, modules = [], []
    for _ in range(5):
        seconds, modules = subprocess.run([sys.executable, "-c", IMPORT], capture_output=True, text=True, check=True).stdout.splitlines()
        times.append(float(seconds))
    return {"seconds": statistics.median(times), "times": times, "heavy_modules": [name for name in HEAVY if name in modules.split()]}


def markdown(results):
    ms = lambda seconds: f"{seconds * 1000:,.0f} ms"  # noqa: E731
    mb = lambda count: f"{count / 1e6:,.0f} MB"  # noqa: E731
    lines = [
        f"Measured {results['date']} UTC, load average at start {' '.join(f'{x:.1f}' for x in results['load'])}.",
        "Medians (and best) of the repeats; extra peak memory is the largest of them.",
        "",
        "| table | input | runcompare (best) | pyarrow alone (best) | ratio | input in memory | extra peak memory (runcompare / pyarrow) |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, cases in (("runs", results["runs"]), ("scalars", results["scalars"])):
        for kind, case in cases.items():
            if "error" in case:
                lines.append(f"| {label} | {NAMES[kind]} | failed: {case['error']} | | | | |")
                continue
            rc, pa = case["runcompare"], case["pyarrow"]
            times = f"{ms(rc['seconds'])} ({ms(rc['best'])}) | {ms(pa['seconds'])} ({ms(pa['best'])}) | {rc['seconds'] / pa['seconds']:.1f}x"
            memory = f"{mb(case['input_bytes'])} | {mb(rc['extra_bytes'])} / {mb(pa['extra_bytes'])}"
            lines.append(f"| {label} ({results['sizes'][label]:,} rows) | {NAMES[kind]} | {times} | {memory} |")
    imported = results["import"]
    lines += [
        "",
        f"`import runcompare`: {ms(imported['seconds'])} (median of 5 fresh processes); "
        f"heavy modules it brings in: {', '.join(imported['heavy_modules']) or 'none'}.",
    ]
    return "\n".join(lines)


def targets(results):
    check = lambda ok: "met" if ok else "**missed**"  # noqa: E731
    lines = []
    runs = [case for case in results["runs"].values() if "error" not in case]
    if runs:
        worst = max(case["runcompare"]["seconds"] / case["pyarrow"]["seconds"] for case in runs)
        lines.append(f"runs → Arrow bytes at {results['sizes']['runs']:,} × 20, within 2x of pyarrow alone: at most {worst:.1f}x, {check(worst <= 2)}")
    scalars = [case for case in results["scalars"].values() if "error" not in case]
    if scalars:
        slowest = max(case["runcompare"]["seconds"] for case in scalars)
        lines.append(f"scalars → Arrow bytes at {results['sizes']['scalars']:,} rows < 3 s: at most {slowest:.2f} s, {check(slowest < 3)}")
    every = runs + scalars
    if every:
        memory = max(case["runcompare"]["extra_bytes"] / case["input_bytes"] for case in every)
        lines.append(f"conversion's extra peak memory ≤ 2x the input: at most {memory:.1f}x, {check(memory <= 2)}")
    lines.append(f"`import runcompare` < 300 ms: {results['import']['seconds'] * 1000:.0f} ms, {check(results['import']['seconds'] < 0.3)}")
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--json")
    parser.add_argument("--runs", type=int, default=1_000_000)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--inputs", default=",".join(INPUTS))
    parser.add_argument("--case")
    args = parser.parse_args()
    if args.case:
        table_kind, kind, who, size, repeats = args.case.split(",")
        print(json.dumps(one_case(table_kind, kind, who, int(size), int(repeats))))
        return
    inputs = args.inputs.split(",")
    results = {
        "date": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
        "load": os.getloadavg(),
        "sizes": {"runs": args.runs, "scalars": args.rows},
        "import": import_modules(),
        "runs": {kind: run_case("runs", kind, args.runs, args.repeats) for kind in inputs},
        "scalars": {kind: run_case("scalars", kind, args.rows, args.repeats) for kind in inputs},
    }
    results["load_after"] = os.getloadavg()
    results["markdown"] = markdown(results)
    results["targets"] = targets(results)
    print(results["markdown"])
    print("\n".join(f"- {line}" for line in results["targets"]))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
