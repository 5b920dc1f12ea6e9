import json from "../../../schema/views/compare.json" with { type: "json" };
import type { DetailsInput } from "../../data/details.js";
import type { RunsInput } from "../../data/input.js";
import type { SignificanceTest } from "../../data/significance-text.js";
import { checkState, type ViewSchema } from "../../data/schema.js";
import type { SampleSource } from "../samples/store.js";
import { makeView, type ViewElement, type ViewOptions } from "../../render/view.js";
import { CompareDrawing } from "./drawing.js";
import { readHash, writeHash } from "./hash.js";
import { compareStyle } from "./style.js";

export type CompareTab = "details" | "hyperparameters" | "scalars" | "plots" | "samples";

/** The page's state: the tab and base run, the runs compared and hidden, and every view's own state. */
export interface CompareState {
  readonly tab: CompareTab;
  readonly base: string | null;
  /** The runs checked in the runs table; empty for the first 100 rows shown. */
  readonly compared: readonly string[];
  readonly hidden: readonly string[];
  /** Whether the runs table pane is open. */
  readonly pane: boolean;
  /** The view each tab with several shows. */
  readonly shown: { readonly hyperparameters?: "table" | "parallel" | "scatter" | "influence"; readonly scalars?: "scalars" | "values" | "summary" };
  /** The params clicked in the importance bars, each added as an axis of the parallel coordinates. */
  readonly params: readonly string[];
  /** The runs table's state. */
  readonly table: object;
  /** Each view's state, by view name, as its `.state` gave it (the base and the runs compared are the page's). */
  readonly views: Readonly<Record<string, object>>;
}

/** The options of schema/views/compare.json, which says more of each. */
export interface CompareOptions extends ViewOptions<CompareState> {
  /** The values the runs reported: the Scalars tab, and each series' last, min and max as table columns. */
  scalars?: RunsInput | null;
  /** Config fields per run for the Details tab's diff; without it the diff shows the runs table's params, metrics and tags. */
  details?: DetailsInput | null;
  /** Debug samples: the Debug samples tab. */
  samples?: RunsInput | null;
  /** Plots: the Plots tab. */
  plots?: RunsInput | null;
  /** Where samples with neither data nor url get their bytes (the notebook widget asks the kernel), by their row in `samples`. */
  source?: SampleSource | null;
  /** The tab shown. */
  tab?: CompareTab;
  /** The run every tab compares the others with; null for the first run compared. */
  base?: string | null;
  /** Runs columns whose values make a group: the Scalars tab's views compare the groups. */
  groupBy?: readonly string[] | string | null;
  /** A column naming each run's counterpart in the other group: the paired tests. */
  pairBy?: string | null;
  /** The label of the group the others are compared with (the views' `base`); null for the first with two runs. */
  baseGroup?: string | null;
  /** The test the Scalars tab's views compare groups with. */
  test?: SignificanceTest;
  /** True keeps the page's state in the URL's hash, so a copied link reopens the same page. */
  hash?: boolean | null;
}

/** The tables a page was given (the runs table whole, the others as given or null). */
export interface PageTables {
  readonly runs: RunsInput;
  readonly scalars: RunsInput | null;
  readonly details: DetailsInput | null;
  readonly samples: RunsInput | null;
  readonly plots: RunsInput | null;
  /** Where the samples' bytes come from when they are not in the table, by their row in `samples`. */
  readonly source: SampleSource | null;
}

export type CompareElement = ViewElement<CompareOptions, CompareState>;

export const compareSchema = json as ViewSchema;

/**
 * The comparison page: the runs table, and tabs of views of the runs compared (Details,
 * Hyperparameters, Scalars, Plots, Debug samples) sharing one base run, one colour per run, the
 * hidden runs and one selection; its value is the selected run ids, its state the whole page's.
 */
export function compare(runs: RunsInput, options: CompareOptions = {}): CompareElement {
  const fromHash = options.hash === true && options.state == null ? stateFromHash() : undefined;
  const { root } = makeView<CompareOptions, CompareState, CompareDrawing>(
    {
      schema: compareSchema,
      styles: () => [compareStyle()],
      data: runs,
      draw: (root, current, hooks, data) => {
        const { scalars, details, samples, plots, source } = current;
        return new CompareDrawing(root, { runs: data!, scalars, details, samples, plots, source }, current, hooks);
      },
    },
    fromHash ? { ...options, state: fromHash } : options,
  );
  if (options.hash === true) root.addEventListener("statechange", () => writeHash(root.state));
  return root;
}

/** The state a copied link carries, if it is one this page can show (else the page opens as given). */
function stateFromHash(): Partial<CompareState> | undefined {
  const state = readHash();
  if (state === undefined) return undefined;
  try {
    return checkState(compareSchema, state) as Partial<CompareState>;
  } catch (e) {
    console.warn(`runcompare: the link's page state is left out: ${(e as Error).message}`);
    return undefined;
  }
}
