import { test, expect } from "@playwright/test";
import path from "node:path";
import { screenshots, showView } from "./helpers.js";
import { applyTheme, expectLegible, legibility } from "./legibility.js";
import { messyRuns } from "./messy.js";

/** Scatter plots of the generated messy store, as a person sees them. */
const WIDTHS = [600, 1000, 1600];
const THEMES = ["light", "dark"];
const runs = messyRuns();

/** Pairs that test the axes: long categories, nested names, 1e6 spikes, millisecond times, a tiny-valued metric. */
const PLOTS = {
  defaults: {},
  "long categories on x, spikes on y": { x: "param_011", y: "val/loss/epoch_end", color: "optimizer" },
  "times on x, a long name and tiny values on y": {
    x: "start_time",
    y: "a_metric_with_a_very_long_name_from_a_lightning_callback/step_average",
    color: "model",
  },
  "numbers on x, categories on y": { x: "params.learning_rate", y: "model", size: "epoch" },
};

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
});

async function showScatter(page, width, options, records = null) {
  expect(await showView(page, "scatter", width, options, records)).toBeNull();
}

const tickTexts = (page, which) =>
  page.locator(`.rc-scatter .rc-${which}-axis .tick text`).evaluateAll((texts) => texts.map((t) => t.firstChild?.textContent ?? "").filter(Boolean));

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`${width} px, ${theme}: axis titles and ticks legible in every pairing`, async ({ page }) => {
      await applyTheme(page, theme);
      for (const [name, options] of Object.entries(PLOTS)) {
        await showScatter(page, width, options);
        expectLegible(await legibility(page, ".rc-scatter"), expect, `${name}, ${width} px ${theme}`);
        expect((await tickTexts(page, "x")).length).toBeGreaterThanOrEqual(2);
        expect((await tickTexts(page, "y")).length).toBeGreaterThanOrEqual(2);
        await page.screenshot({ path: path.join(screenshots, `messy-scatter-${name.replace(/[^a-z]+/g, "-")}-${width}-${theme}.png`), fullPage: true });
      }
    });
  }
}

test("millisecond times read as dates: the axis shows dates and the tooltip a UTC time", async ({ page }) => {
  await showScatter(page, 1000, { x: "start_time", y: "val/accuracy" });
  const labels = await tickTexts(page, "x");
  // 600 runs 15 minutes apart from 2024-03-01: about six days, labelled by day (d3's time format).
  expect(labels.join(" ")).toMatch(/Mar 0?\d|0?\d Mar|Mar/);
  expect(labels.every((label) => !/e\+|\d{10}/.test(label))).toBe(true);
  await expect(page.locator(".rc-notes")).toContainText('"start_time" and "end_time" hold milliseconds since 1970: shown as dates (UTC).');
  const box = await page.locator(".rc-scatter .rc-plot > svg").boundingBox();
  for (let dx = 0.3; dx < 0.8; dx += 0.05) {
    await page.mouse.move(box.x + box.width * dx, box.y + box.height * 0.45);
    if (await page.locator(".rc-scatter .rc-tooltip").isVisible()) break;
  }
  await expect(page.locator(".rc-scatter .rc-tooltip")).toContainText(/start_time2024-03-\d\d \d\d:\d\d:\d\d(\.\d+)? UTC/);
});

test("the x and y ranges cover the runs drawn, not those without a value on the other axis", async ({ page }) => {
  const records = [
    { run_id: "a", "params.x": 1, "params.kind": "small", "metrics.y": 1 },
    { run_id: "b", "params.x": 2, "params.kind": "small", "metrics.y": 2 },
    { run_id: "c", "params.x": 3, "params.kind": "medium", "metrics.y": 3 },
    // Not drawn: no y. Its x (-1000) and category ("huge") must not stretch the axes.
    { run_id: "d", "params.x": -1000, "params.kind": "huge", "metrics.y": null },
    { run_id: "e", "params.x": null, "params.kind": null, "metrics.y": -500 },
  ];
  await showScatter(page, 800, { x: "x", y: "y" }, records);
  const xs = (await tickTexts(page, "x")).map(Number);
  const ys = (await tickTexts(page, "y")).map(Number);
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(1);
  expect(Math.max(...xs)).toBeLessThanOrEqual(3);
  expect(Math.max(...ys)).toBeLessThanOrEqual(3);
  await expect(page.locator(".rc-scatter .rc-status")).toHaveText("5 runs · 1 run has no value for x · 1 run has no value for y");
  await showScatter(page, 800, { x: "kind", y: "y" }, records);
  expect(await tickTexts(page, "x")).toEqual(["medium", "small"]);
});

test("axes no run has values on both: the plot says so in its middle, in the exported SVG too, and the status counts the runs", async ({ page }) => {
  // As a public MLflow store's sweeps: one experiment logged the learning rate, another val_accuracy.
  const records = [
    { run_id: "a", "params.learning_rate": 0.001, "metrics.accuracy": 0.3, "metrics.val_accuracy": null },
    { run_id: "b", "params.learning_rate": 0.01, "metrics.accuracy": 0.4, "metrics.val_accuracy": null },
    { run_id: "c", "params.learning_rate": null, "metrics.accuracy": 0.5, "metrics.val_accuracy": 0.35 },
  ];
  await showScatter(page, 800, { x: "learning_rate", y: "val_accuracy" }, records);
  const note = page.locator(".rc-scatter .rc-nothing-to-show");
  await expect(note).toHaveText("No run has a value for bothlearning_rate and val_accuracy:choose other axes");
  await expect(note).toBeVisible();
  const [noteBox, plotBox] = await page.evaluate(() => {
    const view = document.querySelector(".rc-scatter");
    const box = (element) => element.getBoundingClientRect().toJSON();
    return [box(view.querySelector(".rc-nothing-to-show")), box(view.querySelector(".rc-y-axis .domain"))];
  });
  // Between the y axis' top and bottom, right of it, and inside the chart's width.
  expect(noteBox.top).toBeGreaterThan(plotBox.top);
  expect(noteBox.bottom).toBeLessThan(plotBox.bottom);
  expect(noteBox.left).toBeGreaterThan(plotBox.right);
  expect(noteBox.right).toBeLessThan(800);
  await expect(page.locator(".rc-scatter .rc-status")).toHaveText("3 runs · 1 run has no value for learning_rate · 2 runs have no value for val_accuracy");
  const svg = await page.evaluate(() => document.querySelector(".rc-scatter").exportSVG());
  expect(svg).toContain("choose other axes");
  await page.locator(".rc-scatter").screenshot({ path: path.join(screenshots, "scatter-nothing-to-show.png") });
  // Axes some run has both values of: no note.
  await showScatter(page, 800, { x: "learning_rate", y: "accuracy" }, records);
  await expect(page.locator(".rc-scatter .rc-nothing-to-show")).toHaveCount(0);
});

for (const theme of THEMES) {
  test(`${theme}: the hovered point stands out: drawn again on top in a ring of the text colour`, async ({ page }) => {
    await applyTheme(page, theme);
    await showScatter(page, 1000, { x: "params.learning_rate", y: "val/accuracy", color: "model" });
    const box = await page.locator(".rc-scatter .rc-plot > svg").boundingBox();
    for (let dx = 0.3; dx < 0.8; dx += 0.02) {
      await page.mouse.move(box.x + box.width * dx, box.y + box.height * 0.4);
      if (await page.locator(".rc-scatter .rc-tooltip").isVisible()) break;
    }
    await expect(page.locator(".rc-scatter .rc-tooltip")).toBeVisible();
    const mark = page.locator(".rc-scatter .rc-hover");
    await expect(mark).toBeVisible();
    const { ring, foreground, point } = await mark.evaluate((g) => {
      const circles = [...g.querySelectorAll("circle")];
      return {
        ring: getComputedStyle(circles[2]).stroke,
        foreground: getComputedStyle(g).color,
        point: getComputedStyle(circles[1]).fill,
      };
    });
    expect(ring).toBe(foreground);
    expect(point).not.toBe("none");
    await page.screenshot({ path: path.join(screenshots, `messy-scatter-hover-${theme}.png`), fullPage: true });
  });
}

test("a bare name that is both a param and a metric is an error naming both; the full names label the axes", async ({ page }) => {
  await showScatter(page, 800, { x: "params.learning_rate", y: "metrics.learning_rate" });
  const titles = await page.locator(".rc-scatter .rc-axis-label").allTextContents();
  expect(titles).toEqual(["params.learning_rate", "metrics.learning_rate"]);
  const error = await page.evaluate(() => window.rc.scatter(window.messy.messyRuns(), { x: "learning_rate" }).error);
  expect(error).toBe('"learning_rate" names 2 columns, "params.learning_rate" and "metrics.learning_rate": pass the full name of the one you mean.');
  expect(runs.length).toBe(600);
});

test("a store without params (losses alone): the second metric on x; the last x label stays inside the figure; one run reads '1 run'", async ({ page }) => {
  const records = [0, 50_000, 100_000, 150_000, 200_000].map((steps, i) => ({
    run_id: `r${i}`,
    "metrics.episode/Return": -200 + 40 * i,
    "metrics.global step": steps,
  }));
  await showScatter(page, 600, {}, records);
  await expect(page.locator(".rc-scatter .rc-axis-label")).toHaveText(["global step", "episode/Return"]);
  expect(await tickTexts(page, "x")).toContain("200,000");
  const inside = await page
    .locator(".rc-scatter svg")
    .first()
    .evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll(".rc-x-axis .tick text")].map((text) => {
        const label = text.getBoundingClientRect();
        return label.left >= box.left && label.right <= box.right;
      });
    });
  expect(inside.every(Boolean)).toBe(true);
  expectLegible(await legibility(page, ".rc-scatter"), expect, "no params, 600 px");
  await showScatter(page, 600, {}, records.slice(0, 1));
  await expect(page.locator(".rc-scatter .rc-status")).toHaveText("1 run");
});
