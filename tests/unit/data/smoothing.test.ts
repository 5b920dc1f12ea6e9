import fc from "fast-check";
import tensorBoardNumbers from "./fixtures/tensorboard-smoothing.json";
import {
  ema,
  emaPair,
  gaussian,
  pointsOfWeight,
  runningAverage,
  smooth,
  smoothTraces,
  continueTraces,
  TRACE_STATE,
  timeWeightedEma,
  SMOOTHING_TYPES,
} from "../../../src/data/smoothing";

// Straightforward references, written from the definitions and not from the code under test.
// Non-finite values pass through every one of them unchanged and take no part.

/** TensorBoard's classicSmoothing (tensorboard/webapp/widgets/line_chart_v2/data_transformer.ts), point by point. */
function tensorBoardSmoothing(ys: number[], w: number): number[] {
  if (ys.every((y) => y == ys[0])) return ys;
  let last = 0;
  let n = 0;
  return ys.map((y) => {
    if (!Number.isFinite(y)) return y;
    last = last * w + (1 - w) * y;
    n++;
    return last / (1 - Math.pow(w, n));
  });
}

/** W&B's documented time-weighted EMA over the finite points, VIEWPORT_SCALE = 1000, rangeOfX = span. */
function wandbTimeWeighted(ys: number[], xs: number[], p: number, span: number): number[] {
  const smoothingWeight = Math.min(Math.sqrt(p || 0), 0.999);
  const finite = ys.map((_, i) => i).filter((i) => Number.isFinite(ys[i]));
  const out = [...ys];
  let lastY = 0;
  let debiasWeight = 0;
  finite.forEach((i, index) => {
    const prevX = index > 0 ? finite[index - 1] : i;
    const changeInX = ((xs[i] - xs[prevX]) / span) * 1000;
    const smoothingWeightAdj = Math.pow(smoothingWeight, changeInX);
    lastY = lastY * smoothingWeightAdj + ys[i];
    debiasWeight = debiasWeight * smoothingWeightAdj + 1;
    out[i] = lastY / debiasWeight;
  });
  return out;
}

/** The Gaussian kernel over every finite point, untruncated; sigma = w / (1 - w) mean gaps of x. */
function gaussianReference(ys: number[], xs: number[], w: number, sigmaPoints = w / (1 - w)): number[] {
  const finite = ys.map((_, i) => i).filter((i) => Number.isFinite(ys[i]));
  const gap = xs.length > 1 ? (xs[xs.length - 1] - xs[0]) / (xs.length - 1) : 0;
  const sigma = sigmaPoints * gap;
  return ys.map((y, i) => {
    if (!Number.isFinite(y) || !(2 * sigma * sigma > 0)) return y;
    let sum = 0;
    let total = 0;
    for (const k of finite) {
      const weight = Math.exp(-((xs[k] - xs[i]) ** 2) / (2 * sigma * sigma));
      sum += weight * ys[k];
      total += weight;
    }
    return sum / total;
  });
}

/** The mean of the finite points at most h finite points away, summed afresh for each window. */
function runningReference(ys: number[], h: number): number[] {
  const finite = ys.map((_, i) => i).filter((i) => Number.isFinite(ys[i]));
  return ys.map((y, i) => {
    if (!Number.isFinite(y)) return y;
    const k = finite.indexOf(i);
    const window = finite.slice(Math.max(0, k - h), k + h + 1).map((j) => ys[j]);
    return window.reduce((a, b) => a + b, 0) / window.length;
  });
}

/**
 * Each value within `relative` of the expected one, relative to `scale` (by default the expected
 * value itself): NaN and infinities must be the same.
 */
function expectClose(actual: ArrayLike<number>, expected: readonly number[], relative = 1e-12, scale: readonly number[] = expected) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i], expected[i]];
    if (!Number.isFinite(e)) expect(Object.is(a, e)).toBe(true);
    else if (Math.abs(a - e) > relative * Math.abs(scale[i]))
      throw new Error(`at ${i}: ${a} instead of ${e} (relative ${Math.abs(a - e) / Math.abs(scale[i])})`);
  }
}

const steps = (n: number) => Array.from({ length: n }, (_, i) => i);
const magnitudes = (ys: number[]) => ys.map((y) => (Number.isFinite(y) ? Math.abs(y) : y));

/** Finite values of any sign from 1e-12 to 1e12 in magnitude, with now and then a gap of each kind. */
const wideValue = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.double({ min: -12, max: 12, noNaN: true }), fc.boolean()).map(([e, negative]) => (negative ? -1 : 1) * 10 ** e) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0) },
);
const positiveValue = fc.double({ min: -12, max: 12, noNaN: true }).map((e) => 10 ** e);
const anyWeight = fc.oneof(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.constantFrom(0.5, 0.6, 0.9, 0.99, 0.999));

describe("TensorBoard's debiased EMA (the default)", () => {
  test("TensorBoard's own numbers (its data_transformer_test.ts): [1, 0.5, 0] and [0, 0.5, 1] at 0.6", () => {
    expectClose(ema([1, 0.5, 0], 0.6), [1, 0.6875, ((0.5 * 0.4 + 0.4 * 1 * 0.6) * 0.6 + 0) / (1 - Math.pow(0.6, 3))], 1e-15);
    expectClose(ema([0, 0.5, 1], 0.6), [0, 0.3125, (1 * 0.4 + 0.5 * 0.4 * 0.6) / (1 - Math.pow(0.6, 3))], 1e-15, [1, 1, 1]);
    expectClose(ema([1, 0.5, 0], 0), [1, 0.5, 0]);
  });

  test("TensorBoard's own numbers: its classicSmoothing run on a real curve, with gaps and a spike (fixture)", () => {
    for (const { values, weight, smoothed } of tensorBoardNumbers.cases) {
      const ys = values.map(Number);
      expectClose(ema(ys, weight), smoothed.map(Number), 1e-12, tensorBoardSmoothing(magnitudes(ys), weight));
    }
  });

  test("TensorBoard's own numbers: non-finite values pass through unchanged and take no part", () => {
    const out = ema([-Infinity, 1, NaN, Infinity, 0.5], 0.6);
    expect(Array.from(out)).toEqual([-Infinity, 1, NaN, Infinity, 0.6875]);
  });

  test("hand-worked: 1, 2, 3 at weight 0.5", () => {
    // last: 0.5, 1.25, 2.125; debias: 0.5, 0.75, 0.875.
    expectClose(ema([1, 2, 3], 0.5), [1, 1.25 / 0.75, 2.125 / 0.875], 1e-15);
  });

  test("a constant series comes back exactly, infinities too", () => {
    expect(Array.from(ema([0.1, 0.1, 0.1, 0.1], 0.6))).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(Array.from(ema([Infinity, Infinity], 0.6))).toEqual([Infinity, Infinity]);
  });

  test("a single point, only gaps, nothing", () => {
    expect(Array.from(ema([42], 0.9))).toEqual([42]);
    expect(Array.from(ema([NaN, Infinity], 0.9))).toEqual([NaN, Infinity]);
    expect(ema([], 0.9).length).toBe(0);
  });

  test("on a long series the debiasing fades out exactly: later values are the plain moving average", () => {
    // At weight 0.6, 0.6^n < 2^-54 from n = 74 on, so 1 - 0.6^n is exactly 1 in doubles.
    const ys = Array.from({ length: 3000 }, (_, i) => Math.sin(i) * 10 + (i % 7));
    const smoothed = ema(ys, 0.6);
    let plain = 0;
    ys.forEach((y, i) => {
      plain = plain * 0.6 + 0.4 * y;
      if (i >= 80) expect(smoothed[i]).toBe(plain);
    });
    expectClose(
      smoothed.subarray(0, 80),
      tensorBoardSmoothing(ys, 0.6).slice(0, 80),
      1e-12,
      magnitudes(ys)
        .slice(0, 80)
        .map(() => 10),
    );
  });

  test("equals TensorBoard's to 1e-12 relative on positive values from 1e-12 to 1e12 in one series", () => {
    fc.assert(
      fc.property(fc.array(positiveValue, { minLength: 1, maxLength: 300 }), anyWeight, (ys, w) => {
        expectClose(ema(ys, w), tensorBoardSmoothing(ys, w));
      }),
    );
  });

  test("equals TensorBoard's on any finite values with gaps, to 1e-12 of the smoothed magnitudes", () => {
    fc.assert(
      fc.property(fc.array(wideValue, { minLength: 1, maxLength: 300 }), anyWeight, (ys, w) => {
        expectClose(ema(ys, w), tensorBoardSmoothing(ys, w), 1e-12, tensorBoardSmoothing(magnitudes(ys), w));
      }),
    );
  });
});

describe("time-weighted EMA (W&B's TWEMA)", () => {
  test("hand-worked: weight sqrt(p), decaying by the distance in thousandths of the span", () => {
    // p = 0.25: weight 0.5. x 0, 1, 3 in a chart 1000 wide: steps of 1 and 2 decay units.
    const [a, b] = [0.5, 0.25];
    expectClose(timeWeightedEma([1, 2, 4], [0, 1, 3], 0.25, undefined, 1000), [1, (a + 2) / (a + 1), ((a + 2) * b + 4) / ((a + 1) * b + 1)], 1e-15);
  });

  test("the span is the chart's: a run logged ten times less often is smoothed over the same stretch of x", () => {
    const dense = Array.from({ length: 1001 }, (_, i) => Math.sin(i / 30) + (i % 2));
    const x = steps(1001);
    const sparseX = x.filter((s) => s % 10 === 0);
    const sparse = timeWeightedEma(
      sparseX.map((s) => dense[s]),
      sparseX,
      0.9,
      undefined,
      1000,
    );
    // A step of 10 steps is 10 decay units, whatever the run's own logging interval.
    expectClose(
      sparse,
      wandbTimeWeighted(
        sparseX.map((s) => dense[s]),
        sparseX,
        0.9,
        1000,
      ),
    );
    expectClose(timeWeightedEma(dense, x, 0.9), wandbTimeWeighted(dense, x, 0.9, 1000));
  });

  test("a single point, one x for all, x going back: nothing decays", () => {
    expect(Array.from(timeWeightedEma([7], [100], 0.9))).toEqual([7]);
    expectClose(timeWeightedEma([1, 3], [5, 5], 0.9), [1, 2]);
    expectClose(timeWeightedEma([1, 3, 5], [0, 10, 4], 0.25, undefined, 10), [
      1,
      (0.5 ** 1000 * 1 + 3) / (0.5 ** 1000 + 1),
      (0.5 ** 1000 * 1 + 3 + 5) / (0.5 ** 1000 + 2),
    ]);
  });

  test("equals W&B's documented code to 1e-12 on values from 1e-12 to 1e12, uneven x, with gaps", () => {
    const points = fc.array(fc.tuple(wideValue, fc.double({ min: 0, max: 50, noNaN: true })), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(points, anyWeight, fc.double({ min: 1, max: 1e4, noNaN: true }), (pairs, p, extra) => {
        const ys = pairs.map(([y]) => y);
        const xs: number[] = [];
        pairs.forEach(([, gap], i) => xs.push(i === 0 ? 0 : xs[i - 1] + gap));
        const span = xs[xs.length - 1] + extra;
        expectClose(timeWeightedEma(ys, xs, p, undefined, span), wandbTimeWeighted(ys, xs, p, span), 1e-12, wandbTimeWeighted(magnitudes(ys), xs, p, span));
      }),
    );
  });
});

describe("Gaussian", () => {
  test("hand-worked: 0, 1, 0 with sigma one step", () => {
    // Weight 0.5 spans 1 point, so sigma = 1 step.
    const e = Math.exp(-0.5);
    expectClose(gaussian([0, 1, 0], [0, 1, 2], 0.5), [e / (1 + e + Math.exp(-2)), 1 / (1 + 2 * e), e / (1 + e + Math.exp(-2))], 1e-15);
  });

  test("no truncation: a spike of 1e6 still lifts the zeros 5 sigma away (2.125, not 0)", () => {
    const out = gaussian([1e6, 0, 0, 0, 0, 0], steps(6), 0.5);
    expectClose(out, gaussianReference([1e6, 0, 0, 0, 0, 0], steps(6), 0.5));
    expect(out[5]).toBeCloseTo(2.125, 3);
  });

  test("equals the untruncated kernel to 1e-12 relative on positive values from 1e-12 to 1e12", () => {
    fc.assert(
      fc.property(fc.array(positiveValue, { minLength: 1, maxLength: 150 }), anyWeight, (ys, w) => {
        expectClose(gaussian(ys, steps(ys.length), w), gaussianReference(ys, steps(ys.length), w));
      }),
    );
  });

  test("equals the untruncated kernel on any values, uneven x, gaps: to 1e-12 of the smoothed magnitudes", () => {
    const points = fc.array(fc.tuple(wideValue, fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(points, anyWeight, (pairs, w) => {
        const ys = pairs.map(([y]) => y);
        const xs: number[] = [];
        pairs.forEach(([, gap], i) => xs.push(i === 0 ? 0 : xs[i - 1] + gap));
        expectClose(gaussian(ys, xs, w), gaussianReference(ys, xs, w), 1e-12, gaussianReference(magnitudes(ys), xs, w));
      }),
    );
  });

  test("weight 0 and a single point leave values as they are", () => {
    expectClose(gaussian([3, 1, 2], [0, 1, 2], 0), [3, 1, 2]);
    expect(Array.from(gaussian([9], [4], 0.9))).toEqual([9]);
  });
});

describe("running average", () => {
  test("pointsOfWeight takes the weight as written: 0.6 spans 1.5 points, 0.999 spans 999", () => {
    expect(pointsOfWeight(0.6)).toBe(1.5);
    expect(pointsOfWeight(0.5)).toBe(1);
    expect(pointsOfWeight(0.999)).toBe(999);
    expect(pointsOfWeight(0.75)).toBe(3);
    expect(pointsOfWeight(0.3)).toBe(3 / 7);
    expect(pointsOfWeight(0)).toBe(0);
    // So at 0.6 the window reaches 2 points each side (round(1.5)), not 1.
    expectClose(runningAverage([1, 2, 3, 4, 5], 0.6), [2, 2.5, 3, 3.5, 4]);
  });

  test("hand-worked: weight 0.5 averages each point with one on either side", () => {
    expectClose(runningAverage([1, 2, 3, 4, 5], 0.5), [1.5, 2, 3, 4, 4.5]);
  });

  test("gaps take no part, do not shrink the window, and come out as they went in", () => {
    // Neighbours of 3 are 1 and 5, the finite points on either side.
    expect(Array.from(runningAverage([1, NaN, 3, Infinity, 5], 0.5))).toEqual([2, NaN, 3, Infinity, 4]);
  });

  test("a large value leaving the window takes nothing of the small ones with it", () => {
    const ys = [1e10, 3e-7, 1e-7, 2e-7, 1e-7, 3e-7, 2e-7];
    expectClose(runningAverage(ys, 0.5), runningReference(ys, 1));
    expectClose(runningAverage(ys, 0.5).subarray(2), [2e-7, 4e-7 / 3, 2e-7, 2e-7, 2.5e-7]);
  });

  test("equals the window means to 1e-12 relative on positive values from 1e-12 to 1e12", () => {
    fc.assert(
      fc.property(fc.array(positiveValue, { minLength: 1, maxLength: 200 }), anyWeight, (ys, w) => {
        expectClose(runningAverage(ys, w), runningReference(ys, Math.round(pointsOfWeight(w))));
      }),
    );
  });

  test("equals the window means on any values with gaps, to 1e-12 of the mean magnitudes", () => {
    fc.assert(
      fc.property(fc.array(wideValue, { minLength: 1, maxLength: 200 }), anyWeight, (ys, w) => {
        const h = Math.round(pointsOfWeight(w));
        expectClose(runningAverage(ys, w), runningReference(ys, h), 1e-12, runningReference(magnitudes(ys), h));
      }),
    );
  });

  test("a single point", () => {
    expect(Array.from(runningAverage([3], 0.9))).toEqual([3]);
  });
});

describe("every kind", () => {
  test.each(SMOOTHING_TYPES)("%s: gaps pass through unchanged, finite values never become zeros or gaps", (type) => {
    const ys = [NaN, 2, 4, Infinity, 6, -Infinity, 8, NaN];
    const out = smooth(type, ys, steps(ys.length), 0.9);
    ys.forEach((y, i) => {
      if (Number.isFinite(y)) {
        expect(Number.isFinite(out[i])).toBe(true);
        expect(out[i]).toBeGreaterThanOrEqual(2);
        expect(out[i]).toBeLessThanOrEqual(8);
      } else {
        expect(Object.is(out[i], y)).toBe(true);
      }
    });
  });

  test.each(SMOOTHING_TYPES)("%s: a weight out of range is clamped, NaN means none", (type) => {
    const ys = [1, 5, 2, 8];
    expectClose(smooth(type, ys, steps(4), NaN), ys);
    expectClose(smooth(type, ys, steps(4), -3), ys);
    expectClose(smooth(type, ys, steps(4), 7), Array.from(smooth(type, ys, steps(4), 0.999)));
  });

  test("writes into a given array, so a subarray of a larger buffer can be filled", () => {
    const buffer = new Float64Array(6).fill(-1);
    smooth("ema", [1, 2, 3], steps(3), 0.5, buffer.subarray(2, 5));
    expectClose(buffer, [-1, -1, 1, 1.25 / 0.75, 2.125 / 0.875, -1], 1e-15);
  });
});

describe("smoothing many traces at once", () => {
  // Values that take every branch: gaps of each kind, constants, the long stretch after the debiasing fades.
  const finiteOrGap = fc.oneof({ weight: 20, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }, fc.constantFrom(NaN, Infinity, -Infinity));
  const series = (length: number) => fc.oneof(fc.array(finiteOrGap, { minLength: length, maxLength: length }), fc.constant(Array.from({ length }, () => 0.25)));
  const sameBits = (actual: ArrayLike<number>, expected: ArrayLike<number>) => {
    expect(actual.length).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) if (!Object.is(actual[i], expected[i])) throw new Error(`at ${i}: ${actual[i]} instead of ${expected[i]}`);
  };

  test("emaPair gives each series exactly what ema gives it alone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }).chain((n) => fc.tuple(series(n), series(n))),
        fc.constantFrom(0, 0.3, 0.6, 0.9, 0.99, 0.999),
        ([a, b], w) => {
          const [outA, outB] = [new Float64Array(a.length), new Float64Array(b.length)];
          emaPair(a, b, w, outA, outB);
          sameBits(outA, ema(a, w));
          sameBits(outB, ema(b, w));
        },
      ),
    );
  });

  test("a long series: the same values once the debiasing is negligible (past 2^-60)", () => {
    const a = Array.from({ length: 5_000 }, (_, i) => Math.sin(i / 7) + (i % 977 === 0 ? NaN : 0));
    const b = Array.from({ length: 5_000 }, (_, i) => Math.cos(i / 5) * 3);
    const [outA, outB] = [new Float64Array(5_000), new Float64Array(5_000)];
    emaPair(a, b, 0.9, outA, outB);
    sameBits(outA, ema(a, 0.9));
    sameBits(outB, ema(b, 0.9));
    expectClose(
      outA,
      tensorBoardSmoothing(a, 0.9),
      1e-12,
      a.map(() => 3),
    );
  });

  test.each(SMOOTHING_TYPES)("%s: smoothTraces equals smooth() of each trace, for odd and even counts and unequal lengths", (type) => {
    const lengths = [5, 5, 3, 0, 8, 8, 1];
    const offsets = [0];
    for (const n of lengths) offsets.push(offsets[offsets.length - 1] + n);
    const total = offsets[offsets.length - 1];
    const values = Float64Array.from({ length: total }, (_, i) => (i % 11 === 4 ? NaN : Math.sin(i) * 10 + i));
    const x = Float64Array.from({ length: total }, (_, i) => i * 2);
    for (const count of [lengths.length, lengths.length - 1]) {
      const out = new Float64Array(total).fill(-7);
      smoothTraces(type, values, x, offsets.slice(0, count + 1), offsets.slice(1, count + 1), 0.8, out, 50);
      for (let t = 0; t < count; t++) {
        const [from, to] = [offsets[t], offsets[t + 1]];
        sameBits(out.subarray(from, to), smooth(type, values.subarray(from, to), x.subarray(from, to), 0.8, undefined, 50));
      }
      expect(Array.from(out.subarray(offsets[count]))).toEqual(Array.from({ length: total - offsets[count] }, () => -7));
    }
  });

  test.each(SMOOTHING_TYPES)("%s: traces grown a few points at a time and smoothed on (continueTraces) equal each trace smoothed whole", (type) => {
    // Traces with room at their ends, as appends leave them; a constant start, NaNs and a late jump;
    // steps evenly spaced (the Gaussian keeps its kernel) and not (its mean gap changes).
    const lengths = [40, 40, 25, 1, 33];
    const room = 60;
    const offsets = lengths.map((_, t) => t * room).concat(lengths.length * room);
    for (const even of [true, false]) {
      const values = new Float64Array(offsets[lengths.length]);
      const x = new Float64Array(values.length);
      lengths.forEach((n, t) => {
        for (let i = 0; i < n; i++) {
          values[t * room + i] = t === 2 && i < 12 ? 4 : i % 9 === 5 ? NaN : Math.sin(i * (t + 1)) * 10 + (i > 30 ? 1e6 : i);
          x[t * room + i] = even ? i * 3 + t : i * 3 + t + (i * i) / 50;
        }
      });
      const ends = Int32Array.from(offsets.slice(0, -1));
      const state = new Float64Array(lengths.length * TRACE_STATE);
      const out = new Float64Array(values.length);
      const grow = (by: number) => {
        const from = ends.slice();
        lengths.forEach((n, t) => (ends[t] = Math.min(offsets[t] + n, ends[t] + by)));
        return from;
      };
      // The time-weighted EMA's span: the chart's x range, which these points stay within.
      const span = 200;
      grow(3);
      smoothTraces(type, values, x, offsets, ends, 0.9, out, span, state);
      for (const by of [1, 1, 5, 2, 10, 7, 40]) {
        const before = out.slice();
        const from = grow(by);
        const changed = continueTraces(type, values, x, offsets, ends, from, 0.9, out, span, state);
        lengths.forEach((_, t) => {
          const [a, b] = [offsets[t], ends[t]];
          sameBits(out.subarray(a, b), smooth(type, values.subarray(a, b), x.subarray(a, b), 0.9, undefined, span));
          // What changed starts where continueTraces says: no later than the new points (the EMAs
          // at them, but for a constant start that stopped being one).
          sameBits(out.subarray(a, changed[t]), before.subarray(a, changed[t]));
          expect(changed[t]).toBeLessThanOrEqual(from[t] < b ? from[t] : b);
          if (type === "time_ema" || (type === "ema" && t !== 2)) expect(changed[t]).toBe(from[t] < b ? from[t] : b);
        });
      }
    }
  });

  test.each(["running_average", "gaussian"] as const)("%s: smoothed on from a random point, any values, the same as smoothed whole, bit for bit", (type) => {
    fc.assert(
      fc.property(fc.array(wideValue, { minLength: 2, maxLength: 120 }), anyWeight, fc.double({ min: 0, max: 1, noNaN: true }), (ys, w, cut) => {
        const values = Float64Array.from(ys);
        const x = Float64Array.from(ys, (_, i) => i * 2);
        const split = Math.max(1, Math.floor(cut * ys.length));
        const [offsets, state, out] = [Int32Array.of(0, ys.length), new Float64Array(TRACE_STATE), new Float64Array(ys.length)];
        smoothTraces(type, values, x, offsets, Int32Array.of(split), w, out, NaN, state);
        const changed = continueTraces(type, values, x, offsets, Int32Array.of(ys.length), Int32Array.of(split), w, out, NaN, state);
        sameBits(out, smooth(type, values, x, w));
        expect(changed[0]).toBeLessThanOrEqual(split);
      }),
    );
  });
});
