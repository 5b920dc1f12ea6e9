import { toCSV } from "../../render/export.js";
import { exportTheme, svgDocument, svgElement } from "../../render/svg.js";
import { textWidth } from "../values/text.js";
import type { BarMetric } from "./metrics.js";

/** A row per run, a column per metric, the values at full precision (empty where there is none). */
export function summaryCSV(ids: readonly string[], names: readonly string[], metrics: readonly BarMetric[]): string {
  const rows = ids.map((id, run) => [id, names[run], ...metrics.map((m) => (Number.isNaN(m.values[run]) ? "" : String(m.values[run])))]);
  return toCSV(["run_id", "name", ...metrics.map((m) => m.label)], rows);
}

const STYLE_PROPERTIES = ["fill", "fill-opacity", "stroke", "stroke-width", "opacity", "font-family", "font-size", "font-weight"];
const LEGEND_ROW = 16;
const SWATCH = 10;
const FONT_SIZE = 11;

/**
 * The chart as drawn (colours and fonts as the page's stylesheet resolved them, written onto
 * each element) with the legend of runs below it, as a standalone SVG document.
 */
export function summarySVG(view: Element, chart: SVGSVGElement, names: readonly string[], colors: readonly string[], faded: ReadonlySet<number> | null): string {
  const theme = exportTheme(view);
  const font = `${FONT_SIZE}px ${theme.font}`;
  const width = Number(chart.getAttribute("width"));
  const chartHeight = Number(chart.getAttribute("height"));
  // Legend entries flow into rows as wide as the chart.
  const rows: { name: string; run: number; x: number }[][] = [[]];
  let x = 8;
  names.forEach((name, run) => {
    const entryWidth = SWATCH + 4 + textWidth(name, font) + 12;
    if (x + entryWidth > width - 8 && rows[rows.length - 1].length) {
      rows.push([]);
      x = 8;
    }
    rows[rows.length - 1].push({ name, run, x });
    x += entryWidth;
  });

  const copy = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, copy);
  const drawing = svgElement("g");
  drawing.append(...Array.from(copy.childNodes));

  const legend = svgElement("g", { "font-size": FONT_SIZE });
  rows.forEach((row, r) => {
    const y = chartHeight + 4 + r * LEGEND_ROW;
    for (const { name, run, x: left } of row) {
      const entry = svgElement("g", faded?.has(run) ? { opacity: 0.45 } : {});
      const label = svgElement("text", { x: left + SWATCH + 4, y: y + 11 });
      label.textContent = name;
      entry.append(svgElement("rect", { x: left, y: y + 2, width: SWATCH, height: SWATCH, rx: 2, fill: colors[run] }), label);
      legend.append(entry);
    }
  });
  return svgDocument(width, chartHeight + rows.length * LEGEND_ROW + 8, theme, [drawing, legend]);
}

/** Copies each element's computed presentation onto its clone, so the copy needs no stylesheet. */
function inlineStyles(original: Element, copy: Element) {
  if (original.tagName === "title") return;
  const style = getComputedStyle(original);
  for (const property of STYLE_PROPERTIES) {
    const value = style.getPropertyValue(property);
    if (value) copy.setAttribute(property, value);
  }
  copy.removeAttribute("class");
  for (let i = 0; i < original.children.length; i++) inlineStyles(original.children[i], copy.children[i]);
}
