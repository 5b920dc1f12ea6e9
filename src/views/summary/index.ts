import json from "../../../schema/views/summary.json" with { type: "json" };
import type { RunsInput } from "../../data/input.js";
import { memoLast } from "../../data/memo.js";
import { readRuns } from "../../data/runs.js";
import type { ViewSchema } from "../../data/schema.js";
import { readScalars, type ScalarsInput } from "../../data/scalars.js";
import type { SignificanceTest } from "../../data/significance-text.js";
import { makeView, type ViewElement, type ViewOptions } from "../../render/view.js";
import { SummaryChart } from "./drawing.js";
import { chooseBarMetrics } from "./metrics.js";
import { type BarSort } from "./sort.js";
import { summaryStyle } from "./style.js";

/** What the user changed in the summary bars, as JSON: the `state` the view gives and takes. */
export interface SummaryState {
  readonly sort: BarSort;
  readonly test: SignificanceTest;
}

/** The options of schema/views/summary.json, which says more of each. */
export interface SummaryOptions extends ViewOptions<SummaryState> {
  /**
   * Runs columns, series of the scalars reported once per run, or any series with :last, :min
   * or :max ("loss/validation:min"); null or undefined for every single-value metric.
   */
  metrics?: readonly string[] | string | null;
  /** A scalars table whose series reported once per run (a test accuracy) become metrics. */
  scalars?: ScalarsInput | null;
  /** Runs columns whose values make a group; each panel then compares every group with the base group. */
  groupBy?: readonly string[] | string | null;
  /** A column pairing each run with its counterpart in the other group (the seed, the fold): paired tests. */
  pairBy?: string | null;
  /** The group the others are compared with, by label; default the first group with two runs that have the metric. */
  base?: string | null;
  /** "t" (Welch, or paired t) or "rank" (Mann-Whitney, or Wilcoxon). */
  test?: SignificanceTest;
  /** How each metric's bars are ordered: largest value first (the default), smallest first, or as the runs table has them. */
  sort?: BarSort;
  /** Width in CSS pixels; defaults to the width of the container. */
  width?: number | null;
  /** The most height, in CSS pixels, a metric's bars take before they scroll. */
  height?: number;
}

/** The element; its value is the runs chosen by clicking bars or their names, or set from outside. */
export interface SummaryElement extends ViewElement<SummaryOptions, SummaryState> {
  /** What the last frame drew, for tests. */
  readonly drawn: { bars: number; rows: number };
}

export const summarySchema = json as ViewSchema;

/**
 * Single-value metrics of runs as bars: a panel per metric, a labelled bar per run, sorted by
 * value; each panel scrolls through its runs, and its extremes are at the two ends.
 */
export function summary(runs: RunsInput, options: SummaryOptions = {}): SummaryElement {
  const runsOf = memoLast(readRuns);
  const { root, drawing } = makeView<SummaryOptions, SummaryState, SummaryChart>(
    {
      schema: summarySchema,
      styles: () => [summaryStyle()],
      data: runs,
      draw: (root, current, hooks, data) => {
        const table = runsOf(data!);
        const metrics = chooseBarMetrics(table, current.scalars ? readScalars(current.scalars) : null, current.metrics as readonly string[] | null);
        return new SummaryChart(root, table, metrics, current, hooks);
      },
    },
    options,
  );
  Object.defineProperty(root, "drawn", { get: () => drawing()?.drawn ?? { bars: 0, rows: 0 } });
  return root as SummaryElement;
}
