import { messages } from "../../data/errors.js";
import { shownRuns, type RunColumns, type RunNames } from "../../data/run-columns.js";
import type { Scalars } from "../../data/scalars.js";
import { summarize, type Summary } from "../../data/summaries.js";

export type { RunColumns } from "../../data/run-columns.js";

export function runColumns(scalars: Scalars, runs: RunNames | null): RunColumns {
  return shownRuns(scalars.runIds, runs, () => messages.scalarsNoRuns(scalars.runIds[0], runs!.ids[0]));
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
