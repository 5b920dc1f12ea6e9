import { test, expect } from "@playwright/test";
import path from "node:path";
import { screenshots } from "./helpers.js";

// From 20,000 runs a worker draws half the gaps between axes, once it has started (the first
// large view on a page starts it and draws everything itself). Both must give the same pixels.
test("a sweep of 30,000 runs drawn with a worker has the same pixels as drawn on one thread", async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/examples/parallel.html");
  const result = await page.evaluate(async () => {
    const { parallel } = await import("/dist/runcompare.js");
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const records = Array.from({ length: 30_000 }, (_, i) => ({
      run_id: `run-${i}`,
      "params.lr": 10 ** (-5 + 4 * random()),
      "params.layers": 1 + Math.floor(random() * 8),
      "params.optimizer": ["adam", "sgd", "rmsprop"][Math.floor(random() * 3)],
      "metrics.loss": random() * 2,
      "metrics.accuracy": random(),
    }));
    const frames = (count) => new Promise((resolve) => {
      const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
      step(count);
    });
    const draw = async () => {
      const view = parallel(records, { width: 900, height: 360, color: "accuracy" });
      document.body.append(view);
      while (view.drawn.lines === 0) await frames(1);
      await frames(2);
      const canvas = view.querySelector("canvas.rc-lines");
      const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      return { view, pixels, drawn: view.drawn };
    };
    const first = await draw();
    first.view.remove();
    // Give the worker time to start, then draw again until a view used it.
    let second = null;
    for (let attempt = 0; attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      second = await draw();
      if (second.drawn.threads === 2) break;
      second.view.remove();
    }
    let differing = 0;
    let painted = 0;
    for (let i = 0; i < first.pixels.length; i++) {
      if (first.pixels[i] !== second.pixels[i]) differing++;
      if (i % 4 === 3 && first.pixels[i] > 0) painted++;
    }
    return { first: first.drawn, second: second.drawn, differing, painted, total: first.pixels.length / 4 };
  });
  expect(result.first).toEqual({ lines: 30_000, emphasised: 0, threads: 1 });
  expect(result.second).toEqual({ lines: 30_000, emphasised: 0, threads: 2 });
  expect(result.differing).toBe(0);
  expect(result.painted).toBeGreaterThan(result.total / 5); // the plot, inside the margins
  await page.screenshot({ path: path.join(screenshots, "parallel-30000-worker.png"), fullPage: true });
});
