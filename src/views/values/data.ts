import { RunsDataError, messages } from "../../data/errors.js";
import type { Runs } from "../../data/runs.js";
import type { Settled } from "../../render/view.js";
import { type Scalars } from "../../data/scalars.js";
import { type Summary } from "../../data/summaries.js";
import { defaultRunsAs, type RunsAs } from "./grid.js";
import { reportCounts, runColumns, valueRows, type RunColumns, type ValueRow } from "./matrix.js";
import type { ValuesOptions } from "./index.js";

export type Settings = Required<Pick<ValuesOptions, "summary" | "extremes" | "descending">> &
  Pick<ValuesOptions, "sortBy" | "runsAs"> &
  Pick<Settled<ValuesOptions>, "groupBy" | "pairBy" | "base" | "test">;

/** The tables read once; each summary's rows computed the first time they are shown. */
export class ValuesData {
  readonly columns: RunColumns;
  readonly keys: readonly string[];
  private readonly counts: Int32Array;
  private readonly rowsBySummary = new Map<Summary, ValueRow[]>();

  constructor(
    private readonly scalars: Scalars,
    readonly runs: Runs | null,
  ) {
    this.columns = runColumns(scalars, runs);
    this.keys = scalars.series.map((series) => series.key);
    this.counts = reportCounts(scalars);
  }

  rows(summary: Summary): ValueRow[] {
    let rows = this.rowsBySummary.get(summary);
    if (!rows) {
      rows = valueRows(this.scalars, this.columns, this.counts, summary);
      this.rowsBySummary.set(summary, rows);
    }
    return rows;
  }

  /** A row's values by the runs table's rows (NaN for runs not shown), for comparing groups of runs. */
  valuesOfRuns(row: ValueRow): Float64Array {
    const runs = this.runs!;
    const out = new Float64Array(runs.count).fill(NaN);
    this.columns.ids.forEach((id, column) => {
      const run = runs.rowOf(id);
      if (run >= 0) out[run] = row.values[column];
    });
    return out;
  }

  runsAs(settings: Settings): RunsAs {
    return settings.runsAs ?? defaultRunsAs(this.columns.ids.length, this.keys.length);
  }
}

/** The column to sort by is one the table has: a series when runs are rows, a run when they are columns. */
export function checkSettings(settings: Settings, data: ValuesData) {
  if (settings.groupBy !== null && data.runs === null) throw new RunsDataError(messages.statsNeedRuns());
  if (settings.sortBy == null) return;
  if (data.runsAs(settings) === "columns") {
    if (!data.columns.ids.includes(settings.sortBy)) throw new RunsDataError(messages.unknownSortRun(settings.sortBy, data.columns.ids));
  } else if (!data.keys.includes(settings.sortBy)) {
    throw new RunsDataError(messages.unknownSortSeries(settings.sortBy, data.keys));
  }
}
