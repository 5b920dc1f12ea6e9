import fc from "fast-check";
import reference from "../../contract/statistics.json";
import { RunsDataError } from "../../../src/data/errors";
import { etaSquared, importance, spearman, binsOf } from "../../../src/data/importance";
import { comparingGroups, significance, smallSampleNote } from "../../../src/data/significance";
import { readRuns } from "../../../src/data/runs";
import { holm } from "../../../src/data/stats/adjust";
import { bootstrapDifference, indexDraws } from "../../../src/data/stats/bootstrap";
import { quantileSorted, quantileUnsorted } from "../../../src/data/stats/describe";
import { cohensD, cohensDz } from "../../../src/data/stats/effect";
import { mannWhitney, pairedT, welch, wilcoxon } from "../../../src/data/stats/tests";

// Every number here is scipy's (or numpy's), written by tests/python/test_statistics.py, which
// also checks that the file is what scipy says today. null stands for NaN.

type Json = number | string | null;
const num = (v: Json): number => (v === null ? NaN : v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : Number(v));

/** Equal to 1e-9, relative (absolute for numbers below 1); NaN and the infinities exactly. */
function expectNumber(actual: number, expected: Json, what: string) {
  const e = num(expected);
  if (!Number.isFinite(e)) {
    if (!Object.is(actual, e)) throw new Error(`${what}: ${actual} instead of ${e}`);
    return;
  }
  if (!(Math.abs(actual - e) <= 1e-9 * Math.max(1, Math.abs(e)))) throw new Error(`${what}: ${actual} instead of ${e}`);
}

/** Equal to 1e-9 relative, however small: p-values. */
function expectP(actual: number, expected: Json, what: string) {
  const e = num(expected);
  if (Number.isNaN(e) ? !Number.isNaN(actual) : !(Math.abs(actual - e) <= 1e-9 * Math.abs(e) + 1e-300)) throw new Error(`${what}: ${actual} instead of ${e}`);
}

const { resamples, seed, confidence } = reference.bootstrap;

describe("two independent groups, as scipy 1.17 computes them", () => {
  test.each(reference.two_sample.map((c) => [c.case, c] as const))("%s", (_, c) => {
    const w = welch(c.a, c.b);
    expectNumber(w.statistic, c.welch.t, "Welch t");
    expectNumber(w.df, c.welch.df, "Welch df");
    expectP(w.p, c.welch.p, "Welch p");
    const u = mannWhitney(c.a, c.b);
    expectNumber(u.statistic, c.mann_whitney.u, "U");
    expectP(u.p, c.mann_whitney.p, "Mann-Whitney p");
    if (c.cohens_d !== null) expectNumber(cohensD(c.a, c.b), c.cohens_d, "Cohen's d");
    for (const statistic of ["mean", "median"] as const) {
      const expected = statistic === "mean" ? c.bootstrap_mean : c.bootstrap_median;
      const interval = bootstrapDifference(c.a, c.b, { statistic, resamples, seed, confidence });
      expectNumber(interval.low, expected.low, `${statistic} low`);
      expectNumber(interval.high, expected.high, `${statistic} high`);
    }
  });
});

describe("pairs, as scipy 1.17 computes them", () => {
  test.each(reference.paired.map((c) => [c.case, c] as const))("%s", (_, c) => {
    const t = pairedT(c.a, c.b);
    expectNumber(t.statistic, c.paired_t.t, "paired t");
    expectP(t.p, c.paired_t.p, "paired t p");
    const w = wilcoxon(c.a, c.b);
    expectNumber(w.statistic, c.wilcoxon.statistic, "Wilcoxon statistic");
    expectP(w.p, c.wilcoxon.p, "Wilcoxon p");
    expectNumber(cohensDz(c.a, c.b), c.cohens_dz, "d_z");
    for (const statistic of ["mean", "median"] as const) {
      const expected = statistic === "mean" ? c.bootstrap_mean : c.bootstrap_median;
      const interval = bootstrapDifference(c.a, c.b, { statistic, paired: true, resamples, seed, confidence });
      expectNumber(interval.low, expected.low, `${statistic} low`);
      expectNumber(interval.high, expected.high, `${statistic} high`);
    }
  });

  test("each test says how it found p: exact, every sign flip, or the normal approximation", () => {
    expect(reference.paired.map((c) => wilcoxon(c.a, c.b).method)).toEqual(["exact", "permutation", "permutation", "asymptotic", "exact", "asymptotic"]);
    expect(reference.two_sample.map((c) => mannWhitney(c.a, c.b).method)).toEqual([
      "exact",
      "exact",
      "exact",
      "asymptotic",
      "asymptotic",
      "exact",
      "asymptotic",
      "exact",
      "asymptotic",
    ]);
  });
});

/** For each sample size n, `count` resamples of n indices, drawn in turn from one stream. */
function resampleIndices(sizes: number[], count: number, seed: number): number[][] {
  const draws = indexDraws(seed);
  return sizes.map((n) => Array.from({ length: count * n }, draws(n)));
}

test("the bootstrap draws what the Python package draws: d3.randomLcg, a's resamples then b's", () => {
  const { seed: lcgSeed, sizes, resamples: count, indices } = reference.lcg;
  resampleIndices(sizes, count, lcgSeed).forEach((drawn, s) => expect(drawn).toEqual(indices[s]));
  const long = reference.lcg_long;
  resampleIndices(long.sizes, long.resamples, long.seed).forEach((drawn, s) => {
    expect(drawn.reduce((sum, i) => sum + i, 0)).toBe(long.sums[s]);
    expect(Array.from(drawn.slice(-8))).toEqual(long.tails[s]);
  });
});

test("a quantile found by selection is the one read off the sorted values, ties, NaN and all", () => {
  const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noDefaultInfinity: false })), { minLength: 1, maxLength: 2000 });
  fc.assert(
    fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), (list, q) => {
      const sorted = Float64Array.from(list).sort();
      const [selected, read] = [quantileUnsorted(Float64Array.from(list), q), quantileSorted(sorted, q)];
      // -0 and 0 tie, so either may come first.
      expect(selected === read || (Number.isNaN(selected) && Number.isNaN(read))).toBe(true);
    }),
  );
});

test("Holm's adjustment", () => {
  for (const { p, adjusted } of reference.holm) holm(p).forEach((v, i) => expectNumber(v, adjusted[i], `holm ${i}`));
  expect(holm([0.01, NaN, 0.02])).toEqual([0.02, NaN, 0.02]);
});

test("Holm's adjusted p-values never fall below the raw ones and keep their order", () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (p) => {
      const adjusted = holm(p);
      p.forEach((v, i) => {
        expect(adjusted[i]).toBeGreaterThanOrEqual(v);
        expect(adjusted[i]).toBeLessThanOrEqual(1);
        p.forEach((w, j) => v < w && expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]));
      });
    }),
  );
});

describe("correlation and variance explained, as scipy.stats.spearmanr and numpy give them", () => {
  test.each(reference.correlation.map((c) => [c.case, c] as const))("%s", (_, c) => {
    const { rho, p } = spearman(c.x, c.y);
    expectNumber(rho, c.rho, "rho");
    expectP(p, c.p, "spearman p");
    const groups = binsOf(c.x, c.bins);
    expectNumber(etaSquared(groups, c.y), c.eta_squared, "eta squared");
    expect(new Set(groups).size).toBe(c.groups);
  });
});

type Row = Record<string, Json | boolean>;
const withScalars = (options: Record<string, unknown>) => {
  const { scalars, group_by, pair_by, ...rest } = options;
  return { ...rest, groupBy: group_by, pairBy: pair_by, scalars: scalars ? reference.scalars : null } as never;
};
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function expectRows(actual: readonly object[], expected: readonly Row[]) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((row, i) => {
    const got = actual[i] as Record<string, unknown>;
    for (const [key, value] of Object.entries(row)) {
      const mine = got[camel(key)];
      if (typeof mine === "number") expectNumber(mine, value as Json, `row ${i} ${key}`);
      else expect([key, mine ?? null]).toEqual([key, value]);
    }
  });
}

describe("significance() gives the numbers rc.significance gives", () => {
  test.each(reference.significance.map((c) => [JSON.stringify(c.options), c] as const))("%s", (_, c) => {
    expectRows(significance(reference.runs, withScalars({ ...c.options, resamples, seed, confidence })), c.rows as Row[]);
  });
});

test("compared a group at a time (as views spread the work over idle time), the same numbers: one pause per group", () => {
  const runs = readRuns(reference.runs);
  const accuracy = runs.columns.find((column) => column.name === "metrics.accuracy")!;
  const options = { groupBy: ["lr", "hidden"], resamples: 499, seed };
  const steps = comparingGroups(runs, accuracy.kind === "numeric" ? accuracy.values : [], options);
  let pauses = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) pauses++;
  expect(pauses).toBeGreaterThan(1);
  expect(pauses).toBe(step.value.length);
  expect(step.value).toEqual(significance(reference.runs, { ...options, metric: "accuracy" }));
});

describe("importance() gives the numbers rc.importance gives", () => {
  test.each(reference.importance.map((c) => [JSON.stringify(c.options), c] as const))("%s", (_, c) => {
    expectRows(importance(reference.runs, withScalars(c.options)), c.rows as Row[]);
  });
});

describe("bad input: the same words as Python", () => {
  test.each(reference.errors.map((c) => [c.error, c] as const))("%s", (_, c) => {
    const run = () => (c.call === "significance" ? significance : importance)(reference.runs, withScalars(c.options));
    expect(run).toThrow(new RunsDataError(c.error));
  });
});

test("small samples say so plainly", () => {
  expect(smallSampleNote(1, 5, false)).toBe("too few runs for a test (1 vs 5 runs): run more seeds.");
  expect(smallSampleNote(3, 3, false)).toBe(
    "few runs (3 vs 3 runs): p-values and intervals are rough, and the t-test assumes normal values; Mann-Whitney cannot give p below 0.1.",
  );
  expect(smallSampleNote(2, 3, false)).toBe(
    "few runs (2 vs 3 runs): p-values and intervals are rough, and the t-test assumes normal values; Mann-Whitney cannot give p below 0.2.",
  );
  expect(smallSampleNote(4, 4, true)).toBe(
    "few runs (4 pairs): p-values and intervals are rough, and the t-test assumes normal values; Wilcoxon cannot give p below 0.125.",
  );
  expect(smallSampleNote(5, 9, false)).toBeNull();
  expect(smallSampleNote(0, 9, false)).toBe("no run of this group has a value of the metric.");
  expect(smallSampleNote(0, 4, true)).toBe("no run of this group pairs with one of the base group.");
  expect(smallSampleNote(3, 0, false)).toBe("no run of the base group has a value of the metric.");
});

test("a hostile group value is a label, nothing more", () => {
  const runs = reference.runs.map((r) => ({ ...r, "params.optimizer": r["params.optimizer"] === "sgd" ? "<img src=x onerror=alert(1)>" : "adam" }));
  const rows = significance(runs, { metric: "accuracy", groupBy: "optimizer", resamples: 99 });
  expect([rows[0].group, rows[0].base].sort()).toEqual(["optimizer=<img src=x onerror=alert(1)>", "optimizer=adam"].sort());
});

test("a group without the metric is not the default base, and says so", () => {
  const others = [0, 1, 2].map((i) => ({ run_id: `svm${i}`, "params.lr": "n/a", "params.hidden": 0, "metrics.accuracy": null }));
  const rows = significance([...others, ...reference.runs], { metric: "accuracy", groupBy: ["lr", "hidden"], resamples: 99 });
  expect(rows[0].base).toBe("lr=0.01 hidden=64");
  const none = rows.find((row) => row.group === "lr=n/a hidden=0")!;
  expect([none.n, none.p, none.note]).toEqual([0, NaN, "no run of this group has a value of the metric."]);
});
