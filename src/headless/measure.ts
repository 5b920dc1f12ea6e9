import { resolveFamily, textEms } from "./fonts.js";

/**
 * Text widths with no canvas: measured with the metrics of the font a CSS font is drawn in
 * (fonts.ts: the family found, else DejaVu Sans, the font Chromium draws the views' sans-serif
 * text in on Debian), the same one the headless PNG and PDF are drawn in.
 */

/** The size in pixels, the weight and the families of a CSS font as a canvas takes it ("600 11px Times, serif"). */
export function parseFont(font: string): { size: number; bold: boolean; family: string } {
  const size = /(\d+(?:\.\d+)?)px\s*(?:\/\s*\S+\s*)?/.exec(font);
  const bold = /\b(bold|bolder|[6-9]00)\b/.test(font.slice(0, size?.index ?? font.length));
  const family = size ? font.slice(size.index + size[0].length).trim() : "";
  return { size: size ? Number(size[1]) : 10, bold, family: family || "sans-serif" };
}

/** The width in pixels of `text` in the CSS font `font`. */
export function measureText(text: string, font: string): number {
  const { size, bold, family } = parseFont(font);
  const faces = resolveFamily(family);
  return textEms(bold ? faces.bold : faces.regular, text) * size;
}
