import type { Scalars } from "./scalars.js";

export type Summary = "last" | "min" | "max";
export const SUMMARIES: readonly Summary[] = ["last", "min", "max"];

/**
 * One value per run (in scalars.runIds order) summarising one series: the last value, or the min
 * or max with NaN ignored. The last value is MLflow's latest metric: the greatest step, then the
 * latest time (a missing time counts as earliest), then the largest value (NaN lowest). NaN where
 * a run never reported the series (or, for min and max, reported only NaN).
 */
export function summarize(scalars: Scalars, series: number, summary: Summary): Float64Array {
  const out = new Float64Array(scalars.runIds.length).fill(NaN);
  const { runOfRow, seriesOfRow, steps, times, values } = scalars;
  if (summary === "last") {
    const lastStep = new Float64Array(out.length).fill(-Infinity);
    const lastTime = new Float64Array(out.length).fill(-Infinity);
    const seen = new Uint8Array(out.length);
    for (let row = 0; row < scalars.rowCount; row++) {
      if (seriesOfRow[row] !== series) continue;
      const run = runOfRow[row];
      const step = steps[row];
      const time = times && !Number.isNaN(times[row]) ? times[row] : -Infinity;
      if (!seen[run] || isLater(step, time, values[row], lastStep[run], lastTime[run], out[run])) {
        seen[run] = 1;
        lastStep[run] = step;
        lastTime[run] = time;
        out[run] = values[row];
      }
    }
    return out;
  }
  const better = summary === "min" ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  for (let row = 0; row < scalars.rowCount; row++) {
    if (seriesOfRow[row] !== series) continue;
    const v = values[row];
    if (Number.isNaN(v)) continue;
    const run = runOfRow[row];
    if (Number.isNaN(out[run]) || better(v, out[run])) out[run] = v;
  }
  return out;
}

/** MLflow's order of reports for the latest value: by step, then time, then value (NaN lowest). */
function isLater(step: number, time: number, value: number, lastStep: number, lastTime: number, lastValue: number): boolean {
  if (step !== lastStep) return step > lastStep;
  if (time !== lastTime) return time > lastTime;
  return Number.isNaN(lastValue) ? !Number.isNaN(value) : value > lastValue;
}

/**
 * "loss/validation:min" -> the series name and the summary; no suffix means last. A name may hold
 * any character, line breaks too (the s flag: Python's pattern reads them alike).
 */
export function parseSummarySpec(spec: string): { series: string; summary: Summary; explicit: boolean } {
  // Most names have no colon: they are not looked at by the regular expression, whose first use compiles it.
  const match = spec.includes(":") ? /^(.*):(last|min|max)$/is.exec(spec) : null;
  if (!match) return { series: spec, summary: "last", explicit: false };
  return { series: match[1], summary: match[2].toLowerCase() as Summary, explicit: true };
}
