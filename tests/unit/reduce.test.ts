import { reduceSeries, ReduceScratch } from "../../src/data/reduce";

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
