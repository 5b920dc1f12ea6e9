// Where a first paint's frame goes, by kind of work: a DevTools trace (Chrome's Tracing domain)
// of one first paint, its main-thread events summed by name (script, style, layout, paint,
// raster, garbage collection...). For the small sizes, where the browser's own work weighs as
// much as the view's script.
//
//   node bench/trace.mjs MODULE [ARGS_JSON] [--load LOAD_ARGS_JSON] [--port 8789] [--repeats 3] [--warm] [--profile]
//
// MODULE is a bench/browser module whose firstPaint(...ARGS) makes one first paint, e.g.
//   node bench/trace.mjs /bench/browser/scalars-runcompare.mjs '["/tests/output/bench/curves-100x1000.arrow", 1]'
// Each repeat is a fresh page; the module is imported (and its setup run once, with a first paint
// of its own) before the trace starts when --warm is given. --load calls the module's
// load(...LOAD_ARGS) first, in each page, untraced: the views' modules take their data so, e.g.
//   node bench/trace.mjs /bench/browser/views-runcompare.mjs '["scatter"]' --load '[{"runs": "/tests/output/bench/views-runs-100.arrow"}]'
//   node bench/trace.mjs /bench/browser/views-peers.mjs '["plot", "scatter"]' --load '["plot", {"runsJson": "/tests/output/bench/views-runs-100.json"}]'
// (after `node bench/views.mjs --sizes 100` has written those files). --profile takes a CPU
// profile (100 µs samples) of the call instead of a trace, and prints the functions with the most
// self time and the most inclusive time; profile a development build for readable names
// (npx webpack --mode development --config-name runcompare --output-path tests/output/bench/dev),
// given to the views' modules as their load's second argument.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { OUTPUT, cpuProfiled, launchBrowser, openPage, selfTimes, startServer, totalTimes } from "./harness.mjs";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", default: "8789" },
    repeats: { type: "string", default: "3" },
    warm: { type: "boolean", default: false },
    load: { type: "string" },
    profile: { type: "boolean", default: false },
  },
});
const [module, params = "[]"] = positionals;

const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink.user_timing"].join(",");

/** Sums the durations of complete events on the page's main thread by name, inside [start, end] (µs). */
function summarise(events, start, end) {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const compositor = events.filter((e) => e.name === "thread_name" && /Compositor|Raster/i.test(e.args?.name ?? "")).map((e) => e.tid);
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== "X" || e.ts < start || e.ts > end) continue;
    const where = e.pid === main.pid && e.tid === main.tid ? "main" : compositor.includes(e.tid) ? "raster" : null;
    if (!where) continue;
    const key = `${where} ${e.name}`;
    sums.set(key, (sums.get(key) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

const port = Number(args.port);
const server = await startServer(port);
const browser = await launchBrowser();
try {
  for (let i = 0; i < Number(args.repeats); i++) {
    const page = await openPage(browser, port);
    const cdp = await page.context().newCDPSession(page);
    if (args.load) await page.evaluate(async ([m, p]) => (await import(m)).load(...p), [module, JSON.parse(args.load)]);
    const call = () => page.evaluate(async ([m, p]) => (await import(m)).firstPaint(...p), [module, JSON.parse(params)]);
    if (args.warm) await call();
    if (args.profile) {
      const { result, profile } = await cpuProfiled(cdp, call, 100);
      fs.writeFileSync(path.join(OUTPUT, `profile-${i}.cpuprofile`), JSON.stringify(profile));
      console.log(`\nrepeat ${i}: ${JSON.stringify(result.times ?? result)}`);
      const top = (label, rows) => rows.slice(0, 30).forEach(([name, ms]) => console.log(`${ms.toFixed(1).padStart(8)} ms  ${label} ${name}`));
      top("self", selfTimes(profile));
      top("total", totalTimes(profile));
      await page.context().close();
      continue;
    }
    const events = [];
    cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
    const finished = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
    const before = await page.evaluate(() => performance.timeOrigin * 1000 + performance.now() * 1000);
    const result = await call();
    await cdp.send("Tracing.end");
    await finished;
    fs.writeFileSync(path.join(OUTPUT, `trace-${i}.json`), JSON.stringify({ traceEvents: events }));
    // Trace timestamps are on the monotonic clock: take the window from the events themselves.
    const marks = events.filter((e) => e.ph === "X" && e.name === "FunctionCall");
    const start = Math.min(...marks.map((e) => e.ts));
    const end = Math.max(...events.filter((e) => e.ph === "X").map((e) => e.ts + (e.dur ?? 0)));
    console.log(`\nrepeat ${i}: ${JSON.stringify(result.times ?? result)} (trace ${((end - start) / 1000).toFixed(0)} ms; ${before ? "" : ""})`);
    for (const [name, ms] of summarise(events, start, end).slice(0, 18)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
    await page.context().close();
  }
} finally {
  await browser.close();
  server.kill();
}
