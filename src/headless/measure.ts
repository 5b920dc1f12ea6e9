import METRICS from "./font-metrics.json" with { type: "json" };

/**
 * Text widths with no canvas: the advance widths of DejaVu Sans (scripts/font-metrics.mjs writes
 * them from the font files), the font Chromium draws the views' sans-serif text in on Debian
 * and the one the headless PNG and PDF are drawn in. A character the table lacks counts as an "x".
 */
type Weight = "regular" | "bold";
const TABLES: Record<Weight, { widths: Record<string, number>; kerning: Record<string, number>; fallback: number }> = METRICS;

/** The size in pixels and the weight of a CSS font as a canvas takes it ("600 11px sans-serif"). */
export function parseFont(font: string): { size: number; weight: Weight } {
  const size = /(\d+(?:\.\d+)?)px/.exec(font);
  const weight = /\b(bold|bolder|[6-9]00)\b/.test(font) ? "bold" : "regular";
  return { size: size ? Number(size[1]) : 10, weight };
}

/** The width in pixels of `text` in the CSS font `font`. */
export function measureText(text: string, font: string): number {
  const { size, weight } = parseFont(font);
  const { widths, kerning, fallback } = TABLES[weight];
  let em = 0;
  let previous = "";
  for (const char of text) {
    em += widths[char] ?? fallback;
    if (previous) em += kerning[previous + char] ?? 0;
    previous = char;
  }
  return em * size;
}

/** The family the metrics are of, for the PNG and PDF renderers to draw in. */
export const METRICS_FAMILY: string = METRICS.family;
