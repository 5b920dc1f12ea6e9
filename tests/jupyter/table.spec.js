import { test, expect } from "@playwright/test";
import { changeTheme, execute } from "./notebook.js";
import path from "node:path";
import { exampleRuns, screenshots } from "../browser/helpers.js";

const runs = exampleRuns();
const ACCURACY = "metrics.validation/accuracy";
const CODE = `import pyarrow as pa, runcompare as rc
runs = pa.ipc.open_file("data/runs.arrow").read_all()
scalars = pa.ipc.open_file("data/scalars.arrow").read_all()
w = rc.table(runs, scalars, sort="-validation/accuracy", columns=["status", "params.lr", "params.hidden", "validation/accuracy", "loss/validation:min"])
w`;

const idle = (page) => page.waitForFunction(() => window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === "idle");
const python = (ids) => `[${ids.map((id) => `'${id}'`).join(", ")}]`;

test("the runs table in a notebook: rows checked in the view reach w.selected, and w.selected set in Python checks rows", async ({ page }) => {
  await page.goto("/lab");
  await page.waitForFunction(() => window.jupyterapp?.serviceManager);
  await page.evaluate(async (code) => {
    const kernelspec = { name: "python3", display_name: "Python 3", language: "python" };
    const cell = { cell_type: "code", execution_count: null, metadata: {}, outputs: [], source: code };
    const content = { cells: [cell], metadata: { kernelspec }, nbformat: 4, nbformat_minor: 5 };
    await window.jupyterapp.serviceManager.contents.save("table.ipynb", { type: "notebook", format: "json", content });
  }, CODE);
  await page.goto("/lab/tree/table.ipynb?reset");
  await page.locator(".jp-Notebook").waitFor();
  await idle(page);
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  const view = page.locator(".jp-OutputArea .rc-table");
  await expect(view.locator(".rc-status")).toHaveText("96 runs");
  await idle(page);

  // In the order shown (accuracy, best first; ties in table order), check the first run, then shift-click the fourth.
  const order = runs
    .map((run, row) => ({ run, row }))
    .sort((a, b) => b.run[ACCURACY] - a.run[ACCURACY] || a.row - b.row)
    .map(({ run }) => run.run_id);
  const box = (position) => view.locator(`.rc-row[aria-rowindex="${position + 2}"] .rc-check input`);
  await box(0).click();
  await box(3).click({ modifiers: ["Shift"] });
  const checked = order.slice(0, 4).sort();
  await expect.poll(async () => (await execute(page, "print(sorted(w.selected))")).trim()).toBe(python(checked));
  await view.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-table.png") });

  // From Python: the rows of these runs are checked in the view, and no other.
  const chosen = [runs[10].run_id, runs[20].run_id];
  expect(await execute(page, `w.selected = ${python(chosen)}`)).toBe("");
  await expect.poll(() => view.evaluate((element) => [...element.value].sort())).toEqual([...chosen].sort());
  await expect(view.locator(".rc-status")).toHaveText("96 runs · 2 selected");
  await view.locator(".rc-grid").evaluate((grid) => (grid.scrollTop = grid.scrollHeight));
  const checkedRows = await view.locator(".rc-grid").evaluate(async (grid) => {
    const seen = new Set();
    for (let top = 0; top <= grid.scrollHeight; top += grid.clientHeight / 2) {
      grid.scrollTop = top;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (const row of grid.querySelectorAll(".rc-row.rc-selected")) seen.add(row.dataset.run);
    }
    return [...seen].sort();
  });
  expect(checkedRows).toEqual([...chosen].sort());

  // The dark theme: the table follows JupyterLab's colours.
  await changeTheme(page, "JupyterLab Dark");
  await view.locator(".rc-grid").evaluate((grid) => (grid.scrollTop = 0));
  await page.waitForTimeout(300);
  const background = await view.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");
  await view.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshots, "jupyterlab-table-dark.png") });
  await changeTheme(page, "JupyterLab Light");
});
