/** What a brush on one axis keeps. */
export type AxisFilter =
  /** On a log axis, values <= 0 have no place and count as missing. */
  | { kind: "range"; values: ArrayLike<number>; min: number; max: number; log: boolean; keepMissing: boolean }
  | { kind: "set"; values: readonly (string | null)[]; keep: ReadonlySet<string | null> };

function passes(filter: AxisFilter, row: number): boolean {
  if (filter.kind === "set") return filter.keep.has(filter.values[row]);
  const v = filter.values[row];
  if (!Number.isFinite(v) || (filter.log && v <= 0)) return filter.keepMissing;
  return v >= filter.min && v <= filter.max;
}

/** Rows kept by every filter (AND across axes); with no filters, every row. */
export function filterRows(count: number, filters: readonly AxisFilter[]): Uint8Array {
  const kept = new Uint8Array(count).fill(1);
  for (const filter of filters) {
    for (let row = 0; row < count; row++) if (kept[row] && !passes(filter, row)) kept[row] = 0;
  }
  return kept;
}
