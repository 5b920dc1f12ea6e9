import { axisBottom, axisLeft, format, scaleLinear, scaleLog, scaleUtc, type ScaleLinear, type ScaleLogarithmic, type ScaleTime, type Selection } from "d3";
import { estimateWidth } from "../../render/text.js";
import type { XAxis, YScale } from "./options.js";

export const MARGIN = { top: 8, right: 14, bottom: 26, left: 54 };

export type XScale = ScaleLinear<number, number> | ScaleTime<number, number>;
export type YScaleFn = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

/** Pixel mapping without d3's per-call overhead, for the million points of a frame. */
export interface Mapping {
  x(value: number): number;
  y(value: number): number;
}

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly xScale: XScale;
  readonly yScale: YScaleFn;
  /** The x scale's domain as numbers (epoch ms on a wall-clock axis). */
  readonly xDomain: [number, number];
  readonly kind: XAxis;
  readonly map: Mapping;
  /** Outliers were left out of the y domain: points beyond it are marked at the plot's edge. */
  readonly clipped: boolean;
}

/** Where a chart of this width puts its plot area, in CSS pixels. */
function plotSpan(width: number): [number, number] {
  return [MARGIN.left, Math.max(MARGIN.left + 10, width - MARGIN.right)];
}

/** The device-pixel columns of a chart's plot area: the x resolution lines are reduced to. */
export function plotColumns(width: number, ratio: number): number {
  const [left, right] = plotSpan(width);
  return Math.max(1, Math.round((right - left) * ratio));
}

export function makeFrame(width: number, height: number, kind: XAxis, y: YScale, xDomain: [number, number], yDomain: [number, number], clipped = false): Frame {
  const [, right] = plotSpan(width);
  const top = MARGIN.top;
  const bottom = Math.max(top + 10, height - MARGIN.bottom);
  const yScale = y === "log" ? scaleLog(yDomain, [bottom, top]) : scaleLinear(yDomain, [bottom, top]);
  const left = yAxisLeft(yScale, yTickCount(top, bottom), width);
  const xScale = kind === "wall" ? scaleUtc([new Date(xDomain[0]), new Date(xDomain[1])], [left, right]) : scaleLinear(xDomain, [left, right]);
  const kx = (right - left) / (xDomain[1] - xDomain[0] || 1);
  const map: Mapping = {
    x: (v) => left + (v - xDomain[0]) * kx,
    y: y === "log" ? logMap(yDomain, bottom, top) : linearMap(yDomain, bottom, top),
  };
  return { width, height, left, right, top, bottom, xScale, yScale, xDomain, kind, map, clipped };
}

/** Room beside the y axis' labels: its ticks and the gap d3 leaves (6 + 3 pixels), and a little more. */
const Y_TICK_ROOM = 12;

/**
 * Where the plot area starts: the usual margin, or further right when the y labels need more
 * room (a large value that barely changes, 1,234,567.15), up to a third of the chart. Estimated,
 * not measured: axis labels are digits, of about the same width in every font.
 */
function yAxisLeft(yScale: YScaleFn, ticks: number, width: number): number {
  if ("base" in yScale) return MARGIN.left;
  const label = yTickFormat(yScale, ticks);
  const widest = Math.max(0, ...yScale.ticks(ticks).map((tick) => estimateWidth(label(tick))));
  return Math.round(Math.max(MARGIN.left, Math.min(width / 3, widest + Y_TICK_ROOM)));
}

function linearMap([d0, d1]: [number, number], bottom: number, top: number) {
  const k = (top - bottom) / (d1 - d0 || 1);
  return (v: number) => bottom + (v - d0) * k;
}

/** Values at or below zero have no place on a log axis: NaN, drawn as a gap. */
function logMap([d0, d1]: [number, number], bottom: number, top: number) {
  const l0 = Math.log(d0);
  const k = (top - bottom) / (Math.log(d1) - l0 || 1);
  return (v: number) => (v > 0 ? bottom + (Math.log(v) - l0) * k : NaN);
}

/** Draws both axes and the horizontal grid lines into a group. */
export function drawAxes(g: Selection<SVGGElement, unknown, null, undefined>, frame: Frame) {
  g.selectAll("*").remove();
  const xTicks = Math.max(2, Math.floor((frame.right - frame.left) / 80));
  const yTicks = yTickCount(frame.top, frame.bottom);
  const grid = g.append("g").attr("class", "rc-grid");
  for (const tick of frame.yScale.ticks(yTicks)) {
    const y = frame.yScale(tick);
    grid.append("line").attr("x1", frame.left).attr("x2", frame.right).attr("y1", y).attr("y2", y);
  }
  const x = g.append("g").attr("class", "rc-x-axis").attr("transform", `translate(0,${frame.bottom})`);
  x.call(xAxis(frame, xTicks));
  const y = g.append("g").attr("class", "rc-y-axis").attr("transform", `translate(${frame.left},0)`);
  y.call(yAxis(frame, yTicks));
}

function xAxis(frame: Frame, ticks: number) {
  if (frame.kind === "wall") return axisBottom(frame.xScale as ScaleTime<number, number>).ticks(ticks);
  const scale = frame.xScale as ScaleLinear<number, number>;
  if (frame.kind === "step") {
    // Steps are counted in whole reports: a narrow range (one step) shows whole steps, not "500m".
    const values = scale.ticks(ticks);
    const whole = values.filter(Number.isInteger);
    return axisBottom(scale)
      .tickValues(whole.length >= 2 ? whole : values)
      .tickFormat((v) => stepTick(v as number));
  }
  const [d0, d1] = scale.domain();
  const unit = durationUnit(d1 - d0);
  const values = scaleLinear([d0 / unit.ms, d1 / unit.ms], [0, 1])
    .ticks(ticks)
    .map((v) => v * unit.ms);
  return axisBottom(scale)
    .tickValues(values)
    .tickFormat((v) => formatDuration(v as number, unit));
}

const siFormat = format("~s");
/** Steps in SI units (2.5k, 1M), and zero as "0" rather than "0k". */
function stepTick(value: number): string {
  return value === 0 ? "0" : siFormat(value);
}

const yTickCount = (top: number, bottom: number) => Math.max(2, Math.floor((bottom - top) / 36));

function yAxis(frame: Frame, ticks: number) {
  if ("base" in frame.yScale) return axisLeft(frame.yScale).ticks(ticks, "~g");
  const label = yTickFormat(frame.yScale, ticks);
  return axisLeft(frame.yScale)
    .ticks(ticks)
    .tickFormat((v) => label(v as number));
}

/**
 * A linear y axis' labels, at the precision the ticks' step needs so that no two read the same
 * (1234567.1 and 1234567.15, not 1.23457e+6 twice): SI prefixes for whole ticks from 10,000 up
 * (120k, 1.5M, as the x axis writes steps), exponents for ticks all below 0.0001 (2.5e-7), else
 * decimals (0.00012, 1.5, 1990).
 */
export function yTickFormat(scale: ScaleLinear<number, number>, count: number): (value: number) => string {
  const ticks = scale.ticks(count);
  const largest = Math.max(...ticks.map(Math.abs));
  const form = ticks.every(Number.isInteger) && largest >= 1e4 ? "~s" : largest < 1e-4 ? "~e" : "~f";
  const label = scale.tickFormat(count, form);
  // d3 gives zero the prefix of the largest tick ("0k"): zero is 0 in any unit.
  return (value) => (value === 0 ? "0" : label(value));
}

interface DurationUnit {
  ms: number;
  suffix: string;
}

const UNITS: DurationUnit[] = [
  { ms: 1, suffix: "ms" },
  { ms: 1000, suffix: "s" },
  { ms: 60_000, suffix: "min" },
  { ms: 3_600_000, suffix: "h" },
  { ms: 86_400_000, suffix: "d" },
];

/** The largest unit of which the span holds at least two. */
export function durationUnit(spanMs: number): DurationUnit {
  let chosen = UNITS[0];
  for (const unit of UNITS) if (spanMs >= 2 * unit.ms) chosen = unit;
  return chosen;
}

const number = format("~r");
export function formatDuration(ms: number, unit = durationUnit(Math.abs(ms))): string {
  return `${number(+(ms / unit.ms).toPrecision(6))} ${unit.suffix}`;
}
