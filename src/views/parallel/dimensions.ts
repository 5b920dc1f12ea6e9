import { defaultAxisKind, type AxisKind } from "../../data/axes.js";
import { RunsDataError, messages } from "../../data/errors.js";
import type { RunColumn, Runs } from "../../data/runs.js";

/** One vertical axis: a column and how it is scaled. */
export interface Dimension {
  readonly column: RunColumn;
  readonly kind: AxisKind;
  readonly label: string;
}

export interface DimensionChoice {
  /** Column names or keys; null or undefined for every params.* column. */
  params?: readonly string[] | null;
  /** Column names or keys; null or undefined for every metrics.* column. */
  metrics?: readonly string[] | null;
}

export function resolveColumn(runs: Runs, name: string): RunColumn {
  const column = runs.column(name);
  if (!column) throw new RunsDataError(messages.unknownColumn(name, runs.columns.map((c) => c.name)));
  return column;
}

/** The axes, params first then metrics, each column once. */
export function chooseDimensions(runs: Runs, choice: DimensionChoice): Dimension[] {
  const pick = (names: readonly string[] | null | undefined, role: RunColumn["role"]) =>
    names == null ? runs.columns.filter((c) => c.role === role) : names.map((name) => resolveColumn(runs, name));
  const columns = [...new Set([...pick(choice.params, "param"), ...pick(choice.metrics, "metric")])];
  if (columns.length === 0) throw new RunsDataError(messages.nothingToPlot());
  return columns.map((column) => ({ column, kind: defaultAxisKind(column), label: column.key }));
}
