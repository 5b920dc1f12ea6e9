"""rc.read_runs and rc.read_scalars on CSV, JSON lines, Parquet and Arrow files; the MLflow
metric-history frame as scalars; and what importing runcompare leaves unimported."""

import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather
import pytest
import runcompare as rc
from runcompare import RunsDataError
from runcompare._scalars import to_scalars_table

pl = pytest.importorskip("polars")

HOSTILE = "<img src=x onerror=alert(1)>"
RUNS = pd.DataFrame({"run_id": ["a", "b", HOSTILE], "params.lr": [0.1, 0.01, 0.001], "metrics.acc": [0.5, 0.7, 0.9], "tags.team": [HOSTILE, "x", "y"]})
SCALARS = pd.DataFrame(
    {
        "run_id": ["a", "a", "b", "b", HOSTILE],
        "metric": ["loss", "loss", "loss", "acc", "loss"],
        "step": [0, 1, 0, 0, 0],
        "value": [1.0, 0.5, 2.0, 0.7, float("nan")],
    }
)


def save(frame, path):
    suffix = path.suffix
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True)
    elif suffix == ".parquet":
        frame.to_parquet(path, index=False)
    elif suffix == ".feather":
        feather.write_feather(pa.Table.from_pandas(frame, preserve_index=False), path)
    elif suffix == ".arrow":  # the stream format, as runcompare sends tables
        table = pa.Table.from_pandas(frame, preserve_index=False)
        with pa.ipc.new_stream(str(path), table.schema) as writer:
            writer.write_table(table)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".parquet", ".feather", ".arrow"])
def test_every_format_reads_as_the_same_tables(tmp_path, suffix):
    runs = save(RUNS, tmp_path / f"runs{suffix}")
    scalars = save(SCALARS, tmp_path / f"scalars{suffix}")
    d = rc.read_runs(runs, scalars=scalars)
    assert d.runs.column("run_id").to_pylist() == ["a", "b", HOSTILE]
    assert d.runs.column("params.lr").to_pylist() == [0.1, 0.01, 0.001]
    assert d.runs.column("tags.team").to_pylist()[0] == HOSTILE
    expected = to_scalars_table(SCALARS)
    assert d.scalars.column("value").to_pylist()[:4] == expected.column("value").to_pylist()[:4]
    assert d.scalars.column("run_id").to_pylist() == expected.column("run_id").to_pylist()
    rc.parallel(d.runs, scalars=d.scalars)
    rc.scalars(d.scalars, d.runs)


def test_only_the_runs_and_metrics_asked_for(tmp_path):
    path = save(SCALARS, tmp_path / "scalars.parquet")
    d = rc.read_scalars(path, runs=["b"], metrics=["loss"])
    assert d.scalars.to_pylist() == [{"run_id": "b", "metric": "loss", "step": 0, "value": 2.0}]
    assert d.runs.column("run_id").to_pylist() == ["b"]
    runs = save(RUNS.iloc[:1], tmp_path / "runs.csv")
    assert rc.read_runs(runs, scalars=path).scalars.column("run_id").to_pylist() == ["a", "a"]


def test_filters_are_pushed_into_the_parquet_scan(tmp_path):
    from runcompare.loaders._files import scalars_scan

    path = save(SCALARS, tmp_path / "scalars.parquet")
    plan = scalars_scan(pl, path, runs=["b"], metrics=["loss"]).explain()
    scan = plan[plan.index("Parquet SCAN") :]
    assert "SELECTION" in scan and "run_id" in scan and "metric" in scan


def test_wide_scalars_are_melted(tmp_path):
    wide = pd.DataFrame({"run_id": ["a", "a", "b"], "step": [0, 1, 0], "loss": [1.0, 0.5, 2.0], HOSTILE: [1, 2, 3], "note": ["x", "y", "z"]})
    path = save(wide, tmp_path / "wide.csv")
    d = rc.read_scalars(path)
    rows = sorted((r["run_id"], r["metric"], r["step"], r["value"]) for r in d.scalars.to_pylist())
    assert rows == sorted(
        [("a", "loss", 0, 1.0), ("a", "loss", 1, 0.5), ("b", "loss", 0, 2.0), ("a", HOSTILE, 0, 1.0), ("a", HOSTILE, 1, 2.0), ("b", HOSTILE, 0, 3.0)]
    )
    assert set(rc.read_scalars(path, metrics=["loss"]).scalars.column("metric").to_pylist()) == {"loss"}
    one = save(wide[wide.run_id == "a"].drop(columns="run_id"), tmp_path / "one.csv")
    assert set(rc.read_scalars(one, run_id="run-a").scalars.column("run_id").to_pylist()) == {"run-a"}


def test_an_mlflow_metric_history_frame_is_scalars(tmp_path):
    """The fields of MLflow's Metric (Metric.to_dictionary(): key, value, timestamp in ms, step, run_id)."""
    history = pd.DataFrame(
        {
            "key": ["loss", "loss", "acc"],
            "value": [1.0, 0.5, 0.9],
            "timestamp": [1_700_000_000_000, 1_700_000_060_000, 1_700_000_000_500],
            "step": [0, 1, 0],
            "run_id": ["r1", "r1", "r1"],
            "model_id": [None, None, None],
        }
    )
    table = to_scalars_table(history)
    assert table.column("metric").to_pylist() == ["loss", "loss", "acc"]
    assert table.schema.field("time").type == pa.timestamp("ms", tz="UTC")
    assert [t.timestamp() for t in table.column("time").to_pylist()] == [1_700_000_000.0, 1_700_000_060.0, 1_700_000_000.5]
    rc.scalars(history, x="relative")
    rc.values(history)
    # With pandas' float times (a gap made them floats) they are read as milliseconds too.
    gappy = history.assign(timestamp=[1_700_000_000_000, None, 1_700_000_000_500])
    assert to_scalars_table(gappy).column("time").to_pylist()[0] == 1_700_000_000.0
    path = save(history, tmp_path / "history.parquet")
    assert rc.read_scalars(path, metrics=["acc"]).scalars.column("value").to_pylist() == [0.9]


def test_bad_files_say_what_to_do(tmp_path):
    with pytest.raises(RunsDataError, match=r"Cannot read .*\.xlsx: give a \.csv"):
        rc.read_runs(tmp_path / "runs.xlsx")
    with pytest.raises(RunsDataError, match="No file"):
        rc.read_runs(tmp_path / "missing.csv")
    path = save(pd.DataFrame({"step": [0], "note": ["x"]}), tmp_path / "wide.csv")
    with pytest.raises(RunsDataError, match="has a step column but no metric column"):
        rc.read_scalars(path)
    with pytest.raises(RunsDataError, match="has a run_id column: leave out run_id"):
        rc.read_scalars(save(SCALARS, tmp_path / "s.csv"), run_id="x")
    with pytest.raises(RunsDataError, match='scalars table has no "metric" column'):
        rc.read_scalars(save(pd.DataFrame({"run_id": ["a"], "value": [1.0]}), tmp_path / "bad.csv"))
    with pytest.raises(RunsDataError, match="run_id"):
        rc.read_runs(save(pd.DataFrame({"id": ["a"]}), tmp_path / "noid.csv"))


def test_import_leaves_the_trackers_unimported():
    code = "import sys, runcompare; print(sorted(m for m in ('mlflow', 'tensorboard', 'optuna', 'pandas', 'polars', 'tqdm') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("loader", "library", "extra"),
    [("read_scalars", "polars", "polars"), ("from_tensorboard", "tensorboard", "tensorboard"), ("from_optuna", "optuna", "optuna")],
)
def test_a_missing_library_says_what_to_install(monkeypatch, tmp_path, loader, library, extra):
    monkeypatch.setitem(sys.modules, library, None)
    with pytest.raises(ImportError, match=rf"pip install 'runcompare\[{extra}\]'"):
        getattr(rc, loader)(tmp_path)
