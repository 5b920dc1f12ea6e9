// The Node side of every benchmark: data files, the static server, Chromium and its pages.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { quietLaunchOptions } from "../tests/chromium.js";
import COMPILE_HINT from "../compile-hint.cjs";
import { makeRuns, runsRecords, runsTable, toIPC } from "./data.mjs";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Generated data and pages go where test output goes (gitignored). */
export const OUTPUT = path.join(REPO, "tests/output/bench");
const OUTPUT_URL = "/tests/output/bench";

/** Writes each size's runs table as Arrow IPC and as JSON records; returns their sizes and URLs. */
export function writeRunsFiles(sizes) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const files = new Map();
  for (const count of sizes) {
    const columns = makeRuns(count);
    const ipc = toIPC(runsTable(columns));
    const json = Buffer.from(JSON.stringify(runsRecords(columns)));
    const arrowPath = path.join(OUTPUT, `runs-${count}.arrow`);
    const jsonPath = path.join(OUTPUT, `runs-${count}.json`);
    fs.writeFileSync(arrowPath, ipc);
    fs.writeFileSync(jsonPath, json);
    files.set(count, {
      arrowPath,
      jsonPath,
      arrowBytes: ipc.length,
      jsonBytes: json.length,
      arrowUrl: `${OUTPUT_URL}/runs-${count}.arrow`,
      jsonUrl: `${OUTPUT_URL}/runs-${count}.json`,
    });
  }
  return files;
}

export const outputUrl = (file) => `${OUTPUT_URL}/${path.basename(file)}`;

/**
 * A copy of a bundle (its URL on the bench server: "/dist/runcompare.js" by default) that starts
 * with Chromium's compile hint, as the JupyterLab extension's scripts do; its URL.
 */
export function hintedCopy(url = "/dist/runcompare.js") {
  const code = fs.readFileSync(path.join(REPO, url), "utf-8");
  if (code.startsWith(COMPILE_HINT)) throw new Error(`${url} has the compile hint already`);
  const file = path.join(OUTPUT, `hinted-${path.basename(url)}`);
  fs.mkdirSync(OUTPUT, { recursive: true });
  fs.writeFileSync(file, `${COMPILE_HINT}\n${code}`);
  return outputUrl(file);
}

/** tests/serve.mjs on a port, resolved once it answers. */
export async function startServer(port) {
  const server = spawn(process.execPath, [path.join(REPO, "tests/serve.mjs"), String(port)], { stdio: ["ignore", "ignore", "inherit"] });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/package.json`)).ok) return server;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  server.kill();
  throw new Error(`the file server on port ${port} did not start`);
}

/** Calls `fn` of the page module at URL `module` with `params`, in the page; resolves to its result. */
export const evaluate = (page, module, fn, ...params) =>
  page.evaluate(async ([module, fn, params]) => (await import(module))[fn](...params), [module, fn, params]);

/** Debian's Chromium as the tests start it, plus a callable gc() and unrounded heap sizes. */
export async function launchBrowser() {
  return chromium.launch(await quietLaunchOptions(chromium, ["--js-flags=--expose-gc", "--enable-precise-memory-info"]));
}

/**
 * The used JS heap once garbage is collected from outside (DevTools protocol): a gc() called by
 * page script runs with the script on the stack, which can keep a removed DOM tree alive.
 */
export async function retainedHeap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.detach();
  return page.evaluate(() => performance.memory.usedJSHeapSize);
}

/** A fresh page (own context) at a local path, with the frame counter (and `initScripts`) installed and the network shut. */
export async function openPage(browser, port, pagePath = "/bench/page.html", initScripts = []) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => route.abort(),
  );
  for (const script of ["bench/browser/frames-init.js", ...initScripts]) await context.addInitScript({ path: path.join(REPO, script) });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${port}${pagePath}`, { timeout: 300_000 });
  return page;
}

/** Self time per function in a CPU profile (DevTools protocol), summed over its samples, largest first. */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    const where = url ? `${path.basename(url)}:${lineNumber + 1}:${columnNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"} ${where}`.trim();
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Runs `action` under the DevTools CPU profiler of `cdp` (a sample every `interval` µs): its result and the profile. */
export async function cpuProfiled(cdp, action, interval = 200) {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval });
  await cdp.send("Profiler.start");
  const result = await action();
  const { profile } = await cdp.send("Profiler.stop");
  return { result, profile };
}

/**
 * Runs `action` under a DevTools trace: its result and the page's main-thread CPU milliseconds
 * from the performance mark `start` to the mark `end` (by the thread clock the trace gives each),
 * which, unlike wall-clock time, do not count waits for a core on a loaded machine.
 */
export async function mainThreadCpu(page, action, start, end) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const finished = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: "blink.user_timing", transferMode: "ReportEvents" });
  const result = await action();
  await cdp.send("Tracing.end");
  await finished;
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes("blink.user_timing"));
  const [from, to] = [mark(start), mark(end)];
  return { result, cpu: from?.tts !== undefined && to?.tts !== undefined ? (to.tts - from.tts) / 1000 : NaN };
}

/**
 * Inclusive time per function in a CPU profile: each sample counted once for every function on
 * its stack (a recursive function once), largest first; names as selfTimes gives them.
 */
export function totalTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = ({ functionName, url, lineNumber, columnNumber }) =>
    `${functionName || "(anonymous)"} ${url ? `${path.basename(url)}:${lineNumber + 1}:${columnNumber + 1}` : ""}`.trim();
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) seen.add(nameOf(byId.get(node).callFrame));
    for (const key of seen) totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * A benchmark part run on its own (`node bench/<part>.mjs`): the file server on `port` and
 * Chromium, then `run(context)` with pages opened there and `options` added, its Markdown and
 * targets printed.
 */
export async function runAlone(port, run, options) {
  const server = await startServer(port);
  const browser = await launchBrowser();
  try {
    const results = await run({ openPage: (pagePath) => openPage(browser, port, pagePath), ...options });
    console.log(`\n${results.markdown}\n\n${results.targets.map((line) => `- ${line}`).join("\n")}`);
  } finally {
    await browser.close();
    server.kill();
  }
}
