import { Dictionary, Int32, Table, Utf8, tableFromArrays, tableToIPC, vectorFromArray } from "apache-arrow";
import scalarsCases from "../../contract/scalars_cases.json";
import { RunsDataError } from "../../../src/data/errors";
import { readRuns } from "../../../src/data/runs";
import { readScalars } from "../../../src/data/scalars";
import { parseSummarySpec, summarize } from "../../../src/data/summaries";
import { columnResolver } from "../../../src/data/resolve";

// Two runs; "a" reports loss/train out of step order, with a NaN and a repeated step.
const rows = [
  { run_id: "a", metric: "loss", variant: "train", step: 2, time: 20, value: 0.5 },
  { run_id: "a", metric: "loss", variant: "train", step: 1, time: 10, value: 0.9 },
  { run_id: "a", metric: "loss", variant: "train", step: 3, time: 30, value: NaN },
  { run_id: "a", metric: "loss", variant: "train", step: 3, time: 31, value: 0.4 },
  { run_id: "a", metric: "loss", variant: "train", step: 0, time: 5, value: 2.0 },
  { run_id: "b", metric: "loss", variant: "train", step: 1, time: 1, value: 1.5 },
  { run_id: "b", metric: "loss", variant: "train", step: 2, time: 2, value: NaN },
  { run_id: "b", metric: "acc", variant: null, step: 1, time: 2, value: 0.7 },
];
const scalars = readScalars(rows);
const lossTrain = scalars.series.findIndex((s) => s.key === "loss/train");

test("series are metric/variant, or the metric alone with no variant", () => {
  expect(scalars.series.map((s) => s.key)).toEqual(["loss/train", "acc"]);
  expect(scalars.runIds).toEqual(["a", "b"]);
  expect(scalars.times?.[0]).toBe(20_000); // plain numbers are seconds
});

test("last is the value at the highest step, ties broken by the latest time", () => {
  // a: step 3 twice, time 31 is later -> 0.4. b: step 2 is NaN and it is the last report.
  expect(Array.from(summarize(scalars, lossTrain, "last"))).toEqual([0.4, NaN]);
});

test("last follows MLflow's rule: greatest step, then latest time, then largest value", () => {
  // MLflow's own store tests' case ("tiebreak by max value"): (step, timestamp, value), logged in
  // reverse order; MLflow's latest value is 20.
  const logged = [
    [0, 100, 1000],
    [3, 40, 100],
    [3, 50, 10],
    [3, 50, 20],
    [3, 50, 20],
    [-3, 900, 900],
    [-1, 800, 800],
  ].reverse();
  for (const order of [logged, [...logged].reverse()]) {
    const table = readScalars(order.map(([step, time, value]) => ({ run_id: "r", metric: "m", step, time, value })));
    expect(Array.from(summarize(table, 0, "last"))).toEqual([20]);
  }
  // NaN ranks below every value in a tie; a missing time counts as earliest.
  const tie = (rows: [number, number | null, number][]) =>
    summarize(readScalars(rows.map(([step, time, value]) => ({ run_id: "r", metric: "m", step, time, value }))), 0, "last")[0];
  expect(
    tie([
      [1, 5, 0.3],
      [1, 5, NaN],
    ]),
  ).toBe(0.3);
  expect(
    tie([
      [1, 5, NaN],
      [1, 5, -Infinity],
    ]),
  ).toBe(-Infinity);
  expect(
    tie([
      [1, 5, NaN],
      [1, 5, NaN],
    ]),
  ).toBeNaN();
  expect(
    tie([
      [1, 5, 0.3],
      [1, null, 0.9],
    ]),
  ).toBe(0.3);
  expect(
    tie([
      [1, null, 0.3],
      [1, null, 0.9],
    ]),
  ).toBe(0.9);
});

test("min and max ignore NaN", () => {
  expect(Array.from(summarize(scalars, lossTrain, "min"))).toEqual([0.4, 1.5]);
  expect(Array.from(summarize(scalars, lossTrain, "max"))).toEqual([2.0, 1.5]);
});

test("a run that never reported a series gets NaN", () => {
  expect(
    Array.from(
      summarize(
        scalars,
        scalars.series.findIndex((s) => s.key === "acc"),
        "max",
      ),
    ),
  ).toEqual([NaN, 0.7]);
});

test("specs name a series and a summary, last by default", () => {
  expect(parseSummarySpec("loss/validation:MIN")).toEqual({ series: "loss/validation", summary: "min", explicit: true });
  expect(parseSummarySpec("acc")).toEqual({ series: "acc", summary: "last", explicit: false });
});

describe("summary columns line up with the runs table", () => {
  const runs = readRuns([{ run_id: "b" }, { run_id: "c" }, { run_id: "a", "metrics.acc": 0.1 }]);
  const columns = columnResolver(runs, scalars);

  test("values follow the runs' order, NaN for runs without scalars", () => {
    const column = columns.resolve("loss/train:max");
    expect(column.name).toBe("loss/train (max)");
    expect(Array.from(column.values as Float64Array)).toEqual([1.5, NaN, 2.0]);
  });

  test("a runs column wins unless a summary is asked for", () => {
    expect(columns.resolve("acc").name).toBe("metrics.acc");
    expect(Array.from(columns.resolve("acc:last").values as Float64Array)).toEqual([0.7, NaN, NaN]);
  });

  test("the same name gives the same column", () => {
    expect(columns.resolve("loss/train:min")).toBe(columns.resolve("loss/train:min"));
  });

  test("an unknown series lists the ones there are", () => {
    expect(() => columns.resolve("loss/val:min")).toThrow(
      'no metric "loss/val:min" in the runs or the scalars (scalars series: loss/train, acc): name one of these, optionally ending in :last, :min or :max.',
    );
  });

  test("scalars of other runs are an error", () => {
    expect(() => columnResolver(readRuns([{ run_id: "x" }]), scalars)).toThrow(
      'no scalars belong to the runs: the scalars have run ids such as "a", the runs table "x"; pass the scalars of these runs.',
    );
  });
});

describe("bad scalars tables", () => {
  test.each(scalarsCases.cases as { case: string; records: unknown[]; error: string }[])("$case", ({ records, error }) => {
    expect(() => readScalars(records as Record<string, unknown>[])).toThrow(new RunsDataError(error));
  });
});

describe("dictionary-encoded scalars (as Python sends them)", () => {
  const dictionary = (values: (string | null)[]) => vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));
  const table = new Table({
    run_id: dictionary(["b", "a", "b", "a"]),
    metric: dictionary(["loss", "loss", "acc", "loss"]),
    step: vectorFromArray([1, 1, 1, 2]),
    value: vectorFromArray([0.5, 0.7, 0.9, 0.6]),
  });

  test("reads the same as plain text columns", () => {
    const plain = tableFromArrays({ run_id: ["b", "a", "b", "a"], metric: ["loss", "loss", "acc", "loss"], step: [1, 1, 1, 2], value: [0.5, 0.7, 0.9, 0.6] });
    const [coded, text] = [readScalars(tableToIPC(table)), readScalars(tableToIPC(plain))];
    expect(coded.runIds).toEqual(text.runIds);
    expect(Array.from(coded.runOfRow)).toEqual(Array.from(text.runOfRow));
    expect(coded.series.map((s) => s.key)).toEqual(["loss", "acc"]);
    expect(Array.from(summarize(coded, 0, "last"))).toEqual([0.5, 0.6]);
  });

  test("a missing run id in a dictionary column is named with its row", () => {
    const broken = new Table({
      run_id: dictionary(["a", null]),
      metric: dictionary(["loss", "loss"]),
      step: vectorFromArray([1, 2]),
      value: vectorFromArray([1, 2]),
    });
    expect(() => readScalars(tableToIPC(broken))).toThrow('column "run_id" of the scalars is missing a value at row 1');
  });
});
