import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { exampleRuns, repo, screenshots } from "./helpers.js";

const runs = exampleRuns();

test("rc.to_html makes a page that draws the view with nothing fetched", async ({ page }) => {
  const file = path.join(repo, "tests/output/standalone.html");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const script = `import pyarrow as pa, runcompare as rc
runs = pa.ipc.open_file("examples/data/runs.arrow").read_all()
rc.to_html(runs, path=${JSON.stringify(file)}, title="MLP sweep", color="validation/accuracy")`;
  execFileSync(path.join(repo, ".venv/bin/python"), ["-c", script], { cwd: repo });
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`file://${file}`);
  const view = page.locator(".rc-parallel");
  await expect.poll(() => view.evaluate((element) => element.drawn.lines)).toBe(runs.length);
  await expect(page).toHaveTitle("MLP sweep");
  expect(requests.filter((url) => !url.startsWith("file:") && !url.startsWith("blob:") && !url.startsWith("data:"))).toEqual([]);
  await page.screenshot({ path: path.join(screenshots, "standalone-html.png") });
});

test("a page from rc.to_html says what browser it needs where the browser cannot inflate its data", async ({ page }) => {
  const file = path.join(repo, "tests/output/standalone-old-browser.html");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const script = `import pyarrow as pa, runcompare as rc
rc.to_html(pa.ipc.open_file("examples/data/runs.arrow").read_all(), path=${JSON.stringify(file)})`;
  execFileSync(path.join(repo, ".venv/bin/python"), ["-c", script], { cwd: repo });
  await page.addInitScript(() => delete window.DecompressionStream);
  await page.goto(`file://${file}`);
  await expect(page.getByText("This page needs a browser from 2023 or later (Chrome 80, Firefox 113, Safari 16.4)", { exact: false })).toBeVisible();
  await expect(page.locator(".rc-view")).toHaveCount(0);
});

test("a notebook with rc.display output, executed and exported to HTML by nbconvert, shows the view's line and carries no code", async ({ page }) => {
  const folder = path.join(repo, "tests/output/nbconvert");
  fs.mkdirSync(folder, { recursive: true });
  const runsFile = path.join(repo, "examples/data/runs.arrow");
  const script = `import nbformat
code = 'import pyarrow as pa, runcompare as rc\\nrc.display(pa.ipc.open_file(${JSON.stringify(runsFile)}).read_all(), color="validation/accuracy")'
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
nbformat.write(nb, ${JSON.stringify(path.join(folder, "display.ipynb"))})`;
  execFileSync(path.join(repo, ".venv/bin/python"), ["-c", script]);
  execFileSync(path.join(repo, ".venv/bin/jupyter"), ["nbconvert", "--to", "html", "--execute", path.join(folder, "display.ipynb")], { stdio: "pipe" });
  // No page drew the view while the notebook ran, so there is no picture (JupyterLab adds one when
  // it saves the notebook: tests/install/lab.spec.js); the line says what the view is.
  const html = fs.readFileSync(path.join(folder, "display.html"), "utf-8");
  expect(html).not.toContain("runcompare.page");
  expect(html.length).toBeLessThan(400_000);
  await page.goto(`file://${path.join(folder, "display.html")}`);
  await expect(
    page.getByText(`runcompare parallel: ${runs.length} runs (open the notebook in JupyterLab with runcompare installed to see the view)`),
  ).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, "nbconvert-html.png") });
});
