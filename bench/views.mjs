// The scatter, summary, values and diff views against Observable Plot and Plotly: first paints
// at 100, 1,000 and 10,000 runs of the bench sweep (bench/data.mjs), in headless Chromium.
//
//   node bench/views.mjs [--sizes 100,1000,10000] [--views scatter,summary,values,diff]
//                        [--pages 5] [--bundle FILE] [--port 8773]
//
// Each library draws each view in `pages` fresh pages, three times per page: the first is the
// first view of the page (cold: nothing of the library has run yet), the others later views
// (warm). runcompare is measured three times: the ES module bundle as built, reading Arrow IPC
// bytes (decoding included); the same bundle given the peers' input, the tables as JSON records
// already parsed; and a copy of it that starts with Chromium's compile hint, as the JupyterLab
// extension's scripts do (webpack.lab.cjs: its functions compiled as it loads, not on their first
// call), reading the bytes: the first views of a notebook in JupyterLab. The library and the data
// are loaded before the clock starts; the peers get JSON records already parsed. The values view
// gets the scalars' rows that decide each series' last, min and max value and the runs table's
// naming columns, as Python sends them to it; the peers get each run's last values. `node bench/run.mjs
// --only views` runs this too, through `run(context)`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { makeScalars, makeRuns, runsRecords, runsTable, summaryRows, toIPC } from "./data.mjs";
import { VALUES_SERIES } from "./browser/views-scenario.mjs";
import { OUTPUT, evaluate, hintedCopy, outputUrl, runAlone } from "./harness.mjs";
import { median } from "./report.mjs";
import MESSAGES from "../schema/messages.json" with { type: "json" };

const VIEWS = ["scatter", "summary", "values", "diff"];
const PEERS = { scatter: ["plot", "plotly"], summary: ["plot", "plotly"], values: ["plot", "plotly"], diff: ["plotly"] };
const NAMES = {
  runcompare: "runcompare",
  records: "runcompare given JSON records",
  lab: "runcompare as JupyterLab loads it",
  plot: "Observable Plot",
  plotly: "Plotly",
};
/** runcompare's measures: the ES module from IPC bytes and from the peers' records, and the same code compiled as it loads (JupyterLab's extension). */
const OWN = ["runcompare", "records", "lab"];
/** The values view reads scalars of runs x 1,000 steps x 2 series: 20 M rows at 10,000 runs would take minutes to make. */
const VALUES_MAX_RUNS = 1000;
/** Half of a 60 Hz display's frame, in ms. */
const HALF_FRAME = 1000 / 60 / 2;
/** The diff refuses more runs side by side than this: past it there is nothing of its to time. */
const DIFF_MAX_RUNS = MESSAGES.limits.diffRuns;

/** The data files of one size: runs as IPC and records, scalars as IPC and each run's last values as records. */
export function writeData(count) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const columns = makeRuns(count);
  const files = { ids: columns.run_id };
  const write = (name, bytes) => {
    const file = path.join(OUTPUT, name);
    fs.writeFileSync(file, bytes);
    return outputUrl(file);
  };
  files.runs = write(`views-runs-${count}.arrow`, toIPC(runsTable(columns)));
  files.runsJson = write(`views-runs-${count}.json`, JSON.stringify(runsRecords(columns)));
  if (count <= VALUES_MAX_RUNS) {
    const scalars = makeScalars(count);
    const summaries = summaryRows(count, scalars.columns);
    files.scalars = write(`views-scalars-${count}.arrow`, summaries.ipc);
    files.scalarsJson = write(`views-scalars-${count}.json`, summaries.json);
    // As Python sends the values view its runs table: the columns that name the runs (no name here).
    files.valuesRuns = write(`views-values-runs-${count}.arrow`, toIPC(runsTable({ run_id: columns.run_id })));
    files.valuesRunsJson = write(`views-values-runs-${count}.json`, JSON.stringify(runsRecords({ run_id: columns.run_id })));
    // The last value of each run's series: the rows come run by run, series by series, in step order.
    const records = JSON.parse(scalars.json);
    const last = new Map();
    for (const row of records) last.set(`${row.run_id}\u0000${row.metric}/${row.variant}`, row);
    const values = [...last.values()].map((row) => ({ run_id: row.run_id, series: `${row.metric}/${row.variant}`, value: row.value }));
    if (!values.every((v) => VALUES_SERIES.includes(v.series))) throw new Error("the scalars hold other series than VALUES_SERIES");
    files.valuesJson = write(`views-values-${count}.json`, JSON.stringify(values));
  }
  return files;
}

const OWN_MODULE = "/bench/browser/views-runcompare.mjs";
const PEERS_MODULE = "/bench/browser/views-peers.mjs";

/**
 * The contenders of a side-by-side run (views-pairs.mjs, call-waits.mjs): each build, a file under
 * tests/output/bench/, reading the IPC bytes and, with `records`, the peers' records too; then the peer, if any.
 */
export function buildContenders(builds, { records = false, peer = null } = {}) {
  const inputs = records ? ["arrow", "records"] : ["arrow"];
  return [
    ...builds.flatMap((build) =>
      inputs.map((input) => ({ name: `${path.basename(build)}${input === "records" ? ", records" : ""}`, bundle: outputUrl(build), input })),
    ),
    ...(peer ? [{ name: NAMES[peer], peer }] : []),
  ];
}

/**
 * Loads what draws the views into a fresh page, with `files` (writeData's): a peer (`{ peer:
 * "plot" }` or "plotly"), or a runcompare bundle's URL and its input (`{ bundle, input: "arrow" }`
 * or "records"). Resolves to a function that makes one first paint of `view` and resolves to its
 * { rendered, shown } (bench/browser/timing.mjs shownOnScreen).
 */
export async function loadViews(page, contender, files, view) {
  if (contender.peer) {
    await evaluate(page, PEERS_MODULE, "load", contender.peer, files);
    return () => evaluate(page, PEERS_MODULE, "firstPaint", contender.peer, view);
  }
  await evaluate(page, OWN_MODULE, "load", files, contender.bundle, contender.input);
  return () => evaluate(page, OWN_MODULE, "firstPaint", view);
}

/** `pages` fresh pages, three first paints in each: the first cold, the others warm. */
async function measure(context, library, view, files, pages) {
  const cold = [];
  const warm = [];
  const contender = OWN.includes(library)
    ? { bundle: library === "lab" ? context.hinted : context.bundle, input: library === "records" ? "records" : "arrow" }
    : { peer: library };
  for (let i = 0; i < pages; i++) {
    const page = await context.openPage();
    const paint = await loadViews(page, contender, files, view);
    cold.push(await paint());
    warm.push(await paint(), await paint());
    await page.context().close();
  }
  return { cold, warm };
}

/**
 * Every view, size and library, the libraries taking turns page by page so that a change in the
 * machine's load touches them alike. `context`: { openPage(path?), bundle?, sizes?, views?, pages?, log? }.
 */
export async function run(context) {
  const log = context.log ?? ((text) => console.log(`${new Date().toISOString().slice(11, 19)} ${text}`));
  const measured = { date: new Date().toISOString(), load: os.loadavg() };
  context = { ...context, hinted: hintedCopy(context.bundle) };
  const results = [];
  for (const runs of context.sizes ?? [100, 1000, 10000]) {
    log(`views: writing ${runs} runs`);
    const files = writeData(runs);
    for (const view of context.views ?? VIEWS) {
      if (view === "values" && runs > VALUES_MAX_RUNS) continue;
      if (view === "diff" && runs > DIFF_MAX_RUNS) continue;
      const result = { view, runs };
      for (const library of [...OWN, ...PEERS[view]]) {
        log(`views: ${view}, ${NAMES[library]}, ${runs} runs`);
        try {
          result[library] = await measure(context, library, view, files, context.pages ?? 5);
        } catch (error) {
          console.error(`views: ${library} ${view} at ${runs} failed: ${error.message}`);
          result[library] = { error: error.message.split("\n")[0] };
        }
      }
      results.push(result);
    }
  }
  return { ...measured, results, markdown: markdown(results, measured, context.pages ?? 5), targets: targets(results) };
}

const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`) : "–");
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(value >= 10 ? 0 : 1)}x` : "–");

/** Medians, cold and warm, and the fastest peer's over runcompare's (`own`: "runcompare" or "lab"). */
function summarise(result, own = "runcompare") {
  const of = (library, kind, measure = "shown") =>
    result[library] && !result[library].error ? median(result[library][kind].map((paint) => paint[measure])) : NaN;
  const peers = PEERS[result.view];
  const fastest = (kind) => Math.min(...peers.map((peer) => of(peer, kind)).filter(Number.isFinite));
  const fastestRendered = (kind) => Math.min(...peers.map((peer) => of(peer, kind, "rendered")).filter(Number.isFinite));
  return {
    cold: of(own, "cold"),
    warm: of(own, "warm"),
    coldRendered: of(own, "cold", "rendered"),
    warmRendered: of(own, "warm", "rendered"),
    peers: Object.fromEntries(
      peers.map((peer) => [
        peer,
        { cold: of(peer, "cold"), warm: of(peer, "warm"), coldRendered: of(peer, "cold", "rendered"), warmRendered: of(peer, "warm", "rendered") },
      ]),
    ),
    // The fastest peer's time less runcompare's: positive where runcompare was shown sooner.
    coldGap: fastest("cold") - of(own, "cold"),
    warmGap: fastest("warm") - of(own, "warm"),
    coldRatio: fastest("cold") / of(own, "cold"),
    warmRatio: fastest("warm") / of(own, "warm"),
    coldRenderedRatio: fastestRendered("cold") / of(own, "cold", "rendered"),
    warmRenderedRatio: fastestRendered("warm") / of(own, "warm", "rendered"),
  };
}

function markdown(results, { date, load }, pages) {
  const both = (shown, rendered) => `${ms(shown)} (${ms(rendered)})`;
  const rows = results.map((result) => {
    const [es, records, lab] = OWN.map((own) => summarise(result, own));
    const peer = (name) => {
      if (!PEERS[result.view].includes(name)) return "–";
      if (result[name]?.error) return "failed";
      const p = es.peers[name];
      return `${both(p.cold, p.coldRendered)} / ${both(p.warm, p.warmRendered)}`;
    };
    const own = (s, name) => (result[name]?.error ? "failed" : `${both(s.cold, s.coldRendered)} / ${both(s.warm, s.warmRendered)}`);
    const ratios = (s) => `${ratio(s.coldRatio)} (${ratio(s.coldRenderedRatio)}) / ${ratio(s.warmRatio)} (${ratio(s.warmRenderedRatio)})`;
    return (
      `| ${result.view} | ${result.runs.toLocaleString("en")} | ${own(es, "runcompare")} | ${own(records, "records")} | ${own(lab, "lab")} | ` +
      `${peer("plot")} | ${peer("plotly")} | ${ratios(es)} | ${ratios(records)} | ${ratios(lab)} |`
    );
  });
  return [
    `Measured ${date.slice(0, 16).replace("T", " ")} UTC, load average at start ${load.map((l) => l.toFixed(1)).join(" ")}.`,
    "",
    "| view | runs | runcompare (ES module) first paint: first view / later | given JSON records | as JupyterLab loads it | Observable Plot | Plotly | vs fastest peer, ES module: first / later | given JSON records | as JupyterLab loads it |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `Medians over ${pages} fresh pages: the first view` +
      " of each page (cold) and two later ones (warm). Each time runs from the call, made in a task as a notebook " +
      "output is, to the start of the frame after the one that showed the view; in brackets, to the end of this thread's work on that frame (not " +
      "bound to the display's 16.7 ms frames: where both libraries are shown in the same frame, it says which did less). The library and the data are " +
      'loaded before the clock starts: runcompare reads Arrow IPC bytes (decoding included), and, "given JSON records", the peers\' own input: ' +
      "the same tables as JSON records already parsed. Ratios: the fastest " +
      "peer's median over runcompare's. \"As JupyterLab loads it\": the same bundle reading the bytes, starting with Chromium's compile hint, as the JupyterLab " +
      "extension's scripts do (webpack.lab.cjs), so its functions are compiled as it loads rather than on their first call; the ES module is " +
      "not hinted, as compiling all of it made import and first view together slower (bench/import.mjs).",
  ].join("\n");
}

function targets(results) {
  const atHundred = results.filter((result) => result.runs === 100);
  if (!atHundred.length) return [];
  // Ahead: shown in an earlier frame, or in the same frame with less work done for it. Views shown
  // in the same frame differ by less than half a frame (the frame's start, timed in two pages).
  const ahead = (gap, rendered) => gap >= HALF_FRAME || (Math.abs(gap) < HALF_FRAME && rendered > 1);
  return OWN.map((own) => {
    const small = atHundred.map((result) => ({ view: result.view, ...summarise(result, own) }));
    const behind = small.filter((s) => !(ahead(s.coldGap, s.coldRenderedRatio) && ahead(s.warmGap, s.warmRenderedRatio))).map((s) => s.view);
    const worst = Math.min(...small.flatMap((s) => [s.coldRenderedRatio, s.warmRenderedRatio]));
    const build = { runcompare: "as an ES module", records: "as an ES module given the peers' JSON records", lab: "as JupyterLab loads it" }[own];
    return (
      `${small.map((s) => s.view).join(", ")} at 100 runs ahead of the fastest peer, first view and later, ${build}: ` +
      `${behind.length ? `**missed** (${behind.join(", ")})` : "met"}, at least ${ratio(worst)}`
    );
  });
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      sizes: { type: "string" },
      views: { type: "string" },
      pages: { type: "string" },
      bundle: { type: "string" },
      port: { type: "string", default: "8773" },
    },
  });
  await runAlone(Number(args.port), run, {
    bundle: args.bundle ? outputUrl(args.bundle) : undefined,
    sizes: args.sizes?.split(",").map(Number),
    views: args.views?.split(","),
    pages: args.pages ? Number(args.pages) : undefined,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
