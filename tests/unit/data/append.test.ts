import { Dictionary, Int32, Int64, Table, TimeUnit, Timestamp, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from "apache-arrow";
import { appendedRows, withRows } from "../../../src/data/append";
import { readColumns } from "../../../src/data/input";

const HOSTILE = "<img src=x onerror=alert(1)>";

/** Scalars of `runs` at one step, as Python sends them (dictionary-encoded ids, int64 steps, timestamps). */
function batch(step: number, runs = ["a", "b", HOSTILE]): Uint8Array {
  return tableToIPC(
    new Table({
      run_id: vectorFromArray(runs, new Dictionary(new Utf8(), new Int32())),
      metric: vectorFromArray(
        runs.map(() => "loss"),
        new Dictionary(new Utf8(), new Int32()),
      ),
      step: vectorFromArray(
        runs.map(() => BigInt(step)),
        new Int64(),
      ),
      time: vectorFromArray(
        runs.map(() => 1.7e12 + step),
        new Timestamp(TimeUnit.MILLISECOND, "UTC"),
      ),
      value: vectorFromArray(runs.map((_, i) => 1 / (step + i + 1))),
    }),
    "stream",
  );
}

const rowsOf = (input: Parameters<typeof readColumns>[0]) => {
  const source = readColumns(input, "scalars");
  return Array.from({ length: source.rowCount }, (_, row) => source.columns.map((column) => column.get(row)));
};

test("scalars appended poll after poll are the rows in order, their small batches joined", () => {
  let table: Parameters<typeof withRows>[0] = batch(0);
  const polls = Array.from({ length: 40 }, (_, i) => batch(i + 1));
  for (const poll of polls) table = withRows(table, poll, "scalars");
  expect((table as Table).batches.length).toBeLessThan(16);
  expect(rowsOf(table)).toEqual([batch(0), ...polls].flatMap((bytes) => rowsOf(tableFromIPC(bytes))));
});

test("a run given again replaces its row: its status and metrics as they are now, the columns it lacks kept", () => {
  const runs = [
    { run_id: "a", status: "RUNNING", "params.lr": 0.1, "metrics.loss": 1 },
    { run_id: HOSTILE, status: "RUNNING", "params.lr": 0.2 },
  ];
  const merged = withRows(
    runs,
    [
      { run_id: HOSTILE, status: "FINISHED", "metrics.loss": 0.5 },
      { run_id: "c", status: "RUNNING" },
    ],
    "runs",
  );
  expect(merged).toEqual([
    { run_id: "a", status: "RUNNING", "params.lr": 0.1, "metrics.loss": 1 },
    { run_id: HOSTILE, status: "FINISHED", "params.lr": 0.2, "metrics.loss": 0.5 },
    { run_id: "c", status: "RUNNING" },
  ]);
});

test("append takes runs and scalars, leaving out tables of no rows", () => {
  const scalars = batch(1);
  expect(appendedRows({ runs: [], scalars })).toEqual({ scalars });
  expect(() => appendedRows({ details: [] })).toThrow('append takes the new rows as runs and scalars (each a table of only the new rows); got "details".');
  expect(() => appendedRows("rows")).toThrow(/got "rows"/);
});
