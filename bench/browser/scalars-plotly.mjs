// Plotly line traces (scatter, mode "lines": SVG, Plotly's own line simplification) of the same
// curves: one trace per run of its smoothed values. A smoothing change computes the new EMA
// outside Plotly and restyles every trace's y.
import { FIRST_SMOOTHING, curves, ema } from "./scalars-scenario.mjs";
import { freshStart, heap, idle, sampleHeap, settled } from "./timing.mjs";
import { globalFromScript } from "./global-script.mjs";

const PLOTLY = "/node_modules/plotly.js-dist-min/plotly.min.js";

let chart = null;
let data = null;

const smoothedRuns = (weight) => Array.from({ length: data.runs }, (_, r) => ema(data.run(r), weight));
const TIMEOUT = 600_000;

/** Milliseconds from smoothing the runs and newPlot to the frame after Plotly's last drawing, per repeat. */
export async function firstPaint(url, steps, repeats, size) {
  const Plotly = await globalFromScript(PLOTLY, "Plotly");
  data = await curves(url, steps);
  chart = document.querySelector("#chart");
  const times = [];
  let baselineHeap = 0;
  for (let i = 0; i < repeats; i++) {
    Plotly.purge(chart);
    baselineHeap = await freshStart();
    const start = performance.now();
    const traces = smoothedRuns(FIRST_SMOOTHING).map((y, r) => ({
      type: "scatter",
      mode: "lines",
      x: data.x,
      y,
      name: `run ${r}`,
      line: { width: 1 },
      hoverinfo: "none",
    }));
    await Plotly.newPlot(
      chart,
      traces,
      { width: size.width, height: size.height, showlegend: false, margin: { l: 40, r: 8, t: 8, b: 24 } },
      { displayModeBar: false },
    );
    sampleHeap();
    times.push((await settled({ timeout: TIMEOUT })) - start);
  }
  return { times, baselineHeap };
}

/** Milliseconds from computing the new EMA of every run to the frame after the restyled traces. */
export async function smoothingChanges(weights) {
  const times = [];
  for (const weight of weights) {
    await idle();
    const start = performance.now();
    await window.Plotly.restyle(chart, { y: smoothedRuns(weight) });
    sampleHeap();
    times.push((await settled({ timeout: TIMEOUT })) - start);
  }
  return { times, peakHeap: heap().peak };
}
