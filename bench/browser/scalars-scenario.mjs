// What every library is asked to draw in the scalars benchmark, so the timings compare like with like.

/** The width of the element runcompare's view is put in; each chart takes a column of its grid. */
export const CHART_WIDTH = 1080;
/** The smoothing of the first paint, and the slider positions moved through after it. */
export const FIRST_SMOOTHING = 0.6;
export const SMOOTHING_STEPS = [0.7, 0.8, 0.9, 0.95, 0.99];

/**
 * The peers' data: every run's values as one Float64Array (run after run, `steps` each, written
 * by bench/scalars.mjs from the same seed as the Arrow table) and the shared steps 0..steps-1.
 */
export async function curves(url, steps) {
  const values = new Float64Array(await (await fetch(url)).arrayBuffer());
  const runs = values.length / steps;
  const x = Float64Array.from({ length: steps }, (_, i) => i);
  return { runs, steps, x, values, run: (r) => values.subarray(r * steps, (r + 1) * steps) };
}

/**
 * TensorBoard's debiased EMA of one run (NaN stays a gap), as a page would compute it for a
 * library that does not smooth: the peers' smoothing change redraws with these values.
 */
export function ema(values, weight, out = new Float64Array(values.length)) {
  let last = 0;
  let power = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = NaN;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    power *= weight;
    out[i] = last / (1 - power);
  }
  return out;
}
