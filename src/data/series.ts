import { RunsDataError, messages, type TableName } from "./errors.js";
import { readColumns, type Coded, type ColumnSource, type RunsInput, type SourceColumn } from "./input.js";

/** A series of a long table (scalars, samples, plots): "metric/variant", or the metric alone with no variant. */
export interface SeriesInfo {
  readonly key: string;
  readonly metric: string;
  readonly variant: string | null;
}

/**
 * A text column coded as integers into its labels (in order of first appearance), -1 where
 * missing. `missing` gives the message for a missing value in a required column; null: optional.
 */
export function codeStrings(column: SourceColumn, rowCount: number, table: TableName, missing: ((column: string, row: number) => string) | null): Coded {
  if (column.type !== "strings" && column.type !== null) {
    throw new RunsDataError(messages.columnType(table, column.name, "strings", column.type));
  }
  if (column.codes) {
    const coded = column.codes();
    const at = missing ? coded.codes.indexOf(-1) : -1;
    if (at >= 0) throw new RunsDataError(missing!(column.name, at));
    return coded;
  }
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const value = column.get(row) as string | null | undefined;
    if (value === null || value === undefined) {
      if (missing) throw new RunsDataError(missing(column.name, row));
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

/** Each row's series from its metric and variant codes, series in order of first appearance. */
export function combineSeries(metrics: Coded, variants: Coded | null, rowCount: number) {
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
export function checkUniqueKeys(series: readonly SeriesInfo[], table: "scalars" | "samples" | "plots"): void {
  const byKey = new Map<string, SeriesInfo>();
  for (const info of series) {
    const first = byKey.get(info.key);
    if (first) throw new RunsDataError(messages.sameSeriesName(table, info.key, first, info));
    byKey.set(info.key, info);
  }
}

/**
 * The series a view shows, in the table's order: every one for null, else those named, by metric
 * ("loss": each of its variants) or by series key ("loss/train").
 */
export function chooseSeries(series: readonly SeriesInfo[], names: readonly string[] | null | undefined, table: "samples" | "plots"): number[] {
  if (!names) return series.map((_, i) => i);
  const chosen = new Set<number>();
  for (const name of names) {
    const matching = series.flatMap((info, i) => (info.key === name || info.metric === name ? [i] : []));
    if (!matching.length) {
      throw new RunsDataError(
        messages.unknownSeriesOf(
          table,
          name,
          series.map((info) => info.key),
        ),
      );
    }
    for (const i of matching) chosen.add(i);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * A long table's columns, with an array of objects' data column taken aside (its values may mix
 * text, bytes and objects of columns, which no table column holds): `contents` holds them, by row.
 */
export function readWithContents(input: RunsInput, table: "samples" | "plots"): { source: ColumnSource; contents: unknown[] | null; names: string[] } {
  const records = Array.isArray(input) ? (input as readonly Record<string, unknown>[]) : null;
  const contents = records?.some((record) => record && typeof record === "object" && "data" in record) ? records.map((record) => record?.data) : null;
  const source = readColumns(contents ? records!.map(({ data: _, ...rest }) => rest) : input, table);
  return { source, contents, names: [...source.columns.map((c) => c.name), ...(contents ? ["data"] : [])] };
}
