/**
 * Groups of runs drawn as one line: runs grouped by the values of some columns, their series
 * aligned onto one grid of steps, and aggregated at each step into a centre and a band.
 */
import type { RunColumn } from "./runs.js";

export type Aggregate = "mean" | "median";
export type Band = "none" | "minmax" | "std" | "stderr" | "ci95";

export const AGGREGATES: readonly Aggregate[] = ["mean", "median"];
export const BANDS: readonly Band[] = ["none", "minmax", "std", "stderr", "ci95"];

export interface RunGroups {
  /**
   * Each group's label, e.g. "lr=0.003 hidden=64": the columns whose values differ between
   * groups (all of them when there is one group), so that labels show what sets groups apart.
   */
  readonly labels: string[];
  /** Each group's values of the grouping columns (null where missing), in column order. */
  readonly keys: (string | null)[][];
  /** The group of each run. */
  readonly groupOfRun: Int32Array;
}

/**
 * Runs grouped by their values in the given columns (each an array of one text value per run,
 * null where missing; missing is a value of its own). Groups come in order of first appearance.
 */
export function groupRuns(columns: readonly { name: string; values: readonly (string | null)[] }[], runCount: number): RunGroups {
  const keys: (string | null)[][] = [];
  const groupOfRun = new Int32Array(runCount);
  const index = new Map<string, number>();
  for (let run = 0; run < runCount; run++) {
    const key = columns.map((c) => c.values[run]);
    const id = JSON.stringify(key);
    let group = index.get(id);
    if (group === undefined) {
      group = keys.length;
      index.set(id, group);
      keys.push(key);
    }
    groupOfRun[run] = group;
  }
  const varying = columns.map((_, i) => keys.some((key) => key[i] !== keys[0][i]));
  const shown = varying.some(Boolean) ? varying : varying.map(() => true);
  const labels = keys.map((key) => columns.flatMap((c, i) => (shown[i] ? [`${c.name}=${key[i] ?? "(missing)"}`] : [])).join(" "));
  return { labels, keys, groupOfRun };
}

/** A run's value in a column as text, so numbers and categories group alike (null where missing). */
export function textOf(column: RunColumn, row: number): string | null {
  if (column.kind === "categorical") return column.values[row];
  const v = column.values[row];
  return Number.isNaN(v) ? null : String(v);
}

/** Every x of the series, sorted, each once. */
export function unionGrid(xs: readonly ArrayLike<number>[]): Float64Array {
  let length = 0;
  for (const x of xs) length += x.length;
  const all = new Float64Array(length);
  let offset = 0;
  for (const x of xs) {
    all.set(x, offset);
    offset += x.length;
  }
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) {
    if (Number.isNaN(all[i])) break; // sort() puts NaN last
    if (unique === 0 || all[i] !== all[unique - 1]) all[unique++] = all[i];
  }
  return all.slice(0, unique);
}

/**
 * A series (x ascending, y) read at each x of the grid: its value where it has one, linear
 * interpolation between two neighbouring values, NaN outside its range and next to a gap (a
 * non-finite value). Where x repeats, the last value at that x counts.
 */
export function interpolateOnto(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  grid: ArrayLike<number>,
  out: Float64Array = new Float64Array(grid.length),
): Float64Array {
  const n = x.length;
  let i = 0;
  for (let g = 0; g < grid.length; g++) {
    const at = grid[g];
    // Move i to the last point with x <= at.
    while (i + 1 < n && x[i + 1] <= at) i++;
    if (n === 0 || x[i] > at || (x[i] < at && i === n - 1)) {
      out[g] = NaN;
    } else if (x[i] === at) {
      out[g] = finiteOrNaN(y[i]);
    } else {
      const t = (at - x[i]) / (x[i + 1] - x[i]);
      out[g] = finiteOrNaN(y[i] + t * (y[i + 1] - y[i]));
    }
  }
  return out;
}

export interface Aggregated {
  readonly center: Float64Array;
  /** The band's bounds; NaN where it is not defined (no band, or one run for a spread). */
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** How many runs have a value at each grid x. */
  readonly count: Int32Array;
}

/**
 * The runs' values (one array per run, all on the same grid) reduced at each grid x to a centre
 * (mean or median of the runs with a value there) and a band: min to max, centre ± the sample
 * standard deviation, centre ± the standard error, or the mean's 95% confidence interval
 * (Student's t with n - 1 degrees of freedom, so few runs give a wide band).
 */
export function aggregate(runs: readonly Float64Array[], length: number, center: Aggregate, band: Band): Aggregated {
  const out = {
    center: new Float64Array(length).fill(NaN),
    low: new Float64Array(length).fill(NaN),
    high: new Float64Array(length).fill(NaN),
    count: new Int32Array(length),
  };
  const column = new Float64Array(runs.length);
  for (let g = 0; g < length; g++) {
    let n = 0;
    for (const values of runs) {
      const v = values[g];
      if (Number.isFinite(v)) column[n++] = v;
    }
    out.count[g] = n;
    if (n === 0) continue;
    const present = column.subarray(0, n);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const v of present) {
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = sum / n;
    const middle = center === "mean" ? mean : median(present);
    out.center[g] = middle;
    if (band === "minmax") {
      out.low[g] = min;
      out.high[g] = max;
    } else if (band !== "none" && n > 1) {
      let squares = 0;
      for (const v of present) squares += (v - mean) * (v - mean);
      const std = Math.sqrt(squares / (n - 1));
      const spread = band === "std" ? std : band === "stderr" ? std / Math.sqrt(n) : tQuantile975(n - 1) * (std / Math.sqrt(n));
      out.low[g] = middle - spread;
      out.high[g] = middle + spread;
    }
  }
  return out;
}

/** Sorts the values in place. */
function median(values: Float64Array): number {
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/** Student's t 0.975 quantile for 1 to 30 degrees of freedom. */
const T975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852, 2.20098516, 2.17881283,
  2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
  2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];

/**
 * Student's t quantile at 0.975 (the two-sided 95% critical value): the table for small
 * degrees of freedom, beyond it the Cornish-Fisher expansion around the normal quantile
 * (within 1e-6 of the exact value from 30 degrees of freedom on).
 */
export function tQuantile975(df: number): number {
  if (df < 1) return NaN;
  if (df <= T975.length && Number.isInteger(df)) return T975[df - 1];
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

function finiteOrNaN(v: number): number {
  return Number.isFinite(v) ? v : NaN;
}
