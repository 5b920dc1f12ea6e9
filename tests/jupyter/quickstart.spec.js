import { test, expect } from "@playwright/test";
import path from "node:path";
import { exampleRuns, screenshots } from "../browser/helpers.js";
import { brushAccuracy, execute, pythonList } from "./notebook.js";

const runs = exampleRuns();
const accuracy = "metrics.validation/accuracy";

const view = (page) => page.locator(".jp-OutputArea .rc-parallel");
const drawn = (page) => view(page).evaluate((element) => element.drawn);

test("the quickstart notebook runs and its widget talks both ways with Python", async ({ page }) => {
  await page.goto("/lab/tree/quickstart.ipynb?reset");
  await page.waitForFunction(() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel);
  await page.locator(".jp-Notebook").waitFor();
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === "idle");
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));

  // The widget appears with one line per run.
  await expect(view(page)).toBeVisible();
  await expect.poll(async () => (await drawn(page)).lines).toBe(runs.length);

  // Every view of the notebook draws, and no cell failed.
  for (const kind of ["parallel", "scalars", "scatter", "values", "summary", "diff"]) {
    await expect(page.locator(`.jp-OutputArea .rc-view.rc-${kind}`)).toHaveCount(1);
  }
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === "idle");
  await expect(page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')).toHaveCount(0);
  await expect(page.locator(".jp-OutputArea .rc-error")).toHaveCount(0);
  await page.locator(".jp-OutputArea .rc-scalars").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-curves.png") });

  // The cell after the widget set w.selected to the five best runs: they are highlighted.
  const best = [...runs]
    .sort((a, b) => b[accuracy] - a[accuracy])
    .slice(0, 5)
    .map((run) => run.run_id)
    .sort();
  await expect.poll(async () => (await drawn(page)).emphasised).toBe(5);
  expect(await view(page).evaluate((element) => [...element.value].sort())).toEqual(best);
  await view(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-quickstart.png") });

  // Setting the selection from Python highlights other runs.
  const firstThree = runs.slice(0, 3).map((run) => run.run_id);
  expect(await execute(page, `w.selected = ${JSON.stringify(firstThree)}`)).toBe("");
  await expect.poll(async () => (await drawn(page)).emphasised).toBe(3);

  // A brush in the view reaches Python.
  const expected = await brushAccuracy(page, view(page));
  await expect.poll(async () => (await execute(page, "print(sorted(w.selected))")).trim()).toBe(pythonList(expected));
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-brushed.png") });
});
