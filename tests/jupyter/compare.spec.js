import { test, expect } from "@playwright/test";
import path from "node:path";
import { csvParse } from "d3-dsv";
import { exampleRuns, screenshots } from "../browser/helpers.js";
import { changeTheme, execute, kernelIdle, pythonList } from "./notebook.js";

const runs = exampleRuns();
const idOfName = new Map(runs.map((run) => [run.name, run.run_id]));
const chosen = ["r003", "r010", "r042"];

const tab = (view, name) => view.locator(`.rc-compare-tabs [data-tab="${name}"]`);
const panel = (view, name) => view.locator(`.rc-compare-panel[data-tab="${name}"]`);
const switchTo = (view, tabName, name) => panel(view, tabName).locator(`.rc-compare-switch [data-view="${name}"]`);
const selectedInCSV = (csv) =>
  csvParse(csv)
    .filter((row) => row.selected === "true")
    .map((row) => row.run_id)
    .sort();

/** Opens a notebook, runs its cells, and returns the comparison page they show. */
async function runPageNotebook(page, name) {
  await page.goto(`/lab/tree/${name}?reset`);
  await page.locator(".jp-Notebook").waitFor();
  await kernelIdle(page);
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  return page.locator(".jp-OutputArea .rc-compare");
}

/**
 * The comparison page in JupyterLab: w.selected set from Python is shown in every tab, what the
 * user changes reaches w.state, and the notebook saved with its widget state reopens (no
 * kernel) on the same tab and state.
 */
test("w.selected from Python shows in every tab; the page's state is saved with the notebook", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1100 });
  const view = await runPageNotebook(page, "compare.ipynb");
  await expect(view.locator(".rc-compare-run")).toHaveCount(96);
  await kernelIdle(page);
  // Given neither plots nor samples, the page has no tab for them.
  expect(await view.locator(".rc-compare-tabs [data-tab]").evaluateAll((tabs) => tabs.map((t) => t.dataset.tab))).toEqual([
    "details",
    "hyperparameters",
    "scalars",
  ]);

  await execute(page, `w.selected = ${pythonList(chosen)}`);
  await expect.poll(() => view.evaluate((element) => [...element.value].sort())).toEqual(chosen);
  // The values table checks them, parallel coordinates and the scatter emphasise them, the scalar legend marks them.
  const valuesTable = panel(view, "hyperparameters").locator(".rc-table");
  await expect.poll(() => valuesTable.evaluate((element) => [...element.value].sort())).toEqual(chosen);
  await switchTo(view, "hyperparameters", "parallel").click();
  expect(
    selectedInCSV(
      await panel(view, "hyperparameters")
        .locator(".rc-parallel")
        .evaluate((e) => e.exportCSV()),
    ),
  ).toEqual(chosen);
  await switchTo(view, "hyperparameters", "scatter").click();
  expect(
    selectedInCSV(
      await panel(view, "hyperparameters")
        .locator(".rc-scatter")
        .evaluate((e) => e.exportCSV()),
    ),
  ).toEqual(chosen);
  await tab(view, "scalars").click();
  const legend = panel(view, "scalars").locator(".rc-run-legend-entry.rc-selected .rc-run-legend-name");
  await expect(legend).toHaveCount(chosen.length);
  expect((await legend.allTextContents()).map((name) => idOfName.get(name)).sort()).toEqual(chosen);
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-compare-light.png") });

  // The user hides a run and opens the summary bars: Python has the page's state.
  await view.locator('.rc-compare-run[data-run="r001"] .rc-compare-eye').click();
  await switchTo(view, "scalars", "summary").click();
  await expect.poll(async () => execute(page, "print(w.state['tab'], w.state['hidden'], w.state['shown']['scalars'])")).toBe("scalars ['r001'] summary\n");
  const shown = await view.evaluate((element) => element.state);

  await changeTheme(page, "JupyterLab Dark");
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-compare-dark.png") });
  await changeTheme(page, "JupyterLab Light");

  await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:save"));
  await page.evaluate(() => window.jupyterapp.serviceManager.sessions.shutdownAll());
  await page.goto("/lab/tree/compare.ipynb");
  const reopened = page.locator(".jp-OutputArea .rc-compare");
  await expect(reopened.locator(".rc-compare-tabs [data-tab=scalars]")).toHaveAttribute("aria-selected", "true", { timeout: 30_000 });
  expect(await reopened.evaluate((element) => element.state)).toEqual(shown);
  await expect(reopened.locator(".rc-compare-panel[data-tab=scalars] .rc-summary")).toBeVisible();
  await expect(reopened.locator(".rc-compare-run.rc-hidden-run")).toHaveCount(1);
});

/** Python's plots and samples reach the page: their tabs appear and draw, the samples' bytes asked of the kernel (store=False). */
test("rc.compare(plots=, samples=) shows the Plots and Debug samples tabs", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  const view = await runPageNotebook(page, "compare-tables.ipynb");
  await expect(view.locator(".rc-compare-run")).toHaveCount(4);
  expect(await view.locator(".rc-compare-tabs [data-tab]").evaluateAll((tabs) => tabs.map((t) => t.dataset.tab))).toEqual([
    "details",
    "hyperparameters",
    "scalars",
    "plots",
    "samples",
  ]);
  await tab(view, "plots").click();
  const plots = panel(view, "plots").locator(".rc-plots");
  await expect(plots.locator(".rc-error")).toHaveCount(0);
  // Two bars for each of the four runs, in one merged chart titled with the hostile metric as text.
  await expect(plots.locator(".rc-run-marks rect")).toHaveCount(8);
  await expect(plots.getByText("<img src=x onerror=alert(1)>").first()).toBeVisible();
  await plots.locator(".rc-run-marks").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-compare-plots.png") });

  await tab(view, "samples").click();
  const samples = panel(view, "samples").locator(".rc-samples");
  await expect(samples.locator(".rc-error")).toHaveCount(0);
  await expect(samples.locator('.rc-sample-cell[data-decoded="true"]')).toHaveCount(4);
  await expect(samples.getByText("<img src=x onerror=alert(1)>").first()).toBeVisible();
  expect(await page.evaluate(() => document.querySelectorAll(".jp-OutputArea img[src='x']").length)).toBe(0);
  await samples.locator(".rc-sample-cell").last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-compare-samples.png") });
  expect(await execute(page, "print(w.state['tab'])")).toBe("samples\n");
});
