import { test, expect } from "@playwright/test";
import path from "node:path";
import { readBack, screenshots, showView } from "./helpers.js";
import { applyTheme, expectLegible, legibility } from "./legibility.js";

/**
 * Tick labels of parallel coordinates on wide values, as PyCaret's MLflow store has them (an MSE
 * of 39,446,362,653): numbers too wide for the gap between two axes are written shorter (40G),
 * with the full number on hover; long categories are cut with "…", in full on hover. Checked
 * by the boxes the browser draws: no tick label reaches another axis, its line or its labels.
 */
const HOSTILE = "<img src=x onerror=window.__xss=1>";
const MODELS = ["sklearn.ensemble.GradientBoostingRegressor(loss='huber', n_estimators=400)", "lightgbm.LGBMRegressor", HOSTILE, "ridge"];

/** 40 runs with wide whole numbers, wide fractions, a log axis to 1e12 and long categories. */
function wideRuns() {
  return Array.from({ length: 40 }, (_, i) => ({
    run_id: `run-${i}`,
    "params.max_bin": String(1_000_000_000 * (i + 1)),
    "params.alpha": String(10 ** ((i % 11) - 1)),
    "params.model": MODELS[i % MODELS.length],
    "metrics.MSE": 39_446_362_653.4039 * (i / 39),
    "metrics.R2": i % 8 ? 0.95 - i / 50 : -3_500_000_000 * (i / 40),
    "metrics.MAE": 143_206.0211 * (1 + i / 40),
  }));
}
const OPTIONS = { params: ["max_bin", "alpha", "model"], metrics: ["MSE", "R2", "MAE"] };

/** Every axis' x and its tick labels' boxes (text, hover text), in page pixels. */
async function axesDrawn(page) {
  return page.locator(".rc-parallel .rc-axis").evaluateAll((axes) =>
    axes.map((axis) => ({
      column: axis.dataset.column,
      line: axis.querySelector(".domain").getBoundingClientRect().toJSON(),
      labels: [...axis.querySelectorAll(".tick text")]
        .filter((text) => text.firstChild?.textContent)
        .map((text) => ({
          text: text.firstChild.textContent,
          hover: text.querySelector("title")?.textContent ?? null,
          box: text.getBoundingClientRect().toJSON(),
        })),
    })),
  );
}

const meet = (a, b) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
});

for (const theme of ["light", "dark"]) {
  for (const width of [500, 800, 1200]) {
    test(`${width} px, ${theme}: no tick label reaches another axis, and the chart needs no scrolling`, async ({ page }) => {
      await applyTheme(page, theme);
      expect(await showView(page, "parallel", width, OPTIONS, wideRuns())).toBeNull();
      const axes = await axesDrawn(page);
      expect(axes.map((axis) => axis.column)).toEqual(["params.max_bin", "params.alpha", "params.model", "metrics.MSE", "metrics.R2", "metrics.MAE"]);
      for (const [i, axis] of axes.entries()) {
        expect(axis.labels.length, axis.column).toBeGreaterThan(1);
        for (const label of axis.labels) {
          for (const [j, other] of axes.entries()) {
            if (j === i) continue;
            // The other axis' line with its tick marks, and a gap of two pixels either side.
            const line = { left: other.line.left - 2, right: other.line.right + 2, top: other.line.top, bottom: other.line.bottom };
            expect(meet(label.box, line), `${axis.column} "${label.text}" reaches the line of ${other.column}`).toBe(false);
            for (const theirs of other.labels) expect(meet(label.box, theirs.box), `"${label.text}" overlaps "${theirs.text}"`).toBe(false);
          }
        }
      }
      // Numbers keep clear of the axis on their left (a quarter of the way between the two at
      // least), so that they read as their own axis' labels, not the next one's.
      for (const [i, axis] of axes.entries()) {
        if (i === 0 || axis.column === "params.model") continue;
        const spacing = axis.line.right - axes[i - 1].line.right;
        for (const label of axis.labels) expect(label.box.left - axes[i - 1].line.right, `${axis.column} "${label.text}"`).toBeGreaterThanOrEqual(spacing / 4);
      }
      const scroller = await page.locator(".rc-parallel .rc-scroll").evaluate((s) => ({ scroll: s.scrollWidth, client: s.clientWidth }));
      expect(scroller.scroll).toBeLessThanOrEqual(scroller.client);
      await expect(page.locator(".rc-parallel .rc-notes")).not.toContainText("scroll sideways");
      expectLegible(await legibility(page, ".rc-parallel"), expect, `${width} px ${theme}`);
      expect(await page.locator(".rc-parallel img").count()).toBe(0);
      expect(await page.evaluate(() => window.__xss)).toBeUndefined();
      await page.screenshot({ path: path.join(screenshots, `parallel-wide-labels-${width}-${theme}.png`), fullPage: true });
    });
  }
}

test("a shortened number reads back to its tick, and its hover gives the number in full", async ({ page }) => {
  expect(await showView(page, "parallel", 500, OPTIONS, wideRuns())).toBeNull();
  const axes = await axesDrawn(page);
  const mse = axes.find((axis) => axis.column === "metrics.MSE");
  const ticks = await page
    .locator('.rc-parallel .rc-axis[data-column="metrics.MSE"] .tick')
    .evaluateAll((nodes) => nodes.map((tick) => ({ value: tick.__data__, text: tick.querySelector("text").firstChild.textContent })));
  // Shortened: every label is at most five characters ("40G"), the full value on hover.
  expect(mse.labels.every((label) => label.text.length <= 5)).toBe(true);
  for (const { value, text } of ticks) {
    expect(readBack(text)).toBe(value);
    const label = mse.labels.find((l) => l.text === text);
    if (value !== 0) expect(readBack(label.hover)).toBe(value);
  }
  expect(mse.labels.map((label) => label.hover)).toContain("40,000,000,000");
  // The long model names: cut with "…", whole on hover; the hostile one is text.
  const model = axes.find((axis) => axis.column === "params.model");
  const long = model.labels.find((label) => label.hover === MODELS[0]);
  expect(long.text).toContain("…");
  expect(model.labels.map((label) => label.hover ?? label.text)).toContain(HOSTILE);
});
