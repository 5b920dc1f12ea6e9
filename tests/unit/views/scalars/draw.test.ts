import type { Frame } from "../../../../src/views/scalars/axes";
import { LONE_POINT_RADIUS, traceSeries, type Pen } from "../../../../src/views/scalars/draw";

/** A pen that writes down what it is told. */
function recordingPen(): Pen & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    moveTo: (x, y) => calls.push(`M ${x} ${y}`),
    lineTo: (x, y) => calls.push(`L ${x} ${y}`),
    arc: (x, y, r, a0, a1) => calls.push(`A ${x} ${y} ${r} ${a0} ${+a1.toFixed(3)}`),
    closePath: () => calls.push("Z"),
  };
}

const frame = { map: { x: (v: number) => 10 * v, y: (v: number) => 100 - v } } as unknown as Frame;

function trace(values: number[]): string[] {
  const pen = recordingPen();
  const indices = Int32Array.from(values, (_, i) => i);
  const x = Float64Array.from(values, (_, i) => i);
  traceSeries(pen, x, Float64Array.from(values), { indices, length: indices.length, yRange: null }, frame);
  return pen.calls;
}

const ring = (x: number, y: number) => [`M ${x + LONE_POINT_RADIUS} ${y}`, `A ${x} ${y} ${LONE_POINT_RADIUS} 0 6.283`];

describe("tracing a series", () => {
  test("joined points are one line; a gap lifts the pen", () => {
    expect(trace([1, 2, NaN, 3, 4])).toEqual(["M 0 99", "L 10 98", "M 30 97", "L 40 96"]);
  });

  test("a point logged alone is a ring around it, between gaps and at either end", () => {
    expect(trace([5])).toEqual(["M 0 95", ...ring(0, 95)]);
    expect(trace([1, 2, NaN, 7, NaN, 3])).toEqual(["M 0 99", "L 10 98", "M 30 93", ...ring(30, 93), "M 50 97", ...ring(50, 97)]);
  });
});
