import { test, expect } from "@playwright/test";
import path from "node:path";
import { screenshots } from "../browser/helpers.js";

async function fileText(page, path) {
  return page.evaluate(
    async (path) => (await window.jupyterapp.serviceManager.contents.get(path, { content: true, type: "file", format: "text" })).content,
    path,
  );
}

test("a view made with store=False draws, is saved without its data, and asks for a re-run when reopened", async ({ page }) => {
  await page.goto("/lab/tree/unstored.ipynb?reset");
  await page.locator(".jp-Notebook").waitFor();
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === "idle");
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  const view = page.locator(".jp-OutputArea .rc-scalars");
  await expect.poll(() => view.evaluate((element) => element.drawn.frames)).toBeGreaterThan(0);
  await expect(page.locator(".jp-OutputArea .rc-loading")).toHaveCount(0);
  await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:save"));

  // The widget state is saved (this Lab saves it), without the tables.
  const saved = JSON.parse(await fileText(page, "unstored.ipynb"));
  const states = Object.values(saved.metadata.widgets["application/vnd.jupyter.widget-state+json"].state).map((model) => model.state);
  const state = states.find((state) => state.view === "scalars");
  expect(state.stored).toBe(false);
  expect(state.runs ?? "").toBe("");
  expect(JSON.stringify(saved).length).toBeLessThan(30_000); // neither the 400 KB of scalars nor the view code

  await page.evaluate(() => window.jupyterapp.serviceManager.sessions.shutdownAll());
  await page.goto("/lab/tree/unstored.ipynb");
  await expect(page.locator(".jp-OutputArea .rc-loading")).toContainText("run the cell again", { timeout: 30_000 });
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-unstored-reopened.png") });
});
