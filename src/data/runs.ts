import { RunsDataError, messages, notes as noteTexts, type ValueType } from "./errors.js";
import { readColumns, type Coded, type RunsInput, type SourceColumn } from "./input.js";
import { convertEpoch, epochNote, epochUnit, type EpochUnit } from "./time-units.js";
import { compareText } from "./text-order.js";
import { categoryText, parseNumber } from "./values.js";

export type ColumnKind = "numeric" | "categorical";
export type ColumnRole = "param" | "metric" | "tag" | "attribute";

interface ColumnBase {
  /** The full column name, e.g. "params.optimizer/lr". */
  readonly name: string;
  /** The name without its role prefix, e.g. "optimizer/lr". */
  readonly key: string;
  readonly role: ColumnRole;
  /**
   * How views name the column: its key, or its full name when another column has the same key
   * (params.epoch and metrics.epoch), so two axes never carry one label.
   */
  readonly label: string;
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
  /** What was read in a way the user may not expect (ids made text, numbers read as times), to show with the view. */
  readonly notes: readonly string[];
  /**
   * A column by full name, or by key with the params./metrics. prefix left off; a key that is
   * both a param and a metric is an error naming both.
   */
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
  /** The notes of the ids and of the columns typed so far (numbers read as times). */
  readonly notes: readonly string[];
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
  const notes = [...source.notes];
  const { ids, rows } = readIds(idColumn, source.rowCount);
  if (idColumn.type !== "strings" && idColumn.type !== null) notes.push(noteTexts.runIdsAsText(idColumn.type, ids));
  const names = readNames(byName, ids);
  const fields = source.columns.filter((c) => c.name !== "run_id" && c.name !== "name").map((c) => ({ name: c.name, ...roleOf(c.name), type: c.type }));
  const sharedKeys = keysOfSeveral(fields);
  const typed = new Map<string, RunColumn | null>();
  const times = new Map<EpochUnit, string[]>();
  return {
    ids,
    names,
    count: ids.length,
    fields,
    get notes() {
      return [...notes, ...[...times].map(([unit, columns]) => epochNote(columns, unit))];
    },
    column(name) {
      if (!typed.has(name)) {
        const column = byName.get(name);
        const read = column && name !== "run_id" && name !== "name" ? toRunColumn(column, source.rowCount, times) : null;
        typed.set(name, read && sharedKeys.has(read.key) ? { ...read, label: read.name } : read);
      }
      return typed.get(name)!;
    },
    rowOf: (id) => rows.get(id) ?? -1,
  };
}

/** Run ids as text: strings as they are; numbers, booleans and times (ISO 8601) made text. */
function readIds(column: SourceColumn, rowCount: number): { ids: string[]; rows: Map<string, number> } {
  const text = idText(column);
  const ids: string[] = new Array(rowCount);
  const firstRow = new Map<string, number>();
  for (let row = 0; row < rowCount; row++) {
    const id = text(column.get(row));
    if (id === null) throw new RunsDataError(messages.runIdMissing(row));
    const seen = firstRow.get(id);
    if (seen !== undefined) throw new RunsDataError(messages.runIdDuplicate(id, seen, row));
    firstRow.set(id, row);
    ids[row] = id;
  }
  return { ids, rows: firstRow };
}

/** How a run_id column's values read as text (the ids every view keys runs by). */
export function idText(column: SourceColumn): (value: unknown) => string | null {
  const missing = (value: unknown) => value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
  switch (column.type) {
    case null:
    case "strings":
      return (value) => (missing(value) ? null : (value as string));
    case "numbers":
    case "booleans":
      return (value) => (missing(value) ? null : String(value));
    case "timestamps":
      return (value) => (missing(value) ? null : new Date(value instanceof Date ? value.getTime() : Number(value)).toISOString());
    default:
      throw new RunsDataError(messages.runIdType(column.type));
  }
}

/** Labels: the name column, else MLflow's run name tag, else the id. */
function readNames(byName: Map<string, SourceColumn>, ids: readonly string[]): string[] {
  const column = byName.get("name") ?? byName.get("tags.mlflow.runName");
  return ids.map((id, row) => (column ? categoryText(column.get(row)) : null) ?? id);
}

/**
 * Columns named as times (start_time, end_time, created_at, timestamp, ...): not params nor
 * metrics, whose name ends in time, timestamp or date, or in _at.
 */
const TIME_NAME = /(^|[^a-z])(time|timestamp|date|datetime)$|_at$/i;

type Base = { name: string; key: string; role: ColumnRole; label: string };

/** `times` gathers the columns of numbers read as times, by unit, for the note. */
function toRunColumn(column: SourceColumn, rowCount: number, times: Map<EpochUnit, string[]>): RunColumn | null {
  const { role, key } = roleOf(column.name);
  const plotted = role === "param" || role === "metric";
  const base: Base = { name: column.name, key, role, label: key };
  switch (column.type) {
    case "numbers":
      return plotted || !TIME_NAME.test(key)
        ? { ...base, kind: "numeric", values: column.numbers!(), temporal: false }
        : timesOrNumbers(base, column.numbers!(), times);
    case "timestamps":
      return { ...base, kind: "numeric", values: column.numbers!(), temporal: true };
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
      return categorical(base, column, rowCount);
  }
}

/** Numbers in a column named as times: times when they count seconds, ms, us or ns since 1970 (MLflow's start_time: ms). */
function timesOrNumbers(base: Base, values: Float64Array, times: Map<EpochUnit, string[]>): NumericColumn {
  const unit = epochUnit(values);
  if (!unit) return { ...base, kind: "numeric", values, temporal: false };
  times.set(unit, [...(times.get(unit) ?? []), base.name]);
  return { ...base, kind: "numeric", values: unit === "ms" ? values : convertEpoch(values, unit, "ms"), temporal: true };
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

function categorical(base: Base, column: SourceColumn, rowCount: number): CategoricalColumn {
  const values = Array.from({ length: rowCount }, (_, row) => categoryText(column.get(row)));
  const categories = sortMixed(values.filter((v): v is string => v !== null));
  return { ...base, kind: "categorical", values, categories };
}

function categoricalFromCodes(base: Base, { labels, codes }: Coded): CategoricalColumn {
  const texts = labels.map((label) => categoryText(label));
  const values = Array.from(codes, (code) => (code < 0 ? null : texts[code]));
  const categories = sortMixed(texts.filter((v): v is string => v !== null));
  return { ...base, kind: "categorical", values, categories };
}

/**
 * The distinct texts of a column that mixes numbers and words, as MLflow params do ("0.001",
 * "1e-05", "None"): numbers by value, before words in text order; each text parsed once.
 */
export function sortMixed(texts: Iterable<string>): string[] {
  const keyed = [...new Set(texts)].map((text) => {
    const number = parseNumber(text);
    return { text, number: number === undefined || Number.isNaN(number) ? null : number };
  });
  keyed.sort((a, b) => {
    if (a.number !== null && b.number !== null) return a.number - b.number || compareText(a.text, b.text);
    if ((a.number === null) !== (b.number === null)) return a.number !== null ? -1 : 1;
    return compareText(a.text, b.text);
  });
  return keyed.map((entry) => entry.text);
}

/** Keys that more than one column has (params.epoch, metrics.epoch): those columns are labelled by their full names. */
function keysOfSeveral(fields: readonly RunField[]): Set<string> {
  const counts = new Map<string, number>();
  for (const { key } of fields) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count > 1).map(([key]) => key));
}

function makeRuns(open: OpenRuns, columns: RunColumn[]): Runs {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const byKey = (name: string) => {
    const found = [byName.get(`params.${name}`), byName.get(`metrics.${name}`)].filter((c) => c !== undefined);
    if (found.length > 1)
      throw new RunsDataError(
        messages.ambiguousName(
          name,
          found.map((c) => c.name),
        ),
      );
    return found[0];
  };
  return {
    ids: open.ids,
    names: open.names,
    columns,
    count: open.count,
    notes: open.notes,
    column: (name) => byName.get(name) ?? byKey(name),
    rowOf: open.rowOf,
  };
}

/** The runs column of this name, or the error that lists the columns there are. */
export function requireColumn(runs: Runs, name: string): RunColumn {
  const column = runs.column(name);
  if (!column)
    throw new RunsDataError(
      messages.unknownColumn(
        name,
        runs.columns.map((c) => c.name),
      ),
    );
  return column;
}
