import { tableFromArrays as flechetteFromArrays } from "@uwdata/flechette";
import { table as arqueroTable } from "arquero";
import {
  Bool,
  Date_,
  DateUnit,
  Dictionary,
  Field,
  Float32,
  Float64,
  Int32,
  Int64,
  Int8,
  List,
  Table,
  TimeUnit,
  Timestamp,
  Uint64,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
} from "apache-arrow";
import { readColumns, readIpc, type ColumnSource } from "../../../src/data/input";
import { readRuns } from "../../../src/data/runs";

/**
 * IPC bytes are read by flechette and a user's Arrow JS Table by Arrow JS; both go through the
 * same column readers, so the same table must read the same either way: every value, every
 * numbers array, every coded text column. The expected values are written out, not read back.
 */

const batch = (offset: number) => ({
  run_id: vectorFromArray([`a${offset}`, `b${offset}`, `c${offset}`], new Utf8()),
  name: vectorFromArray(["plain", "naïve – ünïcode", null], new Utf8()),
  "params.opt": vectorFromArray(offset ? ["sgd", null, "lamb"] : ["adam", "sgd", null], new Dictionary(new Utf8(), new Int8())),
  "params.layers": vectorFromArray(Int32Array.of(1, 2, 3)),
  "params.seed": vectorFromArray([2n ** 60n + 1n, null, -5n], new Int64()),
  "params.count": vectorFromArray([2n ** 64n - 1n, 0n, 7n], new Uint64()),
  "metrics.acc": vectorFromArray([0.5, null, 0.25], new Float32()),
  "metrics.loss": vectorFromArray([NaN, 1e-300, -0.125], new Float64()),
  "tags.flag": vectorFromArray([true, false, null], new Bool()),
  "tags.list": vectorFromArray([["x", "y"], [], null], new List(new Field("item", new Utf8(), true))),
  "attributes.sizes": vectorFromArray([[1, 2], [3], null], new List(new Field("item", new Int32(), true))),
  start_time: vectorFromArray([1_700_000_000_000, null, 0], new Timestamp(TimeUnit.MICROSECOND)),
  day: vectorFromArray([new Date(Date.UTC(2024, 0, 2)), null, new Date(0)], new Date_(DateUnit.DAY)),
});

/** Two record batches, the second with another dictionary, as a table appended to is. */
const arrowJs = new Table(batch(0)).concat(new Table(batch(1)));
const oneBatch = new Table(batch(0));

/** A list's value as its items (Arrow JS gives a Vector, whose buffers differ with where it was read from). */
const plain = (value: unknown) =>
  value !== null && typeof value === "object" && Symbol.iterator in value && !(value instanceof Uint8Array) ? Array.from(value as Iterable<unknown>) : value;

function contents(source: ColumnSource) {
  return source.columns.map((column) => ({
    name: column.name,
    type: column.type,
    values: Array.from({ length: source.rowCount }, (_, row) => plain(column.get(row))),
    numbers: column.numbers ? Array.from(column.numbers()) : null,
    codes: column.codes ? (({ labels, codes }) => ({ labels, codes: Array.from(codes) }))(column.codes()) : null,
  }));
}

describe("a table reads the same as Arrow JS Table and as IPC bytes", () => {
  const expected = contents(readColumns(arrowJs, "runs"));

  // flechette reads these.
  test.each(["stream", "file"] as const)("%s bytes of one batch", (format) => {
    expect(contents(readColumns(tableToIPC(oneBatch, format), "runs"))).toEqual(contents(readColumns(oneBatch, "runs")));
  });

  test("stream bytes of two batches, read by flechette batch by batch", () => {
    const noDictionary = arrowJs.select(
      arrowJs.schema.fields.map((field) => field.name).filter((name) => name !== "params.opt") as (keyof ReturnType<typeof batch>)[],
    );
    expect(noDictionary.batches.length).toBe(2);
    expect(contents(readColumns(tableToIPC(noDictionary, "stream"), "runs"))).toEqual(expected.filter((column) => column.name !== "params.opt"));
  });

  // A stream whose second batch replaces the first's dictionary (files cannot): read by Arrow JS,
  // as flechette would give both batches the second dictionary.
  test("stream bytes of two batches, the second replacing a dictionary", () => {
    expect(contents(readColumns(tableToIPC(arrowJs, "stream"), "runs"))).toEqual(expected);
  });

  test("what is read, written out", () => {
    const byName = Object.fromEntries(expected.map((column) => [column.name, column]));
    expect(byName["name"].values).toEqual(["plain", "naïve – ünïcode", null, "plain", "naïve – ünïcode", null]);
    expect(byName["params.opt"].codes).toEqual({ labels: ["adam", "sgd", "lamb"], codes: [0, 1, -1, 1, -1, 2] });
    expect(byName["params.seed"].numbers).toEqual([2 ** 60, NaN, -5, 2 ** 60, NaN, -5]);
    expect(byName["params.count"].numbers).toEqual([2 ** 64, 0, 7, 2 ** 64, 0, 7]);
    expect(byName["metrics.acc"].numbers).toEqual([0.5, NaN, 0.25, 0.5, NaN, 0.25]);
    expect(byName["metrics.loss"].numbers).toEqual([NaN, 1e-300, -0.125, NaN, 1e-300, -0.125]);
    expect(byName["tags.flag"]).toMatchObject({ type: "booleans", values: [true, false, null, true, false, null] });
    expect(byName["tags.list"].codes).toEqual({ labels: ['["x","y"]', "[]"], codes: [0, 1, -1, 0, 1, -1] });
    expect(JSON.stringify(byName["attributes.sizes"].values)).toBe("[[1,2],[3],null,[1,2],[3],null]");
    expect(byName["start_time"].numbers).toEqual([1_700_000_000_000, NaN, 0, 1_700_000_000_000, NaN, 0]);
    expect(byName["day"].numbers).toEqual([Date.UTC(2024, 0, 2), NaN, 0, Date.UTC(2024, 0, 2), NaN, 0]);
  });
});

test("a flechette Table, as arquero's toArrow() gives, is read as the Arrow JS one is", () => {
  const fromArquero = arqueroTable({ run_id: ["a", "b"], "params.lr": [0.1, 0.01] }).toArrow();
  expect(readRuns(fromArquero).ids).toEqual(["a", "b"]);
  const direct = flechetteFromArrays({ run_id: ["a", "b"], "metrics.acc": Float64Array.of(0.5, 0.75) });
  expect(readColumns(direct, "runs").columns[1].numbers!()).toEqual(Float64Array.of(0.5, 0.75));
});

test("bytes that do not start at a multiple of 8 in their buffer are read (the kernel's may not)", () => {
  const bytes = tableToIPC(arrowJs, "stream");
  const shifted = new Uint8Array(bytes.length + 3).subarray(3);
  shifted.set(bytes);
  expect(readIpc(shifted).numRows).toBe(6);
  expect(readRuns(shifted).ids).toEqual(["a0", "b0", "c0", "a1", "b1", "c1"]);
});

test("a dictionary holding a null reads as missing where a row points at it", () => {
  // Rows point at ["adam", null]: index 1 is the dictionary's own null, not a null row.
  const type = new Dictionary(new Utf8(), new Int32());
  const opt = makeVector(makeData({ type, length: 3, nullCount: 0, data: Int32Array.of(0, 1, 0), dictionary: vectorFromArray(["adam", null], new Utf8()) }));
  const table = new Table({ run_id: vectorFromArray(["a", "b", "c"], new Utf8()), opt });
  for (const input of [table, tableToIPC(table, "stream")]) {
    expect(readColumns(input, "runs").columns[1].codes!()).toEqual({ labels: ["adam"], codes: Int32Array.of(0, -1, 0) });
  }
});
