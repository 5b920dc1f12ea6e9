import json from "../../../schema/views/diff.json" with { type: "json" };
import { readDetails, type Details, type DetailsInput } from "../../data/details.js";
import { lineageFirst } from "../../data/lineage.js";
import type { ViewSchema } from "../../data/schema.js";
import { makeView, type ViewElement, type ViewOptions } from "../../render/view.js";
import { DiffTable } from "./drawing.js";
import { diffStyle } from "./style.js";

/** What the user changed in the diff, as JSON: the `state` the view gives and takes. */
export interface DiffState {
  /** The runs compared, in column order (the base first); null for every run. */
  readonly runs: readonly string[] | null;
  readonly base: string | null;
  readonly hideIdentical: boolean;
  readonly search: string;
  /** The sections collapsed, by path. */
  readonly collapsed: readonly string[];
}

/** The options of schema/views/diff.json, which says more of each. */
export interface DiffOptions extends ViewOptions<DiffState> {
  /** Run ids to compare, in column order; defaults to every run, in the details' order. */
  runs?: readonly string[] | string | null;
  /** The run every other is compared with; it becomes the leftmost column. Defaults to the first run. */
  base?: string | null;
  /** Show only the fields where some run differs from the base. */
  hideIdentical?: boolean;
  /** Text to find in field names and values. */
  search?: string;
  /** The table's largest height in CSS pixels; it scrolls beyond. */
  height?: number;
}

/**
 * The element; its value is the runs compared, the base first: the user changes them from the
 * headers (set as base, drag, remove), and setting it compares those runs.
 */
export interface DiffElement extends ViewElement<DiffOptions, DiffState> {
  /** The fields that differ from the base, with each run's value, as JSON. */
  exportJSON(): string;
}

export const diffSchema = json as ViewSchema;

/**
 * Side-by-side diff: a column per run, each config field on a row, grouped in collapsible
 * sections; every value that differs from the base run's is highlighted.
 */
export function diff(data: DetailsInput, options: DiffOptions = {}): DiffElement {
  let details: Details | null = null;
  const { root, shown } = makeView<DiffOptions, DiffState, DiffTable>(
    {
      schema: diffSchema,
      styles: () => [diffStyle()],
      draw: (root, current, hooks) => {
        // Code, data and environment first: what else may explain a change in a metric.
        details ??= lineageFirst(readDetails(data));
        return new DiffTable(root, details, current, hooks);
      },
    },
    options,
  );
  root.tabIndex = 0;
  // JupyterLab's command-mode keys (j, k, ...) would act on the notebook while the view has focus.
  root.setAttribute("data-lm-suppress-shortcuts", "true");
  const element = root as DiffElement;
  element.exportJSON = () => shown().exportJSON();
  return element;
}
