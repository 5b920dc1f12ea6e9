import type { RunsInput } from "../../data/input.js";
import { readRuns, type Runs } from "../../data/runs.js";
import { type ScalarsInput } from "../../data/scalars.js";
import { redrawnView, type RedrawnView } from "../../render/view.js";
import { type ChannelChoice } from "./channels.js";
import { ScatterState } from "./drawing.js";

export interface ScatterOptions extends ChannelChoice {
  /** A scalars table to summarise y from (a series' last, min or max: "loss/validation:min"). */
  scalars?: ScalarsInput | null;
  /** Width in CSS pixels; defaults to the width of the container. */
  width?: number | null;
  height?: number;
  /** Run ids to highlight, as set from outside (Python's `w.selected`); brushes nothing. */
  selected?: readonly string[];
}

/** What a frame drew. Declared here, not with the drawing, so the published types reach no d3 types. */
export interface DrawnPoints {
  /** Points drawn in all (those inside the zoomed view). */
  points: number;
  /** Points drawn in colour over the faded ones (0 when nothing is selected). */
  emphasised: number;
}

/** The element; its value is the runs inside the brush, the clicked one, or those set from outside. */
export interface ScatterElement extends RedrawnView<ScatterOptions> {
  /** What the last frame drew, for tests and benchmarks. */
  readonly drawn: DrawnPoints;
}

/** A scatter plot of runs: a param, metric or other column on x against a metric on y, one point per run. */
export function scatter(data: RunsInput, options: ScatterOptions = {}): ScatterElement {
  let runs: Runs | null = null;
  const { root, drawing } = redrawnView("scatter", { height: 400, ...options }, (root, current, hooks) => {
    runs ??= readRuns(data);
    return new ScatterState(root, runs, current, hooks.select, hooks.update);
  });
  Object.defineProperty(root, "drawn", { get: () => drawing()?.drawn ?? { points: 0, emphasised: 0 } });
  return root as ScatterElement;
}
