import { test, expect } from "@playwright/test";
import path from "node:path";
import { csvParse } from "d3-dsv";
import { axisMapping, exampleRuns, screenshots } from "./helpers.js";

const runs = exampleRuns();
const idOfName = new Map(runs.map((run) => [run.name, run.run_id]));
const HOSTILE = `<img src=x onerror="window.pwned=1">`;

const DARK = `:root {
  --jp-layout-color0: #111418; --jp-layout-color1: #1c2128; --jp-layout-color2: #22272e; --jp-ui-font-color1: #e6edf3;
  --jp-ui-font-color2: #9198a1; --jp-border-color2: #3d444d; --jp-brand-color1: #4493f8; --jp-warn-color1: #d29922;
  --jp-success-color1: #3fb950; --jp-error-color1: #f85149;
}
body { background: #111418; color: #e6edf3; }`;

const tab = (page, name) => page.locator(`.rc-compare-tabs [data-tab="${name}"]`);
const panel = (page, name) => page.locator(`.rc-compare-panel[data-tab="${name}"]`);
const switchTo = (page, tabName, view) => panel(page, tabName).locator(`.rc-compare-switch [data-view="${view}"]`);

/** The pane's table rows drawn, and whether each stands out as selected (the rule the page writes for the selection). */
const paneRows = (page) =>
  page
    .locator(".rc-compare-pane .rc-row")
    .evaluateAll((rows) => rows.map((row) => ({ id: row.dataset.run, selected: getComputedStyle(row).boxShadow !== "none" })));

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  page.on("dialog", () => {
    throw new Error("a dialog opened: text was run as HTML");
  });
});

async function openSweep(page, hash = "") {
  await page.goto(`/examples/compare.html${hash}`);
  await page.waitForFunction(() => window.page);
}

test("brushing parallel coordinates selects the same runs in the table's rows, the scalar lines and the scatter points", async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 1400 });
  await openSweep(page);
  // The first 100 rows shown are compared when none are checked: the whole sweep of 96.
  await expect(page.locator(".rc-compare-run")).toHaveCount(96);
  await expect(tab(page, "plots")).toHaveCount(0);
  await expect(tab(page, "samples")).toHaveCount(0);

  await switchTo(page, "hyperparameters", "parallel").click();
  const parallel = panel(page, "hyperparameters").locator(".rc-parallel");
  await expect(parallel.locator(".rc-axis-label")).toHaveText([
    "lr",
    "hidden",
    "alpha",
    "batch_size",
    "seed",
    "train/loss",
    "validation/loss",
    "validation/accuracy",
  ]);
  const axis = parallel.locator(".rc-axis").nth(4);
  await parallel.scrollIntoViewIfNeeded();
  const { x, yOf } = await axisMapping(axis);
  const plot = await parallel.locator(".rc-plot svg").first().boundingBox();
  await page.mouse.move(plot.x + x, plot.y + yOf(-0.2));
  await page.mouse.down();
  await page.mouse.move(plot.x + x, plot.y + yOf(0.4), { steps: 6 });
  await page.mouse.up();

  const expected = runs
    .filter((run) => Number(run["params.seed"]) === 0)
    .map((run) => run.run_id)
    .sort();
  expect(expected.length).toBe(32);
  await expect.poll(() => page.evaluate(() => [...window.page.value].sort())).toEqual(expected);
  await expect(page.locator("#selected")).toContainText(expected[0]);

  // The runs table's rows: those drawn stand out exactly when selected.
  const rows = await paneRows(page);
  expect(rows.length).toBeGreaterThan(5);
  expect(rows.filter((row) => row.selected).map((row) => row.id)).toEqual(rows.map((row) => row.id).filter((id) => expected.includes(id)));

  // The scatter's points (its CSV says which are selected).
  await switchTo(page, "hyperparameters", "scatter").click();
  const scatterCSV = await panel(page, "hyperparameters")
    .locator(".rc-scatter")
    .evaluate((view) => view.exportCSV());
  const scatterSelected = csvParse(scatterCSV)
    .filter((row) => row.selected === "true")
    .map((row) => row.run_id)
    .sort();
  expect(scatterSelected).toEqual(expected);

  // The scalar lines: their legend entries stand out for the same runs.
  await tab(page, "scalars").click();
  const legend = panel(page, "scalars").locator(".rc-run-legend-entry.rc-selected .rc-run-legend-name");
  await expect(legend).toHaveCount(expected.length);
  const names = await legend.allTextContents();
  expect(names.map((name) => idOfName.get(name)).sort()).toEqual(expected);
  await page.screenshot({ path: path.join(screenshots, "compare-brushed-scalars.png"), fullPage: true });

  // Clicking a legend entry selects that run in every tab.
  await panel(page, "scalars").locator(".rc-run-legend-name", { hasText: runs[5].name }).click();
  await expect.poll(() => page.evaluate(() => window.page.value)).toEqual([runs[5].run_id]);
  await tab(page, "hyperparameters").click();
  const again = await panel(page, "hyperparameters")
    .locator(".rc-scatter")
    .evaluate((view) => view.exportCSV());
  expect(
    csvParse(again)
      .filter((row) => row.selected === "true")
      .map((row) => row.run_id),
  ).toEqual([runs[5].run_id]);
});

test("one colour per run: the chips and the scalar lines agree", async ({ page }) => {
  await openSweep(page);
  const chipColors = await page
    .locator(".rc-compare-run")
    .evaluateAll((chips) => Object.fromEntries(chips.map((chip) => [chip.dataset.run, getComputedStyle(chip.querySelector(".rc-swatch")).backgroundColor])));
  await tab(page, "scalars").click();
  const lineColors = await panel(page, "scalars")
    .locator(".rc-run-legend-entry")
    .evaluateAll((entries) =>
      entries.map((entry) => [entry.querySelector(".rc-run-legend-name").textContent, getComputedStyle(entry.querySelector(".rc-swatch")).backgroundColor]),
    );
  expect(lineColors.length).toBe(96);
  for (const [name, color] of lineColors) expect(color).toBe(chipColors[idOfName.get(name)]);
  // Two neighbours differ (the palette is not one colour).
  expect(new Set(Object.values(chipColors)).size).toBeGreaterThan(10);
});

test("the base run: the page's picker and the diff's own 'set as base' move every diff", async ({ page }) => {
  await openSweep(page);
  await page.locator(".rc-compare-pane .rc-row input[type=checkbox]").nth(0).check();
  await page.locator(".rc-compare-pane .rc-row input[type=checkbox]").nth(1).check();
  await page.locator(".rc-compare-pane .rc-row input[type=checkbox]").nth(2).check();
  await expect(page.locator(".rc-compare-run")).toHaveCount(3);
  await tab(page, "details").click();
  const diff = panel(page, "details").locator(".rc-diff");
  await expect(diff.locator(".rc-run-name")).toHaveText([runs[0].name, runs[1].name, runs[2].name]);

  await page.locator(".rc-compare-base").selectOption(runs[2].run_id);
  await expect(diff.locator(".rc-run-name").first()).toHaveText(runs[2].name);
  await expect.poll(() => page.evaluate(() => window.page.state.base)).toBe(runs[2].run_id);

  // The diff's own "set as base" sets the page's base run.
  await diff.locator("button[data-action=base]").first().click();
  await expect.poll(() => page.evaluate(() => window.page.state.base)).not.toBe(runs[2].run_id);
  const base = await page.evaluate(() => window.page.state.base);
  await expect(page.locator(".rc-compare-base")).toHaveValue(base);
  await expect(diff.locator(".rc-run-name").first()).toHaveText(runs.find((run) => run.run_id === base).name);

  // The diff's own x stops comparing a run on the whole page.
  await diff
    .locator(
      `.rc-run-header:has-text("${runs[0].name}") button[data-action=remove], [role=columnheader]:has-text("${runs[0].name}") button[data-action=remove]`,
    )
    .first()
    .click();
  await expect(page.locator(".rc-compare-run")).toHaveCount(2);
  await page.locator(".rc-compare-add").focus();
  await page.locator(".rc-compare-add").selectOption(runs[0].run_id);
  await expect(page.locator(".rc-compare-run")).toHaveCount(3);

  // x stops comparing a run; the diff follows.
  await page.locator(`.rc-compare-run[data-run="${runs[1].run_id}"] .rc-compare-remove`).click();
  await expect(page.locator(".rc-compare-run")).toHaveCount(2);
  await expect(diff.locator(".rc-run-name")).toHaveCount(2);
  // + adds one back.
  await page.locator(".rc-compare-add").focus();
  await page.locator(".rc-compare-add").selectOption(runs[7].run_id);
  await expect(page.locator(".rc-compare-run")).toHaveCount(3);
  await expect(diff.locator(".rc-run-name")).toHaveCount(3);
});

test("hiding a run hides it in every tab, and keeps every other run's colour", async ({ page }) => {
  await openSweep(page);
  const before = await page.locator(".rc-compare-run .rc-swatch").evaluateAll((s) => s.map((e) => e.style.background));
  await page.locator(`.rc-compare-run[data-run="${runs[0].run_id}"] .rc-compare-eye`).click();
  await expect(page.locator(".rc-compare-run.rc-hidden-run")).toHaveCount(1);
  expect(await page.locator(".rc-compare-run .rc-swatch").evaluateAll((s) => s.map((e) => e.style.background))).toEqual(before);
  await expect(panel(page, "hyperparameters").locator(".rc-table .rc-status").first()).toContainText("95 runs");
  await tab(page, "scalars").click();
  await expect(panel(page, "scalars").locator(".rc-run-legend-entry")).toHaveCount(95);
  await tab(page, "details").click();
  await expect(panel(page, "details").locator(".rc-run-name")).toHaveCount(95);
  await expect(panel(page, "details").locator(".rc-run-name", { hasText: runs[0].name })).toHaveCount(0);
});

test("the page's state round-trips through the URL's hash: a copied link reopens the same page", async ({ page, browser }) => {
  await openSweep(page);
  for (const row of [3, 4, 5, 6]) await page.locator(".rc-compare-pane .rc-row input[type=checkbox]").nth(row).check();
  await page.locator(`.rc-compare-run[data-run="${runs[4].run_id}"] .rc-compare-eye`).click();
  await tab(page, "scalars").click();
  await switchTo(page, "scalars", "summary").click();
  await page.locator(".rc-compare-base").selectOption(runs[5].run_id);
  await page.locator(".rc-compare-pane > summary").click();
  const state = await page.evaluate(() => window.page.state);
  expect(state).toMatchObject({ tab: "scalars", base: runs[5].run_id, hidden: [runs[4].run_id], pane: false, shown: { scalars: "summary" } });
  expect([...state.compared].sort()).toEqual([3, 4, 5, 6].map((i) => runs[i].run_id).sort());
  // The pane's toggle event comes after the click: the link is whole once the hash has it.
  await expect.poll(() => page.url()).toContain(encodeURIComponent('"pane":false'));
  const link = page.url();

  const other = await browser.newPage({ viewport: page.viewportSize() });
  other.on("pageerror", (error) => {
    throw error;
  });
  await other.goto(link);
  await other.waitForFunction(() => window.page);
  expect(await other.evaluate(() => window.page.state)).toEqual(state);
  await expect(other.locator(".rc-compare-tabs [data-tab=scalars]")).toHaveAttribute("aria-selected", "true");
  await expect(other.locator(".rc-compare-panel[data-tab=scalars] .rc-summary")).toBeVisible();
  await expect(other.locator(".rc-compare-run")).toHaveCount(4);
  await expect(other.locator(".rc-compare-pane")).not.toHaveAttribute("open", "");
  await other.close();

  // A link whose state is not JSON, or not a state, opens the page as given.
  for (const broken of ["#rc-compare=%7Bnot-json", `#rc-compare=${encodeURIComponent(JSON.stringify({ tab: "nope" }))}`]) {
    const third = await browser.newPage();
    await third.goto(`/examples/compare.html${broken}`);
    await third.waitForFunction(() => window.page);
    expect(await third.evaluate(() => window.page.error)).toBeNull();
    expect(await third.evaluate(() => window.page.state.tab)).toBe("hyperparameters");
    await third.close();
  }
});

test("hostile run names, columns and tags are text in every tab", async ({ page }) => {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  await page.evaluate((hostile) => {
    const runs = [0, 1, 2].map((i) => ({
      run_id: `${hostile}${i}`,
      name: `${hostile} run ${i}`,
      [`params.${hostile}`]: i,
      "params.lr": 0.1 * (i + 1),
      [`metrics.${hostile}`]: i / 3,
      "tags.note": hostile,
    }));
    const scalars = runs.flatMap((run) => [0, 1, 2].map((step) => ({ run_id: run.run_id, metric: hostile, step, value: step + Math.random() })));
    const details = Object.fromEntries(runs.map((run, i) => [run.run_id, { [hostile]: { [hostile]: `${hostile} ${i}` } }]));
    const plots = runs.map((run, i) => ({ run_id: run.run_id, metric: hostile, step: 0, kind: "bar", data: { x: [hostile, "b"], y: [i, 2] } }));
    const samples = runs.map((run) => ({ run_id: run.run_id, metric: hostile, step: 0, data: hostile, mime: "text/plain" }));
    window.page = window.rc.compare(runs, { scalars, details, plots, samples });
    document.querySelector("#views").append(window.page);
  }, HOSTILE);
  for (const name of ["details", "hyperparameters", "scalars", "plots", "samples"]) {
    await tab(page, name).click();
    await expect(panel(page, name)).toBeVisible();
    for (const view of await panel(page, name).locator(".rc-compare-switch [data-view]").all()) await view.click();
    expect(await page.evaluate(() => window.page.error)).toBeNull();
    expect(await panel(page, name).locator(".rc-error").count()).toBe(0);
  }
  expect(await page.locator("img[src=x]").count()).toBe(0);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  await expect(page.locator(".rc-compare-name").first()).toHaveText(`${HOSTILE} run 0`);
});

test("bad options and a bad state say what to fix", async ({ page }) => {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  const errors = await page.evaluate(() => {
    const runs = [{ run_id: "a", "params.x": 1 }];
    return [
      window.rc.compare(runs, { tab: "graphs" }).error,
      window.rc.compare(runs, { state: { hidden: "a" } }).error,
      window.rc.compare(runs, { colors: { a: 3 } }).error,
      window.rc.compare([{ name: "no ids" }]).error,
    ];
  });
  expect(errors[0]).toContain("tab");
  expect(errors[0]).toContain("hyperparameters");
  expect(errors[1]).toContain("state.hidden");
  expect(errors[2]).toContain("colors.a");
  expect(errors[3]).toContain("run_id");
});

test("samples and plots of fewer runs than compared: their tab shows its runs, the base run elsewhere; no params, no importance bars", async ({ page }) => {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  const shown = await page.evaluate(() => {
    // A TensorBoard log: runs with metrics and no params, images of some of them only.
    const runs = ["a", "b", "c"].map((id, i) => ({ run_id: id, "metrics.loss": i }));
    const samples = ["b", "c"].map((id) => ({ run_id: id, metric: "images", step: 0, data: "text sample", mime: "text/plain" }));
    const plots = ["c"].map((id) => ({ run_id: id, metric: "pr", step: 0, kind: "bar", data: { x: ["p"], y: [1] } }));
    window.page = window.rc.compare(runs, { samples, plots, base: "a" });
    document.querySelector("#views").append(window.page);
    return [...window.page.querySelectorAll(".rc-compare-switch [data-view]")].map((e) => e.dataset.view);
  });
  expect(shown).toEqual(["table", "parallel", "scatter"]);
  for (const name of ["samples", "plots"]) {
    await tab(page, name).click();
    await expect(panel(page, name).locator(`.rc-${name}`)).toBeVisible();
    expect(await panel(page, name).locator(".rc-error").count()).toBe(0);
  }
  await page.locator(".rc-compare-base").selectOption("b");
  await tab(page, "samples").click();
  expect(
    await panel(page, "samples")
      .locator(".rc-samples")
      .evaluate((view) => view.state.base),
  ).toBe("b");
  await tab(page, "plots").click();
  expect(await panel(page, "plots").locator(".rc-error").count()).toBe(0);
});

test("a tab named that has no data is not reported: the page reports the tab it shows", async ({ page }) => {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  const shown = await page.evaluate(() => {
    const runs = [
      { run_id: "a", "params.x": 1, "metrics.y": 2 },
      { run_id: "b", "params.x": 2, "metrics.y": 3 },
    ];
    const fromOption = window.rc.compare(runs, { tab: "plots" });
    const fromState = window.rc.compare(runs, { state: { tab: "samples" } });
    document.querySelector("#views").append(fromOption, fromState);
    return [fromOption.state.tab, fromState.state.tab, fromOption.querySelector("[aria-selected=true]").dataset.tab];
  });
  // The first tab that has data, as the schema says.
  expect(shown).toEqual(["details", "details", "details"]);
});

for (const theme of ["light", "dark"]) {
  test(`the page in the ${theme} theme`, async ({ page }) => {
    await page.setViewportSize({ width: 1200, height: 1300 });
    await openSweep(page);
    if (theme === "dark") await page.addStyleTag({ content: DARK });
    for (const row of [0, 3, 6, 9, 12]) await page.locator(".rc-compare-pane .rc-row input[type=checkbox]").nth(row).check();
    await switchTo(page, "hyperparameters", "parallel").click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(screenshots, `compare-parallel-${theme}.png`), fullPage: true });
    await tab(page, "scalars").click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(screenshots, `compare-scalars-${theme}.png`), fullPage: true });
    // Chips do not overlap one another.
    const boxes = await page.locator(".rc-compare-run").evaluateAll((chips) => chips.map((chip) => chip.getBoundingClientRect().toJSON()));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5).toBe(true);
  });
}

/** The example sweep's page made by the ES module with these options (the tables as Arrow bytes, kept as window.sweep). */
async function sweepPage(page, options) {
  await page.setViewportSize({ width: 1200, height: 1300 });
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  await page.evaluate(async (options) => {
    const bytes = async (file) => new Uint8Array(await (await fetch(file)).arrayBuffer());
    const [runs, scalars] = await Promise.all([bytes("/examples/data/runs.arrow"), bytes("/examples/data/scalars.arrow")]);
    window.sweep = { runs, scalars };
    window.page = window.rc.compare(runs, { scalars, ...options });
    document.querySelector("#views").append(window.page);
  }, options);
}

test("the Scalars tab compares the groups the page names; a param clicked in the importance bars becomes a parallel axis", async ({ page }) => {
  const axes = [{ column: "params.lr" }, { column: "metrics.validation/accuracy" }];
  await sweepPage(page, { groupBy: "lr", baseGroup: "lr=0.03", test: "rank", state: { views: { parallel: { axes } } } });
  await tab(page, "scalars").click();
  await switchTo(page, "scalars", "summary").click();
  const summary = panel(page, "scalars").locator(".rc-summary");
  await expect(summary.locator(".rc-significance-heading").first()).toContainText("vs lr=0.03");
  await expect(summary.locator(".rc-significance-group").first()).toHaveText("lr=0.0003: ");
  expect((await summary.locator(".rc-significance-group").allTextContents()).slice(0, 3)).toEqual(["lr=0.0003: ", "lr=0.003: ", "lr=0.3: "]);
  await expect(summary.locator(".rc-significance-text").first()).toContainText("Mann-Whitney");
  // Curves by group: one line per learning rate.
  await switchTo(page, "scalars", "scalars").click();
  expect(
    await panel(page, "scalars")
      .locator(".rc-scalars")
      .evaluate((view) => view.state.groupBy),
  ).toEqual(["lr"]);
  // Grouped anew from outside: the views follow, their own choices of grouping and test dropped.
  await page.evaluate(() => window.page.update({ groupBy: "hidden", baseGroup: null, test: "t" }));
  await switchTo(page, "scalars", "summary").click();
  await expect(summary.locator(".rc-significance-group").first()).toHaveText(/^hidden=/);
  await expect(summary.locator(".rc-significance-text").first()).toContainText("Welch");

  await tab(page, "hyperparameters").click();
  await switchTo(page, "hyperparameters", "influence").click();
  const bars = panel(page, "hyperparameters").locator(".rc-influence");
  await bars.locator('.rc-influence-row[data-param="params.hidden"]').click();
  await bars.locator('.rc-influence-row[data-param="params.alpha"]').click({ modifiers: ["Shift"] });
  const state = await page.evaluate(() => window.page.state);
  expect(state.params).toEqual(["params.hidden", "params.alpha"]);
  expect(state.shown.hyperparameters).toBe("influence");
  await page.screenshot({ path: path.join(screenshots, "compare-importance.png"), fullPage: true });
  await switchTo(page, "hyperparameters", "parallel").click();
  await expect(panel(page, "hyperparameters").locator(".rc-parallel .rc-axis-label")).toHaveText(["lr", "hidden", "alpha", "validation/accuracy"]);
  // Kept in the page's state: a page made from it shows the same axes, and the params chosen in its bars.
  await page.evaluate(() => {
    window.page.remove();
    window.again = window.rc.compare(window.sweep.runs, { scalars: window.sweep.scalars, state: window.page.state });
    document.querySelector("#views").append(window.again);
  });
  await expect(page.locator(".rc-compare-panel[data-tab=hyperparameters] .rc-parallel .rc-axis-label")).toHaveText([
    "lr",
    "hidden",
    "alpha",
    "validation/accuracy",
  ]);
  await page.locator('.rc-compare-switch [data-view="influence"]').click();
  await expect(page.locator(".rc-influence-row.rc-selected")).toHaveCount(2);
});

test("rows appended to the page reach the chips, the table and the curves; the brush, selection and state stay", async ({ page }) => {
  const brushes = [{ column: "metrics.validation/accuracy", range: [0.97, 1] }];
  await sweepPage(page, { state: { shown: { hyperparameters: "parallel" }, views: { parallel: { brushes }, scalars: { smoothing: 0.3 } } } });
  const brushed = await page.evaluate(() => [...window.page.value].sort());
  expect(brushed.length).toBeGreaterThan(0);
  const before = await page.evaluate(() => window.page.state);
  const swatches = () => page.locator(".rc-compare-run .rc-swatch").evaluateAll((all) => all.map((s) => s.style.background));
  const coloursBefore = await swatches();

  const name = `${HOSTILE} appended`;
  await page.evaluate((name) => {
    const time = (step) => new Date(Date.UTC(2026, 11, 1, 0, 0, step));
    const run = { run_id: "r-new", name, "params.lr": 0.003, "params.hidden": 64, "params.alpha": 0.01, "params.batch_size": 32, "params.optimizer": "adam" };
    const reports = [1, 2, 3].flatMap((step) => [
      { run_id: "r-new", metric: "loss", variant: "validation", step, time: time(step), value: 1 / step },
      { run_id: "r-new", metric: "accuracy", variant: "validation", step, time: time(step), value: 0.9 + step / 100 },
    ]);
    window.page.append({ runs: [{ ...run, "params.seed": 7, "metrics.validation/accuracy": 0.99, status: "RUNNING" }], scalars: reports });
  }, name);
  // The 97th run is compared (none checked: the first 100 shown), with the next colour.
  await expect(page.locator(".rc-compare-run")).toHaveCount(97);
  const chip = page.locator('.rc-compare-run[data-run="r-new"]');
  await expect(chip.locator(".rc-compare-name")).toHaveText(name);
  // Every run keeps its colour; the new one takes the next.
  const colours = await swatches();
  expect(colours.slice(0, 96)).toEqual(coloursBefore);
  expect(colours[96]).toMatch(/^rgb/);
  await expect(page.locator(".rc-compare-pane > summary")).toHaveText("Runs table (97 shown, 0 checked)");
  // The brush is kept and selects among the runs as they are now: the new run's accuracy is in it.
  expect(await page.evaluate(() => [...window.page.value].sort())).toEqual([...brushed, "r-new"].sort());
  const after = await page.evaluate(() => window.page.state);
  expect(after.views.parallel.brushes).toEqual(before.views.parallel.brushes);
  expect(after.shown).toEqual(before.shown);

  await tab(page, "scalars").click();
  const curves = panel(page, "scalars").locator(".rc-scalars");
  await expect(curves.locator(".rc-run-legend-name", { hasText: name }).first()).toBeAttached();
  expect(await curves.evaluate((view) => view.state.smoothing)).toBe(0.3);
  expect(await curves.evaluate((view) => view.exportCSV())).toContain("r-new");
  // Reports of runs already compared join the curves in place.
  await page.evaluate(() =>
    window.page.append({
      scalars: [{ run_id: "r-new", metric: "loss", variant: "validation", step: 4, time: new Date(Date.UTC(2026, 11, 1, 0, 0, 4)), value: 0.2 }],
    }),
  );
  await expect
    .poll(() =>
      curves.evaluate(
        (view) =>
          view
            .exportCSV()
            .split("\n")
            .filter((line) => line.includes("r-new")).length,
      ),
    )
    .toBeGreaterThan(6);
  expect(await page.locator("img[src=x]").count()).toBe(0);
  await page.screenshot({ path: path.join(screenshots, "compare-appended.png"), fullPage: true });
});
