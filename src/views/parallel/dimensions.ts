import { defaultAxisKind, type AxisKind } from "../../data/axes.js";
import { RunsDataError, messages } from "../../data/errors.js";
import type { ColumnResolver } from "../../data/resolve.js";
import type { RunColumn, Runs } from "../../data/runs.js";

/** One vertical axis: a column, how it is scaled, and whether high values are at the bottom. */
export interface Dimension {
  readonly column: RunColumn;
  readonly kind: AxisKind;
  readonly label: string;
  readonly inverted: boolean;
}

export interface DimensionChoice {
  /** Column names or keys; null or undefined for every params.* column. */
  params?: readonly string[] | null;
  /**
   * Metrics columns, or series of the scalars with :last, :min or :max ("loss/validation:min");
   * null or undefined for every metrics.* column, else every series' last value.
   */
  metrics?: readonly string[] | null;
}

/** The axes, params first then metrics, each column once. */
export function chooseDimensions(runs: Runs, columns: ColumnResolver, choice: DimensionChoice): Dimension[] {
  const params = choice.params == null ? runs.columns.filter((c) => c.role === "param") : choice.params.map(columns.resolve);
  const metrics = choice.metrics == null ? defaultMetrics(runs, columns) : choice.metrics.map(columns.resolve);
  const chosen = [...new Set([...params, ...metrics])];
  if (chosen.length === 0) throw new RunsDataError(messages.nothingToPlot());
  return chosen.map((column) => ({ column, kind: defaultAxisKind(column), label: column.key, inverted: false }));
}

function defaultMetrics(runs: Runs, columns: ColumnResolver): RunColumn[] {
  const fromRuns = runs.columns.filter((c) => c.role === "metric");
  return fromRuns.length ? fromRuns : columns.scalarSummaries();
}
