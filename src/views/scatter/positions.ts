import { finiteExtent } from "../../data/axes.js";
import type { Axis } from "./channels.js";
import { jitter } from "./jitter.js";

/** Where a run stands on an axis. */
export const ON_AXIS = 0;
/** A value a log axis cannot place (zero or negative): drawn in the band beside the axis. */
export const IN_BAND = 1;
/** No value (missing, NaN or infinite): not drawn, counted in the status line. */
export const NO_VALUE = 2;

/** Half the room a category gives its points, as a fraction of the distance between categories. */
export const CATEGORY_JITTER = 0.3;

/**
 * Each run's position along one axis in the axis' own units: the value itself, or for a
 * categorical axis the category's index plus a jitter, so runs sharing a category do not stack.
 */
export interface AxisPositions {
  readonly values: Float64Array;
  readonly place: Uint8Array;
  /** The domain the axis' scale starts from. */
  readonly domain: [number, number];
  readonly hasBand: boolean;
}

export function axisPositions(axis: Axis, count: number): AxisPositions {
  const values = new Float64Array(count).fill(NaN);
  const place = new Uint8Array(count).fill(NO_VALUE);
  const { column } = axis;
  if (column.kind === "categorical") {
    const index = new Map(column.categories.map((c, i) => [c, i]));
    for (let row = 0; row < count; row++) {
      const category = column.values[row];
      if (category === null) continue;
      values[row] = index.get(category)! + jitter(row, CATEGORY_JITTER);
      place[row] = ON_AXIS;
    }
    return { values, place, domain: [-0.5, Math.max(column.categories.length, 1) - 0.5], hasBand: false };
  }
  const log = axis.kind === "log";
  let hasBand = false;
  for (let row = 0; row < count; row++) {
    const v = column.values[row];
    if (!Number.isFinite(v)) continue;
    if (log && v <= 0) {
      place[row] = IN_BAND;
      hasBand = true;
      continue;
    }
    values[row] = v;
    place[row] = ON_AXIS;
  }
  return { values, place, domain: numericDomain(values, log), hasBand };
}

/** The placed values' extent, widened around a single value so it lands mid-axis. */
function numericDomain(values: Float64Array, log: boolean): [number, number] {
  const extent = finiteExtent(values);
  if (!extent) return log ? [1, 10] : [0, 1];
  const [lo, hi] = extent;
  if (lo !== hi) return [lo, hi];
  if (log) return [lo / 10, hi * 10];
  const pad = Math.abs(lo) || 1;
  return [lo - pad, hi + pad];
}

/** Rows with a place on both axes, the ones drawn. */
export function drawnRows(x: AxisPositions, y: AxisPositions): Int32Array {
  const rows: number[] = [];
  for (let row = 0; row < x.place.length; row++) if (x.place[row] !== NO_VALUE && y.place[row] !== NO_VALUE) rows.push(row);
  return Int32Array.from(rows);
}

/** How many runs have no value on an axis. */
export function countWithoutValue(positions: AxisPositions): number {
  let count = 0;
  for (const place of positions.place) if (place === NO_VALUE) count++;
  return count;
}
