import type { Matrix } from "./plots.js";

/**
 * Matrices (confusion matrices, heatmaps) of several runs on one grid of labels, so that cells
 * compare: rows and columns are every label any matrix has, in order of first appearance (the
 * base's first); a label a matrix lacks gives it NaN cells.
 */
export function alignMatrices(matrices: readonly Matrix[]): Matrix[] {
  const rows = [...new Set(matrices.flatMap((m) => m.rows))];
  const columns = [...new Set(matrices.flatMap((m) => m.columns))];
  return matrices.map((m) => {
    const values = new Float64Array(rows.length * columns.length).fill(NaN);
    const rowAt = rows.map((label) => m.rows.indexOf(label));
    const columnAt = columns.map((label) => m.columns.indexOf(label));
    rowAt.forEach((r, i) => {
      if (r < 0) return;
      columnAt.forEach((c, j) => c >= 0 && (values[i * columns.length + j] = m.values[r * m.columns.length + c]));
    });
    return { rows, columns, values };
  });
}

/** Each row divided by its sum (a confusion matrix's rows: the share of each true class predicted as each class). */
export function rowNormalised(m: Matrix): Matrix {
  const width = m.columns.length;
  const values = new Float64Array(m.values.length);
  for (let r = 0; r < m.rows.length; r++) {
    let sum = 0;
    for (let c = 0; c < width; c++) if (Number.isFinite(m.values[r * width + c])) sum += m.values[r * width + c];
    for (let c = 0; c < width; c++) values[r * width + c] = sum > 0 ? m.values[r * width + c] / sum : NaN;
  }
  return { ...m, values };
}

/** Cell by cell, the matrix minus the base (both on one grid: see alignMatrices). */
export function difference(m: Matrix, base: Matrix): Matrix {
  return { ...m, values: m.values.map((value, i) => value - base.values[i]) };
}

/** The smallest and largest finite value over matrices: one colour scale for all of them. */
export function sharedExtent(matrices: readonly Matrix[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const m of matrices) {
    for (const value of m.values) {
      if (!Number.isFinite(value)) continue;
      if (value < low) low = value;
      if (value > high) high = value;
    }
  }
  return low <= high ? [low, high] : [0, 1];
}
