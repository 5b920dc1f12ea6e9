"""`make bench` part "loaders": rc.from_mlflow and rc.from_tensorboard against the loops users write today.

Loads 1,000 runs x 20 metrics x 100 steps (2 million points) from a local MLflow store, a sqlite
database and a file store, made in bulk first (tests/python/mlflow_stores.py):
- the loop: mlflow.search_runs() for the runs, then MlflowClient.get_metric_history() for each
  run and metric, gathered into one pandas DataFrame (the code of MLflow's docs and of the
  public notebooks we read);
- runcompare: rc.from_mlflow(), which returns the runs, the scalars and the details as Arrow.
Also times rc.from_mlflow on 10,000 runs x 2 metrics x 10 steps (sqlite), the size of the test, and
rc.from_tensorboard on a log directory of 20 runs x 5 tags x 10,000 steps (1 million points, v1
simple values as PyTorch's SummaryWriter writes them) against TensorBoard's EventAccumulator read
into a pandas DataFrame, run by run (its docs' and the public notebooks' way).

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


def tensorboard_logdir(folder, runs, tags, steps):
    """A log directory of runs x tags x steps scalars, written record by record (fast) in the event
    file format TensorBoard's writer uses (a file version event, then one event per point)."""
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.summary.writer.record_writer import RecordWriter

    for run in range(runs):
        directory = os.path.join(folder, f"run_{run:02d}")
        os.makedirs(directory)
        with open(os.path.join(directory, f"events.out.tfevents.1700000000.bench.{run}.0"), "wb") as file:
            writer = RecordWriter(file)
            writer.write(event_pb2.Event(wall_time=1.7e9, file_version="brain.Event:2").SerializeToString())
            for step in range(steps):
                values = [summary_pb2.Summary.Value(tag=f"tag_{tag}", simple_value=(run + tag) / (step + 1)) for tag in range(tags)]
                writer.write(event_pb2.Event(wall_time=1.7e9 + step, step=step, summary=summary_pb2.Summary(value=values)).SerializeToString())
            writer.flush()
    return folder


def accumulator_loop(logdir):
    """What users write today: an EventAccumulator per run directory, every scalar kept, its
    Scalars(tag) gathered into one pandas DataFrame."""
    import pandas as pd
    from tensorboard.backend.event_processing import event_accumulator

    rows = []
    for run in sorted(os.listdir(logdir)):
        accumulator = event_accumulator.EventAccumulator(os.path.join(logdir, run), size_guidance={event_accumulator.SCALARS: 0}).Reload()
        for tag in accumulator.Tags()["scalars"]:
            rows += [(run, tag, e.step, e.wall_time, e.value) for e in accumulator.Scalars(tag)]
    return pd.DataFrame(rows, columns=["run", "tag", "step", "wall_time", "value"])


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
        import runcompare as rc

        print("TensorBoard: writing 20 runs x 5 tags x 10,000 steps", file=sys.stderr)
        logdir = tensorboard_logdir(os.path.join(folder, "tensorboard"), 20, 5, 10_000)
        loop, frame = timed(lambda: accumulator_loop(logdir), 1)
        ours, loaded = timed(lambda: rc.from_tensorboard(logdir, progress=False), repeats)
        assert loaded.scalars.num_rows == len(frame) == 1_000_000
        rows.append({"store": "TensorBoard", "runs": 20, "metrics": 5, "points": len(frame), "loop": loop, "runcompare": ours})
        print(f"TensorBoard: loop {loop:.1f} s, rc.from_tensorboard {ours:.1f} s", file=sys.stderr)
    return rows


def markdown(rows):
    lines = [
        "| store | runs × metrics × steps | the loop users write | runcompare's loader | faster |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        loop = f"{row['loop']:.1f} s" if row["loop"] else "–"
        ratio = f"{row['loop'] / row['runcompare']:.0f}x" if row["loop"] else "–"
        steps = row["points"] // (row["runs"] * row["metrics"])
        lines.append(f"| {row['store']} | {row['runs']:,} × {row['metrics']} × {steps:,} | {loop} | {row['runcompare']:.1f} s | {ratio} |")
    lines.append("")
    lines.append(
        "The loops: MLflow's search_runs + get_metric_history per run and metric; TensorBoard's EventAccumulator per run. "
        "The loaders (rc.from_mlflow, rc.from_tensorboard) return the runs, scalars and details tables (Arrow); the loops only a pandas frame of the points. "
        "Medians; the loops once."
    )
    return "\n".join(lines)


def targets(rows):
    def line(compared, what):
        ok = all(row["runcompare"] < row["loop"] for row in compared)
        ratios = ", ".join(f"{row['loop'] / row['runcompare']:.0f}x ({row['store']})" for row in compared)
        return f"{what}: {ratios}, {'met' if ok else '**missed**'}"

    mlflow = [row for row in rows if row["loop"] and row["store"] != "TensorBoard"]
    tensorboard = [row for row in rows if row["store"] == "TensorBoard"]
    return [
        line(mlflow, "loading 1,000 runs × 20 metrics from a local MLflow store faster than search_runs + get_metric_history"),
        line(tensorboard, "loading 1 million TensorBoard points faster than TensorBoard's EventAccumulator"),
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
