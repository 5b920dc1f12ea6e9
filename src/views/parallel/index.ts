import json from "../../../schema/views/parallel.json" with { type: "json" };
import type { RunsInput } from "../../data/input.js";
import { memoLast } from "../../data/memo.js";
import { readRuns } from "../../data/runs.js";
import type { ViewSchema } from "../../data/schema.js";
import { type ScalarsInput } from "../../data/scalars.js";
import { makeView, type ViewElement, type ViewOptions } from "../../render/view.js";
import { type DimensionChoice } from "./dimensions.js";
import { ParallelChart } from "./drawing.js";
import type { ParallelState } from "./state.js";

export type { ParallelState, AxisState, BrushState } from "./state.js";

/** The options of schema/views/parallel.json, which says more of each. */
export interface ParallelOptions extends DimensionChoice, ViewOptions<ParallelState> {
  /** A scalars table to summarise metrics from (last, min or max of each run's series). */
  scalars?: ScalarsInput | null;
  /** Column that colours the lines; defaults to the first metric axis (else the last axis). */
  color?: string | null;
  /** Width in CSS pixels; defaults to the width of the container. */
  width?: number | null;
  /** The chart's height in CSS pixels. */
  height?: number;
}

/** What the last frame drew: runs drawn in all, those in colour over the faded rest, and by how many threads. */
export interface DrawnLines {
  lines: number;
  emphasised: number;
  threads: number;
}

/** The element; its value is the ids inside every brush, or those set from outside. */
export interface ParallelElement extends ViewElement<ParallelOptions, ParallelState> {
  readonly drawn: DrawnLines;
}

export const parallelSchema = json as ViewSchema;

/** Parallel coordinates: one axis per param and metric, one line per run. */
export function parallel(data: RunsInput, options: ParallelOptions = {}): ParallelElement {
  const runsOf = memoLast(readRuns);
  const { root, drawing } = makeView<ParallelOptions, ParallelState, ParallelChart>(
    {
      schema: parallelSchema,
      data,
      draw: (root, current, hooks, runs) => new ParallelChart(root, runsOf(runs!), current, hooks),
    },
    options,
  );
  Object.defineProperty(root, "drawn", { get: () => drawing()?.drawn ?? { lines: 0, emphasised: 0, threads: 0 } });
  return root as ParallelElement;
}
