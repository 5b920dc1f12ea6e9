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

/** Whether runs differ on a column: two different values, or a value and a missing one (NaN counts as missing). */
export function varies(column: RunColumn): boolean {
  const values = column.values;
  if (values.length < 2) return false;
  const first = values[0];
  const same = column.kind === "categorical" ? (v: unknown) => v === first : (v: unknown) => v === first || (Number.isNaN(v) && Number.isNaN(first));
  for (let i = 1; i < values.length; i++) if (!same(values[i])) return true;
  return false;
}
