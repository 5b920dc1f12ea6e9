import type { Layout } from "./layout.js";

/**
 * The run whose line passes closest (vertically) to a point, among the rows `include` accepts,
 * or -1 when none is within `maxDistance` pixels.
 */
export function nearestRun(layout: Layout, x: number, y: number, count: number, include: (row: number) => boolean, maxDistance = 12): number {
  const d = layout.axes.length;
  if (d === 0) return -1;
  const xs = layout.axes.map((axis) => axis.x);
  // The segment between the two axes around x; outside them, the nearest axis alone.
  let a = 0;
  while (a < d - 2 && x > xs[a + 1]) a++;
  const b = Math.min(a + 1, d - 1);
  const t = b === a ? 0 : Math.max(0, Math.min(1, (x - xs[a]) / (xs[b] - xs[a])));
  let best = -1;
  let bestDistance = maxDistance;
  const ys = layout.ys;
  // The distance first: it rules out almost every row without calling `include`.
  for (let row = 0; row < count; row++) {
    const lineY = ys[row * d + a] * (1 - t) + ys[row * d + b] * t;
    const distance = Math.abs(lineY - y);
    if (distance < bestDistance && include(row)) {
      bestDistance = distance;
      best = row;
    }
  }
  return best;
}
