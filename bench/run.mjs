// `make bench`: runcompare's parallel coordinates and data transfer against Plotly and HiPlot, in
// headless Chromium, on seeded data of 100, 1k, 10k and 100k runs x 16 axes, the scalars view
// (bench/scalars.mjs), the runs table (bench/table.mjs), the scatter, summary, values and diff
// views (bench/views.mjs), cell-to-view in JupyterLab (bench/lab.mjs) and Python's conversions
// (bench/convert.py). Prints the tables, writes bench/results.json and the generated part of
// docs/BENCHMARKS.md.
//
//   node bench/run.mjs [--sizes 1000,10000] [--only runcompare,plotly,hiplot,transfer,scalars,table,views,lab,loaders,convert,samples,live,compare]
//                      [--repeats N] [--bundle FILE] [--port 8780] [--no-write]
//
// --bundle measures another build of runcompare, a copy put in tests/output/bench/ (say from
// before a change); it implies --no-write. --only scalars, table, views, lab, loaders, convert,
// samples or live (or several of them) runs those parts alone and, unless --no-write, replaces only their
// part of the results; loaders runs bench/loaders.py (rc.from_mlflow against search_runs +
// get_metric_history, rc.from_tensorboard against the EventAccumulator loop) and convert
// bench/convert.py, both without a browser; lab starts its own JupyterLab on RC_LAB_PORT (8790
// unless set).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { makeScalars } from "./data.mjs";
import { OUTPUT, REPO, evaluate, launchBrowser, openPage, outputUrl, retainedHeap, startServer, writeRunsFiles } from "./harness.mjs";
import { markdown, print, updateDoc } from "./report.mjs";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "100,1000,10000,100000" },
    only: { type: "string", default: "runcompare,plotly,hiplot,transfer,scalars,table,views,lab,loaders,convert,samples,live,compare" },
    repeats: { type: "string" },
    bundle: { type: "string" },
    port: { type: "string", default: "8780" },
    "no-write": { type: "boolean", default: false },
  },
});
const SIZES = args.sizes.split(",").map(Number);
const ONLY = new Set(args.only.split(","));
const PORT = Number(args.port);
const PYTHON = path.join(REPO, ".venv/bin/python");
/**
 * Repeats per library and size, of first paints and of brush moves: seven, fewer where one takes
 * seconds. Plotly's WebGL runs on SwiftShader here (no GPU): over a minute per paint at 100k; its
 * restyle recomputes everything whatever the move, so its one move is the middle one. runcompare
 * and HiPlot always make the same seven moves: runcompare's cost grows with the runs a move adds
 * or removes, so fewer, longer moves would not compare like with like.
 */
const REPEATS = {
  runcompare: { 100: [7, 7], 1000: [7, 7], 10000: [7, 7], 100000: [5, 7] },
  plotly: { 100: [7, 7], 1000: [7, 7], 10000: [3, 3], 100000: [1, 1] },
  hiplot: { 100: [7, 7], 1000: [7, 7], 10000: [5, 7], 100000: [3, 7] },
  transfer: { 100: [7], 1000: [7], 10000: [7], 100000: [3] },
};
const repeatsFor = (size, library) => Number(args.repeats ?? REPEATS[library][size]?.[0] ?? 3);
const movesFor = (size, library) => Number(args.repeats ?? REPEATS[library][size]?.[1] ?? 3);
/** The scalars tables: runs x 1000 steps x 2 series. 10k runs would be 20M rows, 1.7 GB of JSON: past V8's longest string. */
const SCALAR_RUNS = [100, 1000];

const step = (text) => console.log(`${new Date().toISOString().slice(11, 19)} ${text}`);
/**
 * In a fresh page: one first paint, the brush moves on it, the heap left then, and the other
 * first paints; so the heap figures are those of one chart.
 */
async function paintsAndBrush(browser, library, module, url, size, ...more) {
  const page = await openPage(browser, PORT);
  const paints = repeatsFor(size, library);
  const firstPaint = await evaluate(page, module, "firstPaint", url, 1, ...more);
  const brush = await evaluate(page, module, "brushUpdates", movesFor(size, library));
  const retained = await retainedHeap(page);
  if (paints > 1) firstPaint.times.push(...(await evaluate(page, module, "firstPaint", url, paints - 1, ...more)).times);
  await page.context().close();
  return { firstPaint, brush, retainedHeap: retained };
}

const runcompare = (browser, file, size) =>
  paintsAndBrush(browser, "runcompare", "/bench/browser/runcompare.mjs", file.arrowUrl, size, args.bundle ? outputUrl(args.bundle) : undefined);

const plotly = (browser, file, size) => paintsAndBrush(browser, "plotly", "/bench/browser/plotly.mjs", file.jsonUrl, size);

/** HiPlot's own HTML export of the same records, from its Python API. */
function hiplotPage(file, size) {
  const html = path.join(OUTPUT, `hiplot-${size}.html`);
  const made = spawnSync(PYTHON, [path.join(REPO, "bench/hiplot_page.py"), file.jsonPath, html], { stdio: "inherit" });
  if (made.status !== 0) throw new Error("bench/hiplot_page.py failed (is the bench extra installed? make bench does it)");
  return outputUrl(html);
}

async function hiplot(browser, file, size) {
  const url = hiplotPage(file, size);
  const firstPaint = [];
  let brush = null;
  const repeats = repeatsFor(size, "hiplot");
  let retained = 0;
  for (let i = 0; i < repeats; i++) {
    const page = await openPage(browser, PORT, url, ["bench/browser/strokes-init.js"]);
    firstPaint.push(await evaluate(page, "/bench/browser/hiplot.mjs", "firstPaint"));
    if (i === 0) {
      brush = await evaluate(page, "/bench/browser/hiplot.mjs", "brushUpdates", movesFor(size, "hiplot"));
      retained = await retainedHeap(page);
    }
    await page.context().close();
  }
  return { firstPaint, brush, retainedHeap: retained };
}

async function transfer(browser, files) {
  const page = await openPage(browser, PORT);
  const rows = [];
  for (const [size, file] of files) {
    step(`data transfer: runs, ${size}`);
    const decode = await evaluate(page, "/bench/browser/transfer.mjs", "decode", file.arrowUrl, file.jsonUrl, repeatsFor(size, "transfer"), true);
    rows.push({ table: "runs", rows: size, arrowBytes: file.arrowBytes, jsonBytes: file.jsonBytes, decode });
  }
  for (const runs of SCALAR_RUNS) {
    step(`data transfer: scalars, ${runs} runs`);
    const scalars = makeScalars(runs);
    const arrowPath = path.join(OUTPUT, `scalars-${runs}.arrow`);
    const jsonPath = path.join(OUTPUT, `scalars-${runs}.json`);
    fs.writeFileSync(arrowPath, scalars.ipc);
    fs.writeFileSync(jsonPath, scalars.json);
    const decode = await evaluate(page, "/bench/browser/transfer.mjs", "decode", outputUrl(arrowPath), outputUrl(jsonPath), runs < 1000 ? 7 : 3, false);
    rows.push({
      table: `scalars (${runs} runs × 1000 steps × 2 series)`,
      rows: scalars.rows,
      arrowBytes: scalars.ipc.length,
      jsonBytes: scalars.json.length,
      decode,
    });
  }
  await page.context().close();
  return rows;
}

/**
 * JS heap at the largest size, from the timed runs: with the data loaded (after GC, before the
 * first paint; HiPlot's page holds its data from the start, so it has none), the peak sampled in
 * every frame of that paint and the brush moves after it, and what is left after GC then.
 */
function memory(parallel) {
  const size = Math.max(...Object.keys(parallel).map(Number));
  return Object.entries(parallel[size] ?? {})
    .filter(([, result]) => result.brush)
    .map(([library, result]) => ({
      library,
      runs: size,
      baseline: result.firstPaint.baselineHeap ?? NaN,
      peak: result.brush.peakHeap,
      retained: result.retainedHeap,
    }));
}

/**
 * The scalar overlays' benchmark, bench/scalars.mjs, when it offers `export function run(context)`
 * (checked in its text first: importing a script without one would run it). Its result is kept
 * in results.json; a `markdown` string in it goes into docs/BENCHMARKS.md.
 */
async function scalars(browser) {
  const file = path.join(REPO, "bench/scalars.mjs");
  if (!fs.existsSync(file)) return { skipped: "bench/scalars.mjs does not exist" };
  if (!/export\s+(async\s+)?function\s+run\b|export\s+(const|let)\s+run\b|export\s*\{[^}]*\brun\b/.test(fs.readFileSync(file, "utf8"))) {
    return { skipped: "bench/scalars.mjs exports no run function (run it alone: node bench/scalars.mjs)" };
  }
  const module = await import(pathToFileURL(file));
  return module.run({
    browser,
    port: PORT,
    origin: `http://127.0.0.1:${PORT}`,
    openPage: (pagePath) => openPage(browser, PORT, pagePath),
    bundle: args.bundle ? outputUrl(args.bundle) : undefined,
    log: step,
  });
}

/** A Python part's results: bench/loaders.py (MLflow stores made and loaded in the venv) or bench/convert.py. */
function pythonPart(script) {
  const out = path.join(OUTPUT, `${path.basename(script, ".py")}.json`);
  fs.mkdirSync(OUTPUT, { recursive: true });
  const run = spawnSync(PYTHON, [path.join(REPO, script), "--json", out], { stdio: "inherit" });
  if (run.status !== 0) return { skipped: `${script} failed (is the test extra installed? make install does it)` };
  return JSON.parse(fs.readFileSync(out, "utf8"));
}

/** The scatter, summary, values and diff views against Plot and Plotly (bench/views.mjs), at the sizes asked up to 10,000 runs. */
async function views(browser) {
  const { run } = await import("./views.mjs");
  const sizes = SIZES.filter((size) => size <= 10_000);
  return run({ openPage: (pagePath) => openPage(browser, PORT, pagePath), bundle: args.bundle ? outputUrl(args.bundle) : undefined, sizes, log: step });
}

/** The runs table's benchmark, bench/table.mjs (runs x 300 columns), at the sizes asked. */
async function runsTable(browser) {
  const { run } = await import("./table.mjs");
  return run({ openPage: (pagePath) => openPage(browser, PORT, pagePath), bundle: args.bundle ? outputUrl(args.bundle) : undefined, sizes: SIZES, log: step });
}

/** The samples view's benchmark, bench/samples.mjs (20,000 images scrolled). */
async function samplesView(browser) {
  const { run } = await import("./samples.mjs");
  return run({ openPage: (pagePath) => openPage(browser, PORT, pagePath), bundle: args.bundle ? outputUrl(args.bundle) : undefined, log: step });
}

/** Live views' benchmark, bench/live.mjs (appends to a 10 M point chart, a view followed for 360 polls). */
async function liveViews(browser) {
  const { run } = await import("./live.mjs");
  return run({ openPage: (pagePath) => openPage(browser, PORT, pagePath), bundle: args.bundle ? outputUrl(args.bundle) : undefined, log: step });
}

/** The comparison page's benchmark, bench/compare.mjs (tab switches at 1,000 runs, a brush at 10,000). */
async function comparePage(browser) {
  const { run } = await import("./compare.mjs");
  return run({ openPage: (pagePath) => openPage(browser, PORT, pagePath), bundle: args.bundle ? outputUrl(args.bundle) : undefined, log: step });
}

/** The last run's results as they were written; JSON keeps NaN (a heap HiPlot does not have) as null. */
function lastResults(file) {
  const last = JSON.parse(fs.readFileSync(file, "utf8"));
  last.memory = last.memory.map((m) => ({ ...m, baseline: m.baseline ?? NaN }));
  return last;
}

function machine() {
  const cpuinfo = fs.readFileSync("/proc/cpuinfo", "utf8");
  return {
    cpus: os.cpus().length,
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown",
    memory: os.totalmem(),
    loadBefore: os.loadavg(),
  };
}

const started = Date.now();
const results = {
  date: new Date().toISOString(),
  machine: machine(),
  chromium: "",
  parallel: {},
  transfer: [],
  memory: [],
  scalars: null,
  table: null,
  views: null,
  lab: null,
  loaders: null,
  convert: null,
  samples: null,
  live: null,
  compare: null,
};
// First, alone: they measure Python on the CPU, with no browser running.
if (ONLY.has("loaders")) {
  step("loaders: rc.from_mlflow and rc.from_tensorboard against the loops users write");
  results.loaders = pythonPart("bench/loaders.py");
}
if (ONLY.has("convert")) {
  step("convert: DataFrames to Arrow bytes against pyarrow alone");
  results.convert = pythonPart("bench/convert.py");
}
// Then JupyterLab, with its own server and browser.
if (ONLY.has("lab")) {
  const { run } = await import("./lab.mjs");
  results.lab = await run({ port: Number(process.env.RC_LAB_PORT ?? 8790), log: step });
}
/** The runs tables are written only for what reads them (not for --only scalars). */
const PARALLEL = ["runcompare", "plotly", "hiplot"].filter((name) => ONLY.has(name));
step("writing the data");
const files = PARALLEL.length || ONLY.has("transfer") ? writeRunsFiles(SIZES) : new Map();
const BROWSER_PARTS = [...PARALLEL, "transfer", "scalars", "table", "views", "samples", "live", "compare"];
const server = BROWSER_PARTS.some((part) => ONLY.has(part)) ? await startServer(PORT) : null;
const browser = await launchBrowser();
results.chromium = browser.version();
try {
  for (const size of PARALLEL.length ? SIZES : []) {
    const file = files.get(size);
    const libraries = (results.parallel[size] = {});
    for (const [name, measure] of [
      ["runcompare", runcompare],
      ["plotly", plotly],
      ["hiplot", hiplot],
    ]) {
      if (!ONLY.has(name)) continue;
      step(`parallel coordinates: ${name}, ${size} runs`);
      try {
        libraries[name] = await measure(browser, file, size);
      } catch (error) {
        console.error(`${name} at ${size} runs failed: ${error.message}`);
        libraries[name] = { error: error.message.split("\n")[0] };
      }
    }
  }
  results.memory = memory(results.parallel);
  if (ONLY.has("transfer")) results.transfer = await transfer(browser, files);
  if (ONLY.has("scalars")) results.scalars = await scalars(browser);
  if (ONLY.has("table")) results.table = await runsTable(browser);
  if (ONLY.has("views")) results.views = await views(browser);
  if (ONLY.has("samples")) results.samples = await samplesView(browser);
  if (ONLY.has("live")) results.live = await liveViews(browser);
  if (ONLY.has("compare")) results.compare = await comparePage(browser);
} finally {
  await browser.close();
  server?.kill();
}
results.machine.loadAfter = os.loadavg();
results.seconds = Math.round((Date.now() - started) / 1000);
print(results);
if (!args["no-write"] && !args.bundle) {
  const file = path.join(REPO, "bench/results.json");
  // --only scalars, table and/or loaders replace those results and keep the rest of the last run's (their sections say when they were measured).
  const SEPARATE = ["scalars", "table", "views", "lab", "loaders", "convert", "samples", "live", "compare"];
  const separateOnly = [...ONLY].every((part) => SEPARATE.includes(part)) && fs.existsSync(file);
  const written = separateOnly ? { ...lastResults(file), ...Object.fromEntries([...ONLY].map((part) => [part, results[part]])) } : results;
  fs.writeFileSync(file, JSON.stringify(written, null, 1));
  updateDoc(path.join(REPO, "docs/BENCHMARKS.md"), markdown(written));
  console.log("wrote bench/results.json and docs/BENCHMARKS.md");
}
step(`done in ${results.seconds} s`);
