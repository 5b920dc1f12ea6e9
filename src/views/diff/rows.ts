import { pathSegments } from "../../data/details.js";
import type { FieldStatus } from "../../data/diff.js";

/** One line of the table: a section heading, a field, or the line diff of an expanded long field. */
export type DisplayRow =
  | {
      readonly kind: "section";
      readonly key: string;
      readonly label: string;
      readonly depth: number;
      readonly fields: number;
      readonly differing: number;
      readonly collapsed: boolean;
    }
  | { readonly kind: "field"; readonly field: number; readonly label: string; readonly depth: number }
  | { readonly kind: "text"; readonly field: number; readonly depth: number };

export interface RowLayout {
  readonly rows: readonly DisplayRow[];
  /** offsets[i] is the top of row i in pixels; offsets[rows.length] the total height. */
  readonly offsets: Float64Array;
  /** The row of each field shown (not inside a collapsed section). */
  readonly rowOfField: ReadonlyMap<number, number>;
  /** The fields that pass the filter, collapsed or not, in order. */
  readonly fields: readonly number[];
}

export interface RowChoice {
  readonly paths: readonly string[];
  readonly status: readonly FieldStatus[];
  readonly hideIdentical: boolean;
  /** Keys of collapsed sections ("hyperparameters/optimizer"). */
  readonly collapsed: ReadonlySet<string>;
  /** Long fields whose line diff is open. */
  readonly expanded: ReadonlySet<number>;
  readonly rowHeight: number;
  /** The height of an expanded field's line diff. */
  textHeight(field: number): number;
}

/** The section keys a field's path lies in, outermost first: "a/b/lr" lies in "a" and "a/b". */
export function sectionKeys(path: string): string[] {
  const segments = pathSegments(path);
  return segments.slice(0, -1).map((_, depth) => segments.slice(0, depth + 1).join("/"));
}

/**
 * The rows of the table: fields that pass the filter under their section headings (a section
 * with no such field is left out), and nothing inside a collapsed section but its heading.
 * Relies on the details' order, where each section's fields are together.
 */
export function layOutRows(choice: RowChoice): RowLayout {
  const fields = choice.status.flatMap((status, field) => (choice.hideIdentical && status === "identical" ? [] : [field]));
  const counts = sectionCounts(fields, choice);
  const rows: DisplayRow[] = [];
  const heights: number[] = [];
  const rowOfField = new Map<number, number>();
  let open: string[] = [];
  for (const field of fields) {
    const path = choice.paths[field];
    const keys = sectionKeys(path);
    let shared = 0;
    while (shared < open.length && shared < keys.length && open[shared] === keys[shared]) shared++;
    open = open.slice(0, shared);
    for (let depth = shared; depth < keys.length; depth++) {
      open.push(keys[depth]);
      if (hiddenBelow(open.slice(0, depth), choice.collapsed)) continue;
      const key = keys[depth];
      const { fields: count, differing } = counts.get(key)!;
      rows.push({ kind: "section", key, label: pathSegments(key).at(-1)!, depth, fields: count, differing, collapsed: choice.collapsed.has(key) });
      heights.push(choice.rowHeight);
    }
    if (hiddenBelow(open, choice.collapsed)) continue;
    rowOfField.set(field, rows.length);
    rows.push({ kind: "field", field, label: pathSegments(path).at(-1)!, depth: keys.length });
    heights.push(choice.rowHeight);
    if (choice.expanded.has(field)) {
      rows.push({ kind: "text", field, depth: keys.length });
      heights.push(choice.textHeight(field));
    }
  }
  const offsets = new Float64Array(rows.length + 1);
  heights.forEach((height, i) => (offsets[i + 1] = offsets[i] + height));
  return { rows, offsets, rowOfField, fields };
}

function hiddenBelow(sections: readonly string[], collapsed: ReadonlySet<string>): boolean {
  return sections.some((key) => collapsed.has(key));
}

function sectionCounts(fields: readonly number[], choice: RowChoice): Map<string, { fields: number; differing: number }> {
  const counts = new Map<string, { fields: number; differing: number }>();
  for (const field of fields) {
    const differs = choice.status[field] !== "identical";
    for (const key of sectionKeys(choice.paths[field])) {
      const count = counts.get(key) ?? { fields: 0, differing: 0 };
      count.fields++;
      if (differs) count.differing++;
      counts.set(key, count);
    }
  }
  return counts;
}

/** The rows in the viewport [top, bottom) plus `overscan` rows either side, as [first, end). */
export function visibleRows(offsets: Float64Array, top: number, bottom: number, overscan = 6): [number, number] {
  const count = offsets.length - 1;
  const first = Math.max(0, rowAt(offsets, top) - overscan);
  const end = Math.min(count, rowAt(offsets, bottom) + 1 + overscan);
  return [first, Math.max(first, end)];
}

/** The row whose span holds y (binary search over the offsets), clamped to the rows there are. */
function rowAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  if (high < 0) return 0;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle] <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The run columns in a viewport `width` wide scrolled `left` from the start, plus `overscan` either side, as [first, end). */
export function visibleColumns(left: number, width: number, columnWidth: number, count: number, overscan = 2): [number, number] {
  const first = Math.max(0, Math.floor(left / columnWidth) - overscan);
  const end = Math.min(count, Math.ceil((left + width) / columnWidth) + overscan);
  return [first, Math.max(first, end)];
}
