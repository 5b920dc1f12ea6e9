// Plotly's parcoords on the same runs: first paint with newPlot, brush updates with restyle.
// Plotly draws with WebGL in blocks of lines, one block per frame; `settled` waits for the last.
import { COLOR, FIXED_BRUSH, HEIGHT, MOVED_BRUSH, WIDTH, brushTargets } from "./scenario.mjs";
import { freshStart, heap, idle, sampleHeap, settled } from "./timing.mjs";
import { globalFromScript } from "./global-script.mjs";

const PLOTLY = "/node_modules/plotly.js-dist-min/plotly.min.js";

/**
 * The trace for JSON records: one dimension per column, as typed arrays (what plotly.py's
 * base64 arrays decode to, so Plotly gets its data in the form it reads fastest). Text columns
 * become codes with their labels as ticks.
 */
function trace(records) {
  const names = Object.keys(records[0]).filter((name) => name !== "run_id");
  const dimensions = names.map((name) => {
    const column = records.map((record) => record[name]);
    if (typeof column[0] !== "string") return { label: name, values: Float64Array.from(column) };
    const categories = [...new Set(column)].sort();
    const code = new Map(categories.map((c, i) => [c, i]));
    return { label: name, values: Float64Array.from(column, (c) => code.get(c)), tickvals: categories.map((_, i) => i), ticktext: categories };
  });
  const color = dimensions.find((d) => d.label === COLOR).values;
  return { type: "parcoords", line: { color, colorscale: "Viridis", showscale: false }, dimensions };
}

let chart = null;
let plotted = null;

async function plot() {
  chart = document.querySelector("#chart");
  await window.Plotly.newPlot(chart, [plotted], { width: WIDTH, height: HEIGHT, margin: { l: 48, r: 48, t: 44, b: 44 } }, { displayModeBar: false });
  sampleHeap();
}

/** On SwiftShader (no GPU), Plotly takes a minute over 100,000 lines. */
const TIMEOUT = 600_000;

/**
 * Milliseconds from newPlot to the frame after Plotly's last block of lines, once per repeat,
 * and the used heap (after GC) before the last.
 */
export async function firstPaint(url, repeats) {
  const Plotly = await globalFromScript(PLOTLY, "Plotly");
  plotted = trace(await (await fetch(url)).json());
  const times = [];
  let baselineHeap = 0;
  for (let i = 0; i < repeats; i++) {
    if (chart) Plotly.purge(chart);
    baselineHeap = await freshStart();
    const start = performance.now();
    await plot();
    times.push((await settled({ timeout: TIMEOUT })) - start);
  }
  return { times, lines: plotted.dimensions[0].values.length, baselineHeap };
}

const dimensionIndex = (column) => plotted.dimensions.findIndex((d) => d.label === column);

/**
 * Milliseconds from each restyle that sets the brushes' constraint ranges (the fixed one and the
 * moved one, in one call, so every update ends with both set, as the other libraries' do) to
 * Plotly's last redrawn frame, and the peak heap since the last first paint began.
 */
export async function brushUpdates(moves) {
  const Plotly = window.Plotly;
  const fixed = `dimensions[${dimensionIndex(FIXED_BRUSH.column)}].constraintrange`;
  const moved = `dimensions[${dimensionIndex(MOVED_BRUSH.column)}].constraintrange`;
  const times = [];
  for (const to of brushTargets(moves)) {
    await idle();
    const start = performance.now();
    await Plotly.restyle(chart, { [fixed]: [FIXED_BRUSH.range], [moved]: [[to, MOVED_BRUSH.from]] });
    sampleHeap();
    times.push((await settled({ timeout: TIMEOUT })) - start);
  }
  return { times, peakHeap: heap().peak };
}
