// Where runcompare's parallel view spends its time: the CPU profile (Chrome DevTools Protocol
// Profiler) of one first paint and one brush drag, as the functions with the most self time.
//
//   node bench/profile.mjs [runs=100000] [port=8788] [bundle=/dist/runcompare.js]
//
// Needs the bundle (npx webpack --mode production); for readable function names, profile a
// development build: npx webpack --mode development --config-name runcompare
// --output-path tests/output/bench/dev, then pass /tests/output/bench/dev/runcompare.js.
// Writes the raw profiles to tests/output/bench/profile-*.cpuprofile, which Chrome DevTools opens.
import fs from "node:fs";
import path from "node:path";
import { writeRunsFiles, startServer, launchBrowser, openPage, OUTPUT, cpuProfiled, selfTimes } from "./harness.mjs";

const runs = Number(process.argv[2] ?? 100_000);
const port = Number(process.argv[3] ?? 8788);
const bundle = process.argv[4] ?? "/dist/runcompare.js";

async function profiled(page, name, action) {
  const cdp = await page.context().newCDPSession(page);
  const { result, profile } = await cpuProfiled(cdp, action);
  fs.writeFileSync(path.join(OUTPUT, `profile-${name}.cpuprofile`), JSON.stringify(profile));
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(`\n${name}: ${JSON.stringify(result)}; profile ${total.toFixed(0)} ms`);
  for (const [fn, ms] of selfTimes(profile).slice(0, 22)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${fn}`);
}

const files = writeRunsFiles([runs]);
const server = await startServer(port);
const browser = await launchBrowser();
try {
  const page = await openPage(browser, port);
  const url = files.get(runs).arrowUrl;
  await page.evaluate(() => import("/bench/browser/runcompare.mjs"));
  await profiled(page, "first-paint", () =>
    page.evaluate(async ([url, bundle]) => (await import("/bench/browser/runcompare.mjs")).firstPaint(url, 1, bundle), [url, bundle]),
  );
  await profiled(page, "brush", () => page.evaluate(async () => (await import("/bench/browser/runcompare.mjs")).brushUpdates()));
} finally {
  await browser.close();
  server.kill();
}
