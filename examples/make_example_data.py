"""Generate example run data for runcompare by training a small real sweep.

Trains MLPClassifier on scikit-learn's bundled digits data set over a grid of
hyperparameters and writes two Arrow IPC files:

  runs.arrow     one row per run: params, final metrics, tags, status, times
  scalars.arrow  one row per reported value: run_id, metric, variant, step, time, value

Usage: python examples/make_example_data.py [--out DIR]
"""

import argparse
import itertools
import time
import warnings
from pathlib import Path

import numpy as np
import pyarrow as pa
from sklearn.datasets import load_digits
from sklearn.metrics import accuracy_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

EPOCHS = 20
LEARNING_RATES = [0.0003, 0.003, 0.03, 0.3]
HIDDEN_SIZES = [16, 64]
ALPHAS = [1e-5, 1e-2]
BATCH_SIZES = [32, 256]
SEEDS = [0, 1, 2]
OPTIMIZER = "adam"

TIMESTAMP = pa.timestamp("ms", tz="UTC")

RUNS_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("name", pa.string()),
        ("params.lr", pa.float64()),
        ("params.hidden", pa.int64()),
        ("params.alpha", pa.float64()),
        ("params.batch_size", pa.int64()),
        ("params.optimizer", pa.string()),
        ("params.seed", pa.int64()),
        ("metrics.train/loss", pa.float64()),
        ("metrics.validation/loss", pa.float64()),
        ("metrics.validation/accuracy", pa.float64()),
        ("tags.group", pa.string()),
        ("status", pa.string()),
        ("start_time", TIMESTAMP),
        ("end_time", TIMESTAMP),
    ]
)

SCALARS_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("metric", pa.string()),
        ("variant", pa.string()),
        ("step", pa.int64()),
        ("time", TIMESTAMP),
        ("value", pa.float64()),
    ]
)


def now_ms():
    return time.time_ns() // 1_000_000


def evaluate(model, X, y):
    """Return (log loss, accuracy) of model on X, y."""
    proba = model.predict_proba(X)
    predicted = model.classes_[proba.argmax(axis=1)]
    return log_loss(y, proba, labels=model.classes_), accuracy_score(y, predicted)


def load_data():
    X, y = load_digits(return_X_y=True)
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), y_train, scaler.transform(X_val), y_val


def train_run(lr, hidden, alpha, batch_size, seed, data):
    """Train one run; return (start_ms, end_ms, per-epoch records)."""
    X_train, y_train, X_val, y_val = data
    classes = np.unique(y_train)
    model = MLPClassifier(
        hidden_layer_sizes=(hidden,),
        solver=OPTIMIZER,
        learning_rate_init=lr,
        alpha=alpha,
        batch_size=batch_size,
        # Each partial_fit call gets exactly one minibatch; the epoch-level
        # shuffle is done here with our own seeded generator.
        shuffle=False,
        random_state=seed,
    )
    rng = np.random.default_rng(seed)
    start = now_ms()
    epochs = []
    for step in range(1, EPOCHS + 1):
        order = rng.permutation(len(y_train))
        for i in range(0, len(order), batch_size):
            batch = order[i : i + batch_size]
            model.partial_fit(X_train[batch], y_train[batch], classes=classes)
        finished = now_ms()
        train_loss, train_acc = evaluate(model, X_train, y_train)
        val_loss, val_acc = evaluate(model, X_val, y_val)
        epochs.append(
            {
                "step": step,
                "time": finished,
                ("loss", "train"): train_loss,
                ("loss", "validation"): val_loss,
                ("accuracy", "train"): train_acc,
                ("accuracy", "validation"): val_acc,
            }
        )
    return start, now_ms(), epochs


def write_arrow(table, path):
    # Uncompressed on purpose: every Arrow reader (including arrow-js) can
    # open it without optional codecs.
    with pa.ipc.new_file(path, table.schema) as writer:
        writer.write_table(table)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent / "data",
        help="output directory (default: data/ next to this script)",
    )
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)

    # The last minibatch of an epoch is smaller than batch_size; sklearn warns
    # that it clips batch_size to the sample count, which is what we want.
    warnings.filterwarnings("ignore", message="Got `batch_size`", category=UserWarning)

    t0 = time.perf_counter()
    data = load_data()
    runs = {name: [] for name in RUNS_SCHEMA.names}
    scalars = {name: [] for name in SCALARS_SCHEMA.names}
    grid = itertools.product(LEARNING_RATES, HIDDEN_SIZES, ALPHAS, BATCH_SIZES, SEEDS)
    for index, (lr, hidden, alpha, batch_size, seed) in enumerate(grid):
        run_id = f"r{index:03d}"
        group = f"lr={lr:g} h={hidden} a={alpha:g} bs={batch_size}"
        start, end, epochs = train_run(lr, hidden, alpha, batch_size, seed, data)
        last = epochs[-1]
        row = {
            "run_id": run_id,
            "name": f"{group} seed={seed}",
            "params.lr": lr,
            "params.hidden": hidden,
            "params.alpha": alpha,
            "params.batch_size": batch_size,
            "params.optimizer": OPTIMIZER,
            "params.seed": seed,
            "metrics.train/loss": last[("loss", "train")],
            "metrics.validation/loss": last[("loss", "validation")],
            "metrics.validation/accuracy": last[("accuracy", "validation")],
            "tags.group": group,
            "status": "FINISHED",
            "start_time": start,
            "end_time": end,
        }
        for name, value in row.items():
            runs[name].append(value)
        for epoch in epochs:
            for metric, variant in [
                ("loss", "train"),
                ("loss", "validation"),
                ("accuracy", "train"),
                ("accuracy", "validation"),
            ]:
                scalars["run_id"].append(run_id)
                scalars["metric"].append(metric)
                scalars["variant"].append(variant)
                scalars["step"].append(epoch["step"])
                scalars["time"].append(epoch["time"])
                scalars["value"].append(epoch[(metric, variant)])

    runs_path, scalars_path = out / "runs.arrow", out / "scalars.arrow"
    write_arrow(pa.Table.from_pydict(runs, schema=RUNS_SCHEMA), runs_path)
    write_arrow(pa.Table.from_pydict(scalars, schema=SCALARS_SCHEMA), scalars_path)
    print(
        f"wrote {len(runs['run_id'])} runs, {len(scalars['run_id'])} scalar rows to {out} "
        f"(runs.arrow {runs_path.stat().st_size / 1024:.1f} KiB, "
        f"scalars.arrow {scalars_path.stat().st_size / 1024:.1f} KiB) "
        f"in {time.perf_counter() - t0:.1f} s"
    )


if __name__ == "__main__":
    main()
