import { test, expect } from "@playwright/test";
import path from "node:path";
import { exampleRuns, screenshots } from "../browser/helpers.js";

const runs = exampleRuns();

/** Waits until JupyterLab has started and restored its layout, so every command is registered. */
async function app(page) {
  await page.waitForFunction(() => window.jupyterapp);
  await page.evaluate(() => window.jupyterapp.restored);
}

/** Opens a file the way a person does: double-click through the file browser. */
async function openFromFileBrowser(page, folder, file) {
  const item = (name) => page.locator(".jp-DirListing-item", { has: page.locator(".jp-DirListing-itemText", { hasText: new RegExp(`^${name}$`) }) });
  await item(folder).dblclick();
  await item(file).dblclick();
}

const documentView = (page) => page.locator(".jp-MainAreaWidget:not(.lm-mod-hidden) .rc-document .rc-parallel");

async function fileText(page, path) {
  return page.evaluate(
    async (path) => (await window.jupyterapp.serviceManager.contents.get(path, { content: true, type: "file", format: "text" })).content,
    path,
  );
}

test("a runs file opens from the file browser as a comparison, Arrow and Parquet alike", async ({ page }) => {
  await page.goto("/lab?reset");
  await app(page);
  await openFromFileBrowser(page, "data", "runs.arrow");
  await expect(documentView(page)).toBeVisible();
  await expect.poll(() => documentView(page).evaluate((view) => view.drawn.lines)).toBe(runs.length);
  await expect(page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")).toContainText("runs.arrow");
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-runs-file.png") });

  await page.locator(".jp-DirListing-item", { hasText: "runs.parquet" }).dblclick();
  await expect(page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")).toContainText("runs.parquet");
  await expect.poll(() => documentView(page).evaluate((view) => view.drawn.lines)).toBe(runs.length);

  // A scalars file opens as learning curves, and can switch to the values table.
  await page.locator(".jp-DirListing-item", { hasText: "scalars.arrow" }).dblclick();
  await expect(page.locator(".jp-MainAreaWidget:not(.lm-mod-hidden) .rc-document .rc-scalars")).toBeVisible();
  await page.locator(".jp-MainAreaWidget:not(.lm-mod-hidden) .jp-Toolbar select").selectOption("Values table");
  await expect(page.locator(".jp-MainAreaWidget:not(.lm-mod-hidden) .rc-document .rc-values")).toBeVisible();
  await expect(page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current")).toContainText("scalars.arrow");
  await page.locator("#jp-main-dock-panel .lm-TabBar-tab", { hasText: "runs.parquet" }).click();

  // The export command writes next to the file; the file browser lists it.
  const written = await page.evaluate(() => window.jupyterapp.commands.execute("runcompare:export-svg"));
  expect(written).toBe("data/runs-parallel.svg");
  await expect(page.locator(".jp-DirListing-item", { hasText: "runs-parallel.svg" })).toBeVisible();
  const svg = await fileText(page, written);
  const paths = await page.evaluate((text) => new DOMParser().parseFromString(text, "image/svg+xml").querySelectorAll("path[data-run-id]").length, svg);
  expect(paths).toBe(runs.length);
  const csvPath = await page.evaluate(() => window.jupyterapp.commands.execute("runcompare:export-csv"));
  expect((await fileText(page, csvPath)).trim().split("\r\n")).toHaveLength(runs.length + 1);
  // A second export does not overwrite the first.
  expect(await page.evaluate(() => window.jupyterapp.commands.execute("runcompare:export-svg"))).toBe("data/runs-parallel-2.svg");
});

test("a file that fits neither contract says so", async ({ page }) => {
  await page.goto("/lab?reset");
  await app(page);
  await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:open", { path: "data/other.arrow" }));
  await expect(page.locator(".jp-MainAreaWidget:not(.lm-mod-hidden) .rc-error")).toHaveText(
    'this table is neither runs nor scalars (columns: a, b): a runs table needs a "run_id" column; a scalars table needs "run_id", "metric", "step" and "value".',
  );
  await page.evaluate(async () => {
    const contents = window.jupyterapp.serviceManager.contents;
    await contents.save("data/notes.arrow", { type: "file", format: "base64", content: btoa("not arrow at all") });
  });
  await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:open", { path: "data/notes.arrow" }));
  const error = page.locator(".jp-MainAreaWidget:not(.lm-mod-hidden) .rc-error");
  await expect(error).toContainText("the file is not a readable Arrow IPC stream or file");
});

test("a view shown as output renders again from the saved notebook, with the kernel shut down", async ({ page }) => {
  await page.goto("/lab/tree/display.ipynb?reset");
  await app(page);
  await page.locator(".jp-Notebook").waitFor();
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === "idle");
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  const output = page.locator(".jp-OutputArea .rc-parallel");
  await expect.poll(() => output.evaluate((view) => view.drawn.lines)).toBe(runs.length);
  await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:save"));
  await page.evaluate(() => window.jupyterapp.serviceManager.sessions.shutdownAll());

  // The saved notebook holds the view's data; the kernel never runs the cell again.
  const saved = JSON.parse(await fileText(page, "display.ipynb"));
  const bundle = saved.cells[0].outputs[0].data["application/vnd.runcompare.v1+json"];
  expect(bundle.view).toBe("parallel");
  expect(bundle.runs.length).toBeGreaterThan(1000);

  await page.reload();
  await app(page);
  await expect.poll(() => page.locator(".jp-OutputArea .rc-parallel").evaluate((view) => view.drawn.lines)).toBe(runs.length);
  await expect(page.locator(".jp-OutputArea .rc-legend-title")).toHaveText("validation/accuracy");
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-mime-output.png") });
});
