import { tableFromIPC as flechetteFromIPC, type Table as FlechetteTable } from "@uwdata/flechette";
import { Table, tableFromIPC } from "apache-arrow";
import { arrowColumns, sourceColumn, type ArrowTableLike } from "./arrow-columns.js";
import { RunsDataError, messages, type TableName, type ValueType } from "./errors.js";
import { MalformedIpc, alignedStream, checkDataBounds, checkIpcBounds, replacesDictionaries } from "./ipc-bounds.js";
import { columnValueType } from "./values.js";

/** One column of the user's table, before it is checked against the contract. */
export interface SourceColumn {
  readonly name: string;
  /** null when every value is missing */
  readonly type: ValueType | null;
  get(row: number): unknown;
  /** Numbers column as doubles, NaN where missing; present only when type is "numbers" or "timestamps". */
  numbers?(): Float64Array;
  /** A dictionary-encoded text column as its labels and each row's index into them (-1 where missing). */
  codes?(): Coded;
}

export interface Coded {
  labels: string[];
  codes: Int32Array;
}

export interface ColumnSource {
  readonly rowCount: number;
  readonly columns: readonly SourceColumn[];
  /** Notes the table carries from where it was made (Python's, in the Arrow schema's metadata). */
  readonly notes: readonly string[];
}

/** The Arrow schema metadata key under which Python puts its notes on a table (a JSON list of texts). */
export const NOTES_KEY = "runcompare.notes";

/** What arquero tables offer that runcompare reads. */
export interface ArqueroLike {
  columnNames(): string[];
  numRows(): number;
  array(name: string): ArrayLike<unknown>;
}

/** A flechette Table is what arquero's toArrow() gives. */
export type RunsInput = Table | FlechetteTable | Uint8Array | ArrayBuffer | ArqueroLike | readonly Record<string, unknown>[];

/** `table` names the input in errors. */
export function readColumns(input: RunsInput, table: TableName): ColumnSource {
  if (input instanceof Table) return fromArrow(input as unknown as ArrowTableLike);
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return fromArrow(readIpc(input, table) as ArrowTableLike);
  if (Array.isArray(input)) return fromRecords(input, table);
  if (isArquero(input)) return fromArrays(input.columnNames(), input.numRows(), (name) => input.array(name));
  if (isArrowTableLike(input)) return fromArrow(input as unknown as ArrowTableLike);
  throw new RunsDataError(messages.notTableInput(table, describe(input)));
}

/**
 * Arrow IPC bytes (stream or file format) as a table, or a RunsDataError saying they are
 * malformed: corrupted lengths are caught before anything is allocated for what they claim.
 * `table` names the bytes in errors; leave it out for a file whose kind is not yet known.
 * Read by flechette, whose reader is a fraction of Arrow JS's to compile on a page's first view;
 * by Arrow JS when a stream replaces a dictionary part way, which flechette does not follow.
 */
export function readIpc(bytes: Uint8Array | ArrayBuffer, table?: TableName): FlechetteTable | Table {
  // flechette views the buffers where they are, which needs them at multiples of 8 bytes.
  const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes.byteOffset % 8 ? bytes.slice() : bytes;
  let decoded: FlechetteTable | Table;
  let schema: boolean;
  try {
    const checked = checkIpcBounds(view);
    schema = checked.schema;
    const aligned = alignedStream(checked) ?? view;
    // 64-bit integers as bigints, as Arrow JS gives them: a number would lose digits past 2^53.
    decoded = flechetteFromIPC(aligned, { useBigInt: true });
    checkDataBounds(decoded);
    if (replacesDictionaries(checked)) decoded = tableFromIPC(aligned);
  } catch (error) {
    // The readers' own errors quote their internals: the bytes are simply not Arrow they can read.
    throw new RunsDataError(messages.badIpc(table, error instanceof MalformedIpc ? error.message : "Arrow could not decode them"));
  }
  // Some garbage reads as a stream with no schema rather than failing; a schema of no columns is
  // a table, an empty one, which the caller names as such.
  if (!schema && decoded.schema.fields.length === 0) throw new RunsDataError(messages.badIpc(table, "no columns found in the bytes"));
  return decoded;
}

/**
 * Arrow IPC bytes as an Arrow JS Table, for the callers that make tables of them (slices, joined
 * batches); checked as readIpc checks them, or a RunsDataError.
 */
export function decodeIpc(bytes: Uint8Array | ArrayBuffer, table?: TableName): Table {
  const read = readIpc(bytes, table);
  if (read instanceof Table) return read;
  try {
    return tableFromIPC(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes);
  } catch {
    throw new RunsDataError(messages.badIpc(table, "Arrow could not decode them"));
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return value.constructor?.name ?? "object";
}

function isArquero(value: unknown): value is ArqueroLike {
  const v = value as ArqueroLike;
  return !!v && typeof v.columnNames === "function" && typeof v.numRows === "function" && typeof v.array === "function";
}

/** A Table from another copy of apache-arrow fails instanceof but has the same shape. */
function isArrowTableLike(value: unknown): boolean {
  const v = value as Table;
  return !!v && typeof v.getChildAt === "function" && !!v.schema && Array.isArray(v.schema.fields);
}

function fromRecords(records: readonly Record<string, unknown>[], table: TableName): ColumnSource {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    if (record === null || typeof record !== "object") {
      throw new RunsDataError(messages.notTableInput(table, `an array holding ${describe(record)}`));
    }
    for (const name of Object.keys(record)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  return fromArrays(names, records.length, (name) => records.map((record) => record[name]));
}

function fromArrays(names: readonly string[], rowCount: number, valuesOf: (name: string) => ArrayLike<unknown>): ColumnSource {
  const columns = names.map((name): SourceColumn => {
    const values = valuesOf(name);
    const type = columnValueType(name, values);
    const get = (row: number) => values[row];
    if (type !== "numbers" && type !== "timestamps") return { name, type, get };
    return {
      name,
      type,
      get,
      numbers: () => Float64Array.from({ length: rowCount }, (_, row) => asNumber(values[row])),
    };
  });
  return { rowCount, columns, notes: [] };
}

function asNumber(value: unknown): number {
  if (value === null || value === undefined) return NaN;
  if (value instanceof Date) return value.getTime();
  return Number(value);
}

function fromArrow(table: ArrowTableLike): ColumnSource {
  return { rowCount: table.numRows, columns: arrowColumns(table).map(sourceColumn), notes: notesOf(table) };
}

function notesOf(table: ArrowTableLike): string[] {
  const text = table.schema.metadata?.get(NOTES_KEY);
  if (!text) return [];
  try {
    const notes: unknown = JSON.parse(text);
    return Array.isArray(notes) ? notes.filter((note): note is string => typeof note === "string") : [];
  } catch {
    return [];
  }
}
