/** Summaries of a sample of numbers, computed as numpy and scipy compute them. */
import { quickselect } from "d3";

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** The sample variance (n - 1 in the denominator), from the deviations about the mean. */
export function variance(values: ArrayLike<number>): number {
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] - m) ** 2;
  return sum / (values.length - 1);
}

/** The q-quantile of sorted values by linear interpolation between order statistics (numpy's default, Hyndman and Fan's type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

/**
 * quantileSorted of `values` once sorted, without sorting them all: the two order statistics it
 * reads are put in place by d3.quickselect (NaN last, as a typed array sorts), which reorders `values`.
 */
export function quantileUnsorted(values: Float64Array, q: number): number {
  const h = (values.length - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(low + 1, values.length - 1);
  quickselect(values, low);
  // Everything after `low` now sorts at or after it: the next order statistic is the least of them.
  if (high > low) quickselect(values, high, low + 1);
  return values[low] + (h - low) * (values[high] - values[low]);
}

export function median(values: ArrayLike<number>): number {
  return quantileSorted(Float64Array.from(values).sort(), 0.5);
}

/** Ranks from 1, ties sharing their average rank, and the sizes of the groups of ties (scipy's rankdata "average"). */
export function ranks(values: ArrayLike<number>): { ranks: Float64Array; tieSizes: number[] } {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const out = new Float64Array(n);
  const tieSizes: number[] = [];
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) out[order[k]] = rank;
    tieSizes.push(end - start);
    start = end;
  }
  return { ranks: out, tieSizes };
}

/** Pearson's correlation, as numpy's corrcoef gives it (clipped to [-1, 1]); NaN when either has no spread. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [mx, my] = [mean(x), mean(y)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const [dx, dy] = [x[i] - mx, y[i] - my];
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const r = sxy / Math.sqrt(sxx) / Math.sqrt(syy);
  return Number.isNaN(r) ? NaN : Math.max(-1, Math.min(1, r));
}
