import { DataType, DateUnit, Table, TimeUnit, makeVector, tableFromIPC, type Vector } from "apache-arrow";
import { RunsDataError, messages, type TableName, type ValueType } from "./errors.js";
import { MalformedIpc, checkDataBounds, checkIpcBounds } from "./ipc-bounds.js";
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

export type RunsInput = Table | Uint8Array | ArrayBuffer | ArqueroLike | readonly Record<string, unknown>[];

/** `table` names the input in errors. */
export function readColumns(input: RunsInput, table: TableName): ColumnSource {
  if (input instanceof Table) return fromArrow(input);
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return fromArrow(decodeIpc(input, table));
  if (Array.isArray(input)) return fromRecords(input, table);
  if (isArquero(input)) return fromArrays(input.columnNames(), input.numRows(), (name) => input.array(name));
  if (isArrowTableLike(input)) return fromArrow(input as unknown as Table);
  throw new RunsDataError(messages.notTableInput(table, describe(input)));
}

/**
 * Arrow IPC bytes (stream or file format) as a Table, or a RunsDataError saying they are
 * malformed: corrupted lengths are caught before Arrow JS would allocate what they claim.
 * `table` names the bytes in errors; leave it out for a file whose kind is not yet known.
 */
export function decodeIpc(bytes: Uint8Array | ArrayBuffer, table?: TableName): Table {
  const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  let decoded: Table;
  let schema: boolean;
  try {
    schema = checkIpcBounds(view);
    decoded = tableFromIPC(view);
    checkDataBounds(decoded);
  } catch (error) {
    // Arrow JS's own errors quote its internals ("reading 'fieldsLength'"): the bytes are simply not Arrow it can read.
    throw new RunsDataError(messages.badIpc(table, error instanceof MalformedIpc ? error.message : "Arrow could not decode them"));
  }
  // Arrow JS reads some garbage as a stream with no schema rather than failing; a schema of no
  // columns is a table, an empty one, which the caller names as such.
  if (!schema && decoded.schema.fields.length === 0) throw new RunsDataError(messages.badIpc(table, "no columns found in the bytes"));
  return decoded;
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

function fromArrow(table: Table): ColumnSource {
  const columns = table.schema.fields.map((field, index): SourceColumn => {
    const vector = table.getChildAt(index) as Vector;
    const type = arrowValueType(field.type, vector);
    let get = (row: number): unknown => vector.get(row);
    if (type === "numbers") return { name: field.name, type, get, numbers: () => arrowNumbers(vector) };
    if (type === "strings" && DataType.isDictionary(field.type)) return { name: field.name, type, get, codes: () => dictionaryCodes(vector) };
    if (DataType.isUtf8(field.type)) {
      // Read once, all at once: a column read row by row (ids, names, text params) costs an array read per row.
      let strings: readonly (string | null)[] | null = null;
      get = (row) => (strings ??= utf8Strings(vector))[row];
    }
    if (type === "lists" && DataType.isList(field.type) && DataType.isUtf8(field.type.children[0].type)) {
      return { name: field.name, type, get, codes: () => stringListCodes(vector) };
    }
    if (type === "timestamps") {
      // Epoch milliseconds from the raw 64-bit values, whatever the unit: Arrow JS's own get()
      // throws on values beyond 2^53, and toArray() gives raw units.
      let milliseconds: Float64Array | null = null;
      const numbers = () => (milliseconds ??= checkedTimes(field.name, arrowMilliseconds(vector, field.type)));
      return { name: field.name, type, get: (row) => (Number.isNaN(numbers()[row]) ? null : numbers()[row]), numbers };
    }
    return { name: field.name, type, get };
  });
  return { rowCount: table.numRows, columns, notes: notesOf(table) };
}

function notesOf(table: Table): string[] {
  const text = table.schema.metadata?.get(NOTES_KEY);
  if (!text) return [];
  try {
    const notes: unknown = JSON.parse(text);
    return Array.isArray(notes) ? notes.filter((note): note is string => typeof note === "string") : [];
  } catch {
    return [];
  }
}

function arrowNumbers(vector: Vector): Float64Array {
  const raw = vector.toArray() as ArrayLike<number | bigint>;
  let out: Float64Array;
  if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) {
    out = int64ToDoubles(raw);
  } else {
    // One typed copy converts every element at once, and NaN below never writes into Arrow's buffer.
    out = new Float64Array(raw as ArrayLike<number>);
  }
  if (vector.nullCount > 0) {
    for (let i = 0; i < out.length; i++) if (!vector.isValid(i)) out[i] = NaN;
  }
  return out;
}

/** The largest epoch milliseconds a Date holds, either side of 1970 (ECMAScript's time range). */
const LAST_DATE_MS = 8.64e15;

/** Times as epoch milliseconds, or the error naming the first that no Date can hold. */
export function checkedTimes(column: string, milliseconds: Float64Array): Float64Array {
  for (let row = 0; row < milliseconds.length; row++) {
    if (Math.abs(milliseconds[row]) > LAST_DATE_MS) throw new RunsDataError(messages.farTime(column, row));
  }
  return milliseconds;
}

/** A timestamp or date column as epoch milliseconds, NaN where missing. */
function arrowMilliseconds(vector: Vector, type: DataType): Float64Array {
  if (DataType.isTimestamp(type)) return timestampMilliseconds(vector, type.unit);
  const out = new Float64Array(vector.length);
  let offset = 0;
  for (const data of vector.data) {
    const days = DataType.isDate(data.type) && data.type.unit === DateUnit.DAY;
    const values = days ? (data.values as Int32Array) : int64ToDoubles(data.values as BigInt64Array);
    for (let i = 0; i < data.length; i++) out[offset + i] = data.nullCount > 0 && !data.getValid(i) ? NaN : days ? values[i] * 86_400_000 : values[i];
    offset += data.length;
  }
  return out;
}

const MILLISECONDS_PER_UNIT = { [TimeUnit.SECOND]: 1000, [TimeUnit.MILLISECOND]: 1, [TimeUnit.MICROSECOND]: 1e-3, [TimeUnit.NANOSECOND]: 1e-6 };

/** A timestamp column as epoch milliseconds (NaN where missing), from its 64-bit values in one pass per batch. */
function timestampMilliseconds(vector: Vector, unit: TimeUnit): Float64Array {
  const out = new Float64Array(vector.length);
  const scale = MILLISECONDS_PER_UNIT[unit];
  let offset = 0;
  for (const data of vector.data) {
    const values = int64ToDoubles(data.values as BigInt64Array);
    for (let i = 0; i < data.length; i++) out[offset + i] = data.nullCount > 0 && !data.getValid(i) ? NaN : values[i] * scale;
    offset += data.length;
  }
  return out;
}

/**
 * 64-bit integers as doubles, read as two 32-bit halves (little-endian, as Arrow's buffers are):
 * hi × 2^32 + lo is exact before its one rounding, so it equals Number(bigint), without making a
 * BigInt per value.
 */
function int64ToDoubles(raw: BigInt64Array | BigUint64Array): Float64Array {
  const out = new Float64Array(raw.length);
  const low = new Uint32Array(raw.buffer, raw.byteOffset, raw.length * 2);
  const high = raw instanceof BigInt64Array ? new Int32Array(raw.buffer, raw.byteOffset, raw.length * 2) : low;
  for (let i = 0; i < out.length; i++) out[i] = high[2 * i + 1] * 4294967296 + low[2 * i];
  return out;
}

const utf8 = new TextDecoder();

/**
 * A utf8 column's values, null where missing. A batch whose text is all ASCII is decoded in one
 * call and cut into values (byte offsets are then character offsets); other batches value by value.
 */
function utf8Strings(vector: Vector): (string | null)[] {
  const out: (string | null)[] = new Array(vector.length);
  let offset = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    const start = offsets[0];
    const end = offsets[data.length];
    let ascii = true;
    for (let i = start; i < end && ascii; i++) ascii = bytes[i] < 0x80;
    const text = ascii ? utf8.decode(bytes.subarray(start, end)) : "";
    for (let i = 0; i < data.length; i++) {
      if (data.nullCount > 0 && !data.getValid(i)) out[offset + i] = null;
      else if (ascii) out[offset + i] = text.slice(offsets[i] - start, offsets[i + 1] - start);
      else out[offset + i] = utf8.decode(bytes.subarray(offsets[i], offsets[i + 1]));
    }
    offset += data.length;
  }
  return out;
}

/**
 * A list-of-text column (ClearML's and W&B's tags) coded as a dictionary column is: each distinct
 * list once, as the JSON text categoryText gives it, and each row's index into them (-1 where missing).
 */
function stringListCodes(vector: Vector): Coded {
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(vector.length);
  let offset = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const items = utf8Strings(makeVector(data.children[0]));
    for (let i = 0; i < data.length; i++) {
      if (data.nullCount > 0 && !data.getValid(i)) {
        codes[offset + i] = -1;
        continue;
      }
      const label = JSON.stringify(items.slice(offsets[i], offsets[i + 1]));
      let code = index.get(label);
      if (code === undefined) {
        code = labels.length;
        labels.push(label);
        index.set(label, code);
      }
      codes[offset + i] = code;
    }
    offset += data.length;
  }
  return { labels, codes };
}

/**
 * Reads the indices of a dictionary column batch by batch, mapping each batch's dictionary onto
 * one list of labels in order of first use (as text columns are), in one typed-array pass:
 * a dictionary value is decoded once, when a row first uses it, and unused ones never are.
 */
function dictionaryCodes(vector: Vector): Coded {
  const inOrder = codesAsWritten(vector);
  if (inOrder) return inOrder;
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(vector.length);
  let offset = 0;
  for (const data of vector.data) {
    const dictionary = data.dictionary!;
    // This batch's dictionary index -> code, -1 until a row uses it.
    const global = new Int32Array(dictionary.length).fill(-1);
    const indices = data.values as ArrayLike<number>;
    const valid = (i: number) => data.nullCount === 0 || data.getValid(i);
    for (let i = 0; i < data.length;) {
      i = data.nullCount === 0 ? mapKnownCodes(indices, global, codes, offset, i, data.length) : i;
      if (i === data.length) break;
      if (!valid(i)) {
        codes[offset + i++] = -1;
        continue;
      }
      let code = global[indices[i]];
      if (code < 0) {
        const label = dictionary.get(indices[i]) as string;
        code = index.get(label) ?? labels.length;
        if (code === labels.length) {
          labels.push(label);
          index.set(label, code);
        }
        global[indices[i]] = code;
      }
      codes[offset + i++] = code;
    }
    offset += data.length;
  }
  return { labels, codes };
}

/**
 * A column of one batch, no nulls and int32 indices that already number its distinct values in
 * order of first use (as pyarrow and Arrow JS write dictionaries) has its codes already: they are
 * its indices, used as they are rather than copied (read only: they are the table's own buffer).
 * Null when the column is any other way.
 */
function codesAsWritten(vector: Vector): Coded | null {
  const data = vector.data[0];
  if (vector.data.length !== 1 || data.nullCount > 0 || !(data.values instanceof Int32Array) || data.values.length !== data.length) return null;
  const indices = data.values;
  let next = 0;
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i];
    if (index === next) next++;
    else if (index > next || index < 0) return null;
  }
  if (next > data.dictionary!.length) return null;
  const labels = Array.from({ length: next }, (_, i) => data.dictionary!.get(i) as string);
  return new Set(labels).size === labels.length ? { labels, codes: indices } : null;
}

/**
 * Copies codes for rows from `from` on while their dictionary index already has one; returns
 * the first row whose has not (or `to`). A loop of its own, so it stays a tight typed-array loop.
 */
function mapKnownCodes(indices: ArrayLike<number>, global: Int32Array, codes: Int32Array, offset: number, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = global[indices[i]];
    if (code < 0) return i;
    codes[offset + i] = code;
  }
  return to;
}

function arrowValueType(type: DataType, vector: Vector): ValueType | null {
  if (vector.length > 0 && vector.nullCount === vector.length) return null;
  if (DataType.isDictionary(type)) return arrowValueType(type.dictionary, { length: 1, nullCount: 0 } as Vector);
  // Decimals are left out on purpose: Arrow JS reads them as raw words; Python sends them as doubles.
  if (DataType.isInt(type) || DataType.isFloat(type)) return "numbers";
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return "strings";
  if (DataType.isBool(type)) return "booleans";
  if (DataType.isTimestamp(type) || DataType.isDate(type)) return "timestamps";
  if (DataType.isBinary(type) || DataType.isLargeBinary(type) || DataType.isFixedSizeBinary(type)) return "binary";
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) return "lists";
  if (DataType.isNull(type)) return null;
  return "objects";
}
