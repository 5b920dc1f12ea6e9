// What the notebook tests do in every host: run code as a cell would, brush a parallel view, change JupyterLab's theme.
import { expect } from "@playwright/test";
import { axisMapping, brushedRange, exampleRuns } from "../browser/helpers.js";

const ACCURACY = "metrics.validation/accuracy";

/** Runs code in the open notebook's kernel (JupyterLab or Notebook 7), as a cell would, and returns what it printed. */
export async function execute(page, code) {
  return page.evaluate(async (code) => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    const future = kernel.requestExecute({ code });
    let printed = "";
    future.onIOPub = (message) => {
      if (message.header.msg_type === "stream") printed += message.content.text;
      if (message.header.msg_type === "error") printed += `${message.content.ename}: ${message.content.evalue}`;
    };
    await future.done;
    return printed;
  }, code);
}

/** Waits until the open notebook's kernel is idle. */
export const kernelIdle = (page) =>
  page.waitForFunction(() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === "idle", null, { timeout: 60_000 });

/** Opens a notebook, runs all its cells, and waits for the scalars view they show to draw; returns the view. */
export async function runScalarsNotebook(page, name) {
  await page.goto(`/lab/tree/${name}?reset`);
  await page.locator(".jp-Notebook").waitFor();
  await kernelIdle(page);
  await page.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
  const view = page.locator(".jp-OutputArea .rc-scalars");
  await expect.poll(() => view.evaluate((element) => element.drawn.frames)).toBeGreaterThan(0);
  await kernelIdle(page);
  return view;
}

/**
 * Drags a brush over 30-60% of the height of axis `index` of a parallel view (the example sweep's
 * validation accuracy in every notebook of these tests), and returns the ids of the runs inside
 * the brush drawn, computed from the example data, sorted.
 */
export async function brushAccuracy(page, view, index = 7) {
  const axis = view.locator(".rc-axis").nth(index);
  await axis.scrollIntoViewIfNeeded();
  const { x, yOf } = await axisMapping(axis);
  const plot = await view.locator("svg").first().boundingBox();
  await page.mouse.move(plot.x + x, plot.y + yOf(0.3));
  await page.mouse.down();
  await page.mouse.move(plot.x + x, plot.y + yOf(0.6), { steps: 6 });
  await page.mouse.up();
  const [lo, hi] = await brushedRange(axis);
  const ids = exampleRuns()
    .filter((run) => run[ACCURACY] >= lo && run[ACCURACY] <= hi)
    .map((run) => run.run_id)
    .sort();
  if (!ids.length) throw new Error("the brush covers no run");
  return ids;
}

/** How Python prints a sorted list of run ids: ['r001', 'r002']. */
export const pythonList = (ids) => `[${ids.map((id) => `'${id}'`).join(", ")}]`;

/**
 * Switches JupyterLab to `theme` ("JupyterLab Dark", "JupyterLab Light") and waits until the page
 * wears it and JupyterLab's splash, which it lays over the page while the theme loads, has gone:
 * a screenshot taken before shows the spinner over the views.
 */
export async function changeTheme(page, theme) {
  await page.evaluate((theme) => window.jupyterapp.commands.execute("apputils:change-theme", { theme }), theme);
  await expect.poll(() => page.evaluate(() => document.body.dataset.jpThemeLight)).toBe(String(theme === "JupyterLab Light"));
  await expect(page.locator("#jupyterlab-splash")).toHaveCount(0);
}
