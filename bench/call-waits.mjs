// Where a first view's wall-clock time goes beside its work: the call's task and the frame's task
// after it, each as wall time against the main thread's CPU time (DevTools trace); the time the
// call spent waiting for the browser process to match a font; and the CPU time V8 spent compiling
// functions on their first call, in the call and the frame. Builds and peers take turns page by
// page, as in views-pairs.mjs.
//
//   node bench/call-waits.mjs BUILD.js [BUILD.js ...] [--peer plotly] [--view values] [--runs 100] [--pages 8] [--later] [--records] [--port 8792]
//
// BUILDs are files under tests/output/bench/; --peer adds Observable Plot ("plot") or Plotly.
// --later traces a page's third view instead of its first (the two before it untraced); --records
// also gives each build the peers' input, the JSON records already parsed ("BUILD.js, records").
import { parseArgs } from "node:util";
import { launchBrowser, openPage, startServer } from "./harness.mjs";
import { median } from "./report.mjs";
import { buildContenders, loadViews, writeData } from "./views.mjs";

const { values: args, positionals: builds } = parseArgs({
  allowPositionals: true,
  options: {
    view: { type: "string", default: "values" },
    runs: { type: "string", default: "100" },
    pages: { type: "string", default: "8" },
    port: { type: "string", default: "8792" },
    peer: { type: "string" },
    later: { type: "boolean", default: false },
    records: { type: "boolean", default: false },
  },
});
const CATEGORIES = "devtools.timeline,blink.user_timing,toplevel,fonts,disabled-by-default-v8.compile";
const files = writeData(Number(args.runs));
const contenders = buildContenders(builds, { records: args.records, peer: args.peer });

/** A page's first view (or third, --later), traced: its shown time, and its call's and frame's tasks on the main thread. */
async function tracedView(page, contender) {
  const paint = await loadViews(page, contender, files, args.view);
  if (args.later) {
    await paint();
    await paint();
  }
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const finished = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  const { shown } = await paint();
  await cdp.send("Tracing.end");
  await finished;
  const start = events.find((e) => e.name === "bench-paint-start");
  const onMain = events.filter((e) => e.tid === start.tid && e.ph === "X");
  const [call, frame] = onMain
    .filter((e) => e.name === "ThreadControllerImpl::RunTask" && e.ts + e.dur >= start.ts && e.dur > 1000)
    .sort((a, b) => a.ts - b.ts);
  // The outermost font lookups only: they nest.
  const lookups = onMain.filter((e) => e.name === "FontCache::GetFontPlatformData" && e.ts >= call.ts && e.ts < call.ts + call.dur);
  const outermost = lookups.filter((e) => !lookups.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur));
  const fontWait = outermost.reduce((sum, e) => sum + (e.dur - (e.tdur ?? e.dur)), 0);
  const compiles = onMain.filter((e) => e.name === "V8.CompileCode" && e.ts >= call.ts && e.ts < frame.ts + frame.dur);
  const compileCpu = compiles.reduce((sum, e) => sum + (e.tdur ?? e.dur), 0);
  const ms = (us) => us / 1000;
  return {
    shown,
    callWall: ms(call.dur),
    callCpu: ms(call.tdur),
    fontWait: ms(fontWait),
    frameWall: ms(frame.dur),
    frameCpu: ms(frame.tdur),
    compiled: compiles.length,
    compileCpu: ms(compileCpu),
  };
}

const port = Number(args.port);
const server = await startServer(port);
const browser = await launchBrowser();
const results = new Map(contenders.map((c) => [c.name, []]));
try {
  for (let i = 0; i < Number(args.pages); i++) {
    for (const contender of contenders) {
      const page = await openPage(browser, port);
      results.get(contender.name).push(await tracedView(page, contender));
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`${args.view}, ${args.runs} runs, ${args.later ? "third" : "first"} view of ${args.pages} pages each: medians, wall / main-thread CPU (ms)`);
for (const [name, rows] of results) {
  const m = (key) => median(rows.map((row) => row[key])).toFixed(1);
  console.log(
    `${name.padEnd(16)} shown ${m("shown")} · call ${m("callWall")} / ${m("callCpu")}, waiting on fonts ${m("fontWait")} · frame ${m("frameWall")} / ${m("frameCpu")}` +
      ` · compiling ${median(rows.map((row) => row.compiled))} functions ${m("compileCpu")}`,
  );
}
