import { scaleLinear, scaleLog, scalePoint, type ScaleLinear, type ScaleLogarithmic, type ScalePoint } from "d3";
import { finiteExtent, isMissingOn } from "../../data/axes.js";
import type { Dimension } from "./dimensions.js";

export const MARGIN = { top: 44, right: 48, bottom: 44, left: 48 };
/** Gap between an axis' bottom and the slot where runs missing that value are drawn. */
const MISSING_GAP = 22;

export type AxisScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number> | ScalePoint<string>;

export interface PlacedAxis {
  readonly dimension: Dimension;
  readonly x: number;
  readonly scale: AxisScale;
  readonly hasMissing: boolean;
}

/** Where every axis stands and where every run crosses it. */
export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly bottom: number;
  readonly missingY: number;
  readonly axes: readonly PlacedAxis[];
  /** ys[row * axes.length + axis]: the y where a run crosses an axis (the missing slot if it has no value). */
  readonly ys: Float32Array;
}

export function layOut(dimensions: readonly Dimension[], count: number, width: number, height: number): Layout {
  const top = MARGIN.top;
  const missingY = height - MARGIN.bottom;
  const bottom = missingY - MISSING_GAP;
  const step = dimensions.length > 1 ? (width - MARGIN.left - MARGIN.right) / (dimensions.length - 1) : 0;
  const left = dimensions.length > 1 ? MARGIN.left : width / 2;
  const axes = dimensions.map((dimension, i): PlacedAxis => {
    let hasMissing = false;
    for (let row = 0; row < count && !hasMissing; row++) hasMissing = isMissingOn(dimension.column, dimension.kind, row);
    const range: [number, number] = dimension.inverted ? [top, bottom] : [bottom, top];
    return { dimension, x: left + i * step, scale: axisScale(dimension, range), hasMissing };
  });
  const ys = new Float32Array(count * axes.length);
  axes.forEach((axis, a) => placeRuns(axis, count, missingY, (row, y) => (ys[row * axes.length + a] = y)));
  return { width, height, top, bottom, missingY, axes, ys };
}

function axisScale({ column, kind }: Dimension, range: [number, number]): AxisScale {
  if (column.kind === "categorical") return scalePoint(column.categories, range).padding(0.5);
  const extent = finiteExtent(kind === "log" ? column.values.filter((v) => v > 0) : column.values) ?? [1, 10];
  if (kind === "log") return scaleLog(extent, range).nice();
  const [lo, hi] = extent;
  // A column with one value still gets an axis, with that value in the middle.
  const domain: [number, number] = lo === hi ? [lo - (Math.abs(lo) || 1), hi + (Math.abs(hi) || 1)] : [lo, hi];
  return scaleLinear(domain, range).nice();
}

function placeRuns(axis: PlacedAxis, count: number, missingY: number, put: (row: number, y: number) => void) {
  const { column, kind } = axis.dimension;
  if (column.kind === "categorical") {
    const scale = axis.scale as ScalePoint<string>;
    for (let row = 0; row < count; row++) {
      const v = column.values[row];
      put(row, v === null ? missingY : scale(v)!);
    }
    return;
  }
  const scale = axis.scale as ScaleLinear<number, number>;
  for (let row = 0; row < count; row++) {
    put(row, isMissingOn(column, kind, row) ? missingY : scale(column.values[row]));
  }
}
