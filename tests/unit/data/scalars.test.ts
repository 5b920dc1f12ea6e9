import { Dictionary, Int32, RecordBatch, Table, Uint64, Utf8, makeData, makeVector, vectorFromArray } from "apache-arrow";
import { readScalars } from "../../../src/data/scalars";

/** A dictionary column of one batch: int32 indices into the labels, null where the index is null. */
function dictionary(indices: (number | null)[], labels: string[], type = new Dictionary(new Utf8(), new Int32())) {
  const data = Int32Array.from(indices, (i) => i ?? 0);
  const nullBitmap = indices.includes(null)
    ? Uint8Array.from({ length: Math.ceil(indices.length / 8) }, (_, byte) =>
        indices.slice(byte * 8, byte * 8 + 8).reduce<number>((bits, i, k) => (i === null ? bits : bits | (1 << k)), 0),
      )
    : undefined;
  return makeVector(makeData({ type, length: indices.length, data, nullBitmap, dictionary: vectorFromArray(labels, new Utf8()) }));
}

describe("reading 64-bit integer steps", () => {
  test("signed: negative, beyond 2^32 and beyond 2^53 read as Number(bigint) does", () => {
    const steps = [0n, 1n, -1n, 4294967295n, 4294967296n, -4294967297n, 9007199254740993n, -9007199254740995n, 9223372036854775807n, -9223372036854775808n];
    const table = new Table({
      run_id: vectorFromArray(
        steps.map(() => "a"),
        new Utf8(),
      ),
      metric: vectorFromArray(
        steps.map(() => "loss"),
        new Utf8(),
      ),
      step: makeVector(BigInt64Array.from(steps)),
      value: makeVector(new Float64Array(steps.length)),
    });
    // Written out: 2^53 + 1 rounds to even (2^53), -(2^53 + 3) to -(2^53 + 4), 2^63 - 1 up to 2^63.
    const expected = [0, 1, -1, 4294967295, 4294967296, -4294967297, 9007199254740992, -9007199254740996, 9223372036854775808, -9223372036854775808];
    expect(Array.from(readScalars(table).steps)).toEqual(expected);
    expect(expected).toEqual(steps.map(Number));
  });

  test("unsigned: values past 2^63 stay positive", () => {
    const steps = [0n, 18446744073709551615n, 2n ** 63n];
    const table = new Table({
      run_id: vectorFromArray(["a", "a", "a"], new Utf8()),
      metric: vectorFromArray(["loss", "loss", "loss"], new Utf8()),
      step: makeVector({ type: new Uint64(), data: BigUint64Array.from(steps) } as never),
      value: makeVector(new Float64Array(3)),
    });
    expect(Array.from(readScalars(table).steps)).toEqual([0, 18446744073709551616, 9223372036854775808]);
  });

  test("a column sliced from a larger buffer reads its own rows", () => {
    const big = makeVector(BigInt64Array.from([7n, -8n, 9n, 10n]));
    const table = new Table({
      run_id: vectorFromArray(["a", "a"], new Utf8()),
      metric: vectorFromArray(["m", "m"], new Utf8()),
      step: big.slice(1, 3),
      value: makeVector(new Float64Array(2)),
    });
    expect(Array.from(readScalars(table).steps)).toEqual([-8, 9]);
  });
});

describe("reading dictionary-encoded run ids", () => {
  test("labels in order of first use; unused and repeated dictionary values do not show", () => {
    // Dictionary ["unused", "b", "a", "b"], "b" twice: the rows use b, a, b (the second copy), a.
    const labels = ["unused", "b", "a", "b"];
    const table = new Table({
      run_id: dictionary([1, 2, 3, 2], labels),
      metric: dictionary([0, 0, 0, 0], ["loss"]),
      step: makeVector(Float64Array.from([1, 1, 2, 2])),
      value: makeVector(Float64Array.from([1, 2, 3, 4])),
    });
    const scalars = readScalars(table);
    expect(scalars.runIds).toEqual(["b", "a"]);
    expect(Array.from(scalars.runOfRow)).toEqual([0, 1, 0, 1]);
  });

  test("indices already in order of first use are the codes as they are, not a copy", () => {
    const runs = dictionary([0, 1, 0, 2, 1], ["x", "y", "z", "unused"]);
    const table = new Table({
      run_id: runs,
      metric: dictionary([0, 0, 0, 0, 0], ["loss"]),
      step: makeVector(Float64Array.from([1, 1, 2, 1, 2])),
      value: makeVector(Float64Array.from([1, 2, 3, 4, 5])),
    });
    const scalars = readScalars(table);
    expect(scalars.runIds).toEqual(["x", "y", "z"]);
    expect(Array.from(scalars.runOfRow)).toEqual([0, 1, 0, 2, 1]);
    expect(scalars.runOfRow.buffer).toBe(runs.data[0].values.buffer);
  });

  test("in order but with a value repeated in the dictionary: copied, the repeat one code", () => {
    const table = new Table({
      run_id: dictionary([0, 1, 2, 2], ["a", "b", "a"]),
      metric: dictionary([0, 0, 0, 0], ["loss"]),
      step: makeVector(Float64Array.from([1, 1, 2, 3])),
      value: makeVector(Float64Array.from([1, 2, 3, 4])),
    });
    const scalars = readScalars(table);
    expect(scalars.runIds).toEqual(["a", "b"]);
    expect(Array.from(scalars.runOfRow)).toEqual([0, 1, 0, 0]);
  });

  test("batches with different dictionaries map onto one list of labels", () => {
    // One dictionary type (one dictionary id) for both batches, as an IPC stream has.
    const runType = new Dictionary(new Utf8(), new Int32(), 0);
    const metricType = new Dictionary(new Utf8(), new Int32(), 1);
    const batch = (runs: number[], labels: string[]) =>
      new RecordBatch({
        run_id: dictionary(runs, labels, runType).data[0],
        metric: dictionary(
          runs.map(() => 0),
          ["loss"],
          metricType,
        ).data[0],
        step: makeVector(Float64Array.from(runs.map((_, i) => i))).data[0],
        value: makeVector(Float64Array.from(runs.map(() => 1))).data[0],
      });
    // Rows: x, y, then y, z, x.
    const table = new Table([batch([0, 1], ["x", "y"]), batch([1, 0, 2], ["z", "y", "x"])]);
    const scalars = readScalars(table);
    expect(scalars.runIds).toEqual(["x", "y", "z"]);
    expect(Array.from(scalars.runOfRow)).toEqual([0, 1, 1, 2, 0]);
  });

  test("a missing variant is -1, a variant's labels are read the same way", () => {
    const table = new Table({
      run_id: dictionary([0, 0, 0], ["a"]),
      metric: dictionary([0, 0, 0], ["loss"]),
      variant: dictionary([1, null, 0], ["train", "val"]),
      step: makeVector(Float64Array.from([1, 1, 1])),
      value: makeVector(Float64Array.from([1, 2, 3])),
    });
    expect(readScalars(table).series.map((s) => s.key)).toEqual(["loss/val", "loss", "loss/train"]);
  });
});
