import { RunsDataError, messages } from "../../data/errors.js";
import { distinctNames } from "../../data/names.js";
import type { Runs } from "../../data/runs.js";
import type { Scalars } from "../../data/scalars.js";
import { summarize, type Summary } from "../../data/summaries.js";

/**
 * The runs a table shows: those of the runs table that reported any value, in its order, named
 * by it; else the scalars' run ids.
 */
export interface RunColumns {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** For each run of the scalars (scalars.runIds order), its index here, or -1 when it is not shown. */
  readonly columnOfScalarRun: Int32Array;
  /** Runs of the runs table left out for reporting nothing. */
  readonly withoutValues: number;
}

export function runColumns(scalars: Scalars, runs: Runs | null): RunColumns {
  if (!runs) {
    return { ids: scalars.runIds, names: scalars.runIds, columnOfScalarRun: Int32Array.from(scalars.runIds, (_, i) => i), withoutValues: 0 };
  }
  const rowOfScalarRun = Int32Array.from(scalars.runIds, (id) => runs.rowOf(id));
  if (!rowOfScalarRun.some((row) => row >= 0)) {
    throw new RunsDataError(messages.scalarsNoRuns(scalars.runIds[0], runs.ids[0]));
  }
  const reported = new Uint8Array(runs.count);
  for (const row of rowOfScalarRun) if (row >= 0) reported[row] = 1;
  const rows = runs.ids.flatMap((_, row) => (reported[row] ? [row] : []));
  const indexOfRow = new Int32Array(runs.count).fill(-1);
  rows.forEach((row, index) => (indexOfRow[row] = index));
  const ids = rows.map((row) => runs.ids[row]);
  return {
    ids,
    names: distinctNames(
      rows.map((row) => runs.names[row]),
      ids,
    ),
    columnOfScalarRun: rowOfScalarRun.map((row) => (row >= 0 ? indexOfRow[row] : -1)),
    withoutValues: runs.count - rows.length,
  };
}

/** How many values each run reported for each series: counts[series * runIds.length + run]. */
export function reportCounts(scalars: Scalars): Int32Array {
  const runCount = scalars.runIds.length;
  const counts = new Int32Array(scalars.series.length * runCount);
  for (let row = 0; row < scalars.rowCount; row++) counts[scalars.seriesOfRow[row] * runCount + scalars.runOfRow[row]]++;
  return counts;
}

/** One series summarised for every shown run. */
export interface ValueRow {
  readonly key: string;
  /** One value per column; NaN where the run has no value. */
  readonly values: Float64Array;
  /** 1 where the run reported the series at all: a NaN there is a reported NaN, elsewhere a missing value. */
  readonly reported: Uint8Array;
}

export function valueRows(scalars: Scalars, columns: RunColumns, counts: Int32Array, summary: Summary): ValueRow[] {
  const runCount = scalars.runIds.length;
  return scalars.series.map((series, index) => {
    const perScalarRun = summarize(scalars, index, summary);
    const values = new Float64Array(columns.ids.length).fill(NaN);
    const reported = new Uint8Array(columns.ids.length);
    columns.columnOfScalarRun.forEach((column, run) => {
      if (column < 0) return;
      values[column] = perScalarRun[run];
      reported[column] = counts[index * runCount + run] > 0 ? 1 : 0;
    });
    return { key: series.key, values, reported };
  });
}
