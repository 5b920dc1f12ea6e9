import fc from "fast-check";
import { ema, emaPair, gaussian, pointsOfWeight, runningAverage, smooth, smoothTraces, timeWeightedEma, SMOOTHING_TYPES } from "../../src/data/smoothing";

// Straightforward references, written from the definitions and not from the code under test.

/** TensorBoard's scalar-card smoothing, point by point, non-finite values passed through. */
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

/** Weighted mean of the finite points up to i, each weighted w^(distance in mean gaps of x). */
function timeWeightedReference(ys: number[], xs: number[], w: number): number[] {
  const finite = ys.map((_, i) => i).filter((i) => Number.isFinite(ys[i]));
  const gap = (xs[xs.length - 1] - xs[0]) / (xs.length - 1);
  return ys.map((y, i) => {
    if (!Number.isFinite(y)) return NaN;
    let sum = 0;
    let total = 0;
    for (const k of finite) {
      if (k > i) break;
      const weight = Math.pow(w, (xs[i] - xs[k]) / gap);
      sum += weight * ys[k];
      total += weight;
    }
    return sum / total;
  });
}

/** The Gaussian kernel over every finite point, untruncated. */
function gaussianReference(ys: number[], xs: number[], w: number): number[] {
  const finite = ys.map((_, i) => i).filter((i) => Number.isFinite(ys[i]));
  const gap = xs.length > 1 ? (xs[xs.length - 1] - xs[0]) / (xs.length - 1) : 0;
  const sigma = (w / (1 - w)) * gap;
  return ys.map((y, i) => {
    if (!Number.isFinite(y)) return NaN;
    if (sigma === 0) return y;
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

/** The mean of the finite points at most h finite points away. */
function runningReference(ys: number[], w: number): number[] {
  const h = Math.round(w / (1 - w));
  const finite = ys.map((_, i) => i).filter((i) => Number.isFinite(ys[i]));
  return ys.map((y, i) => {
    if (!Number.isFinite(y)) return NaN;
    const k = finite.indexOf(i);
    const window = finite.slice(Math.max(0, k - h), k + h + 1).map((j) => ys[j]);
    return window.reduce((a, b) => a + b, 0) / window.length;
  });
}

const asNaNGaps = (ys: number[]) => ys.map((y) => (Number.isFinite(y) ? y : NaN));

function expectClose(actual: ArrayLike<number>, expected: readonly number[], relative = 1e-9) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i], expected[i]];
    if (Number.isNaN(e)) expect(a).toBeNaN();
    else expect(Math.abs(a - e)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(e)));
  }
}

const steps = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("TensorBoard's debiased EMA (the default)", () => {
  test("hand-worked: 1, 2, 3 at weight 0.5", () => {
    // last: 0.5, 1.25, 2.125; debias: 0.5, 0.75, 0.875.
    expectClose(ema([1, 2, 3], 0.5), [1, 1.25 / 0.75, 2.125 / 0.875]);
  });

  test("the first smoothed value is the first value", () => {
    for (const w of [0.1, 0.6, 0.9, 0.999]) expect(ema([3.7, 1, 2], w)[0]).toBeCloseTo(3.7, 12);
  });

  test("a constant series comes back exactly", () => {
    expect(Array.from(ema([0.1, 0.1, 0.1, 0.1], 0.6))).toEqual([0.1, 0.1, 0.1, 0.1]);
  });

  test("NaN and infinities are gaps that the average skips", () => {
    // 1 then 3 with weight 0.5: (0.25 + 1.5) / 0.75; the gaps do not count as points.
    for (const bad of [NaN, Infinity, -Infinity]) expectClose(ema([1, bad, 3], 0.5), [1, NaN, 1.75 / 0.75]);
  });

  test("a single point, only gaps, nothing", () => {
    expect(Array.from(ema([42], 0.9))).toEqual([42]);
    expect(Array.from(ema([NaN, Infinity], 0.9)).every(Number.isNaN)).toBe(true);
    expect(ema([], 0.9).length).toBe(0);
  });

  test("weight 0 leaves the values as they are", () => {
    expectClose(ema([5, -2, 7], 0), [5, -2, 7]);
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
    expectClose(smoothed.subarray(0, 80), tensorBoardSmoothing(ys, 0.6).slice(0, 80), 1e-12);
  });

  test("matches TensorBoard's numbers on random series with gaps", () => {
    const value = fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (ys, w) => {
        expectClose(ema(ys, w), asNaNGaps(tensorBoardSmoothing(ys, w)), 1e-9);
      }),
    );
  });
});

describe("time-weighted EMA", () => {
  test("with evenly spaced x and no gaps it is TensorBoard's EMA", () => {
    const ys = [2, 5, 3, 8, 1, 1, 4];
    expectClose(timeWeightedEma(ys, steps(ys.length), 0.7), asNaNGaps(tensorBoardSmoothing(ys, 0.7)), 1e-12);
  });

  test("hand-worked: a long gap forgets more", () => {
    // x 0, 1, 3: mean gap 1.5. At x=1 the weight of x=0 is 0.5^(1/1.5); at x=3 the weights are
    // 0.5^(3/1.5) = 0.25, 0.5^(2/1.5), and 1.
    const [w01, w13] = [Math.pow(0.5, 1 / 1.5), Math.pow(0.5, 2 / 1.5)];
    expectClose(timeWeightedEma([1, 2, 4], [0, 1, 3], 0.5), [1, (w01 + 2) / (w01 + 1), (0.25 + 2 * w13 + 4) / (0.25 + w13 + 1)]);
  });

  test("a gap in the values still counts its distance", () => {
    // x 0, 1, 2 (mean gap 1): at x=2 the value at x=0 weighs 0.5^2.
    expectClose(timeWeightedEma([1, NaN, 3], [0, 1, 2], 0.5), [1, NaN, (0.25 + 3) / 1.25]);
  });

  test("matches the weighted-mean definition on uneven x, with gaps", () => {
    const xs = [0, 1, 2, 5, 6, 10, 11, 30];
    const ys = [1, 3, NaN, 2, -Infinity, 4, 0, 6];
    expectClose(timeWeightedEma(ys, xs, 0.8), timeWeightedReference(ys, xs, 0.8), 1e-12);
  });

  test("a single point", () => {
    expect(Array.from(timeWeightedEma([7], [100], 0.9))).toEqual([7]);
  });
});

describe("Gaussian", () => {
  test("hand-worked: 0, 1, 0 with sigma one step", () => {
    // Weight 0.5 spans 1 point, so sigma = 1 step.
    const e = Math.exp(-0.5);
    expectClose(gaussian([0, 1, 0], [0, 1, 2], 0.5), [e / (1 + e + Math.exp(-2)), 1 / (1 + 2 * e), e / (1 + e + Math.exp(-2))]);
  });

  test("matches the untruncated kernel on uneven steps with gaps", () => {
    const xs = [0, 2, 3, 4, 8, 9, 10, 11, 20, 21];
    const ys = [5, 1, NaN, 4, 2, Infinity, 7, 3, 3, 0];
    for (const w of [0.3, 0.6, 0.9]) expectClose(gaussian(ys, xs, w), gaussianReference(ys, xs, w), 1e-3);
  });

  test("weight 0 and a single point leave values as they are", () => {
    expectClose(gaussian([3, 1, 2], [0, 1, 2], 0), [3, 1, 2]);
    expect(Array.from(gaussian([9], [4], 0.9))).toEqual([9]);
  });
});

describe("running average", () => {
  test("hand-worked: weight 0.5 averages each point with one on either side", () => {
    expect(pointsOfWeight(0.5)).toBe(1);
    expectClose(runningAverage([1, 2, 3, 4, 5], 0.5), [1.5, 2, 3, 4, 4.5]);
  });

  test("gaps take no part and do not shrink the window", () => {
    // Neighbours of 3 are 1 and 5, the finite points on either side.
    expectClose(runningAverage([1, NaN, 3, Infinity, 5], 0.5), [2, NaN, 3, NaN, 4]);
  });

  test("matches the definition", () => {
    const ys = [4, 8, NaN, 1, 2, 9, -3, 0, 6, NaN, 5];
    for (const w of [0, 0.6, 0.75, 0.9, 0.999]) expectClose(runningAverage(ys, w), runningReference(ys, w), 1e-12);
  });

  test("a single point", () => {
    expect(Array.from(runningAverage([3], 0.9))).toEqual([3]);
  });
});

describe("every kind", () => {
  test.each(SMOOTHING_TYPES)("%s: gaps stay gaps, finite values never become zeros or gaps", (type) => {
    const ys = [NaN, 2, 4, Infinity, 6, -Infinity, 8, NaN];
    const out = smooth(type, ys, steps(ys.length), 0.9);
    ys.forEach((y, i) => {
      if (Number.isFinite(y)) {
        expect(Number.isFinite(out[i])).toBe(true);
        expect(out[i]).toBeGreaterThanOrEqual(2);
        expect(out[i]).toBeLessThanOrEqual(8);
      } else {
        expect(out[i]).toBeNaN();
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
    expectClose(buffer, [-1, -1, 1, 1.25 / 0.75, 2.125 / 0.875, -1]);
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
    expectClose(outA, asNaNGaps(tensorBoardSmoothing(a, 0.9)), 1e-9);
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
      smoothTraces(type, values, x, offsets.slice(0, count + 1), 0.8, out);
      for (let t = 0; t < count; t++) {
        const [from, to] = [offsets[t], offsets[t + 1]];
        sameBits(out.subarray(from, to), smooth(type, values.subarray(from, to), x.subarray(from, to), 0.8));
      }
      expect(Array.from(out.subarray(offsets[count]))).toEqual(Array.from({ length: total - offsets[count] }, () => -7));
    }
  });
});
