import {
  Dictionary,
  Field,
  Int32,
  List,
  RecordBatch,
  Schema,
  Table,
  TimestampMicrosecond,
  TimestampSecond,
  Utf8,
  makeData,
  makeVector,
  tableFromArrays,
  tableToIPC,
  vectorFromArray,
} from "apache-arrow";
import * as aq from "arquero";
import cases from "../../contract/cases.json";
import { openRuns, readRuns, type CategoricalColumn } from "../../../src/data/runs";
import { RunsDataError } from "../../../src/data/errors";

describe("contract: bad runs tables", () => {
  test.each(cases.cases as { case: string; records: unknown[]; error: string }[])("$case", ({ records, error }) => {
    expect(() => readRuns(records as Record<string, unknown>[])).toThrow(new RunsDataError(error));
  });

  test.each(cases.notes as { case: string; records: Record<string, unknown>[]; ids: string[]; note: string }[])(
    "read with a note: $case",
    ({ records, ids, note }) => {
      const runs = readRuns(records);
      expect(runs.ids).toEqual(ids);
      expect(runs.notes).toEqual([note]);
    },
  );

  test("input that is not a table names what it got", () => {
    expect(() => readRuns(42 as never)).toThrow("runs must be an Arrow Table, Arrow IPC bytes, an arquero table or an array of objects; got number.");
  });

  test("truncated Arrow bytes", () => {
    const bytes = tableToIPC(tableFromArrays({ run_id: ["a", "b"] }), "stream");
    expect(() => readRuns(bytes.slice(0, 40))).toThrow(/^runs bytes are not a readable Arrow IPC stream or file/);
  });

  test("binary params cannot be shown", () => {
    expect(() => readRuns([{ run_id: "a", "params.blob": new Uint8Array([1]) }])).toThrow(
      'column "params.blob" holds binary, which runcompare cannot show: drop the column or convert it to text.',
    );
  });

  test("a long column list is cut", () => {
    const record = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i}`, i]));
    expect(() => readRuns([record])).toThrow(/columns: c0, c1, c2, c3, c4, c5, c6, c7, … \(10 in all\)\)/);
  });
});

describe("numeric and categorical detection", () => {
  const runs = readRuns([
    { run_id: "a", "params.lr": 0.1, "params.opt": "adam", "params.flag": true, "params.mlflow_lr": "1e-3", "params.layers": [1, 2], "metrics.acc": 0.9 },
    { run_id: "b", "params.lr": null, "params.opt": "sgd", "params.flag": false, "params.mlflow_lr": "nan", "params.layers": [3], "metrics.acc": NaN },
    { run_id: "c", "params.lr": 0.001, "params.opt": null, "params.flag": null, "params.mlflow_lr": "-inf", "params.layers": null, "metrics.acc": Infinity },
  ]);

  test("numbers are numeric, with NaN for missing and non-finite values kept", () => {
    const lr = runs.column("lr");
    expect(lr?.kind).toBe("numeric");
    expect(Array.from(lr!.values as Float64Array)).toEqual([0.1, NaN, 0.001]);
    expect(Array.from(runs.column("metrics.acc")!.values as Float64Array)).toEqual([0.9, NaN, Infinity]);
  });

  test("text that is all numbers (MLflow params) is numeric", () => {
    const column = runs.column("params.mlflow_lr");
    expect(column?.kind).toBe("numeric");
    expect(Array.from(column!.values as Float64Array)).toEqual([0.001, NaN, -Infinity]);
  });

  test("strings, booleans and lists are categorical with sorted categories", () => {
    expect(runs.column("opt")).toMatchObject({ kind: "categorical", values: ["adam", "sgd", null], categories: ["adam", "sgd"] });
    expect(runs.column("flag")).toMatchObject({ kind: "categorical", values: ["true", "false", null], categories: ["false", "true"] });
    expect(runs.column("layers")).toMatchObject({ kind: "categorical", values: ["[1,2]", "[3]", null] });
  });

  test("roles and keys come from the column prefix", () => {
    expect(runs.columns.map((c) => [c.role, c.key])).toEqual([
      ["param", "lr"],
      ["param", "opt"],
      ["param", "flag"],
      ["param", "mlflow_lr"],
      ["param", "layers"],
      ["metric", "acc"],
    ]);
  });

  test("categories sort numerically inside text", () => {
    const sizes = readRuns(["h10", "h2", "h1"].map((size, i) => ({ run_id: `r${i}`, "params.size": size })));
    expect((sizes.column("size") as CategoricalColumn).categories).toEqual(["h1", "h2", "h10"]);
  });

  test("numbers beside words (MLflow's tol: 0.001, 1e-05, None) sort by value, before the words", () => {
    const tol = readRuns(["None", "0.001", "1e-05", "0.0001", "auto", "0.001", "-1"].map((v, i) => ({ run_id: `r${i}`, "params.tol": v })));
    expect((tol.column("tol") as CategoricalColumn).categories).toEqual(["-1", "1e-05", "0.0001", "0.001", "auto", "None"]);
  });
});

describe("accepted inputs read the same", () => {
  const records = [
    { run_id: "a", name: "first", "params.lr": 0.1, "params.opt": "adam", "metrics.acc": 0.5 },
    { run_id: "b", name: null, "params.lr": 0.01, "params.opt": "sgd", "metrics.acc": 0.75 },
  ];
  const fromRecords = readRuns(records);
  const arrow = tableFromArrays({
    run_id: ["a", "b"],
    name: ["first", null] as unknown as string[],
    "params.lr": Float64Array.from([0.1, 0.01]),
    "params.opt": ["adam", "sgd"],
    "metrics.acc": Float64Array.from([0.5, 0.75]),
  });
  const shape = (runs: ReturnType<typeof readRuns>) => ({
    ids: runs.ids,
    names: runs.names,
    columns: runs.columns.map((c) => ({ name: c.name, kind: c.kind, values: Array.from(c.values as ArrayLike<unknown>) })),
  });

  test("names fall back to the run id", () => expect(fromRecords.names).toEqual(["first", "b"]));
  test("Arrow Table", () => expect(shape(readRuns(arrow))).toEqual(shape(fromRecords)));
  test("Arrow IPC stream and file bytes", () => {
    expect(shape(readRuns(tableToIPC(arrow, "stream")))).toEqual(shape(fromRecords));
    expect(shape(readRuns(tableToIPC(arrow, "file").buffer as ArrayBuffer))).toEqual(shape(fromRecords));
  });
  test("arquero table", () => expect(shape(readRuns(aq.from(records)))).toEqual(shape(fromRecords)));
  test("MLflow run name tag labels runs", () => {
    expect(readRuns([{ run_id: "x", "tags.mlflow.runName": "bright-owl" }]).names).toEqual(["bright-owl"]);
  });
  test("lookup by id", () => expect([fromRecords.rowOf("b"), fromRecords.rowOf("zz")]).toEqual([1, -1]));
});

test("bytes that are no Arrow at all are named so, not read as an empty table", () => {
  expect(() => readRuns(new Uint8Array([0xff, 0xff, 0xff, 0xff, 1, 2, 3]))).toThrow(
    "runs bytes are not a readable Arrow IPC stream or file (the message at byte 0 is cut off after its marker).",
  );
  expect(() => readRuns(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]))).toThrow(
    "runs bytes are not a readable Arrow IPC stream or file (no columns found in the bytes).",
  );
});

describe("dictionary-encoded text columns are read through their codes", () => {
  const dictionaryColumn = (values: (string | null)[]) => vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));

  test("as categories: the values per row, nulls missing, only categories in use", () => {
    const table = new Table({
      run_id: vectorFromArray(["a", "b", "c", "d"], new Utf8()),
      "params.optimizer": dictionaryColumn(["sgd", null, "adam", "sgd"]),
    });
    const column = readRuns(tableToIPC(table, "stream")).column("optimizer") as CategoricalColumn;
    expect(column.kind).toBe("categorical");
    expect(column.values).toEqual(["sgd", null, "adam", "sgd"]);
    expect(column.categories).toEqual(["adam", "sgd"]);
  });

  test("as numbers when every value is a number written as text, as MLflow stores params", () => {
    const table = new Table({
      run_id: vectorFromArray(["a", "b", "c"], new Utf8()),
      "params.lr": dictionaryColumn(["0.1", null, "1e-3"]),
    });
    const column = readRuns(tableToIPC(table, "stream")).column("lr")!;
    expect(column.kind).toBe("numeric");
    expect(Array.from(column.values as Float64Array)).toEqual([0.1, NaN, 0.001]);
  });
});

describe("Arrow columns read in one pass read as Arrow JS reads them value by value", () => {
  test("utf8: ASCII and other text, nulls, several batches", () => {
    const batch = (ids: string[], names: (string | null)[]) =>
      new Table({ run_id: vectorFromArray(ids, new Utf8()), name: vectorFromArray(names, new Utf8()) });
    const table = batch(["a", "b"], ["plain", null]).concat(batch(["c", "d"], ["ümlaut — ✓", "تجربة"]));
    const runs = readRuns(tableToIPC(table, "stream"));
    expect(runs.ids).toEqual(["a", "b", "c", "d"]);
    expect(runs.names).toEqual(["plain", "b", "ümlaut — ✓", "تجربة"]);
  });

  test("utf8: malformed bytes, characters of every length and sequences cut between values read as each value's own decoding", () => {
    // Byte pieces: ASCII, characters of 2, 3 and 4 bytes, lone continuation and lead bytes, bytes
    // UTF-8 never uses, a BOM, and a 3-byte character whose bytes are split between two values.
    const pieces = [
      [0x61],
      [0x7a, 0x30],
      [0xc3, 0xbc],
      [0xe2, 0x80, 0x94],
      [0xf0, 0x9f, 0x98, 0x80],
      [0x80],
      [0xbf],
      [0xc2],
      [0xe2, 0x82],
      [0xac],
      [0xff],
      [0xc0, 0xaf],
      [0xef, 0xbb, 0xbf],
      [0xed, 0xa0, 0x80],
    ];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let trial = 0; trial < 200; trial++) {
      const values = Array.from({ length: 1 + random(6) }, () =>
        Uint8Array.from(Array.from({ length: random(4) }, () => pieces[random(pieces.length)]).flat()),
      );
      const offsets = Int32Array.from([0, ...values.map((_, i) => values.slice(0, i + 1).reduce((sum, v) => sum + v.length, 0))]);
      const bytes = Uint8Array.from(values.flatMap((v) => [...v]));
      const name = makeVector(makeData({ type: new Utf8(), length: values.length, valueOffsets: offsets, data: bytes }));
      const table = new Table({
        run_id: vectorFromArray(
          values.map((_, i) => `r${i}`),
          new Utf8(),
        ),
        name,
      });
      const decoder = new TextDecoder();
      const expected = values.map((v) => decoder.decode(v));
      expect(readRuns(tableToIPC(table, "stream")).names).toEqual(expected);
    }
  });

  test("lists of text become categories of their JSON text, as lists of other values do", () => {
    const tags = vectorFromArray([["fp16", "baseline"], [], null, ["fp16", "baseline"], ["é"]], new List(new Field("item", new Utf8(), true)));
    const table = new Table({ run_id: vectorFromArray(["a", "b", "c", "d", "e"], new Utf8()), tags });
    const column = readRuns(tableToIPC(table, "stream")).column("tags") as CategoricalColumn;
    expect(column.values).toEqual(['["fp16","baseline"]', "[]", null, '["fp16","baseline"]', '["é"]']);
    expect(column.values).toEqual(readRuns([...table].map((row) => row.toJSON())).column("tags")!.values);
  });

  test("timestamps of every unit as epoch milliseconds, nulls missing", () => {
    const stamps = (type: TimestampSecond | TimestampMicrosecond, values: bigint[]) =>
      makeVector(makeData({ type, length: values.length, data: BigInt64Array.from(values), nullBitmap: Uint8Array.of(0b101) }));
    const table = new Table({
      run_id: vectorFromArray(["a", "b", "c"], new Utf8()),
      start_time: stamps(new TimestampSecond(), [1_700_000_000n, 0n, -5n]),
      end_time: stamps(new TimestampMicrosecond(), [1_700_000_000_123_456n, 0n, 7n]),
    });
    const runs = readRuns(tableToIPC(table, "stream"));
    expect(Array.from(runs.column("start_time")!.values as Float64Array)).toEqual([1_700_000_000_000, NaN, -5000]);
    expect(Array.from(runs.column("end_time")!.values as Float64Array)).toEqual([table.getChild("end_time")!.get(0), NaN, 0.007]);
  });
});

describe("openRuns", () => {
  test("checks ids at once and types each column when first asked, once", () => {
    const open = openRuns([{ run_id: "a", "params.lr": "0.1", "metrics.acc": "high" }]);
    expect(open.fields.map((f) => [f.name, f.role, f.type])).toEqual([
      ["params.lr", "param", "strings"],
      ["metrics.acc", "metric", "strings"],
    ]);
    expect(open.column("params.lr")).toBe(open.column("params.lr"));
    expect(open.column("params.lr")!.kind).toBe("numeric");
    expect(() => open.column("metrics.acc")).toThrow('column "metrics.acc" holds strings such as "high"');
    expect(open.column("nope")).toBeNull();
  });

  test("the same errors as readRuns for bad ids", () => {
    expect(() => openRuns([{ run_id: "a" }, { run_id: "a" }])).toThrow('column "run_id" has the id "a" twice (rows 0 and 1)');
  });
});

describe("numbers in columns named as times", () => {
  const START = Date.UTC(2024, 2, 1);
  const runs = readRuns([
    { run_id: "a", start_time: START, end_time: START + 900_000, created: START / 1000, "metrics.epoch_time": START, "tags.logged_at": (START / 1000) * 1e9 },
    { run_id: "b", start_time: START + 60_000, end_time: null, created: START / 1000 + 60, "metrics.epoch_time": START, "tags.logged_at": null },
  ]);

  test("milliseconds since 1970 (MLflow's start_time, end_time) are times, said once per unit", () => {
    const start = runs.column("start_time")!;
    expect(start).toMatchObject({ kind: "numeric", temporal: true });
    expect(Array.from(start.values as Float64Array)).toEqual([START, START + 60_000]);
    expect(Array.from(runs.column("end_time")!.values as Float64Array)).toEqual([START + 900_000, NaN]);
    expect(runs.notes).toContain('"start_time" and "end_time" hold milliseconds since 1970: shown as dates (UTC).');
  });

  test("nanoseconds in a column named as a time are converted to milliseconds", () => {
    expect(Array.from(runs.column("tags.logged_at")!.values as Float64Array)).toEqual([START, NaN]);
    expect(runs.notes).toContain('"tags.logged_at" holds nanoseconds since 1970: shown as dates (UTC).');
  });

  test("metrics and columns not named as times stay numbers", () => {
    expect(runs.column("metrics.epoch_time")).toMatchObject({ temporal: false });
    expect(runs.column("created")).toMatchObject({ temporal: false });
  });
});

describe("a key that is both a param and a metric", () => {
  const runs = readRuns([{ run_id: "a", "params.epoch": "10", "metrics.epoch": 9, "params.lr": 0.1 }]);

  test("is labelled by full names where the keys clash, by key elsewhere", () => {
    expect(runs.columns.map((c) => c.label)).toEqual(["params.epoch", "metrics.epoch", "lr"]);
  });

  test("by its bare name is an error naming both; by its full name it is found", () => {
    expect(() => runs.column("epoch")).toThrow(
      new RunsDataError('"epoch" names 2 columns, "params.epoch" and "metrics.epoch": pass the full name of the one you mean.'),
    );
    expect(runs.column("metrics.epoch")!.name).toBe("metrics.epoch");
    expect(runs.column("lr")!.name).toBe("params.lr");
  });
});

describe("notes a table carries from Python (Arrow schema metadata)", () => {
  const withMetadata = (notes: string) => {
    const plain = tableFromArrays({ run_id: ["1", "2"] });
    const schema = new Schema(plain.schema.fields, new Map([["runcompare.notes", notes]]));
    return tableToIPC(
      new Table(
        schema,
        plain.batches.map((batch) => new RecordBatch(schema, batch.data)),
      ),
      "stream",
    );
  };

  test("are the view's notes, first", () => {
    const note = 'column "run_id" holds numbers: they are read as text ("1", "2"), and selections hold them as text.';
    expect(readRuns(withMetadata(JSON.stringify([note]))).notes).toEqual([note]);
  });

  test("anything but a JSON list of texts is left out", () => {
    expect(readRuns(withMetadata("not json")).notes).toEqual([]);
    expect(readRuns(withMetadata(JSON.stringify([1, "kept", null]))).notes).toEqual(["kept"]);
    expect(readRuns(withMetadata(JSON.stringify({ a: 1 }))).notes).toEqual([]);
  });
});
