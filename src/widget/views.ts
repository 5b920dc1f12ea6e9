import { parallel } from "../views/parallel/index.js";
import { scatter } from "../views/scatter/index.js";
import { values } from "../views/values/index.js";
import { summary } from "../views/summary/index.js";
import { scalars } from "../views/scalars/index.js";
import { diffWithSelection } from "../views/diff/selection.js";
import { table } from "../views/table/index.js";
import { samples } from "../views/samples/index.js";
import { plots } from "../views/plots/index.js";
import { logs } from "../views/diff/logs/index.js";
import type { SampleSource } from "../views/samples/store.js";
import type { Exportable } from "../render/export.js";

/** The tables a widget carries, as Arrow IPC bytes; scalars is empty when not given. */
export interface WidgetTables {
  runs: Uint8Array;
  scalars: Uint8Array | null;
}

/** What every view element offers the widget. */
export interface ViewElement extends HTMLElement, Exportable {
  value: string[];
  update(options: Record<string, unknown>): void;
  destroy(): void;
}

/** What the page's host offers a view beyond its tables: the kernel's samples (none where there is no kernel). */
export interface ViewHost {
  samples: SampleSource | null;
}

type ViewMaker = (tables: WidgetTables, options: Record<string, unknown>, host?: ViewHost) => ViewElement;

/** Each view by the name Python's `view` trait gives, and how it takes the tables. */
export const views: Record<string, ViewMaker> = {
  parallel: (tables, options) => parallel(tables.runs, { ...options, scalars: tables.scalars }) as ViewElement,
  scatter: (tables, options) => scatter(tables.runs, { ...options, scalars: tables.scalars }) as ViewElement,
  // Empty bytes are the widget's "no runs"; records (as a page passes them) have no byteLength.
  values: (tables, options) =>
    values(tables.scalars ?? new Uint8Array(), { ...options, runs: tables.runs.byteLength === 0 ? null : tables.runs }) as ViewElement,
  summary: (tables, options) => summary(tables.runs, { ...options, scalars: tables.scalars }) as ViewElement,
  scalars: (tables, options) => scalars(tables.scalars, { ...options, runs: tables.runs }) as ViewElement,
  diff: (tables, options) => diffWithSelection(tables.runs, options) as unknown as ViewElement,
  table: (tables, options) => table(tables.runs, { ...options, scalars: tables.scalars }) as ViewElement,
  // The long table travels as "runs", the runs table (names, order) as "scalars".
  samples: (tables, options, host) => samples(tables.runs, { ...options, runs: tables.scalars, source: host?.samples ?? null }) as ViewElement,
  plots: (tables, options) => plots(tables.runs, { ...options, runs: tables.scalars }) as ViewElement,
  logs: (tables, options) => logs(tables.runs, options) as ViewElement,
};

/** The view of that name; undefined for any other, "constructor" and "__proto__" included. */
export function viewMaker(name: unknown): ViewMaker | undefined {
  return typeof name === "string" && Object.hasOwn(views, name) ? views[name] : undefined;
}
