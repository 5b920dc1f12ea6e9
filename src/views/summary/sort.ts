import { sortedRows } from "../values/sort.js";

/**
 * How each metric's bars are ordered: largest value first, smallest first, or as the runs table
 * has them. Apart from the layout, whose d3 types the package's public types must not reach.
 */
export type BarSort = "descending" | "ascending" | "runs";
export const BAR_SORTS: readonly BarSort[] = ["descending", "ascending", "runs"];

/** The runs in the order a panel lists them; runs without a finite value last, in runs table order. */
export function barOrder(values: ArrayLike<number>, sort: BarSort): Int32Array {
  if (sort === "runs") return Int32Array.from({ length: values.length }, (_, i) => i);
  // Infinities have no bar either: they go with the missing values.
  const finite = Float64Array.from(values, (v) => (Number.isFinite(v) ? v : NaN));
  return sortedRows(finite, sort);
}
