import { test, expect } from "@playwright/test";
import path from "node:path";
import { axisMapping, exampleRuns, paintedPixels, screenshots } from "./helpers.js";

const runs = exampleRuns();

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/examples/parallel.html");
  await page.waitForFunction(() => window.view && window.view.drawn.lines > 0);
});

test("draws one line per run of the example sweep", async ({ page }) => {
  const drawn = await page.evaluate(() => window.view.drawn);
  expect(drawn.lines).toBe(runs.length);
  expect(runs.length).toBe(96);
  expect(await paintedPixels(page.locator(".rc-parallel canvas"))).toBeGreaterThan(5000);
  const labels = await page.locator(".rc-axis-label").allTextContents();
  expect(labels).toEqual(["lr", "hidden", "alpha", "batch_size", "seed", "train/loss", "validation/loss", "validation/accuracy"]);
  await expect(page.locator(".rc-status")).toHaveText("96 runs");
  await page.screenshot({ path: path.join(screenshots, "parallel.png"), fullPage: true });
});

test("brushing an axis by mouse selects exactly the runs in the range", async ({ page }) => {
  const axis = page.locator(".rc-axis").nth(7);
  const { x, box, yOf, valueAt } = await axisMapping(axis);
  const plot = await page.locator(".rc-parallel svg").boundingBox();
  const from = yOf(0.9);
  const to = yOf(0.97);
  await page.mouse.move(plot.x + x, plot.y + from);
  await page.mouse.down();
  await page.mouse.move(plot.x + x, plot.y + (from + to) / 2, { steps: 4 });
  await page.mouse.move(plot.x + x, plot.y + to, { steps: 4 });
  await page.mouse.up();
  expect(box).not.toBeNull();

  const [lo, hi] = [valueAt(from), valueAt(to)];
  const expected = runs
    .filter((run) => run["metrics.validation/accuracy"] >= lo && run["metrics.validation/accuracy"] <= hi)
    .map((run) => run.run_id)
    .sort();
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(runs.length);
  const selected = await page.evaluate(() => [...window.view.value].sort());
  expect(selected).toEqual(expected);
  await expect(page.locator("#selection")).toContainText(`${expected.length} runs selected`);
  await expect(page.locator(".rc-status")).toHaveText(`96 runs · ${expected.length} selected`);
  await page.screenshot({ path: path.join(screenshots, "parallel-brushed.png"), fullPage: true });

  await page.mouse.click(plot.x + 5, plot.y + plot.height / 2);
  await expect.poll(() => page.evaluate(() => window.view.value.length)).toBe(0);
});

test("runs set from outside are highlighted, not brushed", async ({ page }) => {
  const ids = runs.slice(0, 3).map((run) => run.run_id);
  await page.evaluate((ids) => (window.view.value = ids), ids);
  await expect.poll(() => page.evaluate(() => window.view.drawn.emphasised)).toBe(3);
  expect(await page.locator(".rc-brush .selection:not([style*='display: none'])").count()).toBe(0);
});
