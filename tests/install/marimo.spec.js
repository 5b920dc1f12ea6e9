import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { repo, screenshots } from "../browser/helpers.js";
import { brushAccuracy } from "../jupyter/notebook.js";

// marimo from the venv the wheel was installed into: no JupyterLab extension there, so the view
// code comes from the kernel. The notebook (sweep_marimo.py) writes each selection to a file.
const work = path.join(repo, `tests/output/marimo-${Number(process.env.RC_MARIMO_PORT ?? 8895)}`);
const read = (name) => (fs.existsSync(path.join(work, name)) ? fs.readFileSync(path.join(work, name), "utf-8") : null);

test("in marimo the parallel view draws, with its code from the kernel, and a brush reaches Python", async ({ page }) => {
  await page.goto("/");
  const view = page.locator(".rc-parallel");
  await expect.poll(() => view.evaluate((element) => element.drawn.lines), { timeout: 60_000 }).toBe(96);
  expect(read("runcompare-path.txt")).toContain(path.join(process.env.RC_WHEEL_VENV, "lib"));

  const expected = await brushAccuracy(page, view);
  await expect.poll(() => JSON.parse(read("selected.json") ?? "[]")).toEqual(expected);
  await page.screenshot({ path: path.join(screenshots, "marimo-brushed.png") });
});
