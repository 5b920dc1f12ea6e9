import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tableFromIPC } from "apache-arrow";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const screenshots = path.join(repo, "tests/output/screenshots");

/** The example sweep, read straight from the file with Arrow JS (not through runcompare). */
export function exampleRuns() {
  const table = tableFromIPC(fs.readFileSync(path.join(repo, "examples/data/runs.arrow")));
  return table.toArray().map((row) => row.toJSON());
}

/** Counts canvas pixels that are neither transparent nor the page background. */
export async function paintedPixels(locator) {
  return locator.evaluate((canvas) => {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  });
}

/** A tick label read back as a number: d3's minus, thousands separators and SI prefixes undone here. */
export function readBack(label) {
  const SI = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  const text = label.replace("−", "-").replaceAll(",", "");
  return text.at(-1) in SI ? Number(text.slice(0, -1)) * SI[text.at(-1)] : Number(text);
}

/** The y pixel of a numeric axis' value, from two of its drawn ticks (linear axes only). */
export async function axisMapping(axis) {
  // d3-axis shifts ticks by half a pixel on low-DPI screens to keep 1px lines crisp.
  const ticks = await axis.locator(".tick").evaluateAll((nodes) =>
    nodes.map((tick) => ({
      value: Number(tick.textContent.replace("−", "-")),
      y: tick.transform.baseVal[0].matrix.f - (window.devicePixelRatio > 1 ? 0 : 0.5),
    })),
  );
  const [a, b] = [ticks[0], ticks[ticks.length - 1]];
  const box = await axis.boundingBox();
  const x = await axis.evaluate((g) => g.transform.baseVal[0].matrix.e);
  return {
    x,
    box,
    yOf: (value) => a.y + ((value - a.value) * (b.y - a.y)) / (b.value - a.value),
    valueAt: (y) => a.value + ((y - a.y) * (b.value - a.value)) / (b.y - a.y),
  };
}

/** The value range a brush on an axis covers, read from the brush rectangle d3-brush drew. */
export async function brushedRange(axis) {
  const { valueAt } = await axisMapping(axis);
  const rect = await axis.locator(".rc-brush .selection").evaluate((r) => ({ y: r.y.baseVal.value, height: r.height.baseVal.value }));
  return [valueAt(rect.y + rect.height), valueAt(rect.y)].sort((a, b) => a - b);
}

/**
 * A page like `page` where workers are not allowed (views do everything on one thread), set up
 * by `setUp(page)` as `page` was.
 */
export async function pageWithoutWorkers(browser, page, setUp) {
  const alone = await browser.newPage({ viewport: page.viewportSize() });
  await alone.addInitScript(() => {
    window.Worker = function Worker() {
      throw new Error("workers are off in this page");
    };
  });
  await setUp(alone);
  return alone;
}

/**
 * On tests/browser/views.html: a new view `kind` ("parallel", "scatter", …) of `records` (the
 * messy store when null) with `options`, in a box `width` pixels wide; waits until it has drawn,
 * said it has nothing to show or shown an error, and returns the error (null otherwise).
 */
export async function showView(page, kind, width, options = {}, records = null) {
  await page.setViewportSize({ width: width + 40, height: 900 });
  await page.evaluate(
    ({ kind, width, options, records }) => {
      const holder = document.querySelector("#views");
      holder.replaceChildren();
      holder.style.width = `${width}px`;
      window.view = window.rc[kind](records ?? window.messy.messyRuns(), options);
      holder.append(window.view);
    },
    { kind, width, options, records },
  );
  await page.waitForFunction(
    () => window.view.error || (window.view.drawn.lines ?? window.view.drawn.points) > 0 || window.view.querySelector(".rc-nothing-to-show"),
  );
  return page.evaluate(() => window.view.error);
}

/** JupyterLab's dark theme variables, as the views read them. */
export const DARK = `
  body { background: #111111; color: #dddddd; --jp-layout-color0: #111111; --jp-layout-color1: #1e1e1e;
    --jp-ui-font-color1: rgba(255, 255, 255, 0.87); --jp-ui-font-color2: rgba(255, 255, 255, 0.54);
    --jp-border-color2: #424242; --jp-brand-color1: #4a9eff; }`;

/** Pages opened from now on in `page` get the dark theme. */
export function darkPage(page) {
  return page.addInitScript(
    (css) => document.addEventListener("DOMContentLoaded", () => document.head.append(Object.assign(document.createElement("style"), { textContent: css }))),
    DARK,
  );
}
