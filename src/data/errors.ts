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
/** Runs a diff shows side by side at most: a column each; past some thousands its layout takes minutes. */
export const MAX_DIFF_RUNS = 1000;
/** Deeper than any real config (Hydra's nest a few levels); a config that contains itself reaches it too. */
export const MAX_DETAILS_DEPTH = 100;

export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(", ");
  return names.length > MAX_LISTED ? `${shown}, … (${names.length} in all)` : shown;
}

export function quote(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  return String(value);
}

interface SeriesName {
  metric: string;
  variant: string | null;
}

function describeSeries({ metric, variant }: SeriesName): string {
  return variant === null ? `metric ${quote(metric)} with no variant` : `metric ${quote(metric)} with variant ${quote(variant)}`;
}

/** The table a message is about, as users name what they passed. */
export type TableName = "runs" | "scalars" | "details" | "samples" | "plots" | "logs";

export const messages = {
  notTableInput: (table: TableName, got: string) => `${table} must be an Arrow Table, Arrow IPC bytes, an arquero table or an array of objects; got ${got}.`,
  /** `table` is undefined for a file opened on its own, before its kind is known. */
  badIpc: (table: TableName | undefined, detail: string) =>
    `${table ? `${table} bytes are` : "the file is"} not a readable Arrow IPC stream or file (${detail}).`,
  empty: () => `runs table is empty: pass at least one run (one row per run).`,
  duplicateColumn: (name: string) => `column "${name}" appears twice: column names must be unique.`,
  noRunId: (columns: readonly string[]) =>
    columns.length
      ? `runs table has no "run_id" column (columns: ${listNames(columns)}): add a "run_id" column with one unique string id per run.`
      : `runs table has no "run_id" column: add a "run_id" column with one unique string id per run.`,
  runIdType: (type: ValueType) => `column "run_id" holds ${type}: run ids must be text or numbers; convert them to text.`,
  runIdMissing: (row: number) => `column "run_id" is missing a value at row ${row}: every run needs an id.`,
  runIdDuplicate: (id: string, first: number, second: number) =>
    `column "run_id" has the id ${quote(id)} twice (rows ${first} and ${second}): run ids must be unique.`,
  mixedTypes: (column: string, a: ValueType, b: ValueType) =>
    `column "${column}" mixes ${a} and ${b}: give every value of a column one type, for example all strings.`,
  metricNotNumeric: (column: string, type: ValueType, example: unknown) =>
    `column "${column}" holds ${type} such as ${quote(example)}: metrics.* columns must be numbers; move these values to a tags.* column.`,
  farTime: (column: string, row: number) =>
    `column "${column}" holds a time beyond the dates a browser can show (years -271821 to 275760) at row ${row}: correct it or drop the column.`,
  unsupportedType: (column: string, type: ValueType) =>
    `column "${column}" holds ${type}, which runcompare cannot show: drop the column or convert it to text.`,
  ambiguousName: (name: string, columns: readonly string[]) =>
    `"${name}" names ${columns.length} columns, ${columns.map((c) => `"${c}"`).join(" and ")}: pass the full name of the one you mean.`,
  unknownColumn: (name: string, columns: readonly string[]) =>
    `no column "${name}" in runs (columns: ${listNames(columns)}): pass one of these, with or without its "params."/"metrics." prefix.`,
  scalarsEmpty: () => `scalars table is empty: pass at least one reported value (one row per value).`,
  scalarsNoColumn: (column: string, columns: readonly string[]) =>
    `scalars table has no "${column}" column (columns: ${listNames(columns)}): scalars need run_id, metric, step and value columns; variant and time are optional.`,
  scalarsColumnType: (column: string, expected: string, found: ValueType) => messages.columnType("scalars", column, expected, found),
  scalarsMissing: (column: string, row: number) =>
    `column "${column}" of the scalars is missing a value at row ${row}: every reported value needs a run_id, a metric and a step.`,
  scalarsSameName: (key: string, first: SeriesName, second: SeriesName) => messages.sameSeriesName("scalars", key, first, second),
  scalarsNoRuns: (scalarId: string, runId: string) =>
    `no scalars belong to the runs: the scalars have run ids such as ${quote(scalarId)}, the runs table ${quote(runId)}; pass the scalars of these runs.`,
  unknownSeries: (name: string, series: readonly string[]) =>
    `no metric "${name}" in the runs or the scalars (scalars series: ${listNames(series)}): name one of these, optionally ending in :last, :min or :max.`,
  notAComparisonTable: (columns: readonly string[]) =>
    `this table is neither runs nor scalars (columns: ${listNames(columns)}): a runs table needs a "run_id" column; a scalars table needs "run_id", "metric", "step" and "value".`,
  badParquet: (detail: string) => `the file is not a readable Parquet file (${detail}).`,
  nothingToPlot: () =>
    `runs have no params.* or metrics.* columns to plot: choose columns with params= and metrics=, or prefix column names with "params." or "metrics.".`,
  scatterNoX: () => `runs have no params.* column to put on x: name the x column with x=, for example x="metrics.train/loss".`,
  scatterNoY: () => `runs have no metrics.* column and no scalars to put on y: name the y column with y=, or pass scalars.`,
  sizeNotNumeric: (column: string) => `column "${column}" holds categories, not numbers: size= needs a column of numbers; use color= for categories.`,
  unknownSummary: (got: unknown) => `summary ${quote(got)} is not a summary: pass "last", "min" or "max".`,
  unknownSortRun: (id: string, ids: readonly string[]) => `no run ${quote(id)} to sort by (runs: ${listNames(ids)}): pass one of these run ids as sortBy.`,
  unknownSortSeries: (key: string, keys: readonly string[]) =>
    `no series ${quote(key)} to sort by (series: ${listNames(keys)}): pass one of these as sortBy, or runsAs: "columns" to sort by a run.`,
  barsNotNumeric: (column: string) =>
    `column "${column}" holds categories, not numbers: summary bars need numbers; name a metrics.* column or a series of the scalars.`,
  nothingToSummarise: () =>
    `no single-value metrics to show: the runs have no metrics.* columns and no scalars series is reported once per run; name metrics with metrics=, for example "loss/validation:min".`,
  badOption: (name: string, allowed: readonly string[], got: unknown) => `${name} must be one of ${allowed.map(quote).join(", ")}; got ${quote(got)}.`,
  badSmoothing: (got: unknown) => `smoothing must be a number from 0 (none) to 0.999 (most); got ${quote(got)}.`,
  scalarsUnknownMetric: (name: string, series: readonly string[]) =>
    `no metric "${name}" in the scalars (series: ${listNames(series)}): name a metric such as "loss" or a series such as "loss/train".`,
  scalarsNoTime: (x: string) => `x="${x}" needs times, but the scalars have no "time" column: add a "time" column (timestamps, or seconds) or use x="step".`,
  detailsNotInput: (got: string) =>
    `details must be nested objects per run, a details table (run_id, path, value) or a runs table, as an Arrow Table, Arrow IPC bytes, an arquero table or an array of objects; got ${got}.`,
  detailsEmpty: () => `details table is empty: pass at least one row (run_id, path, value).`,
  detailsNoColumn: (column: string, columns: readonly string[]) =>
    `details table has no "${column}" column (columns: ${listNames(columns)}): details need run_id, path and value columns, one row per run and field.`,
  detailsColumnType: (column: string, found: ValueType) => `column "${column}" of the details holds ${found}: it must hold strings.`,
  detailsMissing: (column: string, row: number) => `column "${column}" of the details is missing a value at row ${row}: every row needs a run_id and a path.`,
  detailsDuplicate: (id: string, path: string, first: number, second: number) =>
    `the details have two values for run ${quote(id)} at path ${quote(path)} (rows ${first} and ${second}): give each run one value per path.`,
  detailsNotFields: (id: string, got: string) =>
    `the fields of run ${quote(id)} must be a mapping of names to values (nested mappings become sections); got ${got}.`,
  detailsNoFields: (id: string) => `run ${quote(id)} has no fields: give each run at least one field, or leave the run out.`,
  detailsTooDeep: (id: string) => `the fields of run ${quote(id)} nest deeper than ${MAX_DETAILS_DEPTH} levels, or contain themselves: pass a flatter config.`,
  diffUnknownRun: (option: string, id: string, ids: readonly string[]) =>
    `no run ${quote(id)} in the details (runs: ${listNames(ids)}): pass one of these run ids as ${option}.`,
  diffNoRuns: () => `runs is empty: name at least one run to compare.`,
  diffTooManyRuns: (count: number) =>
    `the diff shows at most ${MAX_DIFF_RUNS.toLocaleString("en")} runs side by side, and ${count.toLocaleString("en")} are asked for: choose the runs to compare with runs (a list of run ids).`,
  statsNotNumeric: (column: string) =>
    `column "${column}" holds categories, not numbers: significance and importance need a metric of numbers; name a metrics.* column or a series of the scalars such as "loss/validation:min".`,
  statsOneGroup: (columns: readonly string[], label: string) =>
    `every run falls in one group (${label}): group by columns whose values differ between runs (grouped by ${listNames(columns)}).`,
  statsUnknownGroup: (base: string, groups: readonly string[]) =>
    `no group ${quote(base)} to compare against (groups: ${listNames(groups)}): pass one of these as base.`,
  statsPairRepeated: (column: string, value: string, group: string) =>
    `column "${column}" has the value ${quote(value)} twice in group ${quote(group)}: pair runs by a column that names one run per group, such as the seed.`,
  badNumber: (name: string, rule: string, got: unknown) => `${name} must be ${rule}; got ${quote(got)}.`,
  badTopK: (got: unknown) => `top k must be a whole number, 0 or more (0 highlights none); got ${quote(got)}.`,
  tableEmpty: (table: "samples" | "plots", unit: string) => `${table} table is empty: pass at least one ${unit}.`,
  samplesNoColumn: (column: string, columns: readonly string[]) =>
    `samples table has no "${column}" column (columns: ${listNames(columns)}): samples need run_id, metric and step columns and a data, url or path column; variant and mime are optional.`,
  samplesNoContent: (columns: readonly string[]) =>
    `samples table has no data, url or path column (columns: ${listNames(columns)}): give each sample its bytes or text (data), an address (url) or a file (path).`,
  columnType: (table: TableName, column: string, expected: string, found: ValueType) =>
    `column "${column}" of the ${table} holds ${found}: it must hold ${expected}.`,
  missingValue: (table: "samples" | "plots" | "logs", column: string, row: number, needs: string) =>
    `column "${column}" of the ${table} is missing a value at row ${row}: every ${needs}.`,
  sameSeriesName: (table: "scalars" | "samples" | "plots", key: string, first: SeriesName, second: SeriesName) =>
    `two series of the ${table} are both named ${quote(key)}: ${describeSeries(first)} and ${describeSeries(second)}; rename a metric or variant so that each "metric/variant" names one series.`,
  sampleData: (row: number, got: string, accepted: string) => `the data of the sample at row ${row} is ${got}: give ${accepted}.`,
  noSampleContent: (row: number) => `the sample at row ${row} has no data, url or path: give it one of them.`,
  unknownRunsOf: (table: "samples" | "plots", id: string, runId: string) =>
    `no ${table} belong to the runs: the ${table} have run ids such as ${quote(id)}, the runs table ${quote(runId)}; pass the ${table} of these runs.`,
  unknownSeriesOf: (table: "samples" | "plots", name: string, series: readonly string[]) =>
    `no metric ${quote(name)} in the ${table} (series: ${listNames(series)}): name a metric, or a series as "metric/variant".`,
  logsEmpty: () => `logs are empty: pass each run's console output, as { run_id: text } or a table with run_id and log columns.`,
  logsNoColumn: (columns: readonly string[]) =>
    `logs table needs run_id and log columns (columns: ${listNames(columns)}): one row per run, its console output in log.`,
  logsDuplicate: (id: string) => `the logs have run ${quote(id)} twice: give each run one log.`,
  plotsNoColumn: (column: string, columns: readonly string[]) =>
    `plots table has no "${column}" column (columns: ${listNames(columns)}): plots need run_id, metric, step, kind and data columns; variant is optional.`,
  plotKind: (kind: unknown, row: number, kinds: readonly string[]) =>
    `plot kind ${quote(kind)} at row ${row} is not one runcompare draws: pass one of ${kinds.map(quote).join(", ")}.`,
  plotData: (kind: string, row: number, problem: string) => `the data of the ${kind} plot at row ${row} ${problem}.`,
  unknownRunOption: (table: "samples" | "plots" | "logs", option: string, id: string, ids: readonly string[]) =>
    `no run ${quote(id)} in the ${table} (runs: ${listNames(ids)}): pass one of these run ids as ${option}.`,
};

/**
 * What a view says when it read the data in a way a user may not expect. Part of the contract as
 * the messages are: Python says the same words (tests/contract/cases.json holds both).
 */
export const notes = {
  repeatedSteps: (count: number, run: string, series: string, step: number) =>
    `${count} ${count === 1 ? "report repeats a step" : "reports repeat a step"} already reported for its run and series (first: run ${quote(run)}, ${quote(series)}, step ${step}): each is drawn, and a series' last value is its latest report, as in MLflow.`,
  /** `ids`: every id, as text; the first two are shown. */
  runIdsAsText: (type: string, ids: readonly string[]) =>
    `column "run_id" holds ${type}: they are read as text (${ids.slice(0, 2).map(quote).join(", ")}${ids.length > 2 ? ", …" : ""}), and selections hold them as text.`,
};
