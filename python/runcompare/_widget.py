"""The widget every view shares: Arrow tables and JSON options in, selected run ids and the
view's state both ways.

Every widget's `_esm` is a small loader (static/loader.js, built from src/widget/loader.ts), so a
notebook saved with widget state holds each view's data and options but no code. The view code
(static/widget.js) comes from the JupyterLab extension where there is one; elsewhere (marimo,
VS Code, Colab) the loader asks the kernel for it, once per page. A widget made with
store=False keeps its tables out of the synced traits, so out of the saved widget state, and
sends them when the view asks, in chunks.
"""

import html
import pathlib
import sys
import threading
import uuid

import anywidget
import pyarrow as pa
from traitlets import Bool, Bytes, Dict, List, TraitError, Unicode, validate

from . import _errors
from ._contract import RUN_ID
from ._convert import table_to_ipc, to_runs_table
from ._errors import RunsDataError, list_names, quote
from ._inputs import read_columns
from ._options import check_state
from ._reduce import MAX_POINTS, reduce_curves
from ._scalars import to_scalars_table

# Small enough for the view to show progress on a slow link, large enough to add no overhead.
CHUNK_BYTES = 4 * 1024 * 1024
TABLES = ("runs", "scalars")
# The output type the JupyterLab extension renders: a widget's key, or a view's whole data (rc.display).
MIME_TYPE = "application/vnd.runcompare.v1+json"
EXPORT_FORMATS = ("svg", "png", "csv")
# The built widget (webpack output, shipped in the wheel).
STATIC = pathlib.Path(__file__).parent / "static"
_defaults = {"store": True}


def set_defaults(store=None):
    """Defaults for the views made from now on. store=False keeps every view's data out of the
    saved notebook (see View); rc.scalars(store=...) and View(store=...) choose per view."""
    if store is not None:
        _defaults["store"] = bool(store)


def _static(name):
    path = STATIC / name
    if not path.is_file():
        raise FileNotFoundError(
            f"runcompare's widget code is missing ({path}): run `make build` in the runcompare "
            "repository to build it, or install runcompare from a released wheel."
        )
    return path


def view_code():
    """The view code as one ES module (static/widget.js): what the kernel sends to a page that
    has no runcompare JupyterLab extension, and what rc.to_html puts in a page."""
    return _static("widget.js").read_bytes()


def _loader():
    return _static("loader.js").read_text(encoding="utf-8")


def text_line(view, runs, selected=0, live=True):
    """The line a notebook shows where the view cannot be drawn (GitHub, a reopened notebook
    without widget state): what the view is, and how to get it back."""
    counts = f"{runs} run{'s' if runs != 1 else ''}" + (f", {selected} selected" if selected else "")
    back = "run the cell with runcompare installed" if live else "open the notebook in JupyterLab with runcompare installed"
    return f"runcompare {view}: {counts} ({back} to see the view)"


class _ArrowBytes(Bytes):
    """Arrow IPC bytes as the converters make them: bytes, or the bytearray they are written into."""

    def validate(self, obj, value):
        return value if isinstance(value, bytearray) else super().validate(obj, value)


class View(anywidget.AnyWidget):
    """A runcompare view in a notebook. ``selected`` holds the ids of the runs selected in the
    view, and setting it highlights those runs. ``state`` holds what the view's own controls
    changed (its schema's x-state: smoothing, axes, brushes, sort, ...) once the user changes
    any, saved with the notebook's widget state; setting it shows that state, and the view's
    function takes it back (``rc.scalars(..., state=w.state)``).

    store: False keeps the tables out of the synced state (``runs`` and ``scalars`` stay
    empty, ``stored`` is False): a notebook saved with its widget state does not carry them,
    and reopened without a kernel the view asks for the cell to be run again. None takes
    set_defaults(store=...), True unless changed.
    """

    view = Unicode().tag(sync=True)
    # Names this widget in its outputs, for the JupyterLab extension to find its model.
    _key = Unicode().tag(sync=True)
    runs = _ArrowBytes().tag(sync=True)
    scalars = _ArrowBytes(b"").tag(sync=True)
    options = Dict().tag(sync=True)
    selected = List(Unicode()).tag(sync=True)
    state = Dict().tag(sync=True)
    # A line shown above the view, such as how the data was reduced.
    note = Unicode("").tag(sync=True)
    stored = Bool(True).tag(sync=True)
    # Rows appended since the tables were sent (append), one dict of IPC bytes per batch: kept
    # here and in the page, never sent as a trait (see append), and saved with the widget state.
    appended = List().tag(sync=True)
    # The view's schema (schema/views/<view>.json), which each view's class gives.
    _schema = None
    # The tables it carries, each in its trait of that name (the comparison page has more).
    _tables = TABLES
    # The options of the view's function that stay in the kernel (x-side "python": maxPoints), as given.
    _kernel_options = {}

    def __init__(self, store=None, **kwargs):
        # Not a class attribute: anywidget reads a class-level _esm at import time, and
        # importing runcompare must work before the widget is built.
        self.add_traits(_esm=Unicode(_loader()).tag(sync=True))
        store = _defaults["store"] if store is None else bool(store)
        self._unstored = None if store else {name: kwargs.pop(name, b"") for name in self._tables}
        self._appended_unstored = []
        self._appended_ids = set()
        super().__init__(stored=store, _key=uuid.uuid4().hex, **kwargs)
        # Pages that show the view now, and the files save() waits for from one.
        self._shown = 0
        self._saving = {}
        self.on_msg(self._on_view_message)
        self.observe(self._tables_replaced, names=list(self._tables))

    def append(self, scalars=None, runs=None):
        """Adds rows to the view: ``scalars``, new reports, and ``runs``, new runs or a run's row
        as it is now (its status and metrics), each anything rc.scalars and rc.table take, with
        only the new rows. Only those rows travel, as Arrow IPC bytes in a message; the view
        shows them in place, keeping its zoom, brushes, selection, hidden runs and smoothing.

        The notebook saved with widget state holds the whole data: the tables as first sent and
        each appended batch in order (the ``appended`` trait, which the page keeps as it receives
        them), which the view appends again when the notebook is reopened.
        """
        given = {name: rows for name, rows in (("runs", runs), ("scalars", scalars)) if rows is not None and read_columns(rows, name).row_count}
        tables = {name: (to_runs_table if name == "runs" else to_scalars_table)(rows) for name, rows in given.items()}
        if not tables:
            return
        if "runs" in tables:
            self._check_runs_with(tables["runs"])
        if "scalars" in tables and "maxPoints" in (self._schema or {}).get("properties", {}):
            # Curves past the view's budget are reduced as the first table was (the batch alone).
            tables["scalars"] = reduce_curves(tables["scalars"], self._kernel_options.get("maxPoints", MAX_POINTS))[0]
        shown = self._table("scalars")
        if "scalars" in tables and shown and ("time" in tables["scalars"].column_names) != ("time" in pa.ipc.open_stream(shown).schema.names):
            raise RunsDataError(_errors.append_times())
        batch = {name: table_to_ipc(table) for name, table in tables.items()}
        for table in tables.values():
            self._appended_ids.update(table.column(RUN_ID).to_pylist())
        if self._unstored is None:
            batches = [*self.appended, batch]
            # The page has the batch from the message below, and keeps it in its copy of the trait.
            with self._lock_property(appended=batches):
                self.appended = batches
        else:
            self._appended_unstored.append(batch)
        self._send_batch(batch)

    def _check_runs_with(self, appended):
        """Raises RunsDataError, naming the column, unless the runs shown with the rows appended
        (a run given again replacing its row, as the view merges them) make a runs table."""
        shown = [self._table("runs"), *(batch["runs"] for batch in [*self.appended, *self._appended_unstored] if "runs" in batch)]
        rows = {}
        for table in [*(pa.ipc.open_stream(bytes(ipc)).read_all() for ipc in shown if ipc), appended]:
            for row in table.to_pylist():
                rows[row[RUN_ID]] = {**rows.get(row[RUN_ID], {}), **{key: value for key, value in row.items() if value is not None}}
        if rows:
            to_runs_table(list(rows.values()))

    def _send_batch(self, batch):
        self.send({"type": "append", "tables": list(batch)}, buffers=list(batch.values()))

    def _tables_replaced(self, _change):
        self.appended = []
        self._appended_unstored = []
        self._appended_ids = set()

    def _table(self, name):
        return getattr(self, name) if self._unstored is None else self._unstored[name]

    def _on_view_message(self, _widget, content, buffers):
        kind = content.get("type")
        if kind == "send-tables" and self._unstored is not None:
            self._send_tables()
        elif kind == "code":
            self._send_code()
        elif kind == "shown":
            self._shown += 1
        elif kind == "hidden":
            self._shown = max(0, self._shown - 1)
        elif kind == "exported":
            self._exported(content, buffers)

    def _send_code(self):
        try:
            self.send({"type": "code"}, buffers=[view_code()])
        except FileNotFoundError as missing:
            self.send({"type": "code", "error": str(missing)})

    def _repr_mimebundle_(self, **kwargs):
        """The widget's output: the widget view, the key by which the JupyterLab extension
        draws it (with a picture and a line of text where the widget cannot be drawn), and
        that line for every other reader."""
        shown = super()._repr_mimebundle_(**kwargs)
        if shown is None:
            return None
        data, metadata = shown
        data[MIME_TYPE] = {"view": self.view, "key": self._key}
        data["text/plain"] = text_line(self.view, len(self._run_ids()), len(self.selected))
        return data, metadata

    def save(self, target="svg", *, timeout=10, **export):
        """Saves the view as a figure, a table or a page. ``target`` is a file name ending in
        .svg, .png, .pdf, .csv or .html, or one of those formats alone.

        While a page shows the view (JupyterLab, Notebook 7, VS Code), the page exports what it
        shows (zoom, brushes, hidden runs as they are): a format alone is saved as the toolbar
        saves it (<notebook>-<view>.<format> next to the notebook); a file name is written here,
        once the cell has finished and the page has answered. A page that does not answer within
        ``timeout`` seconds of the cell's end is given up on, with a message, for the headless
        renderer. With no page showing the view, the headless renderer (Node.js) draws it from
        its data, options and state, and the file is written before save returns ("<view>.<format>"
        for a format alone). HTML is always written here (rc.to_html's page of the view).

        export: publication options (schema/export.json): width and height (in ``unit``: "px",
        "in" or "cm"), dpi (PNG), font_family, font_size, title, legend ("auto", "top",
        "right", "bottom", "left" or "none"), transparent, theme ("light" or "dark"), palette ("default" or "colorblind").
        Returns the path written, or None when the page names and saves the file.
        """
        from . import _render

        name = None if target in _render.FORMATS else target
        format = target if name is None else pathlib.PurePath(str(name)).suffix[1:].lower()
        if format not in _render.FORMATS or (name is not None and not isinstance(name, str)):
            raise RunsDataError(f'save takes "svg", "png", "pdf", "csv" or "html", or a file name ending in .svg, .png, .pdf, .csv or .html; got {target!r}.')
        look = _render.check_export(export)
        if format == "html":
            from ._html import PAGE, view_fragment

            path = pathlib.Path(name or f"{self.view}.html")
            fragment = view_fragment(self.view, {**self._view_tables(), "options": self.options, "state": self.state, "note": self.note})
            path.write_text(PAGE.format(title=html.escape(look.get("title") or "runcompare"), fragment=fragment), encoding="utf-8")
            return str(path)
        if self._shown and name is None and format in EXPORT_FORMATS:
            self.send({"type": "export", "format": format, "name": None, "export": look})
            return None
        path = pathlib.Path(name or f"{self.view}.{format}")
        if self._shown:
            request = uuid.uuid4().hex
            self._saving[request] = (path, format, look)
            self.send({"type": "export", "format": "svg" if format == "pdf" else format, "name": path.name, "id": request, "export": look})
            _after_cell(lambda: threading.Timer(timeout, self._page_silent, (request, timeout)).start())
            return str(path)
        _render.render(self.view, self._render_tables(), {**self.options, "selected": self.selected, "state": self.state}, look, path)
        return str(path)

    def _view_tables(self):
        return {name: self._table(name) for name in self._tables}

    def _render_tables(self):
        """The tables by the names the headless renderer takes them (its schema's x-data and x-table)."""
        schema = self._schema or {}
        data = schema.get("x-data", {"table": "runs"})
        names = {data.get("trait", data["table"]): data["table"]}
        names.update({option["x-table"]: key for key, option in schema.get("properties", {}).items() if "x-table" in option})
        return {names[trait]: data for trait, data in self._view_tables().items() if trait in names and data}

    def _exported(self, content, buffers):
        """A page's answer to save(): the file's bytes, written where save() was asked to."""
        from . import _render

        pending = self._saving.pop(content.get("id"), None)
        if pending is None:
            return
        path, format, look = pending
        try:
            if content.get("error"):
                raise RuntimeError(content["error"])
            data = bytes(buffers[0])
            if format == "pdf":
                _render.convert(data.decode("utf-8"), path, look)
            else:
                path.write_bytes(data)
        except (RuntimeError, RunsDataError, OSError) as error:
            print(f"runcompare: could not save {path}: {error}", file=sys.stderr)

    def _page_silent(self, request, timeout):
        """No page answered save() in time: the headless renderer draws the figure instead."""
        from . import _render

        pending = self._saving.pop(request, None)
        if pending is None:
            return
        path, _format, look = pending
        print(
            f"runcompare: no page answered w.save() within {timeout} s of the cell's end (is the view still shown?); "
            f"{path} is drawn by the headless renderer instead.",
            file=sys.stderr,
        )
        try:
            _render.render(self.view, self._render_tables(), {**self.options, "selected": self.selected, "state": self.state}, look, path)
        except (RuntimeError, RunsDataError, OSError) as error:
            print(f"runcompare: could not save {path}: {error}", file=sys.stderr)

    def _send_tables(self):
        """Each table in chunks; every message carries every table's size, so the view can show
        progress from the first chunk and knows when it has all."""
        sizes = {name: len(self._table(name)) for name in self._tables}
        for name in self._tables:
            data = memoryview(self._table(name))
            for offset in range(0, len(data), CHUNK_BYTES):
                chunk = data[offset : offset + CHUNK_BYTES]
                self.send({"type": "tables", "sizes": sizes, "table": name, "offset": offset}, buffers=[chunk])
        for batch in self._appended_unstored:
            self._send_batch(batch)

    def _run_ids(self):
        # Decoded once per table, not each time selected is set; read here rather than when
        # runs changes, since a constructor checks selected before any observer runs.
        runs = self._table("runs")
        if getattr(self, "_ids_of", None) is not runs:
            self._ids_of, self._ids = runs, _run_ids(runs)
        return self._ids | self._appended_ids

    @validate("state")
    def _check_state(self, proposal):
        return check_state(self._schema, proposal["value"]) if self._schema else proposal["value"]

    @validate("selected")
    def _check_selected(self, proposal):
        known = self._run_ids()
        unknown = [run_id for run_id in proposal["value"] if run_id not in known]
        if unknown:
            raise TraitError(f"selected has run ids that are not in runs: {list_names([quote(i) for i in unknown])}.")
        return proposal["value"]


def _after_cell(callback):
    """Calls back once the running cell has finished (a page answers messages only then), or now
    outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:
        get_ipython = lambda: None  # noqa: E731
    shell = get_ipython()
    if shell is None:
        callback()
        return

    def once(*_):
        shell.events.unregister("post_run_cell", once)
        callback()

    shell.events.register("post_run_cell", once)


def _run_ids(ipc_bytes):
    if not ipc_bytes:
        return frozenset()
    return frozenset(pa.ipc.open_stream(ipc_bytes).read_all().column(RUN_ID).to_pylist())
