import type { CategoricalColumn } from "../../data/runs.js";

/**
 * The slot of a categorical axis that holds every category left off it. Not a string a column
 * can hold as a category name (text columns never contain U+0000 in MLflow or pandas output,
 * and the slot is told apart by identity in every lookup below, not by its text).
 */
export const OTHER = "\u0000other";

/** The categories an axis shows, in order from bottom to top, and how it places the rest. */
export interface ShownCategories {
  /** The scale's domain: the shown categories in their sorted order, then OTHER if any were left off. */
  readonly domain: readonly string[];
  /** How many categories share the OTHER slot (0: every category has its own). */
  readonly folded: number;
  /** Whether a category has its own place (else it is in OTHER). */
  has(category: string): boolean;
}

/**
 * Every category when they fit in `fit` places; else the `fit - 1` used by the most runs (ties
 * in sorted order), in sorted order, and OTHER for the rest.
 */
export function shownCategories(column: CategoricalColumn, fit: number): ShownCategories {
  const all = column.categories;
  if (all.length <= Math.max(1, fit)) return { domain: all, folded: 0, has: () => true };
  const counts = new Map<string, number>(all.map((category) => [category, 0]));
  for (const value of column.values) if (value !== null) counts.set(value, counts.get(value)! + 1);
  const rank = new Map(all.map((category, i) => [category, i]));
  const kept = new Set([...all].sort((a, b) => counts.get(b)! - counts.get(a)! || rank.get(a)! - rank.get(b)!).slice(0, Math.max(1, fit - 1)));
  return { domain: [...all.filter((category) => kept.has(category)), OTHER], folded: all.length - kept.size, has: (category) => kept.has(category) };
}
