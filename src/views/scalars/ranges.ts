/** The x and value ranges of lines, kept per line, and the domains a chart fits them into. */
import { lowerBound } from "../../data/reduce.js";
import type { Line } from "./model.js";

/** A line's ranges. */
interface LineRange {
  /** x range, and whether x ascends (so a zoomed range is a slice). */
  x: [number, number];
  sorted: boolean;
  /** Smoothed values with the band, and raw values: [min, max, min of positive]. */
  main: [number, number, number];
  raw: [number, number, number];
}

// Kept per array: raw values and x positions are shared by the lines rebuilt for each smoothing,
// so only the smoothed values are measured again when the smoothing changes.
const xRanges = new WeakMap<Float64Array, { x: [number, number]; sorted: boolean }>();
const valueRanges = new WeakMap<Float64Array, [number, number, number]>();
const mainRanges = new WeakMap<Line, [number, number, number]>();

export function rangeOf(line: Line): LineRange {
  let x = xRanges.get(line.x);
  if (!x) xRanges.set(line.x, (x = { x: extent(line.x, 0, line.x.length), sorted: isAscending(line.x) }));
  let raw = valueRanges.get(line.raw);
  if (!raw) valueRanges.set(line.raw, (raw = valueRange([line.raw], 0, line.raw.length)));
  let main = mainRanges.get(line);
  if (!main) mainRanges.set(line, (main = valueRange([line.smoothed, line.low, line.high], 0, line.smoothed.length)));
  return { ...x, main, raw };
}

export function xExtent(lines: readonly Line[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const line of lines) {
    const [a, b] = rangeOf(line).x;
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  }
  if (!(lo <= hi)) return [0, 1];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** The values' range within the x domain, padded; positive values only on a log axis. */
export function yExtent(lines: readonly Line[], [x0, x1]: [number, number], raw: boolean, log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const take = ([min, max, minPositive]: [number, number, number]) => {
    if ((log ? minPositive : min) < lo) lo = log ? minPositive : min;
    if (max > hi) hi = max;
  };
  for (const line of lines) {
    const range = rangeOf(line);
    const whole = range.x[0] >= x0 && range.x[1] <= x1;
    const [from, to] = whole ? [0, line.x.length] : range.sorted ? [lowerBound(line.x, x0), lowerBound(line.x, x1, true)] : [-1, -1];
    const within = (values: (Float64Array | null)[]) => (from >= 0 ? valueRange(values, from, to) : valueRangeWhere(values, line.x, x0, x1));
    take(whole ? range.main : within([line.smoothed, line.low, line.high]));
    if (raw) take(whole ? range.raw : within([line.raw]));
  }
  if (!(lo <= hi) || (log && !(hi > 0))) return log ? [1, 10] : [0, 1];
  if (log) return lo === hi ? [lo / 2, hi * 2] : [lo / Math.pow(hi / lo, 0.04), hi * Math.pow(hi / lo, 0.04)];
  const pad = lo === hi ? Math.abs(lo) || 1 : (hi - lo) * 0.04;
  return [lo - pad, hi + pad];
}

function extent(values: Float64Array, from: number, to: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** [min, max, min of the positive values] of the finite values in [from, to). */
function valueRange(arrays: (Float64Array | null)[], from: number, to: number): [number, number, number] {
  let min = Infinity;
  let max = -Infinity;
  let minPositive = Infinity;
  for (const values of arrays) {
    if (!values) continue;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (!(v > -Infinity && v < Infinity)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
      if (v > 0 && v < minPositive) minPositive = v;
    }
  }
  return [min, max, minPositive];
}

/** valueRange over the points whose x lies in [x0, x1], for x in no order. */
function valueRangeWhere(arrays: (Float64Array | null)[], x: Float64Array, x0: number, x1: number): [number, number, number] {
  const kept = arrays.map((values) => values && values.filter((_, i) => x[i] >= x0 && x[i] <= x1));
  return valueRange(kept, 0, kept[0]?.length ?? 0);
}

function isAscending(x: Float64Array): boolean {
  for (let i = 1; i < x.length; i++) if (!(x[i] >= x[i - 1])) return false;
  return true;
}
