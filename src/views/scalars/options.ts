import { AGGREGATES, BANDS, type Aggregate, type Band } from "../../data/align.js";
import { RunsDataError, messages } from "../../data/errors.js";
import type { RunsInput } from "../../data/input.js";
import { REDUCE_METHODS, type ReduceMethod } from "../../data/reduce.js";
import { MAX_SMOOTHING, SMOOTHING_TYPES, type SmoothingType } from "../../data/smoothing.js";
import { preferredSmoothing } from "../../render/style.js";

/** What the x axis shows: steps, time since each run's first report, or the wall clock. */
export type XAxis = "step" | "relative" | "wall";
export type YScale = "linear" | "log";
/** One chart per metric and variant ("separate"), or per metric with its variants together. */
export type Variants = "separate" | "together";

export const X_AXES: readonly XAxis[] = ["step", "relative", "wall"];
export const Y_SCALES: readonly YScale[] = ["linear", "log"];
export const VARIANTS: readonly Variants[] = ["separate", "together"];

export interface ScalarsOptions {
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
  /** 0 (none) to 0.999 (most), as TensorBoard's slider. */
  smoothing?: number;
  smoothingType?: SmoothingType;
  /** Runs-table columns whose values group runs into one line each; none when null or empty. */
  groupBy?: readonly string[] | string | null;
  aggregate?: Aggregate;
  band?: Band;
  /** Runs-table column that colours the runs; each run its own colour when null. */
  color?: string | null;
  /** How long series are thinned per pixel column before drawing. */
  reduce?: ReduceMethod;
  /** Height of each chart in CSS pixels. */
  height?: number;
  /** Width of the whole view; defaults to the width of the container. */
  width?: number | null;
  /** Run ids to highlight. */
  selected?: readonly string[];
  /** Run ids to leave out of the charts (the legend's check boxes). */
  hidden?: readonly string[];
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
  color: string | null;
  reduce: ReduceMethod;
  height: number;
  width: number | null;
}

export const DEFAULTS: Settings = {
  metrics: null,
  filter: "",
  variants: "separate",
  x: "step",
  y: "linear",
  ignoreOutliers: true,
  /** The JupyterLab setting (Settings > runcompare) when the page has one, else 0.6. */
  get smoothing() {
    return preferredSmoothing();
  },
  smoothingType: "ema",
  groupBy: [],
  aggregate: "mean",
  band: "minmax",
  color: null,
  reduce: "minmax",
  height: 240,
  width: null,
};

/** The settings an options object asks for, checked; unknown choices raise the shared messages. */
export function settingsOf(options: ScalarsOptions, base: Settings = DEFAULTS): Settings {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ScalarsOptions;
  const groupBy =
    given.groupBy === undefined ? base.groupBy : given.groupBy === null ? [] : typeof given.groupBy === "string" ? [given.groupBy] : [...given.groupBy];
  const settings: Settings = {
    metrics: given.metrics === undefined ? base.metrics : given.metrics,
    filter: given.filter ?? base.filter,
    variants: oneOf("variants", given.variants ?? base.variants, VARIANTS),
    x: oneOf("x", given.x ?? base.x, X_AXES),
    y: oneOf("y", given.y ?? base.y, Y_SCALES),
    ignoreOutliers: flag("ignoreOutliers", given.ignoreOutliers ?? base.ignoreOutliers),
    smoothing: smoothingOf(given.smoothing ?? base.smoothing),
    smoothingType: oneOf("smoothingType", given.smoothingType ?? base.smoothingType, SMOOTHING_TYPES),
    groupBy,
    aggregate: oneOf("aggregate", given.aggregate ?? base.aggregate, AGGREGATES),
    band: oneOf("band", given.band ?? base.band, BANDS),
    color: given.color === undefined ? base.color : given.color,
    reduce: oneOf("reduce", given.reduce ?? base.reduce, REDUCE_METHODS),
    height: given.height ?? base.height,
    width: given.width === undefined ? base.width : given.width,
  };
  return settings;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new RunsDataError(messages.badOption(name, allowed, value));
  return value as T;
}

function flag(name: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new RunsDataError(messages.badOption(name, ["true", "false"], value));
  return value;
}

function smoothingOf(value: unknown): number {
  if (typeof value !== "number" || !(value >= 0 && value <= MAX_SMOOTHING))
    throw new RunsDataError(messages.badNumber("smoothing", "a number from 0 (none) to 0.999 (most)", value));
  return value;
}
