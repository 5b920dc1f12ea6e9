import fc from "fast-check";
import { reduceToIndices } from "../../../../src/data/reduce";
import { plotColumns } from "../../../../src/views/scalars/axes";
import type { LegendEntry, Line } from "../../../../src/views/scalars/model";
import { yExtent } from "../../../../src/views/scalars/ranges";
import { ReducedLines } from "../../../../src/views/scalars/reduced";

fc.configureGlobal({ seed: 20261122 });

const entry: LegendEntry = { key: "a", label: "a", color: "#000", runs: ["a"] };

function line(x: number[], raw: number[], smoothed: number[], xAscending = false): Line {
  return {
    key: String(Math.random()),
    entry,
    series: { key: "loss", metric: "loss", variant: null },
    variant: null,
    dash: 0,
    steps: Float64Array.from(x),
    x: Float64Array.from(x),
    xAscending,
    times: null,
    raw: Float64Array.from(raw),
    smoothed: Float64Array.from(smoothed),
    low: null,
    high: null,
    counts: null,
  };
}

describe("a chart's kept reductions", () => {
  const x = Array.from({ length: 500 }, (_, i) => i);
  const l = line(
    x,
    x.map((i) => Math.sin(i / 7)),
    x.map((i) => Math.cos(i / 9)),
    true,
  );

  test("the same points as reducing directly; asked again for the same values and frame, the same object", () => {
    const reduced = new ReducedLines();
    reduced.setFrame([0, 499], 60, "minmax");
    const first = reduced.of(l, l.raw);
    const direct = reduceToIndices(l.x, l.raw, [0, 499], 60, "minmax");
    expect(Array.from(first.indices.subarray(0, first.length))).toEqual(Array.from(direct.indices.subarray(0, direct.length)));
    expect(reduced.of(l, l.raw)).toBe(first);
    expect(reduced.of(l, l.smoothed)).not.toBe(first);
  });

  test("a new zoom, width or method reduces again", () => {
    const reduced = new ReducedLines();
    reduced.setFrame([0, 499], 60, "minmax");
    const first = reduced.of(l, l.raw);
    for (const [domain, columns, method] of [
      [[100, 200], 60, "minmax"],
      [[0, 499], 30, "minmax"],
      [[0, 499], 60, "lttb"],
    ] as const) {
      reduced.setFrame([domain[0], domain[1]], columns, method);
      const again = reduced.of(l, l.raw);
      const direct = reduceToIndices(l.x, l.raw, [domain[0], domain[1]], columns, method);
      expect(again).not.toBe(first);
      expect(Array.from(again.indices.subarray(0, again.length))).toEqual(Array.from(direct.indices.subarray(0, direct.length)));
    }
  });
});

test("the y range from the reductions is the one measured from the values, for unzoomed linear charts", () => {
  const value = fc.oneof({ weight: 9, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity) });
  const series = fc
    .integer({ min: 1, max: 40 })
    .chain((n) => fc.tuple(fc.array(value, { minLength: n, maxLength: n }), fc.array(value, { minLength: n, maxLength: n })));
  fc.assert(
    fc.property(fc.array(series, { minLength: 1, maxLength: 5 }), fc.boolean(), (pairs, raw) => {
      const lines = pairs.map(([r, s]) =>
        line(
          r.map((_, i) => i),
          r,
          s,
          true,
        ),
      );
      const domain: [number, number] = [0, Math.max(...lines.map((l) => l.x.length - 1)) || 1];
      const reduced = new ReducedLines();
      reduced.setFrame(domain, 7, "minmax");
      const known = (l: Line, values: Float64Array) => reduced.of(l, values).yRange;
      expect(yExtent(lines, domain, raw, false, known)).toEqual(yExtent(lines, domain, raw, false));
    }),
  );
});

test("a chart's device-pixel columns: its width less the margins, times the pixel ratio", () => {
  // Margins 54 (left) and 14 (right) CSS pixels; at least 10 pixels of plot.
  expect(plotColumns(400, 1)).toBe(332);
  expect(plotColumns(400, 2)).toBe(664);
  expect(plotColumns(346.5, 1.5)).toBe(Math.round(278.5 * 1.5));
  expect(plotColumns(20, 1)).toBe(10);
});

test("a line grown by appends takes up the reduction of the line before: the same indices and y range as reducing it whole", () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constant(NaN), fc.constant(Infinity)), { minLength: 2, maxLength: 400 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 3, max: 90 }),
      (values, batches, columns) => {
        // Steps 0, 2, 4, ...: the domain ends past the last, as the chart's x axis does.
        const all = Float64Array.from(values);
        const x = Float64Array.from(values, (_, i) => 2 * i);
        const domain: [number, number] = [0, 2 * values.length + 10];
        const reduced = new ReducedLines();
        reduced.setFrame(domain, columns, "minmax");
        let length = Math.max(1, values.length - batches.reduce((a, b) => a + b, 0));
        let before = { ...line([], [], []), xAscending: true, x: x.subarray(0, length), raw: all.subarray(0, length) };
        reduced.of(before, before.raw);
        for (const batch of batches) {
          length = Math.min(values.length, length + batch);
          const grown = {
            ...before,
            x: x.subarray(0, length),
            raw: all.subarray(0, length),
            before: { x: before.x, raw: before.raw, smoothed: null, smoothedFrom: 0 },
          };
          const taken = reduced.of(grown, grown.raw);
          const direct = reduceToIndices(grown.x, grown.raw, domain, columns, "minmax");
          expect(Array.from(taken.indices.subarray(0, taken.length))).toEqual(Array.from(direct.indices.subarray(0, direct.length)));
          expect(taken.yRange).toEqual(direct.yRange);
          expect(taken.grownFrom).toBeDefined();
          before = grown;
        }
      },
    ),
  );
});
