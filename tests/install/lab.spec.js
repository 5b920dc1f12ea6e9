import { test, expect } from "@playwright/test";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { repo, screenshots } from "../browser/helpers.js";
import { execute, kernelIdle } from "../jupyter/notebook.js";

// JupyterLab from the venv the wheel was installed into (not the repo's editable install): three
// views saved with widget state and without it, reopened, exported, and converted to HTML offline.
const venv = process.env.RC_WHEEL_VENV;
const port = Number(process.env.RC_LAB_PORT ?? 8899);
const root = path.join(repo, `tests/output/jupyter-${port}/root`);
const MIME = "application/vnd.runcompare.v1+json";

const CELLS = [
  "import runcompare as rc\nruns, scalars = rc.examples.sweep()",
  'w = rc.parallel(runs, scalars=scalars, metrics=["loss/validation:min", "validation/accuracy"], color="validation/accuracy")\nw',
  'rc.scatter(runs, x="lr", y="loss/validation:min", scalars=scalars, color="batch_size")',
  'rc.values(scalars, runs=runs, summary="max")',
];
const KINDS = ["parallel", "scatter", "values"];

/** Opens JupyterLab (if it is not open) and writes a notebook of CELLS named `name`. */
async function createNotebook(page, name) {
  if (!(await page.evaluate(() => !!window.jupyterapp))) {
    await page.goto("/lab?reset");
    await page.waitForFunction(() => window.jupyterapp);
    await page.evaluate(() => window.jupyterapp.restored);
  }
  const cells = CELLS.map((source) => ({ cell_type: "code", source, metadata: {}, outputs: [], execution_count: null }));
  const content = { cells, metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } }, nbformat: 4, nbformat_minor: 5 };
  await page.evaluate(async ({ name, content }) => window.jupyterapp.serviceManager.contents.save(name, { type: "notebook", format: "json", content }), {
    name,
    content,
  });
}

const readNotebook = async (page, name) =>
  JSON.parse(
    await page.evaluate(
      async (name) => (await window.jupyterapp.serviceManager.contents.get(name, { content: true, type: "file", format: "text" })).content,
      name,
    ),
  );

const runcompareOutputs = (notebook) => notebook.cells.flatMap((cell) => cell.outputs ?? []).filter((output) => output.data?.[MIME]);
const joined = (value) => (Array.isArray(value) ? value.join("") : (value ?? ""));

async function openAndRun(page, name) {
  await page.goto(`/lab/tree/${name}?reset`);
  await page.locator(".jp-Notebook").waitFor();
  await kernelIdle(page);
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  for (const kind of KINDS) await expect(page.locator(`.jp-OutputArea .rc-view.rc-${kind}`)).toHaveCount(1);
  await kernelIdle(page);
}

/** Saves until every view's output carries its picture (each is taken once its view has drawn). */
async function saveWithPictures(page, name) {
  await expect
    .poll(async () => {
      await page.evaluate(() => window.jupyterapp.commands.execute("docmanager:save"));
      return runcompareOutputs(await readNotebook(page, name)).filter((output) =>
        /<img[^>]+src="data:image\/webp;base64,/.test(joined(output.data["text/html"])),
      ).length;
    })
    .toBe(KINDS.length);
  return readNotebook(page, name);
}

async function reopen(page, name) {
  await page.evaluate(() => window.jupyterapp.serviceManager.sessions.shutdownAll());
  await page.goto(`/lab/tree/${name}?reset`);
  await page.locator(".jp-Notebook").waitFor();
}

/** Each view's output in turn, scrolled into sight, photographed. */
async function photographOutputs(page, selector, file) {
  const outputs = page.locator(selector);
  for (let i = 0; i < (await outputs.count()); i++) {
    await outputs.nth(i).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, `${file}-${i + 1}.png`) });
  }
}

const setSaveState = (page, saveState) =>
  page.evaluate((raw) => window.jupyterapp.serviceManager.settings.save("@jupyter-widgets/jupyterlab-manager:plugin", raw), JSON.stringify({ saveState }));

test("runcompare runs from the installed wheel, with its JupyterLab extension installed by pip", async ({ page }) => {
  const { stdout, stderr } = spawnSync(path.join(venv, "bin/jupyter"), ["labextension", "list"], { encoding: "utf-8" });
  expect(stripVTControlCharacters(stdout + stderr)).toMatch(/runcompare v\d+\.\d+\.\d+ enabled\s+OK \(python, runcompare\)/);
  await createNotebook(page, "where.ipynb");
  await page.goto("/lab/tree/where.ipynb?reset");
  await kernelIdle(page);
  const file = (await execute(page, "import runcompare\nprint(runcompare.__file__)")).trim();
  expect(file.startsWith(path.join(venv, "lib"))).toBe(true);
});

// webpack.lab.cjs: without the hint a view's first drawing compiles its code on the main thread.
test("the extension's scripts ask Chromium to compile them as they load", () => {
  const extension = path.join(venv, "share/jupyter/labextensions/runcompare/static");
  const scripts = fs.readdirSync(extension).filter((name) => /^(\d+|remoteEntry)\..*\.js$/.test(name));
  expect(scripts.length).toBeGreaterThan(2);
  const firstLine = (name) => fs.readFileSync(path.join(extension, name), "utf-8").split("\n", 1)[0];
  for (const name of scripts) expect({ name, line: firstLine(name) }).toEqual({ name, line: "//# allFunctionsCalledOnLoad" });
});

test("three views saved with widget state cost their data and under 10 KB each, and reopen live", async ({ page }) => {
  await createNotebook(page, "three.ipynb");
  await openAndRun(page, "three.ipynb");
  const saved = await saveWithPictures(page, "three.ipynb");

  const bytes = Buffer.byteLength(fs.readFileSync(path.join(root, "three.ipynb")));
  const models = Object.values(saved.metadata.widgets["application/vnd.jupyter.widget-state+json"].state);
  const data = models.flatMap((model) => model.buffers ?? []).reduce((sum, buffer) => sum + buffer.data.length, 0);
  console.log(
    `three views saved with widget state: ${bytes} bytes, of which ${data} are the tables (base64): ${((bytes - data) / 3 / 1000).toFixed(1)} KB a view besides`,
  );
  expect(bytes).toBeLessThan(data + 30_000);
  // The code is in none of it: each model names the 1.4 KB loader, the outputs hold a picture and a line.
  const views = models.filter((model) => model.model_name === "AnyModel");
  expect(views.map((model) => model.state.view).sort()).toEqual([...KINDS].sort());
  for (const model of views) expect(model.state._esm.length).toBeLessThan(2_000);
  const lines = runcompareOutputs(saved).map((output) => joined(output.data["text/plain"]));
  expect(lines[0]).toBe("runcompare parallel: 96 runs x 7 axes. Run the cell with runcompare installed to see the live view.");
  expect(lines[1]).toMatch(/^runcompare scatter: 96 runs, loss\/validation \(min\) against params\.lr\. /);
  expect(lines[2]).toMatch(/^runcompare values: 96 runs\. /);

  // Reopened (a new kernel, nothing run), the views come back live from the saved state.
  await reopen(page, "three.ipynb");
  await kernelIdle(page);
  await expect.poll(() => page.locator(".jp-OutputArea .rc-parallel").evaluate((view) => view.drawn.lines)).toBe(96);
  await expect.poll(() => page.locator(".jp-OutputArea .rc-scatter").evaluate((view) => view.drawn.points)).toBe(96);
  await expect(page.locator(".jp-OutputArea .rc-values")).toBeVisible();
  await expect(page.locator(".jp-OutputArea .rc-saved")).toHaveCount(0);
  await expect(page.getByText("model not found")).toHaveCount(0);
  await photographOutputs(page, ".jp-OutputArea .rc-view", "saved-with-state-reopened");
});

test("saved under JupyterLab's defaults (no widget state), each view reopens as its picture and line, and comes back when run", async ({ page }) => {
  await createNotebook(page, "defaults.ipynb");
  await setSaveState(page, false);
  try {
    await openAndRun(page, "defaults.ipynb");
    const saved = await saveWithPictures(page, "defaults.ipynb");
    expect(saved.metadata.widgets).toBeUndefined();
    const bytes = fs.statSync(path.join(root, "defaults.ipynb")).size;
    console.log(`three views saved without widget state: ${bytes} bytes`);
    expect(bytes).toBeLessThan(30_000);

    await reopen(page, "defaults.ipynb");
    const figures = page.locator(".jp-OutputArea .rc-saved");
    await expect(figures).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await figures.nth(i).scrollIntoViewIfNeeded();
      await expect
        .poll(() =>
          figures
            .nth(i)
            .locator("img")
            .evaluate((img) => img.complete && img.naturalWidth),
        )
        .toBeGreaterThan(100);
    }
    await expect(figures.nth(0)).toContainText("runcompare parallel: 96 runs x 7 axes. Run the cell with runcompare installed to see the live view.");
    await expect(figures.nth(1)).toContainText("runcompare scatter: 96 runs");
    await expect(figures.nth(2)).toContainText("runcompare values: 96 runs");
    await expect(page.getByText("model not found")).toHaveCount(0);
    await photographOutputs(page, ".jp-OutputArea .rc-saved", "saved-defaults-reopened");

    await kernelIdle(page);
    await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
    await expect.poll(() => page.locator(".jp-OutputArea .rc-parallel").evaluate((view) => view.drawn.lines)).toBe(96);
    await expect(page.locator(".jp-OutputArea .rc-view")).toHaveCount(3);
    await expect(figures).toHaveCount(0);
  } finally {
    await setSaveState(page, true);
  }
});

test("nbconvert turns the saved notebook into HTML that shows each view offline", async ({ page, context }) => {
  const jupyter = path.join(venv, "bin/jupyter");
  // Saved without widget state as is; with it, nbconvert would reach for a widget manager online
  // unless told to drop the notebook's metadata, as the README says.
  execFileSync(jupyter, ["nbconvert", "--to", "html", "--output", "defaults-page", path.join(root, "defaults.ipynb")], { stdio: "pipe" });
  execFileSync(jupyter, ["nbconvert", "--to", "html", "--ClearMetadataPreprocessor.enabled=True", "--output", "three-page", path.join(root, "three.ipynb")], {
    stdio: "pipe",
  });
  const reached = [];
  await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : (reached.push(route.request().url()), route.abort())));
  for (const name of ["defaults-page", "three-page"]) {
    await page.goto(`file://${path.join(root, `${name}.html`)}`);
    const figures = page.locator("figure");
    await expect(figures).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await figures.nth(i).scrollIntoViewIfNeeded();
      expect(
        await figures
          .nth(i)
          .locator("img")
          .evaluate((img) => img.complete && img.naturalWidth),
      ).toBeGreaterThan(100);
      await expect(figures.nth(i).locator("figcaption")).toContainText(`runcompare ${KINDS[i]}: 96 runs`);
    }
    await figures.nth(0).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, `nbconvert-${name}.png`) });
  }
  // nbconvert's own page asks for MathJax online; nothing of runcompare's is among what was asked.
  expect(reached.filter((url) => /runcompare|anywidget|jupyter-widgets|unpkg|jsdelivr/.test(url))).toEqual([]);
});

test("the toolbar, the context menu and w.save() export alike: next to the notebook, named after it and the view, with a notice", async ({ page }) => {
  await createNotebook(page, "exports.ipynb");
  await openAndRun(page, "exports.ipynb");
  const scatter = page.locator(".jp-OutputArea .rc-scatter");
  const notice = (view) => view.locator(".rc-export-notice");
  const exists = (name) =>
    page.evaluate(
      async (name) =>
        window.jupyterapp.serviceManager.contents.get(name, { content: false }).then(
          () => true,
          () => false,
        ),
      name,
    );

  await scatter.scrollIntoViewIfNeeded();
  await scatter.getByRole("button", { name: "PNG" }).click();
  await expect(notice(scatter)).toHaveText("Saved exports-scatter.png next to exports.ipynb");
  await expect.poll(() => exists("exports-scatter.png")).toBe(true);
  await page.screenshot({ path: path.join(screenshots, "export-notice.png") });

  await scatter.locator(".rc-plot").click({ button: "right" });
  await page.locator(".lm-Menu-item", { hasText: "Export view as PNG" }).click();
  await expect(notice(scatter)).toHaveText("Saved exports-scatter-2.png next to exports.ipynb");

  expect(await execute(page, 'w.save("csv")')).toBe("");
  const parallel = page.locator(".jp-OutputArea .rc-parallel");
  await expect(notice(parallel)).toHaveText("Saved exports-parallel.csv next to exports.ipynb");
  const csv = fs.readFileSync(path.join(root, "exports-parallel.csv"), "utf-8");
  expect(csv.trim().split("\r\n")).toHaveLength(97);
  const png = fs.readFileSync(path.join(root, "exports-scatter.png"));
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  // At the default export scale, two pixels a CSS pixel.
  const width = png.readUInt32BE(16);
  const svgWidth = await scatter.evaluate((view) =>
    Number(new DOMParser().parseFromString(view.exportSVG(), "image/svg+xml").documentElement.getAttribute("width")),
  );
  expect(width).toBe(svgWidth * 2);
});
