import { axisBottom, axisLeft, type Axis as D3Axis, type AxisScale, type Selection } from "d3";
import { drawLines, fitText, hoverTitle, surelyFits, type Measure } from "../../render/text.js";
import { drawTicks, fittedTick, numericTicks, spacedLabels, type AxisText, type Tick } from "../../render/ticks.js";
import type { Axis } from "./channels.js";
import type { Frame, PositionScale } from "./layout.js";
import type { AxisPositions } from "./positions.js";

const BAND_LABEL = "≤ 0";
/** A label's height along the y axis, and the least gap between two labels. */
const LINE_HEIGHT = 13;
const GAP = 8;
/** Pixels between x ticks d3 is asked for, and between y ticks. */
const X_TICK_SPACING = 90;
const Y_TICK_SPACING = 40;
/** The fewest pixels a category label on x gets before labels are thinned out. */
const X_CATEGORY_ROOM = 48;

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** One axis as drawn: its column, its runs' positions and its current (zoomed) scale. */
export interface DrawnAxis {
  readonly axis: Axis;
  readonly positions: AxisPositions;
  readonly scale: PositionScale;
}

/**
 * The y tick labels' room: the widest label of the unzoomed axis (a bit more, for the labels of
 * a zoom), no wider than `most`; wider labels are then shortened, in full on hover.
 */
export function yLabelRoom(y: DrawnAxis, plotHeight: number, most: number, measure: Measure): number {
  const widest = Math.max(0, ...yTicks(y, plotHeight, most, measure).map((tick) => tick.width));
  return Math.min(most, Math.max(24, widest + 8));
}

/** Draws both axes for the current (zoomed) scales, their bands, and the column titles fitted to their room. */
export function drawAxes(g: Group, f: Frame, x: DrawnAxis, y: DrawnAxis, text: AxisText) {
  g.selectAll("*").remove();
  const { plot } = f;
  const xAxis = g.append("g").attr("class", "rc-x-axis").attr("transform", `translate(0,${f.xAxisY})`);
  const xLabels = xTicks(x, plot.right - plot.left, text.tick);
  drawTicks(xAxis, generator(axisBottom, x.scale), xLabels);
  keepInside(xAxis, x.scale, xLabels, f.width);
  drawTicks(
    g.append("g").attr("class", "rc-y-axis").attr("transform", `translate(${f.yAxisX},0)`),
    generator(axisLeft, y.scale),
    yTicks(y, plot.bottom - plot.top, f.yLabelRoom, text.tick),
  );

  if (f.xBand !== null) {
    const band = g.append("g").attr("class", "rc-band").attr("transform", `translate(${f.xBand},${f.xAxisY})`);
    band.append("line").attr("y2", 6).attr("stroke", "currentColor");
    // A row below the tick labels: the band is too close to the first tick to share their row.
    band.append("text").attr("class", "rc-missing-label").attr("y", 22).attr("dy", "0.71em").attr("text-anchor", "middle").text(BAND_LABEL);
  }
  if (f.yBand !== null) {
    const band = g.append("g").attr("class", "rc-band").attr("transform", `translate(${f.yAxisX},${f.yBand})`);
    band.append("line").attr("x2", -6).attr("stroke", "currentColor");
    band.append("text").attr("class", "rc-missing-label").attr("x", -9).attr("dy", "0.32em").attr("text-anchor", "end").text(BAND_LABEL);
  }

  title(g, x.axis, (plot.left + plot.right) / 2, f.height - 6, plot.right - plot.left, text);
  title(g, y.axis, -(plot.top + plot.bottom) / 2, 14, plot.bottom - plot.top, text).attr("transform", "rotate(-90)");
}

/**
 * Said in the middle of a plot no run has a place in (every run lacks a value on one axis or the
 * other), so that the empty chart is not taken for a broken one; the status line counts the runs
 * without each value.
 */
export function drawNothingToShow(g: Group, f: Frame, x: Axis, y: Axis, measure: Measure) {
  const { plot } = f;
  const width = plot.right - plot.left;
  const lines =
    x.column === y.column ? ["No run has a value for", x.label] : ["No run has a value for both", `${x.label} and ${y.label}:`, "choose other axes"];
  const text = g
    .append("text")
    .attr("class", "rc-missing-label rc-nothing-to-show")
    .attr("text-anchor", "middle")
    .attr("x", (plot.left + plot.right) / 2)
    .attr("y", (plot.top + plot.bottom) / 2 - ((lines.length - 1) * NOTE_LINE_HEIGHT) / 2);
  drawLines(
    text.node()!,
    lines.map((line) => fitText(line, width, measure).lines[0]),
    NOTE_LINE_HEIGHT,
  );
}

const NOTE_LINE_HEIGHT = 16;

/** The x labels at the figure's edges moved in by what would stick out of it ("200,000" under the last tick). */
function keepInside(axis: Group, scale: PositionScale, ticks: readonly Tick[], width: number) {
  const halves = new Map(ticks.map((tick) => [tick.value, tick.width / 2]));
  axis.selectAll<SVGTextElement, number>(".tick text").each(function (value) {
    const at = scale(value);
    const half = halves.get(value) ?? 0;
    const shift = Math.min(0, width - 1 - (at + half)) || Math.max(0, half - at);
    if (shift) this.setAttribute("dx", String(shift));
  });
}

function generator(make: typeof axisBottom, scale: PositionScale): D3Axis<number | string> {
  return make(scale as AxisScale<number | string>).tickSizeOuter(0);
}

/** A title no longer than its axis: shortened if need be, the full name always on hover. */
function title(g: Group, axis: Axis, x: number, y: number, room: number, text: AxisText) {
  const group = g.append("g").attr("class", "rc-axis-title");
  // A short title is drawn as it is, unmeasured: the first paint then needs no bold font on the canvas.
  const shown = surelyFits(axis.label, room, text.titleSize ?? NaN) ? axis.label : fitText(axis.label, room, text.title).lines[0];
  group.append("text").attr("class", "rc-axis-label").attr("text-anchor", "middle").attr("x", x).attr("y", y).text(shown);
  hoverTitle(group.node()!, axis.column.name);
  return group;
}

/** x ticks whose labels do not touch: categories thinned to every few, numbers' labels spaced out. */
function xTicks({ axis, positions, scale }: DrawnAxis, plotWidth: number, measure: Measure): Tick[] {
  if (positions.categories.length) {
    const spacing = Math.abs(scale(1) - scale(0));
    const every = Math.max(1, Math.ceil(X_CATEGORY_ROOM / spacing));
    return visibleCategories(positions, scale, every).map((i) => fittedTick(i, positions.categories[i], spacing * every - GAP, measure));
  }
  const ticks = numericTicks(axis, scale, Math.max(2, Math.floor(plotWidth / X_TICK_SPACING)), measure);
  return spacedLabels(
    ticks,
    (value) => scale(value as number),
    (tick) => tick.width,
    GAP,
  );
}

/** y ticks whose labels are at most `room` wide and one line apart. */
function yTicks({ axis, positions, scale }: DrawnAxis, plotHeight: number, room: number, measure: Measure): Tick[] {
  if (positions.categories.length) {
    const spacing = Math.abs(scale(1) - scale(0));
    const every = Math.max(1, Math.ceil((LINE_HEIGHT + 1) / spacing));
    return visibleCategories(positions, scale, every).map((i) => fittedTick(i, positions.categories[i], room, measure));
  }
  const ticks = numericTicks(axis, scale, Math.max(2, Math.floor(plotHeight / Y_TICK_SPACING)), measure).map((tick) =>
    tick.width > room ? fittedTick(tick.value, tick.label, room, measure) : tick,
  );
  return spacedLabels(
    ticks,
    (value) => scale(value as number),
    () => LINE_HEIGHT,
    1,
  );
}

/** The indices of the categories inside the (zoomed) domain, every `every`-th one. */
function visibleCategories(positions: AxisPositions, scale: PositionScale, every: number): number[] {
  const [a, b] = scale
    .domain()
    .map(Number)
    .sort((p, q) => p - q);
  const visible: number[] = [];
  for (let i = Math.max(0, Math.ceil(a)); i <= Math.min(positions.categories.length - 1, Math.floor(b)); i++) if (i % every === 0) visible.push(i);
  return visible;
}
