import { tableFromArrays, tableToIPC } from "apache-arrow";
import { readDetails } from "../../../src/data/details";
import { decodeIpc } from "../../../src/data/input";
import { readRuns } from "../../../src/data/runs";
import { readScalars } from "../../../src/data/scalars";

const truncated = tableToIPC(tableFromArrays({ run_id: ["a", "b"] }), "stream").slice(0, 40);

describe("errors about the input name the table it was passed as", () => {
  test.each([
    ["runs", readRuns],
    ["scalars", readScalars],
    ["details", readDetails],
  ] as const)("%s bytes", (table, read) => {
    expect(() => read(truncated)).toThrow(new RegExp(`^${table} bytes are not a readable Arrow IPC stream or file \\(`));
  });

  test("a file opened on its own, before its kind is known", () => {
    expect(() => decodeIpc(truncated)).toThrow(/^the file is not a readable Arrow IPC stream or file \(/);
  });

  test.each([
    ["runs", readRuns],
    ["scalars", readScalars],
  ] as const)("%s that are not a table", (table, read) => {
    expect(() => read(42 as never)).toThrow(`${table} must be an Arrow Table, Arrow IPC bytes, an arquero table or an array of objects; got number.`);
    expect(() => read([7] as never)).toThrow(
      `${table} must be an Arrow Table, Arrow IPC bytes, an arquero table or an array of objects; got an array holding number.`,
    );
  });
});
