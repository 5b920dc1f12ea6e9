import type { Details } from "./details.js";

/** The search text as a literal, case-insensitive pattern; null for blank text, which matches nothing. */
export function searchPattern(query: string): RegExp | null {
  const text = query.trim();
  if (text === "") return null;
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "iu");
}

/** The fields, among `fields` and in their order, whose path or the value of one of the compared runs matches. */
export function findMatches(details: Details, fields: Iterable<number>, runs: readonly number[], pattern: RegExp): number[] {
  const matches: number[] = [];
  for (const field of fields) {
    const values = details.values[field];
    const matched = pattern.test(details.paths[field]) || runs.some((run) => values[run] !== null && pattern.test(values[run]!));
    if (matched) matches.push(field);
  }
  return matches;
}

/** Where the pattern occurs in a text, as [start, end) pairs that do not overlap. */
export function matchRanges(text: string, pattern: RegExp): [number, number][] {
  const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g");
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(global)) {
    if (match[0].length === 0) break;
    ranges.push([match.index!, match.index! + match[0].length]);
  }
  return ranges;
}

/**
 * The item after (or before) `from` in a list of fields in display order, wrapping at the ends;
 * from the start (or the end) when nothing is focused. Null for an empty list.
 */
export function stepThrough(list: readonly number[], from: number | null, direction: 1 | -1): number | null {
  if (list.length === 0) return null;
  if (from === null) return direction > 0 ? list[0] : list[list.length - 1];
  if (direction > 0) return list.find((field) => field > from) ?? list[0];
  for (let i = list.length - 1; i >= 0; i--) if (list[i] < from) return list[i];
  return list[list.length - 1];
}
