import type { CategoricalColumn } from "../../data/runs.js";

/** The categories an axis shows, in order from bottom to top, and how it places the rest. */
export interface ShownCategories {
  /** The scale's domain: the shown categories in their sorted order, then `other` if any were left off. */
  readonly domain: readonly string[];
  /** The key of the slot that holds every category left off the axis: a text no category of the column is. */
  readonly other: string;
  /** How many categories share the `other` slot (0: every category has its own). */
  readonly folded: number;
  /** Whether a category has its own place (else it is in `other`). */
  has(category: string): boolean;
}

/**
 * Every category when they fit in `fit` places; else the `fit - 1` used by the most runs (ties
 * in sorted order), in sorted order, and `other` for the rest.
 */
export function shownCategories(column: CategoricalColumn, fit: number): ShownCategories {
  const all = column.categories;
  const other = otherKey(all);
  if (all.length <= Math.max(1, fit)) return { domain: all, other, folded: 0, has: () => true };
  const counts = new Map<string, number>(all.map((category) => [category, 0]));
  for (const value of column.values) if (value !== null) counts.set(value, counts.get(value)! + 1);
  const rank = new Map(all.map((category, i) => [category, i]));
  const kept = new Set([...all].sort((a, b) => counts.get(b)! - counts.get(a)! || rank.get(a)! - rank.get(b)!).slice(0, Math.max(1, fit - 1)));
  return { domain: [...all.filter((category) => kept.has(category)), other], other, folded: all.length - kept.size, has: (category) => kept.has(category) };
}

/** A key equal to none of the categories (which may hold any text, NUL bytes too). */
function otherKey(categories: readonly string[]): string {
  const taken = new Set(categories);
  let key = "\u0000other";
  while (taken.has(key)) key += "\u0000";
  return key;
}
