// Cell executed -> view drawn, in a real JupyterLab: the quickstart notebook's parallel view and
// its scalars view, in headless Chromium against a JupyterLab this script starts.
//
//   node bench/lab.mjs [--pages 5] [--port 8790]
//
// Each repeat loads the notebook in a fresh page with a fresh kernel, waits for the kernel,
// runs the first cell (imports and reading the data: not timed), then times, from the run
// command to the frame after the one that shows the view:
//   - the parallel cell: the first view of the page (a cold page: no view code has run yet);
//   - the scalars cell: the page's second view;
//   - both again: later views.
// Milestones say where the time goes: the kernel's reply (Python: tables, widget, comm), the
// output in the page, the view's element, its first drawing. `node bench/run.mjs --only lab`
// runs this too, through `run(context)`.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { quietLaunchOptions } from "../tests/chromium.js";
import { REPO } from "./harness.mjs";
import { median } from "./report.mjs";

const NOTEBOOK = "quickstart.ipynb";
/** The quickstart's cells, by how their code begins: the imports, then each view's. */
const CELLS = { imports: "import pyarrow", parallel: "w = rc.parallel(", scalars: "scalars = " };
const SEQUENCE = [
  ["parallel", "first view of a cold page"],
  ["scalars", "second view of the page"],
  ["parallel", "later view"],
  ["scalars", "later view"],
];

async function startLab(port) {
  const lab = spawn("bash", [path.join(REPO, "tests/jupyter/start-lab.sh"), String(port)], { stdio: "ignore", detached: true });
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/lab`)).ok) return lab;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.kill(-lab.pid);
  throw new Error(`JupyterLab did not start on port ${port}`);
}

/** Shuts every kernel down, so the next page starts its own (the REST API JupyterLab serves). */
async function shutDownKernels(origin) {
  const sessions = await (await fetch(`${origin}/api/sessions`)).json();
  for (const session of sessions) await fetch(`${origin}/api/sessions/${session.id}`, { method: "DELETE" });
}

const kernelIdle = (page) =>
  page.waitForFunction(() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === "idle", null, { timeout: 120_000 });

/**
 * In the page: runs cell `index` and resolves with the milliseconds from the run command to
 * the kernel's reply, the output's element, the view's element, its first drawing, and the
 * start of the frame after the one that showed it. Runs in the page, so all on its clock.
 */
function runCell([code, kind]) {
  const notebook = window.jupyterapp.shell.currentWidget.content;
  const index = notebook.widgets.findIndex((cell) => cell.model.sharedModel.getSource().startsWith(code));
  const cell = notebook.widgets[index];
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const times = {};
  const start = performance.now();
  const note = (name) => (times[name] ??= performance.now() - start);
  const onReply = (_, { msg }) => msg.header.msg_type === "execute_reply" && note("reply");
  kernel.anyMessage.connect(onReply);
  const rendered = window.__benchRendered;
  if (!cell) throw new Error(`no cell begins with ${code}`);
  const drawn = (view) => (kind === "parallel" ? view.drawn?.lines > 0 : view.drawn?.frames > 0);
  // A view of an earlier run of the cell, until the new output replaces it.
  const earlier = cell.node.querySelector(`.rc-view.rc-${kind}`);
  const earlierOutput = cell.node.querySelector(".jp-OutputArea-output");
  notebook.activeCellIndex = index;
  void window.jupyterapp.commands.execute("notebook:run-cell");
  return (async () => {
    for (;;) {
      await rendered();
      if (performance.now() - start > 60_000) throw new Error(`cell ${index} drew no ${kind} view in a minute`);
      const output = cell.node.querySelector(".jp-OutputArea-output");
      if (output && output !== earlierOutput) note("output");
      const view = cell.node.querySelector(`.rc-view.rc-${kind}`);
      if (!view || view === earlier) continue;
      note("view");
      if (!drawn(view)) continue;
      note("drawn");
      await new Promise((resolve) => requestAnimationFrame(resolve));
      note("shown");
      kernel.anyMessage.disconnect(onReply);
      return times;
    }
  })();
}

/** The quickstart's views, each by what shows it drew (the others draw as they are made). */
const VIEWS = ["parallel", "scalars", "scatter", "values", "summary", "diff"];

/**
 * In the page: "Run All" (imports and all), and the milliseconds from the command to the frame
 * after the first view was shown, and after all of them were.
 */
function runAll(kinds) {
  const start = performance.now();
  const times = {};
  const drawn = (view, kind) => (kind === "parallel" ? view.drawn?.lines > 0 : kind === "scalars" ? view.drawn?.frames > 0 : true);
  const rendered = window.__benchRendered;
  void window.jupyterapp.commands.execute("notebook:run-all-cells");
  return (async () => {
    for (;;) {
      await rendered();
      if (performance.now() - start > 120_000) throw new Error("Run All did not draw every view in two minutes");
      const shown = kinds.filter((kind) => [...document.querySelectorAll(`.jp-OutputArea .rc-view.rc-${kind}`)].some((view) => drawn(view, kind)));
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)));
      if (shown.length && !times.first) times.first = await frame();
      if (shown.length === kinds.length) {
        times.all = await frame();
        return times;
      }
    }
  })();
}

async function openNotebook(browser, origin) {
  await shutDownKernels(origin);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${origin}/lab/tree/${NOTEBOOK}?reset`);
  await page.locator(".jp-Notebook").waitFor({ timeout: 120_000 });
  await kernelIdle(page);
  // For runCell and runAll: resolves once the next frame has been rendered (a task queued from its frame callback runs after its paint).
  await page.evaluate(() => {
    window.__benchRendered = () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(null);
        }),
      );
  });
  return page;
}

/** Run All in a fresh page with a fresh kernel: the first view and all six. */
async function runAllPage(browser, origin) {
  const page = await openNotebook(browser, origin);
  const times = await page.evaluate(runAll, VIEWS);
  await kernelIdle(page);
  await page.context().close();
  return times;
}

async function onePage(browser, origin) {
  const page = await openNotebook(browser, origin);
  // The first cell, not timed: imports and reading the data.
  await page.evaluate(async (code) => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    notebook.activeCellIndex = notebook.widgets.findIndex((cell) => cell.model.sharedModel.getSource().startsWith(code));
    await window.jupyterapp.commands.execute("notebook:run-cell");
  }, CELLS.imports);
  await kernelIdle(page);
  const measured = [];
  for (const [kind, label] of SEQUENCE) {
    const times = await page.evaluate(runCell, [CELLS[kind], kind]).catch(async (error) => {
      await page.screenshot({ path: path.join(REPO, "tests/output/bench/lab-failed.png") });
      throw error;
    });
    measured.push({ kind, label, ...times });
    await kernelIdle(page);
  }
  await page.context().close();
  return measured;
}

/** `context`: { pages?, port?, log? }. Starts and stops its own JupyterLab. */
export async function run(context = {}) {
  const log = context.log ?? ((text) => console.log(`${new Date().toISOString().slice(11, 19)} ${text}`));
  const port = context.port ?? 8790;
  const origin = `http://127.0.0.1:${port}`;
  const measured = { date: new Date().toISOString(), load: os.loadavg(), pages: [], runAll: [] };
  log(`lab: starting JupyterLab on port ${port}`);
  const lab = await startLab(port);
  const browser = await chromium.launch(await quietLaunchOptions(chromium));
  try {
    for (let i = 0; i < (context.pages ?? 5); i++) {
      log(`lab: page ${i + 1}`);
      measured.pages.push(await onePage(browser, origin));
      measured.runAll.push(await runAllPage(browser, origin));
    }
  } finally {
    await browser.close();
    await shutDownKernels(origin).catch(() => {});
    process.kill(-lab.pid);
  }
  return { ...measured, markdown: markdown(measured), targets: targets(measured) };
}

const MILESTONES = ["output", "view", "drawn", "shown", "reply"];
const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : "–");

/** Medians of each step of the sequence over the pages. */
function summarise({ pages }) {
  return SEQUENCE.map(([kind, label], step) => ({
    kind,
    label,
    ...Object.fromEntries(MILESTONES.map((name) => [name, median(pages.map((page) => page[step][name]))])),
  }));
}

function markdown(measured) {
  const rows = summarise(measured).map((s) => `| ${s.kind} | ${s.label} | ${MILESTONES.map((name) => ms(s[name])).join(" | ")} |`);
  return [
    `Measured ${measured.date.slice(0, 16).replace("T", " ")} UTC, load average at start ${measured.load.map((l) => l.toFixed(1)).join(" ")}.`,
    "",
    "| view | when | output shown | view element | view drew | frame after it was shown | kernel's reply (after its outputs) |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    `Medians of ${measured.pages.length} fresh pages, each with a fresh kernel, from JupyterLab's run-cell command; the quickstart's first cell ` +
      "(imports, reading the data) is run before, not timed.",
    "",
    `Run All (imports included) in a fresh page with a fresh kernel: the first view shown after ${ms(median(measured.runAll.map((t) => t.first)))}, ` +
      `all six after ${ms(median(measured.runAll.map((t) => t.all)))} (medians of ${measured.runAll.length}).`,
  ].join("\n");
}

function targets(measured) {
  const check = (ok) => (ok ? "met" : "**missed**");
  return summarise(measured).map((s) => `JupyterLab, cell run -> ${s.kind} view shown (${s.label}) < 1 s: ${ms(s.shown)}, ${check(s.shown < 1000)}`);
}

async function main() {
  const { values: args } = parseArgs({ options: { pages: { type: "string", default: "5" }, port: { type: "string", default: "8790" } } });
  const results = await run({ pages: Number(args.pages), port: Number(args.port) });
  console.log(`\n${results.markdown}\n\n${results.targets.map((line) => `- ${line}`).join("\n")}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
