/**
 * Every view, once: its function and types for the ES module (src/index.ts re-exports this
 * module), and the list the widget, the JupyterLab document viewer and MIME renderer draw from.
 * Python reads the same views from their schemas (python/runcompare/_views.py). A new view is its
 * folder, its schema (schema/views/<view>.json), its export line and its entry below.
 */
import type { ViewSchema } from "../data/schema.js";
import type { ViewElement } from "../render/view.js";
import { compare, compareSchema } from "./compare/index.js";
import { diff, diffSchema } from "./diff/index.js";
import { influence, influenceSchema } from "./influence/index.js";
import { logs, logsSchema } from "./diff/logs/index.js";
import { parallel, parallelSchema } from "./parallel/index.js";
import { plots, plotsSchema } from "./plots/index.js";
import { samples, samplesSchema } from "./samples/index.js";
import { scalars, scalarsSchema } from "./scalars/index.js";
import { scatter, scatterSchema } from "./scatter/index.js";
import { summary, summarySchema } from "./summary/index.js";
import { table, tableSchema } from "./table/index.js";
import { values, valuesSchema } from "./values/index.js";

export { parallel, type ParallelOptions, type ParallelElement, type ParallelState } from "./parallel/index.js";
export { scatter, type ScatterOptions, type ScatterElement, type ScatterState } from "./scatter/index.js";
export { summary, type SummaryOptions, type SummaryElement, type SummaryState } from "./summary/index.js";
export { diff, type DiffOptions, type DiffElement, type DiffState } from "./diff/index.js";
export { table, type TableOptions, type TableElement, type TableState, type RowFilter } from "./table/index.js";
export { scalars, type ScalarsOptions, type ScalarsElement, type ScalarsState } from "./scalars/index.js";
export { values, type ValuesOptions, type ValuesElement, type ValuesState } from "./values/index.js";
export { samples, type SamplesOptions, type SamplesElement, type SamplesState, type SampleSource } from "./samples/index.js";
export { plots, type PlotsOptions, type PlotsElement, type PlotsState } from "./plots/index.js";
export { influence, type InfluenceOptions, type InfluenceElement, type InfluenceState } from "./influence/index.js";
export { logs, type LogsOptions, type LogsElement, type LogsState, type LogsInput } from "./diff/logs/index.js";
export { compare, type CompareOptions, type CompareElement, type CompareState, type CompareTab } from "./compare/index.js";
export type { ViewElement } from "../render/view.js";
export type { ViewSchema } from "../data/schema.js";

export interface ViewEntry {
  /** The view's schema: its name (`title`), options, state and the tables it takes. */
  readonly schema: ViewSchema;
  /** The view's function: its first table, then its options. */
  readonly make: (data: never, options: never) => ViewElement;
}

/** The views, in the order menus list them. */
export const VIEWS: readonly ViewEntry[] = [
  { schema: parallelSchema, make: parallel },
  { schema: scatterSchema, make: scatter },
  { schema: summarySchema, make: summary },
  { schema: influenceSchema, make: influence },
  { schema: diffSchema, make: diff },
  { schema: tableSchema, make: table },
  { schema: scalarsSchema, make: scalars },
  { schema: valuesSchema, make: values },
  { schema: samplesSchema, make: samples },
  { schema: plotsSchema, make: plots },
  { schema: logsSchema, make: logs },
  { schema: compareSchema, make: compare },
];

export function viewNamed(name: string): ViewEntry | undefined {
  return VIEWS.find((entry) => entry.schema.title === name);
}

/** The view an entry makes, from its first table and its options. */
export function viewOf(entry: ViewEntry, data: unknown, options: Record<string, unknown> = {}): ViewElement {
  return (entry.make as (data: unknown, options: Record<string, unknown>) => ViewElement)(data, options);
}

/**
 * A view drawn from the tables a widget or a saved output carries, Arrow IPC bytes by the name
 * of their trait (runs, scalars; empty for none), its options, and what the host offers for the
 * options its schema says the host gives (x-host: the kernel's `samples`).
 */
export function viewOfTables(
  entry: ViewEntry,
  tables: Readonly<Record<string, Uint8Array | null>>,
  options: Record<string, unknown>,
  host: Readonly<Record<string, unknown>> = {},
): ViewElement {
  const { schema } = entry;
  // Empty bytes are the widget's "no table"; records (as a page may pass them) are a table.
  const bytes = (trait: string) => (tables[trait] == null || tables[trait].byteLength === 0 ? null : tables[trait]);
  const given = Object.entries(schema.properties).flatMap(([key, option]): [string, unknown][] => {
    if (option["x-table"]) return [[key, bytes(option["x-table"])]];
    if (option["x-host"]) return [[key, host[option["x-host"]] ?? null]];
    return [];
  });
  return viewOf(entry, bytes(schema["x-data"].trait ?? schema["x-data"].table), { ...options, ...Object.fromEntries(given) });
}
