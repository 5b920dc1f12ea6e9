/// <reference types="node" />
import fs from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { METRICS_FAMILY } from "./measure.js";

/**
 * PNG and PDF from an exported SVG, with no browser: resvg draws the PNG, PDFKit (with
 * svg-to-pdfkit) writes the PDF with its text as text, in DejaVu Sans (the font the views were
 * measured in) where the machine has it, else in the PDF's own Helvetica.
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

/** Where Debian, Fedora and Homebrew put DejaVu Sans. */
const FONT_DIRS = [
  "/usr/share/fonts/truetype/dejavu",
  "/usr/share/fonts/dejavu-sans-fonts",
  "/usr/share/fonts/dejavu",
  "/opt/homebrew/share/fonts",
  "/usr/local/share/fonts",
];

function fontFile(name: string): string | null {
  for (const dir of FONT_DIRS) if (fs.existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  return null;
}

/** The PNG of an SVG document at `dpi` pixels per inch (96: one pixel per CSS pixel). */
export function svgToPNG(svg: string, dpi: number): Buffer {
  const { width } = svgSize(svg);
  const regular = fontFile("DejaVuSans.ttf");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.max(1, Math.round((width * dpi) / 96)) },
    font: {
      loadSystemFonts: true,
      fontFiles: [regular, fontFile("DejaVuSans-Bold.ttf")].filter((file): file is string => file !== null),
      defaultFontFamily: METRICS_FAMILY,
      sansSerifFamily: METRICS_FAMILY,
    },
  });
  return resvg.render().asPng();
}

/** A one-page PDF of an SVG document, the page the figure's size (a CSS pixel is 3/4 of a point), text kept as text. */
export function svgToPDF(svg: string): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  const points = { width: width * 0.75, height: height * 0.75 };
  const doc = new PDFDocument({ size: [points.width, points.height], margin: 0, info: { Creator: "runcompare", Producer: "runcompare (PDFKit)" } });
  const regular = fontFile("DejaVuSans.ttf");
  const bold = fontFile("DejaVuSans-Bold.ttf");
  if (regular) doc.registerFont("sans", regular);
  if (bold) doc.registerFont("sans-bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  SVGtoPDF(doc, svg, 0, 0, {
    width: points.width,
    height: points.height,
    assumePt: false,
    fontCallback: (_family, isBold) => (isBold ? (bold ? "sans-bold" : "Helvetica-Bold") : regular ? "sans" : "Helvetica"),
  });
  doc.end();
  return done;
}
