// Observable Plot (SVG) of the same curves: one line mark over all runs' smoothed values, z and
// colour by run. Plot has no update: a smoothing change computes the new EMA and plots again.
import { FIRST_SMOOTHING, curves, ema } from "./scalars-scenario.mjs";
import { freshStart, heap, idle, painted, sampleHeap } from "./timing.mjs";

const SCRIPTS = ["/node_modules/d3/dist/d3.min.js", "/node_modules/@observablehq/plot/dist/plot.umd.min.js"];

async function loadPlot() {
  for (const src of SCRIPTS) {
    if (document.querySelector(`script[src="${src}"]`)) continue;
    await new Promise((resolve, reject) => document.head.append(Object.assign(document.createElement("script"), { src, onload: resolve, onerror: reject })));
  }
  return window.Plot;
}

let data = null;
/** Each point's step and run, the columns Plot takes beside the values. */
let steps = null;
let run = null;
let size = null;
let figure = null;

/** Every run's EMA in one column, as Plot takes channels. */
function smoothed(weight) {
  const y = new Float64Array(data.values.length);
  for (let r = 0; r < data.runs; r++) ema(data.run(r), weight, y.subarray(r * data.steps, (r + 1) * data.steps));
  return y;
}

function show(weight) {
  const Plot = window.Plot;
  const y = smoothed(weight);
  const next = Plot.plot({
    width: size.width,
    height: size.height,
    marginLeft: 40,
    color: { type: "categorical" },
    marks: [Plot.line({ length: y.length }, { x: steps, y, z: run, stroke: run, strokeWidth: 1 })],
  });
  if (figure) figure.replaceWith(next);
  else document.querySelector("#chart").append(next);
  figure = next;
  sampleHeap();
}

/** Milliseconds from smoothing the runs and Plot.plot to the frame after the SVG was shown, per repeat. */
export async function firstPaint(url, stepCount, repeats, plotSize) {
  await loadPlot();
  data = await curves(url, stepCount);
  size = plotSize;
  run = Int32Array.from({ length: data.values.length }, (_, i) => Math.floor(i / data.steps));
  steps = Float64Array.from({ length: data.values.length }, (_, i) => i % data.steps);
  const times = [];
  let baselineHeap = 0;
  for (let i = 0; i < repeats; i++) {
    figure?.remove();
    figure = null;
    baselineHeap = await freshStart();
    const start = performance.now();
    show(FIRST_SMOOTHING);
    times.push((await painted()) - start);
  }
  return { times, baselineHeap };
}

/** Milliseconds from computing the new EMA of every run to the frame after the new SVG was shown. */
export async function smoothingChanges(weights) {
  const times = [];
  for (const weight of weights) {
    await idle();
    const start = performance.now();
    show(weight);
    times.push((await painted()) - start);
  }
  return { times, peakHeap: heap().peak };
}
