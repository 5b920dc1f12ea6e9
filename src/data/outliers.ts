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
  return new InlierSample(sources, log).range();
}

/**
 * inlierRange's sample, kept sorted, to which more sources' values can be added at the same
 * stride (up to twice SAMPLE_LIMIT values): the range of a chart whose lines grew, without
 * sampling every value again.
 */
export class InlierSample {
  private readonly sorted: Float64Array;
  private count = 0;
  private readonly stride: number;
  /** The values gone through, over all sources, and the position of the next one to take. */
  private seen = 0;
  private next = 0;

  constructor(
    sources: readonly SampleSource[],
    private readonly log: boolean,
  ) {
    let total = 0;
    for (const source of sources) total += source.to - source.from;
    this.stride = Math.max(1, Math.ceil(total / SAMPLE_LIMIT));
    this.sorted = new Float64Array(2 * SAMPLE_LIMIT);
    const limit = Math.min(total, SAMPLE_LIMIT);
    for (const source of sources) this.take(source, limit);
    this.sorted.subarray(0, this.count).sort();
  }

  /** Takes the sources' values at the sample's stride; false (and the sample no longer of use) when there is no room for them. */
  add(sources: readonly SampleSource[]): boolean {
    const start = this.count;
    for (const source of sources) if (!this.take(source, this.sorted.length)) return false;
    const added = this.sorted.slice(start, this.count).sort();
    // Each new value into its place among the sorted ones, the largest first.
    let end = start;
    for (let k = added.length - 1; k >= 0; k--) {
      const at = upperBound(this.sorted, added[k], end);
      this.sorted.copyWithin(at + k + 1, at, end);
      this.sorted[at + k] = added[k];
      end = at;
    }
    return true;
  }

  /** The range of the values sampled that are not outliers; null when none was sampled. */
  range(): [number, number] | null {
    if (this.count === 0) return null;
    const sorted = this.sorted.subarray(0, this.count);
    const low = quantileSorted(sorted, LOW);
    const high = quantileSorted(sorted, HIGH);
    const reach = (high - low) * OUTLIER_REACH;
    const range: [number, number] = [low - reach, high + reach];
    return this.log ? [10 ** range[0], 10 ** range[1]] : range;
  }

  /** Every stride-th value of a source, counting on from the sources before it, while fewer than `limit` are kept; false when it stopped there. */
  private take({ values, indices, from, to }: SampleSource, limit: number): boolean {
    const { log, stride, sorted } = this;
    let k = this.next - this.seen + from;
    for (; k < to && this.count < limit; k += stride) {
      const i = indices ? indices[k] : k;
      const v = i >= 0 ? values[i] : NaN;
      if (log ? v > 0 && v < Infinity : v > -Infinity && v < Infinity) sorted[this.count++] = log ? Math.log10(v) : v;
    }
    this.seen += to - from;
    while (this.next < this.seen) this.next += this.stride;
    return k >= to;
  }
}

/** The first index in sorted[0, end) whose value is greater than v. */
function upperBound(sorted: Float64Array, v: number, end: number): number {
  let [lo, hi] = [0, end];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The p-quantile of sorted values, interpolated between the two nearest as d3.quantileSorted does. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const at = (sorted.length - 1) * p;
  const below = Math.floor(at);
  return below + 1 < sorted.length ? sorted[below] + (sorted[below + 1] - sorted[below]) * (at - below) : sorted[below];
}
