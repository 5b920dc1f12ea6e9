import { DateUnit, Precision, TimeUnit, Type } from "@uwdata/flechette";
import type { ValueType } from "./errors.js";
import type { Coded, SourceColumn } from "./input.js";
import { checkedTimes } from "./values.js";

/**
 * The columns of an Arrow table, read the same way whichever library holds it: Arrow JS (a
 * user's Table) or flechette (IPC bytes, as the kernel sends them). The two keep a column's
 * batches alike (values, offsets, validity, a dictionary), and their types carry the Arrow
 * format's own type ids, so one set of readers below serves both.
 */

/** What the readers need of an Arrow data type; both libraries' types have it. */
export interface ArrowType {
  readonly typeId: number;
  readonly unit?: number;
  readonly precision?: number;
  readonly dictionary?: ArrowType;
  readonly children?: readonly { readonly type: ArrowType }[];
}

/** One record batch's share of a column. */
interface Chunk {
  readonly length: number;
  readonly nullCount: number;
  readonly type: ArrowType;
  /** Numbers, 64-bit integers, utf8 bytes or dictionary indices. */
  readonly values: ArrayLike<number | bigint>;
  /** Where each value of a utf8 or list chunk starts in `values` (or in its items), and the last ends. */
  readonly offsets: Int32Array | undefined;
  /** A list chunk's items. */
  items(): Chunk;
  isValid(index: number): boolean;
  /** A dictionary chunk's values, by index. */
  readonly dictionary: { readonly length: number; at(index: number): unknown } | undefined;
}

/** A column of either library. */
export interface ArrowColumn {
  readonly name: string;
  readonly type: ArrowType;
  readonly length: number;
  readonly nullCount: number;
  readonly chunks: readonly Chunk[];
  get(row: number): unknown;
}

/** What an Arrow JS `Data` (one batch of a Vector) has. */
interface ArrowJsData {
  length: number;
  nullCount: number;
  type: ArrowType;
  values: ArrayLike<number | bigint>;
  valueOffsets?: Int32Array;
  children: ArrowJsData[];
  dictionary?: { length: number; get(index: number): unknown };
  getValid(index: number): boolean;
}

/** What a flechette `Batch` has. */
interface FlechetteBatch {
  length: number;
  nullCount: number;
  type: ArrowType;
  values: ArrayLike<number | bigint>;
  offsets?: Int32Array;
  children?: FlechetteBatch[];
  dictionary?: { length: number };
  cache?: unknown[];
  isValid(index: number): boolean;
}

/** An Arrow table of either library: a field and a column per column. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: ArrowType }[]; readonly metadata?: Map<string, string> | null };
  getChildAt(index: number): unknown;
}

/** The table's columns, whichever library made it. */
export function arrowColumns(table: ArrowTableLike): ArrowColumn[] {
  return table.schema.fields.map((field, index) => {
    const column = table.getChildAt(index) as { length: number; nullCount: number; data: unknown[]; get(row: number): unknown; at(row: number): unknown };
    const arrowJs = column.data.length > 0 && typeof (column.data[0] as ArrowJsData).getValid === "function";
    const chunks = column.data.map((batch) => (arrowJs ? arrowJsChunk(batch as ArrowJsData) : flechetteChunk(batch as FlechetteBatch)));
    return {
      name: field.name,
      type: field.type,
      length: column.length,
      nullCount: column.nullCount,
      chunks,
      get: arrowJs ? (row) => column.get(row) : flechetteGet(column, field.type),
    };
  });
}

/** The fields both libraries name alike, and those they do not. */
function chunkOf(
  batch: Pick<Chunk, "length" | "nullCount" | "type" | "values">,
  differing: Pick<Chunk, "offsets" | "items" | "isValid" | "dictionary">,
): Chunk {
  return { length: batch.length, nullCount: batch.nullCount, type: batch.type, values: batch.values, ...differing };
}

function arrowJsChunk(data: ArrowJsData): Chunk {
  return chunkOf(data, {
    offsets: data.valueOffsets,
    items: () => arrowJsChunk(data.children[0]),
    isValid: (index) => data.getValid(index),
    dictionary: data.dictionary && { length: data.dictionary.length, at: (index) => data.dictionary!.get(index) },
  });
}

function flechetteChunk(batch: FlechetteBatch): Chunk {
  return chunkOf(batch, {
    offsets: batch.offsets,
    items: () => flechetteChunk(batch.children![0]),
    isValid: (index) => batch.isValid(index),
    dictionary: batch.dictionary && { length: batch.dictionary.length, at: (index) => batch.cache![index] },
  });
}

const LISTS: readonly number[] = [Type.List, Type.LargeList, Type.FixedSizeList, Type.ListView, Type.LargeListView];

/** A value as Arrow JS gives it, where flechette differs: a list of numbers is an array, not a typed array. */
function flechetteGet(column: { at(row: number): unknown }, type: ArrowType): (row: number) => unknown {
  if (!LISTS.includes(type.typeId)) return (row) => column.at(row);
  return (row) => {
    const value = column.at(row);
    return ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<unknown>) : value;
  };
}

/** The table's column as runcompare reads it: its value type and the fast readers that type has. */
export function sourceColumn(column: ArrowColumn): SourceColumn {
  const { name, type: arrow } = column;
  const type = arrowValueType(arrow, column);
  let get = column.get;
  if (type === "numbers") return { name, type, get, numbers: () => arrowNumbers(column) };
  if (type === "strings" && arrow.typeId === Type.Dictionary) return { name, type, get, codes: () => dictionaryCodes(column.chunks) };
  if (arrow.typeId === Type.Utf8) {
    // Read once, all at once: a column read row by row (ids, names, text params) costs an array read per row.
    let strings: readonly (string | null)[] | null = null;
    get = (row) => (strings ??= utf8Strings(column.chunks, column.length))[row];
  }
  if (type === "lists" && arrow.typeId === Type.List && arrow.children?.[0].type.typeId === Type.Utf8) {
    return { name, type, get, codes: () => stringListCodes(column.chunks, column.length) };
  }
  if (type === "timestamps") {
    // Epoch milliseconds from the raw 64-bit values, whatever the unit: Arrow JS's own get()
    // throws on values beyond 2^53, and toArray() gives raw units.
    let milliseconds: Float64Array | null = null;
    const numbers = () => (milliseconds ??= checkedTimes(name, arrowMilliseconds(column)));
    return { name, type, get: (row) => (Number.isNaN(numbers()[row]) ? null : numbers()[row]), numbers };
  }
  return { name, type, get };
}

/**
 * The value type of each Arrow type id read as more than an object. Decimals are left out on
 * purpose: Arrow JS reads them as raw words; Python sends them as doubles.
 */
const VALUE_TYPES = new Map<number, ValueType | null>([
  [Type.Int, "numbers"],
  [Type.Float, "numbers"],
  [Type.Utf8, "strings"],
  [Type.LargeUtf8, "strings"],
  [Type.Bool, "booleans"],
  [Type.Timestamp, "timestamps"],
  [Type.Date, "timestamps"],
  [Type.Binary, "binary"],
  [Type.LargeBinary, "binary"],
  [Type.FixedSizeBinary, "binary"],
  [Type.List, "lists"],
  [Type.FixedSizeList, "lists"],
  [Type.Null, null],
]);

function arrowValueType(type: ArrowType, column: { length: number; nullCount: number }): ValueType | null {
  if (column.length > 0 && column.nullCount === column.length) return null;
  if (type.typeId === Type.Dictionary) return arrowValueType(type.dictionary!, { length: 1, nullCount: 0 });
  const known = VALUE_TYPES.get(type.typeId);
  return known === undefined ? "objects" : known;
}

function arrowNumbers(column: ArrowColumn): Float64Array {
  // Half floats are stored as 16 bits that only the library's get() turns into numbers.
  if (column.type.typeId === Type.Float && column.type.precision === Precision.HALF) {
    return Float64Array.from({ length: column.length }, (_, row) => Number(column.get(row) ?? NaN));
  }
  const out = new Float64Array(column.length);
  let offset = 0;
  for (const chunk of column.chunks) {
    const raw = chunk.values;
    if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) {
      int64ToDoubles(raw.subarray(0, chunk.length), out, offset);
    } else {
      // One typed copy converts every element at once, and NaN below never writes into the table's buffer.
      out.set((raw as Float64Array).subarray(0, chunk.length), offset);
    }
    if (chunk.nullCount > 0) {
      for (let i = 0; i < chunk.length; i++) if (!chunk.isValid(i)) out[offset + i] = NaN;
    }
    offset += chunk.length;
  }
  return out;
}

const MILLISECONDS_PER_UNIT = { [TimeUnit.SECOND]: 1000, [TimeUnit.MILLISECOND]: 1, [TimeUnit.MICROSECOND]: 1e-3, [TimeUnit.NANOSECOND]: 1e-6 };

/** A timestamp or date column as epoch milliseconds (NaN where missing): its raw values (days, or 64-bit units) as numbers, scaled. */
function arrowMilliseconds(column: ArrowColumn): Float64Array {
  const { type } = column;
  const days = type.typeId === Type.Date && type.unit === DateUnit.DAY;
  const scale = type.typeId === Type.Timestamp ? MILLISECONDS_PER_UNIT[type.unit as keyof typeof MILLISECONDS_PER_UNIT] : days ? 86_400_000 : 1;
  const out = arrowNumbers(column);
  if (scale !== 1) for (let i = 0; i < out.length; i++) out[i] *= scale;
  return out;
}

/**
 * 64-bit integers as doubles, read as two 32-bit halves (little-endian, as Arrow's buffers are):
 * hi × 2^32 + lo is exact before its one rounding, so it equals Number(bigint), without making a
 * BigInt per value. Written into `out` from `at` on.
 */
function int64ToDoubles(raw: BigInt64Array | BigUint64Array, out = new Float64Array(raw.length), at = 0): Float64Array {
  const low = new Uint32Array(raw.buffer, raw.byteOffset, raw.length * 2);
  const high = raw instanceof BigInt64Array ? new Int32Array(raw.buffer, raw.byteOffset, raw.length * 2) : low;
  for (let i = 0; i < raw.length; i++) out[at + i] = high[2 * i + 1] * 4294967296 + low[2 * i];
  return out;
}

const utf8 = new TextDecoder();

/**
 * A utf8 column's values, null where missing. A batch is decoded in one call and cut into values
 * when its text has as many UTF-16 units as bytes: every other byte sequence (a character of two
 * to four bytes, a malformed run of several) decodes to fewer units than bytes, so then each byte
 * stands for one unit and byte offsets are character offsets. Other batches, value by value.
 */
function utf8Strings(chunks: readonly Chunk[], length: number): (string | null)[] {
  const out: (string | null)[] = new Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    const offsets = chunk.offsets!;
    const bytes = chunk.values as Uint8Array;
    const start = offsets[0];
    const end = offsets[chunk.length];
    const text = utf8.decode(bytes.subarray(start, end));
    const oneUnitPerByte = text.length === end - start;
    for (let i = 0; i < chunk.length; i++) {
      if (chunk.nullCount > 0 && !chunk.isValid(i)) out[offset + i] = null;
      else if (oneUnitPerByte) out[offset + i] = text.slice(offsets[i] - start, offsets[i + 1] - start);
      else out[offset + i] = utf8.decode(bytes.subarray(offsets[i], offsets[i + 1]));
    }
    offset += chunk.length;
  }
  return out;
}

/**
 * A list-of-text column (ClearML's and W&B's tags) coded as a dictionary column is: each distinct
 * list once, as the JSON text categoryText gives it, and each row's index into them (-1 where missing).
 */
function stringListCodes(chunks: readonly Chunk[], length: number): Coded {
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    const offsets = chunk.offsets!;
    const itemChunk = chunk.items();
    const items = utf8Strings([itemChunk], itemChunk.length);
    for (let i = 0; i < chunk.length; i++) {
      if (chunk.nullCount > 0 && !chunk.isValid(i)) {
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
    offset += chunk.length;
  }
  return { labels, codes };
}

/**
 * Reads the indices of a dictionary column batch by batch, mapping each batch's dictionary onto
 * one list of labels in order of first use (as text columns are), in one typed-array pass:
 * a dictionary value is read once, when a row first uses it, and unused ones never are.
 */
function dictionaryCodes(chunks: readonly Chunk[]): Coded {
  const inOrder = codesAsWritten(chunks);
  if (inOrder) return inOrder;
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    const dictionary = chunk.dictionary!;
    // This batch's dictionary index -> code, -1 until a row uses it.
    const global = new Int32Array(dictionary.length).fill(-1);
    const indices = chunk.values as ArrayLike<number>;
    for (let i = 0; i < chunk.length;) {
      i = chunk.nullCount === 0 ? mapKnownCodes(indices, global, codes, offset, i, chunk.length) : i;
      if (i === chunk.length) break;
      if (chunk.nullCount > 0 && !chunk.isValid(i)) {
        codes[offset + i++] = -1;
        continue;
      }
      let code = global[indices[i]] ?? -1;
      if (code < 0) {
        const label = dictionary.at(indices[i]) as string | null | undefined;
        // A dictionary may hold a null itself, and a damaged index points past the dictionary.
        if (typeof label !== "string") {
          codes[offset + i++] = -1;
          continue;
        }
        code = index.get(label) ?? labels.length;
        if (code === labels.length) {
          labels.push(label);
          index.set(label, code);
        }
        global[indices[i]] = code;
      }
      codes[offset + i++] = code;
    }
    offset += chunk.length;
  }
  return { labels, codes };
}

/**
 * A column of one batch, no nulls and int32 indices that already number its distinct values in
 * order of first use (as pyarrow and Arrow JS write dictionaries) has its codes already: they are
 * its indices, used as they are rather than copied (read only: they are the table's own buffer).
 * Null when the column is any other way.
 */
function codesAsWritten(chunks: readonly Chunk[]): Coded | null {
  const [chunk] = chunks;
  if (chunks.length !== 1 || chunk.nullCount > 0 || !(chunk.values instanceof Int32Array)) return null;
  const indices = chunk.values.subarray(0, chunk.length);
  let next = 0;
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i];
    if (index === next) next++;
    else if (index > next || index < 0) return null;
  }
  if (next > chunk.dictionary!.length) return null;
  const labels = Array.from({ length: next }, (_, i) => chunk.dictionary!.at(i));
  const texts = labels.every((label): label is string => typeof label === "string");
  return texts && new Set(labels).size === labels.length ? { labels, codes: indices } : null;
}

/**
 * Copies codes for rows from `from` on while their dictionary index already has one; returns
 * the first row whose has not (or `to`). A loop of its own, so it stays a tight typed-array loop.
 */
function mapKnownCodes(indices: ArrayLike<number>, global: Int32Array, codes: Int32Array, offset: number, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = global[indices[i]];
    // Not yet coded, or (undefined) an index past the dictionary.
    if (!(code >= 0)) return i;
    codes[offset + i] = code;
  }
  return to;
}
