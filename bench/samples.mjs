// The samples view at scale: 100 runs x 50 steps x 4 metrics of 256x256 images (20,000 samples)
// scrolled in headless Chromium (bench/browser/samples.mjs).
//
//   node bench/samples.mjs [--port 8775]
//
// After `npx webpack --mode production`. `node bench/run.mjs --only samples` runs it through
// `run(context)` and writes its block of docs/BENCHMARKS.md.
import { parseArgs } from "node:util";
import { launchBrowser, openPage, retainedHeap, startServer } from "./harness.mjs";
import { median } from "./report.mjs";

const evaluate = (page, fn, ...params) => page.evaluate(async ([fn, params]) => (await import("/bench/browser/samples.mjs"))[fn](...params), [fn, params]);
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** context: { openPage(path), bundle?, log? }. Returns the measurements with `markdown`. */
export async function run(context) {
  context.log?.("samples: 100 runs x 50 steps x 4 metrics of 256x256 images");
  const page = await context.openPage("/bench/page.html");
  const paint = await evaluate(page, "firstPaint", 5, ...(context.bundle ? [context.bundle] : []));
  const scroll = await evaluate(page, "scrolling");
  const retained = await retainedHeap(page);
  await page.context().close();
  const result = { firstPaint: paint, scroll, retainedHeap: retained };
  const rows = [
    ["first paint (view made until the cells in view show their images)", ms(median(paint.times)), `${paint.cells} cells`],
    ["frame while scrolling, median", ms(scroll.median), `${scroll.frames} frames`],
    ["frame while scrolling, 95th percentile", ms(scroll.p95), `worst ${ms(scroll.worst)}`],
    ["cells in the page, most", String(scroll.mostCells), `of 400 (20,000 samples)`],
    ["JS heap after scrolling (after GC)", `${(retained / 2 ** 20).toFixed(0)} MB`, `peak ${(scroll.peakHeap / 2 ** 20).toFixed(0)} MB`],
  ];
  result.markdown = ["| measure | value | note |", "|---|---|---|", ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8775" } } });
  const port = Number(values.port);
  const server = await startServer(port);
  const browser = await launchBrowser();
  try {
    const result = await run({ openPage: (pagePath) => openPage(browser, port, pagePath), log: console.log });
    console.log(`\n${result.markdown}\n`);
  } finally {
    await browser.close();
    server.kill();
  }
}
