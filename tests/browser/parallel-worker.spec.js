import { test, expect } from "@playwright/test";
import path from "node:path";
import { axisMapping, pageWithoutWorkers, screenshots } from "./helpers.js";

// From 20,000 runs a worker draws half the gaps between axes, for the first paint and for large
// brush moves. Both must give the same pixels as one thread.

/** Defines, in the page, a 30,000-run sweep and helpers to draw it and read its pixels. */
async function setUp(page) {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/examples/parallel.html");
  await page.evaluate(async () => {
    const { parallel } = await import("/dist/runcompare.js");
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const records = Array.from({ length: 30_000 }, (_, i) => ({
      run_id: `run-${i}`,
      "params.lr": 10 ** (-5 + 4 * random()),
      "params.layers": 1 + Math.floor(random() * 8),
      "params.optimizer": ["adam", "sgd", "rmsprop"][Math.floor(random() * 3)],
      "metrics.loss": random() * 2,
      "metrics.accuracy": random(),
    }));
    const frames = (count) =>
      new Promise((resolve) => {
        const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
        step(count);
      });
    const pixels = (view) => {
      const canvas = view.querySelector("canvas.rc-lines");
      return canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    };
    const draw = async (options = {}) => {
      const view = parallel(records, { width: 900, height: 360, color: "accuracy", ...options });
      document.body.append(view);
      while (view.drawn.lines === 0) await frames(1);
      await frames(2);
      return { view, pixels: pixels(view), drawn: view.drawn };
    };
    /** Draws views until one used the worker (a view waits only so long for it to start). */
    const drawWithWorker = async () => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const drawn = await draw();
        if (drawn.drawn.threads === 2) return drawn;
        drawn.view.remove();
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error("the worker did not start");
    };
    const digest = async (bytes) => Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
    Object.assign(window, { records, draw, drawWithWorker, pixels, digest, frames });
  });
}

test("a sweep of 30,000 runs drawn with a worker has the same pixels as drawn on one thread", async ({ page, browser }) => {
  await setUp(page);
  // The first large view on a page waits for the worker to start (a while, not forever: on a busy
  // machine it may draw alone, and the next view shares).
  const shared = await page.evaluate(async () => {
    const { pixels, drawn } = await window.drawWithWorker();
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
    return { drawn, painted, total: pixels.length / 4, digest: await window.digest(pixels) };
  });
  await page.screenshot({ path: path.join(screenshots, "parallel-30000-worker.png"), fullPage: true });
  const alone = await pageWithoutWorkers(browser, page, setUp);
  const single = await alone.evaluate(async () => {
    const { pixels, drawn } = await window.draw();
    return { drawn, digest: await window.digest(pixels) };
  });
  await alone.close();
  expect(shared.drawn).toEqual({ lines: 30_000, emphasised: 0, threads: 2 });
  expect(single.drawn).toEqual({ lines: 30_000, emphasised: 0, threads: 1 });
  expect(shared.digest).toBe(single.digest);
  expect(shared.painted).toBeGreaterThan(shared.total / 5); // the plot, inside the margins
});

test("large brush moves shared with the worker draw the same pixels as one thread", async ({ page, browser }) => {
  await setUp(page);
  // Count the jobs the page sends to workers, to know the moves were shared.
  await page.evaluate(async () => {
    const post = Worker.prototype.postMessage;
    window.jobs = 0;
    Worker.prototype.postMessage = function (...args) {
      window.jobs++;
      return post.apply(this, args);
    };
    window.view = (await window.drawWithWorker()).view;
    window.view.id = "brushed";
    window.jobs = 0;
  });
  // Each move adds or takes away 3,750 runs or more: a run has 1 to 8 layers, as many runs each.
  await page.locator("#brushed .rc-plot").scrollIntoViewIfNeeded();
  const axis = page.locator("#brushed .rc-axis").nth(1);
  expect(await axis.locator(".rc-axis-label").textContent()).toBe("layers");
  const { x, yOf } = await axisMapping(axis);
  const plot = await page.locator("#brushed .rc-plot > svg").boundingBox();
  await page.mouse.move(plot.x + x, plot.y + yOf(7.5));
  await page.mouse.down();
  // The brush runs from 7.5 to each value in turn; the last move takes away more runs than it keeps.
  for (const value of [5.5, 2.5, 4.5, 1.5, 6.5]) {
    await page.mouse.move(plot.x + x, plot.y + yOf(value));
    const inRange = await page.evaluate((lo) => window.records.filter((r) => r["params.layers"] > lo && r["params.layers"] < 7.5).length, value);
    await expect.poll(() => page.evaluate(() => window.view.drawn.emphasised)).toBe(inRange);
  }
  await page.mouse.up();
  const brushed = await page.evaluate(async () => {
    await window.frames(2);
    const expected = window.records.filter((r) => r["params.layers"] === 7).map((r) => r.run_id);
    return { ids: window.view.value, expected, jobs: window.jobs, drawn: window.view.drawn, digest: await window.digest(window.pixels(window.view)) };
  });
  expect(brushed.jobs).toBe(5);
  expect([...brushed.ids].sort()).toEqual([...brushed.expected].sort());
  expect(brushed.drawn).toEqual({ lines: 30_000, emphasised: brushed.ids.length, threads: 2 });
  await page.screenshot({ path: path.join(screenshots, "parallel-30000-worker-brushed.png"), fullPage: true });

  // The same selection on a page where workers are not allowed: everything on one thread.
  const alone = await pageWithoutWorkers(browser, page, setUp);
  const single = await alone.evaluate(async (ids) => {
    const { pixels, drawn } = await window.draw({ selected: ids });
    return { drawn, digest: await window.digest(pixels) };
  }, brushed.ids);
  await alone.close();
  expect(single.drawn).toEqual({ lines: 30_000, emphasised: brushed.ids.length, threads: 1 });
  expect(single.digest).toBe(brushed.digest);
});
