import { scaleLinear, scaleLog, scaleUtc, type ScaleLinear, type ScaleLogarithmic, type ScaleTime } from "d3";
import type { Axis } from "./channels.js";
import { IN_BAND, ON_AXIS, type AxisPositions } from "./positions.js";

const MARGIN = { top: 12, right: 20, bottom: 42 };
/** Left of the y tick labels: the rotated y title and a gap. */
const Y_TITLE_BAND = 22;
/** From an axis to its tick labels' far end: d3's tick (6) and padding (3). */
const TICK_REACH = 9;
/** Below the x axis, the row of the x band's label when there is one. */
const X_BAND_ROW = 14;
/** Room between an axis and the plot: a small pad, or a band for values a log axis cannot place. */
const PAD = 8;
const BAND = 30;
/**
 * Points show this far past the plot's edges, so extreme values are not cut: at least their
 * largest radius and its outline, and then the pad keeps them off the axis lines.
 */
const EDGE = 7;
/** Half the width of a band's strip, at least. */
const BAND_HALF = 6;
/** Past a point's radius, before rounding up to a whole pixel: its outline's half width (0.375 px) and antialiasing. */
const POINT_FRINGE = 1;

/** Continuous scales only, so d3-zoom can rescale every axis (categories sit at their index). */
export type PositionScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number> | ScaleTime<number, number>;

/** Rectangles in CSS pixels: the axes at the outer edges, the bands between them and the plot. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  /** The plot, where zoom and pan apply. */
  readonly plot: { left: number; right: number; top: number; bottom: number };
  /** Where the x axis line runs (y) and the y axis line (x). */
  readonly xAxisY: number;
  readonly yAxisX: number;
  /** The centre of each band, or null when no run needs one. */
  readonly xBand: number | null;
  readonly yBand: number | null;
  /** How wide the y tick labels may be. */
  readonly yLabelRoom: number;
  /** How far past the plot's edges points show, and half a band's strip. */
  readonly edge: number;
  readonly bandHalf: number;
}

/**
 * The frame for a view `width` by `height`, with `yLabelRoom` pixels for the y tick labels and
 * points of radius up to `largestRadius`.
 */
export function frame(width: number, height: number, x: AxisPositions, y: AxisPositions, yLabelRoom: number, largestRadius: number): Frame {
  const reach = Math.ceil(largestRadius + POINT_FRINGE);
  const edge = Math.max(EDGE, reach);
  const pad = Math.max(PAD, edge + 1);
  const yAxisX = Y_TITLE_BAND + yLabelRoom + TICK_REACH;
  const xAxisY = height - MARGIN.bottom - (x.hasBand ? X_BAND_ROW : 0);
  const plot = {
    left: yAxisX + (x.hasBand ? BAND : pad),
    right: Math.max(yAxisX + 40, width - Math.max(MARGIN.right, edge)),
    top: Math.max(MARGIN.top, edge),
    bottom: Math.max(MARGIN.top + 40, xAxisY - (y.hasBand ? BAND : pad)),
  };
  return {
    width,
    height,
    plot,
    xAxisY,
    yAxisX,
    xBand: x.hasBand ? yAxisX + BAND / 2 : null,
    yBand: y.hasBand ? xAxisY - BAND / 2 : null,
    yLabelRoom,
    edge,
    bandHalf: Math.max(BAND_HALF, reach),
  };
}

export function positionScale(axis: Axis, positions: AxisPositions, range: [number, number]): PositionScale {
  if (axis.kind === "log") return scaleLog(positions.domain, range).nice();
  if (axis.column.kind === "numeric" && axis.column.temporal) return scaleUtc(positions.domain, range).nice();
  if (axis.kind === "categorical") return scaleLinear(positions.domain, range);
  return scaleLinear(positions.domain, range).nice();
}

/** Pixel positions along one axis, written into `out`: the scaled value, the band, or NaN. */
export function project(positions: AxisPositions, scale: PositionScale, band: number | null, out: Float32Array) {
  const { values, place } = positions;
  for (let row = 0; row < out.length; row++) {
    out[row] = place[row] === ON_AXIS ? scale(values[row]) : place[row] === IN_BAND ? band! : NaN;
  }
}

/** Where points show: the plot with a small edge, [[x0, y0], [x1, y1]]; also the brush's extent. */
export function pointArea(f: Frame): [[number, number], [number, number]] {
  const { left, right, top, bottom } = f.plot;
  const { edge, bandHalf } = f;
  const x0 = f.xBand !== null ? f.xBand - bandHalf : left - edge;
  const y1 = f.yBand !== null ? f.yBand + bandHalf : bottom + edge;
  return [
    [x0, top - edge],
    [right + edge, y1],
  ];
}

/** Whether a point centre shows: in the plot (with its edge), or in a band alongside it. */
export function isShown(f: Frame, x: number, y: number): boolean {
  const { left, right, top, bottom } = f.plot;
  const { edge } = f;
  const onBand = (v: number, band: number | null) => band !== null && Math.abs(v - band) < 0.5;
  return ((x >= left - edge && x <= right + edge) || onBand(x, f.xBand)) && ((y >= top - edge && y <= bottom + edge) || onBand(y, f.yBand));
}

/** The canvas clip: the plot with its edge, and each band's strip beside it. */
export function clipRects(f: Frame): [number, number, number, number][] {
  const { left, right, top, bottom } = f.plot;
  const { edge, bandHalf: half } = f;
  const rects: [number, number, number, number][] = [[left - edge, top - edge, right - left + 2 * edge, bottom - top + 2 * edge]];
  if (f.xBand !== null) rects.push([f.xBand - half, top - edge, 2 * half, bottom - top + 2 * edge]);
  if (f.yBand !== null) rects.push([left - edge, f.yBand - half, right - left + 2 * edge, 2 * half]);
  if (f.xBand !== null && f.yBand !== null) rects.push([f.xBand - half, f.yBand - half, 2 * half, 2 * half]);
  return rects;
}
