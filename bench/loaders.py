"""`make bench` part "loaders": rc.from_mlflow against the loop users write today.

Loads 1,000 runs x 20 metrics x 100 steps (2 million points) from a local MLflow store, a sqlite
database and a file store, made in bulk first (tests/python/mlflow_stores.py):
- the loop: mlflow.search_runs() for the runs, then MlflowClient.get_metric_history() for each
  run and metric, gathered into one pandas DataFrame (the code of MLflow's docs and of the
  public notebooks we read);
- runcompare: rc.from_mlflow(), which returns the runs, the scalars and the details as Arrow.
Also times rc.from_mlflow on 10,000 runs x 2 metrics x 10 steps (sqlite), the size of the test.

    .venv/bin/python bench/loaders.py [--json FILE] [--runs 1000] [--repeats 3]

Prints the results as Markdown; --json writes them for bench/run.mjs (with a "markdown" part).
"""

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "python"))
import mlflow_stores  # noqa: E402

METRICS = 20
STEPS = 100


def users_loop(uri, experiment):
    """What users write today: search_runs, then one get_metric_history call per run and metric."""
    import mlflow
    import pandas as pd

    client = mlflow.MlflowClient(uri)
    mlflow.set_tracking_uri(uri)
    experiment_id = client.get_experiment_by_name(experiment).experiment_id
    runs = mlflow.search_runs([experiment_id], max_results=50_000)
    keys = [column[len("metrics.") :] for column in runs.columns if column.startswith("metrics.")]
    rows = []
    for run_id in runs["run_id"]:
        for key in keys:
            rows += [(run_id, key, m.step, m.timestamp, m.value) for m in client.get_metric_history(run_id, key)]
    return runs, pd.DataFrame(rows, columns=["run_id", "metric", "step", "timestamp", "value"])


def runcompare_load(uri, experiment):
    import runcompare as rc

    return rc.from_mlflow(experiment, tracking_uri=uri, progress=False)


def timed(load, repeats):
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = load()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def measure(runs, repeats):
    os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
    logging.getLogger("mlflow").setLevel(logging.WARNING)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        stores = [
            ("sqlite", lambda: mlflow_stores.sqlite_store(os.path.join(folder, "mlflow.db"), runs, METRICS, STEPS)),
            ("file store", lambda: (mlflow_stores.file_store(os.path.join(folder, "mlruns"), runs, METRICS, STEPS), os.path.join(folder, "mlruns"))[1]),
        ]
        for kind, make in stores:
            print(f"{kind}: making {runs:,} runs x {METRICS} metrics x {STEPS} steps", file=sys.stderr)
            uri = make()
            loop, (_, frame) = timed(lambda uri=uri: users_loop(uri, "sweep"), 1)
            ours, loaded = timed(lambda uri=uri: runcompare_load(uri, "sweep"), repeats)
            assert loaded.scalars.num_rows == len(frame) == runs * METRICS * STEPS
            rows.append({"store": kind, "runs": runs, "metrics": METRICS, "points": len(frame), "loop": loop, "runcompare": ours})
            print(f"{kind}: loop {loop:.1f} s, rc.from_mlflow {ours:.1f} s", file=sys.stderr)
        big = 10_000
        print(f"sqlite: making {big:,} runs x 2 metrics x 10 steps", file=sys.stderr)
        uri = mlflow_stores.sqlite_store(os.path.join(folder, "big.db"), big, 2, 10)
        ours, loaded = timed(lambda: runcompare_load(uri, "sweep"), 1)
        rows.append({"store": "sqlite", "runs": big, "metrics": 2, "points": loaded.scalars.num_rows, "loop": None, "runcompare": ours})
    return rows


def markdown(rows):
    lines = [
        "| store | runs × metrics × steps | search_runs + get_metric_history loop | rc.from_mlflow | faster |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        loop = f"{row['loop']:.1f} s" if row["loop"] else "–"
        ratio = f"{row['loop'] / row['runcompare']:.0f}x" if row["loop"] else "–"
        steps = row["points"] // (row["runs"] * row["metrics"])
        lines.append(f"| {row['store']} | {row['runs']:,} × {row['metrics']} × {steps} | {loop} | {row['runcompare']:.1f} s | {ratio} |")
    lines.append("")
    lines.append("rc.from_mlflow returns the runs, scalars and details tables (Arrow); the loop only a pandas frame of the points. Medians; the loop once.")
    return "\n".join(lines)


def targets(rows):
    compared = [row for row in rows if row["loop"]]
    ok = all(row["runcompare"] < row["loop"] for row in compared)
    ratios = ", ".join(f"{row['loop'] / row['runcompare']:.0f}x ({row['store']})" for row in compared)
    return [
        f"loading 1,000 runs × 20 metrics from a local MLflow store faster than search_runs + get_metric_history: {ratios}, {'met' if ok else '**missed**'}"
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--json")
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rows = measure(args.runs, args.repeats)
    result = {"rows": rows, "markdown": markdown(rows), "targets": targets(rows)}
    print(result["markdown"])
    if args.json:
        with open(args.json, "w", encoding="utf-8") as file:
            json.dump(result, file, indent=1)


if __name__ == "__main__":
    main()
