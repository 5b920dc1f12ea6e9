import { quantileSorted } from "d3";

/** A box plot's numbers: quartiles by linear interpolation (numpy's default), whiskers at the furthest values within 1.5 IQR (matplotlib's), the rest outliers. */
export interface BoxStats {
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly low: number;
  readonly high: number;
  readonly outliers: readonly number[];
  readonly count: number;
}

export function boxStats(values: ArrayLike<number>): BoxStats | null {
  const sorted = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const q1 = quantileSorted(sorted, 0.25)!;
  const median = quantileSorted(sorted, 0.5)!;
  const q3 = quantileSorted(sorted, 0.75)!;
  const reach = 1.5 * (q3 - q1);
  const inside = sorted.filter((v) => v >= q1 - reach && v <= q3 + reach);
  return {
    q1,
    median,
    q3,
    low: inside[0],
    high: inside[inside.length - 1],
    outliers: sorted.filter((v) => v < q1 - reach || v > q3 + reach),
    count: sorted.length,
  };
}
