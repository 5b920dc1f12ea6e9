/**
 * Smoothing of one series (values in step order). Every kind takes the same weight, 0 (none) to
 * 0.999 (most), as TensorBoard's slider does. Non-finite values (NaN, ±Infinity) take no part
 * and come out as NaN, which is drawn as a gap; a run of finite values never becomes zeros.
 */
export type SmoothingType = "ema" | "time_ema" | "gaussian" | "running_average";

export const SMOOTHING_TYPES: readonly SmoothingType[] = ["ema", "time_ema", "gaussian", "running_average"];

/**
 * The smoothing functions, made by one self-contained function: a worker is built from its
 * source (see scalars/smoothing-worker.ts), so nothing in it may refer to anything outside it.
 */
export function smoothingKernels() {
  const MAX_SMOOTHING = 0.999;

  /** Below 2^-54, 1 - power rounds to 1: the debiasing no longer changes a value. */
  const NEGLIGIBLE_POWER = 2 ** -60;

  /** Gaussian weights below exp(-4²/2) (0.03% of the peak) are left out. */
  const GAUSSIAN_REACH = 4;

  /**
   * The smoothed values of one series. `x` is where each value lies (steps, or times), ascending;
   * only the time-weighted EMA and the Gaussian use it. Writes into `out` when given.
   */
  function smooth(
    type: SmoothingType,
    values: ArrayLike<number>,
    x: ArrayLike<number>,
    weight: number,
    out: Float64Array = new Float64Array(values.length),
  ): Float64Array {
    const w = clampWeight(weight);
    switch (type) {
      case "ema":
        return ema(values, w, out);
      case "time_ema":
        return timeWeightedEma(values, x, w, out);
      case "gaussian":
        return gaussian(values, x, w, out);
      case "running_average":
        return runningAverage(values, w, out);
    }
  }

  /**
   * smooth() of every trace of a series, trace t being [offsets[t], offsets[t + 1]) of values and x,
   * into the same places of `out`. The EMA takes traces two at a time (emaPair).
   */
  function smoothTraces(type: SmoothingType, values: Float64Array, x: Float64Array, offsets: ArrayLike<number>, weight: number, out: Float64Array): Float64Array {
    const trace = (t: number, of: Float64Array) => of.subarray(offsets[t], offsets[t + 1]);
    const count = offsets.length - 1;
    let t = 0;
    if (type === "ema") {
      const w = clampWeight(weight);
      for (; t + 1 < count; t += 2) emaPair(trace(t, values), trace(t + 1, values), w, trace(t, out), trace(t + 1, out));
    }
    for (; t < count; t++) smooth(type, trace(t, values), trace(t, x), weight, trace(t, out));
    return out;
  }

  function clampWeight(weight: number): number {
    return Number.isFinite(weight) ? Math.min(MAX_SMOOTHING, Math.max(0, weight)) : 0;
  }

  /**
   * How many points a weight spans, w / (1 - w): an EMA's weights fall to 1/e about this many
   * points back. The Gaussian's standard deviation and the running average's half-window use it,
   * so one slider position smooths about as much whichever kind is chosen.
   */
  function pointsOfWeight(weight: number): number {
    const w = clampWeight(weight);
    return w / (1 - w);
  }

  /**
   * TensorBoard's scalar smoothing: an exponential moving average debiased by 1 - w^n, n the
   * number of finite values so far, so the first smoothed value is the first value. A series whose
   * values are all equal is returned as it is (TensorBoard does the same, to avoid rounding drift).
   */
  function ema(values: ArrayLike<number>, weight: number, out: Float64Array = new Float64Array(values.length)): Float64Array {
    const n = values.length;
    if (isConstant(values)) {
      for (let i = 0; i < n; i++) out[i] = finiteOrNaN(values[i]);
      return out;
    }
    const keep = 1 - weight;
    let last = 0;
    // weight^count, kept as a running product rather than a pow() per point. Once it is too small
    // to change 1 - power it is set to 0: multiplied on, it would sink into subnormal doubles and
    // stay at the smallest (w × 5e-324 rounds back up), and subnormal arithmetic is some ten times slower.
    let power = 1;
    let i = 0;
    for (; i < n && power !== 0; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) {
        out[i] = NaN;
        continue;
      }
      last = last * weight + keep * v;
      power = power < NEGLIGIBLE_POWER ? 0 : power * weight;
      out[i] = last / (1 - power);
    }
    // From here on 1 - power is 1: no division.
    for (; i < n; i++) {
      const v = values[i];
      if (Number.isFinite(v)) out[i] = last = last * weight + keep * v;
      else out[i] = NaN;
    }
    return out;
  }

  /**
   * ema() of two series of the same length in one pass, with the same values. Each point's EMA
   * waits on the one before; two independent series let the processor work on both at once, which
   * takes about 40% off smoothing thousands of runs.
   */
  function emaPair(a: ArrayLike<number>, b: ArrayLike<number>, weight: number, outA: Float64Array, outB: Float64Array) {
    const n = a.length;
    if (b.length !== n || isConstant(a) || isConstant(b)) {
      ema(a, weight, outA);
      ema(b, weight, outB);
      return;
    }
    const keep = 1 - weight;
    let lastA = 0;
    let lastB = 0;
    let powerA = 1;
    let powerB = 1;
    let i = 0;
    for (; i < n && (powerA !== 0 || powerB !== 0); i++) {
      const u = a[i];
      const v = b[i];
      if (Number.isFinite(u)) {
        lastA = lastA * weight + keep * u;
        powerA = powerA < NEGLIGIBLE_POWER ? 0 : powerA * weight;
        outA[i] = lastA / (1 - powerA);
      } else outA[i] = NaN;
      if (Number.isFinite(v)) {
        lastB = lastB * weight + keep * v;
        powerB = powerB < NEGLIGIBLE_POWER ? 0 : powerB * weight;
        outB[i] = lastB / (1 - powerB);
      } else outB[i] = NaN;
    }
    for (; i < n; i++) {
      const u = a[i];
      const v = b[i];
      if (Number.isFinite(u)) outA[i] = lastA = lastA * weight + keep * u;
      else outA[i] = NaN;
      if (Number.isFinite(v)) outB[i] = lastB = lastB * weight + keep * v;
      else outB[i] = NaN;
    }
  }

  /**
   * An EMA whose weights decay with the distance in x rather than the count of points: a value
   * dx after the previous one discounts the past by w^(dx / mean gap). With evenly spaced x and no
   * gaps it equals the debiased EMA; a long pause in logging forgets more of what came before it.
   */
  function timeWeightedEma(
    values: ArrayLike<number>,
    x: ArrayLike<number>,
    weight: number,
    out: Float64Array = new Float64Array(values.length),
  ): Float64Array {
    const gap = meanGap(x);
    let sum = 0;
    let total = 0;
    let lastX = NaN;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v) || !Number.isFinite(x[i])) {
        out[i] = NaN;
        continue;
      }
      const decay = Number.isNaN(lastX) || gap === 0 ? weight : Math.pow(weight, (x[i] - lastX) / gap);
      sum = sum * decay + v;
      total = total * decay + 1;
      lastX = x[i];
      out[i] = sum / total;
    }
    return out;
  }

  /**
   * A Gaussian kernel smoother over x: each value becomes the weighted mean of the finite values
   * around it, weights exp(-d² / 2σ²) for a distance d in x, with σ = pointsOfWeight(w) mean gaps.
   */
  function gaussian(
    values: ArrayLike<number>,
    x: ArrayLike<number>,
    weight: number,
    out: Float64Array = new Float64Array(values.length),
  ): Float64Array {
    const n = values.length;
    const sigma = pointsOfWeight(weight) * meanGap(x);
    const scale = -1 / (2 * sigma * sigma);
    // A kernel narrower than the doubles can weigh (σ² underflows) leaves every value as it is.
    if (!(sigma > 0) || !Number.isFinite(scale)) {
      for (let i = 0; i < n; i++) out[i] = finiteOrNaN(values[i]);
      return out;
    }
    const reach = GAUSSIAN_REACH * sigma;
    let from = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      if (!Number.isFinite(values[i]) || !Number.isFinite(xi)) {
        out[i] = NaN;
        continue;
      }
      while (x[from] < xi - reach) from++;
      let sum = 0;
      let total = 0;
      for (let j = from; j < n && x[j] <= xi + reach; j++) {
        const v = values[j];
        if (!Number.isFinite(v)) continue;
        const d = x[j] - xi;
        const k = Math.exp(d * d * scale);
        sum += k * v;
        total += k;
      }
      out[i] = sum / total;
    }
    return out;
  }

  /**
   * A centred running average: each finite value becomes the mean of itself and up to h finite
   * values on either side, h = round(pointsOfWeight(w)); near the ends the window is cut short.
   */
  function runningAverage(values: ArrayLike<number>, weight: number, out: Float64Array = new Float64Array(values.length)): Float64Array {
    const n = values.length;
    const half = Math.round(pointsOfWeight(weight));
    // Prefix sums over the finite values only, so a gap neither counts nor breaks the window.
    const finite = new Int32Array(n);
    const prefix = new Float64Array(n + 1);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      finite[m] = i;
      prefix[m + 1] = prefix[m] + v;
      m++;
    }
    out.fill(NaN, 0, n);
    for (let k = 0; k < m; k++) {
      const lo = Math.max(0, k - half);
      const hi = Math.min(m - 1, k + half);
      out[finite[k]] = half === 0 ? values[finite[k]] : (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
    }
    return out;
  }

  function isConstant(values: ArrayLike<number>): boolean {
    const first = values[0];
    for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
    return true;
  }

  /** The mean distance between consecutive x (logging's usual interval, gaps included); 0 with fewer than two. */
  function meanGap(x: ArrayLike<number>): number {
    let first = NaN;
    let last = NaN;
    let count = 0;
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) continue;
      if (count === 0) first = x[i];
      last = x[i];
      count++;
    }
    return count > 1 ? (last - first) / (count - 1) : 0;
  }

  function finiteOrNaN(v: number): number {
    return Number.isFinite(v) ? v : NaN;
  }

  return { smooth, smoothTraces, clampWeight, pointsOfWeight, ema, emaPair, timeWeightedEma, gaussian, runningAverage, MAX_SMOOTHING };
}

export const { smooth, smoothTraces, clampWeight, pointsOfWeight, ema, emaPair, timeWeightedEma, gaussian, runningAverage, MAX_SMOOTHING } = smoothingKernels();
