"""rc.follow: a view of runs as they train. A thread of the kernel polls the store and appends
what is new (View.append): new runs, runs whose row changed (status, latest metrics), and each
curve's points since the last poll, each point once and in order."""

import datetime
import os
import re
import threading
import weakref

from ._errors import RunsDataError

UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
# MLflow's statuses of a run that reports no more.
FINISHED = {"FINISHED", "FAILED", "KILLED"}
_following = weakref.WeakSet()


def follow(source, every="10s", view="scalars", experiments=None, metrics=None, stale="1h"):
    """A view that follows training: ``rc.follow("mlruns", experiments="sweep")``,
    ``rc.follow("logs/")`` (TensorBoard) or ``rc.follow("scalars.csv")`` (a scalars file a
    training script writes to). The view is drawn from what the store holds now; then a thread of
    the kernel polls it every ``every`` ("10s", "500ms", "2m", or seconds) and appends only what
    is new (new runs, a run's status and latest metrics, each curve's new points), keeping the
    view's zoom, brushes, selection and smoothing. A line above the view says when it last updated.

    source: an MLflow store (an mlruns directory, a .db file, "sqlite:///...", "http://..."), a
        TensorBoard log directory, or a scalars file (.csv, .parquet, .arrow, .jsonl; read with
        rc.read_scalars).
    view: "scalars" (learning curves) or "table" (the runs table with each curve's last, min, max).
    experiments, metrics: as rc.from_mlflow takes them (metrics also for TensorBoard's tags).
    stale: an MLflow run still RUNNING that has logged nothing for this long (its process died
        without ending it) counts as finished.

    Following stops when the view is closed (``w.close()``), when a cell is interrupted (the
    kernel's stop button), when every run has finished (MLflow: no run is still running, but for
    stale ones), or at
    ``w.follow.stop()``. ``w.follow`` also tells how many polls were made and when the last was.
    """
    seconds = _seconds(every, "every")
    store = _store(source, experiments, metrics, _seconds(stale, "stale"))
    runs, scalars = store.poll()
    if runs is None:
        raise RunsDataError(f"No runs in {source} yet: start the training first, or follow once it has logged its first run.")
    from . import scalars as scalars_view
    from . import table as table_view

    if view == "scalars":
        if scalars is None:
            raise RunsDataError(f"No curves in {source} yet: follow once the runs have logged a value, or follow the runs table (view='table').")
        widget = scalars_view(scalars, runs=runs)
    elif view == "table":
        widget = table_view(runs, scalars=scalars)
    else:
        raise RunsDataError(f'follow shows view="scalars" or view="table"; got {view!r}.')
    widget.follow = Follower(widget, store, seconds)
    widget.follow.start()
    return widget


class Follower:
    """The thread that polls a store and appends to a view."""

    def __init__(self, widget, store, seconds):
        self._widget = weakref.ref(widget)
        self._store = store
        self._seconds = seconds
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="runcompare follow", daemon=True)
        self.polls = 0
        self.last_update = None
        self.stopped_because = None
        self._status(widget, "following")

    def start(self):
        _following.add(self)
        _stop_on_interrupt()
        self._thread.start()

    def stop(self, because="stopped"):
        if not self._stopped.is_set():
            self.stopped_because = because
            self._stopped.set()

    def join(self, timeout=None):
        self._thread.join(timeout)

    @property
    def running(self):
        return self._thread.is_alive()

    def _run(self):
        while not self._stopped.wait(self._seconds):
            widget = self._widget()
            if widget is None or widget.comm is None:
                self.stop("the view was closed")
                break
            try:
                runs, scalars = self._store.poll()
            except Exception as error:  # a store being written may be read half-way: the next poll reads it whole
                self._status(widget, f"could not read the store ({type(error).__name__}: {error}); trying again")
                continue
            widget.append(scalars=scalars, runs=runs)
            self.polls += 1
            self.last_update = datetime.datetime.now()
            if self._store.finished():
                self.stop("every run has finished")
            self._status(widget, "following" if not self._stopped.is_set() else f"stopped: {self.stopped_because}")
        widget = self._widget()
        if widget is not None and widget.comm is not None:
            self._status(widget, f"stopped: {self.stopped_because}")

    def _status(self, widget, what):
        when = f", last updated {self.last_update:%H:%M:%S}" if self.last_update else ""
        widget.note = f"{what}{when} ({self.polls} polls)"


def _stop_on_interrupt():
    """A cell interrupted (KeyboardInterrupt) stops every follow of the kernel."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "_runcompare_follow_hook", False):
        return

    def after_cell(result):
        if isinstance(getattr(result, "error_in_exec", None), KeyboardInterrupt):
            for follower in list(_following):
                follower.stop("the kernel was interrupted")

    shell.events.register("post_run_cell", after_cell)
    shell._runcompare_follow_hook = True


def _seconds(every, name):
    if isinstance(every, (int, float)) and every > 0:
        return float(every)
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*", str(every))
    if not match or float(match.group(1)) <= 0:
        raise RunsDataError(f'{name} must be a time such as "10s", "500ms", "2m" or a number of seconds; got {every!r}.')
    return float(match.group(1)) * UNITS[match.group(2)]


def _store(source, experiments, metrics, stale_seconds):
    from .loaders._follow_stores import FileStore, MlflowStore, TensorBoardStore

    path = os.fspath(source)
    if os.path.isfile(path) and not path.endswith((".db", ".sqlite")):
        return FileStore(path)
    if os.path.isdir(path) and any("tfevents" in name for _, _, files in os.walk(path) for name in files):
        return TensorBoardStore(path, metrics)
    return MlflowStore(path, experiments, metrics, stale_seconds)
