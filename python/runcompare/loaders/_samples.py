"""Debug samples from where trackers keep them, as the samples table rc.samples takes:
TensorBoard's image, audio and text summaries, and MLflow's logged images and media artifacts."""

import os
import re
import tempfile
from urllib.parse import unquote

import pyarrow as pa

from .._errors import RunsDataError
from .._media import EXTENSIONS, sniff
from ._common import Progress, require

# TensorBoard's plugins whose summaries are samples.
TENSORBOARD_PLUGINS = ("images", "audio", "text")
# MLflow's log_image(key=..., step=...) files: images/<key>+step+<step>+timestamp+<ms>+<uuid>.png
# (MLflow 2 wrote % for + and # for the / of a key, MLflow 3 ~), and a +compressed.webp copy.
MLFLOW_IMAGE = re.compile(r"^(?P<key>.+?)[%+]step[%+](?P<step>-?\d+)[%+]timestamp[%+](?P<time>\d+)[%+][0-9a-f-]+\.(?P<ext>\w+)$")
MEDIA = tuple(extension for extension, mime in EXTENSIONS.items() if mime.split("/")[0] in ("image", "audio", "video"))


def samples_from_tensorboard(logdir, tags=None, progress=None):
    """Images, audio and text of a TensorBoard log directory as a samples table, for
    ``rc.samples(rc.samples_from_tensorboard("logs"))``.

    logdir: the directory TensorBoard would be started on; each directory under it with event
        files is a run, named as rc.from_tensorboard names it.
    tags: the image, audio and text tags to read; None reads every one.

    Returns a pyarrow Table: run_id, metric (the tag), step, time (epoch seconds), mime and data
    (the PNG or WAV bytes TensorBoard keeps, or the text), every sample TensorBoard logged (its
    own server keeps a sample of 10 per tag). Several images of one step (max_outputs) are rows
    of the same step.
    """
    require("tensorboard", "samples_from_tensorboard", "tensorboard")
    from tensorboard.backend.event_processing import io_wrapper

    from ._tensorboard import run_name
    from ._tfevents import RunEvents

    logdir = os.fspath(logdir)
    if not os.path.isdir(logdir):
        raise RunsDataError(f"No directory {logdir}: give the log directory TensorBoard would be started on.")
    directories = sorted(io_wrapper.GetLogdirSubdirectories(logdir))
    rows = {"run_id": [], "metric": [], "step": [], "time": [], "mime": [], "data": []}
    with Progress(len(directories), "TensorBoard runs", "run", progress) as bar:
        for directory in directories:
            run = RunEvents(directory, samples=True)
            run.read()
            run_id = run_name(logdir, directory)
            for tag, samples in run.samples.items():
                if tags is not None and tag not in tags:
                    continue
                for step, wall_time, plugin, array in samples:
                    for mime, data in _tensorboard_samples(plugin, array):
                        for name, value in zip(rows, (run_id, tag, step, wall_time, mime, data)):
                            rows[name].append(value)
            bar.update()
    if not rows["run_id"]:
        raise RunsDataError(f"No image, audio or text summaries under {logdir}{f' with tags {tags}' if tags else ''}.")
    return pa.table({**{name: rows[name] for name in ("run_id", "metric", "step", "time", "mime")}, "data": pa.array(rows["data"], pa.binary())})


def _tensorboard_samples(plugin, array):
    """(mime, bytes) of each sample in a summary's tensor: images are [width, height, image, ...],
    audio [[encoded, label], ...], text any array of strings (shown one per line)."""
    if plugin == "images":
        for image in array.reshape(-1)[2:]:
            yield sniff(image[:512]) or "image/png", bytes(image)
    elif plugin == "audio":
        for clip in array.reshape(-1, array.shape[-1] if array.ndim > 1 else 1)[:, 0]:
            yield sniff(clip[:512]) or "audio/wav", bytes(clip)
    else:
        texts = [value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value) for value in array.reshape(-1)]
        yield "text/markdown", "\n".join(texts).encode("utf-8")


def samples_from_mlflow(runs, tracking_uri=None, progress=None):
    """The images MLflow logged for runs (``mlflow.log_image(image, key=..., step=...)``, and any
    image, audio or video artifact) as a samples table, for
    ``rc.samples(rc.samples_from_mlflow(d.runs, tracking_uri="mlruns"), d.runs)``.

    runs: run ids, or a runs table with a run_id column (rc.from_mlflow's ``d.runs``).
    tracking_uri: where the runs are, as for rc.from_mlflow.

    Returns a pyarrow Table: run_id, metric (the image's key; the file's path for other
    artifacts, at step 0), step, time (epoch seconds, for logged images), mime and path (the
    file on this machine: artifacts of local stores are read where they are, others downloaded
    once into a temporary folder).
    """
    require("mlflow", "samples_from_mlflow", "mlflow")
    from ._mlflow import _file_store_allowed, _local_path, _open

    ids = _run_ids(runs)
    client, store, uri = _open(tracking_uri)
    store_dir = _local_path(uri)
    download = None
    rows = {"run_id": [], "metric": [], "step": [], "time": [], "mime": [], "path": []}
    with Progress(len(ids), "MLflow runs", "run", progress) as bar, _file_store_allowed(store_dir is not None):
        for run_id in ids:
            run = client.get_run(run_id)
            root = _artifact_root(run, store_dir)
            if root is None:
                download = download or tempfile.mkdtemp(prefix="runcompare-samples-")
                from mlflow.artifacts import download_artifacts

                root = download_artifacts(run_id=run_id, dst_path=os.path.join(download, run_id), tracking_uri=uri)
            for relative in _media_files(root):
                key, step, time = _mlflow_sample(relative)
                for name, value in zip(rows, (run_id, key, step, time, EXTENSIONS[os.path.splitext(relative)[1].lower()], os.path.join(root, relative))):
                    rows[name].append(value)
            bar.update()
    if not rows["run_id"]:
        raise RunsDataError(f"No logged images or media artifacts in the {len(ids)} run(s) of {uri}.")
    return pa.table({**rows, "time": pa.array(rows["time"], pa.float64())})


def _run_ids(runs):
    if isinstance(runs, str):
        return [runs]
    if isinstance(runs, pa.Table):
        return runs.column("run_id").to_pylist()
    if hasattr(runs, "columns") and "run_id" in runs.columns:
        return list(runs["run_id"])
    return [str(run_id) for run_id in runs]


def _artifact_root(run, store_dir):
    """The run's artifacts folder on this machine: its artifact URI's, or (for a store copied
    from another machine, whose URIs point there) the store's own <experiment>/<run>/artifacts."""
    from ._mlflow import _local_path

    path = _local_path(run.info.artifact_uri)
    if path is not None and os.path.isdir(unquote(path)):
        return unquote(path)
    if store_dir is not None:
        inside = os.path.join(store_dir, run.info.experiment_id, run.info.run_id, "artifacts")
        if os.path.isdir(inside):
            return inside
    return None


def _media_files(root):
    """Image, audio and video files under root, as relative paths, in name order; MLflow's
    compressed copies of logged images left out."""
    found = []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.lower().endswith(MEDIA) and "+compressed." not in name and "%compressed." not in name:
                found.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(found)


def _mlflow_sample(relative):
    """(metric, step, time in seconds) of an artifact: a logged image's key, step and time, else its path at step 0."""
    name = relative.replace(os.sep, "/")
    if name.startswith("images/"):
        match = MLFLOW_IMAGE.match(name[len("images/") :])
        if match:
            key = match["key"].replace("~", "/").replace("#", "/")
            return key, int(match["step"]), int(match["time"]) / 1000
    return name, 0, None
