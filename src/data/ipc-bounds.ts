/**
 * Bounds checks on Arrow IPC bytes, so that a corrupted length field is reported as malformed
 * bytes instead of a reader allocating what it claims (one flipped byte in a schema's field
 * count made Arrow JS build 33 million fields and exhaust the heap).
 *
 * Before decoding, checkIpcBounds walks the framing of the stream or file format (continuation
 * marker, int32 metadata length, flatbuffer Message, int64 body length; the file format's magic
 * and footer blocks) and every flatbuffer vector a reader will iterate, using apache-arrow's own
 * generated flatbuffer readers. After flechette has decoded them, checkDataBounds checks each
 * column's lengths against the buffers it actually got.
 * Either throws a MalformedIpc whose message says what is out of bounds.
 */
import { DateUnit, IntervalUnit, Precision, TimeUnit, Type, UnionMode, type DataType, type Table } from "@uwdata/flechette";
import { Block } from "apache-arrow/fb/block";
import { DictionaryBatch } from "apache-arrow/fb/dictionary-batch";
import { Field } from "apache-arrow/fb/field";
import { Footer } from "apache-arrow/fb/footer";
import { Message } from "apache-arrow/fb/message";
import { MessageHeader } from "apache-arrow/fb/message-header";
import { MetadataVersion } from "apache-arrow/fb/metadata-version";
import { RecordBatch } from "apache-arrow/fb/record-batch";
import { Schema } from "apache-arrow/fb/schema";
import { Type as FlatType } from "apache-arrow/fb/type";
import { Union } from "apache-arrow/fb/union";
import { ByteBuffer } from "flatbuffers";

/** What the checks below found, in words a user can act on (Arrow JS's own errors are not). */
export class MalformedIpc extends Error {}

const MAGIC = "ARROW1";
/** "ARROW1" and two bytes of padding open a file; its stream of messages follows. */
const FILE_HEAD = 8;
/** An int32 footer length and "ARROW1" close a file. */
const FILE_TAIL = 10;
const CONTINUATION = -1;
/** Bytes per element of the flatbuffer vectors checked (offsets to tables are 4 bytes). */
const TABLE_OFFSET = 4;
const FIELD_NODE = 16;
const BUFFER = 16;
const BLOCK = 24;
const INT64 = 8;
/** Deeper nesting than any real schema; a cycle of child offsets would otherwise never end. */
const MAX_DEPTH = 64;

/** One message, checked: its metadata and body (views of the bytes), and where the next starts. */
interface CheckedMessage {
  readonly message: Message;
  readonly metadata: Uint8Array;
  readonly body: Uint8Array;
  readonly next: number;
}

/** What the checks found: whether the bytes hold a schema (zero columns is one), and a stream's messages (null for a file). */
export interface CheckedIpc {
  readonly schema: boolean;
  readonly stream: readonly CheckedMessage[] | null;
}

/** Throws when the bytes are out of bounds. */
export function checkIpcBounds(bytes: Uint8Array): CheckedIpc {
  if (hasMagic(bytes, 0)) return { schema: checkFile(bytes), stream: null };
  const stream = checkStream(bytes, 0, bytes.length);
  return { schema: stream[0]?.message.headerType() === MessageHeader.Schema, stream };
}

function hasMagic(bytes: Uint8Array, at: number): boolean {
  if (at < 0 || at + MAGIC.length > bytes.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[at + i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

function int32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + at, 4).getInt32(0, true);
}

/** Messages one after another until the end marker or the end of the bytes. */
function checkStream(bytes: Uint8Array, start: number, end: number): CheckedMessage[] {
  const stream: CheckedMessage[] = [];
  for (let at = start; at < end;) {
    const checked = checkMessage(bytes, at, end);
    if (checked === null) break;
    stream.push(checked);
    at = checked.next;
  }
  return stream;
}

/**
 * A checked stream re-framed so that each message's body starts at a multiple of 8 bytes, when
 * one does not: flechette views buffers where they are, which needs them aligned. Writers before
 * the continuation marker (Arrow 0.15) could leave bodies unaligned. Null when all are aligned
 * (the file format's blocks are left as they are).
 */
export function alignedStream({ stream }: CheckedIpc): Uint8Array | null {
  if (!stream || stream.every(({ body }) => body.byteOffset % 8 === 0)) return null;
  const padded = (length: number) => Math.ceil(length / 8) * 8;
  const out = new Uint8Array(stream.reduce((sum, { metadata, body }) => sum + 8 + padded(metadata.length) + padded(body.length), 0) + 8);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const { metadata, body } of stream) {
    view.setInt32(at, CONTINUATION, true);
    view.setInt32(at + 4, padded(metadata.length), true);
    out.set(metadata, at + 8);
    out.set(body, at + 8 + padded(metadata.length));
    at += 8 + padded(metadata.length) + padded(body.length);
  }
  view.setInt32(at, CONTINUATION, true);
  return out;
}

/**
 * Whether a checked stream replaces a dictionary part way (a second, non-delta batch of one
 * dictionary, which the batches after it use): flechette gives every batch the last one.
 */
export function replacesDictionaries({ stream }: CheckedIpc): boolean {
  const seen = new Set<bigint>();
  for (const { message } of stream ?? []) {
    if (message.headerType() !== MessageHeader.DictionaryBatch) continue;
    const batch = message.header(new DictionaryBatch()) as DictionaryBatch | null;
    if (!batch) continue;
    if (seen.has(batch.id()) && !batch.isDelta()) return true;
    seen.add(batch.id());
  }
  return false;
}

/**
 * The message at `at`, which must end by `end` (and be of the `expected` kind, when given):
 * the message checked, or null at the end-of-stream marker (a zero metadata length).
 */
function checkMessage(bytes: Uint8Array, at: number, end: number, expected?: MessageHeader): CheckedMessage | null {
  if (end - at < 4) throw new MalformedIpc(`${end - at} stray bytes at byte ${at}, too few for a message`);
  // Since Arrow 0.15 a message opens with 0xFFFFFFFF and then the length; before, with the length.
  const continued = int32(bytes, at) === CONTINUATION;
  const prefix = continued ? 8 : 4;
  if (continued && end - at < 8) throw new MalformedIpc(`the message at byte ${at} is cut off after its marker`);
  const metadataLength = int32(bytes, at + prefix - 4);
  if (metadataLength === 0 && expected === undefined) return null;
  const metadataStart = at + prefix;
  if (metadataLength < 0 || metadataLength > end - metadataStart) {
    throw new MalformedIpc(`the message at byte ${at} declares a metadata length of ${metadataLength}, but ${end - metadataStart} bytes follow`);
  }
  const metadata = bytes.subarray(metadataStart, metadataStart + metadataLength);
  const message = Message.getRootAsMessage(new ByteBuffer(metadata));
  // Arrow JS reads a file's blocks in a loop that never ends if a block holds another kind.
  if (expected !== undefined && message.headerType() !== expected) {
    throw new MalformedIpc(
      `the Arrow file's footer points to a ${MessageHeader[expected]} message at byte ${at}, but finds a ${MessageHeader[message.headerType()] ?? "unknown"} message there`,
    );
  }
  const bodyStart = metadataStart + metadataLength;
  const bodyLength = message.bodyLength();
  if (bodyLength < 0n || bodyLength > BigInt(end - bodyStart)) {
    throw new MalformedIpc(`the message at byte ${at} declares a body of ${bodyLength} bytes, but ${end - bodyStart} bytes follow`);
  }
  checkHeader(message, metadataLength, Number(bodyLength), at);
  const next = bodyStart + Number(bodyLength);
  return { message, metadata, body: bytes.subarray(bodyStart, next), next };
}

function checkHeader(message: Message, metadataLength: number, bodyLength: number, at: number): void {
  const where = `the message at byte ${at}`;
  if (message.version() < MetadataVersion.V4) {
    throw new MalformedIpc(`${where} has Arrow metadata version V${message.version() + 1}, older than Arrow 0.8: write the table again with a current Arrow`);
  }
  const vectors = new VectorBounds(metadataLength, where);
  vectors.check("custom metadata entries", message.customMetadataLength(), TABLE_OFFSET);
  switch (message.headerType()) {
    case MessageHeader.Schema:
      return checkSchema(message.header(new Schema()), vectors);
    case MessageHeader.RecordBatch:
      return checkRecordBatch(message.header(new RecordBatch()), vectors, bodyLength);
    case MessageHeader.DictionaryBatch: {
      const batch = (message.header(new DictionaryBatch()) as DictionaryBatch | null)?.data() ?? null;
      checkRecordBatch(batch, vectors, bodyLength);
      // Arrow JS allocates a cache slot per dictionary value before its buffers can be checked.
      // Each value takes at least a bit of the body, except in a dictionary of nulls (one value).
      const limit = 8n * BigInt(bodyLength) + 1n;
      for (let i = 0; batch && i < batch.nodesLength(); i++) {
        const values = batch.nodes(i)!.length();
        if (values > limit) throw new MalformedIpc(`${vectors.where} declares a dictionary of ${values} values in a ${bodyLength}-byte body`);
      }
      return;
    }
  }
}

/** Every vector of one flatbuffer must fit in it: each element takes at least its size. */
class VectorBounds {
  /** Fields a schema may still hold: each takes at least an offset's bytes. */
  fieldBudget: number;
  constructor(
    private readonly byteLength: number,
    readonly where: string,
  ) {
    this.fieldBudget = byteLength / TABLE_OFFSET;
  }
  check(what: string, count: number, elementSize: number): void {
    if (count * elementSize > this.byteLength) {
      throw new MalformedIpc(`${this.where} lists ${count} ${what} in ${this.byteLength} bytes of metadata`);
    }
  }
}

function checkSchema(schema: Schema | null, vectors: VectorBounds): void {
  if (!schema) return;
  vectors.check("fields", schema.fieldsLength(), TABLE_OFFSET);
  vectors.check("custom metadata entries", schema.customMetadataLength(), TABLE_OFFSET);
  vectors.check("features", schema.featuresLength(), INT64);
  for (let i = 0; i < schema.fieldsLength(); i++) checkField(schema.fields(i), vectors, 1);
}

function checkField(field: Field | null, vectors: VectorBounds, depth: number): void {
  if (!field) return;
  if (depth > MAX_DEPTH || --vectors.fieldBudget < 0) throw new MalformedIpc(`${vectors.where} nests fields deeper than its metadata can hold`);
  vectors.check("child fields", field.childrenLength(), TABLE_OFFSET);
  vectors.check("custom metadata entries", field.customMetadataLength(), TABLE_OFFSET);
  if (field.typeType() === FlatType.Union) {
    const union = field.type(new Union()) as Union | null;
    vectors.check("union type ids", union?.typeIdsLength() ?? 0, 4);
  }
  for (let i = 0; i < field.childrenLength(); i++) checkField(field.children(i), vectors, depth + 1);
}

function checkRecordBatch(batch: RecordBatch | null, vectors: VectorBounds, bodyLength: number): void {
  if (!batch) return;
  vectors.check("field nodes", batch.nodesLength(), FIELD_NODE);
  vectors.check("buffers", batch.buffersLength(), BUFFER);
  vectors.check("variadic buffer counts", batch.variadicBufferCountsLength(), INT64);
  const body = BigInt(bodyLength);
  for (let i = 0; i < batch.buffersLength(); i++) {
    const buffer = batch.buffers(i)!;
    const [offset, length] = [buffer.offset(), buffer.length()];
    if (offset < 0n || length < 0n || offset + length > body) {
      throw new MalformedIpc(`${vectors.where} places buffer ${i} at bytes ${offset} to ${offset + length} of a ${bodyLength}-byte body`);
    }
  }
  for (let i = 0; i < batch.variadicBufferCountsLength(); i++) {
    const count = batch.variadicBufferCounts(i)!;
    if (count < 0n || count > BigInt(batch.buffersLength())) {
      throw new MalformedIpc(`${vectors.where} counts ${count} variadic buffers among ${batch.buffersLength()} buffers`);
    }
  }
}

/** "ARROW1", padding, a stream, the footer, its int32 length, "ARROW1"; whether the footer holds a schema. */
function checkFile(bytes: Uint8Array): boolean {
  const tail = bytes.length - FILE_TAIL;
  if (tail < FILE_HEAD || !hasMagic(bytes, bytes.length - MAGIC.length)) {
    throw new MalformedIpc(`the Arrow file has no footer: its ${bytes.length} bytes do not end in ${MAGIC} (cut short?)`);
  }
  const footerLength = int32(bytes, tail);
  const footerStart = tail - footerLength;
  if (footerLength <= 0 || footerStart < FILE_HEAD) {
    throw new MalformedIpc(`the Arrow file declares a footer of ${footerLength} bytes, but ${tail - FILE_HEAD} bytes hold the footer and the data`);
  }
  const footer = Footer.getRootAsFooter(new ByteBuffer(bytes.subarray(footerStart, tail)));
  const vectors = new VectorBounds(footerLength, "the Arrow file's footer");
  vectors.check("dictionary blocks", footer.dictionariesLength(), BLOCK);
  vectors.check("record batch blocks", footer.recordBatchesLength(), BLOCK);
  vectors.check("custom metadata entries", footer.customMetadataLength(), TABLE_OFFSET);
  checkSchema(footer.schema(), vectors);
  const blocks: [Block | null, MessageHeader][] = [];
  for (let i = 0; i < footer.dictionariesLength(); i++) blocks.push([footer.dictionaries(i), MessageHeader.DictionaryBatch]);
  for (let i = 0; i < footer.recordBatchesLength(); i++) blocks.push([footer.recordBatches(i), MessageHeader.RecordBatch]);
  // Arrow JS reads each batch where its block points, not in stream order.
  for (const [block, kind] of blocks) {
    if (!block) continue;
    const offset = block.offset();
    if (offset < BigInt(FILE_HEAD) || offset >= BigInt(footerStart)) {
      throw new MalformedIpc(`the Arrow file's footer points to a batch at byte ${offset}, outside its data (bytes ${FILE_HEAD} to ${footerStart})`);
    }
    checkMessage(bytes, Number(offset), footerStart, kind);
  }
  return footer.schema() !== null;
}

/**
 * Each column's declared length against the buffers flechette read for it: a length larger than
 * its data, or offsets past the values, are corruption that views would otherwise loop or
 * allocate over. Every column of a record batch holds as many values as the others.
 */
export function checkDataBounds(table: Table): void {
  const batches = table.children[0]?.data.length ?? 0;
  table.children.forEach((column, c) => {
    if (column.data.length !== batches) throw new MalformedIpc(`column ${c} has ${column.data.length} batches, column 0 ${batches}`);
  });
  // A column's batches share one dictionary: each is checked once, whatever the number of batches.
  const dictionaries = new Set<unknown>();
  for (let b = 0; b < batches; b++) {
    const rows = Math.max(0, ...table.children.map((column) => column.data[b].length));
    table.children.forEach((column, c) => checkBatch(column.data[b] as Batch, `column ${c} of batch ${b}`, rows, dictionaries));
  }
}

/** What the check reads of a flechette batch. */
interface Batch {
  length: number;
  type: DataType;
  validity?: Uint8Array | null;
  values?: ArrayLike<unknown> & { byteLength: number };
  offsets?: Int32Array | BigInt64Array | null;
  typeIds?: Int8Array;
  children?: Batch[];
  dictionary?: { data: Batch[] };
}

/** `minLength`: the values its parent needs (a batch's rows, a struct's or a fixed-size list's values). */
function checkBatch(batch: Batch, where: string, minLength: number, dictionaries: Set<unknown>): void {
  const { length, type } = batch;
  if (!Number.isSafeInteger(length) || length < 0) throw new MalformedIpc(`${where} has no count of its values`);
  const fail = (what: string): never => {
    throw new MalformedIpc(`${where} declares ${length} values, but ${what}`);
  };
  if (length < minLength) fail(`${minLength} are needed`);
  const validity = batch.validity;
  if (validity && validity.length > 0 && validity.length * 8 < length) fail(`its validity bitmap holds ${validity.length * 8}`);
  if (!knownParameters(type)) fail(`its type has an unknown unit or precision`);
  if (type.typeId === Type.Dictionary) {
    checkWidth(batch.values, length, type.indices.bitWidth / 8, fail);
    if (batch.dictionary && !dictionaries.has(batch.dictionary)) {
      dictionaries.add(batch.dictionary);
      batch.dictionary.data.forEach((chunk) => checkBatch(chunk, `the dictionary of ${where}`, 0, dictionaries));
    }
    return;
  }
  const children = batch.children ?? [];
  const dense = type.typeId === Type.Union && type.mode === UnionMode.Dense;
  // An empty column may come with no offsets at all (pyarrow writes an empty table so).
  if (batch.offsets && !dense && length > 0) {
    const limit = children.length ? children[0].length : (batch.values?.length ?? 0);
    checkOffsets(batch.offsets, length, limit, fail);
  } else if (type.typeId === Type.Bool) {
    if (batch.values!.length * 8 < length) fail(`its data holds ${batch.values!.length * 8}`);
  } else if (batch.values) {
    const width = bytesPerValue(type);
    if (width !== null) checkWidth(batch.values, length, width, fail);
  }
  if (type.typeId === Type.Union && (batch.typeIds?.length ?? 0) < length) fail(`its type ids hold ${batch.typeIds?.length ?? 0}`);
  const childRows =
    type.typeId === Type.FixedSizeList ? length * type.stride : type.typeId === Type.Struct || (type.typeId === Type.Union && !dense) ? length : 0;
  children.forEach((child, i) => checkBatch(child, `child ${i} of ${where}`, childRows, dictionaries));
}

/** Bytes each value takes in the values buffer of a type of fixed width; null for others. */
function bytesPerValue(type: DataType): number | null {
  switch (type.typeId) {
    case Type.Int:
    case Type.Time:
    case Type.Decimal:
      return type.bitWidth / 8;
    case Type.Float:
      return 2 ** (type.precision + 1);
    case Type.Date:
      return type.unit === DateUnit.DAY ? 4 : 8;
    case Type.Timestamp:
    case Type.Duration:
      return 8;
    case Type.Interval:
      return [4, 8, 16][type.unit];
    case Type.FixedSizeBinary:
      return type.stride;
  }
  return null;
}

function checkWidth(values: Batch["values"], length: number, bytes: number, fail: (what: string) => never): void {
  const byteLength = values?.byteLength ?? 0;
  if (byteLength < length * bytes) fail(`its data holds ${Math.floor(byteLength / bytes)}`);
}

/** Offsets start at zero or more, never decrease and stay within the values they index. */
function checkOffsets(offsets: Int32Array | BigInt64Array, end: number, limit: number, fail: (what: string) => never): void {
  if (offsets.length < end + 1) fail(`its offsets hold ${Math.max(0, offsets.length - 1)}`);
  if (Number(offsets[0]) < 0) fail(`its first offset is ${offsets[0]}`);
  for (let i = 0; i < end; i++) if (offsets[i + 1] < offsets[i]) fail(`its offsets decrease at value ${i}`);
  if (Number(offsets[end]) > limit) fail(`its last offset ${offsets[end]} runs past the ${limit} values it indexes`);
}

/** A corrupted unit or precision leaves values read in a way no writer meant (or by no array type at all). */
function knownParameters(type: DataType): boolean {
  const known = (values: object, value: unknown) => Object.values(values).includes(value);
  switch (type.typeId) {
    case Type.Date:
      return known(DateUnit, type.unit);
    case Type.Timestamp:
    case Type.Time:
    case Type.Duration:
      return known(TimeUnit, type.unit);
    case Type.Interval:
      return known(IntervalUnit, type.unit);
    case Type.Float:
      return known(Precision, type.precision);
  }
  return true;
}
