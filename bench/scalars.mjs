// Learning curves at scale: the scalars view's first paint, smoothing change and hover, for
// 100 runs x 1,000 steps and 1,000 runs x 10,000 steps (one series, loss/train), against Plotly
// line traces and Observable Plot on the same curves, in headless Chromium.
//
//   node bench/scalars.mjs [--quick] [--sizes 100x1000,1000x10000] [--only runcompare,plotly,plot]
//                          [--bundle FILE] [--port 8772] [--profile]
//
// After `npx webpack --mode production`. --quick takes one paint and three moves per library;
// --bundle measures another build (a copy put in tests/output/bench/); --profile prints where
// runcompare's first paint and smoothing change spend their time (DevTools CPU profiler; profile
// a development build for readable names, see bench/profile.mjs). `node bench/run.mjs` runs this
// too, through `run(context)`.
//
// runcompare gets Arrow IPC stream bytes shaped as Python's scalars_to_ipc sends them (run_id,
// metric, variant dictionary-encoded; int64 steps; float64 values), decoding included. The peers
// get the same values as one Float64Array in memory (no decoding: the most favourable input).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { Dictionary, Int32, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray } from "apache-arrow";
import { prng } from "./data.mjs";
import { SMOOTHING_STEPS } from "./browser/scalars-scenario.mjs";
import { OUTPUT, evaluate, launchBrowser, openPage, outputUrl, retainedHeap, selfTimes, startServer } from "./harness.mjs";
import { median } from "./report.mjs";

const SIZES = [
  { runs: 100, steps: 1_000 },
  { runs: 1_000, steps: 10_000 },
];
const LIBRARIES = ["runcompare", "plotly", "plot"];
const NAMES = { runcompare: "runcompare", plotly: "Plotly", plot: "Observable Plot" };
/**
 * Fresh pages (a first paint each: the first view of the page), slider moves and hovers per
 * library and size; --quick: one page, three moves. At 1,000 steps each page draws a second view
 * too (a later view, warm), as many as there are pages.
 */
const REPEATS = {
  runcompare: { 1000: [5, 5, 5], 10000: [3, 5, 5] },
  plotly: { 1000: [5, 3], 10000: [1, 3] },
  plot: { 1000: [5, 3], 10000: [1, 3] },
};
const QUICK = [1, 3, 3];
/** Later views are drawn where a paint takes well under a second. */
const laterViews = (steps) => (steps <= 1000 ? 1 : 0);

/** Noisy decaying losses with a few NaN reports: the Arrow table's IPC bytes, and the values alone. */
function makeCurves(runCount, stepCount, seed = 11) {
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
  return { ipc: curvesIPC(runCount, runCodes, steps, values), values };
}

/** One series (loss/train) of `runCount` runs as Python's scalars_to_ipc sends it: run_id, metric, variant dictionary-encoded. */
export function curvesIPC(runCount, runCodes, steps, values) {
  const dictionary = (codes, labels) =>
    makeVector(makeData({ type: new Dictionary(new Utf8(), new Int32()), length: codes.length, data: codes, dictionary: vectorFromArray(labels, new Utf8()) }));
  const table = new Table({
    run_id: dictionary(
      runCodes,
      Array.from({ length: runCount }, (_, run) => `run-${String(run).padStart(5, "0")}`),
    ),
    metric: dictionary(new Int32Array(runCodes.length), ["loss"]),
    variant: dictionary(new Int32Array(runCodes.length), ["train"]),
    step: makeVector(steps),
    value: makeVector(values),
  });
  return tableToIPC(table, "stream");
}

function writeCurves(runs, steps) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const { ipc, values } = makeCurves(runs, steps);
  const arrowPath = path.join(OUTPUT, `curves-${runs}x${steps}.arrow`);
  const valuesPath = path.join(OUTPUT, `curves-${runs}x${steps}.f64`);
  fs.writeFileSync(arrowPath, ipc);
  fs.writeFileSync(valuesPath, new Uint8Array(values.buffer));
  return { arrowUrl: outputUrl(arrowPath), valuesUrl: outputUrl(valuesPath) };
}

const repeatsOf = (library, steps, quick) => (quick ? QUICK : REPEATS[library][steps]);
const stepsFor = (moves) => (moves >= SMOOTHING_STEPS.length ? SMOOTHING_STEPS : SMOOTHING_STEPS.slice(-moves));

/**
 * Drags the smoothing slider through `weights` with the pointer (the button held, one move per
 * weight), as a user does; each move's time runs from its input event to the second frame after
 * the redraw. The weights reached are the nearest the slider's pixels allow.
 */
async function dragSmoothing(page, module, weights) {
  const track = await evaluate(page, module, "sliderTrack");
  // Where a value sits on the track: fitted from two presses, since the thumb's inset depends on the style.
  const at = async (x) => {
    await evaluate(page, module, "armSmoothingChange");
    await page.mouse.move(x, track.y);
    return (await evaluate(page, module, "smoothingChanged")).value;
  };
  const [x0, x1] = [track.left + 0.25 * (track.right - track.left), track.left + 0.75 * (track.right - track.left)];
  await page.mouse.move(x0, track.y);
  await evaluate(page, module, "armSmoothingChange");
  await page.mouse.down();
  const v0 = (await evaluate(page, module, "smoothingChanged")).value;
  const v1 = await at(x1);
  const times = [];
  const reached = [];
  for (const weight of weights) {
    await evaluate(page, module, "armSmoothingChange");
    await page.mouse.move(x0 + ((weight - v0) * (x1 - x0)) / (v1 - v0), track.y);
    const { time, value } = await evaluate(page, module, "smoothingChanged");
    times.push(time);
    reached.push(value);
  }
  await page.mouse.up();
  return { times, reached };
}

/**
 * runcompare: the first paint, slider moves and hovers in one fresh page (with the heap figures
 * of that one view), then the other first paints, each in a fresh page of its own.
 */
async function measureRuncompare(context, files, steps, bundle) {
  const [paints, moves, hoverCount] = repeatsOf("runcompare", steps, context.quick);
  const module = "/bench/browser/scalars-runcompare.mjs";
  const page = await context.openPage();
  const first = await evaluate(page, module, "firstPaint", files.arrowUrl, 1, bundle);
  const smoothing = await dragSmoothing(page, module, stepsFor(moves));
  const hover = await evaluate(page, module, "hovers", hoverCount);
  const retained = await retainedHeap(page);
  first.later = [];
  first.laterConstruct = [];
  const later = async (fresh) => {
    if (!laterViews(steps)) return;
    const more = await evaluate(fresh, module, "firstPaint", files.arrowUrl, laterViews(steps), bundle);
    first.later.push(...more.times);
    first.laterConstruct.push(...more.construct);
  };
  await later(page);
  await page.context().close();
  for (let i = 1; i < paints; i++) {
    const fresh = await context.openPage();
    const more = await evaluate(fresh, module, "firstPaint", files.arrowUrl, 1, bundle);
    first.times.push(...more.times);
    first.construct.push(...more.construct);
    await later(fresh);
    await fresh.context().close();
  }
  return {
    firstPaint: first,
    smoothing: smoothing.times,
    hover: hover.times,
    baselineHeap: first.baselineHeap,
    peakHeap: hover.peakHeap,
    retainedHeap: retained,
  };
}

/** A peer: a first paint (and later ones) in each fresh page, then the smoothing changes on the last page. */
async function measurePeer(context, library, files, steps, plot) {
  const [paints, moves] = repeatsOf(library, steps, context.quick);
  const module = `/bench/browser/scalars-${library}.mjs`;
  const first = { times: [], later: [] };
  for (let i = 0; i < paints; i++) {
    const page = await context.openPage();
    const { times, baselineHeap } = await evaluate(page, module, "firstPaint", files.valuesUrl, steps, 1 + laterViews(steps), plot);
    first.times.push(times[0]);
    first.later.push(...times.slice(1));
    first.baselineHeap = baselineHeap;
    if (i < paints - 1) {
      await page.context().close();
      continue;
    }
    const smoothing = await evaluate(page, module, "smoothingChanges", stepsFor(moves));
    const retained = await retainedHeap(page);
    await page.context().close();
    return { firstPaint: first, smoothing: smoothing.times, baselineHeap: first.baselineHeap, peakHeap: smoothing.peakHeap, retainedHeap: retained };
  }
}

/**
 * Every size and library. `context`: { openPage(path?), quick?, bundle?, only?, sizes?, log? }.
 * Returns the measurements with `markdown` (tables) and `targets` (lines for the targets list).
 */
export async function run(context) {
  const only = new Set(context.only ?? LIBRARIES);
  const log = context.log ?? ((text) => console.log(`${new Date().toISOString().slice(11, 19)} ${text}`));
  const bundle = context.bundle ?? "/dist/runcompare.js";
  const measured = { date: new Date().toISOString(), load: os.loadavg() };
  const sizes = [];
  for (const { runs, steps } of context.sizes ?? SIZES) {
    log(`scalars: writing ${runs} runs x ${steps} steps`);
    const files = writeCurves(runs, steps);
    const result = { runs, steps, points: runs * steps };
    // runcompare first: the peers draw into a plot area of the size of its chart's.
    let plot = { width: 346, height: 240 };
    for (const library of LIBRARIES) {
      if (!only.has(library)) continue;
      log(`scalars: ${NAMES[library]}, ${runs} x ${steps}`);
      try {
        result[library] =
          library === "runcompare" ? await measureRuncompare(context, files, steps, bundle) : await measurePeer(context, library, files, steps, plot);
        if (library === "runcompare") plot = result.runcompare.firstPaint.plot;
      } catch (error) {
        console.error(`scalars: ${library} at ${runs} x ${steps} failed: ${error.message}`);
        result[library] = { error: error.message.split("\n")[0] };
      }
    }
    sizes.push(result);
  }
  return { ...measured, sizes, markdown: markdown(sizes, context.quick, measured), targets: targets(sizes) };
}

const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`) : "–");
const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(1)} MB` : "–");
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(value >= 10 ? 0 : 1)}x` : "–");
const count = (n) => n.toLocaleString("en");

/** Medians of one size, and the peer ratios (fastest peer's median over runcompare's). */
function summarise(size) {
  const ok = (library) => (size[library] && !size[library].error ? size[library] : null);
  const [rc, plotly, plot] = LIBRARIES.map(ok);
  const paint = median(rc?.firstPaint.times);
  const later = median(rc?.firstPaint.later);
  const smoothing = median(rc?.smoothing);
  const peerPaints = [plotly, plot].map((p) => median(p?.firstPaint.times)).filter(Number.isFinite);
  const peerLater = [plotly, plot].map((p) => median(p?.firstPaint.later)).filter(Number.isFinite);
  const peerSmoothing = [plotly, plot].map((p) => median(p?.smoothing)).filter(Number.isFinite);
  return {
    paint,
    later,
    construct: median(rc?.firstPaint.construct),
    laterConstruct: median(rc?.firstPaint.laterConstruct),
    smoothing,
    hover: median(rc?.hover),
    baselineHeap: rc?.baselineHeap ?? NaN,
    peakHeap: rc?.peakHeap ?? NaN,
    plotlyPaint: median(plotly?.firstPaint.times),
    plotlyLater: median(plotly?.firstPaint.later),
    plotlySmoothing: median(plotly?.smoothing),
    plotPaint: median(plot?.firstPaint.times),
    plotLater: median(plot?.firstPaint.later),
    plotSmoothing: median(plot?.smoothing),
    paintVsFastestPeer: Math.min(...peerPaints) / paint,
    laterVsFastestPeer: Math.min(...peerLater) / later,
    smoothingVsFastestPeer: Math.min(...peerSmoothing) / smoothing,
  };
}

function table(header, rows) {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

function markdown(sizes, quick, { date, load }) {
  const failed = (size, library) => (size[library]?.error ? "failed" : null);
  const label = (size) => `${count(size.runs)} × ${count(size.steps)}`;
  const times = table(
    [
      "runs × steps",
      "runcompare first paint: first view (the call itself) / later",
      "smoothing change",
      "hover",
      "Plotly first paint: first / later",
      "Plotly smoothing",
      "Observable Plot first paint: first / later",
      "Plot smoothing",
      "vs fastest peer: first paint / later / smoothing",
    ],
    sizes.map((size) => {
      const s = summarise(size);
      const rc = failed(size, "runcompare");
      const paints = (first, later) => (Number.isFinite(later) ? `${first} / ${ms(later)}` : first);
      return [
        label(size),
        rc ?? paints(`${ms(s.paint)} (${ms(s.construct)})`, s.later),
        rc ?? ms(s.smoothing),
        rc ?? ms(s.hover),
        failed(size, "plotly") ?? paints(ms(s.plotlyPaint), s.plotlyLater),
        failed(size, "plotly") ?? ms(s.plotlySmoothing),
        failed(size, "plot") ?? paints(ms(s.plotPaint), s.plotLater),
        failed(size, "plot") ?? ms(s.plotSmoothing),
        `${ratio(s.paintVsFastestPeer)} / ${ratio(s.laterVsFastestPeer)} / ${ratio(s.smoothingVsFastestPeer)}`,
      ];
    }),
  );
  const memory = table(
    ["library", "runs × steps", "heap with the data loaded", "peak while drawing and interacting", "peak − loaded", "left after GC"],
    sizes.flatMap((size) =>
      LIBRARIES.filter((library) => size[library] && !size[library].error).map((library) => {
        const m = size[library];
        return [NAMES[library], label(size), mb(m.baselineHeap), mb(m.peakHeap), mb(m.peakHeap - m.baselineHeap), mb(m.retainedHeap)];
      }),
    ),
  );
  const repeats = quick
    ? "one first paint and three slider moves each (--quick)"
    : "5 fresh pages each (runcompare 3 and the peers 1 at 10 M points), whose first view is the first paint and, at 100 × 1,000, a second view the later one; runcompare 5 slider moves and 5 hovers, the peers 3 moves";
  return [
    `Measured ${date.slice(0, 16).replace("T", " ")} UTC, load average at start ${load.map((l) => l.toFixed(1)).join(" ")}.`,
    times,
    `One series (loss/train) in one chart, smoothing 0.6, then the slider moved up to 0.99; medians of ${repeats}. ` +
      "Each first paint starts in a task, as a notebook output does, and ends at the start of the frame after the one that showed it. " +
      'runcompare reads Arrow IPC bytes (decoding included; "the call itself" is `scalars(bytes)`: reading, grouping, smoothing) and draws the raw series faintly under the smoothed ones. ' +
      "The peers get the values as a Float64Array and draw the smoothed lines only, with the EMA computed in page script and included in their times: " +
      "Plotly as one `scatter` trace per run (SVG), Observable Plot as one `line` mark with z by run. A peer's smoothing change computes the EMA again and " +
      "restyles every trace's y (Plotly) or plots again (Plot has no update). Ratios: the fastest peer's median over runcompare's.",
    memory,
    "JS heap (`performance.memory`, precise): after GC with the data loaded (runcompare: the IPC bytes; peers: the Float64Array), " +
      "the peak sampled in every frame of the first paint and the interactions after it, and what is left after GC then.",
  ].join("\n\n");
}

function targets(sizes) {
  const check = (ok) => (ok ? "met" : "**missed**");
  const small = sizes.find((s) => s.runs === 100 && s.steps === 1_000);
  const lines = [];
  if (small?.runcompare && !small.runcompare.error) {
    const s = summarise(small);
    const ahead = s.paintVsFastestPeer > 1 && s.laterVsFastestPeer > 1;
    lines.push(
      `scalars first paint at 100 × 1,000 ahead of the fastest peer: ${ratio(s.paintVsFastestPeer)} (first view), ${ratio(s.laterVsFastestPeer)} (later), ${check(ahead)}`,
    );
  }
  const largest = sizes.find((s) => s.runs === 1_000 && s.steps === 10_000);
  if (!largest || !largest.runcompare || largest.runcompare.error) return lines;
  const s = summarise(largest);
  return [
    ...lines,
    `scalars first paint at 1,000 × 10,000 < 1.5 s: ${ms(s.paint)}, ${check(s.paint < 1500)}`,
    `scalars smoothing change at 1,000 × 10,000 < 200 ms: ${ms(s.smoothing)}, ${check(s.smoothing < 200)}`,
    `peak JS heap, scalars at 10 M points: ${mb(s.peakHeap)} (${mb(s.peakHeap - s.baselineHeap)} above the heap with the data loaded)`,
  ];
}

/** Prints where runcompare's first paint and one smoothing change spend their time, at the largest size asked. */
async function profileRuncompare(context, bundle) {
  const { runs, steps } = (context.sizes ?? SIZES).at(-1);
  const files = writeCurves(runs, steps);
  const page = await context.openPage();
  const module = "/bench/browser/scalars-runcompare.mjs";
  await page.evaluate((m) => import(m), module);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  for (const [name, action] of [
    ["first-paint", () => evaluate(page, module, "firstPaint", files.arrowUrl, 1, bundle)],
    ["smoothing", () => dragSmoothing(page, module, [0.9])],
  ]) {
    await cdp.send("Profiler.start");
    const result = await action();
    const { profile } = await cdp.send("Profiler.stop");
    fs.writeFileSync(path.join(OUTPUT, `profile-scalars-${name}.cpuprofile`), JSON.stringify(profile));
    console.log(`\n${name} at ${runs} x ${steps}: ${JSON.stringify(result.times)} ms; profile ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms`);
    for (const [fn, time] of selfTimes(profile).slice(0, 25)) console.log(`${time.toFixed(1).padStart(9)} ms  ${fn}`);
  }
  await page.context().close();
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      sizes: { type: "string" },
      only: { type: "string" },
      bundle: { type: "string" },
      port: { type: "string", default: "8772" },
      profile: { type: "boolean", default: false },
    },
  });
  const port = Number(args.port);
  const server = await startServer(port);
  const browser = await launchBrowser();
  const context = {
    openPage: (pagePath) => openPage(browser, port, pagePath),
    quick: args.quick,
    bundle: args.bundle ? outputUrl(args.bundle) : undefined,
    only: args.only?.split(","),
    sizes: args.sizes?.split(",").map((size) => {
      const [runs, steps] = size.split("x").map(Number);
      return { runs, steps };
    }),
  };
  try {
    if (args.profile) return await profileRuncompare(context, context.bundle ?? "/dist/runcompare.js");
    const results = await run(context);
    console.log(`\n${results.markdown}\n\n${results.targets.map((line) => `- ${line}`).join("\n")}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
