import { RunsDataError, messages } from "../../data/errors.js";
import { columnResolver } from "../../data/resolve.js";
import type { Runs } from "../../data/runs.js";
import type { Scalars } from "../../data/scalars.js";
import { summarize } from "../../data/summaries.js";
import { reportCounts } from "../values/matrix.js";

/** One cluster of bars: a label and a value per run (runs table order; NaN where there is none). */
export interface BarMetric {
  readonly label: string;
  readonly values: Float64Array;
}

/**
 * The metrics to draw. Named ones are runs columns, series of the scalars reported once per run,
 * or any series with :last, :min or :max. With no names: every metrics.* column, then every
 * series reported once per run that no column of the same name already shows.
 */
export function chooseBarMetrics(runs: Runs, scalars: Scalars | null, names: readonly string[] | null | undefined): BarMetric[] {
  const columns = columnResolver(runs, scalars);
  const singles = scalars ? singleValueSeries(scalars, runs) : new Map<string, Float64Array>();
  if (names == null) {
    const fromRuns = runs.columns.filter((c) => c.role === "metric" && c.kind === "numeric");
    const shown = new Set(fromRuns.map((c) => c.key));
    const metrics = [
      ...fromRuns.map((c) => ({ label: c.key, values: c.values as Float64Array })),
      ...[...singles].filter(([key]) => !shown.has(key)).map(([label, values]) => ({ label, values })),
    ];
    if (metrics.length === 0) throw new RunsDataError(messages.nothingToSummarise());
    return metrics;
  }
  return names.map((name) => {
    const single = singles.get(name);
    if (single && !runs.column(name)) return { label: name, values: single };
    const column = columns.resolve(name);
    if (column.kind !== "numeric") throw new RunsDataError(messages.barsNotNumeric(column.name));
    return { label: column.key, values: column.values };
  });
}

/** Series that every run reporting them reported exactly once, each as a value per run of the runs table. */
export function singleValueSeries(scalars: Scalars, runs: Runs): Map<string, Float64Array> {
  const counts = reportCounts(scalars);
  const runCount = scalars.runIds.length;
  const rowOfScalarRun = Int32Array.from(scalars.runIds, (id) => runs.rowOf(id));
  const singles = new Map<string, Float64Array>();
  scalars.series.forEach((series, index) => {
    const perRun = counts.subarray(index * runCount, (index + 1) * runCount);
    if (perRun.some((count) => count > 1) || !perRun.some((count, run) => count === 1 && rowOfScalarRun[run] >= 0)) return;
    const values = new Float64Array(runs.count).fill(NaN);
    const last = summarize(scalars, index, "last");
    rowOfScalarRun.forEach((row, run) => row >= 0 && (values[row] = last[run]));
    singles.set(series.key, values);
  });
  return singles;
}
