import { readDetails } from "../../../src/data/details";
import { findMatches, matchRanges, searchPattern, stepThrough } from "../../../src/data/search";

const details = readDetails({
  a: { optimizer: { lr: "0.001", name: "AdamW" }, script: "import torch\nlr = 0.001", "a.b (c)": "x" },
  b: { optimizer: { lr: "0.01", name: "sgd" }, script: "import jax", "a.b (c)": "y" },
});
const all = details.paths.map((_, field) => field);
const pathsOf = (fields: number[]) => fields.map((field) => details.paths[field]);

describe("search over field names and values", () => {
  test("matches values case-blind", () => {
    expect(pathsOf(findMatches(details, all, [0, 1], searchPattern("ADAM")!))).toEqual(["optimizer/name"]);
  });

  test("name matches and value matches together, in field order", () => {
    // "lr" is in the path optimizer/lr and in the second line of run a's script.
    expect(pathsOf(findMatches(details, all, [0, 1], searchPattern("lr")!))).toEqual(["optimizer/lr", "script"]);
  });

  test("only the compared runs and the given fields are searched", () => {
    expect(findMatches(details, all, [1], searchPattern("torch")!)).toEqual([]);
    expect(pathsOf(findMatches(details, all, [1, 0], searchPattern("torch")!))).toEqual(["script"]);
    expect(findMatches(details, [details.paths.indexOf("optimizer/lr")], [0, 1], searchPattern("0.0")!)).toHaveLength(1);
  });

  test("the text is literal: regular-expression characters match themselves", () => {
    expect(pathsOf(findMatches(details, all, [0, 1], searchPattern("a.b (c)")!))).toEqual(["a.b (c)"]);
    expect(findMatches(details, all, [0, 1], searchPattern("a*")!)).toEqual([]);
  });

  test("blank text matches nothing", () => {
    expect(searchPattern("  ")).toBeNull();
  });

  test("ranges to highlight, case-blind and not overlapping", () => {
    expect(matchRanges("Loss, loss, LOSS", searchPattern("loss")!)).toEqual([
      [0, 4],
      [6, 10],
      [12, 16],
    ]);
    expect(matchRanges("aaaa", searchPattern("aa")!)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(matchRanges("none here", searchPattern("x")!)).toEqual([]);
  });
});

describe("stepping through differences or matches", () => {
  const list = [3, 8, 15];
  test("next and previous from a focused field, wrapping at the ends", () => {
    expect(stepThrough(list, null, 1)).toBe(3);
    expect(stepThrough(list, null, -1)).toBe(15);
    expect(stepThrough(list, 3, 1)).toBe(8);
    expect(stepThrough(list, 5, 1)).toBe(8);
    expect(stepThrough(list, 15, 1)).toBe(3);
    expect(stepThrough(list, 8, -1)).toBe(3);
    expect(stepThrough(list, 3, -1)).toBe(15);
    expect(stepThrough([], 3, 1)).toBeNull();
  });
});
