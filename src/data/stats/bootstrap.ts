import { randomInt, randomLcg } from "d3";
import { mean, median, quantileSorted } from "./describe.js";

export type Center = "mean" | "median";

export interface BootstrapOptions {
  /** The difference of means (default) or of medians. */
  readonly statistic?: Center;
  /** Resample runs in pairs (a[i] with b[i]) rather than each group on its own. */
  readonly paired?: boolean;
  /** Resamples drawn (default 9999, scipy's). */
  readonly resamples?: number;
  /** Two-sided confidence level (default 0.95). */
  readonly confidence?: number;
  /** Seeds d3's randomLcg, so the same call gives the same interval (default 0). */
  readonly seed?: number;
}

export interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export const centerOf = (statistic: Center) => (statistic === "median" ? median : mean);

/**
 * The percentile bootstrap interval of center(a) - center(b), scipy.stats.bootstrap's "percentile"
 * method: the (1 - confidence) / 2 and (1 + confidence) / 2 quantiles (type 7) of the
 * differences over the resamples. Resample r of a group of n draws n indices
 * floor(n × u), u from d3.randomLcg(seed): all of a's resamples first, then all of b's (one set
 * of indices for both when paired). The Python package draws the same (python/runcompare/_stats.py).
 */
export function bootstrapDifference(a: ArrayLike<number>, b: ArrayLike<number>, options: BootstrapOptions = {}): Interval {
  const { statistic = "mean", paired = false, resamples = 9999, confidence = 0.95, seed = 0 } = options;
  const center = centerOf(statistic);
  const estimate = center(a) - center(b);
  const indices = resampleIndices(paired ? [a.length] : [a.length, b.length], resamples, seed);
  const [ia, ib] = paired ? [indices[0], indices[0]] : indices;
  const differences = new Float64Array(resamples);
  const [sa, sb] = [new Float64Array(a.length), new Float64Array(b.length)];
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < a.length; i++) sa[i] = a[ia[r * a.length + i]];
    for (let i = 0; i < b.length; i++) sb[i] = b[ib[r * b.length + i]];
    differences[r] = center(sa) - center(sb);
  }
  differences.sort();
  const alpha = (1 - confidence) / 2;
  return { estimate, low: quantileSorted(differences, alpha), high: quantileSorted(differences, 1 - alpha) };
}

/** For each sample size, `resamples` rows of that many indices, drawn in turn from one seeded stream. */
export function resampleIndices(sizes: readonly number[], resamples: number, seed: number): Int32Array[] {
  const source = randomLcg(seed);
  return sizes.map((n) => {
    const draw = randomInt.source(source)(n);
    return Int32Array.from({ length: resamples * n }, draw);
  });
}
