import { RunsDataError, messages, type ValueType } from "./errors.js";
import { readColumns, type Coded, type RunsInput, type SourceColumn } from "./input.js";
import { categoryText, parseNumber } from "./values.js";

export type ColumnKind = "numeric" | "categorical";
export type ColumnRole = "param" | "metric" | "tag" | "attribute";

interface ColumnBase {
  /** The full column name, e.g. "params.optimizer/lr". */
  readonly name: string;
  /** The name without its role prefix, e.g. "optimizer/lr". */
  readonly key: string;
  readonly role: ColumnRole;
}

export interface NumericColumn extends ColumnBase {
  readonly kind: "numeric";
  /** One value per run; NaN where missing. Non-finite values are kept as they came. */
  readonly values: Float64Array;
  /** Epoch milliseconds from a timestamp column. */
  readonly temporal: boolean;
}

export interface CategoricalColumn extends ColumnBase {
  readonly kind: "categorical";
  /** One value per run; null where missing. */
  readonly values: readonly (string | null)[];
  /** The distinct values, sorted. */
  readonly categories: readonly string[];
}

export type RunColumn = NumericColumn | CategoricalColumn;

/** A validated runs table: one row per run, columns typed for plotting. */
export interface Runs {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Every column but run_id and name, in the table's order. */
  readonly columns: readonly RunColumn[];
  readonly count: number;
  /** A column by full name, or by key with the params./metrics. prefix left off. */
  column(name: string): RunColumn | undefined;
  /** The row of a run id, or -1. */
  rowOf(id: string): number;
}

const ROLE_PREFIXES: readonly [string, ColumnRole][] = [
  ["params.", "param"],
  ["metrics.", "metric"],
  ["tags.", "tag"],
];

export function roleOf(name: string): { role: ColumnRole; key: string } {
  for (const [prefix, role] of ROLE_PREFIXES) {
    if (name.startsWith(prefix)) return { role, key: name.slice(prefix.length) };
  }
  return { role: "attribute", key: name };
}

/** Reads and checks a runs table (Arrow Table or IPC bytes, arquero table, or array of objects). */
export function readRuns(input: RunsInput): Runs {
  const open = openRuns(input);
  const columns = open.fields.map((field) => open.column(field.name)).filter((c): c is RunColumn => c !== null);
  return makeRuns(open, columns);
}

/** A column of a runs table as its source declares it, before its values are read. */
export interface RunField {
  readonly name: string;
  readonly key: string;
  readonly role: ColumnRole;
  /** null when every value is missing */
  readonly type: ValueType | null;
}

/**
 * A checked runs table whose columns are typed the first time they are asked for, so a view
 * that shows a few of 300 columns reads only those. Ids and names are read and checked at once.
 */
export interface OpenRuns {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly count: number;
  /** Every column but run_id and name, in the table's order. */
  readonly fields: readonly RunField[];
  /** A column by full name, typed once; null when it cannot be shown (binary, not a param or metric). */
  column(name: string): RunColumn | null;
  rowOf(id: string): number;
}

export function openRuns(input: RunsInput): OpenRuns {
  const source = readColumns(input, "runs");
  if (source.rowCount === 0) throw new RunsDataError(messages.empty());
  const byName = new Map<string, SourceColumn>();
  for (const column of source.columns) {
    if (byName.has(column.name)) throw new RunsDataError(messages.duplicateColumn(column.name));
    byName.set(column.name, column);
  }
  const idColumn = byName.get("run_id");
  if (!idColumn) throw new RunsDataError(messages.noRunId(source.columns.map((c) => c.name)));
  const { ids, rows } = readIds(idColumn, source.rowCount);
  const names = readNames(byName, ids);
  const fields = source.columns
    .filter((c) => c.name !== "run_id" && c.name !== "name")
    .map((c) => ({ name: c.name, ...roleOf(c.name), type: c.type }));
  const typed = new Map<string, RunColumn | null>();
  return {
    ids,
    names,
    count: ids.length,
    fields,
    column(name) {
      if (!typed.has(name)) {
        const column = byName.get(name);
        typed.set(name, column && name !== "run_id" && name !== "name" ? toRunColumn(column, source.rowCount) : null);
      }
      return typed.get(name)!;
    },
    rowOf: (id) => rows.get(id) ?? -1,
  };
}

/** The ids, and the row of each. */
function readIds(column: SourceColumn, rowCount: number): { ids: string[]; rows: Map<string, number> } {
  if (column.type !== "strings" && column.type !== null) throw new RunsDataError(messages.runIdType(column.type));
  const ids: string[] = new Array(rowCount);
  const firstRow = new Map<string, number>();
  for (let row = 0; row < rowCount; row++) {
    const id = column.get(row);
    if (id === null || id === undefined) throw new RunsDataError(messages.runIdMissing(row));
    const seen = firstRow.get(id as string);
    if (seen !== undefined) throw new RunsDataError(messages.runIdDuplicate(id as string, seen, row));
    firstRow.set(id as string, row);
    ids[row] = id as string;
  }
  return { ids, rows: firstRow };
}

/** Labels: the name column, else MLflow's run name tag, else the id. */
function readNames(byName: Map<string, SourceColumn>, ids: readonly string[]): string[] {
  const column = byName.get("name") ?? byName.get("tags.mlflow.runName");
  return ids.map((id, row) => (column ? categoryText(column.get(row)) : null) ?? id);
}

function toRunColumn(column: SourceColumn, rowCount: number): RunColumn | null {
  const { role, key } = roleOf(column.name);
  const plotted = role === "param" || role === "metric";
  const base = { name: column.name, key, role };
  switch (column.type) {
    case "numbers":
    case "timestamps":
      return { ...base, kind: "numeric", values: column.numbers!(), temporal: column.type === "timestamps" };
    case "binary":
      if (plotted) throw new RunsDataError(messages.unsupportedType(column.name, column.type));
      return null;
    case "strings": {
      // A dictionary column is read through its codes: each distinct value is decoded and parsed once.
      const coded = column.codes?.();
      const numbers = coded ? parseCodedNumbers(coded) : parseNumbers(column, rowCount);
      if (numbers) return { ...base, kind: "numeric", values: numbers, temporal: false };
      if (role === "metric") throw new RunsDataError(messages.metricNotNumeric(column.name, column.type, firstNonNumber(column, rowCount)));
      return coded ? categoricalFromCodes(base, coded) : categorical(base, column, rowCount);
    }
    case null:
      if (role === "metric") return { ...base, kind: "numeric", values: new Float64Array(rowCount).fill(NaN), temporal: false };
      return categorical(base, column, rowCount);
    default:
      if (role === "metric") throw new RunsDataError(messages.metricNotNumeric(column.name, column.type, firstPresent(column, rowCount)));
      return column.codes ? categoricalFromCodes(base, column.codes()) : categorical(base, column, rowCount);
  }
}

/** A text column whose every present value is a number (as MLflow stores params), as numbers; else undefined. */
function parseNumbers(column: SourceColumn, rowCount: number): Float64Array | undefined {
  const out = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const value = column.get(row);
    if (value === null || value === undefined) {
      out[row] = NaN;
      continue;
    }
    const number = parseNumber(value as string);
    if (number === undefined) return undefined;
    out[row] = number;
  }
  return out;
}

function parseCodedNumbers({ labels, codes }: Coded): Float64Array | undefined {
  const numbers = labels.map(parseNumber);
  if (numbers.includes(undefined)) return undefined;
  return Float64Array.from(codes, (code) => (code < 0 ? NaN : numbers[code]!));
}

function firstNonNumber(column: SourceColumn, rowCount: number): unknown {
  for (let row = 0; row < rowCount; row++) {
    const value = column.get(row);
    if (typeof value === "string" && parseNumber(value) === undefined) return value;
  }
  return undefined;
}

function firstPresent(column: SourceColumn, rowCount: number): unknown {
  for (let row = 0; row < rowCount; row++) {
    const value = column.get(row);
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

function categorical(base: { name: string; key: string; role: ColumnRole }, column: SourceColumn, rowCount: number): CategoricalColumn {
  const values = Array.from({ length: rowCount }, (_, row) => categoryText(column.get(row)));
  const categories = [...new Set(values.filter((v): v is string => v !== null))].sort(compareText);
  return { ...base, kind: "categorical", values, categories };
}

function categoricalFromCodes(base: { name: string; key: string; role: ColumnRole }, { labels, codes }: Coded): CategoricalColumn {
  const texts = labels.map((label) => categoryText(label));
  const values = Array.from(codes, (code) => (code < 0 ? null : texts[code]));
  const categories = [...new Set(texts.filter((v): v is string => v !== null))].sort(compareText);
  return { ...base, kind: "categorical", values, categories };
}

/** Text order that puts "2" before "10" and is the same in every browser. */
const collator = new Intl.Collator("en", { numeric: true });
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function makeRuns(open: OpenRuns, columns: RunColumn[]): Runs {
  const byName = new Map(columns.map((c) => [c.name, c]));
  return {
    ids: open.ids,
    names: open.names,
    columns,
    count: open.count,
    column: (name) => byName.get(name) ?? byName.get(`params.${name}`) ?? byName.get(`metrics.${name}`),
    rowOf: open.rowOf,
  };
}
