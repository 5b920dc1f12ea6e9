// The runs table at scale: first paint, sort, filter changes, search and scrolling of runs x 300
// columns (bench/data.mjs makeWideRuns) against Tabulator and HiPlot's table in the same headless
// Chromium, and sorting and filtering with arquero against typed arrays (bench/table-engine.mjs).
//
//   node bench/table.mjs [--sizes 1000,10000,100000] [--only runcompare,tabulator,hiplot,engines] [--port 8774]
//
// After `npx webpack --mode production`. `node bench/run.mjs --only table` runs it through
// `run(context)` and writes its block of docs/BENCHMARKS.md.
//
// runcompare reads Arrow IPC stream bytes (decoding included). Tabulator gets the runs as row
// objects made before its clock starts. HiPlot's page is written by its Python API from JSON
// records (bench/hiplot_page.py --display table); it holds its data in the page, and is timed
// from DOMContentLoaded.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { makeWideRuns, toIPC, wideRunsTable } from "./data.mjs";
import { OUTPUT, REPO, evaluate, outputUrl, retainedHeap, runAlone } from "./harness.mjs";
import { median } from "./report.mjs";
import { compareEngines } from "./table-engine.mjs";

const SIZES = [100, 1_000, 10_000, 100_000];
const LIBRARIES = ["runcompare", "tabulator", "hiplot"];
const NAMES = { runcompare: "runcompare", tabulator: "Tabulator", hiplot: "HiPlot" };
/** First paints and sorts per library and size. */
const REPEATS = {
  runcompare: { 100: [5, 5], 1000: [5, 5], 10000: [5, 5], 100000: [3, 5] },
  tabulator: { 100: [3, 3], 1000: [3, 3], 10000: [3, 3], 100000: [1, 3] },
  hiplot: { 100: [3, 3], 1000: [3, 3], 10000: [1, 3] },
};
/**
 * HiPlot at 100,000 x 300 is left out: its Python API takes 14 s and 0.9 GB to write the 10,000-run
 * page (139 MB of HTML); ten times that is past what this machine can give it.
 */
const HIPLOT_LARGEST = 10_000;
const PYTHON = path.join(REPO, ".venv/bin/python");

/** The runs as Arrow IPC, and as JSON records for HiPlot (sizes it is run at only: 100,000 would pass V8's longest string). */
function writeData(runs, withRecords) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const columns = makeWideRuns(runs);
  const arrowPath = path.join(OUTPUT, `wide-${runs}.arrow`);
  fs.writeFileSync(arrowPath, toIPC(wideRunsTable(columns)));
  let jsonPath = null;
  if (withRecords) {
    jsonPath = path.join(OUTPUT, `wide-${runs}.json`);
    const names = Object.keys(columns);
    const value = (name, row) => {
      const v = columns[name][row];
      if ((name === "start_time" || name === "end_time") && v !== null) return new Date(v).toISOString();
      return typeof v === "number" && Number.isNaN(v) ? null : v;
    };
    fs.writeFileSync(jsonPath, JSON.stringify(Array.from({ length: runs }, (_, row) => Object.fromEntries(names.map((name) => [name, value(name, row)])))));
  }
  return { arrowUrl: outputUrl(arrowPath), jsonPath };
}

/** First paints, then sorts, range filters, searches and scrolling on the last, in one page. */
async function measureInPage(context, library, url, runs) {
  const [paints, sorts] = REPEATS[library][runs];
  const module = `/bench/browser/table-${library}.mjs`;
  const page = await context.openPage();
  const firstPaint = await evaluate(page, module, "firstPaint", url, paints, ...(library === "runcompare" && context.bundle ? [context.bundle] : []));
  const sort = await evaluate(page, module, "sorts", sorts);
  const range = await evaluate(page, module, "rangeFilters");
  const search = await evaluate(page, module, "searches");
  const scroll = await evaluate(page, module, "scrolling");
  const retained = await retainedHeap(page);
  await page.context().close();
  return { firstPaint, sort, range, search, scroll, retainedHeap: retained };
}

/** HiPlot: each first paint in a fresh page of its own page file; sorts and searches on the first. */
async function measureHiplot(context, jsonPath, runs) {
  const html = path.join(OUTPUT, `hiplot-table-${runs}.html`);
  const made = spawnSync(PYTHON, [path.join(REPO, "bench/hiplot_page.py"), jsonPath, html, "--display", "table"], { stdio: "inherit" });
  if (made.status !== 0) throw new Error("bench/hiplot_page.py failed (is the bench extra installed? make bench does it)");
  const [paints, sorts] = REPEATS.hiplot[runs];
  const module = "/bench/browser/table-hiplot.mjs";
  const times = [];
  let sort = null;
  let search = null;
  let retained = 0;
  for (let i = 0; i < paints; i++) {
    const page = await context.openPage(outputUrl(html));
    const paint = await evaluate(page, module, "firstPaint");
    times.push(paint.time);
    if (i === 0) {
      sort = await evaluate(page, module, "sorts", sorts);
      search = await evaluate(page, module, "searches");
      retained = await retainedHeap(page);
    }
    await page.context().close();
  }
  return { firstPaint: { times }, sort, search, scroll: { peakHeap: search.peakHeap }, retainedHeap: retained };
}

/**
 * Every size and library, and the engine comparison. `context`: { openPage(path?), bundle?,
 * only?, sizes?, log? }. Returns the measurements with `markdown` and `targets`.
 */
export async function run(context) {
  const only = new Set(context.only ?? [...LIBRARIES, "engines"]);
  const log = context.log ?? ((text) => console.log(`${new Date().toISOString().slice(11, 19)} ${text}`));
  const measured = { date: new Date().toISOString(), load: os.loadavg() };
  const engines = only.has("engines") ? await compareEngines(100_000, { log }) : [];
  const sizes = [];
  for (const runs of context.sizes ?? SIZES) {
    log(`runs table: writing ${runs} runs x 300 columns`);
    const withHiplot = only.has("hiplot") && runs <= HIPLOT_LARGEST;
    const files = writeData(runs, withHiplot);
    const result = { runs };
    for (const library of LIBRARIES) {
      if (!only.has(library)) continue;
      if (library === "hiplot" && !withHiplot) {
        result.hiplot = { skipped: `not run past ${HIPLOT_LARGEST.toLocaleString("en")} runs (see bench/table.mjs)` };
        continue;
      }
      log(`runs table: ${NAMES[library]}, ${runs} runs`);
      try {
        result[library] =
          library === "hiplot" ? await measureHiplot(context, files.jsonPath, runs) : await measureInPage(context, library, files.arrowUrl, runs);
      } catch (error) {
        console.error(`runs table: ${library} at ${runs} failed: ${error.message}`);
        result[library] = { error: error.message.split("\n")[0] };
      }
    }
    sizes.push(result);
  }
  return { ...measured, engines, sizes, markdown: markdown(sizes, engines, measured), targets: targets(sizes) };
}

const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`) : "–");
const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(1)} MB` : "–");
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(value >= 10 ? 0 : 1)}x` : "–");
const count = (n) => n.toLocaleString("en");
const percentile = (values, p) => (values?.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] : NaN);

/** Medians of one library at one size (NaN where it was not measured). */
function summarise(result) {
  if (!result || result.error || result.skipped) return null;
  const gaps = [...(result.scroll?.down?.gaps ?? []), ...(result.scroll?.across?.gaps ?? [])];
  return {
    paint: median(result.firstPaint.times),
    sort: median(result.sort?.times),
    range: median(result.range?.times),
    search: median(result.search?.times),
    frames: gaps.length,
    dropped: gaps.length ? result.scroll.down.dropped + result.scroll.across.dropped : NaN,
    gapP95: percentile(gaps, 0.95),
    peakHeap: result.scroll?.peakHeap ?? NaN,
    baselineHeap: result.firstPaint.baselineHeap ?? NaN,
    retainedHeap: result.retainedHeap,
  };
}

function table(header, rows) {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

function cell(result, text) {
  if (!result) return "–";
  if (result.error) return "failed";
  if (result.skipped) return "not run";
  return text;
}

function markdown(sizes, engines, { date, load }) {
  const rows = sizes.flatMap((size) =>
    LIBRARIES.filter((library) => size[library]).map((library) => {
      const result = size[library];
      const s = summarise(result);
      const scroll = s && s.frames ? `${s.dropped} of ${s.frames} (p95 ${ms(s.gapP95)})` : "paged, no scroll";
      return [
        count(size.runs),
        NAMES[library],
        ...[s?.paint, s?.sort, s?.range, s?.search].map((v) => cell(result, ms(v))),
        cell(result, scroll),
        cell(result, mb(s?.peakHeap)),
      ];
    }),
  );
  const times = table(
    ["runs × 300 columns", "table", "first paint", "sort", "range filter change", "search keystroke", "frames dropped scrolling", "peak JS heap"],
    rows,
  );
  const ratios = table(
    ["runs", "first paint vs fastest peer", "sort", "range filter", "search"],
    sizes.map((size) => {
      const rc = summarise(size.runcompare);
      const peers = ["tabulator", "hiplot"].map((p) => summarise(size[p])).filter(Boolean);
      const best = (key) => ratio(Math.min(...peers.map((p) => p[key]).filter(Number.isFinite)) / rc?.[key]);
      return [count(size.runs), best("paint"), best("sort"), best("range"), best("search")];
    }),
  );
  const engineTable = engines.length
    ? table(
        ["at 100,000 × 300", "arquero", "typed arrays (src/data/order.ts, filter.ts)", "arquero / typed", "same rows"],
        engines.map((e) => [e.task, ms(median(e.arquero)), ms(median(e.typed)), ratio(median(e.arquero) / median(e.typed)), e.same ? "yes" : "**no**"]),
      )
    : "";
  return [
    `Measured ${date.slice(0, 16).replace("T", " ")} UTC, load average at start ${load.map((l) => l.toFixed(1)).join(" ")}.`,
    times,
    "Medians. First paint: from the call (Tabulator: `new Tabulator` with the row objects in memory; HiPlot: DOMContentLoaded of its page) to the frame after the first rows were drawn. " +
      "Sort: a header click ascending by metrics.val/acc (Tabulator: `setSort`). Range filter: each of five lower bounds of params.lr typed in the column's filter panel (Tabulator: `setFilter`). " +
      "Search: each of five keystrokes in the search box over names and tags (Tabulator: a filter function over the same; HiPlot: its DataTables search over every column's text). " +
      "Scrolling: 120 frames of 240 px down, then 120 of 120 px across; a frame is dropped when it comes more than 25 ms after the one before. HiPlot's table shows pages of ten rows, and has no range filter.",
    ratios,
    "Ratios: the fastest peer's median over runcompare's, from the same run.",
    engineTable &&
      `Sorting and filtering, in Node (the same V8): arquero's \`orderby\`/\`filter\` on \`aq.fromArrow\` against the typed-array code the table uses; medians of 7 after one untimed call.\n\n${engineTable}`,
  ]
    .filter(Boolean)
    .join("\n\n");
}

function targets(sizes) {
  const largest = sizes.find((s) => s.runs === 100_000);
  const s = summarise(largest?.runcompare);
  if (!s) return [];
  const check = (ok) => (ok ? "met" : "**missed**");
  const peers = ["tabulator", "hiplot"].map((p) => summarise(largest[p])).filter(Boolean);
  const ahead = peers.length && ["paint", "sort", "range", "search"].every((key) => peers.every((p) => !(p[key] <= s[key])));
  return [
    `runs table first paint at 100,000 × 300 < 500 ms: ${ms(s.paint)}, ${check(s.paint < 500)}`,
    `runs table sort at 100,000 × 300 < 150 ms: ${ms(s.sort)}, ${check(s.sort < 150)}`,
    `runs table filter change at 100,000 × 300 < 100 ms: range ${ms(s.range)}, search ${ms(s.search)}, ${check(Math.max(s.range, s.search) < 100)}`,
    `runs table scrolling at 100,000 × 300 without dropped frames: ${s.dropped} of ${s.frames} dropped (p95 gap ${ms(s.gapP95)}), ${check(s.dropped === 0)}`,
    `runs table ahead of ${peers.length} peer${peers.length === 1 ? "" : "s"} measured at 100,000 on paint, sort, filter and search: ${ahead ? "met" : "**missed**"}`,
  ];
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      sizes: { type: "string" },
      only: { type: "string" },
      bundle: { type: "string" },
      port: { type: "string", default: "8774" },
    },
  });
  await runAlone(Number(args.port), run, {
    bundle: args.bundle ? outputUrl(args.bundle) : undefined,
    only: args.only?.split(","),
    sizes: args.sizes?.split(",").map(Number),
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
