import { InlierSample, OUTLIER_REACH, SAMPLE_LIMIT, inlierRange } from "../../../src/data/outliers";
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

describe("a sample that grows", () => {
  // Sources of values in no order (a sine's), 3 to 5,000 long, some with gaps at reduced indices.
  const source = (length: number, seed: number) => {
    const values = Float64Array.from({ length }, (_, i) => Math.sin(i * 12.9898 + seed) * 43758.5453 - Math.floor(Math.sin(i * 12.9898 + seed) * 43758.5453));
    const indices = Int32Array.from({ length }, (_, i) => (i % 97 === 13 ? -1 - i : i));
    return { values, indices, from: 0, to: length };
  };
  const sources = [3, 5000, 17, 2400, 999, 4, 3100].map(source);

  test("sources added at its stride give the sample of them all at once, and so the same range", () => {
    for (const split of [1, 3, 5]) {
      for (const log of [false, true]) {
        const grown = new InlierSample(sources.slice(0, split), log);
        // The stride of the first sources' total holds for all: the same positions are taken.
        const all = sources.reduce((sum, s) => sum + s.to, 0);
        const first = sources.slice(0, split).reduce((sum, s) => sum + s.to, 0);
        expect(Math.ceil(all / SAMPLE_LIMIT)).toBe(Math.max(1, Math.ceil(first / SAMPLE_LIMIT)));
        expect(grown.add(sources.slice(split))).toBe(true);
        expect(grown.range()).toEqual(inlierRange(sources, log));
      }
    }
  });

  test("a source's later values added from where they start (a reduction taken up), the same", () => {
    const long = source(9000, 5);
    const grown = new InlierSample([{ ...long, to: 6000 }], false);
    expect(grown.add([{ ...long, from: 6000 }])).toBe(true);
    expect(grown.range()).toEqual(inlierRange([long], false));
  });

  test("no room past twice the sample's limit: add says so", () => {
    const grown = new InlierSample([source(10, 1)], false);
    expect(grown.add([source(3 * SAMPLE_LIMIT, 2)])).toBe(false);
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

  test("a linear y domain runs on to the next tick past its padded range, either way; a log one is padded only", () => {
    // 0.13 to 0.8, padded by 4% of 0.67 (0.1032 to 0.8268): on to the ticks 0.1 and 0.9 (ten of 0.1 to the axis).
    const curve = (to: number) => [line(Array.from({ length: 50 }, (_, i) => 0.13 + ((to - 0.13) * i) / 49))];
    expect(yExtent(curve(0.8), [0, 49], true, false)).toEqual([0.1, 0.9]);
    const [low, high] = yExtent(curve(0.8), [0, 49], true, true);
    expect(low).toBeCloseTo(0.13 / Math.pow(0.8 / 0.13, 0.04), 12);
    expect(high).toBeCloseTo(0.8 * Math.pow(0.8 / 0.13, 0.04), 12);
    // The curve gone on to 0.87 (padded, 0.8996) keeps the domain; to 0.875 (0.9048) runs it on to 1.
    expect(yExtent(curve(0.87), [0, 49], true, false)).toEqual([0.1, 0.9]);
    expect(yExtent(curve(0.875), [0, 49], true, false)).toEqual([0.1, 1]);
  });
});
