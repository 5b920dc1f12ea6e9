export type SortDirection = "ascending" | "descending";

/**
 * Row indices ordered by one value per row; NaN (missing or not a number) goes last in either
 * direction, and equal values keep their original order.
 */
export function sortedRows(values: ArrayLike<number>, direction: SortDirection): Int32Array {
  const sign = direction === "ascending" ? 1 : -1;
  const order = Array.from({ length: values.length }, (_, i) => i);
  order.sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    const nanA = Number.isNaN(va);
    const nanB = Number.isNaN(vb);
    if (nanA || nanB) return nanA === nanB ? a - b : nanA ? 1 : -1;
    return va === vb ? a - b : va < vb ? -sign : sign;
  });
  return Int32Array.from(order);
}

/** The next state of a column's sort button: ascending, then descending, then the original order. */
export function nextDirection(current: SortDirection | null): SortDirection | null {
  return current === null ? "ascending" : current === "ascending" ? "descending" : null;
}
