import { mean, variance } from "./describe.js";

/** Cohen's d: the difference of means over the pooled standard deviation (n - 1 in each variance). */
export function cohensD(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const [na, nb] = [a.length, b.length];
  const pooled = ((na - 1) * variance(a) + (nb - 1) * variance(b)) / (na + nb - 2);
  return (mean(a) - mean(b)) / Math.sqrt(pooled);
}

/** Cohen's d_z for pairs: the mean difference over the standard deviation of the differences. */
export function cohensDz(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const d = Array.from(a, (v, i) => v - b[i]);
  return mean(d) / Math.sqrt(variance(d));
}
