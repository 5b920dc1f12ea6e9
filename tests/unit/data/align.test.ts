import { aggregate, groupRuns, interpolateOnto, tQuantile975, unionGrid } from "../../../src/data/align";

const list = (values: ArrayLike<number>) => Array.from(values);

function expectClose(actual: ArrayLike<number>, expected: readonly number[], digits = 9) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => (Number.isNaN(e) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(e, digits)));
}

describe("grouping runs", () => {
  const lr = { name: "lr", values: ["0.1", "0.01", "0.1", "0.01", null] };
  const hidden = { name: "hidden", values: ["16", "16", "16", "64", null] };

  test("runs with the same values share a group, in order of first appearance", () => {
    const groups = groupRuns([lr, hidden], 5);
    expect(list(groups.groupOfRun)).toEqual([0, 1, 0, 2, 3]);
    expect(groups.labels).toEqual(["lr=0.1 hidden=16", "lr=0.01 hidden=16", "lr=0.01 hidden=64", "lr=(missing) hidden=(missing)"]);
    expect(groups.keys[3]).toEqual([null, null]);
  });

  test("labels name only the columns whose values differ between groups; one group names them all", () => {
    const seed = { name: "seed", values: ["0", "0", "0", "0", "0"] };
    expect(groupRuns([lr, seed, hidden], 5).labels).toEqual(["lr=0.1 hidden=16", "lr=0.01 hidden=16", "lr=0.01 hidden=64", "lr=(missing) hidden=(missing)"]);
    expect(groupRuns([seed], 5).labels).toEqual(["seed=0"]);
  });

  test("no columns: one group of every run", () => {
    expect(list(groupRuns([], 3).groupOfRun)).toEqual([0, 0, 0]);
  });

  test("values that join to the same text stay apart", () => {
    const a = { name: "a", values: ["x y", "x"] };
    const b = { name: "b", values: ["z", "y z"] };
    expect(groupRuns([a, b], 2).labels.length).toBe(2);
  });
});

describe("aligning steps", () => {
  test("the grid is every step once, sorted", () => {
    expect(
      list(
        unionGrid([
          [0, 2, 4],
          [1, 2, 3],
          [4, 10],
        ]),
      ),
    ).toEqual([0, 1, 2, 3, 4, 10]);
    expect(list(unionGrid([]))).toEqual([]);
  });

  test("values inside a run's range are interpolated, outside it missing", () => {
    expectClose(interpolateOnto([0, 10], [0, 100], [-1, 0, 2.5, 5, 10, 11]), [NaN, 0, 25, 50, 100, NaN]);
  });

  test("a gap (NaN or infinity) is missing, and so is the stretch to its neighbours", () => {
    expectClose(interpolateOnto([0, 1, 2, 3], [0, NaN, 2, Infinity], [0, 0.5, 1, 1.5, 2, 2.5, 3]), [0, NaN, NaN, NaN, 2, NaN, NaN]);
  });

  test("where a run repeats a step, its last value counts", () => {
    expectClose(interpolateOnto([1, 1, 2], [5, 7, 9], [1, 1.5, 2]), [7, 8, 9]);
  });

  test("a single point is read only at its own step", () => {
    expectClose(interpolateOnto([3], [1.5], [2, 3, 4]), [NaN, 1.5, NaN]);
    expectClose(interpolateOnto([], [], [1]), [NaN]);
  });
});

describe("aggregating runs with mismatched steps", () => {
  // Run a reports steps 0, 2, 4; run b steps 1, 2, 3. Grid 0..4.
  const grid = unionGrid([
    [0, 2, 4],
    [1, 2, 3],
  ]);
  const a = interpolateOnto([0, 2, 4], [0, 2, 4], grid);
  const b = interpolateOnto([1, 2, 3], [10, 20, 30], grid);

  test("each run on the grid, by hand", () => {
    expectClose(a, [0, 1, 2, 3, 4]);
    expectClose(b, [NaN, 10, 20, 30, NaN]);
  });

  test("mean and counts use the runs present at each step", () => {
    const { center, count } = aggregate([a, b], grid.length, "mean", "none");
    expectClose(center, [0, 5.5, 11, 16.5, 4]);
    expect(list(count)).toEqual([1, 2, 2, 2, 1]);
  });

  test("bands: min-max, std, stderr and the t interval, by hand at step 1 (values 1 and 10)", () => {
    // mean 5.5; sample std = sqrt(2 * 4.5^2 / 1) = 6.3639610; stderr = 6.3639610 / sqrt 2 = 4.5; t(0.975, 1) = 12.7062047.
    const at1 = (band: "minmax" | "std" | "stderr" | "ci95") => {
      const { low, high } = aggregate([a, b], grid.length, "mean", band);
      return [low[1], high[1]];
    };
    expectClose(at1("minmax"), [1, 10]);
    expectClose(at1("std"), [5.5 - 6.363961030678928, 5.5 + 6.363961030678928]);
    expectClose(at1("stderr"), [1, 10]);
    expectClose(at1("ci95"), [5.5 - 12.706204736 * 4.5, 5.5 + 12.706204736 * 4.5], 6);
  });

  test("one run at a step: min-max is that value, spreads are undefined", () => {
    expect([aggregate([a, b], 5, "mean", "minmax").low[0], aggregate([a, b], 5, "mean", "minmax").high[0]]).toEqual([0, 0]);
    for (const band of ["std", "stderr", "ci95"] as const) expect(aggregate([a, b], 5, "mean", band).low[0]).toBeNaN();
  });
});

describe("aggregating by hand: 1, 2, 6 (and 10)", () => {
  const runs = [[1], [2], [6]].map((v) => Float64Array.from(v));

  test("mean, sample std, stderr, 95% CI", () => {
    // mean 3; deviations -2, -1, 3; std = sqrt(14 / 2) = sqrt 7; stderr = sqrt(7 / 3); t(0.975, 2) = 4.30265273.
    const std = Math.sqrt(7);
    const stderr = Math.sqrt(7 / 3);
    expect(aggregate(runs, 1, "mean", "std").high[0]).toBeCloseTo(3 + std, 12);
    expect(aggregate(runs, 1, "mean", "stderr").low[0]).toBeCloseTo(3 - stderr, 12);
    expect(aggregate(runs, 1, "mean", "ci95").high[0]).toBeCloseTo(3 + 4.30265273 * stderr, 7);
  });

  test("median: the middle value, or the mean of the two middle ones", () => {
    expect(aggregate(runs, 1, "median", "none").center[0]).toBe(2);
    expect(aggregate([...runs, Float64Array.from([10])], 1, "median", "none").center[0]).toBe(4);
    // The band of a spread centres on the median.
    expect(aggregate(runs, 1, "median", "std").low[0]).toBeCloseTo(2 - Math.sqrt(7), 12);
  });

  test("runs with NaN at a step are left out there", () => {
    const withGap = [...runs, Float64Array.from([NaN])];
    const { center, count } = aggregate(withGap, 1, "mean", "none");
    expect([center[0], count[0]]).toEqual([3, 3]);
    expect(aggregate([Float64Array.from([NaN])], 1, "mean", "minmax").center[0]).toBeNaN();
  });
});

test("Student's t at 0.975 against published tables", () => {
  const published: [number, number][] = [
    [1, 12.706],
    [2, 4.303],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [31, 2.04],
    [60, 2.0],
    [120, 1.98],
    [1000, 1.962],
  ];
  for (const [df, t] of published) expect(tQuantile975(df)).toBeCloseTo(t, 3);
  expect(tQuantile975(0)).toBeNaN();
});
