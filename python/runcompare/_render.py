"""Figures without a browser: the headless renderer (static/render/render.mjs, the npm package's
`runcompare render`, built from src/headless) run with Node.js, and the publication options
(schema/export.json) it and the page's export take."""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import warnings

from . import _errors
from ._errors import RunsDataError
from ._options import check_value, snake_case
from ._schema import load_schema
from ._widget import STATIC

RENDERER = STATIC / "render" / "render.mjs"
FORMATS = ("svg", "png", "pdf", "csv", "html")
# The renderer's exit status for bad data or options (a RunsDataError in TypeScript).
DATA_ERROR = 2


def export_schema():
    return load_schema("export.json")


def check_export(options):
    """Publication options as Python names them (font_size=9), checked as the TypeScript checks
    them, returned as the renderer and the page take them (fontSize)."""
    schema = export_schema()
    names = {snake_case(key): key for key in schema["properties"]}
    checked = {}
    for name, value in options.items():
        if name not in names:
            raise RunsDataError(_errors.unknown_option("export", name, list(names)))
        checked[names[name]] = check_value(schema, schema["properties"][names[name]], value, name)
    return checked


WARNING = "runcompare: warning: "


def node():
    """The Node.js program the renderer runs on, or an error saying how to get one."""
    found = os.environ.get("RUNCOMPARE_NODE") or shutil.which("node")
    if not found:
        raise RuntimeError(
            "runcompare's headless renderer (figures saved with no page showing the view) runs on Node.js 18 or newer, "
            "and no `node` is on PATH: install Node.js (from nodejs.org, your package manager, or `conda install nodejs`), "
            "or set RUNCOMPARE_NODE to its path. Views shown in JupyterLab, Notebook 7 or VS Code save through the page."
        )
    return found


def run(arguments):
    """Runs the renderer with the CLI's arguments; raises RunsDataError for bad data or options,
    RuntimeError for the rest, with the renderer's own words."""
    if not RENDERER.is_file():
        raise FileNotFoundError(f"runcompare's headless renderer is missing ({RENDERER}): run `make build` in the runcompare repository.")
    done = subprocess.run([node(), str(RENDERER), *arguments], capture_output=True, text=True)
    if done.returncode == 0:
        # The renderer's warnings (a font family not installed) as Python's.
        for line in done.stderr.splitlines():
            if line.startswith(WARNING):
                warnings.warn(line.removeprefix(WARNING), stacklevel=3)
        return
    message = done.stderr.strip().removeprefix("runcompare: ") or f"the renderer stopped with status {done.returncode}"
    raise (RunsDataError if done.returncode == DATA_ERROR else RuntimeError)(message)


def render(view, tables, options, look, path):
    """Writes a view's figure to `path` (.svg, .png, .pdf or .csv) with the headless renderer.

    tables: Arrow IPC bytes by the CLI's table names (runs, scalars, logs, plots, samples);
    options: the view's options as the page takes them; look: checked publication options."""
    with tempfile.TemporaryDirectory(prefix="runcompare-") as folder:
        folder = pathlib.Path(folder)
        arguments = ["render", "--view", view, "-o", str(pathlib.Path(path).resolve())]
        for name, data in tables.items():
            if data:
                (folder / f"{name}.arrow").write_bytes(data)
                arguments += [f"--{name}", str(folder / f"{name}.arrow")]
        (folder / "options.json").write_text(json.dumps(options), encoding="utf-8")
        (folder / "export.json").write_text(json.dumps(look), encoding="utf-8")
        run([*arguments, "--options", str(folder / "options.json"), "--export", str(folder / "export.json")])


def convert(svg, path, look):
    """Writes an SVG document (a page's export) as `path`'s format: the SVG itself, or PNG or PDF."""
    path = pathlib.Path(path)
    if path.suffix.lower() == ".svg":
        path.write_text(svg, encoding="utf-8")
        return
    with tempfile.TemporaryDirectory(prefix="runcompare-") as folder:
        source = pathlib.Path(folder) / "figure.svg"
        source.write_text(svg, encoding="utf-8")
        run(["convert", str(source), "-o", str(path.resolve()), "--dpi", str(look.get("dpi", export_schema()["properties"]["dpi"]["default"]))])


def main(argv=None):
    """`python -m runcompare render ...`: the npm package's `runcompare render`, same arguments
    and output; returns its exit status."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        if not RENDERER.is_file():
            raise FileNotFoundError(f"runcompare's headless renderer is missing ({RENDERER}): run `make build` in the runcompare repository.")
        return subprocess.run([node(), str(RENDERER), *argv]).returncode
    except (RuntimeError, FileNotFoundError) as error:
        print(f"runcompare: {error}", file=sys.stderr)
        return 1
