/**
 * Values further than this many times the 5th-95th percentile span below the 5th or above the
 * 95th percentile are outliers: a spike of 1e6 among losses near 1 is one, the high start of a
 * loss curve is not (TensorBoard's "ignore outliers" cuts the range at the percentiles themselves,
 * which cuts off the start of most loss curves).
 */
export const OUTLIER_REACH = 1;
const LOW = 0.05;
const HIGH = 0.95;

/** At most this many values are looked at: the percentiles of an even sample of more are estimates. */
export const SAMPLE_LIMIT = 16_384;

/** Some of an array's values: those at `indices` (negative ones skipped), or all of [from, to). */
export interface SampleSource {
  readonly values: ArrayLike<number>;
  readonly indices?: ArrayLike<number> | null;
  readonly from: number;
  readonly to: number;
}

/**
 * The range of values that are not outliers, on a linear or log scale (positive values only), or
 * null when there is no value. The percentiles come from an even sample of SAMPLE_LIMIT values at
 * most (every k-th value across the sources), sorted: no full sort of millions of points.
 */
export function inlierRange(sources: readonly SampleSource[], log: boolean): [number, number] | null {
  let total = 0;
  for (const source of sources) total += source.to - source.from;
  const stride = Math.max(1, Math.ceil(total / SAMPLE_LIMIT));
  const sample = new Float64Array(Math.min(total, SAMPLE_LIMIT));
  let count = 0;
  // Position of the next value to take, counted over all sources.
  let next = 0;
  let offset = 0;
  for (const { values, indices, from, to } of sources) {
    for (let k = next - offset + from; k < to && count < sample.length; k += stride) {
      const i = indices ? indices[k] : k;
      const v = i >= 0 ? values[i] : NaN;
      if (log ? v > 0 && v < Infinity : v > -Infinity && v < Infinity) sample[count++] = log ? Math.log10(v) : v;
    }
    offset += to - from;
    while (next < offset) next += stride;
  }
  if (count === 0) return null;
  const sorted = sample.subarray(0, count).sort();
  const low = quantileSorted(sorted, LOW);
  const high = quantileSorted(sorted, HIGH);
  const reach = (high - low) * OUTLIER_REACH;
  const range: [number, number] = [low - reach, high + reach];
  return log ? [10 ** range[0], 10 ** range[1]] : range;
}

/** The p-quantile of sorted values, interpolated between the two nearest as d3.quantileSorted does. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const at = (sorted.length - 1) * p;
  const below = Math.floor(at);
  return below + 1 < sorted.length ? sorted[below] + (sorted[below + 1] - sorted[below]) * (at - below) : sorted[below];
}
