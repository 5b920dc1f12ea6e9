/**
 * Bounds checks on Arrow IPC bytes, so that a corrupted length field is reported as malformed
 * bytes instead of Arrow JS allocating what it claims (one flipped byte in a schema's field
 * count made it build 33 million fields and exhaust the heap).
 *
 * Before decoding, checkIpcBounds walks the framing of the stream or file format (continuation
 * marker, int32 metadata length, flatbuffer Message, int64 body length; the file format's magic
 * and footer blocks) and every flatbuffer vector Arrow JS will iterate, using apache-arrow's own
 * generated flatbuffer readers. After decoding, checkDataBounds checks each column's lengths
 * against the buffers it actually got, which Arrow JS silently cuts short at the body's end.
 * Either throws a MalformedIpc whose message says what is out of bounds.
 */
import { DataType, DateUnit, IntervalUnit, Precision, TimeUnit, type Data, type Table } from "apache-arrow";
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

/** Throws when the bytes are out of bounds; else says whether they hold a schema (zero columns is one). */
export function checkIpcBounds(bytes: Uint8Array): boolean {
  if (hasMagic(bytes, 0)) return checkFile(bytes);
  return checkStream(bytes, 0, bytes.length);
}

function hasMagic(bytes: Uint8Array, at: number): boolean {
  if (at < 0 || at + MAGIC.length > bytes.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[at + i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

function int32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + at, 4).getInt32(0, true);
}

/** Messages one after another until the end marker or the end of the bytes; whether the first is a schema. */
function checkStream(bytes: Uint8Array, start: number, end: number): boolean {
  let at = start;
  let schema = false;
  while (at < end) {
    const next = checkMessage(bytes, at, end);
    if (next === null) break;
    if (at === start) schema = headerOf(bytes, at) === MessageHeader.Schema;
    at = next;
  }
  return schema;
}

function headerOf(bytes: Uint8Array, at: number): MessageHeader {
  const prefix = int32(bytes, at) === CONTINUATION ? 8 : 4;
  const metadataLength = int32(bytes, at + prefix - 4);
  return Message.getRootAsMessage(new ByteBuffer(bytes.subarray(at + prefix, at + prefix + metadataLength))).headerType();
}

/**
 * The message at `at`, which must end by `end` (and be of the `expected` kind, when given):
 * where the next one starts, or null at the end-of-stream marker (a zero metadata length).
 */
function checkMessage(bytes: Uint8Array, at: number, end: number, expected?: MessageHeader): number | null {
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
  return bodyStart + Number(bodyLength);
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
 * Each column's declared length against the buffers Arrow JS read for it: a length larger
 * than its data, or offsets past the values, are corruption that views would otherwise loop
 * or allocate over.
 */
export function checkDataBounds(table: Table): void {
  table.batches.forEach((batch, index) => {
    batch.data.children.forEach((child, column) => checkData(child, `column ${column} of batch ${index}`, batch.numRows));
  });
}

/** `minLength`: the values its parent needs (a batch's rows, a struct's or a fixed-size list's values). */
function checkData(data: Data, where: string, minLength: number): void {
  const end = data.offset + data.length;
  const fail = (what: string): never => {
    throw new MalformedIpc(`${where} declares ${data.length} values, but ${what}`);
  };
  if (!(data.length >= 0) || !Number.isSafeInteger(end)) fail("that is no count");
  if (data.length < minLength) fail(`${minLength} are needed`);
  const bitmap = data.nullBitmap;
  if (bitmap && bitmap.length > 0 && bitmap.length * 8 < end) fail(`its validity bitmap holds ${bitmap.length * 8}`);
  const type = data.type;
  if (!knownParameters(type)) fail(`its type ${type} has an unknown unit or precision`);
  if (DataType.isDictionary(type)) {
    checkWidth(data, end, 1, fail);
    data.dictionary?.data.forEach((chunk) => checkData(chunk, `the dictionary of ${where}`, 0));
    return;
  }
  // An empty column may come with no offsets at all (pyarrow writes an empty table so).
  if (data.valueOffsets && !DataType.isDenseUnion(type) && data.length > 0) {
    const limit = data.children.length ? data.children[0].length : data.values.length;
    checkOffsets(data.valueOffsets, data.offset, end, limit, fail);
  } else if (DataType.isBool(type)) {
    if (data.values.length * 8 < end) fail(`its data holds ${data.values.length * 8}`);
  } else if (data.values) {
    checkWidth(data, end, data.stride, fail);
  }
  if (DataType.isUnion(type) && data.typeIds.length < end) fail(`its type ids hold ${data.typeIds.length}`);
  const childRows = DataType.isFixedSizeList(type) ? end * type.listSize : DataType.isStruct(type) || DataType.isSparseUnion(type) ? end : 0;
  data.children.forEach((child, i) => checkData(child, `child ${i} of ${where}`, childRows));
}

function checkWidth(data: Data, end: number, stride: number, fail: (what: string) => never): void {
  if (data.values.length < end * stride) fail(`its data holds ${Math.floor(data.values.length / stride)}`);
}

/** Offsets start at zero or more, never decrease and stay within the values they index. */
function checkOffsets(offsets: Int32Array | BigInt64Array, start: number, end: number, limit: number, fail: (what: string) => never): void {
  if (offsets.length < end + 1) fail(`its offsets hold ${Math.max(0, offsets.length - 1)}`);
  if (Number(offsets[start]) < 0) fail(`its first offset is ${offsets[start]}`);
  for (let i = start; i < end; i++) if (offsets[i + 1] < offsets[i]) fail(`its offsets decrease at value ${i}`);
  if (Number(offsets[end]) > limit) fail(`its last offset ${offsets[end]} runs past the ${limit} values it indexes`);
}

/** A corrupted unit leaves Arrow JS reading values in a way no writer meant (and can throw on get). */
function knownParameters(type: DataType): boolean {
  if (DataType.isDate(type)) return type.unit in DateUnit;
  if (DataType.isTimestamp(type) || DataType.isTime(type) || DataType.isDuration(type)) return type.unit in TimeUnit;
  if (DataType.isInterval(type)) return type.unit in IntervalUnit;
  if (DataType.isFloat(type)) return type.precision in Precision;
  return true;
}
