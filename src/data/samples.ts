import { RunsDataError, messages } from "./errors.js";
import type { RunsInput, SourceColumn } from "./input.js";
import { mimeOfName, normalMime, sniffMime } from "./media.js";
import { checkUniqueKeys, codeStrings, combineSeries, readWithContents, type SeriesInfo } from "./series.js";

/**
 * A samples table (debug samples: images, audio, video, text by step): one row per sample, with
 * its bytes or text (`data`), an address the page may load (`url`), or a file only the kernel
 * reads (`path`, which the widget asks the kernel for).
 */
export interface Samples {
  readonly rowCount: number;
  readonly runIds: readonly string[];
  readonly runOfRow: Int32Array;
  readonly series: readonly SeriesInfo[];
  readonly seriesOfRow: Int32Array;
  readonly steps: Float64Array;
  /** The sample's type, normalised ("image/png"); from the mime column, else sniffed from its bytes or name; "" when unknown. */
  mime(row: number): string;
  /** Its size in bytes (the data's, else the size column's), NaN when unknown. */
  size(row: number): number;
  data(row: number): Uint8Array | string | null;
  url(row: number): string | null;
  path(row: number): string | null;
  /** The rows of one series of one run, by step (rows of a step in table order). */
  rowsOf(series: number, run: number): Int32Array;
}

export type SamplesInput = RunsInput;

const EMPTY = new Int32Array(0);
const missing = (column: string, row: number) => messages.missingValue("samples", column, row, "sample needs a run_id, a metric and a step");

/**
 * `fetched`: the samples' bytes come from a source (the widget's kernel), so rows need no content
 * of their own: the table may be an index of run, metric, step, mime and size alone.
 */
export function readSamples(input: SamplesInput, fetched = false): Samples {
  const { source, contents, names } = readWithContents(input, "samples");
  if (source.rowCount === 0) throw new RunsDataError(messages.tableEmpty("samples", "sample (one row per run, metric, step and sample)"));
  const byName = new Map(source.columns.map((c) => [c.name, c]));
  for (const name of ["run_id", "metric", "step"]) if (!byName.has(name)) throw new RunsDataError(messages.samplesNoColumn(name, names));
  if (!fetched && !contents && !["data", "url", "path"].some((name) => byName.has(name))) throw new RunsDataError(messages.samplesNoContent(names));
  const rowCount = source.rowCount;
  const runs = codeStrings(byName.get("run_id")!, rowCount, "samples", missing);
  const metrics = codeStrings(byName.get("metric")!, rowCount, "samples", missing);
  const variantColumn = byName.get("variant");
  const variants = variantColumn ? codeStrings(variantColumn, rowCount, "samples", null) : null;
  const steps = numbers(byName.get("step")!, rowCount);
  for (let row = 0; row < rowCount; row++) if (Number.isNaN(steps[row])) throw new RunsDataError(missing("step", row));
  const data = contents ? (row: number) => content(contents[row], row) : contentColumn(byName.get("data"));
  const url = textColumn(byName.get("url"));
  const path = textColumn(byName.get("path"));
  const mimeColumn = textColumn(byName.get("mime"));
  const sizeColumn = byName.has("size") ? numbers(byName.get("size")!, rowCount) : null;
  for (let row = 0; row < rowCount && !fetched; row++) {
    if (data(row) === null && url(row) === null && path(row) === null) throw new RunsDataError(messages.noSampleContent(row));
  }
  const { series, seriesOfRow } = combineSeries(metrics, variants, rowCount);
  checkUniqueKeys(series, "samples");
  const cells = cellRows(seriesOfRow, runs.codes, steps, runs.labels.length);
  const mimes = new Map<number, string>();
  return {
    rowCount,
    runIds: runs.labels,
    runOfRow: runs.codes,
    series,
    seriesOfRow,
    steps,
    mime: (row) => {
      let mime = mimes.get(row);
      if (mime === undefined) mimes.set(row, (mime = mimeOf(mimeColumn(row), data(row), url(row) ?? path(row))));
      return mime;
    },
    size: (row) => {
      const value = data(row);
      if (value instanceof Uint8Array) return value.byteLength;
      if (typeof value === "string") return value.length;
      return sizeColumn ? sizeColumn[row] : NaN;
    },
    data,
    url,
    path,
    rowsOf: (s, run) => cells.get(s * runs.labels.length + run) ?? EMPTY,
  };
}

/** The declared type when there is one (however odd: the view then says it is not shown), else the sniffed one. */
function mimeOf(declared: string | null, data: Uint8Array | string | null, name: string | null): string {
  if (declared !== null && declared.trim() !== "") return normalMime(declared) || declared.trim().toLowerCase();
  if (typeof data === "string") return "text/plain";
  if (data) return sniffMime(data);
  return name ? mimeOfName(name) : "";
}

function numbers(column: SourceColumn, rowCount: number): Float64Array {
  if (column.type !== "numbers" && column.type !== null) throw new RunsDataError(messages.columnType("samples", column.name, "numbers", column.type));
  return column.numbers?.() ?? new Float64Array(rowCount).fill(NaN);
}

function textColumn(column: SourceColumn | undefined): (row: number) => string | null {
  if (!column) return () => null;
  if (column.type !== "strings" && column.type !== null) throw new RunsDataError(messages.columnType("samples", column.name, "strings", column.type));
  return (row) => (column.get(row) as string | null | undefined) ?? null;
}

function contentColumn(column: SourceColumn | undefined): (row: number) => Uint8Array | string | null {
  if (!column) return () => null;
  if (column.type !== "binary" && column.type !== "strings" && column.type !== null) {
    throw new RunsDataError(messages.columnType("samples", column.name, "binary or strings", column.type));
  }
  return (row) => content(column.get(row), row);
}

function content(value: unknown, row: number): Uint8Array | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new RunsDataError(messages.sampleData(row, typeof value, "bytes (a Uint8Array) or text"));
}

/** Rows of each (series, run) cell, sorted by step, keyed series × runs + run. */
function cellRows(seriesOfRow: Int32Array, runOfRow: Int32Array, steps: Float64Array, runCount: number): Map<number, Int32Array> {
  const grouped = new Map<number, number[]>();
  for (let row = 0; row < seriesOfRow.length; row++) {
    const key = seriesOfRow[row] * runCount + runOfRow[row];
    let rows = grouped.get(key);
    if (!rows) grouped.set(key, (rows = []));
    rows.push(row);
  }
  const cells = new Map<number, Int32Array>();
  for (const [key, rows] of grouped) cells.set(key, Int32Array.from(rows.sort((a, b) => steps[a] - steps[b] || a - b)));
  return cells;
}
