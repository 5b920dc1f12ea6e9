import { thousands } from "../../data/thousands.js";
import { toCSV } from "../../render/export.js";
import { exportTheme, svgDocument, svgElement } from "../../render/svg.js";
import { AXIS_HEIGHT, drawAxis, drawRows, type RowsLook } from "./bars.js";
import { ROW, panelLayout } from "./layout.js";
import type { BarMetric } from "./metrics.js";
import type { DescribedComparisons } from "../../data/significance-text.js";
import { significanceLines } from "../../render/significance.js";

/** A row per run, a column per metric, the values at full precision (empty where there is none). */
export function summaryCSV(ids: readonly string[], names: readonly string[], metrics: readonly BarMetric[]): string {
  const rows = ids.map((id, run) => [id, names[run], ...metrics.map((m) => (Number.isNaN(m.values[run]) ? "" : String(m.values[run])))]);
  return toCSV(["run_id", "name", ...metrics.map((m) => m.label)], rows);
}

/**
 * Bars the SVG export (and the PNG and PDF made from it) draws at most: a panel per metric of a
 * bar per run grows as their product, and a public store's 69 metrics of 3,558 runs (245,000
 * bars) ran the headless renderer out of memory after a minute; it draws some 850 bars a second.
 */
const MAX_SVG_BARS = 20_000;
const TITLE_HEIGHT = 20;
const GAP = 16;
const PADDING = 8;
const NOTE_LINE = 15;

/**
 * Every panel with all its runs' bars (not only those scrolled into view), in a grid of panels as
 * wide as on screen, as a standalone SVG document in the view's colours.
 */
export function summarySVG(
  view: Element,
  panels: readonly { metric: BarMetric; order: Int32Array; significance: DescribedComparisons | null }[],
  look: RowsLook,
  panelWidth: number,
  longestName: number,
): string {
  const bars = panels.reduce((sum, { order }) => sum + order.length, 0);
  if (bars > MAX_SVG_BARS) {
    const runs = Math.max(...panels.map(({ order }) => order.length));
    throw new Error(
      `the figure would hold ${thousands(bars)} bars (${thousands(panels.length)} panels of up to ${thousands(runs)} runs), more than the ${thousands(MAX_SVG_BARS)} it draws: show fewer metrics or runs (the CSV holds every value)`,
    );
  }
  const theme = exportTheme(view);
  const perRow = Math.max(1, Math.min(panels.length, Math.floor((view.clientWidth || panelWidth) / (panelWidth + GAP)) || 1));
  const notes = panels.map(({ significance }) => (significance ? significanceLines(significance.base, significance.texts, panelWidth - 4, look.measure) : []));
  const heights = panels.map(({ order }, i) => TITLE_HEIGHT + AXIS_HEIGHT + order.length * ROW + notes[i].length * NOTE_LINE + (notes[i].length ? 6 : 0));
  const rowHeights: number[] = [];
  heights.forEach((height, i) => {
    const row = Math.floor(i / perRow);
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, height);
  });
  const tops = rowHeights.map((_, row) => PADDING + rowHeights.slice(0, row).reduce((sum, h) => sum + h + GAP, 0));
  const content = panels.map(({ metric, order }, i) => {
    const layout = panelLayout(panelWidth, metric.values, longestName);
    const g = svgElement("g", { transform: `translate(${PADDING + (i % perRow) * (panelWidth + GAP)},${tops[Math.floor(i / perRow)]})` });
    const title = svgElement("text", { x: 2, y: 14, "font-weight": 600, "font-size": 12 });
    title.textContent = metric.label;
    const axis = svgElement("g");
    drawAxis(axis, layout);
    axis.setAttribute("transform", `translate(0,${TITLE_HEIGHT + AXIS_HEIGHT - 1})`);
    const rows = svgElement("g", { transform: `translate(0,${TITLE_HEIGHT + AXIS_HEIGHT})` });
    drawRows(rows, layout, metric.values, order, [0, order.length], look);
    for (const mark of rows.querySelectorAll(".rc-no-bar, .rc-bar-value")) mark.setAttribute("fill", theme.muted);
    for (const faded of rows.querySelectorAll(".rc-faded")) faded.setAttribute("opacity", "0.35");
    for (const chosen of rows.querySelectorAll(".rc-selected .rc-bar-label")) chosen.setAttribute("font-weight", "700");
    for (const element of [axis, rows, ...axis.querySelectorAll("*"), ...rows.querySelectorAll("*")]) element.removeAttribute("class");
    g.append(title, axis, rows);
    const below = TITLE_HEIGHT + AXIS_HEIGHT + order.length * ROW + 6;
    notes[i].forEach((line, k) => {
      const text = svgElement("text", { x: 2, y: below + (k + 1) * NOTE_LINE - 3, "font-size": 11, fill: line.muted ? theme.muted : theme.foreground });
      text.textContent = line.text;
      g.append(text);
    });
    return g;
  });
  const width = 2 * PADDING + perRow * panelWidth + (perRow - 1) * GAP;
  const height = (tops.at(-1) ?? PADDING) + (rowHeights.at(-1) ?? 0) + PADDING;
  return svgDocument(width, height, theme, content);
}
