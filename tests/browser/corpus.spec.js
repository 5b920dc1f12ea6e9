import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repo } from "./helpers.js";

/**
 * The reliability corpus (tests/corpus, issue #20) over every view: each entry drawn through the
 * widget as a notebook shows it (Python's tables and options) or, where Python refuses the data,
 * through the view function as an Observable page passes it. A view either draws, with every
 * export sound (the SVG is XML with numbers for coordinates, the PNG a PNG, no CSV cell a formula),
 * or shows exactly the message Python raised, and then refuses every export in words. No script
 * runs, no page error. The views are Python's views of runs, scalars and details (VIEWS in
 * tests/corpus/corpus.py): a view of those added to the widget's list is run over the whole corpus.
 */
const { views } = await import(path.join(repo, "python/runcompare/static/widget.js"));

const corpusFile = path.join(repo, "tests/output/corpus.json");
fs.mkdirSync(path.dirname(corpusFile), { recursive: true });
// Written once: the runner loads this file to list the tests, then its worker loads it again.
if (!process.env.RC_CORPUS_WRITTEN) {
  execFileSync(path.join(repo, ".venv/bin/python"), ["-m", "corpus", corpusFile], { cwd: path.join(repo, "tests"), stdio: "pipe" });
  process.env.RC_CORPUS_WRITTEN = "1";
}
const corpus = JSON.parse(fs.readFileSync(corpusFile, "utf8"));

test.describe.configure({ timeout: 600_000 });

test.beforeEach(async ({ page }) => {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  page.on("dialog", () => {
    throw new Error("a dialog opened: script ran");
  });
});

/** Runs `check` (corpus-page.js) over the entries, one evaluate each, so that page and console errors are told apart. */
async function checkAll(page, entries, view) {
  const problems = [];
  let current = null;
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(`${current}: page error ${error.message}`));
  page.on("console", (message) => message.type() === "error" && pageErrors.push(`${current}: console error ${message.text().slice(0, 200)}`));
  for (const entry of entries) {
    current = entry.case;
    const start = Date.now();
    const got = await page.evaluate(async ({ entry, view }) => (await import("/tests/browser/corpus-page.js")).check(entry, view), { entry, view });
    if (process.env.RC_CORPUS_TIMES)
      console.log(
        `${Date.now() - start} ms ${view} ${entry.case}: shown ${got.shownMs}, ${Object.entries(got.exports ?? {}).map(([how, r]) => `${how} ${r.ms}`)}`,
      );
    problems.push(...entryProblems(entry, got).map((problem) => `${entry.case} [${entry.input}]: ${problem}`));
  }
  return [...problems, ...pageErrors];
}

// A PNG larger than a canvas can hold is refused in words (the diff of 1,000 runs): no file, a reason.
const CANVAS_LIMIT = /^Could not save the PNG file: the view is .* pixels, larger than a PNG can be drawn/;

/** What a person would find wrong with an entry's view and files. */
function entryProblems(entry, got) {
  const problems = [];
  if (got.error !== entry.expect) problems.push(`shows ${JSON.stringify(got.error)}, not ${JSON.stringify(entry.expect)}`);
  if (got.script !== null || got.elements) problems.push("script ran, or markup was made of data");
  if (entry.noteText && !got.text.includes(entry.noteText)) problems.push(`does not say "${entry.noteText}"`);
  for (const [how, result] of Object.entries(got.exports ?? {})) {
    if (got.error) {
      if (!result.notice?.startsWith(`Could not save the ${how.slice(-3).toUpperCase()} file: nothing to export: the view shows an error (`)) {
        problems.push(`${how} of a view showing an error: ${JSON.stringify(result)}`);
      }
      continue;
    }
    if (result.notice && !CANVAS_LIMIT.test(result.notice)) problems.push(`${how}: ${result.notice}`);
    for (const fault of result.faults ?? []) problems.push(`${how}: ${fault}`);
    if (entry.csvRows !== null && result.rows !== undefined && result.rows !== entry.csvRows)
      problems.push(`${how}: ${result.rows} rows, not ${entry.csvRows}`);
  }
  return problems;
}

test("the widget shows every view the corpus runs", () => {
  expect(Object.keys(views)).toEqual(expect.arrayContaining(corpus.views));
});

for (const view of corpus.views) {
  test(`${view}: every corpus entry drawn or refused in the contract's words, every export sound`, async ({ page }) => {
    const entries = corpus.entries.filter((entry) => entry.view === view && !entry.pending);
    expect(entries.length).toBeGreaterThan(80);
    expect(await checkAll(page, entries, view)).toEqual([]);
  });
}

// Option values #17 validates from one schema: switch this on (test instead of test.fixme) when it lands.
test.fixme("option values out of range or of the wrong type are refused in words (#17)", async ({ page }) => {
  const problems = await checkAll(
    page,
    corpus.entries.filter((entry) => entry.pending),
  );
  expect(problems).toEqual([]);
});

test("a widget naming a view of Object.prototype's ('constructor', '__proto__', 'toString') says there is no such view", async ({ page }) => {
  const names = ["constructor", "__proto__", "toString", "hasOwnProperty"];
  const shown = await page.evaluate(async (names) => {
    const { fakeModel } = await import("/tests/browser/fake-model.js");
    const widget = await import("/python/runcompare/static/widget.js");
    const empty = new DataView(new ArrayBuffer(0));
    return Promise.all(
      names.map(async (view) => {
        const el = document.createElement("div");
        document.querySelector("#views").append(el);
        const { model } = fakeModel({ view, runs: empty, scalars: empty, options: {}, selected: [], note: "" });
        widget.default.render({ model, el });
        while (!el.textContent) await new Promise((resolve) => requestAnimationFrame(resolve));
        return el.textContent;
      }),
    );
  }, names);
  expect(shown).toEqual(names.map((name) => `runcompare has no view "${name}": update the runcompare package.`));
});
