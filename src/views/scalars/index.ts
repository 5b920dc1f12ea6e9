import { RunsDataError, messages } from "../../data/errors.js";
import { readScalars, type ScalarsInput } from "../../data/scalars.js";
import { errorBox } from "../../render/error.js";
import { viewStyle } from "../../render/style.js";
import { ScalarsData } from "./model.js";
import { settingsOf, type ScalarsOptions } from "./options.js";
import { scalarsStyle } from "./style.js";
import { ScalarsState } from "./drawing.js";

export type { ScalarsOptions } from "./options.js";

export interface ScalarsElement extends HTMLElement {
  /** The selected run ids (clicked lines or legend names), or those set from outside. */
  value: string[];
  update(options: Partial<ScalarsOptions>): void;
  destroy(): void;
  /** The error shown in place of the charts, if the data could not be drawn. */
  readonly error: string | null;
  /** What the last frame drew, for tests and benchmarks. */
  readonly drawn: DrawnCharts;
  /** The charts shown as one standalone SVG document. */
  exportSVG(): string;
  /** The series shown (raw and smoothed), long format. */
  exportCSV(): string;
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
  const root = document.createElement("div") as unknown as ScalarsElement;
  root.className = "rc-view rc-scalars";
  root.append(viewStyle(), scalarsStyle());
  let state: ScalarsState | null = null;
  let error: string | null = null;
  let selected: string[] = [...(options.selected ?? [])];
  let current: ScalarsOptions = { ...options };

  const fail = (e: unknown) => {
    state?.destroy();
    state = null;
    error = e instanceof Error ? e.message : String(e);
    root.append(errorBox(error));
  };
  const rebuild = () => {
    state?.destroy();
    state = null;
    error = null;
    root.querySelector(".rc-error")?.remove();
    try {
      if (!data) throw new RunsDataError(messages.scalarsEmpty());
      const source = new ScalarsData(readScalars(data), withRows(current.runs));
      state = new ScalarsState(root, source, settingsOf(current), new Set(current.hidden ?? []), {
        changed: (changes) => {
          current = { ...current, ...changes };
          apply(changes);
        },
        selected: (ids) => {
          selected = ids;
          root.dispatchEvent(new Event("input", { bubbles: true }));
        },
      });
      state.highlight(selected);
    } catch (e) {
      fail(e);
    }
  };
  const apply = (changes: ScalarsOptions) => {
    if (!state) return rebuild();
    try {
      state.apply(settingsOf(current), changes.hidden);
    } catch (e) {
      fail(e);
    }
  };

  Object.defineProperties(root, {
    value: {
      get: () => selected,
      set: (ids: readonly string[]) => {
        selected = [...ids];
        state?.highlight(selected);
      },
    },
    error: { get: () => error },
    drawn: { get: () => state?.drawn ?? { frames: 0, sharedSmoothings: 0, charts: [] } },
  });
  root.update = (changes) => {
    const { selected: ids, runs, ...rest } = changes;
    current = { ...current, ...rest, ...(runs !== undefined ? { runs } : {}) };
    if (runs !== undefined) rebuild();
    else if (Object.keys(rest).length) apply(rest);
    if (ids) root.value = [...ids];
  };
  root.destroy = () => {
    state?.destroy();
    state = null;
    root.replaceChildren();
  };
  root.exportSVG = () => state?.exportSVG() ?? "";
  root.exportCSV = () => state?.exportCSV() ?? "";
  rebuild();
  return root;
}

/** No runs table: none given, or empty bytes (a widget without one). */
function withRows(runs: ScalarsOptions["runs"]): ScalarsOptions["runs"] {
  return runs instanceof Uint8Array && runs.byteLength === 0 ? null : runs;
}
