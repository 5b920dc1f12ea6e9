import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { exampleRuns, screenshots } from "../browser/helpers.js";

// On a page with no notebook, the toolbar's exports are downloads named after the page and the
// view, and the view says what it downloaded (JupyterLab writes next to the notebook instead:
// tests/install/lab.spec.js).
const runs = exampleRuns();

test("the toolbar downloads SVG, PNG and CSV named after the page and the view, and says so", async ({ page }) => {
  await page.goto("/examples/parallel.html");
  const view = page.locator(".rc-parallel");
  await expect.poll(() => view.evaluate((element) => element.drawn.lines)).toBe(runs.length);
  const files = {};
  for (const format of ["SVG", "PNG", "CSV"]) {
    const download = page.waitForEvent("download");
    await view.getByRole("button", { name: format, exact: true }).click();
    const file = await download;
    const name = `parallel-parallel.${format.toLowerCase()}`;
    expect(file.suggestedFilename()).toBe(name);
    await expect(view.locator(".rc-export-notice")).toHaveText(`Downloaded ${name}`);
    files[format] = fs.readFileSync(await file.path());
  }
  await page.screenshot({ path: path.join(screenshots, "export-download-notice.png") });
  expect(files.SVG.toString()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(files.PNG.subarray(1, 4).toString()).toBe("PNG");
  expect(files.CSV.toString().trim().split("\r\n")).toHaveLength(runs.length + 1);
  // The notice goes after a while.
  await expect(view.locator(".rc-export-notice")).toHaveCount(0, { timeout: 15_000 });
});
