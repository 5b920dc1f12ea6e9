import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { tableFromIPC } from "apache-arrow";
import { exampleRuns, repo, screenshots } from "./helpers.js";

// Arrow JS gives int64 values as BigInt: as numbers here, as the table shows them.
const runs = exampleRuns().map((run) =>
  Object.fromEntries(Object.entries(run).map(([key, value]) => [key, typeof value === "bigint" ? Number(value) : value])),
);
const ACCURACY = "metrics.validation/accuracy";
const HOSTILE = '<img src=x onerror="window.__xss=1">';
const DARK = `
  body { background: #111111; color: #dddddd; --jp-layout-color0: #111111; --jp-layout-color1: #1e1e1e;
    --jp-ui-font-color1: rgba(255, 255, 255, 0.87); --jp-ui-font-color2: rgba(255, 255, 255, 0.54);
    --jp-border-color2: #424242; --jp-brand-color1: #4a9eff; }`;

/** The example scalars read with Arrow JS, and each run's last (by step, then time), min and max (NaN ignored) worked out here. */
function exampleSummaries() {
  const table = tableFromIPC(fs.readFileSync(path.join(repo, "examples/data/scalars.arrow")));
  const points = new Map();
  for (const row of table) {
    const key = `${row.metric}/${row.variant}|${row.run_id}`;
    if (!points.has(key)) points.set(key, []);
    points.get(key).push({ step: Number(row.step), time: Number(row.time), value: row.value });
  }
  const finite = (list) => list.map((p) => p.value).filter((v) => !Number.isNaN(v));
  return (series, id, summary) => {
    const list = points.get(`${series}|${id}`) ?? [];
    if (summary === "min") return Math.min(...finite(list));
    if (summary === "max") return Math.max(...finite(list));
    return [...list].sort((a, b) => a.step - b.step || a.time - b.time).at(-1).value;
  };
}

/** A new table in the page from records or the example files, as window.view. */
async function show(page, records, options = {}) {
  await page.evaluate(
    async ({ records, options }) => {
      const { table } = await import("/dist/runcompare.js");
      window.view?.destroy();
      window.view?.remove();
      const bytes = async (file) => new Uint8Array(await (await fetch(file)).arrayBuffer());
      const data = records ?? (await bytes("/examples/data/runs.arrow"));
      const scalars = options.scalars === "example" ? await bytes("/examples/data/scalars.arrow") : options.scalars;
      window.view = table(data, { ...options, scalars });
      window.inputs = 0;
      window.states = 0;
      window.view.addEventListener("input", () => window.inputs++);
      window.view.addEventListener("statechange", () => window.states++);
      document.querySelector("#table").replaceChildren(window.view);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    },
    { records, options },
  );
  expect(await page.evaluate(() => window.view.error)).toBeNull();
}

const names = (page) =>
  page.locator(".rc-table .rc-row .rc-name").evaluateAll((cells) =>
    cells
      .map((cell) => ({ top: cell.parentElement.parentElement.offsetTop, text: cell.textContent }))
      .sort((a, b) => a.top - b.top)
      .map((c) => c.text),
  );
const header = (page, column) => page.locator(`.rc-table .rc-head-cell[data-column="${column}"]`);
const frames = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/examples/table.html");
  await page.waitForFunction(() => window.view);
});

test("the example sweep: one row per run, sorted by accuracy with its leaderboard, and the scalars' columns", async ({ page }) => {
  const view = page.locator(".rc-table");
  await expect(view.locator(".rc-status")).toHaveText("96 runs");
  // Sorted descending by accuracy (the page asks for it): the names in that order, ties in row order.
  const byAccuracy = runs.map((run, row) => ({ run, row })).sort((a, b) => b.run[ACCURACY] - a.run[ACCURACY] || a.row - b.row);
  const shown = await names(page);
  expect(shown.length).toBeGreaterThan(10);
  expect(shown).toEqual(byAccuracy.slice(0, shown.length).map(({ run }) => run.name));
  // Ranks: ties share the better rank; the top 3 are highlighted.
  const ranks = byAccuracy.map(({ run }) => 1 + byAccuracy.findIndex((other) => other.run[ACCURACY] === run[ACCURACY]));
  expect(
    await view
      .locator(".rc-row .rc-rank")
      .evaluateAll((cells) =>
        cells.sort((a, b) => a.parentElement.parentElement.offsetTop - b.parentElement.parentElement.offsetTop).map((c) => Number(c.textContent)),
      ),
  ).toEqual(ranks.slice(0, shown.length));
  await expect(view.locator(".rc-row.rc-top")).toHaveCount(ranks.filter((rank) => rank <= 3).length);
  // Times are relative with the exact time on hover; durations and the last step from the scalars.
  const first = view.locator(`.rc-row[data-run="${byAccuracy[0].run.run_id}"]`);
  const start = new Date(byAccuracy[0].run.start_time);
  await expect(first.locator(".rc-kind-time")).toHaveAttribute("title", `${start.toISOString().slice(0, 19).replace("T", " ")} UTC`);
  await expect(first.locator(".rc-kind-time")).toHaveText(/ ago$/);
  await expect(first.locator('[aria-colindex="6"]')).toHaveText("20");
  await page.screenshot({ path: path.join(screenshots, "table.png"), fullPage: true });
});

test("LAST, MIN and MAX columns hold each run's values as worked out from the scalars", async ({ page }) => {
  const summary = exampleSummaries();
  await show(page, null, { scalars: "example", columns: ["loss/validation:last", "loss/validation:min", "accuracy/train:max"] });
  const csv = (await page.evaluate(() => window.view.exportCSV()))
    .trim()
    .split("\r\n")
    .map((line) => line.split(","));
  expect(csv[0]).toEqual(["run_id", "name", "loss/validation:last", "loss/validation:min", "accuracy/train:max"]);
  expect(csv.length).toBe(97);
  for (const [id, , last, min, max] of csv.slice(1)) {
    expect(Number(last)).toBe(summary("loss/validation", id, "last"));
    expect(Number(min)).toBe(summary("loss/validation", id, "min"));
    expect(Number(max)).toBe(summary("accuracy/train", id, "max"));
  }
  // The chooser shows a series once, with a button per summary, pressed for those shown.
  await page.getByRole("button", { name: /^Columns/ }).click();
  const group = page.getByRole("group", { name: "Summaries of loss/validation" });
  await expect(group.getByRole("button")).toHaveText(["LAST", "MIN", "MAX"]);
  expect(await group.getByRole("button").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-pressed")))).toEqual(["true", "true", "false"]);
  await group.getByRole("button", { name: "MAX" }).click();
  expect(await page.evaluate(() => window.view.state.columns)).toEqual([
    "loss/validation:last",
    "loss/validation:min",
    "loss/validation:max",
    "accuracy/train:max",
  ]);
});

test("header clicks sort ascending, descending, then not; shift-click adds a second key; missing values last", async ({ page }) => {
  const records = [
    { run_id: "a", name: "run a", "params.opt": "sgd", "metrics.acc": 0.5 },
    { run_id: "b", name: "run b", "params.opt": "adam", "metrics.acc": null },
    { run_id: "c", name: "run c", "params.opt": "sgd", "metrics.acc": 0.9 },
    { run_id: "d", name: "run d", "params.opt": "adam", "metrics.acc": 0.5 },
    { run_id: "e", name: "run e", "params.opt": null, "metrics.acc": 0.7 },
  ];
  await show(page, records);
  await header(page, "metrics.acc").locator(".rc-head-label").click();
  expect(await names(page)).toEqual(["run a", "run d", "run e", "run c", "run b"]);
  await expect(header(page, "metrics.acc")).toHaveAttribute("aria-sort", "ascending");
  await header(page, "metrics.acc").locator(".rc-head-label").click();
  expect(await names(page)).toEqual(["run c", "run e", "run a", "run d", "run b"]);
  await header(page, "params.opt")
    .locator(".rc-head-label")
    .click({ modifiers: ["Shift"] });
  // Ties in accuracy (a and d, 0.5) now go by optimizer: adam before sgd.
  expect(await names(page)).toEqual(["run c", "run e", "run d", "run a", "run b"]);
  await expect(header(page, "params.opt").locator(".rc-sort-mark")).toHaveText("▲2");
  expect(await page.evaluate(() => window.view.state.sort)).toEqual([
    { column: "metrics.acc", descending: true },
    { column: "params.opt", descending: false },
  ]);
  // A plain click on a key of several sorts by that column alone; two more clicks unsort.
  await header(page, "params.opt").locator(".rc-head-label").click();
  expect(await names(page)).toEqual(["run b", "run d", "run a", "run c", "run e"]);
  await header(page, "params.opt").locator(".rc-head-label").click();
  await header(page, "params.opt").locator(".rc-head-label").click();
  expect(await names(page)).toEqual(["run a", "run b", "run c", "run d", "run e"]);
  expect(await page.evaluate(() => window.states)).toBe(6);
});

test("filters: a value set with counts, a numeric range, text and /regex/, the search; chips remove them", async ({ page }) => {
  await show(page, null, { columns: ["params.lr", "params.batch_size", "tags.group", ACCURACY] });
  const expected = (keep) => runs.filter(keep).length;
  const status = page.locator(".rc-table .rc-status");

  // Value set: the counts are of the runs the other filters keep.
  await header(page, "params.batch_size").locator(".rc-filter-button").click();
  const panel = page.locator(".rc-popover");
  await expect(panel.locator(".rc-popover-title")).toHaveText("params › batch_size");
  await panel.locator(".rc-value-row", { hasText: "256" }).locator("input").check();
  await expect(status).toHaveText(`${expected((r) => r["params.batch_size"] === 256)} of 96 runs`);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);

  // Range, typed: AND with the value set.
  await header(page, "params.lr").locator(".rc-filter-button").click();
  await panel.getByLabel("min").fill("0.003");
  await panel.getByLabel("max").fill("0.03");
  await panel.getByLabel("max").press("Enter");
  const inRange = (r) => r["params.batch_size"] === 256 && r["params.lr"] >= 0.003 && r["params.lr"] <= 0.03;
  await expect(status).toHaveText(`${expected(inRange)} of 96 runs`);
  // The histogram shows bars for all runs and for those the other filters keep.
  expect(await panel.locator(".rc-bar-all").count()).toBeGreaterThan(0);
  await page.keyboard.press("Escape");

  // The optimizer's value counts now follow the other two filters.
  await header(page, "tags.group").locator(".rc-filter-button").click();
  const counts = await panel
    .locator(".rc-value-row")
    .evaluateAll((rows) => rows.map((row) => [row.querySelector(".rc-value-text").textContent, Number(row.querySelector(".rc-value-count").textContent)]));
  const groups = new Map();
  for (const run of runs.filter(inRange)) groups.set(run["tags.group"], (groups.get(run["tags.group"]) ?? 0) + 1);
  expect(new Map(counts)).toEqual(groups);
  // Text as a regex over the group's values.
  await panel.getByRole("searchbox").fill("/^lr=0\\.003/");
  await panel.getByRole("button", { name: /^Keep runs matching/ }).click();
  await page.keyboard.press("Escape");
  const withText = (r) => inRange(r) && /^lr=0\.003/.test(r["tags.group"]);
  await expect(status).toHaveText(`${expected(withText)} of 96 runs`);

  // Chips: one per filter; removing one brings its runs back.
  await expect(page.locator(".rc-filter-chip")).toHaveCount(3);
  await expect(page.locator(".rc-filter-chip-label").nth(1)).toHaveText("lr: 0.003 – 0.03");
  await page.getByRole("button", { name: "Remove the filter batch_size: 256" }).click();
  const without = (r) => r["params.lr"] >= 0.003 && r["params.lr"] <= 0.03 && /^lr=0\.003/.test(r["tags.group"]);
  await expect(status).toHaveText(`${expected(without)} of 96 runs`);

  // The search box (reached with /) looks at names and tags; a bad regex keeps every run.
  await page.locator(".rc-table .rc-grid").focus();
  await page.keyboard.press("/");
  await expect(page.locator(".rc-search")).toBeFocused();
  await page.keyboard.type("h=16");
  await expect(status).toHaveText(`${expected((r) => without(r) && r.name.includes("h=16"))} of 96 runs`);
  await page.screenshot({ path: path.join(screenshots, "table-filtered.png"), fullPage: true });
  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(status).toHaveText("96 runs");
  await expect(page.locator(".rc-search")).toHaveValue("");
});

test("drag a header to move its column, its edge to resize it, double-click the edge to fit", async ({ page }) => {
  await show(page, null, { columns: ["params.lr", "params.hidden", "params.alpha", "tags.group"] });
  const order = () =>
    page
      .locator(".rc-table .rc-grid-head > .rc-head-cell")
      .evaluateAll((cells) => cells.sort((a, b) => a.offsetLeft - b.offsetLeft).map((c) => c.dataset.column));
  expect(await order()).toEqual(["params.lr", "params.hidden", "params.alpha", "tags.group"]);
  const from = await header(page, "params.lr").boundingBox();
  const to = await header(page, "params.alpha").boundingBox();
  await page.mouse.move(from.x + 20, from.y + 30);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width - 5, from.y + 30, { steps: 8 });
  await page.mouse.up();
  expect(await order()).toEqual(["params.hidden", "params.alpha", "params.lr", "tags.group"]);
  // A drag is no click: the table is still unsorted.
  expect(await page.evaluate(() => window.view.state.sort)).toEqual([]);

  // Resize by the edge: header and cells follow.
  const edge = header(page, "tags.group").locator(".rc-resize");
  const before = await header(page, "tags.group").boundingBox();
  const box = await edge.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, box.y + 10, { steps: 5 });
  await page.mouse.up();
  const after = await header(page, "tags.group").boundingBox();
  expect(after.width).toBeCloseTo(before.width + 150, -1);
  const cell = page.locator('.rc-table .rc-row [aria-colindex="6"]').first();
  expect((await cell.boundingBox()).width).toBeCloseTo(after.width, 0);
  expect(await page.evaluate(() => window.view.state.widths["tags.group"])).toBe(Math.round(after.width));

  // Fit: no narrower than the widest group name on screen, and not much wider.
  await header(page, "tags.group").locator(".rc-resize").dblclick();
  const widest = await page.locator('.rc-table .rc-row [aria-colindex="6"]').evaluateAll((cells) => Math.max(...cells.map((c) => c.scrollWidth)));
  const fitted = (await header(page, "tags.group").boundingBox()).width;
  expect(fitted).toBeGreaterThanOrEqual(widest - 1);
  expect(fitted).toBeLessThan(widest + 40);
  expect(await page.locator('.rc-table .rc-row [aria-colindex="6"]').evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).length)).toBe(0);
});

test("checkboxes select runs; shift-click selects a range in the order shown; the header box and menu select all, shown or none", async ({ page }) => {
  await show(page, null, { sort: "params.lr" });
  const order = runs
    .map((run, row) => ({ run, row }))
    .sort((a, b) => a.run["params.lr"] - b.run["params.lr"] || a.row - b.row)
    .map(({ run }) => run.run_id);
  const box = (position) => page.locator(`.rc-table .rc-row[aria-rowindex="${position + 2}"] .rc-check input`);
  await box(2).click();
  await box(6).click({ modifiers: ["Shift"] });
  expect(await page.evaluate(() => window.view.value)).toEqual(runs.map((r) => r.run_id).filter((id) => order.slice(2, 7).includes(id)));
  expect(await page.evaluate(() => window.inputs)).toBe(2);
  await expect(page.locator(".rc-table .rc-status")).toHaveText("96 runs · 5 selected");
  await expect(page.locator(".rc-table .rc-row.rc-selected")).toHaveCount(5);
  // Shift-click back up unchecks the range the new click sets.
  await box(4).click();
  await box(3).click({ modifiers: ["Shift"] });
  expect(await page.evaluate(() => window.view.value.length)).toBe(3);

  // Header box: every run shown (filtered), then none.
  await page.evaluate(() => window.view.update({ search: "h=16" }));
  const h16 = runs.filter((r) => r.name.includes("h=16")).map((r) => r.run_id);
  await page.locator(".rc-table .rc-grid-head .rc-check input").click();
  const afterHeader = await page.evaluate(() => window.view.value);
  expect(h16.every((id) => afterHeader.includes(id))).toBe(true);
  await page.getByRole("button", { name: "Select ▾" }).click();
  await page.getByRole("button", { name: /^All runs/ }).click();
  expect(await page.evaluate(() => window.view.value.length)).toBe(96);
  await page.getByRole("button", { name: "Select ▾" }).click();
  await page.getByRole("button", { name: "None" }).click();
  expect(await page.evaluate(() => window.view.value)).toEqual([]);

  // Set from outside: checked, and no input event.
  const inputs = await page.evaluate(() => window.inputs);
  await page.evaluate((ids) => (window.view.value = ids), h16.slice(0, 2));
  await expect(page.locator(".rc-table .rc-row.rc-selected")).toHaveCount(2);
  expect(await page.evaluate(() => window.inputs)).toBe(inputs);
});

test("keyboard: arrows move, space checks, shift extends", async ({ page }) => {
  await show(page, null);
  await page.locator(".rc-table .rc-grid").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  expect(await page.evaluate(() => window.view.value)).toEqual([runs[1].run_id]);
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  expect(await page.evaluate(() => window.view.value)).toEqual(runs.slice(1, 4).map((r) => r.run_id));
  await expect(page.locator(".rc-table .rc-row.rc-cursor")).toHaveAttribute("aria-rowindex", "5");
  // End scrolls the last run into view.
  await page.keyboard.press("End");
  await expect(page.locator(".rc-table .rc-row.rc-cursor .rc-name")).toBeInViewport();
  await expect(page.locator(".rc-table .rc-row.rc-cursor .rc-name")).toHaveText(runs[95].name);
});

test("CSV: every run passing the filters, or the rows on screen, with the columns shown", async ({ page }) => {
  await show(page, null, {
    columns: ["params.lr", "tags.group", ACCURACY],
    sort: "-validation/accuracy",
    filters: [{ column: "params.hidden", kind: "values", values: ["16"] }],
  });
  const kept = runs
    .map((run, row) => ({ run, row }))
    .filter(({ run }) => run["params.hidden"] === 16)
    .sort((a, b) => b.run[ACCURACY] - a.run[ACCURACY] || a.row - b.row);
  const all = (await page.evaluate(() => window.view.exportCSV())).trim().split("\r\n");
  expect(all[0]).toBe(`run_id,name,rank,params.lr,tags.group,${ACCURACY}`);
  expect(all.length).toBe(kept.length + 1);
  const [first] = kept;
  expect(all[1]).toBe([first.run.run_id, first.run.name, 1, first.run["params.lr"], first.run["tags.group"], first.run[ACCURACY]].join(","));
  const screen = (await page.evaluate(() => window.view.exportCSV("screen"))).trim().split("\r\n");
  const onScreen = await page.locator(".rc-table .rc-row .rc-name").evaluateAll((cells) => {
    const grid = document.querySelector(".rc-table .rc-grid").getBoundingClientRect();
    return cells.filter((c) => {
      const r = c.getBoundingClientRect();
      return r.top >= grid.top + 46 - 1 && r.bottom <= grid.bottom + 1;
    }).length;
  });
  expect(screen.length - 1).toBe(onScreen);
  expect(screen.slice(1)).toEqual(all.slice(1, 1 + onScreen));
  // The buttons download the same text.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "CSV", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe("table-table.csv");
  expect(
    fs
      .readFileSync(await download.path(), "utf8")
      .trim()
      .split("\r\n"),
  ).toEqual(all);
});

test("hostile run names, tags and column names stay text, in the page, the chooser, the filters and the exports", async ({ page }) => {
  const column = `params.${HOSTILE}`;
  const records = [
    { run_id: "r1", name: HOSTILE, [column]: '=HYPERLINK("http://x")', tags: [HOSTILE, "ok"], "tags.note": "@SUM(A1)" },
    { run_id: "r2", name: "-2+3", [column]: HOSTILE, tags: ["ok"], "tags.note": HOSTILE },
  ];
  page.on("dialog", () => {
    throw new Error("a dialog opened: script ran");
  });
  await show(page, records);
  await expect(page.locator(".rc-table .rc-row .rc-name").first()).toHaveText(HOSTILE);
  await expect(page.locator(".rc-table .rc-chip", { hasText: HOSTILE })).toHaveCount(1);
  await expect(page.locator(".rc-table .rc-grid-head .rc-head-label", { hasText: HOSTILE })).toHaveCount(1);
  await header(page, "tags").locator(".rc-filter-button").click();
  await expect(page.locator(".rc-popover .rc-value-text", { hasText: HOSTILE })).toHaveCount(1);
  await page.locator(".rc-popover .rc-value-row", { hasText: HOSTILE }).locator("input").check();
  await expect(page.locator(".rc-filter-chip-label")).toHaveText(`tags: ${HOSTILE}`);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /^Columns/ }).click();
  await expect(page.locator(".rc-chooser-row", { hasText: HOSTILE })).toHaveCount(1);
  expect(await page.locator(".rc-table img, .rc-table script").count()).toBe(0);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: `Remove the filter tags: ${HOSTILE}` }).click();
  const csv = (await page.evaluate(() => window.view.exportCSV())).split("\r\n");
  const q = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  // The tags list is one of the run's own columns, shown before the params.
  expect(csv[0]).toBe(["run_id", "name", "tags", column, "tags.note"].map(q).join(","));
  expect(csv[1]).toBe(["r1", HOSTILE, `${HOSTILE}; ok`, `'=HYPERLINK("http://x")`, "'@SUM(A1)"].map(q).join(","));
  expect(csv[2]).toBe(["r2", "'-2+3", "ok", HOSTILE, HOSTILE].map(q).join(","));
  const svg = await page.evaluate(() => window.view.exportSVG());
  expect(svg).not.toContain("<img");
  expect(svg).toContain("&lt;img");
  await page.waitForTimeout(50);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

test("state: what the controls changed comes back as JSON that restores the same table", async ({ page }) => {
  await show(page, null, { scalars: "example" });
  await header(page, "params.lr").locator(".rc-head-label").click();
  await page.evaluate(() => window.view.update({ filters: [{ column: "params.optimizer", kind: "text", text: "adam" }], search: "h=64" }));
  const state = await page.evaluate(() => window.view.state);
  expect(state.sort).toEqual([{ column: "params.lr", descending: false }]);
  const edited = { ...state, sort: [{ column: "params.lr", descending: true }], columns: ["params.lr", "loss/validation:min"], widths: { "params.lr": 150 } };
  await show(page, null, { scalars: "example", state: edited });
  expect(await page.evaluate(() => window.view.state)).toEqual(edited);
  expect((await header(page, "params.lr").boundingBox()).width).toBe(150);
  await expect(page.locator(".rc-filter-chip")).toHaveCount(2);
  // An option changed from outside replaces that part of the state and keeps the rest.
  await page.evaluate(() => window.view.update({ topK: 1 }));
  expect(await page.evaluate(() => window.view.state)).toEqual({ ...edited, topK: 1 });
});

test("100,000 runs: first rows at once, and scrolling to the end shows the last runs, with a few dozen rows in the page", async ({ page }) => {
  await page.evaluate(async () => {
    const { table } = await import("/dist/runcompare.js");
    const count = 100_000;
    const columns = { run_id: [], name: [], "params.lr": new Float64Array(count), "params.opt": [], "metrics.acc": new Float64Array(count) };
    for (let i = 0; i < count; i++) {
      columns.run_id.push(`run-${i}`);
      columns.name.push(`run number ${i}`);
      columns["params.lr"][i] = 10 ** -(1 + (i % 5));
      columns["params.opt"].push(["adam", "sgd"][i % 2]);
      columns["metrics.acc"][i] = ((i * 7919) % 1000) / 1000;
    }
    const arquero = { columnNames: () => Object.keys(columns), numRows: () => count, array: (name) => columns[name] };
    window.view?.destroy();
    window.view = table(arquero, { height: 500 });
    document.querySelector("#table").replaceChildren(window.view);
  });
  await expect(page.locator(".rc-table .rc-status")).toHaveText("100,000 runs");
  const grid = page.locator(".rc-table .rc-grid");
  for (const fraction of [0.25, 0.5, 1]) {
    await grid.evaluate((g, f) => (g.scrollTop = f * (g.scrollHeight - g.clientHeight)), fraction);
    await frames(page);
    const shown = await names(page);
    const last = Number(shown.at(-1).split(" ").at(-1));
    expect(shown.length).toBeLessThan(60);
    expect(last).toBeGreaterThanOrEqual(Math.min(99_999, Math.floor(fraction * 100_000) - 30));
  }
  await expect(page.locator(".rc-table .rc-row .rc-name", { hasText: /^run number 99999$/ })).toBeInViewport();
  // Sorting 100,000 runs by a metric puts the best first.
  await header(page, "metrics.acc").locator(".rc-head-label").click();
  await header(page, "metrics.acc").locator(".rc-head-label").click();
  await grid.evaluate((g) => (g.scrollTop = 0));
  await frames(page);
  await expect(page.locator('.rc-table .rc-row[aria-rowindex="2"] [aria-colindex="5"]')).toHaveText("0.999");
  expect(await page.locator(".rc-table .rc-row").count()).toBeLessThan(60);
});

for (const width of [600, 1000, 1600]) {
  for (const theme of ["light", "dark"]) {
    test(`readable at ${width} px, ${theme}: controls apart, text in contrast, nothing past the view`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      if (theme === "dark") await page.addStyleTag({ content: DARK });
      await show(page, null, { scalars: "example", sort: "-validation/accuracy" });
      await page.locator(".rc-table .rc-row").nth(1).locator(".rc-check input").check();
      const boxes = await page
        .locator(".rc-table .rc-controls > *:not([hidden]), .rc-table .rc-exports > *")
        .evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().toJSON()));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          expect(overlap, `controls ${i} and ${j} overlap`).toBe(false);
        }
      }
      const view = await page.locator(".rc-table").boundingBox();
      expect(view.x + view.width).toBeLessThanOrEqual(width);
      // Text against its row, by WCAG's contrast ratio: at least 4.5 for names and values.
      const ratios = await page.evaluate(() => {
        // rgb(0-255 …) or color(srgb 0-1 …), as color-mix() resolves.
        const rgb = (color) =>
          color
            .match(/[\d.]+/g)
            .slice(0, 3)
            .map((c) => Number(c) * (color.startsWith("color(") ? 255 : 1));
        const luminance = ([r, g, b]) => {
          const [R, G, B] = [r, g, b].map((c) => {
            const s = c / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * R + 0.7152 * G + 0.0722 * B;
        };
        const background = (element) => {
          for (let e = element; e; e = e.parentElement) {
            const style = getComputedStyle(e);
            if (style.backgroundImage !== "none" || !/rgba\(0, 0, 0, 0\)|transparent/.test(style.backgroundColor)) return rgb(style.backgroundColor);
          }
          return [255, 255, 255];
        };
        const contrast = (element) => {
          const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background(element))].sort((x, y) => y - x);
          return (a + 0.05) / (b + 0.05);
        };
        const cells = [...document.querySelectorAll(".rc-table .rc-row .rc-name, .rc-table .rc-row .rc-kind-number, .rc-table .rc-head-label")].slice(0, 40);
        return cells.map(contrast);
      });
      expect(Math.min(...ratios)).toBeGreaterThanOrEqual(4.5);
      await page.screenshot({ path: path.join(screenshots, `table-${width}-${theme}.png`), fullPage: true });
    });
  }
}
