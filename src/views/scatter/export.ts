import type { ScalePower } from "d3";
import type { Runs } from "../../data/runs.js";
import type { RunColors } from "../../render/color.js";
import { toCSV } from "../../render/export.js";
import { exportTheme, svgDocument, svgElement, svgLegend, type ExportTheme } from "../../render/svg.js";
import type { Channels } from "./channels.js";
import { csvValue } from "./describe.js";
import { isShown, type Frame } from "./layout.js";
import type { PlacedPoints } from "./pick.js";
import { pointAlpha } from "./points.js";
import { sizeLegendEntries } from "./size.js";

const LEGEND_ROW = 28;

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
  if (colors) legends.push(svgLegend(colors, channels.color!.label, theme, frame.width));
  if (sizeScale) legends.push(svgSizeLegend(sizeScale, channels.size!.label, theme));
  legends.forEach((legend, i) => legend.setAttribute("transform", `translate(8,${16 + i * LEGEND_ROW})`));
  const top = legends.length * LEGEND_ROW;

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
  const chart = svgElement("g", { transform: `translate(0,${top})` });
  chart.append(points, axesCopy);
  return svgDocument(frame.width, frame.height + top, theme, [...legends, chart]);
}

function svgSizeLegend(scale: ScalePower<number, number>, title: string, theme: ExportTheme): SVGGElement {
  const g = svgElement("g", { class: "size-legend" });
  const heading = svgElement("text", { "font-weight": 600, fill: theme.foreground });
  heading.textContent = title;
  g.append(heading);
  let x = 8 + title.length * 7;
  for (const { label, radius } of sizeLegendEntries(scale)) {
    g.append(svgElement("circle", { cx: x + radius, cy: -4, r: radius, fill: "none", stroke: theme.foreground }));
    const text = svgElement("text", { x: x + 2 * radius + 4, fill: theme.foreground });
    text.textContent = label;
    g.append(text);
    x += 2 * radius + 16 + label.length * 6.5;
  }
  return g;
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
