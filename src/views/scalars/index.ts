import { RunsDataError, messages } from "../../data/errors.js";
import { readScalars, type ScalarsInput } from "../../data/scalars.js";
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
  charts: { title: string; lines: number; emphasised: number; paths: number }[];
}

/**
 * Learning curves of runs, TensorBoard's scalars dashboard in a notebook: one chart per metric
 * and variant (or per metric), each run's series smoothed over its raw values, or runs grouped
 * into a mean or median with a band.
 */
export function scalars(data: ScalarsInput | null, options: ScalarsOptions = {}): ScalarsElement {
  let source: { runs: unknown; input: unknown; data: ScalarsData } | null = null;
  const { root, drawing } = makeView<ScalarsOptions, ScalarsState, ScalarsCharts>(
    {
      schema: scalarsSchema,
      styles: () => [scalarsStyle()],
      data,
      draw: (root, current, hooks, input) => {
        if (!input) throw new RunsDataError(messages.scalarsEmpty());
        if (source?.runs !== current.runs || source.input !== input)
          source = { runs: current.runs, input, data: new ScalarsData(readScalars(input), current.runs) };
        const grown = (data: ScalarsData, runs: unknown, input: unknown) => (source = { runs, input, data });
        return new ScalarsCharts(root, source.data, settingsOf(current), new Set(current.hidden ?? []), hooks, grown);
      },
    },
    options,
  );
  Object.defineProperty(root, "drawn", { get: () => drawing()?.drawn ?? { frames: 0, sharedSmoothings: 0, charts: [] } });
  return root as ScalarsElement;
}
