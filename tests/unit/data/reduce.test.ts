import fc from "fast-check";
import { reduceSeries, reduceToIndices, ReduceScratch } from "../../../src/data/reduce";

fc.configureGlobal({ seed: 20261122 });

/** A random walk with a fixed seed (mulberry32). */
function walk(n: number, seed = 7): { x: Float64Array; y: Float64Array } {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = new Float64Array(n);
  for (let i = 1; i < n; i++) y[i] = y[i - 1] + random() - 0.5 + (random() < 0.001 ? 40 : 0);
  return { x, y };
}

const copy = (r: { x: Float64Array; y: Float64Array }) => ({ x: Array.from(r.x), y: Array.from(r.y) });

/** The pixel column of x, computed here from the definition. */
const columnOf = (x: number, [x0, x1]: [number, number], width: number) => Math.floor(((x - x0) / (x1 - x0)) * width);

describe("min/max per pixel column", () => {
  const { x, y } = walk(10_000);
  const domain: [number, number] = [0, 9_999];
  const width = 300;
  const reduced = copy(reduceSeries(x, y, domain, width, "minmax"));

  test("every column keeps its lowest and highest point, and its first and last", () => {
    const columns = new Map<number, number[]>();
    x.forEach((xi, i) => {
      const c = columnOf(xi, domain, width);
      columns.set(c, [...(columns.get(c) ?? []), i]);
    });
    const kept = new Set(reduced.x.map((xi, k) => `${xi}:${reduced.y[k]}`));
    for (const indices of columns.values()) {
      const values = indices.map((i) => y[i]);
      const min = indices[values.indexOf(Math.min(...values))];
      const max = indices[values.indexOf(Math.max(...values))];
      for (const i of [indices[0], min, max, indices[indices.length - 1]]) expect(kept.has(`${x[i]}:${y[i]}`)).toBe(true);
    }
    expect(columns.size).toBe(width + 1); // the last x sits on the right edge
  });

  test("at most four points per column, in order along x", () => {
    expect(reduced.x.length).toBeLessThanOrEqual(4 * (width + 1));
    expect(reduced.x.length).toBeGreaterThan(2 * width);
    for (let k = 1; k < reduced.x.length; k++) expect(reduced.x[k]).toBeGreaterThan(reduced.x[k - 1]);
  });

  test("the spikes survive", () => {
    const top = Math.max(...y);
    const bottom = Math.min(...y);
    expect(Math.max(...reduced.y)).toBe(top);
    expect(Math.min(...reduced.y)).toBe(bottom);
  });

  test("a series shorter than the width comes back whole", () => {
    const short = walk(50);
    expect(copy(reduceSeries(short.x, short.y, [0, 49], 300, "minmax"))).toEqual(copy(short));
  });
});

describe("zoomed in", () => {
  const { x, y } = walk(1_000);

  test("points outside the domain go, except the nearest one beyond each edge", () => {
    const reduced = copy(reduceSeries(x, y, [100.5, 200.5], 1_000, "minmax"));
    expect(reduced.x[0]).toBe(100);
    expect(reduced.x[reduced.x.length - 1]).toBe(201);
    expect(reduced.x.length).toBe(102);
  });
});

describe("gaps", () => {
  test("NaN and infinities split the line and are never bridged", () => {
    const x = Float64Array.from({ length: 12 }, (_, i) => i);
    const y = Float64Array.from([1, 2, NaN, 3, 4, Infinity, -Infinity, 5, 6, 7, NaN, NaN]);
    for (const method of ["minmax", "lttb"] as const) {
      const reduced = copy(reduceSeries(x, y, [0, 11], 200, method));
      // One NaN per gap, in place; no finite value is lost (each has a column of its own).
      expect(reduced.y.map((v) => (Number.isNaN(v) ? "gap" : v))).toEqual([1, 2, "gap", 3, 4, "gap", 5, 6, 7, "gap"]);
    }
  });

  test("a gap inside one pixel column still splits the line there", () => {
    const x = Float64Array.from([0, 0.1, 0.2, 0.3, 0.4]);
    const y = Float64Array.from([1, 5, NaN, 2, 3]);
    const reduced = copy(reduceSeries(x, y, [0, 10], 10, "minmax"));
    expect(reduced.y.map((v) => (Number.isNaN(v) ? "gap" : v))).toEqual([1, 5, "gap", 2, 3]);
  });
});

describe("LTTB per pixel column", () => {
  const { x, y } = walk(10_000, 3);
  const width = 200;

  test("one point per column plus the ends, spikes kept", () => {
    const reduced = copy(reduceSeries(x, y, [0, 9_999], width, "lttb"));
    expect(reduced.x.length).toBeLessThanOrEqual(width + 3);
    expect(reduced.x[0]).toBe(0);
    expect(reduced.x[reduced.x.length - 1]).toBe(9_999);
    for (let k = 1; k < reduced.x.length; k++) expect(reduced.x[k]).toBeGreaterThan(reduced.x[k - 1]);
    // Each kept point is a point of the series.
    reduced.x.forEach((xi, k) => expect(reduced.y[k]).toBe(y[xi]));
  });

  test("an isolated spike is the point LTTB keeps in its column", () => {
    const flat = Float64Array.from({ length: 1_000 }, () => 0);
    flat[503] = 100;
    const xs = Float64Array.from({ length: 1_000 }, (_, i) => i);
    const reduced = copy(reduceSeries(xs, flat, [0, 999], 50, "lttb"));
    expect(reduced.y).toContain(100);
  });
});

test("unsorted x (as wall times can be) still keeps every column's extremes", () => {
  const x = Float64Array.from([0, 1, 2, 1.5, 3, 4]);
  const y = Float64Array.from([0, 9, 1, -9, 2, 3]);
  const reduced = copy(reduceSeries(x, y, [0, 4], 400, "minmax"));
  expect(reduced).toEqual(copy({ x, y }));
});

test("scratch buffers are reused and grow when needed", () => {
  const scratch = new ReduceScratch();
  const small = walk(10);
  const first = reduceSeries(small.x, small.y, [0, 9], 100, "minmax", scratch);
  const buffer = first.x.buffer;
  reduceSeries(small.x, small.y, [0, 9], 100, "minmax", scratch);
  expect(scratch.x.buffer).toBe(buffer);
  const big = walk(5_000);
  expect(reduceSeries(big.x, big.y, [0, 4_999], 100, "minmax", scratch).length).toBeGreaterThan(100);
});

/**
 * M4 written out from its definition, one point at a time: the points looked at are those in the
 * domain plus the nearest beyond each end (all of them for unsorted x); consecutive finite points
 * in one pixel column form a group, of which first, lowest, highest and last are kept in order;
 * a non-finite point is one gap, unless it follows a gap or comes first.
 */
function referenceM4(x: number[], y: number[], [x0, x1]: [number, number], width: number) {
  const sorted = x.every((v, i) => i === 0 || v >= x[i - 1]);
  let [lo, hi] = [0, x.length - 1];
  if (sorted) {
    const inside = x.map((v, i) => (v >= x0 && v <= x1 ? i : -1)).filter((i) => i >= 0);
    const before = x.filter((v) => v < x0).length;
    const after = x.findIndex((v) => v > x1);
    lo = Math.max(0, (inside[0] ?? before) - 1);
    hi = after < 0 ? x.length - 1 : after;
  }
  const perUnit = width / (x1 - x0 || 1);
  const out: number[] = [];
  let group: number[] = [];
  const flush = () => {
    if (!group.length) return;
    const values = group.map((i) => y[i]);
    const low = group[values.indexOf(Math.min(...values))];
    const high = group[values.indexOf(Math.max(...values))];
    for (const i of [...new Set([group[0], Math.min(low, high), Math.max(low, high), group[group.length - 1]])]) out.push(i);
    group = [];
  };
  for (let i = lo; i <= hi; i++) {
    if (!Number.isFinite(y[i])) {
      flush();
      if (out.length && out[out.length - 1] >= 0) out.push(-1 - i);
      continue;
    }
    const column = (j: number) => Math.floor((x[j] - x0) * perUnit);
    if (group.length && column(i) !== column(group[0])) flush();
    group.push(i);
  }
  flush();
  const finite = y.slice(lo, hi + 1).filter(Number.isFinite);
  return { indices: out, yRange: finite.length ? [Math.min(...finite), Math.max(...finite)] : null };
}

describe("reduced to indices", () => {
  const value = fc.oneof(
    { weight: 10, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
  );
  const series = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), value), { minLength: 1, maxLength: 80 });
  const domain = fc.tuple(fc.integer({ min: -5, max: 50 }), fc.integer({ min: 1, max: 40 })).map(([a, span]): [number, number] => [a / 2, a / 2 + span]);

  test("minmax keeps what the definition keeps, and the exact range of the values looked at", () => {
    fc.assert(
      fc.property(series, domain, fc.integer({ min: 1, max: 30 }), fc.boolean(), (points, [x0, x1], width, sort) => {
        const x = points.map(([xi]) => xi / 3);
        if (sort) x.sort((a, b) => a - b);
        const y = points.map(([, yi]) => yi);
        const reduced = reduceToIndices(Float64Array.from(x), Float64Array.from(y), [x0, x1], width, "minmax");
        const expected = referenceM4(x, y, [x0, x1], width);
        expect(Array.from(reduced.indices.subarray(0, reduced.length))).toEqual(expected.indices);
        expect(reduced.yRange).toEqual(expected.yRange);
      }),
    );
  });

  test("column starts kept for an x array give the same points for a new y, and are found again for a new domain", () => {
    const { x, y } = walk(5_000, 11);
    const other = walk(5_000, 12).y;
    const scratch = new ReduceScratch();
    const indices = (values: Float64Array, domain: [number, number], using: ReduceScratch) => {
      const r = reduceToIndices(x, values, domain, 120, "minmax", using, true);
      return Array.from(r.indices.subarray(0, r.length));
    };
    indices(y, [0, 4_999], scratch);
    expect(indices(other, [0, 4_999], scratch)).toEqual(indices(other, [0, 4_999], new ReduceScratch()));
    expect(indices(other, [1_000.5, 2_000.5], scratch)).toEqual(indices(other, [1_000.5, 2_000.5], new ReduceScratch()));
  });

  test("lttb gives no range; reduceSeries reads the same points as the indices", () => {
    const { x, y } = walk(2_000, 5);
    const lttb = reduceToIndices(x, y, [0, 1_999], 100, "lttb");
    expect(lttb.yRange).toBeNull();
    const kept = Array.from(lttb.indices.subarray(0, lttb.length));
    expect(copy(reduceSeries(x, y, [0, 1_999], 100, "lttb"))).toEqual({ x: kept.map((i) => x[i]), y: kept.map((i) => y[i]) });
  });
});
