import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { darkPage, repo, screenshots } from "./helpers.js";

// The plots view (merged charts, PR/ROC with their AUC, matrices and their differences) and the
// logs view (two runs' console output, 100,000 lines), as a person sees them.
const HOSTILE = '<img src=x onerror="window.__xss=1">';
const reference = JSON.parse(fs.readFileSync(path.join(repo, "tests/contract/plots.json"), "utf8"));

/** Plot records: scikit-learn's curves and confusion matrices of three runs, and a merged line, bar, box and histogram panel. */
function plotRecords() {
  const records = [];
  reference.curves.forEach((c, i) => {
    records.push({ run_id: c.run_id, metric: "roc", variant: "val", step: 9, kind: "roc", data: { fpr: c.fpr, tpr: c.tpr } });
    records.push({ run_id: c.run_id, metric: "pr", variant: "val", step: 9, kind: "pr", data: { recall: c.recall, precision: c.precision } });
    records.push({ run_id: c.run_id, metric: "loss", step: 9, kind: "line", data: { x: [0, 1, 2, 3], y: [1, 0.6 + i * 0.1, 0.4 + i * 0.1, 0.3 + i * 0.1] } });
    records.push({ run_id: c.run_id, metric: "class sizes", step: 9, kind: "bar", data: { x: ["cat", "dog", HOSTILE], y: [3 + i, 5, 2] } });
    records.push({ run_id: c.run_id, metric: "weights", step: 9, kind: "box", data: { y: Array.from({ length: 40 }, (_, k) => Math.sin(k * (i + 1))) } });
    records.push({
      run_id: c.run_id,
      metric: "activations",
      step: 9,
      kind: "histogram",
      data: { y: Array.from({ length: 200 }, (_, k) => Math.cos(k * (i + 2)) * (i + 1)) },
    });
  });
  for (const m of reference.matrices) {
    const rows = [];
    m.labels.forEach((truth, r) => m.labels.forEach((predicted, c) => rows.push({ row: truth, column: predicted, value: m.matrix[r][c] })));
    records.push({ run_id: m.run_id, metric: "confusion", step: 9, kind: "confusion", data: rows });
  }
  return records;
}

async function showPlots(page, options = {}, records = plotRecords()) {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  await page.evaluate(
    ({ records, options }) => {
      window.view = window.rc.plots(records, options);
      document.querySelector("#views").append(window.view);
    },
    { records, options },
  );
  expect(await page.evaluate(() => window.view.error)).toBeNull();
}

test("plots: curves merged in run colours, AUC and AP in the legend, one colour scale for the matrices and their differences to the base", async ({ page }) => {
  await page.addInitScript(() => (window.__xss = undefined));
  await showPlots(page);
  const panel = (series) => page.locator(`.rc-plot-panel[data-series="${series}"]`);
  await expect(panel("roc/val").locator(".rc-plot-legend button")).toHaveText(reference.curves.map((c) => `${c.run_id}AUC ${c.auc.toFixed(3)}`));
  // Titles name the series, and its kind unless the name says it: "loss line", "roc/val", "confusion" (not "confusion confusion").
  await expect(panel("loss").locator(".rc-plot-title")).toHaveText("loss line");
  await expect(panel("roc/val").locator(".rc-plot-title")).toHaveText("roc/val");
  await expect(panel("confusion").locator(".rc-plot-title")).toHaveText("confusion");
  await expect(panel("pr/val").locator(".rc-plot-legend button")).toHaveText(reference.curves.map((c) => `${c.run_id}AP ${c.average_precision.toFixed(3)}`));
  // One line per run, in distinct colours.
  const strokes = await panel("loss")
    .locator(".rc-run-marks path")
    .evaluateAll((paths) => paths.map((p) => p.getAttribute("stroke")));
  expect(new Set(strokes).size).toBe(3);
  await expect(panel("class sizes").locator(".rc-run-marks rect")).toHaveCount(9);
  await expect(panel("class sizes").locator(".rc-x-axis .tick text").nth(2)).toHaveText(HOSTILE);
  // Matrices: each cell's value as scikit-learn's confusion_matrix counts them.
  const cells = (column) =>
    page.locator(`svg.rc-matrix[data-column="${column}"] rect[data-value]`).evaluateAll((rects) => rects.map((r) => Number(r.dataset.value)));
  expect(await cells(1)).toEqual(reference.matrices[1].matrix.flat());
  await page.getByRole("button", { name: "difference to base" }).click();
  expect(await cells(1)).toEqual(reference.matrices[1].difference.flat());
  expect(await cells(0)).toEqual(reference.matrices[0].matrix.flat());
  await expect(page.locator("svg.rc-matrix .rc-matrix-title")).toHaveText(["base (base)", "other − base", "weak − base"]);
  expect(await page.evaluate(() => window.view.state)).toEqual({ base: null, difference: true, normalize: false });
  // A legend entry selects its run: the others fade.
  await panel("loss").locator(".rc-plot-legend button").nth(1).click();
  expect(await page.evaluate(() => window.view.value)).toEqual(["other"]);
  await expect(panel("loss").locator(".rc-run-marks.rc-faded")).toHaveCount(2);
  const csv = await page.evaluate(() => window.view.exportCSV());
  expect(csv.split("\r\n")[0]).toBe("run_id,name,metric,variant,step,kind,score,x,y,value,left,right,count,row,column");
  const svg = await page.evaluate(() => window.view.exportSVG());
  expect(svg).toContain("AUC");
  expect(svg).not.toContain("<img");
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

for (const theme of ["light", "dark"]) {
  test(`screenshot of the plots, ${theme}`, async ({ page }) => {
    if (theme === "dark") await darkPage(page);
    await page.setViewportSize({ width: 1000, height: 900 });
    // Run names as long as real stores' (TensorBoard run folders), which matrix titles must fit.
    const long = (id) => `archive/experiments/Experiment_${id}_adam_512_0.2/train`;
    await showPlots(
      page,
      { difference: true },
      plotRecords().map((r) => ({ ...r, run_id: long(r.run_id) })),
    );
    // Every text of a matrix (title, labels, values) is inside its picture: none is cut.
    const outside = await page.locator("svg.rc-matrix").evaluateAll((svgs) =>
      svgs.flatMap((svg) =>
        [...svg.querySelectorAll("text")]
          .filter((t) => {
            const [b, s] = [t.getBoundingClientRect(), svg.getBoundingClientRect()];
            return b.left < s.left - 0.5 || b.right > s.right + 0.5 || b.top < s.top - 0.5 || b.bottom > s.bottom + 0.5;
          })
          .map((t) => t.textContent),
      ),
    );
    expect(outside).toEqual([]);
    await expect(page.locator("svg.rc-matrix .rc-matrix-title").first()).toHaveText(/^archive\/.*\(base\)$/);
    // Axis labels and legend entries do not overlap one another.
    const boxes = await page
      .locator(".rc-plot-panel[data-series='roc/val'] .rc-x-axis .tick text")
      .evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect()).map((b) => [b.left, b.right]));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i][0]).toBeGreaterThanOrEqual(boxes[i - 1][1] - 0.5);
    await page.screenshot({ path: path.join(screenshots, `plots-${theme}.png`), fullPage: true });
  });
}

/** Two logs of `lines` lines: the same script, other numbers, a warning one run printed and three lines the other did not. */
async function showLogs(page, lines) {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  return page.evaluate(
    ({ lines, hostile }) => {
      const log = (seed) =>
        Array.from({ length: lines }, (_, i) =>
          i % 100 === 0 ? `epoch ${i / 100} start` : `step ${i} loss=${(((seed * i) % 997) / 997).toFixed(4)} lr=0.001`,
        );
      const a = log(3);
      const b = log(7);
      b.splice(250, 0, `WARNING ${hostile}`);
      b.splice(Math.floor(lines * 0.7), 3);
      const started = performance.now();
      window.view = window.rc.logs({ "run-a": a.join("\n"), "run-b": b.join("\n"), "run-c": a.join("\n") });
      document.querySelector("#views").append(window.view);
      return performance.now() - started;
    },
    { lines, hostile: HOSTILE },
  );
}

test("logs of 100,000 lines: side by side, scrolled together, next difference jumps both panes, numbers can be ignored", async ({ page }) => {
  await page.addInitScript(() => (window.__xss = undefined));
  const drawn = await showLogs(page, 100_000);
  console.log(`logs view of two 100,000-line logs drawn in ${drawn.toFixed(0)} ms`);
  expect(drawn).toBeLessThan(4000);
  const panes = page.locator(".rc-log-pane");
  await expect(panes).toHaveCount(2);
  // Only rows near the view are in the page.
  expect(await page.locator(".rc-log-row").count()).toBeLessThan(200);
  await expect(page.locator(".rc-logs .rc-status")).toContainText("100,000 and 99,998 lines");
  await page.getByLabel("ignore numbers").check();
  await expect(page.locator(".rc-logs .rc-status")).toContainText("2 differences");
  await page.getByRole("button", { name: "↓ Next difference" }).click();
  await expect(page.locator(".rc-logs .rc-status")).toContainText("difference 1 of 2");
  const focused = page.locator(".rc-log-right .rc-log-focused .rc-log-text");
  await expect(focused.first()).toHaveText(`WARNING ${HOSTILE}`);
  await page.keyboard.press("n");
  await expect(page.locator(".rc-logs .rc-status")).toContainText("difference 2 of 2");
  const [left, right] = await panes.evaluateAll((elements) => elements.map((e) => e.scrollTop));
  expect(left).toBeGreaterThan(1_000_000);
  expect(right).toBe(left);
  await expect(page.locator(".rc-log-left .rc-log-focused.rc-log-removed")).toHaveCount(3);
  // Scrolling one pane scrolls the other.
  await panes.nth(1).evaluate((pane) => (pane.scrollTop = 5000));
  await expect.poll(() => panes.nth(0).evaluate((pane) => pane.scrollTop)).toBe(5000);
  // Numbers that differ are marked word by word.
  await page.getByLabel("ignore numbers").uncheck();
  await panes.nth(0).evaluate((pane) => (pane.scrollTop = 0));
  await expect(page.locator(".rc-log-left .rc-log-numbers mark").first()).toBeVisible();
  // Another pair, chosen in the view, is the value.
  await page.getByLabel("compared with").selectOption("run-c");
  expect(await page.evaluate(() => window.view.value)).toEqual(["run-a", "run-c"]);
  await expect(page.locator(".rc-logs .rc-status")).toContainText("no differences");
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

for (const theme of ["light", "dark"]) {
  test(`screenshot of the logs, ${theme}`, async ({ page }) => {
    if (theme === "dark") await darkPage(page);
    await page.setViewportSize({ width: 1100, height: 700 });
    await showLogs(page, 2000);
    await page.getByRole("button", { name: "↓ Next difference" }).click();
    await page.getByRole("button", { name: "↓ Next difference" }).click();
    await page.screenshot({ path: path.join(screenshots, `logs-${theme}.png`) });
  });
}
