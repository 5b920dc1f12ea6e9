// What Chromium's compile hint (webpack.lab.cjs, which gives it to the JupyterLab extension)
// would cost the ES module bundle when it loads and save on its first view: the bundle as built
// against the same bytes with the hint's line added, page by page in turns.
// Each fresh page imports the bundle (timed: wall clock, the main thread's CPU, the heap after
// GC), then draws the scatter view of 100 runs once (the first view of the page, as
// bench/views.mjs times it).
//
//   node bench/import.mjs [--bundle /dist/runcompare.js] [--pages 10] [--port 8774] [--baseline /tests/output/bench/main.js]
//
// --baseline adds another build, e.g. one of main before a change, to the turns.
import { parseArgs } from "node:util";
import { hintedCopy, launchBrowser, mainThreadCpu, openPage, startServer } from "./harness.mjs";
import { median } from "./report.mjs";
import { writeData } from "./views.mjs";

const { values: args } = parseArgs({
  options: {
    bundle: { type: "string", default: "/dist/runcompare.js" },
    pages: { type: "string", default: "10" },
    port: { type: "string", default: "8774" },
    baseline: { type: "string" },
  },
});
const builds = { ...(args.baseline ? { baseline: args.baseline } : {}), "as built": args.bundle, "with the hint": hintedCopy(args.bundle) };
const files = writeData(100);

const server = await startServer(Number(args.port));
const browser = await launchBrowser();
const measured = new Map(Object.keys(builds).map((name) => [name, { wall: [], cpu: [], heap: [], view: [] }]));
try {
  for (let i = 0; i < Number(args.pages); i++) {
    for (const [name, url] of Object.entries(builds)) {
      const page = await openPage(browser, Number(args.port));
      const { result, cpu } = await mainThreadCpu(
        page,
        () =>
          page.evaluate(async (url) => {
            performance.mark("bench-import-start");
            const start = performance.now();
            await import(url);
            const wall = performance.now() - start;
            performance.mark("bench-import-end");
            return wall;
          }, url),
        "bench-import-start",
        "bench-import-end",
      );
      const heap = await page.evaluate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        window.gc();
        return performance.memory.usedJSHeapSize / 1e6;
      });
      const module = "/bench/browser/views-runcompare.mjs";
      await page.evaluate(async ([module, files, url]) => (await import(module)).load(files, url), [module, files, url]);
      const view = await page.evaluate(async (module) => (await import(module)).firstPaint("scatter"), module);
      const m = measured.get(name);
      m.wall.push(result);
      m.cpu.push(cpu);
      m.heap.push(heap);
      m.view.push(view.shown);
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`${args.bundle}, ${args.pages} fresh pages each, medians:`);
for (const [name, m] of measured) {
  const [wall, cpu, heap, view] = [m.wall, m.cpu, m.heap, m.view].map(median);
  console.log(
    `${name.padEnd(14)} import ${wall.toFixed(1)} ms (main-thread CPU ${cpu.toFixed(1)} ms), heap after GC ${heap.toFixed(2)} MB · ` +
      `scatter of 100 runs, first view ${view.toFixed(1)} ms · import and first view ${median(m.wall.map((w, i) => w + m.view[i])).toFixed(1)} ms`,
  );
}
