/** A row's highest and lowest values, NaN ignored. */
export interface RowExtremes {
  readonly min: number;
  readonly max: number;
}

/**
 * The extremes of one row, or null when it has fewer than two distinct values: a row where every
 * run agrees has no best or worst run to point at. Every cell equal to an extreme is one (ties).
 */
export function rowExtremes(values: ArrayLike<number>): RowExtremes | null {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return count > 0 && min < max ? { min, max } : null;
}

export type Extreme = "max" | "min";

export function extremeOf(value: number, extremes: RowExtremes | null): Extreme | null {
  if (!extremes) return null;
  if (value === extremes.max) return "max";
  if (value === extremes.min) return "min";
  return null;
}
