/**
 * Significance of the differences between groups of runs (a config's seeds against another's):
 * each group against a base group, by a t-test and a rank test, with a bootstrap interval of the
 * difference, an effect size, Holm's correction over the groups, and a plain note where the
 * sample is too small to say much. Definitions and references: docs/statistics.md.
 */
import { groupRuns, textOf } from "./align.js";
import { RunsDataError, messages } from "./errors.js";
import type { RunsInput } from "./input.js";
import { columnResolver } from "./resolve.js";
import { readRuns, requireColumn, type NumericColumn, type Runs } from "./runs.js";
import { readScalars, type ScalarsInput } from "./scalars.js";
import { holm } from "./stats/adjust.js";
import { bootstrapDifference, centerOf, type Center } from "./stats/bootstrap.js";
import { cohensD, cohensDz } from "./stats/effect.js";
import { mannWhitney, pairedT, wilcoxon, welch } from "./stats/tests.js";

export interface SignificanceOptions {
  /** A runs column ("metrics.accuracy", or its key) or a summary of the scalars ("loss/validation:min"). */
  readonly metric: string;
  /** The columns whose values make a group (e.g. every param but the seed). */
  readonly groupBy: string | readonly string[];
  /** A column naming each run's counterpart in the other group (the seed, the fold): paired tests. */
  readonly pairBy?: string | null;
  /** The group the others are compared with, by label; default the first group with two runs that have the metric. */
  readonly base?: string | null;
  /** The centre compared, and bootstrapped: "mean" (default) or "median". */
  readonly statistic?: Center;
  readonly confidence?: number;
  readonly resamples?: number;
  readonly seed?: number;
  readonly scalars?: ScalarsInput | null;
}

/** One group compared with the base group. */
export interface Comparison {
  readonly group: string;
  readonly base: string;
  /** Runs (or pairs, when paired) with a value of the metric in the group and in the base. */
  readonly n: number;
  readonly nBase: number;
  readonly paired: boolean;
  readonly center: number;
  readonly baseCenter: number;
  /** center - baseCenter, and the same as a share of |baseCenter|. */
  readonly difference: number;
  readonly relative: number;
  /** The bootstrap interval of the difference. */
  readonly low: number;
  readonly high: number;
  /** "Welch" or "paired t". */
  readonly test: string;
  readonly t: number;
  readonly df: number;
  readonly p: number;
  readonly pHolm: number;
  /** "Mann-Whitney U" or "Wilcoxon signed-rank". */
  readonly rankTest: string;
  readonly rankStatistic: number;
  readonly rankMethod: string;
  readonly rankP: number;
  readonly rankPHolm: number;
  /** Cohen's d (independent groups) or d_z (pairs). */
  readonly effectSize: number;
  readonly effectSizeName: string;
  /** Plain words on what a small sample cannot show, or null. */
  readonly note: string | null;
}

/** From this many runs per group on, the note says nothing about the t-test's assumption. */
const FEW = 5;

export function significance(runsInput: RunsInput, options: SignificanceOptions): Comparison[] {
  const runs = readRuns(runsInput);
  const metric = metricColumn(runs, options.metric, options.scalars ?? null);
  return compareGroups(runs, metric.values, options);
}

/** The same comparisons for a value per run of `runs` (NaN where a run has none): views pass the values they show. */
export function compareGroups(runs: Runs, values: ArrayLike<number>, options: Omit<SignificanceOptions, "metric" | "scalars">): Comparison[] {
  return finished(comparingGroups(runs, values, options));
}

/**
 * compareGroups a group at a time: the generator pauses after each group's comparison (each
 * bootstraps its interval), so a view can spread them over idle time; its return value is
 * compareGroups'.
 */
export function* comparingGroups(
  runs: Runs,
  values: ArrayLike<number>,
  options: Omit<SignificanceOptions, "metric" | "scalars">,
): Generator<void, Comparison[], void> {
  const { statistic = "mean", confidence = 0.95, resamples = 9999, seed = 0 } = options;
  checkOptions(statistic, confidence, resamples, seed);
  const groupBy = typeof options.groupBy === "string" ? [options.groupBy] : [...options.groupBy];
  const columns = groupBy.map((name) => requireColumn(runs, name));
  const groups = groupRuns(
    columns.map((column) => ({ name: column.key, values: Array.from({ length: runs.count }, (_, row) => textOf(column, row)) })),
    runs.count,
  );
  if (groups.labels.length < 2)
    throw new RunsDataError(
      messages.statsOneGroup(
        columns.map((c) => c.name),
        groups.labels[0],
      ),
    );
  const rowsOf = (g: number) =>
    Array.from({ length: runs.count }, (_, row) => row).filter((row) => groups.groupOfRun[row] === g && Number.isFinite(values[row]));
  // By default the first group with two runs to test, else the first.
  const base = options.base ?? groups.labels.find((_, g) => rowsOf(g).length >= 2) ?? groups.labels[0];
  const baseIndex = groups.labels.indexOf(base);
  if (baseIndex < 0) throw new RunsDataError(messages.statsUnknownGroup(base, groups.labels));
  const pairColumn = options.pairBy ? requireColumn(runs, options.pairBy) : null;
  const baseRows = rowsOf(baseIndex);
  const made: Comparison[] = [];
  for (const [g, label] of groups.labels.entries()) {
    if (g === baseIndex) continue;
    let [a, b] = [rowsOf(g), baseRows];
    if (pairColumn) [a, b] = pairRows(a, b, (row) => textOf(pairColumn, row), pairColumn.name, label, base);
    made.push(
      compare(
        label,
        base,
        a.map((row) => values[row]),
        b.map((row) => values[row]),
        pairColumn !== null,
        { statistic, confidence, resamples, seed },
      ),
    );
    yield;
  }
  const pHolm = holm(made.map((c) => c.p));
  const rankPHolm = holm(made.map((c) => c.rankP));
  return made.map((c, i) => ({ ...c, pHolm: pHolm[i], rankPHolm: rankPHolm[i] }));
}

function compare(
  group: string,
  base: string,
  a: number[],
  b: number[],
  paired: boolean,
  options: Required<Pick<SignificanceOptions, "statistic" | "confidence" | "resamples" | "seed">>,
): Comparison {
  const center = centerOf(options.statistic);
  const [n, nBase] = [a.length, b.length];
  const enough = paired ? n >= 2 : n >= 2 && nBase >= 2;
  const [centerA, centerB] = [n ? center(a) : NaN, nBase ? center(b) : NaN];
  const interval = n && nBase ? bootstrapDifference(a, b, { ...options, paired }) : { low: NaN, high: NaN };
  const t = enough ? (paired ? pairedT(a, b) : welch(a, b)) : null;
  const rank = n && nBase ? (paired ? wilcoxon(a, b) : mannWhitney(a, b)) : null;
  return {
    group,
    base,
    n,
    nBase,
    paired,
    center: centerA,
    baseCenter: centerB,
    difference: centerA - centerB,
    relative: (centerA - centerB) / Math.abs(centerB),
    low: interval.low,
    high: interval.high,
    test: paired ? "paired t" : "Welch",
    t: t?.statistic ?? NaN,
    df: t?.df ?? NaN,
    p: t?.p ?? NaN,
    pHolm: NaN,
    rankTest: paired ? "Wilcoxon signed-rank" : "Mann-Whitney U",
    rankStatistic: rank?.statistic ?? NaN,
    rankMethod: rank?.method ?? "",
    rankP: rank?.p ?? NaN,
    rankPHolm: NaN,
    effectSize: enough ? (paired ? cohensDz(a, b) : cohensD(a, b)) : NaN,
    effectSizeName: paired ? "d_z" : "Cohen's d",
    note: joinNotes(smallSampleNote(n, nBase, paired), enough && !(t!.df > 0 && Number.isFinite(t!.statistic)) ? NO_SPREAD : null),
  };
}

/** When every run of each group has the same value (or every pair the same difference). */
export const NO_SPREAD = "no spread within the groups: the t-test cannot weigh the difference (t is infinite or undefined).";

function joinNotes(...notes: (string | null)[]): string | null {
  const some = notes.filter((note) => note !== null);
  return some.length ? some.join(" ") : null;
}

/** What a small sample cannot show, in plain words; null from FEW runs per group on. */
export function smallSampleNote(n: number, nBase: number, paired: boolean): string | null {
  const sizes = paired ? `${n} pairs` : `${n} vs ${nBase} runs`;
  if (nBase === 0) return "no run of the base group has a value of the metric.";
  if (n === 0) return paired ? "no run of this group pairs with one of the base group." : "no run of this group has a value of the metric.";
  if (paired ? n < 2 : n < 2 || nBase < 2) return `too few runs for a test (${sizes}): run more seeds.`;
  if (Math.min(n, nBase) >= FEW) return null;
  // The smallest two-sided p a rank test can give, with no ties: one ordering (or sign pattern) of all.
  const least = paired ? 2 / 2 ** n : 2 / binomial(n + nBase, n);
  const rank = paired ? "Wilcoxon" : "Mann-Whitney";
  // Rounded half up to 3 decimals, the same in Python.
  const floor = least >= 0.05 ? `; ${rank} cannot give p below ${Math.floor(least * 1000 + 0.5) / 1000}` : "";
  return `few runs (${sizes}): p-values and intervals are rough, and the t-test assumes normal values${floor}.`;
}

function binomial(n: number, k: number): number {
  let out = 1;
  for (let i = 1; i <= k; i++) out = (out * (n - k + i)) / i;
  return out;
}

/** The rows of a and b whose pair key is in both, in the order of a; a key twice in a group is an error. */
function pairRows(a: number[], b: number[], keyOf: (row: number) => string | null, column: string, group: string, base: string): [number[], number[]] {
  const index = (rows: number[], label: string) => {
    const byKey = new Map<string, number>();
    for (const row of rows) {
      const key = keyOf(row);
      if (key === null) continue;
      if (byKey.has(key)) throw new RunsDataError(messages.statsPairRepeated(column, key, label));
      byKey.set(key, row);
    }
    return byKey;
  };
  const [inA, inB] = [index(a, group), index(b, base)];
  const keys = [...inA.keys()].filter((key) => inB.has(key));
  return [keys.map((key) => inA.get(key)!), keys.map((key) => inB.get(key)!)];
}

/** The metric's values per run: a numeric runs column or a summary of the scalars. */
export function metricColumn(runs: Runs, name: string, scalars: ScalarsInput | null): NumericColumn {
  const column = columnResolver(runs, scalars ? readScalars(scalars) : null).resolve(name);
  if (column.kind !== "numeric") throw new RunsDataError(messages.statsNotNumeric(column.name));
  return column;
}

function checkOptions(statistic: unknown, confidence: number, resamples: number, seed: number) {
  if (statistic !== "mean" && statistic !== "median") throw new RunsDataError(messages.badOption("statistic", ["mean", "median"], statistic));
  if (!(confidence > 0 && confidence < 1)) throw new RunsDataError(messages.badValue("confidence", "a number between 0 and 1, such as 0.95", confidence));
  if (!(Number.isInteger(resamples) && resamples >= 1)) throw new RunsDataError(messages.badValue("resamples", "a whole number of at least 1", resamples));
  if (!Number.isInteger(seed)) throw new RunsDataError(messages.badValue("seed", "a whole number", seed));
}

/** Runs a generator to its end: its return value. */
export function finished<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
