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
  /** The domain the axis' scale starts from: that of the runs drawn. */
  readonly domain: [number, number];
  readonly hasBand: boolean;
  /** On a categorical axis, its categories by index (those of the runs drawn); else empty. */
  readonly categories: readonly string[];
}

/** Both axes' positions, their domains and categories those of the runs drawn (those with a place on both). */
export function plotPositions(x: Axis, y: Axis, count: number): { x: AxisPositions; y: AxisPositions; rows: Int32Array } {
  const rows = drawnRows(axisPositions(x, count), axisPositions(y, count));
  return { x: axisPositions(x, count, rows), y: axisPositions(y, count, rows), rows };
}

/** Positions along one axis; the domain, band and categories are those of `rows` (every run when left out). */
export function axisPositions(axis: Axis, count: number, rows?: ArrayLike<number>): AxisPositions {
  const values = new Float64Array(count).fill(NaN);
  const place = new Uint8Array(count).fill(NO_VALUE);
  const { column } = axis;
  if (column.kind === "categorical") {
    const used = rows ? new Set(Array.from(rows, (row) => column.values[row])) : null;
    const categories = used ? column.categories.filter((c) => used.has(c)) : column.categories;
    const index = new Map(categories.map((c, i) => [c, i]));
    for (let row = 0; row < count; row++) {
      const category = column.values[row];
      if (category === null) continue;
      values[row] = (index.get(category) ?? NaN) + jitter(row, CATEGORY_JITTER);
      place[row] = ON_AXIS;
    }
    return { values, place, domain: [-0.5, Math.max(categories.length, 1) - 0.5], hasBand: false, categories };
  }
  const log = axis.kind === "log";
  for (let row = 0; row < count; row++) {
    const v = column.values[row];
    if (!Number.isFinite(v)) continue;
    if (log && v <= 0) {
      place[row] = IN_BAND;
      continue;
    }
    values[row] = v;
    place[row] = ON_AXIS;
  }
  const shown = rows ? Float64Array.from(rows, (row) => values[row]) : values;
  const hasBand = rows ? Array.from(rows).some((row) => place[row] === IN_BAND) : place.includes(IN_BAND);
  return { values, place, domain: numericDomain(shown, log), hasBand, categories: [] };
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
