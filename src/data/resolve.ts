import { RunsDataError, messages } from "./errors.js";
import type { NumericColumn, RunColumn, Runs } from "./runs.js";
import type { Scalars } from "./scalars.js";
import { parseSummarySpec, summarize, SUMMARIES } from "./summaries.js";

/**
 * Finds the columns a view names: runs columns by name or key, and metrics summarised from the
 * scalars ("loss/validation:min", labelled "loss/validation (min)"). The same name gives the same
 * column object, so an axis and the colour can share one.
 */
export interface ColumnResolver {
  resolve(name: string): RunColumn;
  /** The name options give a column by, which resolve() takes back: "params.lr", or "loss/validation:min" for a summary. */
  nameOf(column: RunColumn): string;
  /** Every summary the scalars offer (each series' last), for views that plot all metrics. */
  scalarSummaries(): NumericColumn[];
}

export function columnResolver(runs: Runs, scalars: Scalars | null): ColumnResolver {
  const made = new Map<string, NumericColumn>();
  const specs = new Map<RunColumn, string>();
  const rowOfScalarRun = scalars ? mapRuns(runs, scalars) : null;

  const summaryColumn = (seriesIndex: number, summary: (typeof SUMMARIES)[number]): NumericColumn => {
    const key = `${scalars!.series[seriesIndex].key} (${summary})`;
    let column = made.get(key);
    if (!column) {
      const perScalarRun = summarize(scalars!, seriesIndex, summary);
      const values = new Float64Array(runs.count).fill(NaN);
      rowOfScalarRun!.forEach((row, i) => row >= 0 && (values[row] = perScalarRun[i]));
      column = { name: key, key, label: key, role: "metric", kind: "numeric", values, temporal: false };
      made.set(key, column);
      specs.set(column, `${scalars!.series[seriesIndex].key}:${summary}`);
    }
    return column;
  };

  return {
    resolve(name) {
      const spec = parseSummarySpec(name);
      const fromRuns = runs.column(name);
      if (fromRuns && !spec.explicit) return fromRuns;
      const seriesIndex = scalars ? scalars.series.findIndex((s) => s.key === spec.series) : -1;
      if (seriesIndex >= 0) return summaryColumn(seriesIndex, spec.summary);
      if (scalars)
        throw new RunsDataError(
          messages.unknownSeries(
            name,
            scalars.series.map((s) => s.key),
          ),
        );
      throw new RunsDataError(
        messages.unknownColumn(
          name,
          runs.columns.map((c) => c.name),
        ),
      );
    },
    nameOf(column) {
      return specs.get(column) ?? column.name;
    },
    scalarSummaries() {
      return scalars ? scalars.series.map((_, i) => summaryColumn(i, "last")) : [];
    },
  };
}

/** For each run id of the scalars, its row in the runs table (-1 when absent); throws when none match. */
function mapRuns(runs: Runs, scalars: Scalars): Int32Array {
  const rows = Int32Array.from(scalars.runIds, (id) => runs.rowOf(id));
  if (!rows.some((row) => row >= 0)) throw new RunsDataError(messages.scalarsNoRuns(scalars.runIds[0], runs.ids[0]));
  return rows;
}
