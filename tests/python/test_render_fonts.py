"""Fonts and LaTeX for the headless renderer's figures: the family asked for is the one the
figure is laid out, drawn (PNG) and embedded (PDF) in, read back with pypdf and measured with
Pillow's FreeType; a family not installed warns once and falls back to DejaVu Sans; and a PDF of
1,000 runs x 10,000 steps goes into a LaTeX document (pdflatex, `\\includegraphics`)."""

import shutil
import subprocess
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pypdf
import pytest
import runcompare as rc
from PIL import Image, ImageFont
from runcompare import _render

pytestmark = pytest.mark.skipif(not _render.RENDERER.is_file(), reason="the headless renderer is built by `make build`")

SVG = "{http://www.w3.org/2000/svg}"
RUNS, SCALARS = (table.to_pandas() for table in rc.examples.sweep())
LIBERATION_SERIF = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def pdf_fonts(path):
    """The base names of the fonts a PDF embeds, their subset prefixes cut ("ABCDEF+LiberationSerif")."""
    names = set()
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")), "the font is embedded"
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


def legend_right(widget, folder, family):
    """The parallel figure with its legend on the right, in `family`: the SVG's root and the PDF's fonts."""
    svg, pdf = folder / f"{family[:5]}.svg", folder / f"{family[:5]}.pdf"
    widget.save(str(svg), legend="right", font_family=family)
    widget.save(str(pdf), legend="right", font_family=family)
    return ET.parse(svg).getroot(), pdf_fonts(pdf)


def test_a_named_family_is_measured_drawn_and_embedded_in_it(tmp_path):
    widget = rc.parallel(RUNS, color="optimizer")
    serif, serif_fonts = legend_right(widget, tmp_path, "Times New Roman, serif")
    sans, sans_fonts = legend_right(widget, tmp_path, "sans-serif")
    # Times New Roman is drawn in Liberation Serif, the free font of its metrics (fonts-liberation).
    assert "LiberationSerif" in serif_fonts and not any("DejaVu" in name for name in serif_fonts)
    assert sans_fonts and all("DejaVu" in name for name in sans_fonts)
    # The legend beside the drawing is as wide as its longest label in the font: measured with
    # FreeType (Pillow), the figures differ by what the two fonts' widths of it differ.
    assert "adam" in [t.text for t in serif.iter(f"{SVG}text")]
    widths = {name: ImageFont.truetype(path, 11).getlength("adam") for name, path in (("serif", LIBERATION_SERIF), ("sans", DEJAVU))}
    bold = {"serif": LIBERATION_SERIF.replace("Regular", "Bold"), "sans": DEJAVU.replace("Sans.ttf", "Sans-Bold.ttf")}
    heading = {name: ImageFont.truetype(path, 11).getlength("optimizer") for name, path in bold.items()}
    grow = max(widths["sans"] + 14, heading["sans"]) - max(widths["serif"] + 14, heading["serif"])
    assert float(sans.get("width")) - float(serif.get("width")) == pytest.approx(grow, abs=1.5)


def test_a_family_not_installed_warns_and_falls_back(tmp_path):
    widget = rc.scatter(RUNS)
    with pytest.warns(UserWarning, match=r'font family "No Such Font" is not installed here; drawing in DejaVu Sans\. The families found: .*Liberation Serif'):
        widget.save(str(tmp_path / "x.pdf"), font_family="No Such Font")
    assert pdf_fonts(tmp_path / "x.pdf") <= {"DejaVuSans", "DejaVuSans-Bold"}
    # The SVG keeps the family asked for, as text: a viewer that has it draws it.
    widget.save(str(tmp_path / "x.svg"), font_family="No Such Font")
    assert ET.parse(tmp_path / "x.svg").getroot().get("font-family") == "No Such Font"


def test_latin_modern_draws_the_png_in_it(tmp_path):
    if not any("Latin Modern Roman" in line for line in subprocess.run(["fc-list"], capture_output=True, text=True).stdout.splitlines()):
        pytest.skip("fonts-lmodern is not installed")
    widget = rc.scatter(RUNS)
    widget.save(str(tmp_path / "lm.pdf"), font_family="Latin Modern Roman")
    assert any(name.startswith("LMRoman") for name in pdf_fonts(tmp_path / "lm.pdf"))
    widget.save(str(tmp_path / "lm.png"), font_family="Latin Modern Roman", dpi=96)
    widget.save(str(tmp_path / "dv.png"), dpi=96)
    a, b = Image.open(tmp_path / "lm.png").convert("L"), Image.open(tmp_path / "dv.png").convert("L")
    assert a.size == b.size
    differing = int((np.abs(np.asarray(a, dtype=int) - np.asarray(b, dtype=int)) > 64).sum())
    assert differing > 200, "the labels are drawn in another font"


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is installed by `make test-python` (texlive-latex-base)")
def test_a_thousand_runs_by_ten_thousand_steps_go_into_latex(tmp_path):
    runs, steps = 1000, 10_000
    rng = np.random.default_rng(1)
    step = np.tile(np.arange(steps, dtype=np.int64), runs)
    scalars = pd.DataFrame(
        {
            "run_id": pd.Categorical(np.repeat([f"run{i:04d}" for i in range(runs)], steps)),
            "metric": pd.Categorical(["loss"] * (runs * steps)),
            "step": step,
            "value": np.exp(-step / 3000) + rng.normal(0, 0.02, runs * steps),
        }
    )
    figure = tmp_path / "loss.pdf"
    rc.scalars(scalars, max_points=None).save(str(figure), width=3.5, unit="in", font_family="serif", legend="none")
    assert figure.stat().st_size < 1_000_000
    page = pypdf.PdfReader(figure).pages[0]
    assert (float(page.mediabox.width), round(float(page.mediabox.height))) >= (3.5 * 72 - 0.5, 1)
    assert pdf_fonts(figure) and all("Serif" in name for name in pdf_fonts(figure))
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\n\\usepackage{graphicx}\n\\begin{document}\n"
        "\\begin{figure}\\centering\\includegraphics[width=\\linewidth]{loss.pdf}\\caption{Loss.}\\end{figure}\n"
        "\\end{document}\n"
    )
    done = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:]
    paper = pypdf.PdfReader(tmp_path / "paper.pdf")
    assert len(paper.pages) == 1
    # The figure is in the paper as a form of vector paths, its fonts with it.
    xobjects = paper.pages[0]["/Resources"]["/XObject"]
    form = next(iter(xobjects.values())).get_object()
    assert form["/Subtype"] == "/Form"
    assert "Loss." in paper.pages[0].extract_text()
