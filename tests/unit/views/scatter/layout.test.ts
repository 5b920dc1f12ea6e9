import { clipRects, frame, isShown, pointArea, type Frame } from "../../../../src/views/scatter/layout";
import type { AxisPositions } from "../../../../src/views/scatter/positions";

const axis = (hasBand: boolean) => ({ hasBand }) as AxisPositions;
/** A point's outline reaches this far past its radius (0.75 px wide, centred on the circle). */
const OUTLINE = 0.375;

/** Whether the box [x0, y0, x1, y1] lies inside one of the frame's clip rectangles. */
function clipped(f: Frame, [x0, y0, x1, y1]: number[]): boolean {
  return !clipRects(f).some(([x, y, width, height]) => x0 >= x && y0 >= y && x1 <= x + width && y1 <= y + height);
}

/** A point of radius `r` at (x, y), with its outline: its bounding box. */
const disc = (x: number, y: number, r: number) => [x - r - OUTLINE, y - r - OUTLINE, x + r + OUTLINE, y + r + OUTLINE];

describe.each([
  ["no size column", 4],
  ["the largest size", 10],
  ["a size between", 7.3],
])("points of radius %s", (_, radius) => {
  test.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])("at the plot's corners are drawn whole and clear of the axis lines (bands on x %s, on y %s)", (xBand, yBand) => {
    const f = frame(640, 400, axis(xBand), axis(yBand), 40, radius);
    const { left, right, top, bottom } = f.plot;
    for (const [x, y] of [
      [left, top],
      [right, top],
      [left, bottom],
      [right, bottom],
    ]) {
      expect(isShown(f, x, y)).toBe(true);
      const box = disc(x, y, radius);
      expect(clipped(f, box)).toBe(false);
      // The axis lines run at yAxisX and xAxisY; the chart's own box holds the rest.
      expect(box[0]).toBeGreaterThan(f.yAxisX + 0.5);
      expect(box[3]).toBeLessThan(f.xAxisY - 0.5);
      expect(box[1]).toBeGreaterThanOrEqual(0);
      expect(box[2]).toBeLessThanOrEqual(f.width);
      // The brush reaches every point drawn.
      const [[bx0, by0], [bx1, by1]] = pointArea(f);
      expect([x >= bx0, x <= bx1, y >= by0, y <= by1]).toEqual([true, true, true, true]);
    }
    // A point in a band is drawn whole in its strip, clear of the axis line beside it.
    if (xBand) {
      const box = disc(f.xBand!, (top + bottom) / 2, radius);
      expect(clipped(f, box)).toBe(false);
      expect(box[0]).toBeGreaterThan(f.yAxisX + 0.5);
    }
    if (yBand) {
      const box = disc((left + right) / 2, f.yBand!, radius);
      expect(clipped(f, box)).toBe(false);
      expect(box[3]).toBeLessThan(f.xAxisY - 0.5);
    }
  });
});

test("a chart without a size column keeps its layout: 8 px between the axes and the plot, points 7 px past it", () => {
  const f = frame(640, 400, axis(false), axis(false), 40, 4);
  expect(f.plot.left - f.yAxisX).toBe(8);
  expect(f.xAxisY - f.plot.bottom).toBe(8);
  expect(clipRects(f)[0][0]).toBe(f.plot.left - 7);
});

test("a point just outside the drawn edge is not shown, nor picked", () => {
  const f = frame(640, 400, axis(false), axis(false), 40, 10);
  const { right, top } = f.plot;
  expect(isShown(f, right + f.edge, top)).toBe(true);
  expect(isShown(f, right + f.edge + 0.5, top)).toBe(false);
});
