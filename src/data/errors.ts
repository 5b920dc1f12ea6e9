/**
 * Errors about the data a user passed. Their messages are part of the contract: the Python
 * package raises the same words for the same input (tests/contract/cases.json holds both).
 */
export class RunsDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunsDataError";
  }
}

/** The words messages use for a column's value type, the same in TypeScript and Python. */
export type ValueType = "numbers" | "strings" | "booleans" | "timestamps" | "binary" | "lists" | "objects";

const MAX_LISTED = 8;

export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(", ");
  return names.length > MAX_LISTED ? `${shown}, … (${names.length} in all)` : shown;
}

export function quote(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  return String(value);
}

export const messages = {
  notRunsInput: (got: string) =>
    `runs must be an Arrow Table, Arrow IPC bytes, an arquero table or an array of objects; got ${got}.`,
  badIpc: (detail: string) => `runs bytes are not a readable Arrow IPC stream or file (${detail}).`,
  empty: () => `runs table is empty: pass at least one run (one row per run).`,
  duplicateColumn: (name: string) => `column "${name}" appears twice: column names must be unique.`,
  noRunId: (columns: readonly string[]) =>
    columns.length
      ? `runs table has no "run_id" column (columns: ${listNames(columns)}): add a "run_id" column with one unique string id per run.`
      : `runs table has no "run_id" column: add a "run_id" column with one unique string id per run.`,
  runIdType: (type: ValueType) =>
    `column "run_id" holds ${type}: run ids must be strings; convert them to text.`,
  runIdMissing: (row: number) => `column "run_id" is missing a value at row ${row}: every run needs an id.`,
  runIdDuplicate: (id: string, first: number, second: number) =>
    `column "run_id" has the id ${quote(id)} twice (rows ${first} and ${second}): run ids must be unique.`,
  mixedTypes: (column: string, a: ValueType, b: ValueType) =>
    `column "${column}" mixes ${a} and ${b}: give every value of a column one type, for example all strings.`,
  metricNotNumeric: (column: string, type: ValueType, example: unknown) =>
    `column "${column}" holds ${type} such as ${quote(example)}: metrics.* columns must be numbers; move these values to a tags.* column.`,
  unsupportedType: (column: string, type: ValueType) =>
    `column "${column}" holds ${type}, which runcompare cannot show: drop the column or convert it to text.`,
  unknownColumn: (name: string, columns: readonly string[]) =>
    `no column "${name}" in runs (columns: ${listNames(columns)}): pass one of these, with or without its "params."/"metrics." prefix.`,
  scalarsEmpty: () => `scalars table is empty: pass at least one reported value (one row per value).`,
  scalarsNoColumn: (column: string, columns: readonly string[]) =>
    `scalars table has no "${column}" column (columns: ${listNames(columns)}): scalars need run_id, metric, step and value columns; variant and time are optional.`,
  scalarsColumnType: (column: string, expected: string, found: ValueType) =>
    `column "${column}" of the scalars holds ${found}: it must hold ${expected}.`,
  scalarsMissing: (column: string, row: number) =>
    `column "${column}" of the scalars is missing a value at row ${row}: every reported value needs a run_id, a metric and a step.`,
  scalarsNoRuns: (scalarId: string, runId: string) =>
    `no scalars belong to the runs: the scalars have run ids such as ${quote(scalarId)}, the runs table ${quote(runId)}; pass the scalars of these runs.`,
  unknownSeries: (name: string, series: readonly string[]) =>
    `no metric "${name}" in the runs or the scalars (scalars series: ${listNames(series)}): name one of these, optionally ending in :last, :min or :max.`,
  nothingToPlot: () =>
    `runs have no params.* or metrics.* columns to plot: choose columns with params= and metrics=, or prefix column names with "params." or "metrics.".`,
};
