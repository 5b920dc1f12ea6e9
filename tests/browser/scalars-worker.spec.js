import { test, expect } from "@playwright/test";
import path from "node:path";
import { pageWithoutWorkers, screenshots } from "./helpers.js";

// From a million points, a new smoothing is shared with a worker: it smooths and reduces half the
// runs while the page does the other half. The result must be what one thread draws.

/** Defines, in the page, 120 runs of 10,000 steps (1.2 M points) and helpers to draw and read them. */
async function setUp(page) {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/examples/scalars.html");
  // The example draws its own view first; ours replaces it once it has.
  await page.waitForFunction(() => window.view && window.view.drawn.frames > 0);
  await page.evaluate(async () => {
    const { scalars } = await import("/dist/runcompare.js");
    const [runs, steps] = [120, 10_000];
    let seed = 5;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = runs * steps;
    const columns = { run_id: new Array(n), metric: new Array(n).fill("loss"), step: new Float64Array(n), value: new Float64Array(n) };
    for (let run = 0, row = 0; run < runs; run++) {
      const rate = (2 + 10 * random()) / steps;
      for (let step = 0; step < steps; step++, row++) {
        columns.run_id[row] = `run-${String(run).padStart(3, "0")}`;
        columns.step[row] = step;
        // Gaps of both kinds, so the worker's traces have them too.
        columns.value[row] = row % 7_919 === 11 ? NaN : row % 104_729 === 5 ? Infinity : 0.2 + 2 * Math.exp(-rate * step) + 0.3 * (random() - 0.5);
      }
    }
    const table = { columnNames: () => Object.keys(columns), numRows: () => n, array: (name) => columns[name] };
    const frames = (count) =>
      new Promise((resolve) => {
        const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
        step(count);
      });
    const host = document.querySelector("#chart");
    host.style.width = "1080px";
    const view = scalars(table, { smoothing: 0.6 });
    host.replaceChildren(view);
    while (view.drawn.frames === 0) await frames(1);
    const slider = view.querySelector("input[type=range]");
    /** Moves the slider to each weight in turn, one per frame, and waits until the last one is drawn. */
    const smooth = async (...weights) => {
      for (const weight of weights) {
        slider.value = String(weight);
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        await frames(1);
      }
      // Drawn once a frame passes with the lines unchanged: a shared smoothing lands between frames.
      let last = -1;
      while (view.drawn.frames !== last) {
        last = view.drawn.frames;
        await frames(3);
      }
    };
    const pixels = () =>
      [...view.querySelectorAll(".rc-plot canvas")].map((canvas) => canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data);
    const digest = async (bytes) => Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
    const seen = async () => {
      const [raw, smoothed] = pixels();
      let painted = 0;
      for (let i = 3; i < smoothed.length; i += 4) if (smoothed[i] > 0) painted++;
      return { raw: await digest(raw), smoothed: await digest(smoothed), painted, csv: await digest(new TextEncoder().encode(view.exportCSV())) };
    };
    Object.assign(window, { view, smooth, seen });
  });
}

/** The tooltip's text at a step of the first chart, hovered. */
async function tooltipAt(page, fraction) {
  const svg = page.locator(".rc-plot svg").first();
  const box = await svg.boundingBox();
  await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
  const tooltip = page.locator(".rc-curve-tooltip").first();
  await expect(tooltip).toBeVisible();
  return tooltip.textContent();
}

test("a smoothing shared with a worker draws the pixels, tooltip and CSV that one thread does", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await setUp(page);
  // The worker starts once the page's thread is free after the first paint: move until it shares.
  const shared = await page.evaluate(async () => {
    for (let attempt = 0; attempt < 40 && window.view.drawn.sharedSmoothings === 0; attempt++) await window.smooth(0.5 + attempt / 100);
    // Several moves in quick succession, the later ones arriving while a shared one is under way.
    await window.smooth(0.7, 0.8, 0.9, 0.95);
    return { count: window.view.drawn.sharedSmoothings, ...(await window.seen()) };
  });
  expect(shared.count).toBeGreaterThan(1);
  expect(shared.painted).toBeGreaterThan(10_000);
  const tooltip = await tooltipAt(page, 0.4);
  await page.screenshot({ path: path.join(screenshots, "scalars-worker-1.2M.png"), fullPage: true });

  const alone = await pageWithoutWorkers(browser, page, setUp);
  const single = await alone.evaluate(async () => {
    await window.smooth(0.95);
    return { count: window.view.drawn.sharedSmoothings, ...(await window.seen()) };
  });
  expect(single.count).toBe(0);
  expect(shared.smoothed).toBe(single.smoothed);
  expect(shared.raw).toBe(single.raw);
  expect(shared.csv).toBe(single.csv);
  expect(await tooltipAt(alone, 0.4)).toBe(tooltip);
  await alone.close();
});
