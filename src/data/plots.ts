import { RunsDataError, messages } from "./errors.js";
import { readColumns, type ColumnSource, type RunsInput, type SourceColumn } from "./input.js";
import { checkUniqueKeys, codeStrings, combineSeries, readWithContents, type SeriesInfo } from "./series.js";
import { categoryText } from "./values.js";

/**
 * A plots table: one row per run, metric, variant and step, with the plot's kind and its data as a
 * small table (Arrow IPC bytes, an Arrow Table, an object of columns or an array of objects).
 */
export const PLOT_KINDS = ["line", "scatter", "bar", "box", "histogram", "heatmap", "confusion", "pr", "roc"] as const;
export type PlotKind = (typeof PLOT_KINDS)[number];

export type PlotData =
  /** line, scatter, pr (x recall, y precision), roc (x false positive rate, y true positive rate) */
  | { readonly shape: "xy"; readonly x: Float64Array; readonly y: Float64Array }
  | { readonly shape: "bars"; readonly labels: readonly string[]; readonly y: Float64Array }
  /** box, and a histogram of raw values */
  | { readonly shape: "values"; readonly values: Float64Array }
  | { readonly shape: "buckets"; readonly left: Float64Array; readonly right: Float64Array; readonly count: Float64Array }
  | { readonly shape: "matrix"; readonly matrix: Matrix };

/** A matrix with labelled rows and columns; values row by row, NaN where missing. */
export interface Matrix {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly values: Float64Array;
}

export interface Plot {
  readonly row: number;
  readonly run: number;
  readonly series: number;
  readonly step: number;
  readonly kind: PlotKind;
  readonly data: PlotData;
}

export interface Plots {
  readonly runIds: readonly string[];
  readonly series: readonly SeriesInfo[];
  /** Every plot, in table order. */
  readonly plots: readonly Plot[];
  /** The kind of each series: all its plots are of one kind. */
  readonly kinds: readonly PlotKind[];
}

export type PlotsInput = RunsInput;

/** The columns each kind's small table takes: the first list is required, alternatives in order. */
const XY: Partial<Record<PlotKind, [string, string]>> = { pr: ["recall", "precision"], roc: ["fpr", "tpr"] };
const missing = (column: string, row: number) => messages.missingValue("plots", column, row, "plot needs a run_id, a metric, a step, a kind and data");

export function readPlots(input: PlotsInput): Plots {
  const { source, contents, names } = readWithContents(input, "plots");
  if (source.rowCount === 0) throw new RunsDataError(messages.tableEmpty("plots", "plot (one row per run, metric, step and plot)"));
  const byName = new Map(source.columns.map((c) => [c.name, c]));
  for (const name of ["run_id", "metric", "step", "kind", "data"]) {
    if (!byName.has(name) && !(name === "data" && contents)) throw new RunsDataError(messages.plotsNoColumn(name, names));
  }
  const rowCount = source.rowCount;
  const runs = codeStrings(byName.get("run_id")!, rowCount, "plots", missing);
  const metrics = codeStrings(byName.get("metric")!, rowCount, "plots", missing);
  const variantColumn = byName.get("variant");
  const variants = variantColumn ? codeStrings(variantColumn, rowCount, "plots", null) : null;
  const stepColumn = byName.get("step")!;
  if (stepColumn.type !== "numbers" && stepColumn.type !== null) throw new RunsDataError(messages.columnType("plots", "step", "numbers", stepColumn.type));
  const steps = stepColumn.numbers?.() ?? new Float64Array(rowCount).fill(NaN);
  const kindColumn = byName.get("kind")!;
  const dataColumn = byName.get("data");
  const { series, seriesOfRow } = combineSeries(metrics, variants, rowCount);
  checkUniqueKeys(series, "plots");
  const kinds: (PlotKind | undefined)[] = [];
  const plots: Plot[] = [];
  for (let row = 0; row < rowCount; row++) {
    if (Number.isNaN(steps[row])) throw new RunsDataError(missing("step", row));
    const kindValue = kindColumn.get(row);
    if (kindValue === null || kindValue === undefined) throw new RunsDataError(missing("kind", row));
    const kind = String(kindValue).toLowerCase() as PlotKind;
    if (!PLOT_KINDS.includes(kind)) throw new RunsDataError(messages.plotKind(kindValue, row, PLOT_KINDS));
    const s = seriesOfRow[row];
    kinds[s] ??= kind;
    if (sameFamily(kinds[s]!) !== sameFamily(kind)) {
      throw new RunsDataError(
        messages.plotData(
          kind,
          row,
          `is in series ${JSON.stringify(series[s].key)}, whose plots are ${kinds[s]} plots: give each kind a metric/variant of its own`,
        ),
      );
    }
    const value = contents ? contents[row] : dataColumn!.get(row);
    if (value === null || value === undefined) throw new RunsDataError(missing("data", row));
    plots.push({ row, run: runs.codes[row], series: s, step: steps[row], kind, data: plotData(kind, smallTable(value, kind, row), row) });
  }
  return { runIds: runs.labels, series, plots, kinds: kinds as PlotKind[] };
}

/** Heatmaps and confusion matrices may share a series; other kinds only with themselves. */
function sameFamily(kind: PlotKind): string {
  return kind === "confusion" ? "heatmap" : kind;
}

function smallTable(value: unknown, kind: PlotKind, row: number): ColumnSource {
  try {
    if (isColumns(value)) return readColumns(tableFromColumns(value), "plots");
    return readColumns(value as RunsInput, "plots");
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new RunsDataError(messages.plotData(kind, row, `is not a table (${detail})`));
  }
}

function isColumns(value: unknown): value is Record<string, ArrayLike<unknown>> {
  if (!value || typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  if (typeof (value as { getChildAt?: unknown }).getChildAt === "function" || typeof (value as { columnNames?: unknown }).columnNames === "function")
    return false;
  return Object.values(value).every((column) => Array.isArray(column) || ArrayBuffer.isView(column));
}

/** An object of columns as records, so text, numbers and missing values are read as any table's. */
function tableFromColumns(columns: Record<string, ArrayLike<unknown>>): Record<string, unknown>[] {
  const names = Object.keys(columns);
  const length = Math.max(0, ...names.map((name) => columns[name].length));
  return Array.from({ length }, (_, i) => Object.fromEntries(names.map((name) => [name, columns[name][i] ?? null])));
}

function plotData(kind: PlotKind, table: ColumnSource, row: number): PlotData {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const names = table.columns.map((c) => c.name);
  const column = (...choices: string[]): SourceColumn => {
    for (const name of choices) {
      const found = byName.get(name);
      if (found) return found;
    }
    throw new RunsDataError(
      messages.plotData(kind, row, `has no ${choices.map((c) => `"${c}"`).join(" or ")} column (columns: ${names.join(", ") || "none"})`),
    );
  };
  const numbers = (source: SourceColumn): Float64Array => {
    if (source.type === null) return new Float64Array(table.rowCount).fill(NaN);
    if (source.type !== "numbers") throw new RunsDataError(messages.plotData(kind, row, `has ${source.type} in column "${source.name}": it must hold numbers`));
    return source.numbers!();
  };
  switch (kind) {
    case "line":
    case "scatter": {
      const y = numbers(column("y"));
      const x = byName.has("x") ? numbers(byName.get("x")!) : Float64Array.from(y, (_, i) => i);
      return { shape: "xy", x, y };
    }
    case "pr":
    case "roc": {
      const [x, y] = XY[kind]!;
      return { shape: "xy", x: numbers(column(x, "x")), y: numbers(column(y, "y")) };
    }
    case "bar": {
      const labels = column("x", "label");
      return { shape: "bars", labels: Array.from({ length: table.rowCount }, (_, i) => categoryText(labels.get(i)) ?? ""), y: numbers(column("y")) };
    }
    case "box":
      return { shape: "values", values: numbers(column("y", "value")) };
    case "histogram":
      if (byName.has("count")) return { shape: "buckets", left: numbers(column("left")), right: numbers(column("right")), count: numbers(column("count")) };
      return { shape: "values", values: numbers(column("y", "value")) };
    case "heatmap":
    case "confusion":
      return { shape: "matrix", matrix: longMatrix(column("row"), column("column"), numbers(column("value", "count")), table.rowCount) };
  }
}

/** A matrix from (row, column, value) rows; labels in order of first appearance, a repeated cell keeps its last value. */
function longMatrix(rows: SourceColumn, columns: SourceColumn, values: Float64Array, length: number): Matrix {
  const rowLabels = new Map<string, number>();
  const columnLabels = new Map<string, number>();
  const label = (labels: Map<string, number>, value: unknown) => {
    const text = categoryText(value) ?? "";
    let index = labels.get(text);
    if (index === undefined) labels.set(text, (index = labels.size));
    return index;
  };
  const cells: [number, number, number][] = [];
  for (let i = 0; i < length; i++) cells.push([label(rowLabels, rows.get(i)), label(columnLabels, columns.get(i)), values[i]]);
  const width = columnLabels.size;
  const matrix = new Float64Array(rowLabels.size * width).fill(NaN);
  for (const [r, c, value] of cells) matrix[r * width + c] = value;
  return { rows: [...rowLabels.keys()], columns: [...columnLabels.keys()], values: matrix };
}
