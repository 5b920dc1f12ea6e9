import { RunsDataError, messages } from "./errors.js";
import { readColumns, type RunsInput, type SourceColumn } from "./input.js";
import { checkUniqueKeys, codeStrings, combineSeries, type SeriesInfo } from "./series.js";
import { convertEpoch, epochNote, epochUnit } from "./time-units.js";
import { checkedTimes } from "./values.js";

/**
 * A scalars table (one row per reported value) in columns: every string column is coded as
 * integers into a list of labels, so millions of rows stay typed arrays.
 */
export interface Scalars {
  readonly rowCount: number;
  /** Distinct run ids, and each row's index into them. */
  readonly runIds: readonly string[];
  readonly runOfRow: Int32Array;
  /** Distinct series ("metric/variant", or "metric" with no variant), and each row's index into them. */
  readonly series: readonly SeriesInfo[];
  readonly seriesOfRow: Int32Array;
  readonly steps: Float64Array;
  /** Epoch milliseconds when the value was reported, or null when the table has no time column. */
  readonly times: Float64Array | null;
  /** What the view says about the time column: how plain numbers were read (milliseconds since 1970, ...), else null. */
  readonly timeNote: string | null;
  readonly values: Float64Array;
}

export type { SeriesInfo } from "./series.js";

export type ScalarsInput = RunsInput;

const REQUIRED = ["run_id", "metric", "step", "value"] as const;

export function readScalars(input: ScalarsInput): Scalars {
  const source = readColumns(input, "scalars");
  if (source.rowCount === 0) throw new RunsDataError(messages.scalarsEmpty());
  const names = source.columns.map((c) => c.name);
  const byName = new Map(source.columns.map((c) => [c.name, c]));
  for (const name of REQUIRED) {
    if (!byName.has(name)) throw new RunsDataError(messages.scalarsNoColumn(name, names));
  }
  const rowCount = source.rowCount;
  const runs = codeStrings(byName.get("run_id")!, rowCount, "scalars", messages.scalarsMissing);
  const metrics = codeStrings(byName.get("metric")!, rowCount, "scalars", messages.scalarsMissing);
  const variantColumn = byName.get("variant");
  const variants = variantColumn ? codeStrings(variantColumn, rowCount, "scalars", null) : null;
  const steps = numbersOf(byName.get("step")!, "numbers", rowCount);
  const values = numbersOf(byName.get("value")!, "numbers", rowCount);
  const timeColumn = byName.get("time");
  const { times, note: timeNote } = timeColumn ? timesOf(timeColumn, rowCount) : { times: null, note: null };
  for (let row = 0; row < rowCount; row++) {
    if (Number.isNaN(steps[row])) throw new RunsDataError(messages.scalarsMissing("step", row));
  }
  const { series, seriesOfRow } = combineSeries(metrics, variants, rowCount);
  checkUniqueKeys(series, "scalars");
  return { rowCount, runIds: runs.labels, runOfRow: runs.codes, series, seriesOfRow, steps, times, timeNote, values };
}

function numbersOf(column: SourceColumn, expected: "numbers", rowCount: number): Float64Array {
  if (column.type === null) return new Float64Array(rowCount).fill(NaN);
  if (column.type !== expected) throw new RunsDataError(messages.columnType("scalars", column.name, expected, column.type));
  return column.numbers!();
}

/**
 * Timestamps as epoch milliseconds. Plain numbers are seconds since 1970 (TensorBoard's
 * wall_time), or milliseconds, microseconds or nanoseconds when their size says so (MLflow's
 * timestamps are milliseconds): a note says which. Numbers that are no such dates are seconds.
 */
function timesOf(column: SourceColumn, rowCount: number): { times: Float64Array; note: string | null } {
  if (column.type === "timestamps") return { times: column.numbers!(), note: null };
  const numbers = numbersOf(column, "numbers", rowCount);
  const unit = epochUnit(numbers) ?? "s";
  return { times: checkedTimes(column.name, convertEpoch(numbers, unit, "ms")), note: unit === "s" ? null : epochNote(column.name, unit) };
}
