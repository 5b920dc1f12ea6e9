import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";

/** P(|T| ≥ |t|) for Student's t with df degrees of freedom (scipy: 2 * t.sf(|t|, df)). */
export function tTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** P(Z ≤ z) for the standard normal (scipy: special.ndtr). */
export function normalCdfStandard(z: number): number {
  return normalCdf(z, 0, 1);
}
