import { test, expect } from "@playwright/test";
import path from "node:path";
import { axisMapping, brushedRange, exampleRuns, paintedPixels, screenshots } from "./helpers.js";

const runs = exampleRuns();

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/examples/parallel.html");
  await page.waitForFunction(() => window.view && window.view.drawn.lines > 0);
});

test("draws one line per run of the example sweep", async ({ page }) => {
  const drawn = await page.evaluate(() => window.view.drawn);
  expect(drawn.lines).toBe(runs.length);
  expect(runs.length).toBe(96);
  expect(await paintedPixels(page.locator(".rc-parallel canvas.rc-lines"))).toBeGreaterThan(5000);
  const labels = await page.locator(".rc-axis-label").allTextContents();
  expect(labels).toEqual(["lr", "hidden", "alpha", "batch_size", "seed", "train/loss", "validation/loss", "validation/accuracy"]);
  await expect(page.locator(".rc-status")).toHaveText("96 runs");
  await page.screenshot({ path: path.join(screenshots, "parallel.png"), fullPage: true });
});

test("brushing an axis by mouse selects exactly the runs in the range", async ({ page }) => {
  const axis = page.locator(".rc-axis").nth(7);
  const { x, box, yOf, valueAt } = await axisMapping(axis);
  const plot = await page.locator(".rc-parallel svg").boundingBox();
  const from = yOf(0.9);
  const to = yOf(0.97);
  await page.mouse.move(plot.x + x, plot.y + from);
  await page.mouse.down();
  await page.mouse.move(plot.x + x, plot.y + (from + to) / 2, { steps: 4 });
  await page.mouse.move(plot.x + x, plot.y + to, { steps: 4 });
  await page.mouse.up();
  expect(box).not.toBeNull();

  const [lo, hi] = await brushedRange(axis);
  expect(lo).toBeCloseTo(valueAt(from), 2);
  expect(hi).toBeCloseTo(valueAt(to), 2);
  const expected = runs
    .filter((run) => run["metrics.validation/accuracy"] >= lo && run["metrics.validation/accuracy"] <= hi)
    .map((run) => run.run_id)
    .sort();
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(runs.length);
  const selected = await page.evaluate(() => [...window.view.value].sort());
  expect(selected).toEqual(expected);
  await expect(page.locator("#selection")).toContainText(`${expected.length} runs selected`);
  await expect(page.locator(".rc-status")).toHaveText(`96 runs · ${expected.length} selected`);
  await page.screenshot({ path: path.join(screenshots, "parallel-brushed.png"), fullPage: true });

  await page.mouse.click(plot.x + 5, plot.y + plot.height / 2);
  await expect.poll(() => page.evaluate(() => window.view.value.length)).toBe(0);
});

test("a brush dragged in many steps draws the same pixels as the final selection drawn at once", async ({ page }) => {
  // The lines are per-pixel sums that each move updates by the runs entering and leaving; a fresh
  // view given the final selection sums them from nothing. Both must agree to the byte.
  const axis = page.locator(".rc-axis").nth(5);
  const { x, yOf } = await axisMapping(axis);
  const plot = await page.locator(".rc-parallel svg").boundingBox();
  await page.mouse.move(plot.x + x, plot.y + yOf(1));
  await page.mouse.down();
  for (const value of [0.3, 0.05, 0.5, 0.01, 0.2]) await page.mouse.move(plot.x + x, plot.y + yOf(value), { steps: 3 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.view.value);
  expect(selected.length).toBeGreaterThan(0);
  expect(selected.length).toBeLessThan(runs.length);

  const same = await page.evaluate(async (ids) => {
    const { parallel } = await import("/dist/runcompare.js");
    const bytes = new Uint8Array(await (await fetch("data/runs.arrow")).arrayBuffer());
    const fresh = parallel(bytes, {
      params: ["lr", "hidden", "alpha", "batch_size", "seed"],
      metrics: ["train/loss", "validation/loss", "validation/accuracy"],
      color: "validation/accuracy",
      width: window.view.querySelector("canvas.rc-lines").clientWidth,
      selected: ids,
    });
    document.body.append(fresh);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const pixels = (view) => {
      const canvas = view.querySelector("canvas.rc-lines");
      return canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    };
    const [a, b] = [pixels(window.view), pixels(fresh)];
    let differing = a.length === b.length ? 0 : -1;
    for (let i = 0; i < a.length && differing >= 0; i++) if (a[i] !== b[i]) differing++;
    fresh.remove();
    return { differing, drawn: fresh.drawn.emphasised };
  }, selected);
  expect(same).toEqual({ differing: 0, drawn: selected.length });
});

test("runs set from outside are highlighted, not brushed", async ({ page }) => {
  const ids = runs.slice(0, 3).map((run) => run.run_id);
  await page.evaluate((ids) => (window.view.value = ids), ids);
  await expect.poll(() => page.evaluate(() => window.view.drawn.emphasised)).toBe(3);
  expect(await page.locator(".rc-brush .selection:not([style*='display: none'])").count()).toBe(0);
});

/** The pixel where a run's line crosses an axis, from the axis ticks (not from the view's scales). */
async function crossing(page, axisIndex, value) {
  const { x, yOf } = await axisMapping(page.locator(".rc-axis").nth(axisIndex));
  const plot = await page.locator(".rc-parallel svg").first().boundingBox();
  return { x: plot.x + x, y: plot.y + yOf(value) };
}

test("hovering a line shows its run name and every axis value", async ({ page }) => {
  // The run whose accuracy is farthest from any other's: its line is alone where it meets that axis.
  const accuracyOf = (run) => run["metrics.validation/accuracy"];
  const gap = (run) => Math.min(...runs.filter((other) => other !== run).map((other) => Math.abs(accuracyOf(other) - accuracyOf(run))));
  const worst = runs.reduce((a, b) => (gap(b) > gap(a) ? b : a));
  const point = await crossing(page, 7, accuracyOf(worst));
  await page.mouse.move(point.x, point.y);
  const tooltip = page.locator(".rc-parallel .rc-tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator(".rc-tooltip-title")).toHaveText(worst.name);
  const rows = Object.fromEntries(
    await tooltip.locator(".rc-tooltip-row").evaluateAll((nodes) => nodes.map((n) => [n.children[0].textContent, n.children[1].textContent])),
  );
  expect(rows.run_id).toBe(worst.run_id);
  expect(Number(rows["validation/accuracy"])).toBeCloseTo(worst["metrics.validation/accuracy"], 5);
  expect(Number(rows.lr)).toBe(worst["params.lr"]);
  expect(Number(rows.hidden)).toBe(Number(worst["params.hidden"]));
  await page.screenshot({ path: path.join(screenshots, "parallel-tooltip.png") });
});

test("exports: SVG with one path per run, CSV with one row per run", async ({ page }) => {
  const svg = await page.evaluate(() => {
    const doc = new DOMParser().parseFromString(window.view.exportSVG(), "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      paths: doc.querySelectorAll("path[data-run-id]").length,
      ids: new Set([...doc.querySelectorAll("path[data-run-id]")].map((p) => p.getAttribute("data-run-id"))).size,
      labels: [...doc.querySelectorAll(".rc-axis-label")].map((t) => t.textContent),
      brushes: doc.querySelectorAll(".rc-brush").length,
    };
  });
  expect(svg).toEqual({
    error: null,
    paths: runs.length,
    ids: runs.length,
    labels: ["lr", "hidden", "alpha", "batch_size", "seed", "train/loss", "validation/loss", "validation/accuracy"],
    brushes: 0,
  });
  const csv = (await page.evaluate(() => window.view.exportCSV())).trim().split("\r\n");
  expect(csv).toHaveLength(runs.length + 1);
  expect(csv[0]).toBe(
    "run_id,name,params.lr,params.hidden,params.alpha,params.batch_size,params.seed,metrics.train/loss,metrics.validation/loss,metrics.validation/accuracy,selected",
  );
  const first = csv[1].split(",");
  expect(first.slice(0, 3)).toEqual([runs[0].run_id, runs[0].name, String(runs[0]["params.lr"])]);
  expect(Number(first[9])).toBe(runs[0]["metrics.validation/accuracy"]);
});

test("axes can be moved, inverted, re-scaled and removed", async ({ page }) => {
  const labels = () => page.locator(".rc-axis-label").allTextContents();
  // Drag "lr" onto the third axis.
  const lr = await page.locator(".rc-axis-title").nth(0).boundingBox();
  const alpha = await page.locator(".rc-axis-title").nth(2).boundingBox();
  await page.mouse.move(lr.x + 5, lr.y + lr.height / 2);
  await page.mouse.down();
  await page.mouse.move(alpha.x + alpha.width / 2, lr.y + lr.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(labels).toEqual(["hidden", "alpha", "lr", "batch_size", "seed", "train/loss", "validation/loss", "validation/accuracy"]);

  // Double-click "hidden": the axis turns upside down (64 at the bottom).
  await page.locator(".rc-axis-title").nth(0).dblclick();
  await expect.poll(labels).toContain("hidden ↓");
  const ticks = await page
    .locator(".rc-axis")
    .nth(0)
    .locator(".tick")
    .evaluateAll((nodes) => nodes.map((t) => [Number(t.textContent), t.transform.baseVal[0].matrix.f]));
  const [low, high] = [ticks.find(([v]) => v === 20), ticks.find(([v]) => v === 60)];
  expect(high[1]).toBeGreaterThan(low[1]);

  // "lin" under lr makes its log axis linear, with ticks evenly spaced in value.
  await page.locator(".rc-axis").nth(2).locator(".rc-axis-action", { hasText: "lin" }).click();
  const lrTicks = (await page.locator(".rc-axis").nth(2).locator(".tick").allTextContents()).map(Number);
  expect(lrTicks).toEqual(expect.arrayContaining([0, 0.1, 0.2, 0.3]));
  await expect(page.locator(".rc-axis").nth(2).locator(".rc-axis-action", { hasText: "log" })).toHaveCount(1);

  // ✕ removes an axis; the axis picker brings it back, after the other params.
  await page.locator(".rc-axis").nth(4).locator(".rc-axis-action", { hasText: "✕" }).click();
  await expect.poll(labels).toEqual(["hidden ↓", "alpha", "lr", "batch_size", "train/loss", "validation/loss", "validation/accuracy"]);
  await page.getByRole("button", { name: /^Axes/ }).click();
  await page.getByRole("checkbox", { name: "params.seed" }).check();
  await expect.poll(labels).toEqual(["hidden ↓", "alpha", "lr", "batch_size", "seed", "train/loss", "validation/loss", "validation/accuracy"]);
  expect(await page.evaluate(() => window.view.drawn.lines)).toBe(runs.length);
  await page.screenshot({ path: path.join(screenshots, "parallel-axes-edited.png"), fullPage: true });
});

test("brushes keep their range when axes move, and combine with AND", async ({ page }) => {
  /** Drags a brush between two values and returns the value range its pixel ends stand for. */
  const drag = async (axisIndex, from, to) => {
    const { x, yOf } = await axisMapping(page.locator(".rc-axis").nth(axisIndex));
    const plot = await page.locator(".rc-parallel svg").first().boundingBox();
    await page.mouse.move(plot.x + x, plot.y + yOf(from));
    await page.mouse.down();
    await page.mouse.move(plot.x + x, plot.y + yOf(to), { steps: 5 });
    await page.mouse.up();
    return brushedRange(page.locator(".rc-axis").nth(axisIndex));
  };
  const [lo, hi] = await drag(7, 0.95, 0.99); // validation/accuracy
  await drag(3, 20, 100); // batch_size: only the small batches
  const accuracyOk = (run) => run["metrics.validation/accuracy"] >= lo && run["metrics.validation/accuracy"] <= hi;
  const expected = runs
    .filter((run) => accuracyOk(run) && Number(run["params.batch_size"]) === 32)
    .map((r) => r.run_id)
    .sort();
  const selected = await page.evaluate(() => [...window.view.value].sort());
  expect(selected.length).toBeGreaterThan(0);
  expect(selected.every((id) => Number(runs.find((r) => r.run_id === id)["params.batch_size"]) === 32)).toBe(true);
  expect(selected).toEqual(expected);
  // Inverting the accuracy axis keeps the same selection.
  await page.locator(".rc-axis-title").nth(7).dblclick();
  await expect.poll(() => page.evaluate(() => window.view.drawn.emphasised)).toBe(expected.length);
});

test("colour by another column, and hide runs from the run list", async ({ page }) => {
  await page.locator("label", { hasText: "Colour by" }).locator("select").selectOption("tags.group");
  const groups = new Set(runs.map((run) => run["tags.group"])).size;
  await expect(page.locator(".rc-legend-colors .rc-swatch")).toHaveCount(groups);
  await page.locator(".rc-runlist summary").click();
  await page.locator(".rc-runlist li").nth(0).click();
  await page.locator(".rc-runlist li").nth(1).click();
  await expect(page.locator(".rc-status")).toHaveText("96 runs · 2 hidden");
  expect(await page.evaluate(() => window.view.drawn.lines)).toBe(runs.length - 2);
  const csvRows = (await page.evaluate(() => window.view.exportCSV())).trim().split("\r\n").length - 1;
  expect(csvRows).toBe(runs.length - 2);
  await page.locator(".rc-runlist li").nth(1).click();
  await expect(page.locator(".rc-status")).toHaveText("96 runs · 1 hidden");
});

test("dark theme: text and lines stay legible", async ({ page }) => {
  await page.evaluate(() => {
    const vars = {
      "--jp-layout-color0": "#111111",
      "--jp-layout-color1": "#1e1e1e",
      "--jp-ui-font-color1": "#e6e6e6",
      "--jp-ui-font-color2": "#b0b0b0",
      "--jp-border-color2": "#3a3a3a",
    };
    for (const [name, value] of Object.entries(vars)) document.body.style.setProperty(name, value);
    document.body.style.background = "#111111";
    document.body.style.color = "#e6e6e6";
  });
  const color = await page
    .locator(".rc-axis-label")
    .first()
    .evaluate((t) => getComputedStyle(t).fill);
  expect(color).toBe("rgb(230, 230, 230)");
  // The colour scale leaves out its darkest end on a dark page: every line stays visible.
  const darkest = await page.locator(".rc-legend-bar").evaluate((bar) => getComputedStyle(bar).backgroundImage);
  expect(darkest).not.toContain("rgb(68, 1, 84)"); // viridis at 0
  await expect.poll(() => page.evaluate(() => window.view.drawn.lines)).toBe(runs.length);
  await page.screenshot({ path: path.join(screenshots, "parallel-dark.png"), fullPage: true });
});

test("hostile run names are text, and bad input shows the error", async ({ page }) => {
  const result = await page.evaluate(async () => {
    const { parallel } = await import("/dist/runcompare.js");
    const hostile = '<img src=x onerror="window.__xss=1">';
    const view = parallel(
      [
        { run_id: "a", name: hostile, "params.</script>": "<b>x</b>", "metrics.acc": 0.5 },
        { run_id: "b", name: "plain", "params.</script>": "y", "metrics.acc": 0.7 },
      ],
      { width: 600 },
    );
    document.body.append(view);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const bad = parallel([{ id: 1 }]);
    document.body.append(bad);
    return {
      labels: [...view.querySelectorAll(".rc-axis-label")].map((t) => t.textContent),
      csv: view.exportCSV(),
      svgHasImg: new DOMParser().parseFromString(view.exportSVG(), "image/svg+xml").querySelector("img") !== null,
      images: view.querySelectorAll("img").length,
      badError: bad.error,
      badText: bad.querySelector(".rc-error").textContent,
    };
  });
  expect(result.labels).toEqual(["</script>", "acc"]);
  expect(result.csv).toContain('<img src=x onerror=""window.__xss=1"">');
  expect(result.svgHasImg).toBe(false);
  expect(result.images).toBe(0);
  expect(result.badError).toBe('runs table has no "run_id" column (columns: id): add a "run_id" column with one unique string id per run.');
  expect(result.badText).toBe(result.badError);
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});
