import json from "../../../schema/views/influence.json" with { type: "json" };
import type { RunsInput } from "../../data/input.js";
import { readRuns, type Runs } from "../../data/runs.js";
import type { ViewSchema } from "../../data/schema.js";
import type { ScalarsInput } from "../../data/scalars.js";
import { makeView, type ViewElement, type ViewOptions } from "../../render/view.js";
import { InfluenceChart, weighParams } from "./drawing.js";
import { influenceStyle } from "./style.js";

/** The parameter importance view keeps no state of its own: its value is the params clicked. */
export type InfluenceState = Record<never, never>;

/** The options of schema/views/influence.json, which says more of each. */
export interface InfluenceOptions extends ViewOptions<InfluenceState> {
  /** A runs column or a series' summary ("loss/validation:min"); null for the first metrics.* column. */
  metric?: string | null;
  /** The params to weigh; null for every params.* column. */
  params?: readonly string[] | null;
  /** A numeric param of more distinct values is cut into this many quantile bins. */
  bins?: number;
  /** A scalars table, for a metric that is a series' summary. */
  scalars?: ScalarsInput | null;
  /** Width in CSS pixels; defaults to the width of the container. */
  width?: number | null;
}

/**
 * The element; its value is the params clicked (their full column names, "params.lr"), with an
 * `input` event: the parallel coordinates add their axes from it.
 */
export type InfluenceElement = ViewElement<InfluenceOptions, InfluenceState>;

export const influenceSchema = json as ViewSchema;

/**
 * Parameter importance as sorted bars: each param's share of the metric's variance (eta
 * squared), a mark at what chance gives a param of as many groups, and Spearman's rho.
 */
export function influence(runs: RunsInput, options: InfluenceOptions = {}): InfluenceElement {
  let table: Runs | null = null;
  const { root } = makeView<InfluenceOptions, InfluenceState, InfluenceChart>(
    {
      schema: influenceSchema,
      styles: () => [influenceStyle()],
      draw: (root, current, hooks) => {
        table ??= readRuns(runs);
        return new InfluenceChart(root, weighParams(table, current), hooks, current.width);
      },
    },
    options,
  );
  return root as InfluenceElement;
}
