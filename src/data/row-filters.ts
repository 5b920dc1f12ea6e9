import { finiteExtent } from "./axes.js";
import { filterRows, type AxisFilter } from "./filter.js";
import type { RunTable, TableColumn } from "./run-table.js";

/**
 * A filter on one column of the runs table, as options and view state hold it (plain JSON).
 * - values: runs whose value is one of these (null: no value); for tags, runs with any of these tags;
 * - range: runs whose number lies between min and max, inclusive (null: no bound); runs without a value are left out;
 * - text: runs whose text contains this (any case), or matches it written as /regex/flags.
 */
export type RowFilter =
  | { readonly column: string; readonly kind: "values"; readonly values: readonly (string | null)[] }
  | { readonly column: string; readonly kind: "range"; readonly min: number | null; readonly max: number | null }
  | { readonly column: string; readonly kind: "text"; readonly text: string };

/** The pattern a text filter or the search box means: /regex/flags as written, other text literally and in any case; null for blank text. */
export function textPattern(text: string): RegExp | null {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(text.trim());
  if (regex && regex[1] !== "") {
    // Stateful flags would make test() skip matches; u gives Unicode classes.
    const flags = [...new Set(regex[2].replace(/[gy]/g, ""))].join("");
    return new RegExp(regex[1], flags);
  }
  const literal = text.trim();
  if (literal === "") return null;
  return new RegExp(literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "iu");
}

/** Why a filter's text is not a pattern ("Invalid regular expression: …"), or null when it is. */
export function patternError(text: string): string | null {
  try {
    textPattern(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Runs kept by every filter and by the search (AND across them): 1 kept, 0 not. A filter on a
 * column the table does not have, or with a text that is no pattern, keeps every run.
 */
export function keptRows(table: RunTable, filters: readonly RowFilter[], search: string): Uint8Array {
  const axisFilters = filters.flatMap((filter) => {
    const column = table.column(filter.column);
    return column ? axisFilter(column, filter) : [];
  });
  const kept = filterRows(table.count, axisFilters);
  const pattern = safePattern(search);
  if (pattern) keepSearched(table, pattern, kept);
  return kept;
}

/** A filter as the parallel view's brush filters are made, so both share one fast loop per kind. */
function axisFilter(column: TableColumn, filter: RowFilter): AxisFilter[] {
  if (filter.kind === "range") {
    const min = filter.min ?? -Infinity;
    const max = filter.max ?? Infinity;
    return [{ kind: "range", values: column.numbers(), min, max, log: false, keepMissing: false }];
  }
  if (filter.kind === "values") {
    const wanted = new Set(filter.values);
    if (column.kind !== "tags") return [{ kind: "set", values: column.texts(), keep: wanted }];
    return [{ kind: "set", values: column.texts(), keep: textsWhere(column, (tags) => tags.some((tag) => wanted.has(tag)), wanted.has(null)) }];
  }
  const pattern = safePattern(filter.text);
  if (!pattern) return [];
  if (column.kind === "tags")
    return [{ kind: "set", values: column.texts(), keep: textsWhere(column, (tags) => tags.some((tag) => pattern.test(tag)), false) }];
  return [{ kind: "set", values: column.texts(), keep: matchingTexts(column, pattern) }];
}

function safePattern(text: string): RegExp | null {
  return patternError(text) === null ? textPattern(text) : null;
}

/** The distinct texts that match: each is tested once, however many runs share it. */
function matchingTexts(column: TableColumn, pattern: RegExp): Set<string | null> {
  // Names are one per run, and number columns have no categories: their texts are tested as they are.
  const texts = column.id === "name" || column.kind === "number" ? column.texts() : column.categories();
  return new Set(texts.filter((text) => text !== null && pattern.test(text)));
}

/** The texts of a tags column whose list of tags passes a test (and null, for runs without tags, when asked). */
function textsWhere(column: TableColumn, test: (tags: readonly string[]) => boolean, keepMissing: boolean): Set<string | null> {
  const keep = new Set<string | null>(keepMissing ? [null] : []);
  const texts = column.texts();
  const seen = new Set<string>();
  for (let row = 0; row < texts.length; row++) {
    const text = texts[row];
    if (text === null || seen.has(text)) continue;
    seen.add(text);
    if (test(column.tags(row))) keep.add(text);
  }
  return keep;
}

/** Keeps, among kept runs, those whose name or any searched column (tags) matches. */
function keepSearched(table: RunTable, pattern: RegExp, kept: Uint8Array) {
  const matchers = table.searched
    .map((column) => {
      const keep = column.kind === "tags" ? textsWhere(column, (tags) => tags.some((tag) => pattern.test(tag)), false) : matchingTexts(column, pattern);
      return { texts: column.texts(), keep };
    })
    .filter((m) => m.keep.size > 0);
  const names = table.names;
  for (let row = 0; row < kept.length; row++) {
    if (!kept[row] || pattern.test(names[row])) continue;
    if (!matchers.some(({ texts, keep }) => keep.has(texts[row]))) kept[row] = 0;
  }
}

/** How many kept runs have each value of a column (each tag, for tags), most common first; null counts runs without one. */
export function valueCounts(column: TableColumn, kept: Uint8Array): { value: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  const texts = column.texts();
  const add = (value: string | null) => counts.set(value, (counts.get(value) ?? 0) + 1);
  for (let row = 0; row < texts.length; row++) {
    if (!kept[row]) continue;
    if (column.kind !== "tags") add(texts[row]);
    else if (texts[row] === null) add(null);
    else for (const tag of column.tags(row)) add(tag);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || compareValues(a.value, b.value));
}

function compareValues(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Histogram {
  /** Bin edges, one more than bins; empty when the column has no finite value. */
  readonly edges: readonly number[];
  /** Runs per bin, over all runs and over the kept ones. */
  readonly all: Uint32Array;
  readonly kept: Uint32Array;
  /** Bins of equal width in log scale: the values are positive and span more than two decades (learning rates), as log axes are offered. */
  readonly log: boolean;
}

/** Bins of equal width (in log scale for positive values spanning more than two decades) over the finite values of a number column. */
export function histogram(values: Float64Array, kept: Uint8Array, bins = 24): Histogram {
  const extent = finiteExtent(values);
  if (!extent) return { edges: [], all: new Uint32Array(0), kept: new Uint32Array(0), log: false };
  const log = extent[0] > 0 && extent[1] / extent[0] > 100;
  const scale = log ? Math.log : (v: number) => v;
  const [min, max] = extent.map(scale);
  const count = min === max ? 1 : bins;
  const width = (max - min) / count || 1;
  const edges = Array.from({ length: count + 1 }, (_, i) =>
    i === 0 ? extent[0] : i === count ? extent[1] : log ? Math.exp(min + i * width) : min + i * width,
  );
  const all = new Uint32Array(count);
  const inKept = new Uint32Array(count);
  for (let row = 0; row < values.length; row++) {
    const v = values[row];
    if (!Number.isFinite(v)) continue;
    let bin = Math.min(count - 1, Math.floor((scale(v) - min) / width));
    // A value on an edge belongs to the bin above it, whatever the rounding of the log.
    if (bin < count - 1 && v >= edges[bin + 1]) bin++;
    else if (bin > 0 && v < edges[bin]) bin--;
    all[bin]++;
    if (kept[row]) inKept[bin]++;
  }
  return { edges, all, kept: inKept, log };
}
