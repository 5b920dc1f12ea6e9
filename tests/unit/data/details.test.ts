import { tableFromArrays, tableFromIPC, tableToIPC } from "apache-arrow";
import * as aq from "arquero";
import fs from "node:fs";
import path from "node:path";
import { readDetails, type Details } from "../../../src/data/details";
import { RunsDataError } from "../../../src/data/errors";

/** A details table's value of a field in a run, looked up by id and path. */
function valueOf(details: Details, id: string, fieldPath: string): string | null | undefined {
  const field = details.paths.indexOf(fieldPath);
  return field < 0 ? undefined : details.values[field][details.ids.indexOf(id)];
}

const rows = [
  { run_id: "a", path: "hyperparameters/lr", value: "0.1" },
  { run_id: "a", path: "execution/source code", value: "import torch\nprint(1)\n" },
  { run_id: "b", path: "hyperparameters/lr", value: "0.01" },
  { run_id: "b", path: "general/note", value: "" },
  { run_id: "a", path: "hyperparameters/batch", value: "64" },
];

describe("details table", () => {
  test("a field per path, a column per run, absent values null and empty text kept", () => {
    const details = readDetails(rows);
    expect(details.ids).toEqual(["a", "b"]);
    expect(details.names).toEqual(["a", "b"]);
    expect(valueOf(details, "a", "hyperparameters/lr")).toBe("0.1");
    expect(valueOf(details, "b", "hyperparameters/lr")).toBe("0.01");
    expect(valueOf(details, "a", "execution/source code")).toBe("import torch\nprint(1)\n");
    expect(valueOf(details, "b", "execution/source code")).toBeNull();
    expect(valueOf(details, "b", "general/note")).toBe("");
    expect(valueOf(details, "a", "general/note")).toBeNull();
  });

  test("a section's fields come together, sections in order of first appearance", () => {
    expect(readDetails(rows).paths).toEqual(["hyperparameters/lr", "hyperparameters/batch", "execution/source code", "general/note"]);
  });

  test("nested sections keep their place among their siblings", () => {
    const details = readDetails(["a/x", "b/y", "a/sub/p", "a/z", "a/sub/q", "top"].map((p) => ({ run_id: "r", path: p, value: "1" })));
    expect(details.paths).toEqual(["a/x", "a/sub/p", "a/sub/q", "a/z", "b/y", "top"]);
  });

  test("keys made of NUL bytes and digits are fields like any other: none hides another", () => {
    // The order was once kept with "\u0000" + index placeholder keys, which such a key overwrote.
    const paths = ["a/x", "\u00000", "\u00001", "a/\u00000", "b", "\u0000"];
    const details = readDetails(
      paths.flatMap((p, i) => [
        { run_id: "r1", path: p, value: "1" },
        { run_id: "r2", path: p, value: String(i) },
      ]),
    );
    expect(details.paths).toEqual(["a/x", "a/\u00000", "\u00000", "\u00001", "b", "\u0000"]);
    expect(details.values.map((values) => values[1])).toEqual(["0", "3", "1", "2", "4", "5"]);
  });

  test("150,000 fields of one section and a path 10,000 sections deep are ordered", () => {
    const many = readDetails({ r: Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`f${i}`, i])) });
    expect(many.paths.length).toBe(150_000);
    expect(many.paths[149_999]).toBe("f149999");
    const deep = readDetails([{ run_id: "r", path: "s/".repeat(10_000) + "leaf", value: "1" }]);
    expect(deep.paths).toEqual(["s/".repeat(10_000) + "leaf"]);
  });

  test("Arrow table, IPC bytes and arquero read the same as records", () => {
    const columns = { run_id: rows.map((r) => r.run_id), path: rows.map((r) => r.path), value: rows.map((r) => r.value) };
    const expected = readDetails(rows);
    const arrow = tableFromArrays(columns);
    expect(readDetails(arrow)).toEqual(expected);
    expect(readDetails(tableToIPC(arrow, "stream"))).toEqual(expected);
    expect(readDetails(tableToIPC(arrow, "file").buffer as ArrayBuffer)).toEqual(expected);
    expect(readDetails(aq.table(columns))).toEqual(expected);
  });

  test("a name column labels the runs", () => {
    const details = readDetails([
      { run_id: "a", name: null, path: "x", value: "1" },
      { run_id: "a", name: "first run", path: "y", value: "2" },
      { run_id: "b", name: "second run", path: "x", value: "1" },
    ]);
    expect(details.names).toEqual(["first run", "second run"]);
  });

  test("values that are not text become text; null is absent", () => {
    const details = readDetails([
      { run_id: "a", path: "n", value: 3 },
      { run_id: "b", path: "n", value: null },
    ]);
    expect(details.values[0]).toEqual(["3", null]);
  });

  test("hostile strings are kept as they are", () => {
    const details = readDetails([{ run_id: "<img src=x onerror=alert(1)>", path: "cfg/x", value: "</script><script>alert(1)</script>" }]);
    expect(details.ids).toEqual(["<img src=x onerror=alert(1)>"]);
    expect(details.values[0]).toEqual(["</script><script>alert(1)</script>"]);
  });
});

describe("bad details tables name the column and the fix", () => {
  const cases: [string, unknown, string][] = [
    ["empty table", [], "details table is empty: pass at least one row (run_id, path, value)."],
    [
      "no value column",
      [{ run_id: "a", path: "x", text: "1" }],
      'details table has no "value" column (columns: run_id, path, text): details need run_id, path and value columns, one row per run and field.',
    ],
    ["numeric run ids", [{ run_id: 1, path: "x", value: "1" }], 'column "run_id" of the details holds numbers: it must hold strings.'],
    ["numeric paths", [{ run_id: "a", path: 3, value: "1" }], 'column "path" of the details holds numbers: it must hold strings.'],
    [
      "missing run id",
      [
        { run_id: "a", path: "x", value: "1" },
        { run_id: null, path: "x", value: "1" },
      ],
      'column "run_id" of the details is missing a value at row 1: every row needs a run_id and a path.',
    ],
    ["empty path", [{ run_id: "a", path: "", value: "1" }], 'column "path" of the details is missing a value at row 0: every row needs a run_id and a path.'],
    [
      "a run with two values at one path",
      [
        { run_id: "a", path: "x", value: "1" },
        { run_id: "b", path: "x", value: "1" },
        { run_id: "a", path: "x", value: "2" },
      ],
      'the details have two values for run "a" at path "x" (rows 0 and 2): give each run one value per path.',
    ],
    [
      "a run whose fields are not a mapping",
      { a: { x: 1 }, b: [1, 2] },
      'the fields of run "b" must be a mapping of names to values (nested mappings become sections); got an array.',
    ],
    ["a run with no fields", { a: { x: 1 }, b: {} }, 'run "b" has no fields: give each run at least one field, or leave the run out.'],
    ["no runs", {}, "details table is empty: pass at least one row (run_id, path, value)."],
    [
      "not a table",
      42,
      "details must be nested objects per run, a details table (run_id, path, value) or a runs table, as an Arrow Table, Arrow IPC bytes, an arquero table or an array of objects; got number.",
    ],
  ];
  test.each(cases)("%s", (_, input, message) => {
    expect(() => readDetails(input as never)).toThrow(new RunsDataError(message));
  });
});

describe("nested objects per run", () => {
  const details = readDetails({
    "run-a": { optimizer: { name: "adam", lr: 0.001, betas: [0.9, 0.999] }, epochs: 10, script: "a\nb", flags: {}, off: false, none: null },
    "run-b": { optimizer: { name: "sgd", lr: 0.1 }, epochs: 10, script: "a\nc" },
  });

  test("nested keys join with /, lists and scalars become text, multi-line strings kept", () => {
    expect(details.paths).toEqual(["optimizer/name", "optimizer/lr", "optimizer/betas", "epochs", "script", "flags", "off", "none"]);
    expect(details.values).toEqual([
      ["adam", "sgd"],
      ["0.001", "0.1"],
      ["[0.9,0.999]", null],
      ["10", "10"],
      ["a\nb", "a\nc"],
      ["{}", null],
      ["false", null],
      [null, null],
    ]);
  });
});

describe("runs table", () => {
  const file = path.join(__dirname, "../../../examples/data/runs.arrow");
  const table = tableFromIPC(fs.readFileSync(file));
  const details = readDetails(table);

  test("params, metrics and tags become sections; other columns go under general; run_id and name do not", () => {
    const sections = [...new Set(details.paths.map((p) => p.split("/")[0]))];
    expect(sections).toEqual(["params", "metrics", "tags", "general"]);
    const expected = table.schema.fields
      .map((f) => f.name)
      .filter((name) => name !== "run_id" && name !== "name")
      .map((name) => (/^(params|metrics|tags)\./.test(name) ? name.replace(".", "/") : `general/${name}`));
    expect([...details.paths].sort()).toEqual(expected.sort());
  });

  test("values read as text: numbers as written, timestamps as ISO, names label the runs", () => {
    const first = table.get(0)!.toJSON();
    const id = first.run_id as string;
    expect(details.names[0]).toBe(first.name);
    expect(valueOf(details, id, "params/lr")).toBe(String(first["params.lr"]));
    expect(valueOf(details, id, "params/hidden")).toBe(String(first["params.hidden"]));
    expect(valueOf(details, id, "metrics/validation/accuracy")).toBe(String(first["metrics.validation/accuracy"]));
    expect(valueOf(details, id, "general/start_time")).toBe(new Date(first.start_time as number).toISOString());
  });

  test("NaN in a runs table is a missing value", () => {
    const runs = readDetails([
      { run_id: "a", "metrics.acc": 0.5 },
      { run_id: "b", "metrics.acc": NaN },
    ]);
    expect(runs.values[0]).toEqual(["0.5", null]);
  });

  test("a bad runs table fails with the runs table's message", () => {
    expect(() => readDetails([{ run_id: "a" }, { run_id: "a" }])).toThrow('column "run_id" has the id "a" twice (rows 0 and 1): run ids must be unique.');
  });
});
