import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { repo } from "../browser/helpers.js";
import { execute, runScalarsNotebook } from "./notebook.js";

// Python's w.save(): with the view shown, the page exports what it shows and the kernel writes the
// file; a view no page shows is drawn by the headless renderer, the same figure.
const port = Number(process.env.RC_LAB_PORT ?? 8899);
const root = path.join(repo, `tests/output/jupyter-${port}/root`);
const SETUP = 'import runcompare as rc\nruns, scalars = rc.examples.sweep()\nw = rc.scalars(scalars, runs=runs, metrics=["loss"], smoothing=0.8)\nw';

/** The marks and words of an SVG file: its lines' paths, per stroke colour, and its texts. */
async function figure(page, file) {
  return page.evaluate(
    (svg) => {
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      const lines = [...doc.querySelectorAll("g.lines path[stroke]")].map((p) => p.getAttribute("stroke")).sort();
      const texts = [...doc.querySelectorAll("text")].map((t) => t.textContent).filter((t) => /[a-z]/.test(t));
      return { lines, texts: [...new Set(texts)].sort(), root: doc.documentElement.localName };
    },
    fs.readFileSync(file, "utf-8"),
  );
}

test("w.save() writes the shown view's export through the page, and the headless renderer writes the same figure with no page", async ({ page }) => {
  for (const file of ["shown.svg", "shown.pdf", "headless.svg"]) fs.rmSync(path.join(root, file), { force: true });
  const cells = [{ cell_type: "code", source: SETUP, metadata: {}, outputs: [], execution_count: null }];
  const content = { cells, metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } }, nbformat: 4, nbformat_minor: 5 };
  await page.goto("/lab?reset");
  await page.waitForFunction(() => window.jupyterapp);
  await page.evaluate(() => window.jupyterapp.restored);
  await page.evaluate(async (content) => window.jupyterapp.serviceManager.contents.save("save.ipynb", { type: "notebook", format: "json", content }), content);
  await runScalarsNotebook(page, "save.ipynb");

  // Shown: the page told the kernel so; it answers once the cell has finished, and the kernel writes the files.
  expect(await execute(page, "print(w._shown)")).toBe("1\n");
  expect(await execute(page, 'print(w.save("shown.svg", title="Loss"), w.save("shown.pdf"))')).toBe("shown.svg shown.pdf\n");
  await expect.poll(() => fs.existsSync(path.join(root, "shown.svg")) && fs.existsSync(path.join(root, "shown.pdf")), { timeout: 30_000 }).toBe(true);
  const shown = await figure(page, path.join(root, "shown.svg"));
  expect(shown.texts).toContain("Loss");
  expect(fs.readFileSync(path.join(root, "shown.pdf")).subarray(0, 5).toString()).toBe("%PDF-");

  // The same view with no page: drawn headless before save returns.
  const printed = await execute(page, 'v = rc.scalars(scalars, runs=runs, metrics=["loss"], smoothing=0.8)\nprint(v.save("headless.svg", title="Loss"))');
  expect(printed).toBe("headless.svg\n");
  const headless = await figure(page, path.join(root, "headless.svg"));
  expect(headless.root).toBe("svg");
  expect(headless.lines).toEqual(shown.lines);
  expect(headless.texts).toEqual(shown.texts);
  expect(shown.lines.length).toBeGreaterThanOrEqual(2 * 96);
});
