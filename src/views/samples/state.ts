import json from "../../../schema/views/samples.json" with { type: "json" };
import { RunsDataError, messages } from "../../data/errors.js";

/** What the samples view's own controls change; the `state` option restores it. */
export interface SamplesState {
  /** The media's size in CSS pixels. */
  size: number;
  /** Every cell at one step: `step` (null: each cell's newest). */
  sync: boolean;
  step: number | null;
  /** Steps chosen in single cells while not synced, by "metric/variant" + "\u0000" + run id. */
  steps: Record<string, number>;
  /** The run whose samples the others' texts are compared with, and the viewer's difference default. */
  base: string | null;
}

const { size: SIZE } = json.properties;
export const SIZE_LIMITS = [SIZE.minimum, SIZE.maximum] as const;

export interface StateOptions {
  size?: number;
  sync?: boolean;
  step?: number | null;
  base?: string | null;
  state?: Partial<SamplesState> | null;
}

export function initialState(options: StateOptions, runIds: readonly string[]): SamplesState {
  const state: SamplesState = {
    size: options.size ?? SIZE.default,
    sync: options.sync ?? false,
    step: options.step ?? null,
    steps: {},
    base: options.base ?? null,
    ...(options.state ?? {}),
  };
  if (state.base !== null && !runIds.includes(state.base)) throw new RunsDataError(messages.unknownRunOption("samples", "base", state.base, runIds));
  return state;
}

export function cellKey(series: string, run: string): string {
  return `${series}\u0000${run}`;
}

/** The position in a cell's rows (sorted by step) of the last row at or before `step`; the first when all are later; the last for null. */
export function positionAt(rows: Int32Array, steps: Float64Array, step: number | null): number {
  if (step === null) return rows.length - 1;
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (steps[rows[mid]] <= step) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}
