import type { ViewElement } from "../render/view.js";
import { viewNamed, viewOfTables } from "../views/registry.js";
import type { SampleSource } from "../views/samples/store.js";

export type { ViewElement } from "../render/view.js";

/** The traits that carry a widget's tables: every view's runs and scalars, and the comparison page's others (python/runcompare/_compare.py). */
export const TABLE_TRAITS = ["runs", "scalars", "details", "plots", "samples"] as const;

/** The tables a widget carries, as Arrow IPC bytes by trait; null (or absent) when not given. */
export interface WidgetTables extends Partial<Record<(typeof TABLE_TRAITS)[number], Uint8Array | null>> {
  runs: Uint8Array;
  scalars: Uint8Array | null;
}

/** A widget's tables, each read by its trait (null for none). */
export function widgetTables(read: (trait: (typeof TABLE_TRAITS)[number]) => Uint8Array | null): WidgetTables {
  const given = Object.fromEntries(TABLE_TRAITS.map((trait) => [trait, read(trait)]));
  return { ...given, runs: given.runs ?? new Uint8Array(), scalars: given.scalars };
}

/**
 * What the page's host offers a view beyond its tables: the kernel's samples (none where there
 * is no kernel), and whether the view may keep its state in the URL's hash (a page of its own,
 * as rc.to_html writes; never a notebook's).
 */
export interface ViewHost {
  samples: SampleSource | null;
  hash?: boolean;
}

/**
 * The view Python's `view` trait (or a saved output) names, drawn from its tables and options;
 * null when this runcompare has no such view ("constructor" and "__proto__" included).
 */
export function widgetView(name: unknown, tables: WidgetTables, options: Record<string, unknown>, host: ViewHost = { samples: null }): ViewElement | null {
  const entry = typeof name === "string" ? viewNamed(name) : undefined;
  return entry ? viewOfTables(entry, { ...tables }, options, { ...host }) : null;
}

/** Whether two JSON values are the same, whatever the order of their keys. */
export function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
  );
}
