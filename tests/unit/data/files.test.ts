import { tableFromArrays, tableToIPC } from "apache-arrow";
import { isParquet, loadTable, tableKind } from "../../../src/data/files";

test("a table's columns say which contract it fits", () => {
  expect(tableKind(["run_id", "metric", "variant", "step", "value"])).toBe("scalars");
  expect(tableKind(["run_id", "params.lr"])).toBe("runs");
  expect(() => tableKind(["a", "b"])).toThrow(
    'this table is neither runs nor scalars (columns: a, b): a runs table needs a "run_id" column; a scalars table needs "run_id", "metric", "step" and "value".',
  );
});

test("Arrow bytes load as they are, classified", async () => {
  const bytes = tableToIPC(tableFromArrays({ run_id: ["a", "b"], "metrics.acc": Float64Array.of(1, 2) }), "file");
  const table = await loadTable(bytes);
  expect(table).toMatchObject({ kind: "runs", columns: ["run_id", "metrics.acc"], rowCount: 2 });
  expect(table.data).toBe(bytes);
});

test("Parquet is recognised by its magic bytes; a broken one says so", async () => {
  const broken = new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 0x50, 0x41, 0x52, 0x31]);
  expect(isParquet(broken)).toBe(true);
  expect(isParquet(new Uint8Array([1, 2, 3, 4]))).toBe(false);
  await expect(loadTable(broken)).rejects.toThrow(/^the file is not a readable Parquet file/);
});
