import { defaultAxisKind, finiteExtent, isMissingOn, logOffered } from "../../../src/data/axes";
import { readRuns } from "../../../src/data/runs";

const runs = readRuns([
  { run_id: "a", "params.lr": 0.0003, "params.wd": 0.1, "params.opt": "adam", "params.neg": -1, "metrics.loss": NaN },
  { run_id: "b", "params.lr": 0.03, "params.wd": 0.5, "params.opt": "sgd", "params.neg": 10, "metrics.loss": Infinity },
  { run_id: "c", "params.lr": 0.3, "params.wd": null, "params.opt": null, "params.neg": 1000, "metrics.loss": 2 },
]);
const column = (name: string) => runs.column(name)!;

test("extent ignores NaN and infinities", () => {
  expect(finiteExtent(Float64Array.from([3, NaN, -Infinity, 1, Infinity]))).toEqual([1, 3]);
  expect(finiteExtent(Float64Array.from([NaN, Infinity]))).toBeUndefined();
  expect(finiteExtent(new Float64Array())).toBeUndefined();
});

test("log is offered for positive columns spanning more than two decades", () => {
  expect(logOffered(column("lr"))).toBe(true); // 0.0003 .. 0.3: three decades
  expect(logOffered(column("wd"))).toBe(false); // 0.1 .. 0.5
  expect(logOffered(column("neg"))).toBe(false); // not all positive
  expect(logOffered(column("opt"))).toBe(false);
});

test("axis kinds: log where offered, categorical for text", () => {
  expect(["lr", "wd", "opt", "loss"].map((name) => defaultAxisKind(column(name)))).toEqual(["log", "linear", "categorical", "linear"]);
});

test("missing values: null, NaN, infinities, and non-positive values on a log axis", () => {
  expect([0, 1, 2].map((row) => isMissingOn(column("wd"), "linear", row))).toEqual([false, false, true]);
  expect([0, 1, 2].map((row) => isMissingOn(column("loss"), "linear", row))).toEqual([true, true, false]);
  expect([0, 1, 2].map((row) => isMissingOn(column("opt"), "categorical", row))).toEqual([false, false, true]);
  expect([0, 1, 2].map((row) => isMissingOn(column("neg"), "log", row))).toEqual([true, false, false]);
});
