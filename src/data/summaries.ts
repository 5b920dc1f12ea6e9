import type { Scalars } from "./scalars.js";

export type Summary = "last" | "min" | "max";
export const SUMMARIES: readonly Summary[] = ["last", "min", "max"];

/**
 * One value per run (in scalars.runIds order) summarising one series: the last value by step
 * (ties: the latest time, then the later row), or the min or max with NaN ignored. NaN where a
 * run never reported the series (or, for min and max, reported only NaN).
 */
export function summarize(scalars: Scalars, series: number, summary: Summary): Float64Array {
  const out = new Float64Array(scalars.runIds.length).fill(NaN);
  const { runOfRow, seriesOfRow, steps, times, values } = scalars;
  if (summary === "last") {
    const lastStep = new Float64Array(out.length).fill(-Infinity);
    const lastTime = new Float64Array(out.length).fill(-Infinity);
    for (let row = 0; row < scalars.rowCount; row++) {
      if (seriesOfRow[row] !== series) continue;
      const run = runOfRow[row];
      const step = steps[row];
      const time = times ? times[row] : 0;
      if (step > lastStep[run] || (step === lastStep[run] && time >= lastTime[run])) {
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

/** "loss/validation:min" -> the series name and the summary; no suffix means last. */
export function parseSummarySpec(spec: string): { series: string; summary: Summary; explicit: boolean } {
  const match = /^(.*):(last|min|max)$/i.exec(spec);
  if (!match) return { series: spec, summary: "last", explicit: false };
  return { series: match[1], summary: match[2].toLowerCase() as Summary, explicit: true };
}
