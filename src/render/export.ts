/**
 * Saving what a view shows: SVG and CSV as text, PNG rasterised from the SVG. The toolbar,
 * JupyterLab's context menu and Python's `w.save()` all go through `exportView`, so a file gets
 * the same name and the view the same notice of where it went, whichever asked.
 */

import { pngScale } from "./png-size.js";
import { inPixels, inTheme, publish, type Publication } from "./publication.js";

export interface Exportable {
  exportSVG(): string;
  exportCSV(): string;
}

export type ExportFormat = "svg" | "png" | "csv";

/** Where a file went, for the notice and for whoever asked (a command returns the path). */
export interface Saved {
  /** The file's path (JupyterLab) or name (a download). */
  path: string;
  notice: string;
}

/**
 * Writes an exported file for a view shown on this page: `base` is "<view>" (the saver puts its
 * notebook's name before it) unless `name` names the whole file. The JupyterLab extension sets
 * one that writes next to the notebook; without one, the browser downloads the file.
 */
export type Saver = (view: HTMLElement, file: { base: string; extension: string; name: string | null }, content: Blob) => Promise<Saved>;

// On the global object, as the views of a page may come from more than one bundle (the
// extension's, the kernel's): the saver the extension sets reaches them all.
const SAVER = Symbol.for("runcompare.saver.v1");
const pageGlobal = globalThis as unknown as Record<symbol, Saver | undefined>;

export function setSaver(saver: Saver | undefined) {
  pageGlobal[SAVER] = saver;
}

/** A name for downloads from a page with no notebook: its file's name ("scatter" for scatter.html), else "runcompare". */
function pageName(): string {
  const file = decodeURIComponent(location.pathname.split("/").pop() ?? "");
  return /^(.+)\.html?$/.exec(file)?.[1] ?? "runcompare";
}

const downloadSaver: Saver = async (_view, { base, extension, name }, content) => {
  const file = name ?? `${pageName()}-${base}.${extension}`;
  download(file, content);
  return { path: file, notice: `Downloaded ${file}` };
};

/** The view's kind, from its class: "parallel" for .rc-view.rc-parallel. */
export function viewKind(view: Element): string {
  const kind = [...view.classList].find((name) => name.startsWith("rc-") && name !== "rc-view");
  return kind ? kind.slice(3) : "view";
}

/** PNGs are drawn at this many pixels per CSS pixel: 2 unless JupyterLab's settings say otherwise. */
export function exportScale(): number {
  const scale = Number(getComputedStyle(document.documentElement).getPropertyValue("--rc-export-scale"));
  return scale > 0 ? scale : 2;
}

/**
 * The file of a view's export. With publication options (`look`, Python's `w.save()`), its SVG is
 * drawn in their theme and dressed as they say, and its PNG drawn at their DPI.
 */
export async function exportBlob(view: Exportable, format: ExportFormat, look: Publication | null = null): Promise<Blob> {
  if (format === "csv") return csvBlob(view.exportCSV());
  if (!look) return format === "png" ? svgToPng(view.exportSVG(), exportScale()) : svgBlob(view.exportSVG());
  const drawn = inTheme(view as unknown as HTMLElement, look.theme, () => view.exportSVG());
  if (format === "svg") return svgBlob(publish(drawn, look));
  // A canvas counts in pixels: the figure's size in them, drawn at the DPI's pixels a CSS pixel.
  const inPixelsLook = { ...look, width: inPixels(look.width, look.unit), height: inPixels(look.height, look.unit), unit: "px" as const };
  return svgToPng(publish(drawn, inPixelsLook), look.dpi / 96);
}

/** Saves a file for the view through the page's saver and shows the notice in the view. */
export async function saveFile(view: HTMLElement, base: string, extension: string, content: Blob, name: string | null = null): Promise<Saved> {
  try {
    const saved = await (pageGlobal[SAVER] ?? downloadSaver)(view, { base, extension, name }, content);
    showNotice(view, saved.notice);
    return saved;
  } catch (error) {
    showNotice(view, couldNotSave(extension, error));
    throw error;
  }
}

/**
 * Exports what `source` draws as SVG, PNG or CSV for the view element `view`: named after the
 * view ("<notebook>-<base>.svg") unless `name` is given, saved, and said where.
 */
export async function exportView(
  view: HTMLElement,
  source: Exportable,
  format: ExportFormat,
  base = viewKind(view),
  name: string | null = null,
  look: Publication | null = null,
): Promise<Saved> {
  let content: Blob;
  try {
    content = await exportBlob(source, format, look);
  } catch (error) {
    showNotice(view, couldNotSave(format, error));
    throw error;
  }
  return saveFile(view, base, format, content, name);
}

const couldNotSave = (extension: string, error: unknown) =>
  `Could not save the ${extension.toUpperCase()} file: ${error instanceof Error ? error.message : String(error)}`;

/**
 * What exporting a view that shows an error does, whichever export asked (toolbar, menu,
 * `w.save()`, `view.exportSVG()`): it throws, so no file is written and the notice says why.
 */
export function failExport(error: string | null): never {
  throw new Error(`nothing to export: the view shows an error (${error ?? "no data"})`);
}

/** How long the notice of where a file went stays, in milliseconds. */
const NOTICE_MS = 8000;

/** A line in the view's toolbar (or atop the view) saying where the last file went. */
function showNotice(view: HTMLElement, text: string) {
  const root = view.closest(".rc-view") ?? view;
  let notice = root.querySelector<HTMLElement>(".rc-export-notice");
  if (!notice) {
    notice = document.createElement("span");
    notice.className = "rc-export-notice";
    notice.setAttribute("role", "status");
    const exports = root.querySelector(".rc-exports");
    if (exports) exports.after(notice);
    else root.prepend(notice);
  }
  notice.textContent = text;
  clearTimeout(Number(notice.dataset.timer));
  notice.dataset.timer = String(setTimeout(() => notice.remove(), NOTICE_MS));
}

export function download(filename: string, content: Blob) {
  const url = URL.createObjectURL(content);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const svgBlob = (svg: string) => new Blob([svg], { type: "image/svg+xml" });
export const csvBlob = (csv: string) => new Blob([csv], { type: "text/csv" });

/** An SVG document as a decoded image, with the size its root element gives. */
export async function svgImage(svg: string): Promise<{ image: HTMLImageElement; width: number; height: number }> {
  const root = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
  const image = new Image();
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    image.src = url;
    await image.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  return { image, width: Number(root.getAttribute("width")), height: Number(root.getAttribute("height")) };
}

/** A canvas's pixels encoded as `type` (quality for lossy types), or a rejection naming the browser's failure. */
export function canvasBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`the browser could not encode the ${type} image`))), type, quality),
  );
}

/**
 * Draws an SVG document onto a canvas at `ratio` times its size (2 by default: crisp on print and
 * HiDPI), or less where that would pass the largest canvas; a view too large for one at its own
 * size (the rows of 150,000 runs) is refused in words.
 */
export async function svgToPng(svg: string, ratio = 2): Promise<Blob> {
  const { image, width, height } = await svgImage(svg);
  ratio = pngScale(width, height, ratio);
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext("2d")!;
  context.scale(ratio, ratio);
  context.drawImage(image, 0, 0, width, height);
  return canvasBlob(canvas, "image/png");
}

/**
 * RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. Text a
 * spreadsheet would run as a formula is neutralised (spreadsheetSafe), headers too: every CSV
 * runcompare writes goes through here.
 */
export function toCSV(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const field = (value: unknown) => {
    const text = value === null || value === undefined ? "" : typeof value === "string" ? spreadsheetSafe(value) : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [header.map(field).join(",")];
  for (const row of rows) lines.push(row.map(field).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** A number as JavaScript writes one ("-0.5", "1e-7", "-Infinity"): a spreadsheet reads it as a number, not a formula. */
const NUMBER = /^-?(\d+(\.\d+)?(e[+-]\d+)?|Infinity)$/;

/**
 * Text that a spreadsheet opening the CSV would run as a formula (it starts with = + - @, a tab,
 * a carriage return or a NUL) with a ' in front, as OWASP's advice on CSV injection says.
 * Numbers, and text that is a number as JavaScript writes it ("-0.5"), are left as they are.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r\0]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}
