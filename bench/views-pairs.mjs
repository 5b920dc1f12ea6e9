// Builds of runcompare side by side on one view's first paint at one size: the builds (and a
// peer, Observable Plot unless --peer plotly) take turns page by page, so the machine's load touches them alike; each page
// makes one cold first paint and two warm ones, as bench/views.mjs does.
//
//   node bench/views-pairs.mjs BUILD.js [BUILD.js ...] [--view scatter] [--runs 100] [--pages 15] [--port 8773] [--cpu] [--records] [--peer plot|plotly]
//
// BUILDs are files under tests/output/bench/ (e.g. a production build of main, and one of the branch).
// --cpu traces each first view of a page (DevTools) and adds the page's main-thread CPU time from
// the call to the end of the frame that showed it: on a loaded machine the wall-clock times also
// count the waits for a core, this does not. --records also gives each build the peers' input, the
// JSON records already parsed, as a contender of its own ("BUILD.js, records").
import { parseArgs } from "node:util";
import { median } from "./report.mjs";
import { launchBrowser, mainThreadCpu, openPage, startServer } from "./harness.mjs";
import { buildContenders, loadViews, writeData } from "./views.mjs";

const { values: args, positionals: builds } = parseArgs({
  allowPositionals: true,
  options: {
    view: { type: "string", default: "scatter" },
    runs: { type: "string", default: "100" },
    pages: { type: "string", default: "15" },
    port: { type: "string", default: "8773" },
    cpu: { type: "boolean", default: false },
    records: { type: "boolean", default: false },
    peer: { type: "string", default: "plot" },
  },
});
const files = writeData(Number(args.runs));
const contenders = buildContenders(builds, { records: args.records, peer: args.peer });
const times = new Map(contenders.map((c) => [c.name, { cold: [], warm: [], cpu: [] }]));

/** Runs `paint` traced, adding the main thread's CPU time of the paint to `cpu`. */
async function tracedPaint(page, cpu, paint) {
  const { result, cpu: used } = await mainThreadCpu(page, paint, "bench-paint-start", "bench-paint-rendered");
  cpu.push(used);
  return result;
}

const port = Number(args.port);
const server = await startServer(port);
const browser = await launchBrowser();
try {
  for (let i = 0; i < Number(args.pages); i++) {
    for (const contender of contenders) {
      const page = await openPage(browser, port);
      const paint = await loadViews(page, contender, files, args.view);
      const t = times.get(contender.name);
      t.cold.push(await (args.cpu ? tracedPaint(page, t.cpu, paint) : paint()));
      t.warm.push(await paint(), await paint());
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
const ms = (paints, key) => median(paints.map((p) => p[key])).toFixed(1);
console.log(`${args.view}, ${args.runs} runs, ${args.pages} pages each: medians, shown (rendered)`);
for (const [name, { cold, warm, cpu }] of times) {
  const used = cpu.length ? ` · first view's main-thread CPU ${median(cpu).toFixed(1)} ms` : "";
  console.log(
    `${name.padEnd(16)} first view ${ms(cold, "shown")} (${ms(cold, "rendered")}) ms · later ${ms(warm, "shown")} (${ms(warm, "rendered")}) ms${used}`,
  );
}
