import type { Summary } from "../../data/summaries.js";
import { extremeOf, type Extreme, type RowExtremes } from "./extremes.js";
import type { RunColumns, ValueRow } from "./matrix.js";
import type { SortDirection } from "./sort.js";

/** Which way the runs go: one row per run (many runs, few series) or one column per run. */
export type RunsAs = "rows" | "columns";
export const RUNS_AS: readonly RunsAs[] = ["rows", "columns"];

/** Runs go down the rows when there are more runs than series: a table taller than wide. */
export function defaultRunsAs(runCount: number, seriesCount: number): RunsAs {
  return runCount > seriesCount ? "rows" : "columns";
}

/**
 * The table as shown: the matrix of each series' value per run, laid out with the runs as rows
 * or as columns, its rows in the shown order. Everything the screen, the CSV and the SVG show
 * reads it through the functions below, whichever way it lies.
 */
export interface Grid {
  readonly runsAs: RunsAs;
  readonly summary: Summary;
  /** One per series: its value for each run. */
  readonly series: readonly ValueRow[];
  readonly runs: RunColumns;
  /** Shown row → series (runs as columns) or run (runs as rows). */
  readonly order: Int32Array;
  /** Each series' extremes when they are highlighted, else null. */
  readonly extremes: readonly (RowExtremes | null)[] | null;
  /** The selected runs. */
  readonly selected: ReadonlySet<number>;
  /** The column (as shown) the rows are sorted by. */
  readonly sort: { readonly column: number; readonly direction: SortDirection } | null;
}

/** A row or column heading: a run (its name, id and index) or a series (its key). */
export interface Heading {
  readonly text: string;
  /** The run id or the series key. */
  readonly id: string;
  /** The run's index, or -1 for a series. */
  readonly run: number;
}

export function rowCount(grid: Grid): number {
  return grid.order.length;
}

export function columnCount(grid: Grid): number {
  return grid.runsAs === "rows" ? grid.series.length : grid.runs.ids.length;
}

/** What the corner over the row headings says. */
export function cornerText(grid: Grid): string {
  return grid.runsAs === "rows" ? "run" : "metric";
}

export function rowHeading(grid: Grid, row: number): Heading {
  return heading(grid, grid.order[row], grid.runsAs === "rows");
}

export function columnHeading(grid: Grid, column: number): Heading {
  return heading(grid, column, grid.runsAs === "columns");
}

function heading(grid: Grid, index: number, isRun: boolean): Heading {
  if (isRun) return { text: grid.runs.names[index], id: grid.runs.ids[index], run: index };
  const key = grid.series[index].key;
  return { text: key, id: key, run: -1 };
}

/** One cell: its value, whether the run reported the series, and its run and series. */
export interface Cell {
  readonly value: number;
  readonly reported: boolean;
  readonly run: number;
  readonly series: number;
  readonly extreme: Extreme | null;
}

export function cellAt(grid: Grid, row: number, column: number): Cell {
  const [series, run] = grid.runsAs === "rows" ? [column, grid.order[row]] : [grid.order[row], column];
  const { values, reported } = grid.series[series];
  const isReported = reported[run] === 1;
  const extreme = isReported && grid.extremes ? extremeOf(values[run], grid.extremes[series]) : null;
  return { value: values[run], reported: isReported, run, series, extreme };
}

/** The values a column sorts the rows by: a run's value of each series, or each run's value of a series. */
export function sortValues(series: readonly ValueRow[], runsAs: RunsAs, column: number): Float64Array {
  return runsAs === "rows" ? series[column].values : Float64Array.from(series, (row) => row.values[column]);
}

/** The run holding a series' extreme (the first, when several tie), or -1. */
export function extremeRun(grid: Grid, series: number, extreme: Extreme): number {
  const target = grid.extremes?.[series]?.[extreme];
  if (target === undefined) return -1;
  const { values, reported } = grid.series[series];
  for (let run = 0; run < values.length; run++) if (reported[run] && values[run] === target) return run;
  return -1;
}

/** What a highlighted cell is, said for screen readers and in the key. */
export function extremeLabel(runsAs: RunsAs, extreme: Extreme): string {
  return `${runsAs === "rows" ? "column" : "row"} ${extreme === "max" ? "maximum" : "minimum"}`;
}
