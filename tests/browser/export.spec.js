import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { darkPage, exampleRuns, repo, screenshots } from "../browser/helpers.js";

const HOSTILE = "<img src=x onerror=alert(1)>";

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
  // The Export… panel in the light theme, to look at (the dark one: below).
  await view.getByText("Export…", { exact: true }).click();
  await expect(view.getByRole("dialog", { name: "Export the figure" })).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, "export-dialog-light.png") });
  await page.keyboard.press("Escape");
  expect(files.SVG.toString()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(files.PNG.subarray(1, 4).toString()).toBe("PNG");
  expect(files.CSV.toString().trim().split("\r\n")).toHaveLength(runs.length + 1);
  // The notice goes after a while.
  await expect(view.locator(".rc-export-notice")).toHaveCount(0, { timeout: 15_000 });
});

test("Export… saves what the options in its panel say, as w.save() with them does; it works by keyboard and in the dark theme", async ({ page }) => {
  await darkPage(page);
  await page.goto("/examples/scatter.html");
  const view = page.locator(".rc-scatter");
  await expect.poll(() => view.evaluate((element) => element.drawn?.points ?? element.querySelectorAll("canvas").length)).toBeGreaterThan(0);
  const summary = view.getByText("Export…", { exact: true });
  await summary.click();
  const form = view.getByRole("dialog", { name: "Export the figure" });
  await expect(form).toBeVisible();
  // One field per option of schema/export.json, its name as the label.
  const schema = JSON.parse(fs.readFileSync(path.join(repo, "schema/export.json"), "utf8"));
  const labels = await form.locator(".rc-export-field > span").allTextContents();
  expect(labels).toEqual(["format", ...Object.keys(schema.properties).map((key) => key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`))]);
  await form.getByLabel("width").fill("4");
  await form.getByLabel("unit").selectOption({ label: "in" });
  await form.getByLabel("title").fill(HOSTILE);
  await form.getByLabel("legend").selectOption({ label: "right" });
  await form.getByLabel("palette").selectOption({ label: "colorblind" });
  await form.getByLabel("font size").fill("9");
  await page.screenshot({ path: path.join(screenshots, "export-dialog-dark.png") });
  // Colours readable in the dark theme: the labels light on the panel's dark background.
  const colors = await form.evaluate((element) => ({
    background: getComputedStyle(element).backgroundColor,
    label: getComputedStyle(element.querySelector(".rc-export-field")).color,
  }));
  expect(colors.background).toBe("rgb(30, 30, 30)");
  expect(colors.label).toBe("rgba(255, 255, 255, 0.87)");
  const download = page.waitForEvent("download");
  await form.getByRole("button", { name: "Save" }).click();
  const saved = fs.readFileSync(await (await download).path(), "utf8");
  // What w.save("x.svg", width=4, unit="in", ...) through the page writes: the same publication of the same export.
  const expected = await view.evaluate(async (element, title) => {
    const rc = await import("/dist/runcompare.js");
    return rc.publish(element.exportSVG(), rc.publication({ width: 4, unit: "in", title, legend: "right", palette: "colorblind", fontSize: 9 }));
  }, HOSTILE);
  expect(saved).toBe(expected);
  expect(saved).toContain('width="4in"');
  expect(saved).not.toContain("<img");
  await expect(form).toBeHidden();
  // A bad value: the schema's words in the panel, nothing saved; Escape closes it and gives the focus back.
  await summary.click();
  await form.getByLabel("font size").fill("400");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toHaveText(/fontSize must be/);
  await form.getByLabel("font size").press("Escape");
  await expect(form).toBeHidden();
  await expect(summary).toBeFocused();
});
