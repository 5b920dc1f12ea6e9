import { RunsDataError, messages } from "../../data/errors.js";
import type { RunsInput } from "../../data/input.js";
import { readScalars, type Scalars, type ScalarsInput } from "../../data/scalars.js";
import { makeView, type ViewElement } from "../../render/view.js";
import { ScalarsCharts } from "./drawing.js";
import { ScalarsData } from "./model.js";
import { scalarsSchema, settingsOf, type ScalarsOptions, type ScalarsState } from "./options.js";
import { scalarsStyle } from "./style.js";

export { scalarsSchema, type ScalarsOptions, type ScalarsState } from "./options.js";

/** The element; its value is the runs selected by clicking lines or legend names, or set from outside. */
export interface ScalarsElement extends ViewElement<ScalarsOptions, ScalarsState> {
  /** What the last frame drew, for tests and benchmarks. */
  readonly drawn: DrawnCharts;
}

export interface DrawnCharts {
  /** Frames drawn so far. */
  frames: number;
  /** Of those, frames whose new smoothing was shared with a worker. */
  sharedSmoothings: number;
  /** Per chart; `grown` when its last frame drew appended points over its layers as they were, not the layers whole. */
  charts: { title: string; lines: number; emphasised: number; paths: number; grown: boolean }[];
}

/**
 * Learning curves of runs, TensorBoard's scalars dashboard in a notebook: one chart per metric
 * and variant (or per metric), each run's series smoothed over its raw values, or runs grouped
 * into a mean or median with a band.
 */
export function scalars(data: ScalarsInput | null, options: ScalarsOptions = {}): ScalarsElement {
  // The scalars as read, with every appended row: the traces, not the table, so rows appended
  // are held once. Rows appended before the table is read wait for it.
  let source: { runs: unknown; data: ScalarsData } | null = null;
  const waiting: Scalars[] = [];
  const read = (runs: RunsInput | null | undefined) => {
    if (!data) throw new RunsDataError(messages.scalarsEmpty());
    if (!source) source = { runs, data: waiting.splice(0).reduce((read, more) => read.appended(more, runs), new ScalarsData(readScalars(data), runs)) };
    else if (source.runs !== runs) source = { runs, data: source.data.appended(null, runs) };
    return source.data;
  };
  const { root, drawing } = makeView<ScalarsOptions, ScalarsState, ScalarsCharts>(
    {
      schema: scalarsSchema,
      styles: () => [scalarsStyle()],
      append: (added, options) => {
        const more = added.scalars ? readScalars(added.scalars) : null;
        if (source) source = { runs: options.runs, data: source.data.appended(more, options.runs) };
        else if (more) waiting.push(more);
      },
      draw: (root, current, hooks) =>
        new ScalarsCharts(root, read(current.runs), settingsOf(current), new Set(current.hidden ?? []), hooks, () => source!.data),
    },
    options,
  );
  Object.defineProperty(root, "drawn", { get: () => drawing()?.drawn ?? { frames: 0, sharedSmoothings: 0, charts: [] } });
  return root as ScalarsElement;
}
