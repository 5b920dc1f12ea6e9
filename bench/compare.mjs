// The comparison page at scale in headless Chromium (bench/browser/compare.mjs): a tab switch
// with 1,000 runs compared, and at 10,000 runs a brush's selection reaching every open view.
//
//   node bench/compare.mjs [--port 8776]
//
// After `npx webpack --mode production`. `node bench/run.mjs --only compare` runs it through
// `run(context)` and writes its block of docs/BENCHMARKS.md.
import { parseArgs } from "node:util";
import { launchBrowser, openPage, startServer } from "./harness.mjs";
import { median } from "./report.mjs";

const evaluate = (page, fn, ...params) => page.evaluate(async ([fn, params]) => (await import("/bench/browser/compare.mjs"))[fn](...params), [fn, params]);
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** context: { openPage(path), bundle?, log? }. Returns the measurements with `markdown` and `targets`. */
export async function run(context) {
  const bundle = context.bundle ? [context.bundle] : [];
  context.log?.("compare: tab switches at 1,000 runs");
  let page = await context.openPage("/bench/page.html");
  const tabs = await evaluate(page, "tabSwitch", ...bundle);
  await page.context().close();
  context.log?.("compare: a brush at 10,000 runs reaching every open view");
  page = await context.openPage("/bench/page.html");
  const brush = await evaluate(page, "brushEveryView", ...bundle);
  await page.context().close();
  const slowestFirst = Math.max(...Object.values(tabs.first));
  const result = { tabs, brush };
  const rows = [
    ...Object.entries(tabs.first).map(([view, time]) => [`1,000 runs: first visit of ${view} (its view built)`, ms(time), ""]),
    ["1,000 runs: tab switch once built, median", ms(median(tabs.again)), `${tabs.again.length} switches`],
    ["10,000 runs: a brush's selection shown (parallel on screen, the table pane), median", ms(median(brush.times)), `${brush.views} views built`],
    ...Object.entries(brush.shown).map(([view, time]) => [`10,000 runs: ${view} shown after the brush, with its selection`, ms(time), ""]),
  ];
  result.markdown = ["| measure | value | note |", "|---|---|---|", ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
  const check = (ok) => (ok ? "met" : "**missed**");
  result.targets = [
    `comparison page, tab switch at 1,000 runs < 100 ms: ${ms(median(tabs.again))} once built (first visits up to ${ms(slowestFirst)}), ${check(median(tabs.again) < 100)}`,
    `comparison page, brush at 10,000 runs shown < 100 ms: ${ms(median(brush.times))} (views in other tabs take it when shown: up to ${ms(Math.max(...Object.values(brush.shown)))}), ${check(median(brush.times) < 100)}`,
  ];
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8776" } } });
  const port = Number(values.port);
  const server = await startServer(port);
  const browser = await launchBrowser();
  try {
    const result = await run({ openPage: (pagePath) => openPage(browser, port, pagePath), log: console.log });
    console.log(`\n${result.markdown}\n\n${result.targets.join("\n")}\n`);
  } finally {
    await browser.close();
    server.kill();
  }
}
