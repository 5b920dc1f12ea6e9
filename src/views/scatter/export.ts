import type { ScalePower } from "d3";
import type { Runs } from "../../data/runs.js";
import type { RunColors } from "../../render/color.js";
import { toCSV } from "../../render/export.js";
import { exportTheme, svgElement } from "../../render/svg.js";
import { legendBlock, legendEntry, svgColorLegend, svgFigure } from "../../render/svg-legend.js";
import type { Channels } from "./channels.js";
import { csvValue } from "./describe.js";
import { isShown, type Frame } from "./layout.js";
import type { PlacedPoints } from "./pick.js";
import { pointAlpha } from "./points.js";
import { sizeLegendEntries } from "./size.js";

/** What the view shows, as the exports need it. */
export interface ShownPoints {
  runs: Runs;
  channels: Channels;
  frame: Frame;
  placed: PlacedPoints;
  radii: Float32Array;
  fill: (row: number) => string;
  colors: RunColors | null;
  sizeScale: ScalePower<number, number> | null;
  /** Runs drawn in colour over the faded ones, or null when nothing is selected. */
  emphasis: Uint8Array | null;
}

/** The rows whose points are inside the current view. */
function shownRows({ frame, placed }: ShownPoints): number[] {
  return Array.from(placed.rows).filter((row) => isShown(frame, placed.xs[row], placed.ys[row]));
}

/** The chart as a standalone SVG: the legends, one circle per point shown, the axes as drawn. */
export function scatterSVG(view: Element, axes: SVGGElement, shown: ShownPoints): string {
  const { runs, channels, frame, placed, radii, fill, colors, sizeScale, emphasis } = shown;
  const theme = exportTheme(view);
  const faded = getComputedStyle(view).getPropertyValue("--rc-faded").trim() || "#d0d7de";
  const legends: SVGGElement[] = [];
  if (colors) legends.push(svgColorLegend(colors, channels.color!.label));
  if (sizeScale) legends.push(svgSizeLegend(sizeScale, channels.size!.label, theme.foreground));

  const rows = shownRows(shown);
  const alpha = pointAlpha(placed.rows.length);
  const points = svgElement("g", { class: "points", stroke: theme.background, "stroke-width": 0.75 });
  const circle = (row: number, color: string, opacity: number) => {
    const element = svgElement("circle", {
      cx: round(placed.xs[row]),
      cy: round(placed.ys[row]),
      r: round(radii[row]),
      fill: color,
      "fill-opacity": opacity.toFixed(2),
    });
    element.setAttribute("data-run-id", runs.ids[row]);
    points.append(element);
  };
  if (emphasis) for (const row of rows) if (!emphasis[row]) circle(row, faded, Math.min(0.6, alpha));
  for (const row of rows) if (!emphasis || emphasis[row]) circle(row, fill(row), alpha);

  const axesCopy = axes.cloneNode(true) as SVGGElement;
  axesCopy.querySelectorAll("title").forEach((element) => element.remove());
  axesCopy.querySelectorAll(".rc-axis-label").forEach((label) => label.setAttribute("font-weight", "600"));
  axesCopy.querySelectorAll(".rc-missing-label").forEach((label) => label.setAttribute("fill", theme.muted));
  return svgFigure(theme, { width: frame.width, height: frame.height, content: [points, axesCopy] }, legends, "top");
}

/** The size key: a circle of each size with its value. */
function svgSizeLegend(scale: ScalePower<number, number>, title: string, color: string): SVGGElement {
  const entries = sizeLegendEntries(scale).map(({ label, radius }) =>
    legendEntry([svgElement("circle", { cx: radius, cy: radius, r: radius, fill: "none", stroke: color })], 2 * radius, label, { keyHeight: 2 * radius }),
  );
  return legendBlock(title, entries, "inline");
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Each shown point's run, its x, y, colour and size values (each column once), and whether it is selected. */
export function scatterCSV(shown: ShownPoints): string {
  const { runs, channels, emphasis } = shown;
  const columns = [...new Set([channels.x.column, channels.y.column, channels.color, channels.size])].filter((c) => c !== null);
  const header = ["run_id", "name", ...columns.map((c) => c.name), "selected"];
  const rows = shownRows(shown).map((row) => [
    runs.ids[row],
    runs.names[row],
    ...columns.map((column) => csvValue(column, row)),
    emphasis ? (emphasis[row] ? "true" : "false") : "",
  ]);
  return toCSV(header, rows);
}
