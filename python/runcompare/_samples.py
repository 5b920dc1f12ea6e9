"""rc.samples: debug samples (images, audio, video, text by step) compared across runs.

The checks are those of readSamples in src/data/samples.ts, in the same order with the same
words (tests/contract/samples_cases.json holds both). A sample's content may be bytes, text, a
numpy array or PIL image (sent as PNG), or a file path; it stays in the kernel and is sent to
the view in chunks when a cell shows it, unless store=True puts every sample's bytes into the
widget state (and the notebook saved with it).
"""

import math
import os

import pyarrow as pa
from traitlets import Unicode

from . import _errors
from ._contract import RUN_ID
from ._convert import table_to_ipc, to_runs_table
from ._errors import RunsDataError
from ._media import EXTENSIONS, check_image_array, is_array, is_pil_image, mime_of_path, pil_png, png_bytes, sniff
from ._normalise import normalise
from ._series import check_metrics, check_unique_series, labels, read_long_table, series_of, text_column
from ._widget import CHUNK_BYTES, View

REQUIRED = ("run_id", "metric", "step")
CONTENT = ("data", "url", "path")
ACCEPTED = "bytes, text, a numpy array, a PIL image or a file path"
# A sample larger than this is not read: the view shows why (its own limit is the same).
MAX_BYTES = 50 * 1024 * 1024


class Samples(View):
    """Debug samples: a column per run, a row per metric/variant, a step slider in each cell.
    ``selected`` holds the runs selected by clicking their names."""

    view = Unicode("samples").tag(sync=True)

    def __init__(self, contents=None, **kwargs):
        self._contents = contents
        super().__init__(**kwargs)

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


def samples(samples, runs=None, metrics=None, size=160, height=600, sync=False, step=None, base=None, state=None, store=False):
    """Debug samples compared across runs, as a widget: a column per run, a row per
    metric/variant, each cell a sample with a step slider (oldest, older, newer, newest).
    "sync" moves every cell to one step. Images open in a viewer (zoom, pan, pixel values;
    side by side, flicker or difference with another run's); audio and video play; text shows
    its word diff against the base run's.

    samples: one row per sample, as a pandas or polars DataFrame, a pyarrow Table or a list of
        dicts, with run_id, metric, optional variant, step, and its content in data (bytes,
        text, a numpy array of pixels, a PIL image), url (an address the page may load) or
        path (a file the kernel reads); optional mime ("image/png"; else read from the bytes
        or the file name) and size.
    runs: a runs table: its runs that have samples are the columns, in its order, by name.
    metrics: the metrics ("images": each of its variants) or series ("images/val") shown.
    size: the samples' size in pixels (48 to 640). height: the grid's most height in pixels.
    sync, step: start synced at this step (None: each cell's newest).
    base: the run the others' text samples are compared with (the first column by default).
    state: the view's ``state`` as the ESM view gives it (sync, step, size, steps of cells).
    store: False (the default) keeps the samples in the kernel: each is sent when a cell
        shows it, and a notebook saved with widget state does not hold them (reopened, the
        view asks for the cell to be run). True sends every sample's bytes with the widget.

    Raises RunsDataError before anything is sent when the table, a sample or an option is wrong.
    """
    state = samples_state(samples, runs, metrics, size, height, sync, step, base, state, with_data=store)
    contents = state.pop("contents")
    return Samples(contents=None if store else contents, **state, store=store)


def samples_state(samples, runs=None, metrics=None, size=160, height=600, sync=False, step=None, base=None, state=None, with_data=True):
    """The checked samples table (with every sample's bytes when with_data) and the options; the
    runs table travels as "scalars" (src/widget/views.ts)."""
    table, contents = to_samples_table(samples)
    runs_bytes = b""
    if runs is not None:
        runs_table = to_runs_table(runs)
        known = set(runs_table.column(RUN_ID).to_pylist())
        ids = table.column(RUN_ID).combine_chunks().dictionary.to_pylist()
        if not any(run_id in known for run_id in ids):
            raise RunsDataError(_errors.unknown_runs_of("samples", ids[0], runs_table.column(RUN_ID)[0].as_py()))
        runs_bytes = table_to_ipc(runs_table)
    _check_options(table, metrics, size, step, base, runs)
    if with_data:
        table = table.append_column("data", pa.array([_bytes_or_none(contents, row) for row in range(table.num_rows)], pa.binary()))
    options = {"metrics": metrics, "size": size, "height": height, "sync": sync, "step": step, "base": base, "state": state}
    return {"runs": table_to_ipc(table), "scalars": runs_bytes, "options": options, "note": "", "contents": contents}


def _bytes_or_none(contents, row):
    try:
        return contents.bytes(row)
    except (RunsDataError, OSError):
        return None


def _check_options(table, metrics, size, step, base, runs):
    if isinstance(size, bool) or not isinstance(size, (int, float)) or not 48 <= size <= 640:
        raise RunsDataError(_errors.bad_number("size", "a number of pixels from 48 to 640", size))
    if step is not None and (isinstance(step, bool) or not isinstance(step, (int, float)) or not math.isfinite(step)):
        raise RunsDataError(_errors.bad_number("step", "a number (a step of the samples) or null", step))
    if metrics is not None:
        variant = table.column("variant").combine_chunks() if "variant" in table.column_names else None
        pairs = series_of(table.column("metric").combine_chunks(), variant)[1]
        check_metrics(pairs, [metrics] if isinstance(metrics, str) else list(metrics), "samples")
    if base is not None:
        ids = table.column(RUN_ID).combine_chunks().dictionary.to_pylist()
        if base not in ids:
            raise RunsDataError(_errors.unknown_run_option("samples", "base", base, ids))


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
