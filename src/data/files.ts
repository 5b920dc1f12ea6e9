import { parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { RunsDataError, messages } from "./errors.js";
import { readIpc } from "./input.js";

export type TableKind = "runs" | "scalars";

const SCALARS_COLUMNS = ["run_id", "metric", "step", "value"];

/** Which contract a table's columns fit: scalars when it has their four columns, runs when it has run_id. */
export function tableKind(columns: readonly string[]): TableKind {
  if (SCALARS_COLUMNS.every((name) => columns.includes(name))) return "scalars";
  if (columns.includes("run_id")) return "runs";
  throw new RunsDataError(messages.notAComparisonTable(columns));
}

/** A table file as the views take it: Arrow (IPC file or stream) bytes as they are, Parquet as records. */
export interface LoadedTable {
  kind: TableKind;
  columns: string[];
  rowCount: number;
  data: Uint8Array | Record<string, unknown>[];
}

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

export function isParquet(bytes: Uint8Array): boolean {
  return PARQUET_MAGIC.every((byte, i) => bytes[i] === byte);
}

export async function loadTable(bytes: Uint8Array): Promise<LoadedTable> {
  if (isParquet(bytes)) {
    let records: Record<string, unknown>[];
    try {
      const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      records = await parquetReadObjects({ file, compressors });
    } catch (error) {
      throw new RunsDataError(messages.badParquet(error instanceof Error ? error.message : String(error)));
    }
    const columns = records.length ? Object.keys(records[0]) : [];
    return { kind: tableKind(columns), columns, rowCount: records.length, data: records };
  }
  const table = readIpc(bytes);
  const columns = table.schema.fields.map((field) => field.name);
  return { kind: tableKind(columns), columns, rowCount: table.numRows, data: bytes };
}
