import { Table } from "apache-arrow";
import { isFieldTrees, type FieldTrees } from "./details.js";
import { decodeIpc, readColumns, type RunsInput } from "./input.js";
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
  const idColumn = source.columns.find((column) => column.name === "run_id");
  if (!idColumn) return input;
  const text = idText(idColumn);
  const kept = (row: number) => {
    const id = text(idColumn.get(row));
    return id !== null && ids.has(id);
  };
  if (arrow instanceof Table) {
    const slices: Table[] = [];
    for (let row = 0; row < source.rowCount; row++) {
      if (!kept(row)) continue;
      const from = row;
      while (row + 1 < source.rowCount && kept(row + 1)) row++;
      slices.push(arrow.slice(from, row + 1));
    }
    return (slices.length ? slices[0].concat(...slices.slice(1)) : arrow.slice(0, 0)) as T;
  }
  const records: Record<string, unknown>[] = [];
  for (let row = 0; row < source.rowCount; row++) {
    if (kept(row)) records.push(Object.fromEntries(source.columns.map((column) => [column.name, column.get(row)])));
  }
  return records as unknown as T;
}
