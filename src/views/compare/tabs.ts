import { runIdsIn } from "../../data/subset.js";
import type { ViewElement } from "../../render/view.js";
import type { SignificanceTest } from "../../data/significance-text.js";
import { diff } from "../diff/index.js";
import { influence } from "../influence/index.js";
import { parallel } from "../parallel/index.js";
import { plots } from "../plots/index.js";
import { samples } from "../samples/index.js";
import { scalars } from "../scalars/index.js";
import { scatter } from "../scatter/index.js";
import { summary } from "../summary/index.js";
import { table } from "../table/index.js";
import { values } from "../values/index.js";
import type { PageTables } from "./index.js";

/**
 * The tables of the runs a page compares: the page's tables cut to the runs table's rows of those
 * runs and every other table's rows of them (`source` serves the samples by their row in `samples`).
 */
export interface ComparedTables extends PageTables {
  /** The runs table's params.* columns, the Hyperparameters tab's values table. */
  readonly params: readonly string[];
  /** Its metrics.* columns: the scatter's axes where the runs have no params. */
  readonly metrics: readonly string[];
}

/** How the Scalars tab's views compare groups of runs (the summary, values and scalars views' options of these names). */
export interface Significance {
  readonly groupBy: readonly string[] | string | null;
  readonly pairBy: string | null;
  /** The group the others are compared with: the page's `baseGroup`. */
  readonly base: string | null;
  readonly test: SignificanceTest;
}

/** What every view of a tab is made with besides its tables: the page's base run, one colour per run, how groups are compared, the params chosen as axes, its own state. */
export interface Shared {
  readonly base: string | null;
  readonly colors: Readonly<Record<string, string>>;
  readonly significance: Significance;
  readonly params: readonly string[];
  readonly state: object | undefined;
}

/**
 * What a view's value is to the page: the selection it shares, the runs it compares (the diff's:
 * a run removed there stops being compared), or the params chosen as parallel axes (the importance bars').
 */
export type ValueKind = "selection" | "compared" | "params";

/** One view a tab can show. */
export interface TabView {
  readonly name: string;
  readonly label: string;
  readonly value: ValueKind;
  /** Whether the page's tables have what it shows (absent: always). */
  has?(tables: ComparedTables): boolean;
  /** The base run it is given of the page's (absent: the page's as it is). */
  base?(tables: ComparedTables, base: string | null): string | null;
  make(tables: ComparedTables, shared: Shared): ViewElement;
}

/** The page's base run where the samples or plots have rows of it, else null (their view's first run): they may be of fewer runs than compared. */
const baseIn =
  (name: "samples" | "plots") =>
  (t: ComparedTables, base: string | null): string | null =>
    base !== null && runIdsIn(t[name]!, name).has(base) ? base : null;
const plotsBase = baseIn("plots");
const samplesBase = baseIn("samples");

export interface Tab {
  readonly name: "details" | "hyperparameters" | "scalars" | "plots" | "samples";
  readonly label: string;
  /** Whether the page was given the data this tab shows. */
  has(tables: ComparedTables): boolean;
  readonly views: readonly TabView[];
}

const always = () => true;

/** The tabs, in the order the page shows them (ClearML's): what each shows, made by the views' own functions. */
export const TABS: readonly Tab[] = [
  {
    name: "details",
    label: "Details",
    has: always,
    views: [
      {
        name: "diff",
        label: "Diff",
        value: "compared",
        make: (t, { base, state }) => diff(t.details ?? t.runs, { base, state }),
      },
    ],
  },
  {
    name: "hyperparameters",
    label: "Hyperparameters",
    has: always,
    views: [
      {
        name: "table",
        label: "Values",
        value: "selection",
        make: (t, { state }) => table(t.runs, { columns: t.params.length ? t.params : null, height: 420, state }),
      },
      { name: "parallel", label: "Parallel", value: "selection", make: (t, { colors, state }) => parallel(t.runs, { scalars: t.scalars, colors, state }) },
      {
        name: "scatter",
        label: "Scatter",
        value: "selection",
        // The scatter puts a param on x; runs with none (a TensorBoard log, a GAN's losses) plot two metrics.
        make: (t, { colors, state }) =>
          scatter(t.runs, { scalars: t.scalars, colors, state, ...(t.params.length ? {} : { x: t.metrics[0] ?? null, y: t.metrics[1] ?? null }) }),
      },
      {
        name: "influence",
        label: "Importance",
        value: "params",
        // Runs with no params (a TensorBoard log) have nothing to weigh.
        has: (t) => t.params.length > 0,
        make: (t, { params }) => {
          const element = influence(t.runs, { scalars: t.scalars });
          element.value = [...params];
          return element;
        },
      },
    ],
  },
  {
    name: "scalars",
    label: "Scalars",
    has: (t) => t.scalars !== null,
    views: [
      {
        name: "scalars",
        label: "Graph",
        value: "selection",
        make: (t, { colors, significance, state }) => scalars(t.scalars, { runs: t.runs, colors, ...significance, state }),
      },
      {
        name: "values",
        label: "Values",
        value: "selection",
        make: (t, { significance, state }) => values(t.scalars!, { runs: t.runs, ...significance, state }),
      },
      {
        name: "summary",
        label: "Summary",
        value: "selection",
        make: (t, { colors, significance, state }) => summary(t.runs, { scalars: t.scalars, colors, ...significance, state }),
      },
    ],
  },
  {
    name: "plots",
    label: "Plots",
    has: (t) => t.plots !== null,
    views: [
      {
        name: "plots",
        label: "Plots",
        value: "selection",
        base: plotsBase,
        make: (t, { base, colors, state }) => plots(t.plots!, { runs: t.runs, base: plotsBase(t, base), colors, state }),
      },
    ],
  },
  {
    name: "samples",
    label: "Debug samples",
    has: (t) => t.samples !== null,
    views: [
      {
        name: "samples",
        label: "Debug samples",
        value: "selection",
        base: samplesBase,
        make: (t, { base, state }) => samples(t.samples!, { runs: t.runs, base: samplesBase(t, base), source: t.source, state }),
      },
    ],
  },
];
