import { quadtree, type Quadtree } from "d3";

/** Pixel positions of every run (NaN where it is not drawn) and the rows that are drawn. */
export interface PlacedPoints {
  readonly xs: Float32Array;
  readonly ys: Float32Array;
  readonly rows: Int32Array;
}

/** The rows whose point centre lies in a rectangle [[x0, y0], [x1, y1]], edges included. */
export function rowsInRect({ xs, ys, rows }: PlacedPoints, [[x0, y0], [x1, y1]]: [[number, number], [number, number]]): number[] {
  const inside: number[] = [];
  for (const row of rows) {
    const x = xs[row];
    const y = ys[row];
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) inside.push(row);
  }
  return inside;
}

/** Finds the point nearest the pointer; built once per drawn frame, on the first hover. */
export interface PointFinder {
  /** The row nearest (x, y) within `radius` pixels, or -1. */
  find(x: number, y: number, radius: number): number;
}

export function pointFinder({ xs, ys, rows }: PlacedPoints, shown: (x: number, y: number) => boolean): PointFinder {
  const visible = Array.from(rows).filter((row) => shown(xs[row], ys[row]));
  const tree: Quadtree<number> = quadtree<number>()
    .x((row) => xs[row])
    .y((row) => ys[row])
    .addAll(visible);
  return { find: (x, y, radius) => tree.find(x, y, radius) ?? -1 };
}
