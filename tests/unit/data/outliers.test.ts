import { OUTLIER_REACH, SAMPLE_LIMIT, inlierRange } from "../../../src/data/outliers";
import type { LegendEntry, Line } from "../../../src/views/scalars/model";
import { fitY, yExtent } from "../../../src/views/scalars/ranges";
import { ReducedLines } from "../../../src/views/scalars/reduced";

/** The p-quantile as numpy's default ("linear"), from a full sort: the reference for the estimate. */
function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const below = Math.floor(at);
  return below + 1 < sorted.length ? sorted[below] + (sorted[below + 1] - sorted[below]) * (at - below) : sorted[below];
}

const whole = (values: number[]) => ({ values: Float64Array.from(values), from: 0, to: values.length });

describe("the range of the values that are not outliers", () => {
  test("the 5th to 95th percentile span, widened by itself on each side; NaN, infinities and skipped indices left out", () => {
    const values = Array.from({ length: 101 }, (_, i) => i / 100);
    const [low, high] = [quantile(values, 0.05), quantile(values, 0.95)];
    expect(OUTLIER_REACH).toBe(1);
    const range = inlierRange([whole([...values, NaN, Infinity, -Infinity])], false)!;
    expect(range[0]).toBeCloseTo(low - (high - low), 12);
    expect(range[1]).toBeCloseTo(high + (high - low), 12);
    // Values at indices, negative ones being gaps of a reduction.
    const picked = inlierRange([{ values: Float64Array.from([5, 1e6, 7, 9]), indices: Int32Array.from([0, -2, 2, 3]), from: 0, to: 4 }], false)!;
    const kept = [5, 7, 9];
    expect(picked[1]).toBeCloseTo(quantile(kept, 0.95) + quantile(kept, 0.95) - quantile(kept, 0.05), 12);
    expect(inlierRange([whole([NaN])], false)).toBeNull();
    expect(inlierRange([], false)).toBeNull();
  });

  test("a spike of 1e6 among losses near 1 is out; the high start of a loss curve is in", () => {
    const loss = Array.from({ length: 1000 }, (_, step) => 0.1 + 2.2 * Math.exp(-step / 150));
    const range = inlierRange([whole([...loss.slice(0, 500), 1e6, ...loss.slice(500)])], false)!;
    expect(range[1]).toBeLessThan(1e3);
    expect(range[1]).toBeGreaterThan(Math.max(...loss));
  });

  test("on a log axis, in powers of ten, over the positive values", () => {
    const values = [0.001, 0.01, 0.1, 1, 10, 100, 0, -5];
    const logs = [-3, -2, -1, 0, 1, 2];
    const [low, high] = [quantile(logs, 0.05), quantile(logs, 0.95)];
    const range = inlierRange([whole(values)], true)!;
    expect(Math.log10(range[0])).toBeCloseTo(low - (high - low), 10);
    expect(Math.log10(range[1])).toBeCloseTo(high + (high - low), 10);
  });

  test("over many sources and more values than the sample takes, an even sample estimates the percentiles closely", () => {
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const sources = Array.from({ length: 37 }, () => Array.from({ length: 2000 + Math.floor(random() * 3000) }, () => random() ** 2));
    const all = sources.flat();
    expect(all.length).toBeGreaterThan(4 * SAMPLE_LIMIT);
    const [low, high] = [quantile(all, 0.05), quantile(all, 0.95)];
    const range = inlierRange(sources.map(whole), false)!;
    expect(Math.abs(range[0] - (2 * low - high))).toBeLessThan(0.02);
    expect(Math.abs(range[1] - (2 * high - low))).toBeLessThan(0.02);
  });
});

describe("a chart's y domain", () => {
  const entry: LegendEntry = { key: "a", label: "a", color: "#000", runs: ["a"] };
  const line = (values: number[]): Line => {
    const x = Float64Array.from(values, (_, i) => i);
    return {
      key: String(values.length),
      entry,
      series: { key: "loss", metric: "loss", variant: null },
      variant: null,
      dash: 0,
      steps: x,
      x,
      xAscending: true,
      times: null,
      raw: Float64Array.from(values),
      smoothed: Float64Array.from(values),
      low: null,
      high: null,
      counts: null,
    };
  };
  const reduced = (domain: [number, number]) => {
    const kept = new ReducedLines();
    kept.setFrame(domain, 50, "minmax");
    return kept.of;
  };

  test("fitted to every value when no value is an outlier, as yExtent", () => {
    const lines = [line(Array.from({ length: 300 }, (_, i) => 2 * Math.exp(-i / 60)))];
    const fit = fitY(lines, [0, 299], true, false, null, reduced([0, 299]));
    expect(fit.clipped).toBe(false);
    expect(fit.domain).toEqual(yExtent(lines, [0, 299], true, false));
  });

  test("a spike is left out, and the domain says values lie beyond it", () => {
    const values = Array.from({ length: 300 }, (_, i) => 2 * Math.exp(-i / 60));
    values[100] = 1e6;
    const lines = [line(values)];
    const fit = fitY(lines, [0, 299], true, false, null, reduced([0, 299]));
    expect(fit.clipped).toBe(true);
    // From the lowest to the highest value that is not an outlier: the curve without its spike.
    const withoutSpike = [...values];
    withoutSpike[100] = NaN;
    expect(fit.domain).toEqual(yExtent([line(withoutSpike)], [0, 299], true, false));
    expect(fitY(lines, [0, 299], true, false, null, null)).toEqual({ domain: yExtent(lines, [0, 299], true, false), clipped: false });
    expect(yExtent(lines, [0, 299], true, false)[1]).toBeGreaterThan(1e6);
  });
});
