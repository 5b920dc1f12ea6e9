/** runcompare: compare machine-learning runs. Each view is (data, options) => HTMLElement with .value. */
export { parallel, type ParallelOptions, type ParallelElement } from "./views/parallel/index.js";
export { scatter, type ScatterOptions, type ScatterElement } from "./views/scatter/index.js";
export { readRuns, type Runs, type RunColumn, type NumericColumn, type CategoricalColumn } from "./data/runs.js";
export type { RunsInput } from "./data/input.js";
export { RunsDataError } from "./data/errors.js";
