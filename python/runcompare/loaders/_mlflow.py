"""rc.from_mlflow: runs, learning curves and lineage from an MLflow tracking store.

Runs come from the store's search (the filter, order and run count go to the store, page by
page); curves are fetched only for the metrics asked for, in the fastest way each kind of store
offers: a file store's metric files are read directly, a database store answers one query per
metric for many runs, and a tracking server samples each curve itself (MLflow's bulk interval
history, the call its own charts make) so that long curves do not travel whole.
"""

import json
import math
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import unquote, urlparse

from .._errors import RunsDataError, list_names
from ._common import DetailsRows, Progress, RunsColumns, RunTables, ScalarsColumns, iso_time, pick, require

# Runs asked of the store at once: a local store lists every run for each page, a server is
# asked in pages that keep each answer small.
LOCAL_PAGE = 50_000
SERVER_PAGE = 1_000
# Runs per call of the server's bulk interval history (its limit) and of a database's bulk history.
SERVER_RUNS_PER_CALL = 100
DATABASE_RUNS_PER_CALL = 500
# The most steps the server samples a curve to (its limit), and the default.
SERVER_MAX_STEPS = 2_500
DEFAULT_MAX_STEPS = 1_000
BULK_INTERVAL = "/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval"
# Tags whose values are records for MLflow itself (a JSON list of logged models, a whole git
# diff): they are kept in the details, not as runs columns.
BULKY_TAGS = ("mlflow.log-model.history", "mlflow.source.git.diff")
# Tags shown as lineage in the details, by their place there.
LINEAGE_TAGS = {
    "mlflow.source.git.commit": "lineage/git/commit",
    "mlflow.source.git.branch": "lineage/git/branch",
    "mlflow.source.git.repoURL": "lineage/git/repository",
    "mlflow.source.git.dirty": "lineage/git/dirty",
    "mlflow.source.git.diff": "lineage/git/diff",
    "mlflow.source.name": "lineage/source/name",
    "mlflow.source.type": "lineage/source/type",
    "mlflow.project.entryPoint": "lineage/source/entry point",
    "mlflow.project.env": "lineage/source/environment",
    "mlflow.docker.image.uri": "lineage/source/docker image",
    "mlflow.parentRunId": "lineage/parent run",
    "mlflow.user": "run/user",
    "mlflow.note.content": "run/description",
}
_file_store_lock = threading.Lock()


def from_mlflow(
    experiments=None,
    tracking_uri=None,
    filter_string=None,
    max_runs=None,
    metrics=None,
    order_by=None,
    include_deleted=False,
    max_steps=DEFAULT_MAX_STEPS,
    step_range=None,
    requirements=True,
    progress=None,
    workers=8,
):
    """Runs of MLflow experiments as the views' tables: ``d = rc.from_mlflow("my-exp")``, then
    ``rc.scalars(d.scalars, d.runs)``, ``rc.parallel(d.runs, scalars=d.scalars)``, ``rc.diff(d.details)``.

    experiments: experiment names or ids (one, or a list); None takes every active experiment.
        A store instead (``rc.from_mlflow("path/to/mlruns")`` or ``"sqlite:///mlflow.db"``, with no
        tracking_uri) reads every active experiment of that store.
    tracking_uri: a tracking server ("http://127.0.0.1:5000"), a database ("sqlite:///mlflow.db",
        or the path of a .db file), or an ``mlruns`` directory; None takes MLflow's own default
        (MLFLOW_TRACKING_URI). A directory store opens even where MLflow now refuses to write to one.
    filter_string, order_by, max_runs: passed to the store's run search (MLflow's search syntax,
        e.g. ``"params.lr > 0.01 and attributes.status = 'FINISHED'"``, ``["metrics.acc DESC"]``),
        so only the runs selected are read.
    metrics: the metrics whose curves (histories) are fetched; None fetches every metric's curve,
        [] none. The runs table always has every metric's latest value (``metrics.<key>``).
    include_deleted: also read runs in the trash.
    max_steps: from a tracking server, each curve is sampled by the server to about this many
        steps (its first and last step always kept; at most 2,500); None fetches every point.
        Local stores are always read whole.
    step_range: (first, last) steps to fetch, to see part of long curves in more detail.
    requirements: read each logged model's requirements.txt and MLmodel (the Python and MLflow
        versions) from the artifacts into the details (two artifact reads per model; False skips them).
    progress: show a progress bar (tqdm) while loading: True, False, or None for when there are
        many runs.
    workers: how many histories and artifacts are fetched at once.

    Returns RunTables: ``.runs`` (run_id, name, experiment_id, status, start_time, end_time,
    artifact_uri, metrics.*, params.*, tags.*), ``.scalars`` (run_id, metric, step, time as UTC
    timestamps, value; a curve logged without steps, every point at MLflow's step 0, is numbered
    0, 1, 2, ... in the order it was logged, and a note says so) and ``.details`` (params,
    metrics, tags, run info, and lineage: git commit, branch and uncommitted diff, source, parent
    run, dataset inputs (name, digest, source), and the environment: Python and MLflow versions
    and each logged model's requirements).
    """
    require("mlflow", "from_mlflow", "mlflow")
    if tracking_uri is None and _is_store_path(experiments):
        experiments, tracking_uri = None, experiments
    client, store, uri = _open(tracking_uri, experiments)
    experiment_ids = _experiment_ids(client, experiments, uri)
    runs = _search(store, experiment_ids, filter_string, order_by, max_runs, include_deleted, uri)
    if not runs:
        where = f" matching {filter_string!r}" if filter_string else ""
        trashed = not include_deleted and _search(store, experiment_ids, filter_string, None, 1, True, uri)
        hint = " (there are runs in the trash: include_deleted=True reads them)" if trashed else ""
        raise RunsDataError(f"No runs{where} in experiment(s) {', '.join(experiment_ids)} of {uri}{hint}.")
    keys = _metric_keys(runs, metrics, uri)
    notes = []
    with Progress(len(runs), "MLflow runs", "run", progress) as bar, ThreadPoolExecutor(workers) as pool:
        scalars = _histories(client, store, runs, keys, max_steps, step_range, pool, bar, notes)
        details = _details(client, store, runs, requirements, pool, notes)
    return RunTables(_runs_table(runs, include_deleted), scalars, details, f"MLflow {uri}", tuple(notes))


def _open(tracking_uri, experiments=None):
    """The client, its store and the resolved URI. A directory store is opened with MLflow's
    opt-out of its refusal (MLflow 3.x refuses new file stores; reading one is what this is for)."""
    from mlflow import MlflowClient
    from mlflow.tracking._tracking_service.utils import _resolve_tracking_uri

    if tracking_uri is not None:
        tracking_uri = _store_uri(os.fspath(tracking_uri))
    uri = _resolve_tracking_uri(tracking_uri)
    if tracking_uri is None:
        _refuse_to_create_the_default(uri, experiments)
    local = _local_path(uri)
    if local is not None and not os.path.isdir(local):
        raise RunsDataError(f"No MLflow store at {local}: give the path of an mlruns directory, a .db file, or a tracking URI.")
    with _file_store_allowed(local is not None):
        client = MlflowClient(uri)
        store = client._tracking_client.store
    return client, store, uri


def _is_store_path(experiments):
    """Whether the experiments argument is really a store: a tracking URI ("sqlite:///mlflow.db",
    as MLflow's docs write stores, "http://host:5000"), or a directory or database file that exists."""
    if not isinstance(experiments, (str, os.PathLike)):
        return False
    path = os.fspath(experiments)
    return "://" in path or os.path.isdir(path) or (os.path.isfile(path) and path.endswith((".db", ".sqlite")))


def _refuse_to_create_the_default(uri, experiments):
    """MLflow's default store, when no ./mlruns holds runs, is ./mlflow.db, which opening creates:
    reading runs should not leave an empty database in the user's folder."""
    if uri.startswith("sqlite:///"):
        path = unquote(uri[len("sqlite:///") :])
        if not os.path.exists(path):
            asked = f" for {os.fspath(experiments)!r} (no file or folder of that name either)" if isinstance(experiments, (str, os.PathLike)) else ""
            raise RunsDataError(
                f"No MLflow store found{asked}: MLflow's default store {path} does not exist and there is no ./mlruns here. "
                'Give the store: rc.from_mlflow(tracking_uri="path/to/mlruns" or "sqlite:///path/to/mlflow.db" or "http://host:5000"), '
                "or set MLFLOW_TRACKING_URI."
            )


def _store_uri(uri):
    """A .db / .sqlite file path as its sqlite URI; anything else as it is."""
    if "://" not in uri and os.path.isfile(uri):
        return "sqlite:///" + os.path.abspath(uri)
    return uri


def _local_path(uri):
    """The directory of a file-store URI ("mlruns", "file:///x/mlruns"), else None."""
    parsed = urlparse(uri)
    if uri.startswith("databricks"):  # "databricks", "databricks-uc", "databricks://profile"
        return None
    if parsed.scheme == "file":
        return unquote(parsed.path)
    if parsed.scheme == "" or (len(parsed.scheme) == 1 and os.name == "nt"):
        return uri
    return None


@contextmanager
def _file_store_allowed(needed):
    if not needed:
        yield
        return
    with _file_store_lock:
        before = os.environ.get("MLFLOW_ALLOW_FILE_STORE")
        os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
        try:
            yield
        finally:
            if before is None:
                del os.environ["MLFLOW_ALLOW_FILE_STORE"]
            else:
                os.environ["MLFLOW_ALLOW_FILE_STORE"] = before


def _experiment_ids(client, experiments, uri):
    from mlflow.entities import Experiment, ViewType
    from mlflow.exceptions import MlflowException

    if experiments is None:
        found, token = [], None
        while True:
            page = client.search_experiments(view_type=ViewType.ACTIVE_ONLY, max_results=1000, page_token=token)
            found += [experiment.experiment_id for experiment in page]
            token = page.token
            if not token:
                return found
    ids = []
    for experiment in [experiments] if isinstance(experiments, (str, int, Experiment)) else experiments:
        if isinstance(experiment, Experiment):
            ids.append(experiment.experiment_id)
            continue
        by_name = client.get_experiment_by_name(str(experiment))
        if by_name is not None:
            ids.append(by_name.experiment_id)
            continue
        try:
            ids.append(client.get_experiment(str(experiment)).experiment_id)
        except MlflowException:
            names = [e.name for e in client.search_experiments(view_type=ViewType.ALL)]
            raise RunsDataError(f"No experiment named (or with id) {str(experiment)!r} in {uri}; there are: {list_names(names) or 'none'}.") from None
    return ids


def _search(store, experiment_ids, filter_string, order_by, max_runs, include_deleted, uri):
    from mlflow.entities import ViewType
    from mlflow.store.tracking.rest_store import RestStore

    page_size = SERVER_PAGE if isinstance(store, RestStore) else LOCAL_PAGE
    view = ViewType.ALL if include_deleted else ViewType.ACTIVE_ONLY
    runs, token = [], None
    while max_runs is None or len(runs) < max_runs:
        wanted = page_size if max_runs is None else min(page_size, max_runs - len(runs))
        page = store.search_runs(experiment_ids, filter_string, view, wanted, _order(order_by), token)
        runs += page
        token = page.token
        if not token:
            break
    return runs


def _order(order_by):
    if order_by is None:
        return None
    return [order_by] if isinstance(order_by, str) else list(order_by)


def _metric_keys(runs, metrics, uri):
    logged = list(dict.fromkeys(key for run in runs for key in run.data.metrics))
    return pick(logged, metrics, "metric logged by the runs", uri)


RUNS_COLUMNS = ("run_id", "name", "experiment_id", "status", "start_time", "end_time", "artifact_uri", "lifecycle_stage")


def _runs_table(runs, include_deleted):
    columns = RunsColumns(RUNS_COLUMNS)
    for run in runs:
        info, data = run.info, run.data
        row = {
            "run_id": info.run_id,
            "name": info.run_name or data.tags.get("mlflow.runName"),
            "experiment_id": info.experiment_id,
            "status": info.status,
            "start_time": info.start_time,
            "end_time": info.end_time,
            "artifact_uri": info.artifact_uri,
        }
        if include_deleted:
            row["lifecycle_stage"] = info.lifecycle_stage
        row.update((f"metrics.{key}", value) for key, value in data.metrics.items())
        row.update((f"params.{key}", value) for key, value in data.params.items())
        row.update((f"tags.{key}", value) for key, value in data.tags.items() if key not in BULKY_TAGS)
        columns.add(row)
    import pyarrow as pa

    return columns.table({"start_time": pa.timestamp("ms", tz="UTC"), "end_time": pa.timestamp("ms", tz="UTC")})


# Histories -----------------------------------------------------------------------------------


def _histories(client, store, runs, keys, max_steps, step_range, pool, bar, notes):
    """The scalars table of the runs' curves for the metrics in keys (None when there are none)."""
    from mlflow.store.tracking.file_store import FileStore
    from mlflow.store.tracking.rest_store import RestStore
    from mlflow.store.tracking.sqlalchemy_store import SqlAlchemyStore

    scalars = ScalarsColumns()
    wanted = set(keys)
    if not wanted:
        bar.update(len(runs))
        return None
    if isinstance(store, FileStore):
        tasks = [(_file_histories, store, run, wanted) for run in runs]
        counts = [1] * len(runs)
    elif isinstance(store, SqlAlchemyStore):
        chunks = _chunks(runs, DATABASE_RUNS_PER_CALL)
        tasks = [(_database_histories, store, chunk, wanted) for chunk in chunks]
        counts = [len(chunk) for chunk in chunks]
    elif isinstance(store, RestStore) and max_steps is not None:
        if max_steps < 1 or max_steps > SERVER_MAX_STEPS:
            raise RunsDataError(
                f"max_steps must be between 1 and {SERVER_MAX_STEPS:,} (the tracking server's limit), or None for every point; got {max_steps!r}."
            )
        chunks = _chunks(runs, SERVER_RUNS_PER_CALL)
        tasks = [(_sampled_histories, client, store, chunk, wanted, max_steps, step_range) for chunk in chunks]
        counts = [len(chunk) for chunk in chunks]
    else:
        tasks = [(_client_histories, client, run, wanted) for run in runs]
        counts = [1] * len(runs)
    sampled = False
    unstepped = {}  # metric -> runs whose curve of it was logged without steps
    for count, series_list in zip(counts, pool.map(lambda task: task[0](*task[1:]), tasks)):
        for run_id, key, steps, times, values, was_sampled in series_list:
            steps, times, values = _in_range(steps, times, values, step_range)
            if len(steps) > 1 and not any(steps):
                steps, times, values = number_in_logged_order(0, times, values)
                unstepped.setdefault(key, set()).add(run_id)
            scalars.add(run_id, key, steps, times, values)
            sampled = sampled or was_sampled
        bar.update(count)
    if sampled:
        notes.append(
            f"Curves longer than {max_steps:,} steps were sampled by the tracking server (first and last steps kept); pass max_steps=None for every point."
        )
    if unstepped:
        notes.append(_unstepped_note(unstepped))
    return scalars.table()


def number_in_logged_order(first, times, values):
    """Points MLflow was given no step for (log_metric without one writes step 0) as steps first,
    first + 1, ... in the order they were logged, so a curve runs along the x axis instead of up
    one step: (steps, times, values), ordered by time (the order a store lists them in is kept
    between equal times)."""
    order = sorted(range(len(times)), key=times.__getitem__)
    return list(range(first, first + len(order))), [times[i] for i in order], [values[i] for i in order]


def _unstepped_note(unstepped):
    keys = sorted(unstepped)
    named = ", ".join(keys[:3]) + (f" and {len(keys) - 3} more" if len(keys) > 3 else "")
    runs = len(set().union(*unstepped.values()))
    return (
        f"{named} {'was' if len(keys) == 1 else 'were'} logged without steps (every point at step 0) in {runs:,} run{'s' if runs != 1 else ''}: "
        "their points are numbered 0, 1, 2, ... in the order they were logged."
    )


def _chunks(items, size):
    return [items[start : start + size] for start in range(0, len(items), size)]


def _in_range(steps, times, values, step_range):
    if step_range is None:
        return steps, times, values
    first, last = step_range
    kept = [i for i, step in enumerate(steps) if first <= step <= last]
    return [steps[i] for i in kept], [times[i] for i in kept], [values[i] for i in kept]


def _series(run_id, key, metrics, sampled=False):
    """One series from MLflow Metric entities."""
    return (run_id, key, [m.step for m in metrics], [m.timestamp for m in metrics], [m.value for m in metrics], sampled)


def _file_histories(store, run, wanted):
    """A file store's metric files, read directly: <root>/<experiment>/<run>/metrics/<key>, one
    "timestamp value [step [dataset name digest]]" line per value (as FileStore writes them).
    FileStore.get_metric_history would find and parse the run's meta.yaml again for each metric."""
    run_dir = os.path.join(store.root_directory, run.info.experiment_id, run.info.run_id, "metrics")
    found = []
    for key in run.data.metrics:
        if key not in wanted:
            continue
        try:
            (steps, times, values), _ = metric_file_points(os.path.join(run_dir, key))
        except OSError:
            found.append(_series(run.info.run_id, key, store.get_metric_history(run.info.run_id, key)))
            continue
        found.append((run.info.run_id, key, steps, times, values, False))
    return found


def metric_file_points(path, offset=0, lines_written=False):
    """The points of a file store's metric file past byte `offset`, one "timestamp value [step
    [dataset name digest]]" line each, and the offset after them. lines_written: only the lines
    written whole (a line still being written waits for the next read). OSError when there is no
    such file."""
    with open(path, "rb") as file:
        file.seek(offset)
        text = file.read()
    whole = text[: text.rfind(b"\n") + 1] if lines_written else text
    steps, times, values = [], [], []
    for line in whole.decode("utf-8").split("\n"):
        parts = line.split(" ")
        if len(parts) < 2:
            continue
        times.append(int(parts[0]))
        values.append(float(parts[1]))
        steps.append(int(parts[2]) if len(parts) > 2 else 0)
    return (steps, times, values), offset + len(whole)


def _database_histories(store, runs, wanted):
    """A database store's histories: one query for the runs' rows of every metric wanted, made
    with the store's own table model and read as plain rows (MLflow's get_metric_history_bulk
    builds an object per value, five times slower)."""
    from mlflow.store.tracking.dbmodels.models import SqlMetric
    from sqlalchemy import select

    run_ids = [run.info.run_id for run in runs]
    query = select(SqlMetric.run_uuid, SqlMetric.key, SqlMetric.step, SqlMetric.timestamp, SqlMetric.value, SqlMetric.is_nan).where(
        SqlMetric.run_uuid.in_(run_ids), SqlMetric.key.in_(sorted(wanted))
    )
    series = {}
    with store.ManagedSessionMaker() as session:
        for run_id, key, step, timestamp, value, is_nan in session.execute(query):
            steps, times, values = series.setdefault((run_id, key), ([], [], []))
            steps.append(step)
            times.append(timestamp)
            values.append(math.nan if is_nan else value)
    return [(run_id, key, *series[run_id, key], False) for run in runs for run_id in [run.info.run_id] for key in run.data.metrics if (run_id, key) in series]


def _sampled_histories(client, store, runs, wanted, max_steps, step_range):
    """A tracking server's curves, sampled by the server: its bulk interval history (the call
    MLflow's own charts make), up to 100 runs a call. A server without it (Databricks, MLflow
    before 2.10) is asked for each whole history instead."""
    from mlflow.exceptions import MlflowException
    from mlflow.utils.rest_utils import http_request, verify_rest_response

    found = []
    for key in wanted:
        run_ids = [run.info.run_id for run in runs if key in run.data.metrics]
        if not run_ids:
            continue
        params = {"run_ids": run_ids, "metric_key": key, "max_results": max_steps}
        if step_range is not None:
            params["start_step"], params["end_step"] = step_range
        response = http_request(store.get_host_creds(), BULK_INTERVAL, "GET", params=params)
        if response.status_code == 404:
            return [series for run in runs for series in _client_histories(client, run, wanted)]
        try:
            verify_rest_response(response, BULK_INTERVAL)
        except MlflowException:
            return [series for run in runs for series in _client_histories(client, run, wanted)]
        by_run = {}
        for metric in response.json().get("metrics", []):
            by_run.setdefault(metric["run_id"], []).append(metric)
        for run_id in run_ids:
            points = by_run.get(run_id, [])
            sampled = len(points) >= max_steps
            found.append(
                (
                    run_id,
                    key,
                    [int(p.get("step", 0)) for p in points],
                    [int(p["timestamp"]) for p in points],
                    [_number(p.get("value")) for p in points],
                    sampled,
                )
            )
    return found


def _number(value):
    """A value as the REST API writes it in JSON: a number, or "NaN" / "Infinity" / "-Infinity"."""
    return float(value) if value is not None else float("nan")


def _client_histories(client, run, wanted):
    return [_series(run.info.run_id, key, client.get_metric_history(run.info.run_id, key)) for key in run.data.metrics if key in wanted]


# Details --------------------------------------------------------------------------------------


def _details(client, store, runs, requirements, pool, notes):
    names = {run.info.run_id: run.info.run_name or run.data.tags.get("mlflow.runName") for run in runs}
    models = list(pool.map(lambda run: _logged_models(store, run), runs))
    texts, environments = {}, {}
    if requirements:
        wanted = [(run.info.run_id, model) for run, run_models in zip(runs, models) for model in run_models]
        read = list(pool.map(lambda item: (_read_first(item[1][1], "requirements.txt"), _read_first(item[1][1], "MLmodel")), wanted))
        texts = {(run_id, model[0]): text for (run_id, model), (text, _) in zip(wanted, read) if text is not None}
        for (run_id, _model), (_, mlmodel) in zip(wanted, read):
            if mlmodel is not None and run_id not in environments:
                environments[run_id] = _model_environment(mlmodel)
        unread = len(wanted) - len(texts)
        if unread:
            notes.append(f"The requirements of {unread:,} logged model(s) could not be read: their artifacts are not reachable from here.")
    rows = DetailsRows()
    for run, run_models in zip(runs, models):
        _run_details(rows, run, names, run_models, texts)
        for name, version in environments.get(run.info.run_id, {}).items():
            rows.add(run.info.run_id, f"lineage/environment/{name}", version)
    return rows.table(names)


def _model_environment(mlmodel):
    """The Python and MLflow versions a logged model's MLmodel file records (its first model's,
    for the run): {"python": "3.10.0", "mlflow": "3.7.0"}, what is there of them."""
    import yaml

    try:
        spec = yaml.safe_load(mlmodel)
    except yaml.YAMLError:
        return {}
    if not isinstance(spec, dict):
        return {}
    flavor = (spec.get("flavors") or {}).get("python_function") or {}
    found = {"python": flavor.get("python_version") if isinstance(flavor, dict) else None, "mlflow": spec.get("mlflow_version")}
    return {name: str(version) for name, version in found.items() if version is not None}


def _run_details(rows, run, names, models, texts):
    info, data = run.info, run.data
    run_id = info.run_id
    rows.add(run_id, "run/name", info.run_name)
    rows.add(run_id, "run/experiment_id", info.experiment_id)
    rows.add(run_id, "run/status", info.status)
    rows.add(run_id, "run/start_time", iso_time(info.start_time))
    rows.add(run_id, "run/end_time", iso_time(info.end_time))
    if info.start_time and info.end_time:
        rows.add(run_id, "run/duration_seconds", (info.end_time - info.start_time) / 1000)
    rows.add_tree(run_id, "params", data.params)
    rows.add_tree(run_id, "metrics", data.metrics)
    for key, place in LINEAGE_TAGS.items():
        value = data.tags.get(key)
        if key == "mlflow.parentRunId" and value in names and names[value]:
            value = f"{names[value]} ({value})"
        rows.add(run_id, place, value)
    for dataset_input in run.inputs.dataset_inputs if run.inputs else []:
        _dataset_details(rows, run_id, dataset_input)
    for name, _ in models:
        rows.add(run_id, f"lineage/models/{name}/requirements", texts.get((run_id, name)))
    rows.add_tree(run_id, "tags", {key: value for key, value in data.tags.items() if key not in LINEAGE_TAGS and key not in BULKY_TAGS})


def _dataset_details(rows, run_id, dataset_input):
    dataset = dataset_input.dataset
    context = next((tag.value for tag in dataset_input.tags if tag.key == "mlflow.data.context"), None)
    place = f"lineage/datasets/{dataset.name}" + (f" ({context})" if context else "")
    rows.add(run_id, f"{place}/digest", dataset.digest)
    rows.add(run_id, f"{place}/source type", dataset.source_type)
    rows.add(run_id, f"{place}/source", dataset.source)
    rows.add(run_id, f"{place}/schema", dataset.schema)
    rows.add(run_id, f"{place}/profile", dataset.profile)


def _logged_models(store, run):
    """(name, places its artifacts may be) of each model the run logged: MLflow 3 records them as
    the run's outputs (logged models), earlier versions in the mlflow.log-model.history tag. A
    file store copied from another machine records artifact URIs of that machine; its artifacts
    are then looked for inside the store, where MLflow puts them by default."""
    from mlflow.store.tracking.file_store import FileStore

    in_store = os.path.join(store.root_directory, run.info.experiment_id) if isinstance(store, FileStore) else None
    models = []
    outputs = getattr(run, "outputs", None)
    for output in outputs.model_outputs if outputs else []:
        try:
            model = store.get_logged_model(output.model_id)
        except Exception:  # a model deleted since, or a store that cannot say
            continue
        places = [model.artifact_location]
        if in_store:
            places.append(os.path.join(in_store, "models", output.model_id, "artifacts"))
        models.append((model.name or output.model_id, tuple(places)))
    history = run.data.tags.get("mlflow.log-model.history")
    try:
        logged = json.loads(history) if history else []
    except ValueError:
        logged = []
    for entry in logged if isinstance(logged, list) else []:
        path = entry.get("artifact_path") if isinstance(entry, dict) else None
        if not path or not run.info.artifact_uri:
            continue
        places = [run.info.artifact_uri.rstrip("/") + "/" + path]
        if in_store:
            places.append(os.path.join(in_store, run.info.run_id, "artifacts", path))
        models.append((path, tuple(places)))
    return list(dict.fromkeys(models))


def _read_first(places, name):
    return next((text for text in (_read_artifact(place, name) for place in places) if text is not None), None)


def _read_artifact(location, name):
    """The text of an artifact file, or None when it cannot be read (a store copied from another
    machine keeps artifact URIs that point there)."""
    path = _local_path(location)
    if path is not None:
        try:
            with open(os.path.join(path, name), encoding="utf-8") as file:
                return file.read()
        except OSError:
            return None
    import tempfile

    from mlflow.artifacts import download_artifacts

    try:
        with tempfile.TemporaryDirectory() as folder:
            local = download_artifacts(artifact_uri=f"{location.rstrip('/')}/{name}", dst_path=folder)
            with open(local, encoding="utf-8") as file:
                return file.read()
    except Exception:  # unreachable or missing artifacts leave the field out
        return None
