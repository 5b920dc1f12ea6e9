import { test, expect } from "@playwright/test";
import path from "node:path";
import { screenshots } from "../browser/helpers.js";
import { execute, kernelIdle } from "./notebook.js";

/**
 * A cell trains a small model in threads (three learning rates, each epoch's loss and accuracy
 * written to a scalars file) while rc.follow's view follows the file: the curves grow in place,
 * with the smoothing the user set, and a status line says when the view last updated.
 */
test("a view follows a model training in a thread, growing in place", async ({ page }) => {
  await page.goto("/lab/tree/live.ipynb?reset");
  await page.locator(".jp-Notebook").waitFor();
  await kernelIdle(page);
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  const view = page.locator(".jp-OutputArea .rc-scalars");
  await expect.poll(() => view.evaluate((element) => element.drawn.frames)).toBeGreaterThan(0);
  const rows = () => view.evaluate((element) => element.exportCSV().trim().split("\n").length - 1);
  const early = await rows();
  // The user smooths the curves while they grow.
  await view.locator("input.rc-smoothing").evaluate((input) => {
    input.value = "0.7";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-live-before.png") });

  // Training ends after 40 epochs; every point reaches the view, once.
  await expect.poll(rows, { timeout: 60_000 }).toBe(3 * 2 * 40);
  expect(early).toBeLessThan(3 * 2 * 40);
  const element = await view.evaluate((element) => ({
    smoothing: element.state.smoothing,
    charts: element.drawn.charts.map((chart) => [chart.title, chart.lines]),
  }));
  expect(element.smoothing).toBe(0.7);
  expect(element.charts.sort()).toEqual([
    ["accuracy", 3],
    ["loss", 3],
  ]);
  await expect(page.locator(".jp-OutputArea .rc-note")).toContainText(/^following, last updated \d\d:\d\d:\d\d \(\d+ polls\)$/);
  const steps = await view.evaluate((element) => element.exportCSV());
  for (const lr of ["0.01", "0.1", "1.0"]) expect(steps.split("\n").filter((line) => line.includes(`lr=${lr}`) && line.includes("loss"))).toHaveLength(40);
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-live-after.png") });

  await kernelIdle(page);
  expect(await execute(page, "w.follow.stop(); w.follow.join(5); print(w.follow.running, w.follow.stopped_because)")).toBe("False stopped\n");
  await expect(page.locator(".jp-OutputArea .rc-note")).toContainText("stopped: stopped");
});
