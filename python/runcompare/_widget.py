"""The parallel-coordinates widget: traits for src/widget, and the call that builds it."""

import pathlib

import anywidget
import pyarrow as pa
from traitlets import Bytes, Int, List, TraitError, Unicode, observe, validate

from ._contract import RUN_ID, check_view_columns
from ._convert import table_to_ipc, to_runs_table
from ._errors import list_names, quote


def esm_path():
    """The built widget ESM (webpack output, shipped in the wheel)."""
    return pathlib.Path(__file__).parent / "static" / "widget.js"


def _read_esm():
    path = esm_path()
    if not path.is_file():
        raise FileNotFoundError(
            f"runcompare's widget code is missing ({path}): run `make build` in the runcompare "
            "repository to build it, or install runcompare from a released wheel."
        )
    return path.read_text(encoding="utf-8")


class Parallel(anywidget.AnyWidget):
    """Parallel coordinates of runs: one axis per param and metric, one line per run.

    ``selected`` holds the ids of the runs brushed in the view, and can be set from Python.
    Build it with ``runcompare.parallel``, which checks the runs first.
    """

    view = Unicode("parallel").tag(sync=True)
    runs = Bytes().tag(sync=True)
    params = List(Unicode(), default_value=None, allow_none=True).tag(sync=True)
    metrics = List(Unicode(), default_value=None, allow_none=True).tag(sync=True)
    color = Unicode(None, allow_none=True).tag(sync=True)
    height = Int(360).tag(sync=True)
    selected = List(Unicode()).tag(sync=True)

    def __init__(self, **kwargs):
        # Not a class attribute: anywidget reads a class-level _esm path at import time, and
        # importing runcompare must work before the widget is built.
        self.add_traits(_esm=Unicode(_read_esm()).tag(sync=True))
        super().__init__(**kwargs)

    @observe("runs")
    def _read_run_ids(self, change):
        # Decoded once per table, not each time selected is set.
        self._known_ids = _run_ids(change["new"])

    @validate("selected")
    def _check_selected(self, proposal):
        known = getattr(self, "_known_ids", frozenset())
        unknown = [run_id for run_id in proposal["value"] if run_id not in known]
        if unknown:
            raise TraitError(f"selected has run ids that are not in runs: {list_names([quote(i) for i in unknown])}.")
        return proposal["value"]


def _run_ids(ipc_bytes):
    if not ipc_bytes:
        return frozenset()
    return frozenset(pa.ipc.open_stream(ipc_bytes).read_all().column(RUN_ID).to_pylist())


def parallel(runs, params=None, metrics=None, color=None, height=360):
    """Parallel coordinates of runs, as a widget.

    runs: a pandas or polars DataFrame, a pyarrow Table or a list of dicts, one row per run,
        with a unique string ``run_id`` column (an MLflow ``search_runs()`` frame works as is).
    params, metrics: the columns to draw as axes, with or without their "params."/"metrics."
        prefix; None draws every params.* / metrics.* column.
    color: the column that colours the lines; None colours by the first metric axis.

    Raises RunsDataError before anything is sent when the runs or the column names are wrong.
    """
    table = to_runs_table(runs)
    params, metrics = _names(params), _names(metrics)
    check_view_columns(table, params, metrics, color)
    return Parallel(runs=table_to_ipc(table), params=params, metrics=metrics, color=color, height=height)


def _names(names):
    """A single column name is taken as a list of one."""
    if names is None:
        return None
    return [names] if isinstance(names, str) else list(names)
