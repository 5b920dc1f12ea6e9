/**
 * How much each param goes with a metric: Spearman's rank correlation (numeric params) and eta
 * squared, the share of the metric's variance between the groups of runs that share a param's
 * value (or, past `bins` distinct values, its quantile bin). Definitions: docs/statistics.md.
 */
import { textOf } from "./align.js";
import { RunsDataError, messages } from "./errors.js";
import type { RunsInput } from "./input.js";
import { readRuns, requireColumn, type RunColumn, type Runs } from "./runs.js";
import type { ScalarsInput } from "./scalars.js";
import { metricColumn } from "./significance.js";
import { mean, pearson, quantileSorted, ranks } from "./stats/describe.js";
import { tTwoSided } from "./stats/distributions.js";

export interface ImportanceOptions {
  /** A runs column or a summary of the scalars ("loss/validation:min"). */
  readonly metric: string;
  /** The params to weigh; default every params.* column. */
  readonly params?: readonly string[] | null;
  /** A numeric param with more distinct values than this is cut into this many quantile bins (default 10). */
  readonly bins?: number;
  readonly scalars?: ScalarsInput | null;
}

export interface ParamImportance {
  readonly param: string;
  /** Runs with both the param and a finite metric value. */
  readonly n: number;
  /** Spearman's rho and its two-sided p (scipy.stats.spearmanr); NaN for categories. */
  readonly spearman: number;
  readonly spearmanP: number;
  /** Between-group sum of squares over the total, and how many groups (values or bins) it had. */
  readonly etaSquared: number;
  readonly groups: number;
  /**
   * The eta squared a param unrelated to the metric gets on average from its groups alone,
   * (groups - 1) / (n - 1): a param of many categories explains much by chance.
   */
  readonly chance: number;
}

/** Every param's importance for the metric, the most variance explained first (then the strongest correlation). */
export function importance(runsInput: RunsInput, options: ImportanceOptions): ParamImportance[] {
  return importanceOf(readRuns(runsInput), options);
}

/** The same, for runs already read (a view's). */
export function importanceOf(runs: Runs, options: ImportanceOptions): ParamImportance[] {
  const bins = options.bins ?? 10;
  if (!(Number.isInteger(bins) && bins >= 2)) throw new RunsDataError(messages.badValue("bins", "a whole number of at least 2", bins));
  const metric = metricColumn(runs, options.metric, options.scalars ?? null);
  const params = options.params ? options.params.map((name) => requireColumn(runs, name)) : runs.columns.filter((c) => c.role === "param");
  const made = params.map((param) => weigh(param, metric.values, bins));
  const key = (p: ParamImportance) => (Number.isNaN(p.etaSquared) ? -1 : p.etaSquared);
  return made.sort((a, b) => key(b) - key(a) || (Math.abs(b.spearman) || 0) - (Math.abs(a.spearman) || 0));
}

function weigh(param: RunColumn, metric: Float64Array, bins: number): ParamImportance {
  const rows = Array.from(metric.keys()).filter((row) => Number.isFinite(metric[row]) && textOf(param, row) !== null);
  const y = rows.map((row) => metric[row]);
  let rho = NaN;
  let p = NaN;
  let group: (string | number)[];
  if (param.kind === "numeric") {
    const x = rows.map((row) => param.values[row]);
    ({ rho, p } = spearman(x, y));
    group = binsOf(x, bins);
  } else {
    group = rows.map((row) => param.values[row]!);
  }
  const groups = new Set(group).size;
  return { param: param.name, n: rows.length, spearman: rho, spearmanP: p, etaSquared: etaSquared(group, y), groups, chance: (groups - 1) / (rows.length - 1) };
}

/** Spearman's rho, the Pearson correlation of the ranks, and its p from Student's t with n - 2 df (scipy.stats.spearmanr). */
export function spearman(x: readonly number[], y: readonly number[]): { rho: number; p: number } {
  if (x.length < 3) return { rho: NaN, p: NaN };
  const rho = pearson(ranks(x).ranks, ranks(y).ranks);
  const df = x.length - 2;
  const t = rho * Math.sqrt(Math.max(0, df / ((rho + 1) * (1 - rho))));
  return { rho, p: tTwoSided(t, df) };
}

/** Each value itself when there are at most `bins` distinct values, else its bin between the type-7 quantiles k/bins (numpy: searchsorted(quantile(x, k/bins), x, "right")). */
export function binsOf(x: readonly number[], bins: number): number[] {
  if (new Set(x).size <= bins) return [...x];
  const sorted = Float64Array.from(x).sort();
  const edges = Array.from({ length: bins - 1 }, (_, k) => quantileSorted(sorted, (k + 1) / bins));
  return x.map((v) => edges.filter((edge) => edge <= v).length);
}

/** The between-group sum of squares over the total sum of squares; NaN when the metric does not vary. */
export function etaSquared(group: readonly (string | number)[], y: readonly number[]): number {
  const grand = mean(y);
  const members = new Map<string | number, number[]>();
  group.forEach((g, i) => {
    const values = members.get(g);
    if (values) values.push(y[i]);
    else members.set(g, [y[i]]);
  });
  let between = 0;
  for (const values of members.values()) between += values.length * (mean(values) - grand) ** 2;
  const total = y.reduce((sum, v) => sum + (v - grand) ** 2, 0);
  return total > 0 ? between / total : NaN;
}
