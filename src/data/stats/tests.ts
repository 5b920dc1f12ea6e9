/**
 * Two-sample tests, two-sided, each computed as scipy.stats computes it (scipy 1.17), so that
 * every p-value equals scipy's to rounding: tests/python/test_statistics.py checks it.
 */
import { mean, ranks, variance } from "./describe.js";
import { normalCdfStandard, tTwoSided } from "./distributions.js";

export interface TestResult {
  readonly statistic: number;
  readonly p: number;
  /** Degrees of freedom of a t-test; NaN for the rank tests. */
  readonly df: number;
  /** How the p-value was found: "t", "exact", "asymptotic" (normal), or "permutation" (every sign flip). */
  readonly method: "t" | "exact" | "asymptotic" | "permutation";
}

/** Welch's t-test (scipy.stats.ttest_ind with equal_var=False). */
export function welch(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  const [na, nb] = [a.length, b.length];
  const [va, vb] = [variance(a) / na, variance(b) / nb];
  let df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1));
  // Both variances zero: any df gives the same p (0 or NaN), as in scipy.
  if (Number.isNaN(df)) df = 1;
  const t = (mean(a) - mean(b)) / Math.sqrt(va + vb);
  return { statistic: t, p: tTwoSided(t, df), df, method: "t" };
}

/** The paired t-test on a - b (scipy.stats.ttest_rel). */
export function pairedT(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  const d = differences(a, b);
  const t = mean(d) / Math.sqrt(variance(d) / d.length);
  return { statistic: t, p: tTwoSided(t, d.length - 1), df: d.length - 1, method: "t" };
}

/**
 * The Mann-Whitney U test (scipy.stats.mannwhitneyu, continuity correction on, method "auto"):
 * the statistic is a's U; exact when either sample has at most 8 values and there are no ties,
 * else the normal approximation with the tie correction.
 */
export function mannWhitney(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  const [n1, n2] = [a.length, b.length];
  const { ranks: r, tieSizes } = ranks([...Array.from(a), ...Array.from(b)]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += r[i];
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u = Math.max(u1, n1 * n2 - u1);
  const ties = tieSizes.some((t) => t > 1);
  if ((n1 <= 8 || n2 <= 8) && !ties) {
    const counts = mannWhitneyCounts(n1, n2);
    let tail = 0;
    let total = 0;
    for (let k = 0; k < counts.length; k++) {
      total += counts[k];
      if (k >= u) tail += counts[k];
    }
    return { statistic: u1, p: Math.min(1, (2 * tail) / total), df: NaN, method: "exact" };
  }
  const n = n1 + n2;
  const tieTerm = tieSizes.reduce((sum, t) => sum + t ** 3 - t, 0);
  const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = (u - (n1 * n2) / 2 - 0.5) / s;
  return { statistic: u1, p: Math.min(1, 2 * normalCdfStandard(-z)), df: NaN, method: "asymptotic" };
}

/**
 * How many of the C(n1 + n2, n1) orderings give each U, 0 to n1·n2: the coefficients of the
 * Gaussian binomial [n1 + n2 choose n1]_q, built as ∏ (1 - q^(n2+i)) / (1 - q^i).
 */
function mannWhitneyCounts(n1: number, n2: number): Float64Array {
  const [m, n] = [Math.min(n1, n2), Math.max(n1, n2)];
  const c = new Float64Array(m * n + 1);
  c[0] = 1;
  for (let i = 1; i <= m; i++) {
    for (let k = c.length - 1; k >= n + i; k--) c[k] -= c[k - n - i];
    for (let k = i; k < c.length; k++) c[k] += c[k - i];
  }
  return c;
}

/**
 * The Wilcoxon signed-rank test on a - b (scipy.stats.wilcoxon, zero_method "wilcox", no
 * continuity correction, method "auto"): zero differences are dropped; the statistic is the
 * smaller of the signed rank sums. Exact with at most 50 pairs and no ties nor zeros; with ties
 * or zeros, every sign flip (a permutation test) for at most 13 pairs, else the normal approximation.
 */
export function wilcoxon(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  const d = differences(a, b);
  const nonzero = d.filter((v) => v !== 0);
  const count = nonzero.length;
  const { ranks: r, tieSizes } = ranks(nonzero.map(Math.abs));
  let plus = 0;
  let minus = 0;
  nonzero.forEach((v, i) => (v > 0 ? (plus += r[i]) : (minus += r[i])));
  const statistic = Math.min(plus, minus);
  const ties = tieSizes.some((t) => t > 1);
  const zeros = count < d.length;
  if (d.length <= 50 && !ties && !zeros) {
    const pmf = signedRankPmf(count);
    const middle = (count * (count + 1)) / 4;
    const sum = (from: number, to: number) => pmf.slice(Math.max(0, from), Math.max(0, to + 1)).reduce((s, p) => s + p, 0);
    // scipy's WilcoxonDistribution: each tail summed directly up to the mean, else as 1 - the other.
    const cdf = (k: number) => (k <= middle ? sum(0, k) : 1 - sum(k + 1, pmf.length - 1));
    const sf = (k: number) => (k <= middle ? sum(k, pmf.length - 1) : 1 - sum(0, k - 1));
    const p = 2 * Math.min(sf(Math.floor(plus)), cdf(Math.ceil(plus)));
    return { statistic, p: Math.min(1, Math.max(0, p)), df: NaN, method: "exact" };
  }
  if (d.length <= 13) return { statistic, p: signFlipP(r, plus), df: NaN, method: "permutation" };
  const tieTerm = tieSizes.reduce((s, t) => s + t ** 3 - t, 0);
  const se = Math.sqrt((count * (count + 1) * (2 * count + 1) - tieTerm / 2) / 24);
  const z = (plus - (count * (count + 1)) / 4) / se;
  return { statistic, p: Math.min(1, 2 * normalCdfStandard(-Math.abs(z))), df: NaN, method: "asymptotic" };
}

/** P(R+ = k), k = 0 to n(n+1)/2: the share of the 2^n sign choices whose positive ranks sum to k. */
function signedRankPmf(n: number): number[] {
  const counts = new Float64Array((n * (n + 1)) / 2 + 1);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) for (let k = counts.length - 1; k >= rank; k--) counts[k] += counts[k - rank];
  return Array.from(counts, (c) => c / 2 ** n);
}

/**
 * scipy's exact permutation test of the positive rank sum over all 2^n sign flips: twice the
 * smaller tail, sums within 100 ulps of the observed one counted in. A zero difference flips to
 * itself, so it leaves every share as it is and is left out.
 */
function signFlipP(rankOf: ArrayLike<number>, observed: number): number {
  const n = rankOf.length;
  const gamma = Math.abs(100 * Number.EPSILON * observed);
  let below = 0;
  let above = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let sum = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) sum += rankOf[i];
    if (sum <= observed + gamma) below++;
    if (sum >= observed - gamma) above++;
  }
  const total = 2 ** n;
  return Math.min(1, 2 * Math.min(below / total, above / total));
}

function differences(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  return Array.from(a, (v, i) => v - b[i]);
}
