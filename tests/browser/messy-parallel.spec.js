import { test, expect } from "@playwright/test";
import { RecordBatch, Schema, Table, tableFromArrays, tableToIPC } from "apache-arrow";
import path from "node:path";
import { screenshots, showView } from "./helpers.js";
import { applyTheme, expectLegible, legibility } from "./legibility.js";
import { messyRuns } from "./messy.js";

/**
 * Parallel coordinates of the generated messy store (600 runs, 150 params of mixed types, long
 * and nested names, a name both a param and a metric, millisecond times), as a person sees them.
 */
const WIDTHS = [600, 1000, 1600];
const THEMES = ["light", "dark"];
const runs = messyRuns();

/** The most axes a view of this width shows by itself: one per 100 px beyond 24 px at each end (written here, not read from the code). */
const axesLimit = (width) => Math.max(2, Math.floor((width - 48) / 100) + 1);

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
});

/** A parallel view of the messy store (or of `records`) in a box `width` pixels wide. */
async function showParallel(page, width, options = {}, records = null) {
  expect(await showView(page, "parallel", width, options, records)).toBeNull();
}

const axisColumns = (page) => page.locator(".rc-parallel .rc-axis").evaluateAll((axes) => axes.map((axis) => axis.dataset.column));
const scrollerOf = (page) => page.locator(".rc-parallel .rc-scroll");

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`${width} px, ${theme}: the params that vary and the metrics, as many as fit, every text legible`, async ({ page }) => {
      await applyTheme(page, theme);
      await showParallel(page, width);
      const columns = await axisColumns(page);
      expect(columns.length).toBeGreaterThanOrEqual(2);
      expect(columns.length).toBeLessThanOrEqual(axesLimit(width));
      expect(columns.some((c) => c.startsWith("metrics."))).toBe(true);
      // Params that vary only: the constant one is named in the note instead.
      expect(columns).not.toContain("params.constant_batch_size");
      await expect(page.locator(".rc-notes")).toContainText('1 param has one value in every run and is left out: "constant_batch_size".');
      await expect(page.locator(".rc-notes")).toContainText('"start_time" and "end_time" hold milliseconds since 1970: shown as dates (UTC).');
      // The chosen axes fit the view: nothing to scroll.
      const scroller = await scrollerOf(page).evaluate((s) => ({ scroll: s.scrollWidth, client: s.clientWidth }));
      expect(scroller.scroll).toBeLessThanOrEqual(scroller.client);
      expectLegible(await legibility(page, ".rc-parallel"), expect, `${width} px ${theme}`);
      await page.screenshot({ path: path.join(screenshots, `messy-parallel-${width}-${theme}.png`), fullPage: true });
    });
  }
}

test("a param and a metric of the same name get their full names as labels, never the same one", async ({ page }) => {
  await showParallel(page, 1000, { params: ["params.learning_rate", "model"], metrics: ["metrics.learning_rate", "epoch"] });
  const titles = await page.locator(".rc-parallel .rc-axis-label").evaluateAll((labels) => labels.map((label) => label.textContent));
  expect(titles).toEqual(["params.learning_rate", "model", "metrics.learning_rate", "epoch"]);
  const error = await page.evaluate(() => window.rc.parallel(window.messy.messyRuns(), { params: ["learning_rate"] }).error);
  expect(error).toBe('"learning_rate" names 2 columns, "params.learning_rate" and "metrics.learning_rate": pass the full name of the one you mean.');
});

test("long categories on the first axis are shortened inside the view, and their full text shows on hover", async ({ page }) => {
  // model (LightGBMClassifier, temporal_fusion_transformer…) and long text values: no label cut at the left edge.
  await showParallel(page, 600, { params: ["model", "param_011", "param_019"], metrics: ["val/accuracy"] });
  expectLegible(await legibility(page, ".rc-parallel"), expect, "long categories");
  const svg = await page.locator(".rc-parallel .rc-plot > svg").boundingBox();
  const first = page.locator(".rc-parallel .rc-axis").first();
  for (const box of await first.locator(".tick text").evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().toJSON()))) {
    expect(box.left).toBeGreaterThanOrEqual(svg.x);
  }
  const titles = await first.locator(".tick text title").allTextContents();
  expect(titles).toEqual(expect.arrayContaining(["LightGBMClassifier", "temporal_fusion_transformer"]));
  await page.screenshot({ path: path.join(screenshots, "messy-parallel-long-categories.png"), fullPage: true });
});

test("a categorical axis with more values than fit shows the most frequent and 'other', and brushing 'other' selects the rest", async ({ page }) => {
  // param_013 holds 40 values (category_0 … category_39).
  await showParallel(page, 1000, { params: ["param_013", "optimizer"], metrics: ["val/accuracy"] });
  const axis = page.locator('.rc-parallel .rc-axis[data-column="params.param_013"]');
  const labels = await axis.locator(".tick text").evaluateAll((texts) => texts.map((t) => t.firstChild.textContent));
  const other = labels.at(-1);
  const shown = labels.slice(0, -1);
  const values = runs.map((run) => run["params.param_013"]);
  const distinct = new Set(values);
  expect(distinct.size).toBe(40);
  expect(other).toBe(`other (${distinct.size - shown.length})`);
  // The shown ones are the most frequent: none left out is used by more runs than a shown one.
  const count = (category) => values.filter((v) => v === category).length;
  const leftOut = [...distinct].filter((c) => !shown.includes(c));
  expect(Math.max(...leftOut.map(count))).toBeLessThanOrEqual(Math.min(...shown.map(count)));

  // Brush around the "other" tick only.
  const tick = await axis
    .locator(".tick")
    .last()
    .evaluate((t) => ({ y: t.transform.baseVal[0].matrix.f }));
  const x = await axis.evaluate((g) => g.transform.baseVal[0].matrix.e);
  const svg = await page.locator(".rc-parallel .rc-plot > svg").boundingBox();
  await page.mouse.move(svg.x + x, svg.y + tick.y - 4);
  await page.mouse.down();
  await page.mouse.move(svg.x + x, svg.y + tick.y + 4, { steps: 3 });
  await page.mouse.up();
  const expected = runs
    .filter((run) => leftOut.includes(run["params.param_013"]))
    .map((run) => run.run_id)
    .sort();
  expect(expected.length).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => [...window.view.value].sort())).toEqual(expected);
  expectLegible(await legibility(page, ".rc-parallel"), expect, "other");
});

test("more axes than fit scroll sideways: the labels scroll with their axes and stay legible, and brushing works there", async ({ page }) => {
  const params = Object.keys(runs[0])
    .filter((key) => key.startsWith("params.param_"))
    .slice(0, 24);
  await showParallel(page, 1000, { params, metrics: ["val/accuracy", "train/loss"] });
  expect(await axisColumns(page)).toHaveLength(26);
  const scroller = scrollerOf(page);
  const sizes = await scroller.evaluate((s) => ({ scroll: s.scrollWidth, client: s.clientWidth }));
  expect(sizes.client).toBeLessThanOrEqual(1000);
  // Axes stand 60 px apart at the least (the room of their buttons): 25 gaps need 1,500 px.
  expect(sizes.scroll).toBeGreaterThanOrEqual(25 * 60);
  await expect(page.locator(".rc-notes")).toContainText("scroll sideways");
  expectLegible(await legibility(page, ".rc-parallel"), expect, "scrolled to the start");
  await page.screenshot({ path: path.join(screenshots, "messy-parallel-scroll-start.png"), fullPage: true });

  await scroller.evaluate((s) => (s.scrollLeft = s.scrollWidth));
  const view = await scroller.boundingBox();
  const last = page.locator(".rc-parallel .rc-axis").last();
  const title = await last.locator(".rc-axis-label").boundingBox();
  expect(title.x).toBeGreaterThanOrEqual(view.x);
  expect(title.x + title.width).toBeLessThanOrEqual(view.x + view.width);
  for (const box of await last.locator(".tick text").evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().toJSON()))) {
    expect(box.left).toBeGreaterThanOrEqual(view.x);
  }
  const firstTitle = await page.locator(".rc-parallel .rc-axis-label").first().boundingBox();
  expect(firstTitle.x + firstTitle.width).toBeLessThan(view.x);
  expectLegible(await legibility(page, ".rc-parallel"), expect, "scrolled to the end");
  await page.screenshot({ path: path.join(screenshots, "messy-parallel-scroll-end.png"), fullPage: true });

  // A brush on train/loss, the last axis, in view after the scroll.
  const x = await last.evaluate((g) => g.transform.baseVal[0].matrix.e);
  const svg = await page.locator(".rc-parallel .rc-plot > svg").boundingBox();
  expect(svg.x + x).toBeLessThan(view.x + view.width);
  await page.mouse.move(svg.x + x, svg.y + 120);
  await page.mouse.down();
  await page.mouse.move(svg.x + x, svg.y + 240, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.view.value.length)).toBeGreaterThan(0);
});

test("the axis picker finds a column among hundreds by search, adds and removes its axis, and closes like a menu", async ({ page }) => {
  const HOSTILE = "<img src=x onerror=window.__xss=1>";
  const records = messyRuns({ runs: 60 }).map((run, i) => ({ ...run, [`params.${HOSTILE}`]: String(i % 3) }));
  await showParallel(page, 1000, {}, records);
  const button = page.getByRole("button", { name: /^Axes/ });
  const before = await axisColumns(page);
  // Every column but run_id and name can be an axis.
  const columns = Object.keys(records[0]).length - 2;
  await expect(button).toHaveText(`Axes: ${before.length} of ${columns}`);
  await button.click();
  const panel = page.getByRole("dialog", { name: "Axes" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("searchbox")).toBeFocused();
  await panel.getByRole("searchbox").fill("feature_15");
  await expect(panel.locator("label:visible")).toHaveCount(1);
  await expect(panel).toContainText(`1 of ${columns} columns match`);
  const nested = "params.data/preprocessing/feature_15/a_rather_long_nested_parameter_name";
  await panel.getByRole("checkbox", { name: nested }).check();
  await expect.poll(() => axisColumns(page)).toContain(nested);
  // Still open: several axes can be ticked in a row.
  await expect(panel).toBeVisible();
  await panel.getByRole("searchbox").fill("img");
  await panel.getByRole("checkbox", { name: `params.${HOSTILE}` }).check();
  await expect.poll(() => axisColumns(page)).toContain(`params.${HOSTILE}`);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  const added = page.locator(`.rc-parallel .rc-axis[data-column="${nested}"]`);
  expect(await added.locator(".rc-axis-title > title").textContent()).toContain(nested);
  expectLegible(await legibility(page, ".rc-parallel"), expect, "picker open, axes added");
  await page.screenshot({ path: path.join(screenshots, "messy-parallel-picker.png"), fullPage: true });

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
  await button.click();
  await panel.getByRole("searchbox").fill("feature_15");
  await expect(panel.getByRole("checkbox", { name: nested })).toBeChecked();
  await panel.getByRole("checkbox", { name: nested }).uncheck();
  await expect.poll(() => axisColumns(page)).not.toContain(nested);
  await page.mouse.click(5, 5);
  await expect(panel).toBeHidden();
});

for (const theme of THEMES) {
  test(`${theme}: the hovered run stands out: the other lines dimmed, the run outlined, its values in the tooltip`, async ({ page }) => {
    await applyTheme(page, theme);
    await showParallel(page, 1000, { params: ["params.learning_rate", "optimizer", "seed"], metrics: ["val/accuracy"] });
    const axis = page.locator('.rc-parallel .rc-axis[data-column="params.seed"]');
    const tick = await axis
      .locator(".tick")
      .filter({ hasText: /^2$/ })
      .evaluate((t) => t.transform.baseVal[0].matrix.f);
    const x = await axis.evaluate((g) => g.transform.baseVal[0].matrix.e);
    const svg = await page.locator(".rc-parallel .rc-plot > svg").boundingBox();
    await page.mouse.move(svg.x + x + 1, svg.y + tick);
    await expect(page.locator(".rc-parallel .rc-tooltip")).toBeVisible();
    await expect(page.locator(".rc-parallel .rc-tooltip")).toContainText("seed");
    const pixels = await page.locator(".rc-parallel canvas.rc-hover-layer").evaluate(
      (canvas, at) => {
        const context = canvas.getContext("2d");
        const ratio = canvas.width / canvas.clientWidth;
        const pixel = (x, y) => Array.from(context.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data);
        return { away: pixel(5, 5), onRun: pixel(at.x, at.y) };
      },
      { x, y: tick },
    );
    const background = await page.locator(".rc-parallel").evaluate((view) => getComputedStyle(view).getPropertyValue("--rc-bg").trim());
    // A veil of the background colour, 60% opaque, over the other lines; the run's dot over it, opaque.
    expect(pixels.away[3]).toBeGreaterThan(140);
    expect(pixels.away[3]).toBeLessThan(170);
    const [r, g, b] = pixels.away;
    const hex = `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
    expect(hex).toBe(background);
    expect(pixels.onRun[3]).toBe(255);
    await page.screenshot({ path: path.join(screenshots, `messy-parallel-hover-${theme}.png`), fullPage: true });
  });
}

test("notes from Python (in the Arrow schema metadata) show as text, hostile ones too", async ({ page }) => {
  const HOSTILE = '<img src=x onerror="window.__xss=1">';
  const plain = tableFromArrays({ run_id: ["1", "2"], "params.lr": Float64Array.from([0.1, 0.2]), "metrics.acc": Float64Array.from([0.5, 0.6]) });
  const schema = new Schema(plain.schema.fields, new Map([["runcompare.notes", JSON.stringify([HOSTILE])]]));
  const bytes = tableToIPC(
    new Table(
      schema,
      plain.batches.map((batch) => new RecordBatch(schema, batch.data)),
    ),
    "stream",
  );
  await page.evaluate((bytes) => {
    window.view = window.rc.parallel(new Uint8Array(bytes));
    document.querySelector("#views").append(window.view);
  }, Array.from(bytes));
  await expect(page.locator(".rc-parallel .rc-notes")).toHaveText(HOSTILE);
  expect(await page.locator(".rc-parallel img").count()).toBe(0);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

test("summaries of the scalars can be added as axes and chosen as the colour, and survive a theme change", async ({ page }) => {
  await page.evaluate(() => {
    const runs = window.messy.messyRuns({ runs: 40 });
    const scalars = window.messy.messyScalars(runs, { runs: 40, steps: 20 });
    window.view = window.rc.parallel(runs, { scalars, params: ["optimizer"], metrics: ["loss/validation:min"] });
    document.querySelector("#views").append(window.view);
  });
  await page.waitForFunction(() => window.view.drawn.lines > 0);
  await page.getByRole("button", { name: /^Axes/ }).click();
  await page.getByRole("searchbox").fill("epoch_end");
  await page.getByRole("checkbox", { name: "val/accuracy/epoch_end (last)" }).check();
  await expect.poll(() => axisColumns(page)).toEqual(["params.optimizer", "loss/validation (min)", "val/accuracy/epoch_end (last)"]);
  await page.keyboard.press("Escape");
  await page.locator(".rc-parallel label", { hasText: "Colour by" }).locator("select").selectOption("val/accuracy/epoch_end (last)");
  await expect(page.locator(".rc-parallel .rc-legend-title")).toHaveText("val/accuracy/epoch_end (last)");
  await applyTheme(page, "dark");
  await expect.poll(() => page.evaluate(() => window.view.drawn.lines)).toBe(40);
  expectLegible(await legibility(page, ".rc-parallel"), expect, "summaries");
});
