/** runcompare: compare machine-learning runs. Each view is (data, options) => HTMLElement with .value. */
export { parallel, type ParallelOptions, type ParallelElement } from "./views/parallel/index.js";
export { scatter, type ScatterOptions, type ScatterElement } from "./views/scatter/index.js";
export { values, type ValuesOptions, type ValuesElement } from "./views/values/index.js";
export { summary, type SummaryOptions, type SummaryElement } from "./views/summary/index.js";
export { scalars, type ScalarsOptions, type ScalarsElement } from "./views/scalars/index.js";
export { diff, type DiffOptions, type DiffElement } from "./views/diff/index.js";
export { table, type TableOptions, type TableElement, type TableState, type RowFilter } from "./views/table/index.js";
export { readRuns, type Runs, type RunColumn, type NumericColumn, type CategoricalColumn } from "./data/runs.js";
export type { RunsInput } from "./data/input.js";
export { RunsDataError } from "./data/errors.js";
