// Smoothing changes of runcompare builds compared finely: many slider drags at 1,000 runs x 10,000
// steps per build, the builds taking turns in fresh pages, so that the machine's load falls on all
// alike. Each drag ends on a frame, so medians move in 16.7 ms steps; the mean shows less.
//
//   node bench/scalars-drags.mjs [--rounds 3] [--drags 10] [--port 8773] BUILD.js [BUILD.js ...]
//
// Each BUILD.js is a copy of a build's dist/runcompare.js put in tests/output/bench/ (as for
// `bench/scalars.mjs --bundle`); `node bench/scalars.mjs` first writes the data this reads.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { OUTPUT, launchBrowser, openPage, outputUrl, startServer } from "./harness.mjs";
import { median } from "./report.mjs";

const WARM_UP = [0.62, 0.64, 0.66];
const WEIGHTS = [0.7, 0.8, 0.9, 0.95, 0.99, 0.75, 0.85, 0.92, 0.72, 0.97];
const MODULE = "/bench/browser/scalars-runcompare.mjs";

const { values: args, positionals: builds } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: "string", default: "3" }, drags: { type: "string", default: "10" }, port: { type: "string", default: "8773" } },
});
const data = path.join(OUTPUT, "curves-1000x10000.arrow");
if (!builds.length || !fs.existsSync(data)) {
  console.error("usage: node bench/scalars-drags.mjs BUILD.js [BUILD.js ...], after `node bench/scalars.mjs` wrote the data");
  process.exit(2);
}

/** Milliseconds of each drag in one fresh page with one build, after a few to warm up. */
async function drags(browser, port, build, count) {
  const page = await openPage(browser, port);
  const evaluate = (fn, ...params) => page.evaluate(async ([module, fn, params]) => (await import(module))[fn](...params), [MODULE, fn, params]);
  await evaluate("firstPaint", outputUrl(data), 1, outputUrl(build));
  const track = await evaluate("sliderTrack");
  // Close enough to each weight: the value reached is what the slider's pixels allow.
  const at = (weight) => track.left + 8 + (weight / 0.999) * (track.right - track.left - 16);
  await page.mouse.move(at(0.6), track.y);
  await page.mouse.down();
  const drag = async (weight) => {
    await evaluate("armSmoothingChange");
    await page.mouse.move(at(weight), track.y);
    return (await evaluate("smoothingChanged")).time;
  };
  for (const weight of WARM_UP) await drag(weight);
  const times = [];
  for (let i = 0; i < count; i++) times.push(await drag(WEIGHTS[i % WEIGHTS.length]));
  await page.context().close();
  return times;
}

const port = Number(args.port);
const server = await startServer(port);
const browser = await launchBrowser();
const times = new Map(builds.map((build) => [build, []]));
try {
  for (let round = 0; round < Number(args.rounds); round++) {
    for (const build of builds) times.get(build).push(...(await drags(browser, port, build, Number(args.drags))));
  }
} finally {
  await browser.close();
  server.kill();
}
for (const [build, all] of times) {
  const mean = all.reduce((sum, t) => sum + t, 0) / all.length;
  console.log(`${path.basename(build).padEnd(24)} ${all.length} drags: median ${median(all).toFixed(1)} ms, mean ${mean.toFixed(1)} ms`);
}
