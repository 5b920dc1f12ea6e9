import { filterRows } from "../../../src/data/filter";

const lr = Float64Array.from([0.001, 0.01, 0.1, NaN, 1]);
const opt = ["adam", "sgd", "adam", "sgd", null];

test("no filter keeps every row", () => {
  expect(Array.from(filterRows(5, []))).toEqual([1, 1, 1, 1, 1]);
});

test("a range keeps values inside it, inclusive, and missing values only when asked", () => {
  const range = { kind: "range", values: lr, min: 0.01, max: 0.1, log: false } as const;
  expect(Array.from(filterRows(5, [{ ...range, keepMissing: false }]))).toEqual([0, 1, 1, 0, 0]);
  expect(Array.from(filterRows(5, [{ ...range, keepMissing: true }]))).toEqual([0, 1, 1, 1, 0]);
});

test("on a log axis non-positive values count as missing", () => {
  const values = Float64Array.from([-1, 0, 5]);
  const filter = { kind: "range", values, min: -10, max: 10, log: true } as const;
  expect(Array.from(filterRows(3, [{ ...filter, keepMissing: false }]))).toEqual([0, 0, 1]);
  expect(Array.from(filterRows(3, [{ ...filter, keepMissing: true }]))).toEqual([1, 1, 1]);
});

test("a categorical set keeps its members, null standing for missing", () => {
  expect(Array.from(filterRows(5, [{ kind: "set", values: opt, keep: new Set(["sgd"]) }]))).toEqual([0, 1, 0, 1, 0]);
  expect(Array.from(filterRows(5, [{ kind: "set", values: opt, keep: new Set(["adam", null]) }]))).toEqual([1, 0, 1, 0, 1]);
});

test("filters on several axes combine with AND", () => {
  const kept = filterRows(5, [
    { kind: "range", values: lr, min: 0.001, max: 0.1, log: false, keepMissing: true },
    { kind: "set", values: opt, keep: new Set(["adam"]) },
  ]);
  expect(Array.from(kept)).toEqual([1, 0, 1, 0, 0]);
});
