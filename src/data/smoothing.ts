import scalarsJson from "../../schema/views/scalars.json" with { type: "json" };

/**
 * Smoothing of one series (values in step order). Every kind takes the same weight, 0 (none) to
 * 0.999 (most), as TensorBoard's slider does. Non-finite values (NaN, ±Infinity) take no part
 * and come out as they went in, as TensorBoard passes them; a run of finite values never becomes
 * zeros. docs/statistics.md gives each definition and the reference it is checked against.
 */
export type SmoothingType = "ema" | "time_ema" | "gaussian" | "running_average";

export const SMOOTHING_TYPES: readonly SmoothingType[] = ["ema", "time_ema", "gaussian", "running_average"];

/**
 * The smoothing functions, made by one self-contained function: a worker is built from its
 * source (see scalars/smoothing-worker.ts), so nothing in it may refer to anything outside it.
 */
export function smoothingKernels(MAX_SMOOTHING: number) {
  /**
   * What smoothing leaves of a trace, at t * TRACE_STATE of a state array, for continueTraces to
   * go on from: the EMA's running mean, weight^count (0 once negligible), and 1 when every value
   * was the same; the time-weighted EMA's weighted sum, sum of weights and last x; the Gaussian's
   * σ, bound on the points left out, and even gap (0 for none), which say whether its kernel
   * stays the same as the trace grows.
   */
  const TRACE_STATE = 3;

  /** Below 2^-54, 1 - power rounds to 1: the debiasing no longer changes a value. */
  const NEGLIGIBLE_POWER = 2 ** -60;

  /**
   * W&B's VIEWPORT_SCALE, which its documentation leaves unsaid: a chart's x range is this many
   * decay units of the time-weighted EMA.
   */
  const DECAY_UNITS_PER_CHART = 1000;

  /** The Gaussian leaves out points whose weight together could move a value by at most this share of its scale. */
  const GAUSSIAN_TAIL = 2 ** -60;

  /** exp(-d² / 2σ²) is 0 in doubles from about 38.6σ on (exp(-745.2) is): no point further away weighs anything. */
  const GAUSSIAN_REACH = Math.sqrt(2 * 746);

  /**
   * The smoothed values of one series. `x` is where each value lies (steps, or times), ascending;
   * only the time-weighted EMA and the Gaussian use it. Writes into `out` when given. `span` is
   * the x range of the chart the series is drawn in, for the time-weighted EMA (default: x's own).
   */
  function smooth(
    type: SmoothingType,
    values: ArrayLike<number>,
    x: ArrayLike<number>,
    weight: number,
    out: Float64Array = new Float64Array(values.length),
    span = NaN,
  ): Float64Array {
    const w = clampWeight(weight);
    switch (type) {
      case "ema":
        return ema(values, w, out);
      case "time_ema":
        return timeWeightedEma(values, x, w, out, span);
      case "gaussian":
        return gaussian(values, x, w, out);
      case "running_average":
        return runningAverage(values, w, out);
    }
  }

  /**
   * smooth() of every trace of a series, trace t being [offsets[t], ends[t]) of values and x,
   * into the same places of `out`. The EMA takes traces two at a time (emaPair). With `state`
   * (TRACE_STATE numbers a trace), each kind leaves there what continueTraces goes on from.
   */
  function smoothTraces(
    type: SmoothingType,
    values: Float64Array,
    x: Float64Array,
    offsets: ArrayLike<number>,
    ends: ArrayLike<number>,
    weight: number,
    out: Float64Array,
    span = NaN,
    state: Float64Array | null = null,
  ): Float64Array {
    const trace = (t: number, of: Float64Array) => of.subarray(offsets[t], ends[t]);
    const count = ends.length;
    let t = 0;
    if (type === "ema") {
      const w = clampWeight(weight);
      for (; t + 1 < count; t += 2) emaPair(trace(t, values), trace(t + 1, values), w, trace(t, out), trace(t + 1, out), state, t * TRACE_STATE);
      if (t < count) ema(trace(t, values), w, trace(t, out), state, t * TRACE_STATE);
      return out;
    }
    const w = clampWeight(weight);
    for (; t < count; t++) {
      if (type === "time_ema") timeWeightedEmaFrom(trace(t, values), trace(t, x), w, trace(t, out), span, state, t * TRACE_STATE, 0);
      else if (type === "gaussian") gaussianFrom(trace(t, values), trace(t, x), w, trace(t, out), 0, state, t * TRACE_STATE);
      else runningAverageFrom(trace(t, values), w, trace(t, out), 0);
    }
    return out;
  }

  /**
   * smoothTraces of traces that grew: trace t's points before grownFrom[t] were smoothed into
   * `out` already (by smoothTraces or this, with the same settings and `state`). Each kind goes
   * on from where it stopped, with the same values as smoothing the whole trace at once: the EMAs
   * from their state over the new points only; the running average and the Gaussian from the
   * first point whose window reaches the new ones (the Gaussian smooths the trace whole when its
   * kernel changed: a new mean gap, or a bound on the points left out grown past a power of two).
   * Returns, per trace, where its smoothed values begin to differ from before (ends[t]: nowhere).
   */
  function continueTraces(
    type: SmoothingType,
    values: Float64Array,
    x: Float64Array,
    offsets: ArrayLike<number>,
    ends: ArrayLike<number>,
    grownFrom: ArrayLike<number>,
    weight: number,
    out: Float64Array,
    span = NaN,
    state: Float64Array | null = null,
  ): Int32Array {
    const changed = Int32Array.from(ends);
    const w = clampWeight(weight);
    for (let t = 0; t < ends.length; t++) {
      if (grownFrom[t] >= ends[t]) continue;
      const [from, end, at] = [offsets[t], ends[t], t * TRACE_STATE];
      const [trace, place, smoothed] = [values.subarray(from, end), x.subarray(from, end), out.subarray(from, end)];
      const start = grownFrom[t] - from;
      let first = 0;
      if (type === "ema" && state) first = emaOn(trace, w, smoothed, start, state, at);
      // Without a span, the time-weighted EMA's is the trace's own x range, which grew.
      else if (type === "time_ema" && state && Number.isFinite(span)) first = timeWeightedEmaFrom(trace, place, w, smoothed, span, state, at, start);
      else if (type === "gaussian") first = gaussianFrom(trace, place, w, smoothed, start, state, at);
      else if (type === "running_average") first = runningAverageFrom(trace, w, smoothed, start);
      else smooth(type, trace, place, w, smoothed, span);
      changed[t] = from + first;
    }
    return changed;
  }

  function clampWeight(weight: number): number {
    return Number.isFinite(weight) ? Math.min(MAX_SMOOTHING, Math.max(0, weight)) : 0;
  }

  /**
   * How many points a weight spans, w / (1 - w): an EMA's weights fall to 1/e about this many
   * points back. The Gaussian's standard deviation and the running average's half-window use it,
   * so one slider position smooths about as much whichever kind is chosen. The weight is taken
   * as written (0.6, not the double just below it), so 0.6 spans 1.5 points, not 1.4999999999999998.
   */
  function pointsOfWeight(weight: number): number {
    const w = clampWeight(weight);
    const decimal = /^0\.(\d{1,15})$/.exec(String(w));
    if (!decimal) return w / (1 - w);
    const units = Number(decimal[1]);
    return units / (10 ** decimal[1].length - units);
  }

  /**
   * TensorBoard's scalar smoothing: an exponential moving average debiased by 1 - w^n, n the
   * number of finite values so far, so the first smoothed value is the first value. A series whose
   * values are all equal is returned as it is (TensorBoard does the same, to avoid rounding drift).
   * Non-finite values are passed through, as TensorBoard's classicSmoothing does.
   */
  function ema(
    values: ArrayLike<number>,
    weight: number,
    out: Float64Array = new Float64Array(values.length),
    state: Float64Array | null = null,
    at = 0,
  ): Float64Array {
    const n = values.length;
    if (isConstant(values)) {
      for (let i = 0; i < n; i++) out[i] = values[i];
      if (state) state[at + 2] = 1;
      return out;
    }
    return emaFrom(values, weight, out, 0, 0, 1, state, at);
  }

  /**
   * The EMA of values from `start` on, the points before having left the running mean `last` and
   * weight^count `power`; writes what it leaves into state (at `at`) when given.
   */
  function emaFrom(
    values: ArrayLike<number>,
    weight: number,
    out: Float64Array,
    start: number,
    last: number,
    power: number,
    state: Float64Array | null,
    at: number,
  ): Float64Array {
    const n = values.length;
    const keep = 1 - weight;
    // weight^count, kept as a running product rather than a pow() per point. Once it is too small
    // to change 1 - power it is set to 0: multiplied on, it would sink into subnormal doubles and
    // stay at the smallest (w × 5e-324 rounds back up), and subnormal arithmetic is some ten times slower.
    let i = start;
    for (; i < n && power !== 0; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) {
        out[i] = v;
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
      else out[i] = v;
    }
    if (state) state.set([last, power, 0], at);
    return out;
  }

  /**
   * ema() of a trace whose points before `from` were smoothed with this state: the same values as
   * smoothing it whole. Returns the first point whose smoothed value changed.
   */
  function emaOn(values: ArrayLike<number>, weight: number, out: Float64Array, from: number, state: Float64Array, at: number): number {
    if (state[at + 2] !== 1) {
      emaFrom(values, weight, out, from, state[at], state[at + 1], state, at);
      return from;
    }
    // Constant so far (smoothed as itself): still, or smoothed whole now that it is not.
    let i = from;
    while (i < values.length && values[i] === values[0]) out[i] = values[i++];
    if (i === values.length) return from;
    ema(values, weight, out, state, at);
    return 0;
  }

  /**
   * ema() of two series of the same length in one pass, with the same values. Each point's EMA
   * waits on the one before; two independent series let the processor work on both at once, which
   * takes about 40% off smoothing thousands of runs.
   */
  function emaPair(
    a: ArrayLike<number>,
    b: ArrayLike<number>,
    weight: number,
    outA: Float64Array,
    outB: Float64Array,
    state: Float64Array | null = null,
    at = 0,
  ) {
    const n = a.length;
    if (b.length !== n || isConstant(a) || isConstant(b)) {
      ema(a, weight, outA, state, at);
      ema(b, weight, outB, state, at + TRACE_STATE);
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
      } else outA[i] = u;
      if (Number.isFinite(v)) {
        lastB = lastB * weight + keep * v;
        powerB = powerB < NEGLIGIBLE_POWER ? 0 : powerB * weight;
        outB[i] = lastB / (1 - powerB);
      } else outB[i] = v;
    }
    for (; i < n; i++) {
      const u = a[i];
      const v = b[i];
      if (Number.isFinite(u)) outA[i] = lastA = lastA * weight + keep * u;
      else outA[i] = u;
      if (Number.isFinite(v)) outB[i] = lastB = lastB * weight + keep * v;
      else outB[i] = v;
    }
    if (state) state.set([lastA, powerA, 0, lastB, powerB, 0], at);
  }

  /**
   * W&B's time-weighted EMA (TWEMA), as its documentation gives it: the weight is
   * min(sqrt(w), 0.999), and the past decays by weight^(dx × units / span) for a step dx along x,
   * span being the chart's x range (its every run), so one decay unit holds for the whole chart
   * and runs logged at different rates are smoothed over the same stretch of x. Debiased by the
   * weights' sum, so the first value comes out as it is. `span` defaults to x's own range.
   */
  function timeWeightedEma(
    values: ArrayLike<number>,
    x: ArrayLike<number>,
    weight: number,
    out: Float64Array = new Float64Array(values.length),
    span = NaN,
  ): Float64Array {
    timeWeightedEmaFrom(values, x, weight, out, span, null, 0, 0);
    return out;
  }

  /** timeWeightedEma() from point `from` on, the points before having left `state` (at `at`), where it leaves its own; returns `from`. */
  function timeWeightedEmaFrom(
    values: ArrayLike<number>,
    x: ArrayLike<number>,
    weight: number,
    out: Float64Array,
    span: number,
    state: Float64Array | null,
    at: number,
    from: number,
  ): number {
    const decay = Math.min(Math.sqrt(weight), MAX_SMOOTHING);
    const range = Number.isFinite(span) ? span : extent(x);
    // From `from` on, the points before having left this (see TRACE_STATE).
    let [sum, total, lastX] = from > 0 && state ? [state[at], state[at + 1], state[at + 2]] : [0, 0, NaN];
    for (let i = from; i < values.length; i++) {
      const v = values[i];
      const xi = x[i];
      if (!Number.isFinite(v) || !Number.isFinite(xi)) {
        out[i] = v;
        continue;
      }
      // x going back (times out of step order) decays nothing; so does a chart of one x.
      const units = lastX < xi && range > 0 ? ((xi - lastX) / range) * DECAY_UNITS_PER_CHART : 0;
      const kept = Math.pow(decay, units);
      sum = sum * kept + v;
      total = total * kept + 1;
      lastX = xi;
      out[i] = sum / total;
    }
    state?.set([sum, total, lastX], at);
    return from;
  }

  /**
   * A Gaussian kernel smoother over x: each value becomes the weighted mean of the finite values
   * around it, weights exp(-d² / 2σ²) for a distance d in x, with σ = pointsOfWeight(w) mean gaps.
   * Points are taken nearest first, until the weight of all the rest could change the mean by no
   * more than GAUSSIAN_TAIL of the mean of the |values| taken: the full kernel, to rounding,
   * whatever the values' magnitudes (a spike 1e6 still lifts the zeros 5σ away).
   */
  function gaussian(values: ArrayLike<number>, x: ArrayLike<number>, weight: number, out: Float64Array = new Float64Array(values.length)): Float64Array {
    gaussianFrom(values, x, weight, out, 0, null, 0);
    return out;
  }

  /**
   * gaussian() of a series whose values before `from` were smoothed already with the kernel that
   * `state` (at `at`) holds: when the whole series still takes that kernel, only the points whose
   * window reaches past `from` are smoothed again (beyond GAUSSIAN_REACH σ a weight is 0, and
   * the points are taken nearest first, so no window stops elsewhere for the points added);
   * else all. Leaves the kernel in `state`; returns the first point smoothed.
   */
  function gaussianFrom(
    values: ArrayLike<number>,
    x: ArrayLike<number>,
    weight: number,
    out: Float64Array,
    from: number,
    state: Float64Array | null,
    at: number,
  ): number {
    const n = values.length;
    const sigma = pointsOfWeight(weight) * meanGap(x);
    // No width (weight 0, or 2σ² below the doubles) smooths nothing; a width too small to weigh
    // any distance (scale -∞) still averages the points that share one x.
    const scale = -1 / (2 * sigma * sigma);
    if (!(2 * sigma * sigma > 0)) {
      const start = state !== null && from > 0 && state[at] === sigma ? from : 0;
      state?.set([sigma, 0, 0], at);
      for (let i = start; i < n; i++) out[i] = values[i];
      return start;
    }
    let largest = 0;
    for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) largest = Math.max(largest, Math.abs(values[i]));
    // Every point left out weighs at most the next one's k; there are fewer than n of them. Taken
    // up to a power of two, the bound stays the same while a series grows, mostly.
    const bound = 2 ** Math.ceil(Math.log2(2 * n * largest));
    // Evenly spaced x (steps, mostly) take their weights from a table rather than exp() each time.
    const gap = evenGap(x);
    const same = state !== null && from > 0 && state[at] === sigma && state[at + 1] === bound && state[at + 2] === gap;
    state?.set([sigma, bound, gap], at);
    let start = 0;
    if (same) {
      const reach = GAUSSIAN_REACH * sigma;
      start = from;
      while (start > 0 && !(x[from] - x[start - 1] > reach)) start--;
    }
    const table: number[] = [];
    for (let i = start; i < n; i++) {
      const xi = x[i];
      if (!Number.isFinite(values[i]) || !Number.isFinite(xi)) {
        out[i] = values[i];
        continue;
      }
      let sum = values[i];
      let total = 1;
      let magnitude = Math.abs(values[i]);
      let lo = i - 1;
      let hi = i + 1;
      while (lo >= 0 || hi < n) {
        const dLo = lo >= 0 ? xi - x[lo] : Infinity;
        const dHi = hi < n ? x[hi] - xi : Infinity;
        const j = dLo <= dHi ? lo-- : hi++;
        let k: number;
        if (gap > 0) {
          const m = Math.abs(j - i);
          while (table.length <= m) table.push(Math.exp((table.length * gap) ** 2 * scale));
          k = table[m];
        } else {
          const d = Math.min(dLo, dHi);
          k = d === 0 ? 1 : Math.exp(d * d * scale);
        }
        if (k * bound <= GAUSSIAN_TAIL * magnitude) break;
        const v = values[j];
        if (!Number.isFinite(v)) continue;
        sum += k * v;
        total += k;
        magnitude += k * Math.abs(v);
      }
      out[i] = sum / total;
    }
    return start;
  }

  /**
   * A centred running average: each finite value becomes the mean of itself and up to h finite
   * values on either side, h = round(pointsOfWeight(w)); near the ends the window is cut short.
   * The window's sum slides as an exact sum (a floating-point expansion), so a large value
   * leaving it takes nothing of the small ones with it.
   */
  function runningAverage(values: ArrayLike<number>, weight: number, out: Float64Array = new Float64Array(values.length)): Float64Array {
    runningAverageFrom(values, weight, out, 0);
    return out;
  }

  /**
   * runningAverage() of a series whose values before `from` were averaged already: only the last
   * h finite values before it (whose windows reach the points from `from` on) and the points
   * after are averaged again, their windows summed from h finite values further back. The sum is
   * rounded once from its exact value, so where it started does not change it. Returns the first
   * point averaged again.
   */
  function runningAverageFrom(values: ArrayLike<number>, weight: number, out: Float64Array, from: number): number {
    const n = values.length;
    const half = Math.round(pointsOfWeight(weight));
    /** Where the count-th finite value before i is (0 when there are fewer). */
    const back = (i: number, count: number) => {
      while (count > 0 && i > 0) if (Number.isFinite(values[--i])) count--;
      return i;
    };
    const first = back(from, half);
    const lo = back(first, half);
    // The finite values from lo on: the h before `first` (or all before it) only fill its window.
    const finite = new Int32Array(n - lo);
    let m = 0;
    for (let i = lo; i < n; i++) {
      if (i >= first) out[i] = values[i];
      if (Number.isFinite(values[i])) finite[m++] = i;
    }
    if (half === 0) return first;
    const sum = new ExactSum();
    for (let k = 0; k < Math.min(half, m); k++) sum.add(values[finite[k]]);
    for (let k = 0; k < m; k++) {
      if (k + half < m) sum.add(values[finite[k + half]]);
      if (k - half - 1 >= 0) sum.add(-values[finite[k - half - 1]]);
      if (finite[k] >= first) out[finite[k]] = sum.value() / (Math.min(m - 1, k + half) - Math.max(0, k - half) + 1);
    }
    return first;
  }

  /**
   * A sum kept exactly as a nonoverlapping expansion (Shewchuk, "Adaptive precision floating-point
   * arithmetic", 1997): components by increasing magnitude, no zeros; their sum is the exact sum.
   */
  class ExactSum {
    private parts = new Float64Array(8);
    private count = 0;

    add(b: number) {
      let parts = this.parts;
      let q = b;
      let kept = 0;
      for (let i = 0; i < this.count; i++) {
        const e = parts[i];
        const s = q + e;
        const bv = s - q;
        const error = q - (s - bv) + (e - bv);
        if (error !== 0) parts[kept++] = error;
        q = s;
      }
      if (kept === parts.length) {
        const grown = new Float64Array(2 * parts.length);
        grown.set(parts);
        this.parts = parts = grown;
      }
      if (q !== 0) parts[kept++] = q;
      this.count = kept;
    }

    /** The exact sum rounded to the nearest double (ties to even), whatever the order of the values added. */
    value(): number {
      const parts = this.parts;
      let n = this.count;
      if (n === 0) return 0;
      // From the largest component down while the sum stays exact, as Python's math.fsum ends.
      let high = parts[--n];
      let low = 0;
      while (n > 0) {
        const x = high;
        const y = parts[--n];
        high = x + y;
        low = y - (high - x);
        if (low !== 0) break;
      }
      // A tie rounded to even goes the other way when the components below lean that way.
      if (n > 0 && ((low < 0 && parts[n - 1] < 0) || (low > 0 && parts[n - 1] > 0))) {
        const y = low * 2;
        const x = high + y;
        if (y === x - high) high = x;
      }
      return high;
    }
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

  /** The largest finite x less the smallest; 0 with none. */
  function extent(x: ArrayLike<number>): number {
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) continue;
      low = Math.min(low, x[i]);
      high = Math.max(high, x[i]);
    }
    return high > low ? high - low : 0;
  }

  /** The gap between consecutive x when every one is the same (and positive), else 0. */
  function evenGap(x: ArrayLike<number>): number {
    const gap = x[1] - x[0];
    if (!(gap > 0) || !Number.isFinite(gap)) return 0;
    for (let i = 2; i < x.length; i++) if (x[i] - x[i - 1] !== gap) return 0;
    return gap;
  }

  return {
    smooth,
    smoothTraces,
    continueTraces,
    TRACE_STATE,
    clampWeight,
    pointsOfWeight,
    ema,
    emaPair,
    timeWeightedEma,
    gaussian,
    runningAverage,
    MAX_SMOOTHING,
  };
}

// The most smoothing is the limit of the scalars view's smoothing option.
export const {
  smooth,
  smoothTraces,
  continueTraces,
  TRACE_STATE,
  clampWeight,
  pointsOfWeight,
  ema,
  emaPair,
  timeWeightedEma,
  gaussian,
  runningAverage,
  MAX_SMOOTHING,
} = smoothingKernels(scalarsJson.properties.smoothing.maximum);
