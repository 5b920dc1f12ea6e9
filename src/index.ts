/** runcompare: compare machine-learning runs. Each view is (data, options) => HTMLElement with .value. */
export { parallel, type ParallelOptions, type ParallelElement } from "./views/parallel/index.js";
export { scatter, type ScatterOptions, type ScatterElement } from "./views/scatter/index.js";
export { values, type ValuesOptions, type ValuesElement } from "./views/values/index.js";
export { summary, type SummaryOptions, type SummaryElement } from "./views/summary/index.js";
export { scalars, type ScalarsOptions, type ScalarsElement } from "./views/scalars/index.js";
export { diff, type DiffOptions, type DiffElement } from "./views/diff/index.js";
export { table, type TableOptions, type TableElement, type TableState, type RowFilter } from "./views/table/index.js";
export { samples, type SamplesOptions, type SamplesElement, type SamplesState, type SampleSource } from "./views/samples/index.js";
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
