import { Table, Vector, vectorFromArray } from "apache-arrow";
import { RunsDataError, messages } from "./errors.js";
import { decodeIpc, readColumns, type RunsInput } from "./input.js";

/** The tables `view.append` takes: only the new rows of each. */
export type AppendableTable = "runs" | "scalars";
export type AppendedRows = Partial<Record<AppendableTable, RunsInput | null>>;

const APPENDABLE: readonly string[] = ["runs", "scalars"];

/** The tables given to `view.append`, those of no rows left out; a RunsDataError for anything but runs and scalars. */
export function appendedRows(value: unknown): AppendedRows {
  const object = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const unknown = object ? Object.keys(object).filter((key) => !APPENDABLE.includes(key)) : [String(value)];
  if (unknown.length) throw new RunsDataError(messages.appendTables(unknown));
  const given: AppendedRows = {};
  for (const table of ["runs", "scalars"] as const) {
    const rows = object![table] as RunsInput | null | undefined;
    if (rows != null && readColumns(rows, table).rowCount > 0) given[table] = rows;
  }
  return given;
}

/**
 * A table with rows added. Scalars' reports follow those there; a run of `added` replaces the
 * row of the same run_id (its status and metrics as they are now, the columns it lacks kept),
 * and new runs follow. Arrow tables of the same columns are joined without a copy.
 */
export function withRows(base: RunsInput | null, added: RunsInput, table: AppendableTable): RunsInput {
  if (base === null) return added;
  const [before, after] = [asArrow(base), asArrow(added)];
  if (before && after && sameColumns(before, after) && (table === "scalars" || !sharesRuns(before, after))) return compacted(before.concat(after));
  const rows = [...recordsOf(base, table), ...recordsOf(added, table)];
  if (table === "scalars") return rows;
  const byRun = new Map<unknown, Record<string, unknown>>();
  for (const row of rows) byRun.set(row.run_id, { ...byRun.get(row.run_id), ...withoutMissing(row) });
  return [...byRun.values()];
}

/** Small batches (a poll's rows) past which the trailing ones are joined into one: each batch costs its objects and dictionaries. */
const LOOSE_BATCHES = 16;
const SMALL_BATCH = 65_536;

/** The table with its trailing small batches joined into one once there are LOOSE_BATCHES of them. */
function compacted(table: Table): Table {
  const { batches } = table;
  let loose = 0;
  while (loose < batches.length && batches[batches.length - 1 - loose].numRows < SMALL_BATCH) loose++;
  if (loose < LOOSE_BATCHES) return table;
  const tail = new Table(batches.slice(-loose));
  const joined = new Table(Object.fromEntries(tail.schema.fields.map((field) => [field.name, vectorFromArray([...tail.getChild(field.name)!], field.type)])));
  return loose === batches.length ? joined : new Table(batches.slice(0, -loose)).concat(joined);
}

function asArrow(input: RunsInput): Table | null {
  if (input instanceof Table) return input;
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return decodeIpc(input);
  return null;
}

function sameColumns(a: Table, b: Table): boolean {
  const described = (table: Table) => table.schema.fields.map((field) => `${field.name}:${String(field.type)}`).join("\n");
  return described(a) === described(b);
}

function sharesRuns(a: Table, b: Table): boolean {
  const ids = new Set(a.getChild("run_id")?.toArray() ?? []);
  return [...(b.getChild("run_id")?.toArray() ?? [])].some((id) => ids.has(id));
}

/** Rows as objects with values as a table of objects takes them: times as Dates, lists as arrays. */
function recordsOf(input: RunsInput, table: AppendableTable): Record<string, unknown>[] {
  const source = readColumns(input, table);
  const columns = source.columns.map((column) => {
    if (column.type === "timestamps") return { name: column.name, get: (row: number) => dateOf(column.get(row)) };
    return { name: column.name, get: (row: number) => plain(column.get(row)) };
  });
  return Array.from({ length: source.rowCount }, (_, row) => Object.fromEntries(columns.map(({ name, get }) => [name, get(row)])));
}

function dateOf(value: unknown): Date | null {
  return typeof value === "number" && Number.isFinite(value) ? new Date(value) : null;
}

function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  return value instanceof Vector ? [...value] : value;
}

function withoutMissing(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== undefined));
}
