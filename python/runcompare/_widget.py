"""The widget every view shares: Arrow tables and JSON options in, selected run ids both ways.

One anywidget module (static/widget.js, built from src/widget) draws every view; the `view`
trait says which. A widget made with store=False keeps its tables out of the synced traits, so
out of the widget state a notebook saves, and sends them when the view asks, in chunks.
"""

import hashlib
import pathlib

import anywidget
import pyarrow as pa
from traitlets import Bool, Bytes, Dict, List, TraitError, Unicode, validate

from ._contract import RUN_ID
from ._errors import list_names, quote


# Small enough for the view to show progress on a slow link, large enough to add no overhead.
CHUNK_BYTES = 4 * 1024 * 1024
TABLES = ("runs", "scalars")
_defaults = {"store": True}


def set_defaults(store=None):
    """Defaults for the views made from now on. store=False keeps every view's data out of the
    saved notebook (see View); rc.scalars(store=...) and View(store=...) choose per view."""
    if store is not None:
        _defaults["store"] = bool(store)


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


def _loader(bundle):
    """The small module anywidget imports per widget; it evaluates `bundle` once per page."""
    digest = hashlib.sha256(bundle.encode("utf-8")).hexdigest()[:16]
    template = (pathlib.Path(__file__).parent / "_loader.js").read_text(encoding="utf-8")
    return template.replace("__BUNDLE_HASH__", digest)


class View(anywidget.AnyWidget):
    """A runcompare view in a notebook. ``selected`` holds the ids of the runs selected in the
    view, and setting it highlights those runs.

    store: False keeps the tables out of the synced state (``runs`` and ``scalars`` stay
    empty, ``stored`` is False): a notebook saved with its widget state does not carry them,
    and reopened without a kernel the view asks for the cell to be run again. None takes
    set_defaults(store=...), True unless changed.
    """

    view = Unicode().tag(sync=True)
    runs = Bytes().tag(sync=True)
    scalars = Bytes(b"").tag(sync=True)
    options = Dict().tag(sync=True)
    selected = List(Unicode()).tag(sync=True)
    # A line shown above the view, such as how the data was reduced.
    note = Unicode("").tag(sync=True)
    stored = Bool(True).tag(sync=True)

    def __init__(self, store=None, **kwargs):
        # Not a class attribute: anywidget reads a class-level _esm path at import time, and
        # importing runcompare must work before the widget is built.
        bundle = _read_esm()
        self.add_traits(_esm=Unicode(_loader(bundle)).tag(sync=True), _bundle=Unicode(bundle).tag(sync=True))
        store = _defaults["store"] if store is None else bool(store)
        self._unstored = None if store else {name: kwargs.pop(name, b"") for name in TABLES}
        super().__init__(stored=store, **kwargs)
        if not store:
            self.on_msg(self._on_view_message)

    def _table(self, name):
        return getattr(self, name) if self._unstored is None else self._unstored[name]

    def _on_view_message(self, _widget, content, _buffers):
        if content.get("type") == "send-tables":
            self._send_tables()

    def _send_tables(self):
        """Each table in chunks; every message carries both sizes, so the view can show
        progress from the first chunk and knows when it has all."""
        sizes = {name: len(self._table(name)) for name in TABLES}
        for name in TABLES:
            data = memoryview(self._table(name))
            for offset in range(0, len(data), CHUNK_BYTES):
                chunk = data[offset:offset + CHUNK_BYTES]
                self.send({"type": "tables", "sizes": sizes, "table": name, "offset": offset}, buffers=[chunk])

    def _run_ids(self):
        # Decoded once per table, not each time selected is set; read here rather than when
        # runs changes, since a constructor checks selected before any observer runs.
        runs = self._table("runs")
        if getattr(self, "_ids_of", None) is not runs:
            self._ids_of, self._ids = runs, _run_ids(runs)
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
