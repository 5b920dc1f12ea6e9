import json from "../../../schema/views/values.json" with { type: "json" };
import type { RunsInput } from "../../data/input.js";
import { memoLast } from "../../data/memo.js";
import { readRuns } from "../../data/runs.js";
import type { ViewSchema } from "../../data/schema.js";
import { readScalars, type ScalarsInput } from "../../data/scalars.js";
import type { SignificanceTest } from "../../data/significance-text.js";
import { type Summary } from "../../data/summaries.js";
import { makeView, type ViewElement, type ViewOptions } from "../../render/view.js";
import { checkSettings, ValuesData } from "./data.js";
import { ValuesTable } from "./drawing.js";
import { type RunsAs } from "./grid.js";
import { valuesStyle } from "./style.js";

/** What the user changed with the values table's switches and headers, as JSON: the `state` the view gives and takes. */
export interface ValuesState {
  readonly summary: Summary;
  readonly extremes: boolean;
  readonly runsAs: RunsAs | null;
  readonly sortBy: string | null;
  readonly descending: boolean;
  readonly test: SignificanceTest;
}

/** The options of schema/views/values.json, which says more of each. */
export interface ValuesOptions extends ViewOptions<ValuesState> {
  /** A runs table: its runs that reported a value are shown, in its order, by their names. Else the scalars' runs. */
  runs?: RunsInput | null;
  /** Which value of each series a cell shows; the switch in the view changes it too. */
  summary?: Summary;
  /** Highlight each series' highest and lowest values, and keep them in view beside it. */
  extremes?: boolean;
  /**
   * A run per row ("rows") or per column ("columns"); null (the default) takes rows when there
   * are more runs than series, so the table grows downwards. The view has a switch for it.
   */
  runsAs?: RunsAs | null;
  /**
   * The column whose values order the rows: a run id when runs are columns, a series when runs
   * are rows; null keeps the original order.
   */
  sortBy?: string | null;
  descending?: boolean;
  /** Columns of the runs table whose values make a group; under the table each series compares every group with the base group. */
  groupBy?: readonly string[] | string | null;
  /** A column pairing each run with its counterpart in the other group (the seed, the fold): paired tests. */
  pairBy?: string | null;
  /** The group the others are compared with, by label; default the first group with two runs that have a value. */
  base?: string | null;
  /** "t" (Welch, or paired t) or "rank" (Mann-Whitney, or Wilcoxon). */
  test?: SignificanceTest;
}

/** The element; its value is the runs chosen by clicking their names, or set from outside. */
export type ValuesElement = ViewElement<ValuesOptions, ValuesState>;

export const valuesSchema = json as ViewSchema;

/** A table of each run's last, min or max value of every series of the scalars. */
export function values(scalars: ScalarsInput, options: ValuesOptions = {}): ValuesElement {
  const tablesOf = memoLast((scalars: ScalarsInput, runs: RunsInput | null) => new ValuesData(readScalars(scalars), runs ? readRuns(runs) : null));
  const { root } = makeView<ValuesOptions, ValuesState, ValuesTable>(
    {
      schema: valuesSchema,
      styles: () => [valuesStyle()],
      data: scalars,
      draw: (root, current, hooks, data) => {
        const tables = tablesOf(data!, (current.runs as RunsInput | null) ?? null);
        checkSettings(current, tables);
        return new ValuesTable(root, tables, current, hooks);
      },
    },
    options,
  );
  return root;
}
