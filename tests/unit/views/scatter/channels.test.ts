import { RunsDataError, messages } from "../../../../src/data/errors";
import { columnResolver } from "../../../../src/data/resolve";
import { readRuns } from "../../../../src/data/runs";
import { readScalars } from "../../../../src/data/scalars";
import { chooseChannels } from "../../../../src/views/scatter/channels";

const runs = readRuns([
  { run_id: "a", "tags.team": "x", "params.lr": 0.0003, "params.opt": "adam", "metrics.loss": 0.9, "metrics.acc": 0.5 },
  { run_id: "b", "tags.team": "y", "params.lr": 0.3, "params.opt": "sgd", "metrics.loss": 0.4, "metrics.acc": 0.7 },
]);
const choose = (choice: object, table = runs, scalars: ReturnType<typeof readScalars> | null = null) =>
  chooseChannels(table, columnResolver(table, scalars), choice);

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RunsDataError);
    return (error as Error).message;
  }
  throw new Error("expected a RunsDataError");
}

test("x defaults to the first param, y to the first metric, scales to log where offered", () => {
  const { x, y, color, size, tooltip } = choose({});
  expect([x.column.name, x.kind, x.label]).toEqual(["params.lr", "log", "lr"]);
  expect([y.column.name, y.kind, y.label]).toEqual(["metrics.loss", "linear", "loss"]);
  expect([color, size, tooltip]).toEqual([null, null, []]);
});

test("y defaults to the metric most runs have: a store's first metric is often one a single run logged", () => {
  // As in a real MLflow store: one early run logged accuracy, the sweep after it rmse.
  const store = readRuns([
    { run_id: "a", "params.C": 0.1, "params.lr": null, "metrics.accuracy": 0.96, "metrics.rmse": null },
    { run_id: "b", "params.C": null, "params.lr": 0.1, "metrics.accuracy": null, "metrics.rmse": 5.1 },
    { run_id: "c", "params.C": null, "params.lr": 0.3, "metrics.accuracy": null, "metrics.rmse": 4.9 },
  ]);
  const { x, y } = choose({}, store);
  expect([x.column.name, y.column.name]).toEqual(["params.lr", "metrics.rmse"]);
});

test("columns are named with or without their prefix, and scales can be chosen", () => {
  const { x, y, color, size, tooltip } = choose({ x: "tags.team", y: "acc", color: "opt", size: "params.lr", tooltip: ["loss", "tags.team"], yScale: "log" });
  expect([x.column.name, x.kind]).toEqual(["tags.team", "categorical"]);
  expect([y.column.name, y.kind]).toEqual(["metrics.acc", "log"]);
  expect([color?.name, size?.name, tooltip.map((c) => c.name)]).toEqual(["params.opt", "params.lr", ["metrics.loss", "tags.team"]]);
  expect(choose({ xScale: "linear" }).x.kind).toBe("linear");
  expect(choose({ x: "opt", xScale: "log" }).x.kind).toBe("categorical");
});

test("with no metrics column, y is the first scalars series' last value; :min picks the minimum", () => {
  const table = readRuns([
    { run_id: "a", "params.lr": 0.1 },
    { run_id: "b", "params.lr": 0.2 },
  ]);
  const scalars = readScalars([
    { run_id: "a", metric: "loss", variant: "validation", step: 1, value: 0.8 },
    { run_id: "a", metric: "loss", variant: "validation", step: 2, value: 0.9 },
    { run_id: "b", metric: "loss", variant: "validation", step: 1, value: 0.5 },
  ]);
  const last = choose({}, table, scalars).y;
  expect([last.label, Array.from(last.column.values as Float64Array)]).toEqual(["loss/validation (last)", [0.9, 0.5]]);
  const min = choose({ y: "loss/validation:min" }, table, scalars).y;
  expect([min.label, Array.from(min.column.values as Float64Array)]).toEqual(["loss/validation (min)", [0.8, 0.5]]);
});

test("without a default for x or y, the message says to name one", () => {
  const noParams = readRuns([{ run_id: "a", "metrics.acc": 0.5, "tags.group": "g" }]);
  expect(errorOf(() => choose({}, noParams))).toBe(
    "runs have no params.* column, nor a second metrics.* column, to put on x: name the x column with x= (columns: metrics.acc, tags.group).",
  );
  expect(choose({ x: "acc" }, noParams).x.column.name).toBe("metrics.acc");
  const noMetrics = readRuns([{ run_id: "a", "params.lr": 0.5 }]);
  expect(errorOf(() => choose({}, noMetrics))).toBe(messages.scatterNoY());
  expect(messages.scatterNoY()).toBe("runs have no metrics.* column and no scalars to put on y: name the y column with y=, or pass scalars.");
});

test("runs without params (a store of losses alone) put their first metric other than y on x", () => {
  const losses = readRuns([
    { run_id: "a", "metrics.Generator loss": 0.5, "metrics.Discriminator loss": 1.2 },
    { run_id: "b", "metrics.Generator loss": 0.4, "metrics.Discriminator loss": 1.1 },
  ]);
  const chosen = choose({}, losses);
  expect([chosen.x.column.name, chosen.y.column.name]).toEqual(["metrics.Discriminator loss", "metrics.Generator loss"]);
  const named = choose({ y: "Discriminator loss" }, losses);
  expect([named.x.column.name, named.y.column.name]).toEqual(["metrics.Generator loss", "metrics.Discriminator loss"]);
});

test("size needs numbers; unknown columns are named with the columns there are", () => {
  expect(errorOf(() => choose({ size: "opt" }))).toBe(
    'column "params.opt" holds categories, not numbers: size= needs a column of numbers; use color= for categories.',
  );
  expect(errorOf(() => choose({ tooltip: ["momentum"] }))).toBe(
    'no column "momentum" in runs (columns: tags.team, params.lr, params.opt, metrics.loss, metrics.acc): pass one of these, with or without its "params."/"metrics." prefix.',
  );
});

test("a scale other than linear or log is refused by name", () => {
  expect(errorOf(() => choose({ xScale: "sqrt" }))).toBe('xScale must be one of "linear", "log"; got "sqrt".');
});

test("x defaults to the param that varies among the runs with a y, with values for the most of them", () => {
  const sparse = readRuns([
    // seed is the same wherever there is an acc; it differs only for run d, which has none.
    { run_id: "a", "params.seed": 123, "params.depth": null, "params.lr": 0.1, "metrics.acc": 0.5 },
    { run_id: "b", "params.seed": 123, "params.depth": 3, "params.lr": 0.2, "metrics.acc": 0.6 },
    { run_id: "c", "params.seed": 123, "params.depth": null, "params.lr": 0.3, "metrics.acc": 0.7 },
    { run_id: "d", "params.seed": 7, "params.depth": null, "params.lr": null, "metrics.acc": null },
  ]);
  expect(choose({}, sparse).x.column.name).toBe("params.lr");
  expect(choose({ y: "depth" }, sparse).x.column.name).toBe("params.seed");
});
