/**
 * The two distribution functions the tests need, Student's t and the standard normal, from the
 * regularized incomplete beta and gamma functions (Lentz's continued fractions, as Numerical
 * Recipes §6.2 and §6.4 give them). Written here rather than taken from @stdlib, whose two
 * CDFs bring 217 packages into every `npm install runcompare`; checked against scipy to 1e-9 in
 * tests/unit/data/significance.test.ts and tests/unit/data/stats/distributions.test.ts.
 */

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 10_000;

/** P(|T| ≥ |t|) for Student's t with df degrees of freedom (scipy: 2 * t.sf(|t|, df)). */
export function tTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  if (df === Infinity) return Math.min(1, 2 * normalCdfStandard(-Math.abs(t)));
  // P(|T| ≥ |t|) = I_x(df/2, 1/2) with x = df / (df + t²); written so that small t² keeps its digits.
  const x = df / (df + t * t);
  const rest = (t * t) / (df + t * t);
  return Math.min(1, incompleteBeta(df / 2, 0.5, x, rest));
}

/** P(Z ≤ z) for the standard normal (scipy: special.ndtr). */
export function normalCdfStandard(z: number): number {
  if (Number.isNaN(z)) return NaN;
  // Φ(z) = erfc(-z/√2) / 2, and erfc(x) = Q(1/2, x²) for x ≥ 0, the regularized upper incomplete gamma.
  const x = z / Math.SQRT2;
  const half = 0.5 * gammaQHalf(x * x);
  return z < 0 ? half : 1 - half;
}

/** The regularized incomplete beta I_x(a, b), with y = 1 - x passed as computed (not rounded through x). */
function incompleteBeta(a: number, b: number, x: number, y: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(y) - logBeta(a, b));
  // The continued fraction converges fast for x < (a + 1) / (a + b + 2); else by symmetry.
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, y)) / b;
}

function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return h;
}

/** Q(1/2, v) = Γ(1/2, v) / Γ(1/2) = erfc(√v): a series below v = 1.5, a continued fraction above. */
function gammaQHalf(v: number): number {
  if (v <= 0) return 1;
  const a = 0.5;
  const logFront = a * Math.log(v) - v - 0.5 * Math.log(Math.PI);
  if (v < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n <= MAX_TERMS; n++) {
      term *= v / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return 1 - sum * Math.exp(logFront);
  }
  let b = v + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n <= MAX_TERMS; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return Math.exp(logFront) * h;
}

/** log B(a, b) from Lanczos' approximation of log Γ (g = 7, nine terms: about 1e-15 relative). */
function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
