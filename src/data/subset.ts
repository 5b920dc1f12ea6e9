import { Table } from "apache-arrow";
import { isFieldTrees, type FieldTrees } from "./details.js";
import { decodeIpc, readColumns, type ColumnSource, type RunsInput } from "./input.js";
import type { TableName } from "./errors.js";
import { idText } from "./runs.js";

/**
 * The rows of a table (runs, scalars, details, samples, plots) whose run_id is one of `ids`, in
 * the table's order: an Arrow table stays Arrow, its kept rows sliced out in runs of
 * neighbouring rows (a scalars table holds each run's rows together, so its slices are few and
 * nothing is copied); other inputs become records. A table without a run_id column is returned
 * as it is, for the view to say what is wrong with it.
 */
export function rowsOfRuns<T extends RunsInput | FieldTrees>(input: T, ids: ReadonlySet<string>, table: TableName): T {
  if (isFieldTrees(input)) return Object.fromEntries(Object.entries(input).filter(([id]) => ids.has(id))) as T;
  const arrow = input instanceof Uint8Array || input instanceof ArrayBuffer ? decodeIpc(input, table) : input;
  const source = readColumns(arrow as RunsInput, table);
  const rows = keptRows(source, ids);
  if (rows === null) return input;
  if (arrow instanceof Table) {
    const slices: Table[] = [];
    for (let i = 0; i < rows.length; i++) {
      const from = rows[i];
      while (i + 1 < rows.length && rows[i + 1] === rows[i] + 1) i++;
      slices.push(arrow.slice(from, rows[i] + 1));
    }
    return (slices.length ? slices[0].concat(...slices.slice(1)) : arrow.slice(0, 0)) as T;
  }
  return rows.map((row) => Object.fromEntries(source.columns.map((column) => [column.name, column.get(row)]))) as unknown as T;
}

/**
 * The rows rowsOfRuns keeps, by their place in the table given (what the kernel numbers a
 * samples table's rows by); null for a table without a run_id column.
 */
export function rowsOfRunsAt(input: RunsInput, ids: ReadonlySet<string>, table: TableName): number[] | null {
  const arrow = input instanceof Uint8Array || input instanceof ArrayBuffer ? decodeIpc(input, table) : input;
  return keptRows(readColumns(arrow, table), ids);
}

function keptRows(source: ColumnSource, ids: ReadonlySet<string>): number[] | null {
  const rows: number[] = [];
  return eachRunId(source, (id, row) => ids.has(id) && rows.push(row)) ? rows : null;
}

/** The run ids a table has rows of (a samples or plots table, whose runs may be fewer than the runs table's). */
export function runIdsIn(input: RunsInput, table: TableName): Set<string> {
  const arrow = input instanceof Uint8Array || input instanceof ArrayBuffer ? decodeIpc(input, table) : input;
  const ids = new Set<string>();
  eachRunId(readColumns(arrow, table), (id) => ids.add(id));
  return ids;
}

/** Calls `visit` with each row's run id (rows without one skipped); false for a table without a run_id column. */
function eachRunId(source: ColumnSource, visit: (id: string, row: number) => unknown): boolean {
  const idColumn = source.columns.find((column) => column.name === "run_id");
  if (!idColumn) return false;
  const text = idText(idColumn);
  for (let row = 0; row < source.rowCount; row++) {
    const id = text(idColumn.get(row));
    if (id !== null) visit(id, row);
  }
  return true;
}
