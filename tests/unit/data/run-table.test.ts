import * as aq from "arquero";
import { Field, List, Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";
import { openRunTable } from "../../../src/data/run-table";
import { histogram, keptRows, textPattern, valueCounts, type RowFilter } from "../../../src/data/row-filters";

const HOSTILE = "<img src=x onerror=alert(1)>";
const runs = [
  {
    run_id: "r1",
    name: "alpha",
    status: "FINISHED",
    start_time: new Date("2026-01-01T00:00:00Z"),
    end_time: new Date("2026-01-01T01:30:00Z"),
    "params.optimizer/lr": "0.1",
    "params.optimizer/name": "adam",
    "params.layers": 2,
    "metrics.acc": 0.5,
    "tags.team": "nlp",
    "tags.mlflow.user": "ann",
    tags: ["fp16", "baseline"],
  },
  {
    run_id: "r2",
    name: "beta",
    status: "RUNNING",
    start_time: new Date("2026-01-02T00:00:00Z"),
    end_time: null,
    "params.optimizer/lr": "0.01",
    "params.optimizer/name": "sgd",
    "params.layers": 4,
    "metrics.acc": NaN,
    "tags.team": HOSTILE,
    "tags.mlflow.user": "bob",
    tags: ["fp16"],
  },
  {
    run_id: "r3",
    name: "gamma",
    status: "FAILED",
    start_time: new Date("2026-01-03T00:00:00Z"),
    end_time: new Date("2026-01-03T00:00:05Z"),
    "params.optimizer/lr": "nan",
    "params.optimizer/name": null,
    "params.layers": 2,
    "metrics.acc": 0.9,
    "tags.team": "vision",
    "tags.mlflow.user": "ann",
    tags: [],
  },
  {
    run_id: "r4",
    name: "delta",
    status: "FINISHED",
    start_time: new Date("2026-01-04T00:00:00Z"),
    end_time: new Date("2026-01-04T00:10:00Z"),
    "params.optimizer/lr": "0.001",
    "params.optimizer/name": "adam",
    "params.layers": null,
    "metrics.acc": 0.9,
    "tags.team": null,
    "tags.mlflow.user": "cy",
    tags: null,
  },
];
/** Two series; r1 reports loss at step 2 twice (the later time wins), r3 reports only NaN for acc/val. */
const scalars = [
  { run_id: "r1", metric: "loss", variant: "train", step: 0, time: 1, value: 2 },
  { run_id: "r1", metric: "loss", variant: "train", step: 2, time: 5, value: 0.7 },
  { run_id: "r1", metric: "loss", variant: "train", step: 2, time: 3, value: 0.4 },
  { run_id: "r1", metric: "loss", variant: "train", step: 1, time: 2, value: 0.1 },
  { run_id: "r2", metric: "loss", variant: "train", step: 0, time: 1, value: NaN },
  { run_id: "r2", metric: "loss", variant: "train", step: 7, time: 9, value: 3 },
  { run_id: "r3", metric: "acc", variant: "val", step: 10, time: 1, value: NaN },
  { run_id: "r4", metric: "acc", variant: "val", step: 3, time: 1, value: 0.8 },
  { run_id: "r4", metric: "acc", variant: "val", step: 4, time: 1, value: 0.6 },
];
const table = openRunTable(runs, scalars);
const all = () => new Uint8Array(table.count).fill(1);
const ids = (kept: Uint8Array) => table.ids.filter((_, row) => kept[row]);

describe("columns", () => {
  test("sections, labels and kinds, attributes first and params by section", () => {
    const shape = table.columns.map((c) => [c.id, c.section.join("/"), c.label, c.kind, c.hidden]);
    expect(shape.slice(0, 9)).toEqual([
      ["name", "run", "name", "text", false],
      ["status", "run", "status", "status", false],
      ["start_time", "run", "start_time", "time", false],
      ["duration", "run", "duration", "duration", false],
      ["end_time", "run", "end_time", "time", true],
      ["tags", "run", "tags", "tags", false],
      ["last_step", "run", "last step", "number", false],
      ["params.optimizer/lr", "params/optimizer", "lr", "number", false],
      ["params.optimizer/name", "params/optimizer", "name", "text", false],
    ]);
    expect(shape.find(([id]) => id === "tags.mlflow.user")).toEqual(["tags.mlflow.user", "tags", "mlflow.user", "text", true]);
    expect(shape.filter(([id]) => String(id).startsWith("loss/train:")).map((c) => [c[0], c[2], c[4]])).toEqual([
      ["loss/train:last", "loss/train (last)", false],
      ["loss/train:min", "loss/train (min)", true],
      ["loss/train:max", "loss/train (max)", true],
    ]);
  });

  test("LAST, MIN and MAX of each series as worked out by hand: last by step then latest time, NaN ignored by min and max", () => {
    const values = (id: string) => Array.from(table.column(id)!.numbers());
    expect(values("loss/train:last")).toEqual([0.7, 3, NaN, NaN]);
    expect(values("loss/train:min")).toEqual([0.1, 3, NaN, NaN]);
    expect(values("loss/train:max")).toEqual([2, 3, NaN, NaN]);
    expect(values("acc/val:last")).toEqual([NaN, NaN, NaN, 0.6]);
    expect(values("acc/val:min")).toEqual([NaN, NaN, NaN, 0.6]);
    expect(values("acc/val:max")).toEqual([NaN, NaN, NaN, 0.8]);
    expect(values("last_step")).toEqual([2, 7, 10, 4]);
  });

  test("durations: end minus start, until now for a running run", () => {
    const before = Date.now();
    const duration = table.column("duration")!.numbers();
    expect([duration[0], duration[2], duration[3]]).toEqual([90 * 60_000, 5000, 600_000]);
    expect(duration[1]).toBeGreaterThanOrEqual(before - Date.parse("2026-01-02T00:00:00Z"));
  });

  test("tags from a list column, and text sorted with numbers in numeric order", () => {
    const tags = table.column("tags")!;
    expect([0, 1, 2, 3].map((row) => tags.tags(row))).toEqual([["fp16", "baseline"], ["fp16"], [], []]);
    expect(Array.from(table.column("params.optimizer/name")!.sortKey())).toEqual([0, 1, NaN, 0]);
  });

  test("search looks at list tags and tags.* columns, not MLflow's own", () => {
    expect(table.searched.map((c) => c.id)).toEqual(["tags", "tags.team"]);
  });

  test("an arquero table and Arrow bytes read as the records do", () => {
    const numbers = (t: ReturnType<typeof openRunTable>) => Array.from(t.column("metrics.acc")!.numbers());
    const records = runs.map(({ tags: _tags, ...rest }) => rest);
    expect(numbers(openRunTable(aq.from(records)))).toEqual(numbers(table));
    const arrow = new Table({
      run_id: vectorFromArray(["a", "b"], new Utf8()),
      tags: vectorFromArray([["x"], ["y", "x"]], new List(new Field("item", new Utf8(), true))),
    });
    const fromBytes = openRunTable(tableToIPC(arrow, "stream"));
    expect([fromBytes.column("tags")!.tags(0), fromBytes.column("tags")!.tags(1)]).toEqual([["x"], ["y", "x"]]);
  });

  test("a column that mixes numbers and text is the contract's error", () => {
    expect(() =>
      openRunTable([
        { run_id: "a", "params.x": 1 },
        { run_id: "b", "params.x": "two" },
      ]),
    ).toThrow('column "params.x" mixes numbers and strings: give every value of a column one type, for example all strings.');
  });

  test("text metrics are checked before anything is drawn", () => {
    expect(() => openRunTable([{ run_id: "a", "metrics.acc": "good" }])).toThrow('column "metrics.acc" holds strings such as "good"');
  });
});

describe("filters", () => {
  const kept = (filters: RowFilter[], search = "") => ids(keptRows(table, filters, search));

  test("a range keeps numbers inside it, both ends included, and drops missing values", () => {
    expect(kept([{ column: "params.optimizer/lr", kind: "range", min: 0.01, max: 0.1 }])).toEqual(["r1", "r2"]);
    expect(kept([{ column: "metrics.acc", kind: "range", min: null, max: 0.5 }])).toEqual(["r1"]);
    expect(kept([{ column: "metrics.acc", kind: "range", min: 0.6, max: null }])).toEqual(["r3", "r4"]);
  });

  test("a value set keeps runs with one of the values; null stands for runs without one", () => {
    expect(kept([{ column: "params.optimizer/name", kind: "values", values: ["sgd", null] }])).toEqual(["r2", "r3"]);
    expect(kept([{ column: "tags", kind: "values", values: ["baseline"] }])).toEqual(["r1"]);
    expect(kept([{ column: "tags", kind: "values", values: [null] }])).toEqual(["r4"]);
  });

  test("text: any case as written, or /regex/ with its flags; a bad pattern keeps every run", () => {
    expect(kept([{ column: "name", kind: "text", text: "ALP" }])).toEqual(["r1"]);
    expect(kept([{ column: "name", kind: "text", text: "/^(beta|delta)$/" }])).toEqual(["r2", "r4"]);
    expect(kept([{ column: "name", kind: "text", text: "/A/" }])).toEqual([]);
    expect(kept([{ column: "name", kind: "text", text: "/A/i" }])).toEqual(["r1", "r2", "r3", "r4"]);
    expect(kept([{ column: "tags.team", kind: "text", text: "<img" }])).toEqual(["r2"]);
    expect(kept([{ column: "tags", kind: "text", text: "/^fp/" }])).toEqual(["r1", "r2"]);
    expect(kept([{ column: "name", kind: "text", text: "/(/" }])).toEqual(["r1", "r2", "r3", "r4"]);
  });

  test("filters combine with AND, and with the search over names and tags", () => {
    const adam: RowFilter = { column: "params.optimizer/name", kind: "values", values: ["adam"] };
    expect(kept([adam, { column: "metrics.acc", kind: "range", min: 0.8, max: 1 }])).toEqual(["r4"]);
    expect(kept([], "fp16")).toEqual(["r1", "r2"]);
    expect(kept([], "VISION")).toEqual(["r3"]);
    expect(kept([], "ann")).toEqual([]);
    expect(kept([adam], "/^(alpha|gamma)$/")).toEqual(["r1"]);
  });

  test("filters on columns the table lacks are ignored", () => {
    expect(kept([{ column: "params.nope", kind: "values", values: ["x"] }])).toEqual(["r1", "r2", "r3", "r4"]);
  });

  test("textPattern: literal text escapes regex characters; /…/ keeps its flags but g and y", () => {
    expect(textPattern("a.b")!.test("axb")).toBe(false);
    expect(textPattern("  ")).toBeNull();
    expect(textPattern("/a.b/gi")!.flags).toBe("i");
  });
});

describe("facets", () => {
  test("value counts over the kept runs, most common first, tags one by one", () => {
    expect(valueCounts(table.column("params.optimizer/name")!, all())).toEqual([
      { value: "adam", count: 2 },
      { value: "sgd", count: 1 },
      { value: null, count: 1 },
    ]);
    expect(valueCounts(table.column("tags")!, Uint8Array.of(1, 1, 1, 0))).toEqual([
      { value: "fp16", count: 2 },
      { value: "baseline", count: 1 },
    ]);
  });

  test("histograms count finite values in equal bins; positive values over two decades get log bins", () => {
    const values = Float64Array.of(0, 1, 2, 3, 4, NaN, Infinity);
    const linear = histogram(values, Uint8Array.of(1, 0, 1, 0, 1, 1, 1), 4);
    expect(linear.log).toBe(false);
    expect(linear.edges).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(linear.all)).toEqual([1, 1, 1, 2]);
    expect(Array.from(linear.kept)).toEqual([1, 0, 1, 1]);
    const log = histogram(Float64Array.of(1e-4, 2e-3, 3e-2, 1e-1), new Uint8Array(4).fill(1), 3);
    expect(log.log).toBe(true);
    expect(log.edges.map((e) => Number(e.toPrecision(6)))).toEqual([1e-4, 1e-3, 1e-2, 1e-1]);
    expect(Array.from(log.all)).toEqual([1, 1, 2]);
    expect(histogram(Float64Array.of(NaN), Uint8Array.of(1)).edges).toEqual([]);
  });
});

describe("mixed text", () => {
  test("text sorts its numbers by value before its words, as MLflow params with None need", () => {
    const mixed = openRunTable(["1e-05", "None", "0.001", "b10", null, "b9", "-inf", "0.001"].map((tol, i) => ({ run_id: `r${i}`, "params.tol": tol })));
    const column = mixed.column("params.tol")!;
    expect(column.kind).toBe("text");
    expect(column.categories()).toEqual(["-inf", "1e-05", "0.001", "b9", "b10", "None"]);
    expect(Array.from(column.sortKey())).toEqual([1, 5, 2, 4, NaN, 3, 0, 2]);
  });
});
