/** What a brush on one axis keeps. */
export type AxisFilter =
  /** On a log axis, values <= 0 have no place and count as missing. */
  | { kind: "range"; values: ArrayLike<number>; min: number; max: number; log: boolean; keepMissing: boolean }
  | { kind: "set"; values: readonly (string | null)[]; keep: ReadonlySet<string | null> };

/**
 * Rows kept by every filter (AND across axes); with no filters, every row. Each filter reads
 * only the rows the filters before it kept, in a loop of its own kind (a brush moves at frame
 * rate over 100,000 runs).
 */
export function filterRows(count: number, filters: readonly AxisFilter[]): Uint8Array {
  const kept = new Uint8Array(count).fill(1);
  for (const filter of filters) {
    if (filter.kind === "set") keepInSet(filter, kept);
    else keepInRange(filter, kept);
  }
  return kept;
}

function keepInRange({ values, min, max, log, keepMissing }: Extract<AxisFilter, { kind: "range" }>, kept: Uint8Array) {
  for (let row = 0; row < kept.length; row++) {
    if (!kept[row]) continue;
    const v = values[row];
    const inside = !Number.isFinite(v) || (log && v <= 0) ? keepMissing : v >= min && v <= max;
    if (!inside) kept[row] = 0;
  }
}

function keepInSet({ values, keep }: Extract<AxisFilter, { kind: "set" }>, kept: Uint8Array) {
  for (let row = 0; row < kept.length; row++) if (kept[row] && !keep.has(values[row])) kept[row] = 0;
}
