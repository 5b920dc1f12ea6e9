/// <reference types="node" />
import fs from "node:fs";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { METRICS_FAMILY } from "./measure.js";

/**
 * PNG and PDF from an exported SVG, with no browser: resvg draws the PNG, PDFKit (with
 * svg-to-pdfkit) writes the PDF with its text as text. Both draw text in DejaVu Sans, the font the
 * views were measured in (measure.ts), embedded in the PDF.
 */

/** CSS pixels per unit of an SVG length. */
const UNITS: Record<string, number> = { "": 1, px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, pt: 96 / 72 };

/** The outer size of an SVG document in CSS pixels, from its root's width and height. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const length = (name: string) => {
    const match = new RegExp(`\\s${name}="([\\d.]+)(px|in|cm|mm|pt)?"`).exec(root);
    if (!match) throw new Error(`the SVG has no ${name}`);
    return Number(match[1]) * UNITS[match[2] ?? ""];
  };
  return { width: length("width"), height: length("height") };
}

/**
 * The fonts the figures are drawn in: DejaVu Sans, which the build puts in fonts/ beside the
 * bundle (dist/, and the Python package's static/), else the machine's (Debian's
 * fonts-dejavu-core, as when running from lib/ in the repository).
 */
const FONT_DIRS = [new URL("fonts/", import.meta.url).pathname, "/usr/share/fonts/truetype/dejavu/"];

function fontFile(name: string): string | null {
  for (const dir of FONT_DIRS) if (fs.existsSync(dir + name)) return dir + name;
  return null;
}

function fontFiles(): { regular: string; bold: string } {
  const [regular, bold] = [fontFile("DejaVuSans.ttf"), fontFile("DejaVuSans-Bold.ttf")];
  if (!regular || !bold)
    throw new Error(`DejaVu Sans is missing (looked in ${FONT_DIRS.join(", ")}): rebuild runcompare, or install the fonts-dejavu-core package`);
  return { regular, bold };
}

/** resvg's WebAssembly (no native binary, so one bundle serves every platform), which the build puts beside the bundle. */
let resvgReady: Promise<void> | null = null;
function resvg(): Promise<void> {
  resvgReady ??= (async () => {
    const file = new URL("resvg.wasm", import.meta.url).pathname;
    if (!fs.existsSync(file)) throw new Error(`resvg's WebAssembly is missing (${file}): rebuild runcompare (make build)`);
    await initWasm(fs.readFileSync(file));
  })();
  return resvgReady;
}

/** The PNG of an SVG document at `dpi` pixels per inch (96: one pixel per CSS pixel), its text in DejaVu Sans. */
export async function svgToPNG(svg: string, dpi: number): Promise<Uint8Array> {
  await resvg();
  const { width } = svgSize(svg);
  const { regular, bold } = fontFiles();
  const renderer = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.max(1, Math.round((width * dpi) / 96)) },
    font: { fontBuffers: [fs.readFileSync(regular), fs.readFileSync(bold)], defaultFontFamily: METRICS_FAMILY, sansSerifFamily: METRICS_FAMILY },
  });
  try {
    return renderer.render().asPng();
  } finally {
    renderer.free();
  }
}

/** A one-page PDF of an SVG document, the page the figure's size (a CSS pixel is 3/4 of a point), text kept as text. */
export function svgToPDF(svg: string): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  const points = { width: width * 0.75, height: height * 0.75 };
  const { regular, bold } = fontFiles();
  // DejaVu from the start: PDFKit's default Helvetica loads from a file the bundle does not carry.
  const doc = new PDFDocument({
    size: [points.width, points.height],
    margin: 0,
    font: regular,
    info: { Creator: "runcompare", Producer: "runcompare (PDFKit)" },
  });
  doc.registerFont("sans", fs.readFileSync(regular));
  doc.registerFont("sans-bold", fs.readFileSync(bold));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  SVGtoPDF(doc, svg, 0, 0, {
    width: points.width,
    height: points.height,
    assumePt: false,
    fontCallback: (_family, isBold) => (isBold ? "sans-bold" : "sans"),
  });
  doc.end();
  return done;
}
