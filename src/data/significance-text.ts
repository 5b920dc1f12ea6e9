/**
 * A comparison of a group with the base group in the words a view shows:
 * "+4.4% [2.8, 5.9], p = 0.0016, Welch, n = 4 vs 5". Shared by every view that compares groups.
 */
import type { Runs } from "./runs.js";
import { comparingGroups, finished, type Comparison } from "./significance.js";

/** Which of the two tests a view shows: Student's t (Welch, or paired t) or the rank test (Mann-Whitney, or Wilcoxon). */
export type SignificanceTest = "t" | "rank";
export const SIGNIFICANCE_TESTS: readonly SignificanceTest[] = ["t", "rank"];

const NB = "\u00a0";

export interface ComparisonText {
  readonly group: string;
  /** The difference, its interval, p, the test and the sizes. */
  readonly text: string;
  /** What a small sample cannot show, or null. */
  readonly note: string | null;
  /** The p shown (Holm's when several groups are compared), NaN when there was no test. */
  readonly p: number;
}

/**
 * Each comparison's text. Holm's p is shown when more than one group is compared (its name says
 * so); the difference is relative to the base's centre unless that is 0 or missing.
 */
export function comparisonTexts(comparisons: readonly Comparison[], test: SignificanceTest): ComparisonText[] {
  const holm = comparisons.length > 1;
  return comparisons.map((c) => {
    const p = test === "t" ? (holm ? c.pHolm : c.p) : holm ? c.rankPHolm : c.rankP;
    const name = test === "t" ? c.test : c.rankTest.replace(/ (U|signed-rank)$/, "");
    // No-break spaces keep "p = 0.0016" and "n = 4 vs 5" whole where a line wraps.
    const sizes = c.paired ? `n${NB}=${NB}${c.n}${NB}pairs` : `n${NB}=${NB}${c.n}${NB}vs${NB}${c.nBase}`;
    const tested = Number.isNaN(p) ? "no test" : `${holm ? `Holm${NB}` : ""}p${NB}${pText(p)}, ${name}`;
    return { group: c.group, text: `${differenceText(c)}, ${tested}, ${sizes}`, note: c.note, p };
  });
}

/** "+4.4% [2.8, 5.9]" (of the base's centre), or the plain difference "+0.035 [0.023, 0.048]" when the base's centre is 0. */
export function differenceText(c: Pick<Comparison, "difference" | "low" | "high" | "baseCenter">): string {
  if (Number.isNaN(c.difference)) return "no difference to show";
  const scale = Number.isFinite(c.baseCenter) && c.baseCenter !== 0 ? 100 / Math.abs(c.baseCenter) : 1;
  const [d, low, high] = [c.difference, c.low, c.high].map((v) => v * scale);
  const decimals = decimalsFor(Math.abs(d) || Math.max(Math.abs(low) || 0, Math.abs(high) || 0));
  const fixed = (v: number) => (Number.isNaN(v) ? "?" : v.toFixed(decimals).replace(/^-/, "−"));
  const sign = d > 0 ? "+" : "";
  return `${sign}${fixed(d)}${scale === 1 ? "" : "%"} [${fixed(low)}, ${fixed(high)}]`;
}

/** "= 0.0016", "= 0.42", "< 0.0001": two significant digits. */
export function pText(p: number): string {
  if (p < 1e-4) return `<${NB}0.0001`;
  return `=${NB}${Number(p.toPrecision(2))}`;
}

/** Decimals that give the difference two significant digits (at most 6); its interval is shown to as many. */
function decimalsFor(largest: number): number {
  if (!(largest > 0) || !Number.isFinite(largest)) return 1;
  return Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(largest))));
}

/** The options a view compares groups by (its schema's groupBy, pairBy, base and test). */
export interface GroupingOptions {
  readonly groupBy: string | readonly string[] | null;
  readonly pairBy: string | null;
  readonly base: string | null;
  readonly test: SignificanceTest;
}

/** A value per run compared across the groups, as text: the base's label and a text per group; null when the options group nothing. */
export interface DescribedComparisons {
  readonly base: string;
  readonly texts: readonly ComparisonText[];
}

export function describeGroups(runs: Runs, values: ArrayLike<number>, options: GroupingOptions): DescribedComparisons | null {
  return finished(describingGroups(runs, values, options));
}

/** describeGroups a group at a time (see comparingGroups). */
export function* describingGroups(runs: Runs, values: ArrayLike<number>, options: GroupingOptions): Generator<void, DescribedComparisons | null, void> {
  const { groupBy, pairBy, base, test } = options;
  if (groupBy === null) return null;
  const comparisons = yield* comparingGroups(runs, values, { groupBy, pairBy, base });
  return { base: comparisons[0]?.base ?? base ?? "", texts: comparisonTexts(comparisons, test) };
}
