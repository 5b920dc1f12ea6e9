import { RunsDataError, messages } from "./errors.js";
import { checkedTimes, readColumns, type Coded, type RunsInput, type SourceColumn } from "./input.js";
import { convertEpoch, epochNote, epochUnit } from "./time-units.js";

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

export interface SeriesInfo {
  readonly key: string;
  readonly metric: string;
  readonly variant: string | null;
}

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
  const runs = codeStrings(byName.get("run_id")!, rowCount, true);
  const metrics = codeStrings(byName.get("metric")!, rowCount, true);
  const variantColumn = byName.get("variant");
  const variants = variantColumn ? codeStrings(variantColumn, rowCount, false) : null;
  const steps = numbersOf(byName.get("step")!, "numbers", rowCount);
  const values = numbersOf(byName.get("value")!, "numbers", rowCount);
  const timeColumn = byName.get("time");
  const { times, note: timeNote } = timeColumn ? timesOf(timeColumn, rowCount) : { times: null, note: null };
  for (let row = 0; row < rowCount; row++) {
    if (Number.isNaN(steps[row])) throw new RunsDataError(messages.scalarsMissing("step", row));
  }
  const { series, seriesOfRow } = combineSeries(metrics, variants, rowCount);
  checkUniqueKeys(series);
  return { rowCount, runIds: runs.labels, runOfRow: runs.codes, series, seriesOfRow, steps, times, timeNote, values };
}

function codeStrings(column: SourceColumn, rowCount: number, required: boolean): Coded {
  if (column.type !== "strings" && column.type !== null) {
    throw new RunsDataError(messages.scalarsColumnType(column.name, "strings", column.type));
  }
  if (column.codes) {
    const coded = column.codes();
    const missing = required ? coded.codes.indexOf(-1) : -1;
    if (missing >= 0) throw new RunsDataError(messages.scalarsMissing(column.name, missing));
    return coded;
  }
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const value = column.get(row) as string | null | undefined;
    if (value === null || value === undefined) {
      if (required) throw new RunsDataError(messages.scalarsMissing(column.name, row));
      codes[row] = -1;
      continue;
    }
    let code = index.get(value);
    if (code === undefined) {
      code = labels.length;
      labels.push(value);
      index.set(value, code);
    }
    codes[row] = code;
  }
  return { labels, codes };
}

function numbersOf(column: SourceColumn, expected: "numbers", rowCount: number): Float64Array {
  if (column.type === null) return new Float64Array(rowCount).fill(NaN);
  if (column.type !== expected) throw new RunsDataError(messages.scalarsColumnType(column.name, expected, column.type));
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

function combineSeries(metrics: Coded, variants: Coded | null, rowCount: number) {
  const series: SeriesInfo[] = [];
  const seriesOfRow = new Int32Array(rowCount);
  const variantCount = variants ? variants.labels.length + 1 : 1;
  // Every (metric, variant or none) pair has a slot, so each row costs an array read, not a hash.
  const index = new Int32Array(metrics.labels.length * variantCount).fill(-1);
  for (let row = 0; row < rowCount; row++) {
    const metric = metrics.codes[row];
    const variant = variants ? variants.codes[row] : -1;
    const pair = metric * variantCount + (variant + 1);
    let code = index[pair];
    if (code < 0) {
      code = series.length;
      const metricName = metrics.labels[metric];
      const variantName = variant >= 0 ? variants!.labels[variant] : null;
      series.push({ key: variantName === null ? metricName : `${metricName}/${variantName}`, metric: metricName, variant: variantName });
      index[pair] = code;
    }
    seriesOfRow[row] = code;
  }
  return { series, seriesOfRow };
}

/** Metric "loss/train" and metric "loss" with variant "train" would both be named "loss/train". */
function checkUniqueKeys(series: readonly SeriesInfo[]): void {
  const byKey = new Map<string, SeriesInfo>();
  for (const info of series) {
    const first = byKey.get(info.key);
    if (first) throw new RunsDataError(messages.scalarsSameName(info.key, first, info));
    byKey.set(info.key, info);
  }
}
