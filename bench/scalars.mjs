// Learning curves at scale: first paint and a smoothing change of the scalars view, for
// 100 runs x 1,000 steps and 1,000 runs x 10,000 steps (one series, loss/train), in Chromium.
//
//   node bench/scalars.mjs [port]      (after `npx webpack --mode production`; port 8772 by default)
//
// The data come from a fixed seed, as Arrow IPC stream bytes shaped like Python's
// scalars_to_ipc output (run_id, metric, variant dictionary-encoded; int64 steps; float64 values).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Dictionary, Int32, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray } from "apache-arrow";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../tests/chromium.js";
import { prng } from "./data.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.argv[2] ?? 8772);
const origin = `http://127.0.0.1:${port}`;
const SIZES = [
  { runs: 100, steps: 1_000 },
  { runs: 1_000, steps: 10_000 },
];
const REPEATS = 3;
const SMOOTHING_STEPS = [0.7, 0.8, 0.9, 0.95, 0.99];
const VIEWPORT = { width: 1200, height: 900 };

/** Noisy decaying losses, with a few NaN reports, as IPC bytes. */
function makeScalars(runCount, stepCount, seed = 11) {
  const random = prng(seed);
  const rows = runCount * stepCount;
  const runCodes = new Int32Array(rows);
  const steps = new BigInt64Array(rows);
  const values = new Float64Array(rows);
  for (let run = 0, row = 0; run < runCount; run++) {
    const rate = (2 + 10 * random()) / stepCount;
    const floor = 0.05 + 0.3 * random();
    for (let step = 0; step < stepCount; step++, row++) {
      runCodes[row] = run;
      steps[row] = BigInt(step);
      values[row] = random() < 1e-4 ? NaN : floor + 2.3 * Math.exp(-rate * step) + 0.2 * (random() - 0.5);
    }
  }
  const dictionary = (codes, labels) =>
    makeVector(makeData({ type: new Dictionary(new Utf8(), new Int32()), length: codes.length, data: codes, dictionary: vectorFromArray(labels, new Utf8()) }));
  const table = new Table({
    run_id: dictionary(runCodes, Array.from({ length: runCount }, (_, run) => `run-${String(run).padStart(5, "0")}`)),
    metric: dictionary(new Int32Array(rows), ["loss"]),
    variant: dictionary(new Int32Array(rows), ["train"]),
    step: makeVector(steps),
    value: makeVector(values),
  });
  return tableToIPC(table, "stream");
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font:12px sans-serif}</style></head>
<body><div id="chart" style="width:${VIEWPORT.width - 20}px"></div></body></html>`;

/** Runs in a fresh page: ms from the call to the second frame after the view drew (so, on screen). */
async function firstPaint() {
  const { scalars } = await import("/dist/runcompare.js");
  const bytes = new Uint8Array(await (await fetch("/scalars.arrow")).arrayBuffer());
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  await frame();
  const start = performance.now();
  const view = (window.view = scalars(bytes, { smoothing: 0.6 }));
  const construct = performance.now() - start;
  document.querySelector("#chart").append(view);
  if (view.error) throw new Error(view.error);
  while (view.drawn.frames < 1) await frame();
  await frame();
  return { firstPaint: (await frame()) - start, construct };
}

/** Runs in the page after firstPaint: slider moves as a user makes them, then pointer moves for the tooltip. */
async function interactions(smoothingSteps) {
  const view = window.view;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const slider = view.querySelector("input[type=range]");
  const smoothing = [];
  for (const weight of smoothingSteps) {
    await frame();
    const before = view.drawn.frames;
    const start = performance.now();
    slider.value = String(weight);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    while (view.drawn.frames <= before) await frame();
    await frame();
    smoothing.push((await frame()) - start);
  }
  const svg = view.querySelector(".rc-plot svg");
  const box = svg.getBoundingClientRect();
  const hover = [];
  for (let i = 1; i <= 5; i++) {
    await frame();
    const start = performance.now();
    svg.dispatchEvent(new PointerEvent("pointermove", { bubbles: true, clientX: box.left + (box.width * i) / 6, clientY: box.top + box.height / 2 }));
    await frame();
    hover.push((await frame()) - start);
  }
  const chart = view.drawn.charts[0];
  return { smoothing, hover, lines: chart.lines, paths: chart.paths };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${Math.round(value)} ms`;

// A server of its own: the page, the bundle, and the data from memory (hundreds of megabytes at
// the largest size, too much for Playwright's request interception).
let data = Buffer.alloc(0);
const server = http.createServer((request, response) => {
  const send = (type, body) => response.writeHead(200, { "content-type": type, "content-length": body.length }).end(body);
  if (request.url === "/dist/runcompare.js") send("text/javascript", fs.readFileSync(path.join(repo, "dist/runcompare.js")));
  else if (request.url === "/scalars.arrow") send("application/vnd.apache.arrow.stream", data);
  else send("text/html", Buffer.from(PAGE));
});
await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const results = [];
  for (const { runs, steps } of SIZES) {
    data = Buffer.from(makeScalars(runs, steps));
    const paints = [];
    let result = null;
    for (let i = 0; i < REPEATS; i++) {
      // A fresh page each time, as a notebook output is: no memory or compiled code from before.
      const page = await browser.newPage({ viewport: VIEWPORT });
      page.on("pageerror", (error) => console.error(error));
      await page.goto(`${origin}/`);
      paints.push(await page.evaluate(firstPaint));
      if (i === REPEATS - 1) result = await page.evaluate(interactions, SMOOTHING_STEPS);
      await page.close();
    }
    result.firstPaint = paints.map((p) => p.firstPaint);
    result.construct = paints.map((p) => p.construct);
    results.push({ runs, steps, points: runs * steps, ...result });
    console.log(
      `${runs} runs x ${steps} steps (${(runs * steps).toLocaleString("en")} points, ${result.lines} lines, ${result.paths} canvas paths): ` +
        `first paint ${ms(median(result.firstPaint))} (of which reading the table ${ms(median(result.construct))}), smoothing change ${ms(median(result.smoothing))}, hover ${ms(median(result.hover))} (medians)`,
    );
  }
  console.log(JSON.stringify(results, (key, value) => (typeof value === "number" ? Math.round(value * 10) / 10 : value)));
} finally {
  await browser.close();
  server.close();
}
