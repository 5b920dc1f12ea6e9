import { tableFromArrays, tableToIPC } from "apache-arrow";
import { DictionaryBatch } from "apache-arrow/fb/dictionary-batch";
import { Footer } from "apache-arrow/fb/footer";
import { Message } from "apache-arrow/fb/message";
import { RecordBatch } from "apache-arrow/fb/record-batch";
import { Schema } from "apache-arrow/fb/schema";
import { ByteBuffer } from "flatbuffers";
import { decodeIpc } from "../../../src/data/input";

const table = tableFromArrays({ run_id: ["a", "b", "c"], "metrics.x": Float64Array.of(1, 2, 3) });
const stream = tableToIPC(table, "stream");
const file = tableToIPC(table, "file");

interface Framed {
  at: number;
  metadataStart: number;
  message: Message;
}

/** The messages of stream bytes (or of a file's stream, from byte 8), with where each starts. */
function framing(bytes: Uint8Array, start = 0): Framed[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const found: Framed[] = [];
  for (let at = start; ;) {
    const prefix = view.getInt32(at, true) === -1 ? 8 : 4;
    const length = view.getInt32(at + prefix - 4, true);
    if (length === 0) return found;
    const metadataStart = at + prefix;
    const message = Message.getRootAsMessage(new ByteBuffer(bytes.slice(metadataStart, metadataStart + length)));
    found.push({ at, metadataStart, message });
    at = metadataStart + length + Number(message.bodyLength());
  }
}

// Flatbuffer vtable slots (4 + 2 x the field's index in Message.fbs / Schema.fbs): Message
// bodyLength 10; Schema fields 6; RecordBatch length 4, nodes 6, buffers 8.

/** The byte where a flatbuffer table's field is stored (its vtable slot), in the whole bytes. */
function fieldByte(framed: Framed, table: { bb_pos: number }, slot: number): number {
  return framed.metadataStart + table.bb_pos + framed.message.bb!.__offset(table.bb_pos, slot);
}

function vectorLengthByte(framed: Framed, table: { bb_pos: number }, slot: number): number {
  const field = table.bb_pos + framed.message.bb!.__offset(table.bb_pos, slot);
  return framed.metadataStart + field + framed.message.bb!.readInt32(field);
}

function corrupt(bytes: Uint8Array, at: number, write: (view: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  write(new DataView(copy.buffer, at));
  return copy;
}

/** decodeIpc's error for the bytes, checked to come fast (Arrow JS never got to allocate). */
function decodeError(bytes: Uint8Array): string {
  const start = performance.now();
  try {
    decodeIpc(bytes, "runs");
  } catch (error) {
    expect(performance.now() - start).toBeLessThan(1000);
    return (error as Error).message;
  }
  throw new Error("the bytes decoded");
}

const [schemaMessage, dictionaryMessage, batchMessage] = framing(stream);
const BIG = 0x7fffffff;

describe("decodeIpc rejects length fields that run past the bytes", () => {
  test("the bytes decode as they are, in both formats", () => {
    expect(decodeIpc(stream).numRows).toBe(3);
    expect(decodeIpc(file).numRows).toBe(3);
  });

  test("a metadata length past the end", () => {
    const bytes = corrupt(stream, 4, (v) => v.setInt32(0, BIG, true));
    expect(decodeError(bytes)).toBe(
      `runs bytes are not a readable Arrow IPC stream or file (the message at byte 0 declares a metadata length of ${BIG}, but ${stream.length - 8} bytes follow).`,
    );
  });

  test("a negative metadata length", () => {
    expect(decodeError(corrupt(stream, 4, (v) => v.setInt32(0, -8, true)))).toMatch(/declares a metadata length of -8/);
  });

  test("a body length past the end", () => {
    const at = fieldByte(batchMessage, batchMessage.message, 10);
    const bytes = corrupt(stream, at, (v) => v.setBigInt64(0, 1n << 40n, true));
    expect(decodeError(bytes)).toMatch(new RegExp(`the message at byte ${batchMessage.at} declares a body of ${1n << 40n} bytes, but \\d+ bytes follow`));
  });

  test("a schema claiming millions of fields (once this exhausted the heap)", () => {
    const schema = schemaMessage.message.header(new Schema()) as Schema;
    const bytes = corrupt(stream, vectorLengthByte(schemaMessage, schema, 6), (v) => v.setInt32(0, 33554432, true));
    expect(decodeError(bytes)).toMatch(/the message at byte 0 lists 33554432 fields in \d+ bytes of metadata/);
  });

  test("a record batch claiming millions of buffers", () => {
    const batch = batchMessage.message.header(new RecordBatch()) as RecordBatch;
    const bytes = corrupt(stream, vectorLengthByte(batchMessage, batch, 8), (v) => v.setInt32(0, 1 << 24, true));
    expect(decodeError(bytes)).toMatch(/lists 16777216 buffers/);
  });

  test("a buffer that ends past the body", () => {
    const batch = batchMessage.message.header(new RecordBatch()) as RecordBatch;
    const buffers = vectorLengthByte(batchMessage, batch, 8) + 4;
    // The last buffer's length (each Buffer is an int64 offset then an int64 length).
    const at = buffers + 16 * (batch.buffersLength() - 1) + 8;
    expect(decodeError(corrupt(stream, at, (v) => v.setBigInt64(0, 1n << 33n, true)))).toMatch(/places buffer \d+ at bytes \d+ to \d+ of a \d+-byte body/);
  });

  test("a column longer than its data", () => {
    const batch = batchMessage.message.header(new RecordBatch()) as RecordBatch;
    const nodes = vectorLengthByte(batchMessage, batch, 6) + 4;
    // Both columns claim a billion rows, and so does the batch.
    let bytes = corrupt(stream, nodes, (v) => v.setBigInt64(0, 1n << 30n, true));
    bytes = corrupt(bytes, nodes + 16, (v) => v.setBigInt64(0, 1n << 30n, true));
    bytes = corrupt(bytes, fieldByte(batchMessage, batch, 4), (v) => v.setBigInt64(0, 1n << 30n, true));
    // Column 0 holds dictionary indices: three int32s padded to 16 bytes.
    expect(decodeError(bytes)).toBe(
      "runs bytes are not a readable Arrow IPC stream or file (column 0 of batch 0 declares 1073741824 values, but its data holds 4).",
    );
  });

  test("a dictionary claiming millions of values", () => {
    const batch = (dictionaryMessage.message.header(new DictionaryBatch()) as DictionaryBatch).data()!;
    const nodes = vectorLengthByte(dictionaryMessage, batch, 6) + 4;
    expect(decodeError(corrupt(stream, nodes, (v) => v.setBigInt64(0, 1n << 24n, true)))).toMatch(
      /declares a dictionary of 16777216 values in a \d+-byte body/,
    );
  });

  test("stray bytes after the last message", () => {
    const bytes = new Uint8Array([...stream.subarray(0, stream.length - 8), 1, 2]);
    expect(decodeError(bytes)).toMatch(/2 stray bytes at byte \d+, too few for a message/);
  });

  test("a file without its footer (cut short)", () => {
    expect(decodeError(file.slice(0, file.length - 20))).toMatch(/the Arrow file has no footer/);
  });

  test("a file whose footer length runs past the start", () => {
    expect(decodeError(corrupt(file, file.length - 10, (v) => v.setInt32(0, BIG, true)))).toMatch(/declares a footer of 2147483647 bytes/);
  });

  test("a file whose block points outside its data", () => {
    const footerLength = new DataView(file.buffer, file.byteOffset).getInt32(file.length - 10, true);
    const footerStart = file.length - 10 - footerLength;
    const bb = new ByteBuffer(file.slice(footerStart, file.length - 10));
    const footer = Footer.getRootAsFooter(bb);
    const block = footer.recordBatches(0)!;
    // Block is a struct: int64 offset first.
    const bytes = corrupt(file, footerStart + block.bb_pos, (v) => v.setBigInt64(0, 1n << 40n, true));
    expect(decodeError(bytes)).toMatch(/the Arrow file's footer points to a batch at byte 1099511627776, outside its data/);
  });

  test("a file whose record batch block points at its dictionary (Arrow JS would loop forever)", () => {
    const footerLength = new DataView(file.buffer, file.byteOffset).getInt32(file.length - 10, true);
    const footerStart = file.length - 10 - footerLength;
    const footer = Footer.getRootAsFooter(new ByteBuffer(file.slice(footerStart, file.length - 10)));
    const dictionaryAt = footer.dictionaries(0)!.offset();
    const bytes = corrupt(file, footerStart + footer.recordBatches(0)!.bb_pos, (v) => v.setBigInt64(0, dictionaryAt, true));
    expect(decodeError(bytes)).toMatch(/points to a RecordBatch message at byte \d+, but finds a DictionaryBatch message there/);
  });
});

describe("the legacy stream format (no continuation marker, before Arrow 0.15)", () => {
  /** The same messages with each 0xFFFFFFFF marker dropped. */
  function legacy(bytes: Uint8Array): Uint8Array {
    const parts: Uint8Array[] = [];
    let previous = 0;
    for (const { at } of framing(bytes)) {
      parts.push(bytes.subarray(previous, at));
      previous = at + 4;
    }
    parts.push(bytes.subarray(previous, bytes.length - 8), new Uint8Array(4));
    return Uint8Array.from(parts.flatMap((part) => [...part]));
  }

  test("decodes", () => {
    expect(decodeIpc(legacy(stream)).numRows).toBe(3);
  });

  test("a corrupted length is caught as in the current format", () => {
    expect(decodeError(corrupt(legacy(stream), 0, (v) => v.setInt32(0, BIG, true)))).toMatch(/the message at byte 0 declares a metadata length of 2147483647/);
  });
});
