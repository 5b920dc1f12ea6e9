"""rc.from_mlflow against stores MLflow itself writes: a file store, a sqlite store and a tracking
server (`mlflow server` on 127.0.0.1, port RC_MLFLOW_PORT, 8891 unless set). Every value is
checked against what MLflow's own client returns for the same run."""

import math
import os
import platform
import socket
import subprocess
import sys
import time
import urllib.request

import pyarrow as pa
import pytest
import runcompare as rc
from runcompare import RunsDataError

mlflow = pytest.importorskip("mlflow")
from mlflow import MlflowClient  # noqa: E402

sys.path.insert(0, os.path.dirname(__file__))
import mlflow_stores  # noqa: E402

HOSTILE = "<img src=x onerror=alert(1)>"
SERVER_PORT = int(os.environ.get("RC_MLFLOW_PORT", "8891"))
T0 = 1_700_000_000_000


class Identity(mlflow.pyfunc.PythonModel):
    def predict(self, context, model_input):
        return model_input


def log_sweep(uri, tmp):
    """Runs that exercise what the loader reads, logged with MLflow's fluent API."""
    client = MlflowClient(uri)
    mlflow.set_tracking_uri(uri)
    mlflow.set_experiment("exp-a")
    data = tmp / "train.csv"
    data.write_text("x,y\n1,2\n", encoding="utf-8")
    with mlflow.start_run(run_name="parent") as parent:
        mlflow.log_params({"lr": "0.01", "optimizer": "adam", "note": HOSTILE})
        mlflow.set_tags(
            {
                "mlflow.source.git.commit": "0123456789abcdef0123456789abcdef01234567",
                "mlflow.source.git.branch": "main",
                "mlflow.source.git.repoURL": "https://example.org/repo.git",
                "team": HOSTILE,
            }
        )
        run_id = parent.info.run_id
        for step, value in enumerate([1.0, 0.5, math.nan, math.inf, 0.25]):
            client.log_metric(run_id, "loss", value, timestamp=T0 + step * 1000, step=step)
        # Ties at the last step: the later timestamp wins, then at one timestamp the larger value.
        client.log_metric(run_id, "acc", 0.1, timestamp=T0, step=4)
        client.log_metric(run_id, "acc", 0.2, timestamp=T0 + 5, step=4)
        client.log_metric(run_id, "acc", 0.7, timestamp=T0 + 9, step=5)
        client.log_metric(run_id, "acc", 0.3, timestamp=T0 + 9, step=5)
        client.log_metric(run_id, "acc", 0.9, timestamp=T0 + 99, step=3)
        dataset = mlflow.data.from_pandas(__import__("pandas").DataFrame({"x": [1.0], "y": [2.0]}), source=str(data), name="train-set")
        mlflow.log_input(dataset, context="training")
        mlflow.pyfunc.log_model(name="model", python_model=Identity(), pip_requirements=["numpy==1.26.4"])
        with mlflow.start_run(run_name="child", nested=True) as child:
            mlflow.log_param("lr", "0.1")
            mlflow.log_metric("loss", 2.0, step=0)
    # An MLflow 2 record of a logged model: the log-model.history tag and its artifacts.
    with mlflow.start_run(run_name=HOSTILE) as legacy:
        mlflow.log_param("optimizer/lr", "0.5")
        history = [{"run_id": legacy.info.run_id, "artifact_path": "old-model", "flavors": {}}]
        mlflow.set_tag("mlflow.log-model.history", __import__("json").dumps(history))
        mlflow.log_text("torch==2.0\n", "old-model/requirements.txt")
    mlflow.set_experiment("exp-b")
    with mlflow.start_run(run_name="other"):
        mlflow.log_metric("loss", 3.0)
    return {"parent": parent.info.run_id, "child": child.info.run_id, "legacy": legacy.info.run_id}


def free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture(scope="module", params=["file", "sqlite", "server"])
def store(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp(request.param)
    os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
    cwd = os.getcwd()
    os.chdir(tmp)  # where MLflow puts a sqlite store's artifacts
    server = None
    try:
        if request.param == "file":
            uri = str(tmp / "mlruns")
        elif request.param == "sqlite":
            uri = f"sqlite:///{tmp / 'mlflow.db'}"
        else:
            if not free(SERVER_PORT):
                pytest.skip(f"port {SERVER_PORT} is taken (set RC_MLFLOW_PORT)")
            command = [
                sys.executable,
                "-m",
                "mlflow",
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                str(SERVER_PORT),
                "--backend-store-uri",
                f"sqlite:///{tmp / 'server.db'}",
                "--artifacts-destination",
                str(tmp / "artifacts"),
                "--workers",
                "1",
            ]
            server = subprocess.Popen(command, cwd=tmp, stdout=subprocess.DEVNULL, stderr=open(tmp / "server.log", "w"))
            uri = f"http://127.0.0.1:{SERVER_PORT}"
            wait_for(f"{uri}/health", server, tmp / "server.log")
        ids = log_sweep(uri, tmp)
        yield request.param, uri, ids
    finally:
        mlflow.set_tracking_uri(None)
        os.chdir(cwd)
        os.environ.pop("MLFLOW_ALLOW_FILE_STORE", None)
        if server is not None:
            server.terminate()
            server.wait(timeout=30)


def wait_for(url, process, log, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"mlflow server exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"mlflow server did not answer in {seconds} s: {log.read_text()[-2000:]}")


def same(a, b):
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def rows_of(table, run_id):
    return [row for row in table.to_pylist() if row["run_id"] == run_id]


def test_runs_equal_what_mlflow_returns(store):
    kind, uri, ids = store
    d = rc.from_mlflow("exp-a", tracking_uri=uri)
    client = MlflowClient(uri)
    expected = client.search_runs([client.get_experiment_by_name("exp-a").experiment_id])
    assert sorted(d.runs.column("run_id").to_pylist()) == sorted(run.info.run_id for run in expected)
    for run in expected:
        [row] = rows_of(d.runs, run.info.run_id)
        assert row["name"] == run.info.run_name
        assert row["status"] == run.info.status
        assert row["start_time"].timestamp() * 1000 == run.info.start_time
        assert row["end_time"].timestamp() * 1000 == run.info.end_time
        for key, value in run.data.metrics.items():
            assert same(row[f"metrics.{key}"], value), key
        for key, value in run.data.params.items():
            assert row[f"params.{key}"] == value
        for key, value in run.data.tags.items():
            if key != "mlflow.log-model.history":
                assert row[f"tags.{key}"] == value
    assert rows_of(d.runs, ids["legacy"])[0]["name"] == HOSTILE
    assert rows_of(d.runs, ids["parent"])[0]["params.note"] == HOSTILE


def test_scalars_equal_every_metric_history(store):
    kind, uri, ids = store
    d = rc.from_mlflow("exp-a", tracking_uri=uri)
    client = MlflowClient(uri)
    assert d.scalars.schema.field("time").type == pa.timestamp("ms", tz="UTC")
    for run_id in (ids["parent"], ids["child"]):
        for key in client.get_run(run_id).data.metrics:
            history = sorted(
                ((m.step, m.timestamp, m.value) for m in client.get_metric_history(run_id, key)),
                key=lambda p: (p[0], p[1], p[2] if p[2] == p[2] else -math.inf),
            )
            got = [(r["step"], round(r["time"].timestamp() * 1000), r["value"]) for r in rows_of(d.scalars, run_id) if r["metric"] == key]
            assert len(got) == len(history)
            for (step, ms, value), (want_step, want_ms, want_value) in zip(got, history):
                assert (step, ms) == (want_step, want_ms) and same(value, want_value)


def test_last_row_of_each_series_is_mlflows_latest_value(store):
    kind, uri, ids = store
    d = rc.from_mlflow("exp-a", tracking_uri=uri)
    latest = MlflowClient(uri).get_run(ids["parent"]).data.metrics
    assert latest["acc"] == 0.7  # step 5 beats step 4 and 3; at one timestamp the larger value
    for key, value in latest.items():
        series = [r for r in rows_of(d.scalars, ids["parent"]) if r["metric"] == key]
        assert same(series[-1]["value"], value)


def test_details_hold_params_tags_and_lineage(store):
    kind, uri, ids = store
    d = rc.from_mlflow("exp-a", tracking_uri=uri)
    client = MlflowClient(uri)
    details = {(r["run_id"], r["path"]): r["value"] for r in d.details.to_pylist()}
    parent = client.get_run(ids["parent"])
    assert details[ids["parent"], "lineage/git/commit"] == parent.data.tags["mlflow.source.git.commit"]
    assert details[ids["parent"], "lineage/git/branch"] == "main"
    assert details[ids["parent"], "lineage/git/repository"] == "https://example.org/repo.git"
    assert details[ids["parent"], "lineage/source/name"] == parent.data.tags["mlflow.source.name"]
    assert details[ids["parent"], "tags/team"] == HOSTILE
    assert details[ids["parent"], "params/note"] == HOSTILE
    assert details[ids["child"], "lineage/parent run"] == f"parent ({ids['parent']})"
    [dataset] = parent.inputs.dataset_inputs
    place = "lineage/datasets/train-set (training)"
    assert details[ids["parent"], f"{place}/digest"] == dataset.dataset.digest
    assert details[ids["parent"], f"{place}/source"] == dataset.dataset.source
    assert details[ids["parent"], f"{place}/schema"] == dataset.dataset.schema
    [output] = parent.outputs.model_outputs
    model = client.get_logged_model(output.model_id)
    logged = mlflow.artifacts.load_text(model.artifact_location.rstrip("/") + "/requirements.txt")
    assert "numpy==1.26.4" in logged
    assert details[ids["parent"], f"lineage/models/{model.name}/requirements"] == logged
    assert details[ids["legacy"], "lineage/models/old-model/requirements"] == "torch==2.0\n"
    # The environment, from the model's MLmodel file: the Python and MLflow that logged it.
    assert details[ids["parent"], "lineage/environment/python"] == platform.python_version()
    assert details[ids["parent"], "lineage/environment/mlflow"] == mlflow.__version__
    assert (ids["legacy"], "lineage/environment/python") not in details  # its model has no MLmodel
    assert details[ids["legacy"], "params/optimizer/lr"] == "0.5"
    names = {row["run_id"]: row["name"] for row in d.details.to_pylist()}
    assert names[ids["legacy"]] == HOSTILE and names[ids["child"]] == "child"  # the diff's column labels


def test_views_take_what_the_loader_returns(store):
    kind, uri, ids = store
    d = rc.from_mlflow(["exp-a", "exp-b"], tracking_uri=uri)
    assert d.runs.num_rows == 4
    rc.parallel(d.runs, scalars=d.scalars)
    rc.parallel(d.runs, params=["lr"], metrics=["loss:min"], scalars=d.scalars)
    rc.scatter(d.runs, x="lr", y="loss", scalars=d.scalars)
    rc.scalars(d.scalars, d.runs, x="wall")
    rc.values(d.scalars, d.runs)
    rc.summary(d.runs, scalars=d.scalars)
    rc.diff(d.details, base=ids["parent"])
    rc.diff(d.runs)
    rc.display(d.runs, view="parallel")


def test_filters_order_and_counts_go_to_the_store(store):
    kind, uri, ids = store
    d = rc.from_mlflow("exp-a", tracking_uri=uri, filter_string="params.lr = '0.1'")
    assert d.runs.column("run_id").to_pylist() == [ids["child"]]
    d = rc.from_mlflow(None, tracking_uri=uri, order_by="attributes.start_time ASC", max_runs=2)
    assert d.runs.num_rows == 2
    d = rc.from_mlflow("exp-a", tracking_uri=uri, metrics=["acc"])
    assert set(d.scalars.column("metric").to_pylist()) == {"acc"}
    assert "metrics.loss" in d.runs.column_names  # latest values of every metric stay
    d = rc.from_mlflow("exp-a", tracking_uri=uri, metrics=[])
    assert d.scalars is None
    d = rc.from_mlflow("exp-a", tracking_uri=uri, step_range=(1, 3), metrics=["loss"])
    assert sorted(set(d.scalars.column("step").to_pylist())) == [1, 2, 3]


def test_bad_arguments_say_what_there_is(store):
    kind, uri, ids = store
    with pytest.raises(RunsDataError, match=r"No experiment named \(or with id\) 'nope'.*exp-a"):
        rc.from_mlflow("nope", tracking_uri=uri)
    with pytest.raises(RunsDataError, match=r"'f1' is not a metric logged by the runs.*loss"):
        rc.from_mlflow("exp-a", tracking_uri=uri, metrics=["f1"])
    with pytest.raises(RunsDataError, match="No runs matching"):
        rc.from_mlflow("exp-a", tracking_uri=uri, filter_string="params.lr = '9'")


def test_runs_in_the_trash(store):
    kind, uri, ids = store
    client = MlflowClient(uri)
    run = client.create_run(client.create_experiment("trash"), run_name="gone")
    client.delete_run(run.info.run_id)
    with pytest.raises(RunsDataError, match="there are runs in the trash: include_deleted=True reads them"):
        rc.from_mlflow("trash", tracking_uri=uri)
    d = rc.from_mlflow("trash", tracking_uri=uri, include_deleted=True)
    assert d.runs.column("lifecycle_stage").to_pylist() == ["deleted"]


def test_a_server_samples_long_curves(store):
    kind, uri, ids = store
    if kind != "server":
        pytest.skip("sampling is the tracking server's")
    client = MlflowClient(uri)
    experiment = client.create_experiment("long")
    run = client.create_run(experiment, run_name="long")
    from mlflow.entities import Metric

    points = [Metric("loss", 1 / (step + 1), T0 + step, step) for step in range(3000)]
    for start in range(0, 3000, 1000):
        client.log_batch(run.info.run_id, metrics=points[start : start + 1000])
    sampled = rc.from_mlflow("long", tracking_uri=uri, max_steps=100)
    steps = sampled.scalars.column("step").to_pylist()
    assert 100 <= len(steps) <= 110 and steps[0] == 0 and steps[-1] == 2999
    assert any("sampled by the tracking server" in note for note in sampled.notes)
    whole = rc.from_mlflow("long", tracking_uri=uri, max_steps=None)
    assert whole.scalars.column("value").to_pylist() == [m.value for m in sorted(client.get_metric_history(run.info.run_id, "loss"), key=lambda m: m.step)]
    zoom = rc.from_mlflow("long", tracking_uri=uri, max_steps=50, step_range=(1000, 1100))
    steps = zoom.scalars.column("step").to_pylist()
    assert steps[0] == 1000 and steps[-1] == 1100 and len(steps) <= 60
    with pytest.raises(RunsDataError, match="max_steps must be between 1 and 2,500"):
        rc.from_mlflow("long", tracking_uri=uri, max_steps=10_000)


@pytest.mark.parametrize("kind", ["file", "sqlite"])
def test_curves_logged_without_steps_are_numbered_in_the_order_logged(tmp_path, monkeypatch, kind):
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")
    monkeypatch.chdir(tmp_path)
    uri = str(tmp_path / "mlruns") if kind == "file" else f"sqlite:///{tmp_path / 'mlflow.db'}"
    client = MlflowClient(uri)
    run = client.create_run(client.create_experiment("e")).info.run_id
    for ms, value in [(T0 + 20, 0.3), (T0, 0.9), (T0 + 10, 0.5)]:
        client.log_metric(run, "loss", value, timestamp=ms)  # no step: MLflow writes step 0
    client.log_metric(run, "acc", 0.1, timestamp=T0)
    for step in (0, 1):
        client.log_metric(run, "lr", 0.01 * (step + 1), timestamp=T0 + step, step=step)
    client.set_terminated(run)
    d = rc.from_mlflow(uri)
    series = lambda key: [(r["step"], round(r["time"].timestamp() * 1000) - T0, r["value"]) for r in rows_of(d.scalars, run) if r["metric"] == key]  # noqa: E731
    assert series("loss") == [(0, 0, 0.9), (1, 10, 0.5), (2, 20, 0.3)]
    assert series("acc") == [(0, 0, 0.1)]
    assert series("lr") == [(0, 0, 0.01), (1, 1, 0.02)]
    assert "loss was logged without steps (every point at step 0) in 1 run: their points are numbered 0, 1, 2, ... in the order they were logged." in d.notes


def test_a_path_that_is_no_store(tmp_path):
    with pytest.raises(RunsDataError, match="No MLflow store at"):
        rc.from_mlflow("x", tracking_uri=str(tmp_path / "missing"))


def test_a_store_path_given_as_the_first_argument_is_the_store(tmp_path, monkeypatch):
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")
    mlflow_stores.file_store(tmp_path / "mlruns", runs=3, metrics=2, steps=5)
    database = mlflow_stores.sqlite_store(tmp_path / "runs.db", runs=2, metrics=1, steps=3)
    monkeypatch.chdir(tmp_path)
    assert rc.from_mlflow(tmp_path / "mlruns").runs.num_rows == 3
    assert rc.from_mlflow("mlruns").scalars.num_rows == 30
    assert database.endswith("runs.db") and rc.from_mlflow(str(tmp_path / "runs.db")).runs.num_rows == 2
    # A tracking URI, as MLflow's docs write stores, relative to the working directory too.
    assert rc.from_mlflow("sqlite:///runs.db").runs.num_rows == 2


def test_no_store_found_creates_no_database(tmp_path, monkeypatch):
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    monkeypatch.setattr(mlflow.tracking._tracking_service.utils, "_tracking_uri", None)  # another test's set_tracking_uri
    monkeypatch.chdir(tmp_path)
    missing = r"No MLflow store found for 'my-experiment' \(no file or folder of that name either\): MLflow's default store .*mlflow\.db does not exist"
    with pytest.raises(RunsDataError, match=missing):
        rc.from_mlflow("my-experiment")
    assert not (tmp_path / "mlflow.db").exists()


def test_a_file_store_opens_where_mlflow_refuses_file_stores(tmp_path, monkeypatch):
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")
    mlflow_stores.file_store(tmp_path / "mlruns", runs=3, metrics=2, steps=5)
    monkeypatch.delenv("MLFLOW_ALLOW_FILE_STORE")
    mlflow.tracking._tracking_service.utils._tracking_store_registry._get_store_with_resolved_uri.cache_clear()
    d = rc.from_mlflow("sweep", tracking_uri=tmp_path / "mlruns")
    assert d.runs.num_rows == 3 and d.scalars.num_rows == 30
    assert "MLFLOW_ALLOW_FILE_STORE" not in os.environ


def test_ten_thousand_runs_load_with_a_progress_bar(tmp_path, capfd):
    """A sqlite store of 10,000 runs x 2 metrics x 10 steps (made in bulk: about 15 s)."""
    uri = mlflow_stores.sqlite_store(tmp_path / "big.db", runs=10_000, metrics=2, steps=10)
    started = time.perf_counter()
    d = rc.from_mlflow("sweep", tracking_uri=uri)
    seconds = time.perf_counter() - started
    assert d.runs.num_rows == 10_000 and d.scalars.num_rows == 200_000
    assert "10000/10000" in capfd.readouterr().err  # tqdm's bar, on stderr outside a notebook
    assert seconds < 60, f"10,000 runs took {seconds:.1f} s"
    client = MlflowClient(uri)
    run_id = d.runs.column("run_id")[1234].as_py()
    want = [m.value for m in sorted(client.get_metric_history(run_id, "metric_01"), key=lambda m: m.step)]
    assert [r["value"] for r in rows_of(d.scalars, run_id) if r["metric"] == "metric_01"] == want


def test_without_mlflow_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "mlflow", None)
    with pytest.raises(ImportError, match=r"pip install 'runcompare\[mlflow\]'"):
        rc.from_mlflow("exp")
