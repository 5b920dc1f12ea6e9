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
/** Points show this far past the plot's edges, so extreme values are not cut in half. */
const EDGE = 7;
/** Half the width of a band's strip. */
const BAND_HALF = 6;

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
}

/** The frame for a view `width` by `height`, with `yLabelRoom` pixels for the y tick labels. */
export function frame(width: number, height: number, x: AxisPositions, y: AxisPositions, yLabelRoom: number): Frame {
  const yAxisX = Y_TITLE_BAND + yLabelRoom + TICK_REACH;
  const xAxisY = height - MARGIN.bottom - (x.hasBand ? X_BAND_ROW : 0);
  const plot = {
    left: yAxisX + (x.hasBand ? BAND : PAD),
    right: Math.max(yAxisX + 40, width - MARGIN.right),
    top: MARGIN.top,
    bottom: Math.max(MARGIN.top + 40, xAxisY - (y.hasBand ? BAND : PAD)),
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
  const x0 = f.xBand !== null ? f.xBand - BAND_HALF : left - EDGE;
  const y1 = f.yBand !== null ? f.yBand + BAND_HALF : bottom + EDGE;
  return [
    [x0, top - EDGE],
    [right + EDGE, y1],
  ];
}

/** Whether a point centre shows: in the plot (with its edge), or in a band alongside it. */
export function isShown(f: Frame, x: number, y: number): boolean {
  const { left, right, top, bottom } = f.plot;
  const onBand = (v: number, band: number | null) => band !== null && Math.abs(v - band) < 0.5;
  return ((x >= left - EDGE && x <= right + EDGE) || onBand(x, f.xBand)) && ((y >= top - EDGE && y <= bottom + EDGE) || onBand(y, f.yBand));
}

/** The canvas clip: the plot with its edge, and each band's strip beside it. */
export function clipRects(f: Frame): [number, number, number, number][] {
  const { left, right, top, bottom } = f.plot;
  const rects: [number, number, number, number][] = [[left - EDGE, top - EDGE, right - left + 2 * EDGE, bottom - top + 2 * EDGE]];
  if (f.xBand !== null) rects.push([f.xBand - BAND_HALF, top - EDGE, 2 * BAND_HALF, bottom - top + 2 * EDGE]);
  if (f.yBand !== null) rects.push([left - EDGE, f.yBand - BAND_HALF, right - left + 2 * EDGE, 2 * BAND_HALF]);
  if (f.xBand !== null && f.yBand !== null) rects.push([f.xBand - BAND_HALF, f.yBand - BAND_HALF, 2 * BAND_HALF, 2 * BAND_HALF]);
  return rects;
}
