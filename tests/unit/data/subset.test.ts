import { tableFromArrays, tableToIPC } from "apache-arrow";
import { rowsOfRuns, rowsOfRunsAt } from "../../../src/data/subset";

const ids = new Set(["b", "d"]);

test("an Arrow table keeps the rows of the runs asked for, in its order, as Arrow", () => {
  const table = tableFromArrays({ run_id: ["a", "b", "b", "c", "d", "d"], step: Float64Array.from([0, 0, 1, 0, 0, 1]) });
  const kept = rowsOfRuns(table, ids, "scalars");
  expect(kept.numRows).toBe(4);
  expect(kept.getChild("run_id")!.toArray()).toEqual(["b", "b", "d", "d"]);
  expect([...kept.getChild("step")!.toArray()]).toEqual([0, 1, 0, 1]);
  expect(kept.batches.length).toBe(2);
});

test("IPC bytes become the Arrow table of those rows; numeric ids are matched as text", () => {
  const bytes = tableToIPC(tableFromArrays({ run_id: Int32Array.from([1, 2, 3]), x: Float64Array.from([10, 20, 30]) }));
  const kept = rowsOfRuns(bytes, new Set(["2"]), "runs");
  expect([...(kept as unknown as import("apache-arrow").Table).getChild("x")!.toArray()]).toEqual([20]);
});

test("records stay records; nested fields per run keep the runs asked for; no run kept is an empty table", () => {
  expect(rowsOfRuns([{ run_id: "a" }, { run_id: "b", x: 1 }], ids, "runs")).toEqual([{ run_id: "b", x: 1 }]);
  expect(rowsOfRuns({ a: { lr: 1 }, d: { lr: 2 } }, ids, "details")).toEqual({ d: { lr: 2 } });
  expect(rowsOfRuns(tableFromArrays({ run_id: ["a"] }), ids, "runs").numRows).toBe(0);
});

test("a table without run_id is left as it is, for its view to say what is wrong", () => {
  const records = [{ name: "no id" }];
  expect(rowsOfRuns(records, ids, "runs")).toBe(records);
});

test("rowsOfRunsAt numbers the rows kept by their place in the whole table (a samples table's rows, as the kernel numbers them)", () => {
  const table = tableFromArrays({ run_id: ["a", "b", "b", "c", "d"], step: Float64Array.from([0, 0, 1, 0, 0]) });
  expect(rowsOfRunsAt(table, ids, "samples")).toEqual([1, 2, 4]);
  expect(rowsOfRunsAt(tableToIPC(table), new Set(["c"]), "samples")).toEqual([3]);
  expect(rowsOfRunsAt([{ metric: "no id" }], ids, "samples")).toBeNull();
});
