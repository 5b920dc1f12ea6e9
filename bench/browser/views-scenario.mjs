// What every library is asked to draw in the views benchmark (bench/views.mjs), so the timings
// compare like with like: the sweep of bench/data.mjs, 16 columns a run.
import { METRICS, PARAMS } from "./scenario.mjs";

/** The width every view and peer is given; heights are each library's own for its content. */
export const WIDTH = 1000;

/** Scatter: one point per run, x on a log axis, coloured and sized by two more columns. */
export const SCATTER = { x: "params.lr", y: "metrics.val/acc", color: "params.batch_size", size: "params.layers" };

/** Summary and values: the metrics, one bar chart (or table column) each. */
export const SUMMARY_METRICS = METRICS.map((key) => `metrics.${key}`);

/** Diff: every run side by side over the params and metrics. */
export const DIFF_COLUMNS = [...PARAMS.map((key) => `params.${key}`), ...SUMMARY_METRICS];

/** Values: the scalars' two series (bench/data.mjs makeScalars), their last value. */
export const VALUES_SERIES = ["loss/train", "loss/validation"];
