import json from "../../../schema/views/scalars.json" with { type: "json" };
import type { Aggregate, Band } from "../../data/align.js";
import type { RunsInput } from "../../data/input.js";
import type { ReduceMethod } from "../../data/reduce.js";
import { defaultOptions, type ViewSchema } from "../../data/schema.js";
import type { SignificanceTest } from "../../data/significance-text.js";
import type { SmoothingType } from "../../data/smoothing.js";
import { preferredSmoothing } from "../../render/style.js";
import type { Settled, ViewOptions } from "../../render/view.js";

/** What the x axis shows: steps, time since each run's first report, or the wall clock. */
export type XAxis = "step" | "relative" | "wall";
export type YScale = "linear" | "log";
/** One chart per metric and variant ("separate"), or per metric with its variants together. */
export type Variants = "separate" | "together";

/** What the user changed with the learning curves' controls and legend, as JSON: the `state` the view gives and takes. */
export type ScalarsState = Pick<
  Settings,
  "filter" | "variants" | "x" | "y" | "ignoreOutliers" | "smoothing" | "smoothingType" | "groupBy" | "aggregate" | "band" | "color"
> & {
  readonly hidden: readonly string[] | null;
};

/** The options of schema/views/scalars.json, which says more of each. */
export interface ScalarsOptions extends ViewOptions<ScalarsState> {
  /** The runs table: names, colours and the columns to group by. Without it runs are named by id. */
  runs?: RunsInput | null;
  /** Metrics ("loss", every variant) or series ("loss/train") to chart; all when null. */
  metrics?: readonly string[] | null;
  /** Shows only charts whose title contains this text, or matches it when written /regex/flags. */
  filter?: string;
  variants?: Variants;
  x?: XAxis;
  y?: YScale;
  /**
   * Fit the y axis to the values that are not outliers (true, the default), as TensorBoard's
   * "ignore outliers in chart scaling": a spike of 1e6 no longer flattens every curve, and the
   * points beyond the axis are marked at its edge. False fits every value.
   */
  ignoreOutliers?: boolean;
  /** 0 (none) to 0.999 (most), as TensorBoard's slider; null for the JupyterLab setting (0.6 unless changed). */
  smoothing?: number | null;
  smoothingType?: SmoothingType;
  /** Runs-table columns whose values group runs into one line each; none when null or empty. */
  groupBy?: readonly string[] | string | null;
  aggregate?: Aggregate;
  band?: Band;
  /** With groupBy, a column pairing each run with its counterpart in the other group (the seed): paired tests under each chart. */
  pairBy?: string | null;
  /** With groupBy, the group the others are compared with, by label; default the first group with two runs that have a value. */
  base?: string | null;
  /** With groupBy, "t" (Welch, or paired t) or "rank" (Mann-Whitney, or Wilcoxon). */
  test?: SignificanceTest;
  /** Runs-table column that colours the runs; each run its own colour when null. */
  color?: string | null;
  /** How long series are thinned per pixel column before drawing. */
  reduce?: ReduceMethod;
  /** Height of each chart in CSS pixels. */
  height?: number;
  /** Width of the whole view; defaults to the width of the container. */
  width?: number | null;
  /** Run ids to leave out of the charts (the legend's check boxes). */
  hidden?: readonly string[] | null;
}

/** Options with every default filled in (runs and selection are held apart). */
export interface Settings {
  metrics: readonly string[] | null;
  filter: string;
  variants: Variants;
  x: XAxis;
  y: YScale;
  ignoreOutliers: boolean;
  smoothing: number;
  smoothingType: SmoothingType;
  groupBy: readonly string[];
  aggregate: Aggregate;
  band: Band;
  pairBy: string | null;
  base: string | null;
  test: SignificanceTest;
  color: string | null;
  /** The page's colour per run (the `colors` option every view takes), when no colour column is chosen. */
  colors: Readonly<Record<string, string>> | null;
  reduce: ReduceMethod;
  height: number;
  width: number | null;
}

export const scalarsSchema = json as ViewSchema;

/**
 * The settings an options object asks for, every default filled in (schema/views/scalars.json's,
 * and for the smoothing the JupyterLab setting when the page has one). The options are checked
 * against the schema before they come here.
 */
export function settingsOf(options: ScalarsOptions): Settings {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== null));
  const settled = { ...defaultOptions(scalarsSchema), ...given } as Settled<ScalarsOptions>;
  const groupBy = settled.groupBy ?? [];
  return {
    metrics: settled.metrics as readonly string[] | null,
    filter: settled.filter,
    variants: settled.variants,
    x: settled.x,
    y: settled.y,
    ignoreOutliers: settled.ignoreOutliers,
    smoothing: settled.smoothing ?? preferredSmoothing(),
    smoothingType: settled.smoothingType,
    groupBy: typeof groupBy === "string" ? [groupBy] : groupBy,
    aggregate: settled.aggregate,
    band: settled.band,
    pairBy: settled.pairBy,
    base: settled.base,
    test: settled.test,
    color: settled.color,
    colors: settled.colors ?? null,
    reduce: settled.reduce,
    height: settled.height,
    width: settled.width,
  };
}
