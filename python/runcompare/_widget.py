"""The widget every view shares: Arrow tables and JSON options in, selected run ids both ways.

One anywidget module (static/widget.js, built from src/widget) draws every view; the `view`
trait says which.
"""

import pathlib

import anywidget
import pyarrow as pa
from traitlets import Bytes, Dict, List, TraitError, Unicode, validate

from ._contract import RUN_ID
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


class View(anywidget.AnyWidget):
    """A runcompare view in a notebook. ``selected`` holds the ids of the runs selected in the
    view, and setting it highlights those runs."""

    view = Unicode().tag(sync=True)
    runs = Bytes().tag(sync=True)
    scalars = Bytes(b"").tag(sync=True)
    options = Dict().tag(sync=True)
    selected = List(Unicode()).tag(sync=True)

    def __init__(self, **kwargs):
        # Not a class attribute: anywidget reads a class-level _esm path at import time, and
        # importing runcompare must work before the widget is built.
        self.add_traits(_esm=Unicode(_read_esm()).tag(sync=True))
        super().__init__(**kwargs)

    def _run_ids(self):
        # Decoded once per table, not each time selected is set; read here rather than when
        # runs changes, since a constructor checks selected before any observer runs.
        if getattr(self, "_ids_of", None) is not self.runs:
            self._ids_of, self._ids = self.runs, _run_ids(self.runs)
        return self._ids

    @validate("selected")
    def _check_selected(self, proposal):
        known = self._run_ids()
        unknown = [run_id for run_id in proposal["value"] if run_id not in known]
        if unknown:
            raise TraitError(f"selected has run ids that are not in runs: {list_names([quote(i) for i in unknown])}.")
        return proposal["value"]


def _run_ids(ipc_bytes):
    if not ipc_bytes:
        return frozenset()
    return frozenset(pa.ipc.open_stream(ipc_bytes).read_all().column(RUN_ID).to_pylist())
