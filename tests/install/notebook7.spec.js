import { test, expect } from "@playwright/test";
import path from "node:path";
import { screenshots } from "../browser/helpers.js";
import { brushAccuracy, execute, kernelIdle, pythonList } from "../jupyter/notebook.js";

// Notebook 7 from the venv the wheel was installed into: the quickstart's view draws and a brush reaches Python.
test("in Notebook 7 the quickstart's parallel view draws, and a brush reaches Python", async ({ page }) => {
  await page.goto("/notebooks/quickstart.ipynb");
  await page.locator(".jp-Notebook").waitFor();
  await kernelIdle(page);
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  const view = page.locator(".jp-OutputArea .rc-parallel");
  await expect.poll(() => view.evaluate((element) => element.drawn.lines)).toBe(96);
  for (const kind of ["scalars", "scatter", "values", "summary", "diff"]) await expect(page.locator(`.jp-OutputArea .rc-view.rc-${kind}`)).toHaveCount(1);
  await kernelIdle(page);

  const expected = await brushAccuracy(page, view);
  await expect.poll(async () => (await execute(page, "print(sorted(w.selected))")).trim()).toBe(pythonList(expected));
  await page.screenshot({ path: path.join(screenshots, "notebook7-brushed.png") });
});
