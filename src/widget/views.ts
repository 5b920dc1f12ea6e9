import type { ViewElement } from "../render/view.js";
import { viewNamed, viewOfTables } from "../views/registry.js";
import type { SampleSource } from "../views/samples/store.js";

export type { ViewElement } from "../render/view.js";

/** The tables a widget carries, as Arrow IPC bytes; scalars is empty when not given. */
export interface WidgetTables {
  runs: Uint8Array;
  scalars: Uint8Array | null;
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
  return entry ? viewOfTables(entry, { runs: tables.runs, scalars: tables.scalars }, options, { ...host }) : null;
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
