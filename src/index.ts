/** runcompare: compare machine-learning runs. Each view is (data, options) => HTMLElement with .value. */
export * from "./views/registry.js";
export { readRuns, type Runs, type RunColumn, type NumericColumn, type CategoricalColumn } from "./data/runs.js";
export type { RunsInput } from "./data/input.js";
export { RunsDataError } from "./data/errors.js";
export { significance, type SignificanceOptions, type Comparison } from "./data/significance.js";
export { importance, spearman, etaSquared, type ImportanceOptions, type ParamImportance } from "./data/importance.js";
export { welch, pairedT, mannWhitney, wilcoxon, type TestResult } from "./data/stats/tests.js";
export { bootstrapDifference, type BootstrapOptions, type Interval } from "./data/stats/bootstrap.js";
export { holm } from "./data/stats/adjust.js";
export { cohensD, cohensDz } from "./data/stats/effect.js";
export { smooth, SMOOTHING_TYPES, type SmoothingType } from "./data/smoothing.js";
export { publication, publish, type Publication } from "./render/publication.js";
