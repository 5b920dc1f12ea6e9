import { test, expect } from "@playwright/test";
import path from "node:path";
import { screenshots } from "../browser/helpers.js";
import { execute, runScalarsNotebook } from "./notebook.js";

/**
 * A view's state goes both ways and outlives the kernel: what its controls change reaches
 * Python as w.state, w.state set from Python changes the view, and the notebook saved with its
 * widget state reopens (no kernel) showing the same state.
 */
test("the view's state reaches Python, is set from Python, and is restored from the saved notebook", async ({ page }) => {
  const view = await runScalarsNotebook(page, "state.ipynb");

  // Python has the whole state from the first draw.
  const keys = JSON.parse(await execute(page, "import json; print(json.dumps(sorted(w.state)))"));
  expect(keys).toEqual(["aggregate", "band", "color", "filter", "groupBy", "hidden", "ignoreOutliers", "smoothing", "smoothingType", "variants", "x", "y"]);

  // The user moves the smoothing slider and picks a log y axis.
  const slider = view.locator("input.rc-smoothing");
  await slider.evaluate((input) => {
    input.value = "0.9";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await view.getByRole("combobox", { name: "y", exact: true }).selectOption("log");
  await expect.poll(async () => execute(page, "print(w.state['smoothing'], w.state['y'])")).toBe("0.9 log\n");

  // Python changes the state: the view shows it.
  await execute(page, "w.state = {**w.state, 'smoothingType': 'gaussian', 'hidden': ['r000']}");
  await expect.poll(() => view.evaluate((element) => [element.state.smoothingType, element.state.hidden])).toEqual(["gaussian", ["r000"]]);
  await expect(view.getByRole("combobox", { name: "smoothing method", exact: true })).toHaveValue("gaussian");
  const shown = await view.evaluate((element) => element.state);

  await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:save"));
  await page.evaluate(() => window.jupyterapp.serviceManager.sessions.shutdownAll());
  await page.goto("/lab/tree/state.ipynb");
  const reopened = page.locator(".jp-OutputArea .rc-scalars");
  await expect.poll(() => reopened.evaluate((element) => element.drawn.frames), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await reopened.evaluate((element) => element.state)).toEqual(shown);
  await expect(reopened.locator("input.rc-smoothing")).toHaveValue("0.9");
  await expect(reopened.getByRole("combobox", { name: "y", exact: true })).toHaveValue("log");
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-state-reopened.png") });
});
