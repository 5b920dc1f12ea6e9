import { toCSV } from "../../render/export.js";
import type { RunColors } from "../../render/color.js";
import { exportTheme, svgElement } from "../../render/svg.js";
import { svgColorLegend, svgFigure } from "../../render/svg-legend.js";
import type { Runs } from "../../data/runs.js";
import type { Layout } from "./layout.js";
import { lineAlpha } from "./lines.js";

export interface ShownRuns {
  runs: Runs;
  layout: Layout;
  colors: RunColors;
  colorTitle: string;
  /** Runs drawn in colour over the faded ones, or null when nothing is selected. */
  emphasis: Uint8Array | null;
  hidden: Uint8Array;
}

/** The chart as a standalone SVG: one path per run, then the axes as drawn (without brushes and buttons). */
export function parallelSVG(view: Element, axes: SVGSVGElement, shown: ShownRuns): string {
  const { runs, layout, colors, emphasis, hidden } = shown;
  const theme = exportTheme(view);
  const faded = getComputedStyle(view).getPropertyValue("--rc-faded").trim() || "#d0d7de";
  const lines = svgElement("g", { class: "lines", fill: "none", "stroke-linejoin": "round" });
  const path = (row: number, color: string, opacity: number, width: number) => {
    const element = svgElement("path", { d: linePath(layout, row), stroke: color, "stroke-opacity": opacity.toFixed(2), "stroke-width": width });
    element.setAttribute("data-run-id", runs.ids[row]);
    lines.append(element);
  };
  const colorOf = (row: number) => (colors.paletteIndex[row] < 0 ? colors.missingColor : colors.palette[colors.paletteIndex[row]]);
  const alpha = lineAlpha(runs.count);
  for (let row = 0; row < runs.count; row++) {
    if (hidden[row]) continue;
    if (!emphasis) path(row, colorOf(row), alpha, 1.25);
    else if (!emphasis[row]) path(row, faded, Math.min(0.5, alpha), 1);
  }
  if (emphasis) {
    for (let row = 0; row < runs.count; row++) if (emphasis[row] && !hidden[row]) path(row, colorOf(row), Math.min(0.95, alpha + 0.35), 2);
  }
  const axesCopy = axes.cloneNode(true) as SVGSVGElement;
  axesCopy.querySelectorAll(".rc-brush, .rc-axis-actions, title").forEach((element) => element.remove());
  axesCopy.querySelectorAll(".rc-axis-label").forEach((label) => label.setAttribute("font-weight", "600"));
  axesCopy.querySelectorAll(".rc-missing-label").forEach((label) => label.setAttribute("fill", theme.muted));
  const content = [lines, ...(Array.from(axesCopy.childNodes) as Element[])];
  return svgFigure(theme, { width: layout.width, height: layout.height, content }, [svgColorLegend(colors, shown.colorTitle)], "top");
}

function linePath(layout: Layout, row: number): string {
  const d = layout.axes.length;
  const point = (a: number) => `${round(layout.axes[a].x)},${round(layout.ys[row * d + a])}`;
  if (d === 1) return `M${round(layout.axes[0].x - 10)},${round(layout.ys[row])}H${round(layout.axes[0].x + 10)}`;
  let path = `M${point(0)}`;
  for (let a = 1; a < d; a++) path += `L${point(a)}`;
  return path;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Each shown run's values on the axes, the colour column if it is not an axis, and whether it is selected. */
export function parallelCSV(shown: ShownRuns): string {
  const { runs, layout, colors, emphasis, hidden } = shown;
  const columns = layout.axes.map((axis) => axis.dimension.column);
  if (!columns.includes(colors.column)) columns.push(colors.column);
  const header = ["run_id", "name", ...columns.map((c) => c.name), "selected"];
  const rows: unknown[][] = [];
  for (let row = 0; row < runs.count; row++) {
    if (hidden[row]) continue;
    const values = columns.map((column) => (column.kind === "numeric" ? numberText(column.values[row]) : column.values[row]));
    rows.push([runs.ids[row], runs.names[row], ...values, emphasis ? (emphasis[row] ? "true" : "false") : ""]);
  }
  return toCSV(header, rows);
}

/** Missing is an empty field; infinities keep their sign. */
function numberText(value: number): string {
  return Number.isNaN(value) ? "" : String(value);
}
