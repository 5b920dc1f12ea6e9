import { pathRound, select } from "d3";
import { toCSV } from "../../render/export.js";
import { svgElement, type ExportTheme } from "../../render/svg.js";
import { legendBlock, svgFigure, swatchEntries } from "../../render/svg-legend.js";
import { drawAxes, makeFrame } from "./axes.js";
import type { Chart } from "./chart.js";
import { ClippedMarks, DASHES, batches, lineAlpha, lineWidths, segmentCount, traceBand, traceSeries, type LineLook } from "./draw.js";
import type { LegendEntry, Line } from "./model.js";
import type { Settings } from "./options.js";
import { ReducedLines } from "./reduced.js";

const TITLE_HEIGHT = 20;
const GAP = 12;
/** Vector output is reduced at twice the screen's columns, so it stays sharp when enlarged. */
const COLUMN_DENSITY = 2;
/**
 * Points a file's paths hold at most, over every chart: about 600 kB of path data, so a figure
 * of 1,000 runs stays under 1 MB and goes into a LaTeX paper (W&B's SVG of such a plot is
 * megabytes). Past it, each line's columns narrow (never below MIN_COLUMNS), and the faint raw
 * layer under smoothed lines is left out first: under a thousand overlapping lines it shows nothing.
 */
const POINT_BUDGET = 50_000;
const MIN_COLUMNS = 12;
/** Points a min/max reduction keeps per column at most (first, min, max, last). */
const POINTS_PER_COLUMN = 4;

/**
 * The charts as one standalone SVG document, laid out as on screen: each chart's axes, band
 * polygons and every series as its own path (raw under smoothed), then a legend of the runs
 * shown, as many as a legend lists and how many more (svg-legend.ts lays it out). Colours and fonts are written on the elements, so the file looks the same anywhere.
 */
export function chartsToSVG(
  charts: readonly Chart[],
  settings: Settings,
  look: LineLook,
  entries: readonly LegendEntry[],
  theme: ExportTheme,
  viewWidth: number,
): string {
  const chartWidth = charts[0]?.frame?.width ?? 400;
  const perRow = Math.max(1, Math.floor((viewWidth + GAP) / (chartWidth + GAP)));
  const cellHeight = TITLE_HEIGHT + settings.height;
  const rows = Math.ceil(charts.length / perRow);
  const width = Math.max(chartWidth, Math.min(charts.length, perRow) * (chartWidth + GAP) - GAP);
  const height = rows * (cellHeight + GAP) - GAP;

  const shown = charts.flatMap((chart) => chart.lines.filter((line) => look.shown(line.entry)));
  // The points the paths would hold at the screen's columns: most figures fit the budget as they are.
  const unbudgeted = shown.reduce((sum, line) => sum + Math.min(line.x.length, chartWidth * COLUMN_DENSITY * POINTS_PER_COLUMN), 0) * (look.raw ? 2 : 1);
  const lines = Math.max(1, shown.length);
  if (unbudgeted > POINT_BUDGET && look.raw && 2 * lines * MIN_COLUMNS * POINTS_PER_COLUMN > POINT_BUDGET) look = { ...look, raw: false };
  const columnBudget =
    unbudgeted <= POINT_BUDGET ? Infinity : Math.max(MIN_COLUMNS, Math.floor(POINT_BUDGET / (lines * (look.raw ? 2 : 1) * POINTS_PER_COLUMN)));
  const content: Element[] = charts.map((chart, i) => {
    const g = svgElement("g", { class: "chart", transform: `translate(${(i % perRow) * (chartWidth + GAP)},${Math.floor(i / perRow) * (cellHeight + GAP)})` });
    const title = svgElement("text", { x: 4, y: 14, "font-weight": 600, "font-size": 12 });
    title.textContent = chart.spec.title;
    const plot = svgElement("g", { transform: `translate(0,${TITLE_HEIGHT})` });
    chartToSVG(plot, chart, chartWidth, settings, look, theme, `rc-clip-${i}`, columnBudget);
    g.append(title, dashKeys(chart, 12 + chart.spec.title.length * 7.5, theme), plot);
    return g;
  });
  const legend = legendBlock(null, swatchEntries(entries.filter((entry) => look.shown(entry))));
  return svgFigure(theme, { width, height, content }, [legend], "bottom");
}

/** For a chart of several variants: a sample of each variant's dash pattern and its name. */
function dashKeys(chart: Chart, left: number, theme: ExportTheme): SVGGElement {
  const g = svgElement("g", { class: "dash-keys", transform: `translate(${left},0)` });
  const variants = new Map(chart.lines.filter((line) => line.variant !== null).map((line) => [line.variant!, line.dash]));
  let x = 0;
  for (const [variant, dash] of variants) {
    const sample = svgElement("line", { x1: x, x2: x + 20, y1: 10, y2: 10, stroke: theme.muted, "stroke-width": 1.5 });
    if (DASHES[dash % DASHES.length].length) sample.setAttribute("stroke-dasharray", DASHES[dash % DASHES.length].join(" "));
    const label = svgElement("text", { x: x + 24, y: 14, fill: theme.muted });
    label.textContent = variant;
    g.append(sample, label);
    x += 36 + variant.length * 6.5;
  }
  return g;
}

function chartToSVG(g: SVGGElement, chart: Chart, width: number, settings: Settings, look: LineLook, theme: ExportTheme, clipId: string, maxColumns: number) {
  const live = chart.frame;
  const frame = live
    ? makeFrame(
        width,
        settings.height,
        settings.x,
        settings.y,
        live.xScale.domain().map(Number) as [number, number],
        live.yScale.domain() as [number, number],
        live.clipped,
      )
    : makeFrame(width, settings.height, settings.x, settings.y, [0, 1], [0, 1]);
  const axes = select(svgElement("g", { class: "axes" }));
  drawAxes(axes, frame);
  axes.selectAll(".rc-grid line").attr("stroke", theme.muted).attr("stroke-opacity", 0.25);
  axes.selectAll("text").attr("fill", theme.foreground);
  const clip = svgElement("clipPath", { id: clipId });
  clip.append(svgElement("rect", { x: frame.left, y: frame.top, width: frame.right - frame.left, height: frame.bottom - frame.top }));
  const lines = svgElement("g", { class: "lines", "clip-path": `url(#${clipId})`, fill: "none", "stroke-linejoin": "round", "stroke-linecap": "round" });
  g.append(axes.node()!, clip, lines);
  const shown = chart.lines.filter((line) => look.shown(line.entry));
  const emphasised = (line: Line) => !look.emphasis || look.emphasis.has(line.entry);
  const [front, back] = look.emphasis ? [shown.filter(emphasised), shown.filter((l) => !emphasised(l))] : [shown, []];
  const alpha = lineAlpha(shown.length);
  const full = Math.round((frame.right - frame.left) * COLUMN_DENSITY);
  const columns = Math.min(maxColumns, full);
  // Lines narrowed for size: past a pixel's tenth, decimals add bytes and nothing seen.
  const digits = columns < full ? 1 : 2;
  const reduced = new ReducedLines();
  reduced.setFrame(frame.xDomain, columns, look.reduce);

  for (const line of front) {
    if (!line.low || !line.high) continue;
    const pen = pathRound(2);
    traceBand(pen, line.x, line.low, line.high, frame);
    lines.append(svgElement("path", { d: pen.toString(), fill: line.entry.color, "fill-opacity": 0.16, stroke: "none" }));
  }
  const paths = (
    subset: readonly Line[],
    values: (line: Line) => Float64Array,
    color: (line: Line) => string,
    width: number,
    opacity: number,
    dashes: boolean,
  ) => {
    for (const batch of batches(subset, color, dashes)) {
      const clipped = frame.clipped ? new ClippedMarks() : null;
      for (const line of batch.lines) {
        const pen = pathRound(digits);
        traceSeries(pen, line.x, values(line), reduced.of(line, values(line)), frame);
        clipped?.addBeyond(line.x, values(line), reduced.of(line, values(line)), frame);
        const d = pen.toString();
        if (!d) continue;
        const path = svgElement("path", { d, stroke: batch.color, "stroke-width": width, "stroke-opacity": +opacity.toFixed(3) });
        if (batch.dash.length) path.setAttribute("stroke-dasharray", batch.dash.join(" "));
        const title = svgElement("title");
        title.textContent = line.variant === null ? line.entry.label : `${line.entry.label} · ${line.variant}`;
        path.append(title);
        lines.append(path);
      }
      if (clipped?.count) {
        const pen = pathRound(2);
        clipped.trace(pen, frame);
        const marks = svgElement("path", {
          class: "clipped",
          d: pen.toString(),
          fill: batch.color,
          "fill-opacity": +Math.max(0.6, opacity).toFixed(3),
          stroke: "none",
        });
        const title = svgElement("title");
        title.textContent = "values beyond the axis (outliers left out of its range)";
        marks.append(title);
        lines.append(marks);
      }
    }
  };
  const faded = () => look.faded;
  const colorOf = (line: Line) => line.entry.color;
  // Vector lines keep the screen's widths at a pixel ratio of 2, where hairlines are half a pixel.
  const widths = lineWidths(segmentCount(front, columns), 2, look.emphasis !== null);
  if (look.raw) {
    paths(back, (l) => l.raw, faded, widths.thin, 0.35 * alpha, false);
    paths(front, (l) => l.raw, colorOf, widths.thin, 0.3 * alpha, false);
  }
  paths(back, (l) => l.smoothed, faded, widths.thin, Math.min(0.8, alpha), true);
  paths(front, (l) => l.smoothed, colorOf, widths.main, look.emphasis ? 1 : alpha, true);
}

/**
 * The series shown, in long format, one row per point: every chart that passes the filter, every
 * run (or group) not hidden, all of its points (not only the zoomed range). Runs give
 * metric,variant,run_id,name,step,[time,]value,smoothed; groups give
 * metric,variant,group,runs,step,[time,]value,smoothed,low,high, where runs counts the runs
 * with a value at that step and low/high is the band.
 */
export function chartsToCSV(charts: readonly Chart[], look: LineLook, grouped: boolean): string {
  const lines = new Map<string, Line>();
  for (const chart of charts) for (const line of chart.lines) if (look.shown(line.entry)) lines.set(line.key, line);
  const withTime = [...lines.values()].some((line) => line.times);
  const header = grouped
    ? ["metric", "variant", "group", "runs", "step", ...(withTime ? ["time"] : []), "value", "smoothed", "low", "high"]
    : ["metric", "variant", "run_id", "name", "step", ...(withTime ? ["time"] : []), "value", "smoothed"];
  const rows: unknown[][] = [];
  for (const line of lines.values()) {
    const { series, entry } = line;
    for (let i = 0; i < line.steps.length; i++) {
      const time = withTime ? [line.times && Number.isFinite(line.times[i]) ? new Date(line.times[i]).toISOString() : ""] : [];
      const who = grouped ? [entry.label, line.counts?.[i]] : [entry.runs[0], entry.label];
      const band = grouped ? [numberText(line.low?.[i]), numberText(line.high?.[i])] : [];
      rows.push([series.metric, series.variant, ...who, line.steps[i], ...time, numberText(line.raw[i]), numberText(line.smoothed[i]), ...band]);
    }
  }
  return toCSV(header, rows);
}

/** NaN (a gap, or no band) is an empty field; infinities keep their sign. */
function numberText(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? "" : String(value);
}
