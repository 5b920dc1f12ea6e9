"""The headless renderer (`runcompare render`, run here through Python as `python -m runcompare
render` runs it) and w.save() with no page: every view to SVG, PNG and PDF from the example data,
read back with an XML parser, Pillow and pypdf; the publication options seen in the files."""

import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pyarrow as pa
import pypdf
import pytest
import runcompare as rc
from PIL import Image
from runcompare import _render

pytestmark = pytest.mark.skipif(not _render.RENDERER.is_file(), reason="the headless renderer is built by `make build`")

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<img src=x onerror=alert(1)>"
RUNS, SCALARS = (table.to_pandas() for table in rc.examples.sweep())
# Okabe and Ito's colours (src/render/publication.ts), and the views' own first ones (src/render/color.ts).
COLORBLIND = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
CATEGORICAL = {"#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f", "#edc949", "#af7aa1", "#ff9da7", "#9c755f"}


def tiny_png(color):
    out = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(out, format="PNG")
    return out.getvalue()


def plots_frame():
    rows = []
    for run in ("a", "b"):
        rows.append({"run_id": run, "metric": "roc", "step": 1, "kind": "roc", "data": {"fpr": [0, 0.2, 1], "tpr": [0, 0.7, 1]}})
        rows.append({"run_id": run, "metric": "scores", "step": 1, "kind": "histogram", "data": {"y": list(np.linspace(0, 1, 40))}})
    return pd.DataFrame(rows)


# Each view as a user makes it, and the marks its figure must hold: (tag, how many at least).
VIEWS = {
    "parallel": (lambda: rc.parallel(RUNS, scalars=SCALARS), "path", 96),
    "scatter": (lambda: rc.scatter(RUNS, scalars=SCALARS), "circle", 96),
    "summary": (lambda: rc.summary(RUNS, scalars=SCALARS), "rect", 20),
    "diff": (lambda: rc.diff(RUNS.head(4)), "text", 20),
    "table": (lambda: rc.table(RUNS, scalars=SCALARS), "text", 96),
    "scalars": (lambda: rc.scalars(SCALARS, runs=RUNS), "path", 4 * 96),
    "values": (lambda: rc.values(SCALARS, runs=RUNS), "text", 96),
    "plots": (lambda: rc.plots(plots_frame()), "path", 4),
    "logs": (lambda: rc.logs({"a": "epoch 1\nloss 0.5", "b": "epoch 1\nloss 0.7"}), "text", 4),
    "influence": (lambda: rc.influence(RUNS, scalars=SCALARS, metric="loss/validation:min"), "rect", 4),
    # The comparison page exports the view its open tab shows (the diff of its first runs).
    "compare": (lambda: rc.compare(RUNS, scalars=SCALARS), "text", 20),
}


def test_the_comparison_page_draws_with_nothing_on_stderr(tmp_path):
    # Its pane's toggle event once met Node's own Event class, which jsdom refuses: an uncaught error printed as it drew.
    data = rc.examples.DATA
    arguments = ["render", "--view", "compare", "--runs", str(data / "runs.arrow"), "--scalars", str(data / "scalars.arrow"), "-o", str(tmp_path / "c.svg")]
    done = subprocess.run([_render.node(), str(_render.RENDERER), *arguments], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert svg_root(tmp_path / "c.svg").tag == f"{SVG}svg"


def test_samples_draw_from_a_file_of_their_bytes(tmp_path):
    # A samples widget keeps its bytes in the kernel (its page asks for them): the CLI takes a file of them.
    table = pa.table({"run_id": ["a", "b"], "metric": ["image"] * 2, "step": [1, 1], "mime": ["image/png"] * 2, "data": [tiny_png("red"), tiny_png("blue")]})
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    (tmp_path / "samples.arrow").write_bytes(sink.getvalue().to_pybytes())
    _render.run(["render", "--view", "samples", "--samples", str(tmp_path / "samples.arrow"), "-o", str(tmp_path / "s.svg"), "-o", str(tmp_path / "s.png")])
    root = svg_root(tmp_path / "s.svg")
    assert {"a", "b"} <= {"".join(t.itertext()) for t in root.iter(f"{SVG}text")}
    assert Image.open(tmp_path / "s.png").size[0] > 0
    # With no page, w.save() gives the renderer the widget's samples with their bytes, as that file holds them.
    widget = rc.samples(table.drop_columns(["data"]).append_column("data", pa.array([tiny_png("red"), tiny_png("blue")], pa.binary())))
    assert widget.save(str(tmp_path / "x.svg")) == str(tmp_path / "x.svg")
    assert ET.tostring(svg_root(tmp_path / "x.svg")) == ET.tostring(root)
    widget.save(str(tmp_path / "x.png"), dpi=96)
    pixels = Image.open(tmp_path / "x.png").convert("RGB")
    colors = {pixels.getpixel((x, y)) for x in range(0, pixels.size[0], 2) for y in range(0, pixels.size[1], 2)}
    assert (255, 0, 0) in colors and (0, 0, 255) in colors, "the samples' images are drawn"


def render(widget, folder, formats=("svg", "png", "pdf"), **look):
    """The widget's figure drawn headless once, written in each format; their paths."""
    paths = {format: folder / f"{widget.view}.{format}" for format in formats}
    tables = widget._render_tables()
    options = {**widget.options, "selected": widget.selected, "state": widget.state}
    arguments = ["render", "--view", widget.view]
    for name, data in tables.items():
        (folder / f"{name}.arrow").write_bytes(data)
        arguments += [f"--{name}", str(folder / f"{name}.arrow")]
    (folder / "options.json").write_text(json.dumps(options), encoding="utf-8")
    (folder / "export.json").write_text(json.dumps(_render.check_export(look)), encoding="utf-8")
    arguments += ["--options", str(folder / "options.json"), "--export", str(folder / "export.json")]
    for path in paths.values():
        arguments += ["-o", str(path)]
    _render.run(arguments)
    return paths


def svg_root(path):
    return ET.parse(path).getroot()


def pixel_size(root):
    return float(root.get("width")), float(root.get("height"))


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_draws_as_svg_png_and_pdf(view, tmp_path):
    make, mark, least = VIEWS[view]
    paths = render(make(), tmp_path)
    root = svg_root(paths["svg"])
    assert root.tag == f"{SVG}svg"
    assert len(root.findall(f".//{SVG}{mark}")) >= least
    width, height = pixel_size(root)
    texts = [text for text in ("".join(t.itertext()) for t in root.iter(f"{SVG}text")) if text.strip()]
    assert texts, "a figure with no text"
    # The PNG at the default 192 dpi: two pixels a CSS pixel, and something drawn on it.
    png = Image.open(paths["png"])
    assert png.size == (round(width * 2), round(height * 2))
    assert len(png.convert("RGB").getcolors(1 << 20) or range(2)) > 2
    # The PDF: one page the figure's size (3/4 of a point a CSS pixel), its text kept as text.
    pdf = pypdf.PdfReader(paths["pdf"])
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((width * 0.75, height * 0.75), abs=0.5)
    words = pdf.pages[0].extract_text()
    assert any(text.strip() in words for text in texts[:20])


def test_publication_options_show_in_the_files(tmp_path):
    widget = rc.scalars(SCALARS, runs=RUNS.head(12), metrics=["loss"])
    look = {"width": 3.5, "unit": "in", "title": "Loss " + HOSTILE, "legend": "none", "transparent": True, "palette": "colorblind", "font_size": 9}
    paths = render(widget, tmp_path, **look)
    root = svg_root(paths["svg"])
    assert (root.get("width"), root.get("height").endswith("in")) == ("3.5in", True)
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Loss " + HOSTILE in texts
    assert not root.findall(f".//{SVG}img") and not root.findall(".//img")
    assert not [g for g in root.iter(f"{SVG}g") if "rc-legend" in (g.get("class") or "")]
    assert root.find(f"{SVG}rect") is None or root.find(f"{SVG}rect").get("fill") is None
    lines = [g for g in root.iter(f"{SVG}g") if g.get("class") == "lines"]
    strokes = {p.get("stroke") for g in lines for p in g.iter(f"{SVG}path") if p.get("stroke") not in (None, "none")}
    assert strokes and strokes <= COLORBLIND
    assert not strokes & CATEGORICAL
    # 9 px labels: the axes' 11 px scaled.
    assert {t.get("font-size") for t in root.iter(f"{SVG}text") if t.get("font-size")} >= {"9"} or root.get("font-size") == "9"
    png = Image.open(paths["png"]).convert("RGBA")
    assert png.size[0] == round(3.5 * 192)
    assert png.getpixel((png.size[0] - 1, png.size[1] - 1))[3] == 0, "a transparent figure has a transparent corner"
    box = pypdf.PdfReader(paths["pdf"]).pages[0].mediabox
    assert float(box.width) == pytest.approx(3.5 * 72, abs=0.5)


def test_dark_theme_and_centimetres(tmp_path):
    root = svg_root(render(rc.scatter(RUNS), tmp_path, ("svg",), theme="dark", width=12, unit="cm", title="Runs")["svg"])
    assert root.get("width") == "12cm"
    assert root.find(f"{SVG}rect").get("fill") == "#111111"
    assert {t.get("fill") for t in root.iter(f"{SVG}text") if t.get("fill")} & {"rgba(255, 255, 255, 0.87)"}
    title = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "rc-title")
    assert (title.text, title.get("fill")) == ("Runs", "rgba(255, 255, 255, 0.87)")


def test_a_thousand_runs_stay_under_a_megabyte(tmp_path):
    steps = 300
    runs = [f"run{i:04d}" for i in range(1000)]
    rng = np.random.default_rng(0)
    scalars = pd.DataFrame(
        {
            "run_id": np.repeat(runs, steps),
            "metric": "loss",
            "step": np.tile(np.arange(steps), len(runs)),
            "value": np.exp(-np.tile(np.arange(steps), len(runs)) / 100) + rng.normal(0, 0.05, steps * len(runs)),
        }
    )
    path = render(rc.scalars(scalars, max_points=None), tmp_path, ("svg",))["svg"]
    assert path.stat().st_size <= 1_000_000
    assert len(svg_root(path).findall(f".//{SVG}path")) >= 1000


def test_hostile_run_names_stay_text(tmp_path):
    runs = RUNS.head(3).assign(name=[HOSTILE, "b", "c"])
    root = svg_root(render(rc.parallel(runs), tmp_path, ("svg",))["svg"])
    assert not root.findall(".//img") and not root.findall(f".//{SVG}img")
    widget = rc.scalars(SCALARS[SCALARS.run_id.isin(runs.run_id)], runs=runs)
    root = svg_root(render(widget, tmp_path, ("svg",))["svg"])
    assert HOSTILE in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_bad_options_and_data_say_what_is_wrong(tmp_path):
    assert _render.check_export({"theme": None, "title": None}) == {"theme": None, "title": None}  # null: the page's theme
    with pytest.raises(rc.RunsDataError) as python:
        _render.check_export({"legend": "middle"})
    (tmp_path / "runs.arrow").write_bytes(rc.runs_to_ipc(RUNS.head(3)))
    with pytest.raises(rc.RunsDataError) as node:
        _render.run(["render", "--view", "parallel", "--runs", str(tmp_path / "runs.arrow"), "--legend", "middle", "-o", str(tmp_path / "x.svg")])
    assert str(node.value) == str(python.value) == 'legend must be one of "auto", "top", "right", "bottom", "left", "none"; got "middle".'
    with pytest.raises(rc.RunsDataError, match="font_size must be"):
        rc.parallel(RUNS).save(str(tmp_path / "x.svg"), font_size=400)
    (tmp_path / "bad.arrow").write_bytes(b"not arrow at all")
    with pytest.raises((rc.RunsDataError, RuntimeError)) as bad:
        _render.run(["render", "--view", "parallel", "--runs", str(tmp_path / "bad.arrow"), "-o", str(tmp_path / "x.svg")])
    assert "Arrow" in str(bad.value) or "arrow" in str(bad.value)
    with pytest.raises(RuntimeError, match="takes no scalars table"):
        _render.run(
            ["render", "--view", "diff", "--runs", str(tmp_path / "runs.arrow"), "--scalars", str(tmp_path / "runs.arrow"), "-o", str(tmp_path / "x.svg")]
        )
    with pytest.raises(rc.RunsDataError, match="save takes"):
        rc.parallel(RUNS).save("figure.gif")


def test_save_with_no_page_draws_headless(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget = rc.scalars(SCALARS, runs=RUNS, metrics=["accuracy"], smoothing=0.8)
    assert widget.save("fig.svg", title="Accuracy") == "fig.svg"
    root = svg_root(tmp_path / "fig.svg")
    assert "Accuracy" in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert widget.save("pdf") == "scalars.pdf"
    assert pypdf.PdfReader(tmp_path / "scalars.pdf").pages[0].extract_text().count("accuracy/") == 2
    assert widget.save("out.csv") == "out.csv"
    assert (tmp_path / "out.csv").read_text().splitlines()[0].startswith("metric,variant,run_id,name,step")
    assert widget.save("page.html") == "page.html"
    assert "<!doctype html>" in (tmp_path / "page.html").read_text()


def test_save_says_plainly_when_node_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("RUNCOMPARE_NODE", raising=False)
    with pytest.raises(RuntimeError, match="runs on Node.js 18 or newer, and no `node` is on PATH"):
        rc.parallel(RUNS).save(str(tmp_path / "x.svg"))


def test_python_m_runcompare_render(tmp_path):
    runs = tmp_path / "runs.arrow"
    pa.ipc.new_file(runs, pa.ipc.open_stream(rc.runs_to_ipc(RUNS)).schema).close()
    runs.write_bytes(rc.runs_to_ipc(RUNS))
    done = subprocess.run(
        [sys.executable, "-m", "runcompare", "render", "--view", "scatter", "--runs", str(runs), "--width", "500", "-o", str(tmp_path / "s.svg")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert svg_root(tmp_path / "s.svg").get("width") == "500"
    done = subprocess.run([sys.executable, "-m", "runcompare", "render", "--view", "nope", "-o", str(tmp_path / "s.svg")], capture_output=True, text=True)
    assert done.returncode == 1 and "unknown view" in done.stderr


def test_a_png_past_the_largest_a_browser_draws_is_refused_in_words_as_the_toolbar_refuses_it(tmp_path):
    # 2,000 bars stand 36,058 pixels tall: no scale of 1 or more fits 32,767 pixels a side.
    runs = [{"run_id": f"r{i}", "params.lr": i / 1000, "metrics.acc": i / 2000} for i in range(2000)]
    with pytest.raises(
        RuntimeError, match=r"^the view is 800 × 36,058 pixels, larger than a PNG can be drawn \(32,767 pixels a side\): save it as SVG or CSV$"
    ):
        rc.summary(runs).save(str(tmp_path / "bars.png"))
    assert not (tmp_path / "bars.png").exists()
    # Where the figure fits at its own size, the scale gives way instead: 1,000 bars at the default
    # 192 dpi (2x) would stand 36,000 pixels tall.
    path = rc.summary(runs[:1000]).save(str(tmp_path / "some.png"))
    assert 18_000 < Image.open(path).size[1] <= 32_767


def test_a_summary_of_more_bars_than_an_svg_holds_is_refused_in_words(tmp_path):
    # A bar per run and metric: 2 metrics of 10,001 runs are 20,002 bars.
    runs = [{"run_id": f"r{i}", "metrics.acc": i / 10_001, "metrics.loss": 1 - i / 10_001} for i in range(10_001)]
    message = (
        r"^the figure would hold 20,002 bars \(2 panels of up to 10,001 runs\), more than the 20,000 it draws: "
        r"show fewer metrics or runs \(the CSV holds every value\)$"
    )
    with pytest.raises(RuntimeError, match=message):
        rc.summary(runs).save(str(tmp_path / "bars.svg"))
