"""rc.samples: debug samples (images, audio, video, text by step) compared across runs.

The checks are those of readSamples in src/data/samples.ts, in the same order with the same
words (tests/contract/samples_cases.json holds both). A sample's content may be bytes, text, a
numpy array or PIL image (sent as PNG), or a file path; it stays in the kernel and is sent to
the view in chunks when a cell shows it, unless store=True puts every sample's bytes into the
widget state (and the notebook saved with it).
"""

import os

import pyarrow as pa
from traitlets import Unicode

from . import _errors
from ._contract import RUN_ID
from ._convert import table_to_ipc
from ._errors import RunsDataError
from ._media import EXTENSIONS, check_image_array, is_array, is_pil_image, mime_of_path, pil_png, png_bytes, sniff
from ._normalise import normalise
from ._schema import load_schema
from ._series import check_metrics, check_unique_series, labels, read_long_table, runs_beside, series_of, text_column
from ._widget import CHUNK_BYTES, View

REQUIRED = ("run_id", "metric", "step")
CONTENT = ("data", "url", "path")
ACCEPTED = "bytes, text, a numpy array, a PIL image or a file path"
# A sample larger than this is not read: the view shows why (its maxBytes option's default).
MAX_BYTES = load_schema("views", "samples.json")["properties"]["maxBytes"]["default"]


class Samples(View):
    """Debug samples: a column per run, a row per metric/variant, a step slider in each cell.
    ``selected`` holds the runs selected by clicking their names."""

    view = Unicode("samples").tag(sync=True)

    def __init__(self, contents=None, **kwargs):
        self._contents = contents
        super().__init__(**kwargs)

    def _render_tables(self):
        """The tables for the headless renderer, the samples' bytes in the table's data column (as stored() puts them)."""
        tables = super()._render_tables()
        if self._contents is not None and tables.get("samples"):
            tables["samples"] = stored({"runs": tables["samples"], "contents": self._contents})["runs"]
        return tables

    def _on_view_message(self, widget, content, buffers):
        if content.get("type") == "send-samples" and self._contents is not None:
            self._send_samples(content.get("rows") or [])
        else:
            super()._on_view_message(widget, content, buffers)

    def _send_samples(self, rows):
        """The bytes of the rows asked, in messages of about CHUNK_BYTES; a sample that cannot be
        read is sent as its reason."""
        batch, buffers, errors, size = [], [], {}, 0

        def flush():
            nonlocal batch, buffers, errors, size
            if batch or errors:
                self.send({"type": "samples", "rows": batch, "errors": errors}, buffers=buffers)
            batch, buffers, errors, size = [], [], {}, 0

        for row in rows:
            if not isinstance(row, int) or not 0 <= row < len(self._contents):
                continue
            try:
                data = self._contents.bytes(row)
            except RunsDataError as reason:
                errors[str(row)] = str(reason)
                continue
            except OSError as failure:
                errors[str(row)] = f"the file could not be read ({failure.strerror or failure})"
                continue
            if size and size + len(data) > CHUNK_BYTES:
                flush()
            batch.append(row)
            buffers.append(data)
            size += len(data)
        flush()


def prepare(samples, options):
    """The checked samples table and options of a samples view (see rc.samples), with the
    samples' contents, which the kernel keeps (see stored); the runs table travels as "scalars"
    (schema/views/samples.json)."""
    table, contents = to_samples_table(samples)
    ids, runs_bytes = runs_beside("samples", table, options["runs"])
    if options["metrics"] is not None:
        variant = table.column("variant").combine_chunks() if "variant" in table.column_names else None
        check_metrics(series_of(table.column("metric").combine_chunks(), variant)[1], options["metrics"], "samples")
    if options["base"] is not None and options["base"] not in ids:
        raise RunsDataError(_errors.unknown_run_option("samples", "base", options["base"], ids))
    return {"runs": table_to_ipc(table), "scalars": runs_bytes, "options": options, "note": "", "contents": contents}


def stored(payload):
    """A payload whose samples travel with it (store=True, rc.display, rc.to_html): each sample's
    bytes in the table's data column, none kept in the kernel."""
    contents = payload["contents"]
    table = pa.ipc.open_stream(payload["runs"]).read_all()
    data = pa.array([_bytes_or_none(contents, row) for row in range(table.num_rows)], pa.binary())
    return {**payload, "runs": table_to_ipc(table.append_column("data", data)), "contents": None}


def _bytes_or_none(contents, row):
    try:
        return contents.bytes(row)
    except (RunsDataError, OSError):
        return None


class Contents:
    """Each row's content, read or encoded when asked: bytes, text, pixels, a PIL image or a file."""

    def __init__(self, kinds, values):
        self.kinds = kinds
        self.values = values

    def __len__(self):
        return len(self.kinds)

    def bytes(self, row):
        kind, value = self.kinds[row], self.values[row]
        if kind == "bytes":
            return value
        if kind == "text":
            return value.encode("utf-8")
        if kind == "pixels":
            return png_bytes(value)
        if kind == "pil":
            return pil_png(value)
        if kind == "path":
            size = os.path.getsize(value)
            if size > MAX_BYTES:
                raise RunsDataError(f"{size / 1024 / 1024:.0f} MB, more than the {MAX_BYTES // 1024 // 1024} MB a sample may take")
            with open(value, "rb") as file:
                return file.read()
        raise RunsDataError("the sample is at its url, which the page loads itself")


def to_samples_table(samples):
    """The samples as a checked table (run_id, metric, [variant,] step, mime, size[, url][, path])
    and their contents, row by row. Raises RunsDataError as readSamples does, then for contents
    only Python reads (arrays, images, files)."""
    data, source, names = read_long_table(samples, "samples", "sample (one row per run, metric, step and sample)")
    for name in REQUIRED:
        if name not in source.names:
            raise RunsDataError(_errors.samples_no_column(name, names))
    if data is None and not any(name in source.names for name in CONTENT):
        raise RunsDataError(_errors.samples_no_content(names))
    columns = dict(zip(source.names, (normalise(array) for array in source.arrays())))
    rows = source.row_count
    missing = lambda column, row: _errors.missing_value("samples", column, row, "sample needs a run_id, a metric and a step")  # noqa: E731
    run_ids = labels(RUN_ID, columns[RUN_ID], "samples", missing)
    metric = labels("metric", columns["metric"], "samples", missing)
    variant = labels("variant", columns["variant"], "samples", None) if "variant" in columns else None
    steps = _numbers(columns["step"], "step")
    for row, value in enumerate(steps.to_pylist()):
        if value is None or value != value:
            raise RunsDataError(missing("step", row))
    if data is None and "data" in columns:
        data = _arrow_data(columns["data"])
    url = text_column("url", columns.get("url"), "samples", rows)
    path = text_column("path", columns.get("path"), "samples", rows)
    mime = text_column("mime", columns.get("mime"), "samples", rows)
    size = _numbers(columns["size"], "size").to_pylist() if "size" in columns else [None] * rows
    kinds, values = [], []
    for row in range(rows):
        kind, value = _content(data[row] if data is not None else None, row)
        if kind is None:
            if url[row] is not None:
                kind = "url"
            elif path[row] is not None:
                kind, value = "path", os.fspath(path[row])
            else:
                raise RunsDataError(_errors.no_sample_content(row))
        kinds.append(kind)
        values.append(value)
    check_unique_series(series_of(metric, variant)[1], "samples")
    for row, (kind, value) in enumerate(zip(kinds, values)):
        if kind == "path" and not os.path.isfile(value):
            raise RunsDataError(f"the sample at row {row} is the file {value!r}, which does not exist: give the path of a file the kernel can read.")
        if kind == "pixels":
            values[row] = check_image_array(value, row)
    mimes = [_mime(declared, kind, value) or (_url_mime(link) if kind == "url" else "") for declared, kind, value, link in zip(mime, kinds, values, url)]
    sizes = [_size(given, kind, value) for given, kind, value in zip(size, kinds, values)]
    arrays = {RUN_ID: run_ids, "metric": metric}
    if variant is not None:
        arrays["variant"] = variant
    arrays.update(step=steps, mime=pa.array(mimes, pa.string()), size=pa.array(sizes, pa.float64()))
    if any(value is not None for value in url):
        arrays["url"] = pa.array(url, pa.string())
    return pa.table(arrays), Contents(kinds, values)


def _arrow_data(array):
    if not (pa.types.is_binary(array.type) or pa.types.is_large_binary(array.type) or pa.types.is_string(array.type) or pa.types.is_null(array.type)):
        from ._contract import value_type

        raise RunsDataError(_errors.column_type("samples", "data", "binary or strings", value_type(array)))
    return array.to_pylist()


def _content(value, row):
    """(kind, value) of a data cell, or (None, None) when it has none."""
    if value is None or (isinstance(value, float) and value != value):
        return None, None
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "bytes", bytes(value)
    if isinstance(value, str):
        return "text", value
    if isinstance(value, os.PathLike):
        return "path", os.fspath(value)
    if is_pil_image(value):
        return "pil", value
    if is_array(value):
        return "pixels", value
    raise RunsDataError(_errors.sample_data(row, f"a {type(value).__name__}", ACCEPTED))


def _mime(declared, kind, value):
    if declared is not None and declared.strip():
        normal = declared.split(";")[0].strip().lower()
        return normal
    if kind == "text":
        return "text/plain"
    if kind in ("pixels", "pil"):
        return "image/png"
    if kind == "bytes":
        return sniff(value[:512])
    if kind == "path":
        return mime_of_path(value)
    return ""


def _url_mime(url):
    """An address's type by its extension (mimeOfName in media.ts), or ""."""
    name = url.split("?")[0].split("#")[0]
    return EXTENSIONS.get(os.path.splitext(name)[1].lower(), "")


def _size(given, kind, value):
    if given is not None:
        return float(given)
    if kind == "bytes":
        return float(len(value))
    if kind == "text":
        return float(len(value.encode("utf-8")))
    if kind == "path":
        return float(os.path.getsize(value))
    return None


def _numbers(array, name):
    from ._contract import value_type

    found = value_type(array)
    if found not in ("numbers", None):
        raise RunsDataError(_errors.column_type("samples", name, "numbers", found))
    return array
