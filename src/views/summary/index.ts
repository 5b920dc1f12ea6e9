import { RunsDataError, messages } from "../../data/errors.js";
import type { RunsInput } from "../../data/input.js";
import { readRuns, type Runs } from "../../data/runs.js";
import { readScalars, type ScalarsInput } from "../../data/scalars.js";
import { redrawnView, type RedrawnView } from "../../render/view.js";
import { BAR_SORTS, type BarSort } from "./sort.js";
import { chooseBarMetrics } from "./metrics.js";
import { summaryStyle } from "./style.js";
import { SummaryState } from "./drawing.js";

export interface SummaryOptions {
  /**
   * Runs columns, series of the scalars reported once per run, or any series with :last, :min
   * or :max ("loss/validation:min"); null or undefined for every single-value metric.
   */
  metrics?: readonly string[] | null;
  /** A scalars table whose series reported once per run (a test accuracy) become metrics. */
  scalars?: ScalarsInput | null;
  /** How each metric's bars are ordered: largest value first (the default), smallest first, or as the runs table has them. */
  sort?: BarSort;
  /** Width in CSS pixels; defaults to the width of the container. */
  width?: number | null;
  /** The most height, in CSS pixels, a metric's bars take before they scroll. */
  height?: number;
  /** Run ids to highlight, as set from outside (Python's `w.selected`). */
  selected?: readonly string[];
}

/** The element; its value is the runs chosen by clicking bars or their names, or set from outside. */
export interface SummaryElement extends RedrawnView<SummaryOptions> {
  /** What the last frame drew, for tests. */
  readonly drawn: { bars: number; rows: number };
}

/**
 * Single-value metrics of runs as bars: a panel per metric, a labelled bar per run, sorted by
 * value; each panel scrolls through its runs, and its extremes are at the two ends.
 */
export function summary(runs: RunsInput, options: SummaryOptions = {}): SummaryElement {
  let table: Runs | null = null;
  const { root, drawing } = redrawnView(
    "summary",
    { height: 300, sort: "descending" as BarSort, ...options },
    (root, current, hooks) => {
      table ??= readRuns(runs);
      const metrics = chooseBarMetrics(table, current.scalars ? readScalars(current.scalars) : null, current.metrics);
      const sort = current.sort ?? "descending";
      if (!BAR_SORTS.includes(sort)) throw new RunsDataError(messages.badOption("sort", BAR_SORTS, sort));
      return new SummaryState(root, table, metrics, { ...current, sort }, hooks);
    },
    [summaryStyle()],
  );
  Object.defineProperty(root, "drawn", { get: () => drawing()?.drawn ?? { bars: 0, rows: 0 } });
  return root as SummaryElement;
}
