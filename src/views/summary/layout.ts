import { scaleLinear, type ScaleLinear } from "d3";
import { finiteExtent } from "../../data/axes.js";
import { inlierRange } from "../../data/outliers.js";

/** Panels are at least this wide, and wide enough for the longest name and this much more. */
export const PANEL_MIN = 300;
export const PANEL_BEYOND_NAMES = 220;

/** Each bar's row, in CSS pixels: the bar itself is BAR tall in a ROW. */
export const ROW = 18;
export const BAR = 12;
const VALUE_WIDTH = 64;
const GAP = 6;
const MIN_LABEL = 60;

/**
 * One metric's panel across: run names on the left (as wide as the longest, up to half the
 * panel), the bars from the metric's zero, and each value in a column on the right.
 */
export interface PanelLayout {
  readonly width: number;
  readonly labelWidth: number;
  /** Where bars may run, left to right. */
  readonly barLeft: number;
  readonly barRight: number;
  /** The right edge of the values. */
  readonly valueRight: number;
  /** The metric's values to x, from zero (or below, for negative values) so bar lengths compare. */
  readonly scale: ScaleLinear<number, number>;
}

export function panelLayout(width: number, values: ArrayLike<number>, longestLabel: number): PanelLayout {
  const labelWidth = Math.round(Math.min(longestLabel, Math.max(MIN_LABEL, width * 0.5)));
  const barLeft = labelWidth + GAP;
  const barRight = Math.max(barLeft + 20, width - VALUE_WIDTH - GAP);
  const [lo, hi] = inlierExtent(values);
  const domain: [number, number] = [Math.min(0, lo), Math.max(0, hi)];
  if (domain[0] === domain[1]) domain[1] = 1;
  return { width, labelWidth, barLeft, barRight, valueRight: width - 2, scale: scaleLinear(domain, [barLeft, barRight]).nice() };
}

/**
 * The extent of the finite values that are not outliers (src/data/outliers.ts), as the scalars'
 * y axis: one run's 1e6 does not shrink every other bar to nothing; its bar runs to the edge.
 */
function inlierExtent(values: ArrayLike<number>): [number, number] {
  const whole = finiteExtent(values) ?? [0, 1];
  const bounds = inlierRange([{ values, from: 0, to: values.length }], false);
  if (!bounds || (bounds[0] <= whole[0] && bounds[1] >= whole[1])) return whole;
  return finiteExtent(Array.from(values).filter((v) => v >= bounds[0] && v <= bounds[1])) ?? whole;
}

/** Whether a value lies beyond a panel's axis (an outlier): its bar stops at the edge, marked. */
export function beyondAxis(layout: PanelLayout, value: number): boolean {
  const [d0, d1] = layout.scale.domain();
  return value < d0 || value > d1;
}

/** A mark for a value with no bar: a dash for missing or NaN, an infinity sign for +-Inf. */
export function noBarMark(value: number): string {
  return Number.isNaN(value) ? "—" : value > 0 ? "∞" : "-∞";
}
