/// <reference types="node" />
import fs from "node:fs";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { pngScale } from "../render/png-size.js";
import { FALLBACK, resolveFamily, warnMissingFamily, type Family } from "./fonts.js";

/**
 * PNG and PDF from an exported SVG, with no browser: resvg draws the PNG, PDFKit (with
 * svg-to-pdfkit) writes the PDF with its text as text. Both draw text in the fonts the views were
 * measured in (fonts.ts: the families asked for, found on the machine, else DejaVu Sans), embedded
 * in the PDF.
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

/** Text of an XML attribute as written and as read. */
const unescape = (text: string) =>
  text.replace(/&(quot|apos|lt|gt|amp|#(\d+)|#x([\da-f]+));/gi, (_, name: string, dec?: string, hex?: string) =>
    dec
      ? String.fromCodePoint(Number(dec))
      : hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : { quot: '"', apos: "'", lt: "<", gt: ">", amp: "&" }[name.toLowerCase()]!,
  );
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * The SVG with each font-family set to the one font it is drawn in (fonts.ts), and those fonts:
 * resvg and PDFKit then draw the figure in the fonts its layout was measured in, whatever fonts
 * they would pick for a CSS list themselves.
 */
function inResolvedFonts(svg: string): { svg: string; families: Family[] } {
  const families = new Map<string, Family>([[FALLBACK, resolveFamily(FALLBACK)]]);
  const root = /<svg\b[^>]*\sfont-family="([^"]*)"/.exec(svg);
  if (root) warnMissingFamily(unescape(root[1]));
  const drawn = svg.replace(/font-family="([^"]*)"/g, (_, css: string) => {
    const family = resolveFamily(unescape(css));
    families.set(family.name, family);
    return `font-family="${escape(family.name)}"`;
  });
  return { svg: drawn, families: [...families.values()] };
}

const faceFiles = (families: readonly Family[]) => [...new Set(families.flatMap((family) => [family.regular.file, family.bold.file]))];

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

/** The PNG of an SVG document at `dpi` pixels per inch (96: one pixel per CSS pixel), or less where that would pass the largest PNG (png-size.ts). */
export async function svgToPNG(svg: string, dpi: number): Promise<Uint8Array> {
  await resvg();
  const { width, height } = svgSize(svg);
  const scale = pngScale(width, height, dpi / 96);
  const drawn = inResolvedFonts(svg);
  const renderer = new Resvg(drawn.svg, {
    // Rounded down, so the height resvg scales in proportion stays within the largest PNG too.
    fitTo: { mode: "width", value: Math.max(1, Math.floor(width * scale)) },
    font: {
      fontBuffers: faceFiles(drawn.families).map((file) => fs.readFileSync(file)),
      defaultFontFamily: FALLBACK,
      sansSerifFamily: resolveFamily("sans-serif").name,
      serifFamily: resolveFamily("serif").name,
      monospaceFamily: resolveFamily("monospace").name,
    },
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
  const drawn = inResolvedFonts(svg);
  // DejaVu from the start: PDFKit's default Helvetica loads from a file the bundle does not carry.
  const doc = new PDFDocument({
    size: [points.width, points.height],
    margin: 0,
    font: resolveFamily(FALLBACK).regular.file,
    info: { Creator: "runcompare", Producer: "runcompare (PDFKit)" },
  });
  // Each face by its file, registered once: the fonts PDFKit embeds (as subsets).
  const files = faceFiles(drawn.families);
  files.forEach((file, i) => doc.registerFont(`face${i}`, fs.readFileSync(file)));
  const faceOf = (family: string, bold: boolean) => {
    const faces = resolveFamily(family);
    const i = files.indexOf((bold ? faces.bold : faces.regular).file);
    return `face${i < 0 ? Number(bold) : i}`;
  };
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  SVGtoPDF(doc, drawn.svg, 0, 0, {
    width: points.width,
    height: points.height,
    assumePt: false,
    fontCallback: (family, isBold) => faceOf(family, isBold),
  });
  doc.end();
  return done;
}
