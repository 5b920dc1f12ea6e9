import { addLines, bandColumns, COVERAGE_LEVELS, gapCosts, lineRasterizer, lineSums, paintLayer, type LineSums } from "../../../../src/views/parallel/density";

const FULL = COVERAGE_LEVELS;
const coverageAt = (sums: LineSums, x: number, y: number) => sums.data[(y * sums.width + x) * 4];
const channelAt = (sums: LineSums, x: number, y: number, channel: number) => sums.data[(y * sums.width + x) * 4 + channel];

/** Coverage per pixel as rows of numbers, for the small grids below. */
const grid = (sums: LineSums) => Array.from({ length: sums.height }, (_, y) => Array.from({ length: sums.width }, (_, x) => coverageAt(sums, x, y)));

/** One run per polyline: its ys at axes standing at `xs`. */
function lines(xs: number[], polylines: number[][]) {
  return { xs, ys: Float32Array.from(polylines.flat()), ratio: 1 };
}

const RED = Uint8Array.of(255, 0, 0, 0, 0, 255);

test("a horizontal line through pixel centres covers one pixel per column, fully, in its colour", () => {
  const sums = lineSums(10, 8);
  addLines(sums, lines([0, 10], [[4.5, 4.5]]), [0], RED, 1, true);
  for (let x = 0; x < 10; x++) {
    expect(coverageAt(sums, x, 4)).toBe(FULL);
    expect(channelAt(sums, x, 4, 1)).toBe(FULL * 255);
    expect(channelAt(sums, x, 4, 3)).toBe(0);
  }
  expect(
    grid(sums)
      .flat()
      .reduce((a, b) => a + b),
  ).toBe(10 * FULL);
});

test("a line between pixel rows is split between them by distance (anti-aliasing)", () => {
  const sums = lineSums(6, 8);
  // y = 4.75: a quarter of the way from row 4's centre (4.5) to row 5's (5.5).
  addLines(sums, lines([0, 6], [[4.75, 4.75]]), [0], RED, 1, true);
  expect(coverageAt(sums, 2, 4)).toBe(12);
  expect(coverageAt(sums, 2, 5)).toBe(4);
});

test("a steep line steps row by row, so it has no gaps", () => {
  const sums = lineSums(8, 10);
  addLines(sums, lines([2.5, 3.5], [[0, 10]]), [0], RED, 1, false);
  const perRow = grid(sums).map((row) => row.reduce((a, b) => a + b));
  expect(perRow).toEqual(new Array(10).fill(FULL));
});

test("a polyline's joint at an axis is counted once", () => {
  const sums = lineSums(10, 8);
  addLines(sums, lines([0, 5, 10], [[2.5, 2.5, 2.5]]), [0], RED, 1, true);
  expect(grid(sums)[2]).toEqual(new Array(10).fill(FULL));
});

test("lines outside the canvas are clipped, not wrapped onto other rows", () => {
  const sums = lineSums(10, 4);
  addLines(sums, lines([0, 10], [[-20, 30]]), [0], RED, 1, false);
  addLines(sums, lines([0, 10], [[-3, -3]]), [0], RED, 1, true);
  const total = grid(sums)
    .flat()
    .reduce((a, b) => a + b);
  expect(total).toBe(4 * FULL); // the steep line crosses the 4 rows; the one above the canvas draws nothing
});

test("taking lines away restores the sums exactly, in any order, smooth or rough", () => {
  const xs = [0, 13.3, 26.6, 40];
  const ys = Array.from({ length: 50 }, (_, run) => xs.map((_, a) => ((run * 7.31 + a * 3.17) % 30) + 0.37 * a));
  const rgb = Uint8Array.from({ length: 150 }, (_, i) => (i * 53) % 256);
  for (const smooth of [true, false]) {
    const before = lineSums(40, 30);
    addLines(
      before,
      lines(xs, ys),
      Array.from({ length: 20 }, (_, i) => i),
      rgb,
      1,
      smooth,
    );
    const after = lineSums(40, 30);
    after.data.set(before.data);
    addLines(
      after,
      lines(xs, ys),
      Array.from({ length: 30 }, (_, i) => 49 - i),
      rgb,
      1,
      smooth,
    );
    addLines(
      after,
      lines(xs, ys),
      Array.from({ length: 30 }, (_, i) => 20 + i),
      rgb,
      -1,
      smooth,
    );
    expect(Array.from(after.data)).toEqual(Array.from(before.data));
  }
});

test("painting: coverage of n lines at opacity a gives 1 - (1 - a)^n, in the lines' mean colour", () => {
  const sums = lineSums(4, 3);
  const rgb = Uint8Array.of(255, 0, 0, 0, 0, 255);
  addLines(
    sums,
    lines(
      [0, 4],
      [
        [1.5, 1.5],
        [1.5, 1.5],
      ],
    ),
    [0, 1],
    rgb,
    1,
    true,
  );
  const pixels = new Uint8ClampedArray(4 * 3 * 4);
  paintLayer(pixels, { sums, color: null, alpha: 0.5, copies: 1 });
  const at = (1 * 4 + 2) * 4;
  expect(pixels[at + 3]).toBe(Math.round(255 * (1 - 0.5 * 0.5)));
  expect([pixels[at], pixels[at + 1], pixels[at + 2]]).toEqual([128, 0, 128]); // 127.5 rounds up
  expect(pixels[3]).toBe(0);
});

test("painting a layer over another blends source-over, and copies widen lines downward", () => {
  const fadedSums = lineSums(4, 4);
  addLines(fadedSums, lines([0, 4], [[1.5, 1.5]]), [0], Uint8Array.of(0, 0, 0), 1, true);
  const pixels = new Uint8ClampedArray(4 * 4 * 4);
  paintLayer(pixels, { sums: fadedSums, color: [200, 200, 200], alpha: 0.5, copies: 1 });
  paintLayer(pixels, { sums: fadedSums, color: [0, 0, 0], alpha: 0.5, copies: 2 });
  const row1 = (1 * 4 + 1) * 4;
  const row2 = (2 * 4 + 1) * 4;
  // Row 1: black at 0.5 over grey stored at opacity 128 / 255: source-over, worked out here.
  const under = (128 / 255) * 0.5;
  expect(pixels[row1 + 3]).toBe(Math.round((0.5 + under) * 255));
  expect(pixels[row1]).toBe(Math.round((200 * under) / (0.5 + under)));
  // Row 2 holds the second copy of the black line only.
  expect([pixels[row2], pixels[row2 + 3]]).toEqual([0, Math.round(0.5 * 255)]);
  expect(pixels[(0 * 4 + 1) * 4 + 3]).toBe(0);
});

test("painting columns in two parts gives the pixels of painting them all at once", () => {
  const sums = lineSums(30, 20);
  const xs = [0, 15, 30];
  const ys = Array.from({ length: 40 }, (_, run) => xs.map((_, a) => (run * 3.7 + a * 5.3) % 20));
  addLines(
    sums,
    lines(xs, ys),
    Array.from({ length: 40 }, (_, i) => i),
    Uint8Array.from({ length: 120 }, (_, i) => (i * 41) % 256),
    1,
    true,
  );
  const layer = { sums, color: null, alpha: 0.3, copies: 2 };
  const whole = new Uint8ClampedArray(30 * 20 * 4);
  paintLayer(whole, layer);
  const parts = new Uint8ClampedArray(30 * 20 * 4);
  paintLayer(parts, layer, [0, 11]);
  expect(parts.slice(0, 11 * 4)).toEqual(whole.slice(0, 11 * 4)); // the first row's left columns
  expect(parts.slice(11 * 4, 30 * 4).every((value) => value === 0)).toBe(true);
  paintLayer(parts, layer, [11, 30]);
  expect(parts).toEqual(whole);
  expect(whole.some((value) => value > 0)).toBe(true);
});

test("the rasteriser refers to nothing outside itself, so a worker can run it from its source", () => {
  const isolated = new Function(`"use strict"; return (${lineRasterizer.toString()})();`)() as ReturnType<typeof lineRasterizer>;
  const xs = [0, 20, 40];
  const ys = [
    [3.2, 17.5, 9.1],
    [0, 29, 1],
  ];
  const rgb = Uint8Array.of(10, 20, 30, 200, 100, 0);
  const [ours, theirs] = [lineSums(40, 30), lineSums(40, 30)];
  addLines(ours, lines(xs, ys), [0, 1], rgb, 1, true, [2, 3]);
  isolated.addLines(theirs, lines(xs, ys), [0, 1], rgb, 1, true, [2, 3]);
  expect(Array.from(theirs.data)).toEqual(Array.from(ours.data));
  expect(grid(ours).some((row) => row.slice(0, 19).some((c) => c > 0))).toBe(false); // only the second gap
});

test("a band of columns drawn on its own holds exactly the chart's sums there, and the chart holds none outside it", () => {
  const xs = [3.3, 21.7, 40.1, 58.6, 77];
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  // Shallow and steep segments, some leaving the canvas above or below.
  const ys = Array.from({ length: 60 }, () => xs.map(() => random() * 70 - 5));
  const rgb = Uint8Array.from({ length: 180 }, (_, i) => (i * 97) % 256);
  const rows = Array.from({ length: 60 }, (_, i) => i);
  for (const ratio of [1, 1.5]) {
    for (const smooth of [true, false]) {
      const [width, height] = [Math.round(80 * ratio), Math.round(60 * ratio)];
      const polylines = { xs, ys: Float32Array.from(ys.flat()), ratio };
      const chart = lineSums(width, height);
      addLines(chart, polylines, rows, rgb, 1, smooth, [2, 4]);
      const columns = bandColumns(xs.slice(1, 4), ratio, width);
      const band = lineSums(columns.width, height, columns.left);
      addLines(band, polylines, rows, rgb, 1, smooth, [2, 4]);
      let outside = 0;
      let differing = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const inBand = x >= band.left && x < band.left + band.width;
          for (let channel = 0; channel < 4; channel++) {
            const value = chart.data[(y * width + x) * 4 + channel];
            if (!inBand) outside += Math.abs(value);
            else if (band.data[(y * band.width + x - band.left) * 4 + channel] !== value) differing++;
          }
        }
      }
      expect({ outside, differing }).toEqual({ outside: 0, differing: 0 });
      expect(band.data.some((value) => value > 0)).toBe(true);
      expect(band.left).toBeGreaterThan(0);
      expect(band.left + band.width).toBeLessThan(width);
    }
  }
});

describe("runs sharing a segment (discrete axes)", () => {
  // Axes 1 and 2 take 4 and 3 values, so 1,000 runs share 12 segments between them; axis 0 is continuous.
  const xs = [2.5, 100.5, 200.5];
  const ys = Float32Array.from({ length: 1000 * 3 }, (_, i) => {
    const [run, axis] = [Math.floor(i / 3), i % 3];
    return axis === 0 ? (run * 37.77) % 50 : axis === 1 ? 5 + 12.5 * (run % 4) : 8 + 17.25 * (run % 3);
  });
  const rgb = Uint8Array.from({ length: 3000 }, (_, i) => (i * 89) % 256);
  const rows = Array.from({ length: 1000 }, (_, i) => i);

  test("are drawn once with their paints summed: the same sums as drawing each", () => {
    for (const smooth of [true, false]) {
      for (const sign of [1, -1] as const) {
        const merged = lineSums(204, 56);
        addLines(merged, { xs, ys, ratio: 1 }, rows, rgb, sign, smooth);
        const oneByOne = lineSums(204, 56);
        for (const row of rows) addLines(oneByOne, { xs, ys, ratio: 1 }, [row], rgb, sign, smooth);
        expect(merged.data).toEqual(oneByOne.data);
      }
    }
  });

  test("make their gap cheap in the cost estimate that shares gaps between threads", () => {
    const costs = gapCosts({ xs, ys, ratio: 1 }, rows);
    expect(costs[1]).toBeGreaterThan(1000 * 98); // at least one step per pixel column, per run
    expect(costs[2]).toBeLessThan(costs[1] / 3);
  });
});
