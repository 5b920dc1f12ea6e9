import { distinctNames } from "../../../src/data/names";

describe("run names told apart", () => {
  test("a shared name gets the start of each run's id; unique names stay as they are", () => {
    const ids = ["8927ca27bf0446c0", "2bc553cf9bb34245", "cfb1ee4014a54380", "0123456789abcdef"];
    expect(distinctNames(["Run_0", "Run_0", "Run_0", "baseline"], ids)).toEqual(["Run_0 (8927ca27)", "Run_0 (2bc553cf)", "Run_0 (cfb1ee40)", "baseline"]);
  });

  test("as many characters as it takes when ids begin alike; a name that is the id stays", () => {
    expect(distinctNames(["a", "a", "r1"], ["run-00001", "run-00002", "r1"])).toEqual(["a (run-00001)", "a (run-00002)", "r1"]);
    expect(distinctNames(["r1", "r1"], ["r1", "r1x"])).toEqual(["r1", "r1 (r1x)"]);
  });
});
