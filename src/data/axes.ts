import type { RunColumn } from "./runs.js";

export type AxisKind = "linear" | "log" | "categorical";

/** Finite values' [min, max], or undefined when there are none. */
export function finiteExtent(values: ArrayLike<number>): [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // NaN fails both comparisons; only +-Infinity can land here, and it is not finite.
  if (!Number.isFinite(min) || !Number.isFinite(max)) return finiteOnlyExtent(values);
  return [min, max];
}

function finiteOnlyExtent(values: ArrayLike<number>): [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : undefined;
}

/** A log axis is offered when every finite value is positive and they span more than two decades. */
export function logOffered(column: RunColumn): boolean {
  if (column.kind !== "numeric") return false;
  const extent = finiteExtent(column.values);
  return !!extent && extent[0] > 0 && extent[1] / extent[0] > 100;
}

/** The axis a column gets unless the user picks another: log where offered (learning rates), else linear. */
export function defaultAxisKind(column: RunColumn): AxisKind {
  if (column.kind === "categorical") return "categorical";
  return logOffered(column) ? "log" : "linear";
}

/** Whether a run has no place on a column's axis: missing, NaN, +-Inf, or not positive on a log axis. */
export function isMissingOn(column: RunColumn, kind: AxisKind, row: number): boolean {
  if (column.kind === "categorical") return column.values[row] === null;
  const v = column.values[row];
  return !Number.isFinite(v) || (kind === "log" && v <= 0);
}

/** Whether every finite value is a whole number (sizes, seeds, epochs): their axes get whole ticks. */
export function isIntegral(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && !Number.isInteger(v)) return false;
  }
  return true;
}

/**
 * Whether runs differ on a column: two different values, or a value and a missing one (NaN
 * counts as missing); among the rows of `rows` only, when given.
 */
export function varies(column: RunColumn, rows?: ArrayLike<number>): boolean {
  const values = column.values;
  const count = rows ? rows.length : values.length;
  if (count < 2) return false;
  const at = rows ? (i: number) => values[rows[i]] : (i: number) => values[i];
  const first = at(0);
  const same = column.kind === "categorical" ? (v: unknown) => v === first : (v: unknown) => v === first || (Number.isNaN(v) && Number.isNaN(first));
  for (let i = 1; i < count; i++) if (!same(at(i))) return true;
  return false;
}

/** How many runs (of `rows`, when given) have a value in a column (NaN and null are missing; infinities are values). */
export function presentCount(column: RunColumn, rows?: ArrayLike<number>): number {
  const values = column.values;
  const count = rows ? rows.length : values.length;
  let present = 0;
  for (let i = 0; i < count; i++) {
    const v = values[rows ? rows[i] : i];
    if (v !== null && !Number.isNaN(v)) present++;
  }
  return present;
}

/** The columns with values for the most runs (of `rows`) first (a stable sort: ties keep their order). */
export function byPresence<C extends RunColumn>(columns: readonly C[], rows?: ArrayLike<number>): C[] {
  const present = new Map(columns.map((c) => [c, presentCount(c, rows)]));
  return [...columns].sort((a, b) => present.get(b)! - present.get(a)!);
}
