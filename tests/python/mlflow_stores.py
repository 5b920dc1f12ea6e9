"""Large MLflow stores made fast, for the loader tests and bench/loaders.py.

Logging through MLflow's client costs about 13 ms a run, so 10,000 runs would take minutes.
These builders let MLflow create the store and its experiment, then add the runs in bulk in
MLflow's own format: a database store through its own table models (SQLAlchemy inserts of many
rows at once), a file store through FileStore.create_run for each run's folder and meta.yaml and
MLflow's metric-file lines ("timestamp value step") for the curves.
"""

import os
import uuid

import numpy as np

START_MS = 1_700_000_000_000


def sweep(runs, metrics, steps, seed=0):
    """A sweep's values: per run an id, a name, two params, and for each metric a curve of
    ``steps`` values with their timestamps (ms) and steps."""
    rng = np.random.default_rng(seed)
    for index in range(runs):
        lr = float(10 ** rng.uniform(-4, -1))
        curves = {}
        for metric in range(metrics):
            noise = rng.normal(0, 0.02, steps)
            values = np.exp(-lr * 50 * np.arange(steps) / steps) + noise + metric * 0.1
            times = START_MS + index * 100_000 + np.arange(steps) * 1_000
            curves[f"metric_{metric:02d}"] = (np.arange(steps), times, values)
        yield {
            "run_id": uuid.UUID(int=rng.integers(2**63) << 64 | index).hex,
            "name": f"run-{index}",
            "params": {"lr": repr(lr), "batch": str(int(rng.choice([32, 64, 128])))},
            "curves": curves,
            "start": START_MS + index * 100_000,
        }


def sqlite_store(path, runs, metrics, steps, experiment="sweep"):
    """An MLflow sqlite store at path holding the sweep; returns its tracking URI."""
    import mlflow
    from mlflow.store.tracking.dbmodels.models import SqlLatestMetric, SqlMetric, SqlParam, SqlRun, SqlTag

    uri = f"sqlite:///{path}"
    client = mlflow.MlflowClient(uri)
    experiment_id = int(client.create_experiment(experiment))
    store = client._tracking_client.store
    run_rows, param_rows, tag_rows, metric_rows, latest_rows = [], [], [], [], []
    for run in sweep(runs, metrics, steps):
        run_id = run["run_id"]
        end = run["start"] + steps * 1_000
        run_rows.append(
            dict(
                run_uuid=run_id,
                name=run["name"],
                source_type="LOCAL",
                source_name="",
                entry_point_name="",
                user_id="bench",
                status="FINISHED",
                start_time=run["start"],
                end_time=end,
                source_version="",
                lifecycle_stage="active",
                artifact_uri=f"{os.path.dirname(path)}/artifacts/{run_id}",
                experiment_id=experiment_id,
            )
        )
        param_rows += [dict(key=key, value=value, run_uuid=run_id) for key, value in run["params"].items()]
        tag_rows.append(dict(key="mlflow.runName", value=run["name"], run_uuid=run_id))
        for key, (step, times, values) in run["curves"].items():
            metric_rows += [dict(key=key, value=float(v), timestamp=int(t), step=int(s), is_nan=False, run_uuid=run_id) for s, t, v in zip(step, times, values)]
            latest_rows.append(dict(key=key, value=float(values[-1]), timestamp=int(times[-1]), step=int(step[-1]), is_nan=False, run_uuid=run_id))
    with store.ManagedSessionMaker() as session:
        for model, rows in ((SqlRun, run_rows), (SqlParam, param_rows), (SqlTag, tag_rows), (SqlMetric, metric_rows), (SqlLatestMetric, latest_rows)):
            session.execute(model.__table__.insert(), rows)
    return uri


def file_store(root, runs, metrics, steps, experiment="sweep"):
    """An MLflow file store (mlruns directory) at root holding the sweep; returns the experiment id."""
    from mlflow.entities import Param, RunStatus, RunTag
    from mlflow.store.tracking.file_store import FileStore

    os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
    store = FileStore(str(root))
    experiment_id = store.create_experiment(experiment)
    for run in sweep(runs, metrics, steps):
        created = store.create_run(experiment_id, "bench", run["start"], [RunTag("mlflow.runName", run["name"])], run["name"])
        run_id = created.info.run_id
        store.log_batch(run_id, metrics=[], params=[Param(k, v) for k, v in run["params"].items()], tags=[])
        metrics_dir = os.path.join(str(root), experiment_id, run_id, "metrics")
        os.makedirs(metrics_dir, exist_ok=True)
        for key, (step, times, values) in run["curves"].items():
            with open(os.path.join(metrics_dir, key), "w", encoding="utf-8") as file:
                file.writelines(f"{t} {v!r} {s}\n" for s, t, v in zip(step.tolist(), times.tolist(), values.tolist()))
        store.update_run_info(run_id, RunStatus.FINISHED, run["start"] + steps * 1_000, run["name"])
    return experiment_id
