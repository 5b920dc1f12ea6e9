import json from "../../../schema/views/scatter.json" with { type: "json" };
import type { RunsInput } from "../../data/input.js";
import { memoLast } from "../../data/memo.js";
import { readRuns } from "../../data/runs.js";
import type { ViewSchema } from "../../data/schema.js";
import { type ScalarsInput } from "../../data/scalars.js";
import { makeView, type ViewElement, type ViewOptions } from "../../render/view.js";
import { type ChannelChoice } from "./channels.js";
import { ScatterChart } from "./drawing.js";

/** What the user changed with the scatter plot's pickers, as JSON: the `state` the view gives and takes. */
export interface ScatterState {
  readonly x: string | null;
  readonly y: string | null;
  readonly color: string | null;
}

/** The options of schema/views/scatter.json, which says more of each. */
export interface ScatterOptions extends ChannelChoice, ViewOptions<ScatterState> {
  /** A scalars table to summarise y from (a series' last, min or max: "loss/validation:min"). */
  scalars?: ScalarsInput | null;
  /** Width in CSS pixels; defaults to the width of the container. */
  width?: number | null;
  /** The chart's height in CSS pixels. */
  height?: number;
}

/** What a frame drew. Declared here, not with the drawing, so the published types reach no d3 types. */
export interface DrawnPoints {
  /** Points drawn in all (those inside the zoomed view). */
  points: number;
  /** Points drawn in colour over the faded ones (0 when nothing is selected). */
  emphasised: number;
}

/** The element; its value is the runs inside the brush, the clicked one, or those set from outside. */
export interface ScatterElement extends ViewElement<ScatterOptions, ScatterState> {
  /** What the last frame drew, for tests and benchmarks. */
  readonly drawn: DrawnPoints;
}

export const scatterSchema = json as ViewSchema;

/** A scatter plot of runs: a param, metric or other column on x against a metric on y, one point per run. */
export function scatter(data: RunsInput, options: ScatterOptions = {}): ScatterElement {
  const runsOf = memoLast(readRuns);
  const { root, drawing } = makeView<ScatterOptions, ScatterState, ScatterChart>(
    {
      schema: scatterSchema,
      data,
      draw: (root, current, hooks, runs) => new ScatterChart(root, runsOf(runs!), current, hooks),
    },
    options,
  );
  Object.defineProperty(root, "drawn", { get: () => drawing()?.drawn ?? { points: 0, emphasised: 0 } });
  return root as ScatterElement;
}
