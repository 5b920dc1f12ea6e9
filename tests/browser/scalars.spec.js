import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { tableFromIPC } from "apache-arrow";
import { exampleRuns, paintedPixels, repo, screenshots } from "./helpers.js";

const runs = exampleRuns();
const nameOf = new Map(runs.map((run) => [run.run_id, run.name]));

/** The example scalars, read with Arrow JS (not through runcompare): run -> series -> points by step. */
function exampleCurves() {
  const table = tableFromIPC(fs.readFileSync(path.join(repo, "examples/data/scalars.arrow")));
  const curves = new Map();
  for (const row of table.toArray()) {
    const { run_id, metric, variant, step, value } = row.toJSON();
    const key = `${run_id} ${metric}/${variant}`;
    if (!curves.has(key)) curves.set(key, []);
    curves.get(key).push({ step: Number(step), value });
  }
  for (const points of curves.values()) points.sort((a, b) => a.step - b.step);
  return (run, series) => curves.get(`${run} ${series}`);
}
const curve = exampleCurves();

/** TensorBoard's smoothing, written out here from its definition. */
function tensorBoardSmoothing(values, weight) {
  if (values.every((v) => v === values[0])) return values;
  let last = 0;
  let count = 0;
  return values.map((v) => {
    if (!Number.isFinite(v)) return NaN;
    last = last * weight + (1 - weight) * v;
    count++;
    return last / (1 - weight ** count);
  });
}

const smoothedAt = (run, series, step, weight) => {
  const points = curve(run, series);
  return tensorBoardSmoothing(
    points.map((p) => p.value),
    weight,
  )[points.findIndex((p) => p.step === step)];
};

/** Maps data to page pixels for one chart, from the ticks d3 drew on its axes (linear axes). */
async function chartMapping(page, index) {
  const chart = page.locator(".rc-chart").nth(index);
  const svg = chart.locator(".rc-plot svg");
  const box = await svg.boundingBox();
  const ticks = (axis, coordinate) =>
    chart
      .locator(`${axis} .tick`)
      .evaluateAll(
        (nodes, coordinate) => nodes.map((tick) => ({ value: Number(tick.textContent.replace("−", "-")), at: tick.transform.baseVal[0].matrix[coordinate] })),
        coordinate,
      );
  const line = (marks) => {
    const [a, b] = [marks[0], marks[marks.length - 1]];
    return (value) => a.at + ((value - a.value) * (b.at - a.at)) / (b.value - a.value);
  };
  const x = line(await ticks(".rc-x-axis", "e"));
  const y = line(await ticks(".rc-y-axis", "f"));
  return { box, x: (value) => box.x + x(value), y: (value) => box.y + y(value) };
}

/** The tooltip's rows as { name, smoothed, value, step }. */
async function tooltipRows(page, index = 0) {
  const tooltip = page.locator(".rc-chart").nth(index).locator(".rc-curve-tooltip");
  await expect(tooltip).toBeVisible();
  return tooltip.locator(".rc-curve-row").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.cells].map((cell) => cell.textContent);
      return { name: cells[1], smoothed: Number(cells[2]), value: Number(cells[3]), step: Number(cells[4]) };
    }),
  );
}

const expectNear = (actual, expected) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(5e-4 * Math.abs(expected) + 1e-9);

const drawn = (page) => page.evaluate(() => window.view.drawn);
const canvasPixels = (page, index) =>
  page
    .locator(".rc-chart")
    .nth(index)
    .locator(".rc-plot canvas")
    .nth(1)
    .evaluate((canvas) => Array.from(canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data).join(","));

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  page.on("dialog", (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  await page.goto("/examples/scalars.html");
  await page.waitForFunction(() => window.view && window.view.drawn.frames > 0);
});

test("one chart per metric and variant, one line per run of the sweep", async ({ page }) => {
  const { charts } = await drawn(page);
  expect(charts.map((c) => c.title)).toEqual(["loss/train", "loss/validation", "accuracy/train", "accuracy/validation"]);
  expect(charts.map((c) => c.lines)).toEqual([96, 96, 96, 96]);
  await expect(page.locator(".rc-chart-title")).toHaveText(["loss/train", "loss/validation", "accuracy/train", "accuracy/validation"]);
  // Raw series on the lower canvas, smoothed ones on the upper.
  for (const layer of [0, 1]) expect(await paintedPixels(page.locator(".rc-chart").first().locator("canvas").nth(layer))).toBeGreaterThan(2000);
  await expect(page.locator(".rc-run-legend-entry")).toHaveCount(96);
  await expect(page.locator(".rc-run-legend .rc-status")).toHaveText("96 of 96 runs shown");
  await page.screenshot({ path: path.join(screenshots, "scalars.png"), fullPage: true });
});

test("moving the smoothing slider redraws the lines, and the tooltip shows the smoothed value", async ({ page }) => {
  const before = await canvasPixels(page, 0);
  const frames = (await drawn(page)).frames;
  await page.locator(".rc-scalars input[type=range]").fill("0.9");
  await expect.poll(async () => (await drawn(page)).frames).toBeGreaterThan(frames);
  await expect(page.locator(".rc-scalars output")).toHaveText("0.900");
  expect(await canvasPixels(page, 0)).not.toEqual(before);

  const run = "r013";
  const expected = smoothedAt(run, "loss/train", 10, 0.9);
  const map = await chartMapping(page, 0);
  await page.mouse.move(map.x(10), map.y(expected));
  await expect(page.locator(".rc-curve-tooltip-title").first()).toHaveText("step 10");
  const rows = await tooltipRows(page);
  const row = rows.find((r) => r.name === nameOf.get(run));
  expect(row).toBeDefined();
  expectNear(row.smoothed, expected);
  expectNear(row.value, curve(run, "loss/train").find((p) => p.step === 10).value);
  expect(row.step).toBe(10);
  // Sorted by smoothed value, highest first; every run is listed or counted.
  const values = rows.map((r) => r.smoothed);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  const more = await page.locator(".rc-chart").first().locator(".rc-curve-more").allTextContents();
  const counted = more.reduce((sum, text) => sum + Number(/(\d+) more/.exec(text)[1]), 0);
  expect(rows.length + counted).toBe(96);
  await page.screenshot({ path: path.join(screenshots, "scalars-tooltip.png"), fullPage: true });
});

test("every smoothing kind redraws without error; smoothing 0 draws the raw values", async ({ page }) => {
  for (const type of ["time_ema", "gaussian", "running_average", "ema"]) {
    const before = await canvasPixels(page, 0);
    await page
      .locator(".rc-scalars select")
      .filter({ has: page.locator("option[value=gaussian]") })
      .selectOption(type);
    await expect.poll(async () => canvasPixels(page, 0)).not.toEqual(before);
    expect(await page.evaluate(() => window.view.error)).toBeNull();
  }
  await page.locator(".rc-scalars input[type=range]").fill("0");
  const map = await chartMapping(page, 0);
  const raw = curve("r000", "loss/train").find((p) => p.step === 5).value;
  await page.mouse.move(map.x(5), map.y(raw));
  const row = (await tooltipRows(page)).find((r) => r.name === nameOf.get("r000"));
  expectNear(row.smoothed, raw);
  // With no smoothing there is no raw column and no raw layer.
  await expect(page.locator(".rc-curve-tooltip th").first().locator("xpath=..").locator("th")).toHaveText(["", "name", "value", "step"]);
  expect(await paintedPixels(page.locator(".rc-chart").first().locator("canvas").first())).toBe(0);
});

test("grouping by every param but seed draws one line and band per config", async ({ page }) => {
  await page.locator(".rc-group summary").click();
  for (const name of ["params.lr", "params.hidden", "params.alpha", "params.batch_size", "params.optimizer"]) {
    await page
      .locator(".rc-group-list label")
      .filter({ hasText: new RegExp(`^${name.replace(".", "\\.")}$`) })
      .locator("input")
      .check();
  }
  await page.locator(".rc-group summary").click();
  await expect.poll(async () => (await drawn(page)).charts.map((c) => c.lines)).toEqual([32, 32, 32, 32]);
  await expect(page.locator(".rc-run-legend-entry")).toHaveCount(32);
  await expect(page.locator(".rc-run-legend .rc-status")).toHaveText("32 of 32 groups shown");

  // The group of r000 (seeds 0, 1, 2 of one config): its line is the mean of their smoothed values.
  const config = runs.find((run) => run.run_id === "r000");
  const members = runs.filter((run) => ["lr", "hidden", "alpha", "batch_size"].every((k) => run[`params.${k}`] === config[`params.${k}`]));
  expect(members.length).toBe(3);
  // Every run of the sweep uses adam: the labels leave out what no two groups differ in.
  expect(new Set(runs.map((run) => run["params.optimizer"]))).toEqual(new Set(["adam"]));
  const label = `lr=${config["params.lr"]} hidden=${config["params.hidden"]} alpha=${config["params.alpha"]} batch_size=${config["params.batch_size"]}`;
  const expected = members.reduce((sum, run) => sum + smoothedAt(run.run_id, "loss/validation", 8, 0.6), 0) / 3;
  const map = await chartMapping(page, 1);
  await page.mouse.move(map.x(8), map.y(expected));
  const row = (await tooltipRows(page, 1)).find((r) => r.name === label);
  expect(row).toBeDefined();
  expectNear(row.smoothed, expected);
  await page.screenshot({ path: path.join(screenshots, "scalars-grouped.png"), fullPage: true });

  // The 95% CI of three runs at a step, by hand: mean ± t(0.975, 2) · sd / √3, in the CSV export.
  await page
    .locator(".rc-scalars select")
    .filter({ has: page.locator("option[value=ci95]") })
    .selectOption("ci95");
  const csv = await page.evaluate(() => window.view.exportCSV());
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("metric,variant,group,runs,step,time,value,smoothed,low,high");
  const fields = lines.find((line) => line.startsWith(`loss,validation,${label},3,8,`)).split(",");
  const smoothed = members.map((run) => smoothedAt(run.run_id, "loss/validation", 8, 0.6));
  const sd = Math.sqrt(smoothed.reduce((sum, v) => sum + (v - expected) ** 2, 0) / 2);
  expect(Number(fields[7])).toBeCloseTo(expected, 10);
  expect(Number(fields[9])).toBeCloseTo(expected + (4.30265273 * sd) / Math.sqrt(3), 6);
});

test("drag zooms into steps, a diagonal drag zooms y too, double-click resets", async ({ page }) => {
  const map = await chartMapping(page, 0);
  const y = map.box.y + map.box.height / 2;
  await page.mouse.move(map.x(5), y);
  await page.mouse.down();
  await page.mouse.move(map.x(8), y + 2, { steps: 4 });
  await page.mouse.move(map.x(10), y + 2, { steps: 4 });
  await page.mouse.up();
  const xTicks = () => page.locator(".rc-chart").first().locator(".rc-x-axis .tick text").allTextContents();
  await expect.poll(async () => (await xTicks()).map(Number).every((v) => v >= 5 && v <= 10)).toBe(true);
  expect((await xTicks()).length).toBeGreaterThan(2);

  const yTicks = () => page.locator(".rc-chart").first().locator(".rc-y-axis .tick text").allTextContents();
  const before = await yTicks();
  const zoomed = await chartMapping(page, 0);
  await page.mouse.move(zoomed.x(6), zoomed.y(2));
  await page.mouse.down();
  await page.mouse.move(zoomed.x(9), zoomed.y(1), { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await yTicks()).map(Number).every((v) => v >= 1 && v <= 2)).toBe(true);
  expect(await yTicks()).not.toEqual(before);
  // Zoomed in, most lines run past the plot area: neither layer shows them beyond its edges.
  const outside = await page
    .locator(".rc-chart")
    .first()
    .locator(".rc-plot")
    .evaluate((plot) => {
      // The axes' domain lines run along the plot area's edges.
      const x = plot.querySelector(".rc-x-axis .domain").getBBox();
      const y = plot.querySelector(".rc-y-axis .domain").getBBox();
      const left = x.x + plot.querySelector(".rc-x-axis").transform.baseVal[0].matrix.e;
      const edges = { left: Math.floor(left), right: Math.ceil(left + x.width), top: Math.floor(y.y), bottom: Math.ceil(y.y + y.height) };
      return [...plot.querySelectorAll("canvas")].map((canvas) => {
        const { data, width, height } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
        let inside = 0;
        let beyond = 0;
        for (let py = 0; py < height; py++)
          for (let px = 0; px < width; px++) {
            if (data[(py * width + px) * 4 + 3] === 0) continue;
            const within = px >= edges.left - 1 && px <= edges.right && py >= edges.top - 1 && py <= edges.bottom;
            if (within) inside++;
            else beyond++;
          }
        return { inside, beyond };
      });
    });
  for (const layer of outside) {
    expect(layer.inside).toBeGreaterThan(500);
    expect(layer.beyond).toBe(0);
  }

  await page.mouse.dblclick(zoomed.x(7), zoomed.y(1.5));
  await expect.poll(async () => (await xTicks()).map(Number)).toContain(20);
});

test("selection: set from outside without an input event; clicks on names and lines select", async ({ page }) => {
  await page.evaluate(() => {
    window.inputs = 0;
    window.view.addEventListener("input", () => window.inputs++);
    window.view.value = ["r001", "r002"];
  });
  await expect.poll(async () => (await drawn(page)).charts.map((c) => c.emphasised)).toEqual([2, 2, 2, 2]);
  await expect(page.locator(".rc-run-legend .rc-status")).toHaveText("96 of 96 runs shown · 2 runs selected");
  expect(await page.evaluate(() => window.inputs)).toBe(0);

  await page.locator(".rc-run-legend-name", { hasText: nameOf.get("r005") }).click();
  expect(await page.evaluate(() => [window.view.value, window.inputs])).toEqual([["r005"], 1]);
  await expect(page.locator("#selection")).toHaveText("1 runs selected: r005");

  // Only r007 shown: a click on its line selects it, a click on empty space clears.
  await page.getByRole("button", { name: "hide all" }).click();
  await page
    .locator(".rc-run-legend-entry", { hasText: nameOf.get("r007") })
    .locator("input")
    .check();
  await expect.poll(async () => (await drawn(page)).charts[0].lines).toBe(1);
  const map = await chartMapping(page, 0);
  await page.mouse.click(map.x(10), map.y(smoothedAt("r007", "loss/train", 10, 0.6)));
  expect(await page.evaluate(() => window.view.value)).toEqual(["r007"]);
  const lineY = map.y(smoothedAt("r007", "loss/train", 3, 0.6));
  await page.mouse.click(map.x(3), lineY > map.box.y + map.box.height / 2 ? lineY - 60 : lineY + 60);
  expect(await page.evaluate(() => [window.view.value, window.inputs])).toEqual([[], 3]);

  // The view's own controls (slider, check boxes, filter) send no input event of the view's.
  await page.locator(".rc-scalars input[type=range]").fill("0.3");
  await page.locator(".rc-filter").fill("loss");
  expect(await page.evaluate(() => window.inputs)).toBe(3);
});

test("the legend hides and shows runs", async ({ page }) => {
  await page.locator(".rc-run-legend-entry").first().locator("input").uncheck();
  await expect.poll(async () => (await drawn(page)).charts.map((c) => c.lines)).toEqual([95, 95, 95, 95]);
  await expect(page.locator(".rc-run-legend .rc-status")).toHaveText("95 of 96 runs shown");
  await page.getByRole("button", { name: "show all" }).click();
  await expect.poll(async () => (await drawn(page)).charts[0].lines).toBe(96);
  // The boxes follow "hide all" in the same task, before any frame: a box checked right after it is seen unchecked first.
  const right = await page.evaluate(() => {
    [...document.querySelectorAll(".rc-run-legend button")].find((button) => button.textContent === "hide all").click();
    const boxes = [...document.querySelectorAll(".rc-run-legend-entry input")];
    return [boxes.filter((box) => box.checked).length, document.querySelector(".rc-run-legend .rc-status").textContent];
  });
  expect(right).toEqual([0, "0 of 96 runs shown"]);
});

test("charts filter by text or /regex/; a bad regex is flagged and filters nothing", async ({ page }) => {
  const filter = page.locator(".rc-filter");
  const titles = page.locator(".rc-chart-title");
  await filter.fill("valid");
  await expect(titles).toHaveText(["loss/validation", "accuracy/validation"]);
  await filter.fill("/^loss/");
  await expect(titles).toHaveText(["loss/train", "loss/validation"]);
  await filter.fill("/(/");
  await expect(titles).toHaveCount(4);
  await expect(filter).toHaveClass(/rc-invalid/);
});

test("variants together: a chart per metric, variants dashed", async ({ page }) => {
  await page
    .locator(".rc-scalars select")
    .filter({ has: page.locator("option[value=together]") })
    .selectOption("together");
  await expect
    .poll(async () => (await drawn(page)).charts.map((c) => [c.title, c.lines]))
    .toEqual([
      ["loss", 192],
      ["accuracy", 192],
    ]);
  await expect(page.locator(".rc-chart").first().locator(".rc-dash-key")).toHaveText(["train", "validation"]);
});

test("time axes and a log y axis", async ({ page }) => {
  const axis = page.locator(".rc-scalars select").filter({ has: page.locator("option[value=relative]") });
  await axis.selectOption("relative");
  await expect.poll(() => page.locator(".rc-chart").first().locator(".rc-x-axis .tick text").first().textContent()).toMatch(/^0 (ms|s)$/);
  await axis.selectOption("wall");
  await expect
    .poll(() => page.locator(".rc-chart").first().locator(".rc-x-axis .tick text").allTextContents())
    .toContainEqual(expect.stringMatching(/^:\d\d$|^\d\d:\d\d$/));
  await page
    .locator(".rc-scalars select")
    .filter({ has: page.locator("option[value=log]") })
    .selectOption("log");
  await expect.poll(() => page.locator(".rc-chart").first().locator(".rc-y-axis .tick text").allTextContents()).toContain("1");
  expect(await page.evaluate(() => window.view.error)).toBeNull();
});

test("exports: a standalone SVG with every series as a path, and the series as CSV", async ({ page }) => {
  const svg = await page.evaluate(() => window.view.exportSVG());
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    return {
      root: root.nodeName,
      error: doc.querySelector("parsererror")?.textContent ?? null,
      paths: [...root.querySelectorAll("g.lines path")].filter((p) => p.getAttribute("stroke") !== "none").length,
      titles: [...root.querySelectorAll("g.chart > text")].map((t) => t.textContent),
      currentColor: text.includes("currentColor"),
      legend: [...root.querySelectorAll(".rc-legend-entry text")].map((t) => t.textContent),
    };
  }, svg);
  // Four charts x 96 runs x (raw + smoothed).
  expect(parsed).toMatchObject({
    root: "svg",
    error: null,
    paths: 768,
    titles: ["loss/train", "loss/validation", "accuracy/train", "accuracy/validation"],
    currentColor: false,
  });
  // The runs' key names the first 40 runs, then how many more: all 96 would make it taller than the charts.
  expect(parsed.legend.length).toBe(41);
  expect(parsed.legend.slice(0, 2)).toEqual([nameOf.get("r000"), nameOf.get("r001")]);
  expect(parsed.legend[40]).toBe("and 56 more");

  const csv = await page.evaluate(() => window.view.exportCSV());
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("metric,variant,run_id,name,step,time,value,smoothed");
  expect(lines.length).toBe(1 + 96 * 4 * 20);
  const row = lines.find((line) => line.startsWith("accuracy,validation,r042,")).split(",");
  expect(row[3]).toBe(nameOf.get("r042"));
  expect(Number(row[7])).toBeCloseTo(smoothedAt("r042", "accuracy/validation", Number(row[4]), 0.6), 12);
});

test("a bad option shows the error box with the words Python raises, and a good one recovers", async ({ page }) => {
  await page.evaluate(() => window.view.update({ smoothing: 2 }));
  await expect(page.locator(".rc-scalars .rc-error")).toHaveText("smoothing must be a number from 0 (none) to 0.999 (most); got 2.");
  expect(await page.evaluate(() => window.view.error)).toBe("smoothing must be a number from 0 (none) to 0.999 (most); got 2.");
  await page.evaluate(() => window.view.update({ smoothing: 0.5 }));
  await expect(page.locator(".rc-scalars .rc-error")).toHaveCount(0);
  await expect(page.locator(".rc-chart")).toHaveCount(4);

  // The same words as tests/python/test_scalars_view.py expects from rc.scalars.
  const cases = [
    [{ x: "time" }, 'x must be one of "step", "relative", "wall"; got "time".'],
    [{ band: "iqr" }, 'band must be one of "none", "minmax", "std", "stderr", "ci95"; got "iqr".'],
    [
      { metrics: ["loss/test"] },
      'no metric "loss/test" in the scalars (series: loss/train, loss/validation, accuracy/train, accuracy/validation): name a metric such as "loss" or a series such as "loss/train".',
    ],
    [
      { groupBy: ["momentum"] },
      'no column "momentum" in runs (columns: params.lr, params.hidden, params.alpha, params.batch_size, params.optimizer, params.seed, metrics.train/loss, metrics.validation/loss, … (13 in all)): pass one of these, with or without its "params."/"metrics." prefix.',
    ],
  ];
  for (const [options, message] of cases) {
    const error = await page.evaluate((options) => {
      window.view.update(options);
      const error = window.view.error;
      window.view.update({ x: "step", band: "minmax", metrics: null, groupBy: [] });
      return error;
    }, options);
    expect(error).toBe(message);
  }
  const noTime = await page.evaluate(async () => {
    const { scalars } = await import("runcompare");
    return scalars([{ run_id: "a", metric: "loss", step: 1, value: 1 }], { x: "relative" }).error;
  });
  expect(noTime).toBe('x="relative" needs times, but the scalars have no "time" column: add a "time" column (timestamps, or seconds) or use x="step".');
});

test("a hostile run name is text in the legend, tooltip and SVG; NaN is a gap, infinities show as ±∞", async ({ page }) => {
  const hostile = "<img src=x onerror=alert(1)>";
  await page.evaluate(async (hostile) => {
    const { scalars } = await import("runcompare");
    window.view.destroy();
    window.view.remove();
    const values = [1, 0.8, NaN, 0.6, Infinity, 0.5, -Infinity, 0.45, 0.4, 0.38];
    const rows = ["evil", "plain"].flatMap((run_id, r) => values.map((value, step) => ({ run_id, metric: "loss", step, value: value + r })));
    const view = scalars(rows, {
      runs: [
        { run_id: "evil", name: hostile },
        { run_id: "plain", name: "plain run" },
      ],
      smoothing: 0,
    });
    document.querySelector("#chart").append(view);
    window.view = view;
  }, hostile);
  await page.waitForFunction(() => window.view.drawn.frames > 0);
  expect(await page.evaluate(() => window.view.error)).toBeNull();
  await expect(page.locator(".rc-run-legend-name").first()).toHaveText(hostile);
  expect(await page.locator(".rc-scalars img").count()).toBe(0);
  const map = await chartMapping(page, 0);
  await page.mouse.move(map.x(3), map.y(0.6));
  const rows = await tooltipRows(page);
  expect(rows.map((r) => r.name).sort()).toEqual([hostile, "plain run"].sort());
  // At step 2 (NaN for both) neither run has a value: the nearest step with one is listed instead.
  expect(rows.every((r) => Number.isFinite(r.smoothed))).toBe(true);
  // Infinities are reported as such (TensorBoard passes them through its smoothing): "∞" in the
  // tooltip, raw and smoothed, with the dot on the plot's edge; the line has a gap there.
  const cellsAt = async (step) => {
    await page.mouse.move(map.x(step), map.y(0.6));
    await expect(page.locator(".rc-curve-tooltip-title")).toHaveText(`step ${step}`);
    return page.locator(".rc-curve-row").evaluateAll((rows) => rows.map((row) => [...row.cells].slice(2).map((cell) => cell.textContent)));
  };
  expect(await cellsAt(4)).toEqual([
    ["∞", "4"],
    ["∞", "4"],
  ]);
  await page.evaluate(() => window.view.update({ smoothing: 0.6 }));
  expect(await cellsAt(4)).toEqual([
    ["∞", "∞", "4"],
    ["∞", "∞", "4"],
  ]);
  expect(await cellsAt(6)).toEqual([
    ["\u2212∞", "\u2212∞", "6"],
    ["\u2212∞", "\u2212∞", "6"],
  ]);
  const dots = await page.locator(".rc-dot").evaluateAll((dots) => dots.map((dot) => Number(dot.getAttribute("cy"))));
  // The crosshair runs from the plot's top to its bottom.
  const plotBottom = Number(await page.locator(".rc-crosshair").first().getAttribute("y2"));
  expect(dots.length).toBe(2);
  for (const cy of dots) expect(Math.abs(cy - plotBottom)).toBeLessThanOrEqual(2);
  await page.screenshot({ path: path.join(screenshots, "scalars-infinity.png"), fullPage: true });
  const svg = await page.evaluate(() => window.view.exportSVG());
  expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
  expect(svg).not.toContain("<img");
  expect(await page.locator(".rc-scalars img").count()).toBe(0);
});

test("dark theme", async ({ page }) => {
  await page.addStyleTag({
    content: `body { background: #111; color: #ddd; --jp-layout-color0: #111; --jp-layout-color1: #1e1e1e; --jp-ui-font-color1: #ddd;
      --jp-ui-font-color2: #aaa; --jp-border-color2: #444; --jp-brand-color1: #4a9eff; }`,
  });
  const frames = (await drawn(page)).frames;
  await page.evaluate(() => window.view.update({ groupBy: ["lr", "hidden", "alpha", "batch_size"], band: "std" }));
  await expect.poll(async () => (await drawn(page)).frames).toBeGreaterThan(frames);
  const map = await chartMapping(page, 0);
  await page.mouse.move(map.x(6), map.y(1));
  await expect(page.locator(".rc-curve-tooltip").first()).toBeVisible();
  const background = await page.locator(".rc-scalars").evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe("rgb(17, 17, 17)");
  await page.screenshot({ path: path.join(screenshots, "scalars-dark.png"), fullPage: true });
});

test("the notebook widget draws the scalars view from its traits and sends the selection back", async ({ page }) => {
  const read = (file) => [...fs.readFileSync(path.join(repo, "examples/data", file))];
  const result = await page.evaluate(
    async ([scalarBytes, runBytes]) => {
      const widget = (await import("/python/runcompare/static/widget.js")).default;
      const view = (bytes) => new DataView(new Uint8Array(bytes).buffer);
      const traits = { view: "scalars", runs: view(runBytes), scalars: view(scalarBytes), options: { metrics: ["loss"], smoothing: 0.8 }, selected: ["r003"] };
      const { model, saved } = (await import("/tests/browser/fake-model.js")).fakeModel(traits);
      const el = document.createElement("div");
      document.body.append(el);
      const cleanup = widget.render({ model, el });
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const element = el.querySelector(".rc-scalars");
      while (element.drawn.frames < 1) await frame();
      const atStart = { charts: element.drawn.charts.map((c) => [c.title, c.lines, c.emphasised]), smoothing: el.querySelector("output").textContent };
      // Once drawn, the view sent its state (w.state): the saves since are the user's.
      const sent = saved.length;
      [...el.querySelectorAll(".rc-run-legend-name")].find((name) => name.textContent.endsWith("seed=2")).click();
      const picked = saved.slice(sent);
      model.set("options", { metrics: ["loss"], smoothing: 0.8, groupBy: ["lr", "hidden", "alpha", "batch_size"] });
      await frame();
      await frame();
      const grouped = element.drawn.charts.map((c) => c.lines);
      cleanup();
      return { atStart, picked, grouped, left: el.querySelectorAll(".rc-chart").length };
    },
    [read("scalars.arrow"), read("runs.arrow")],
  );
  expect(result).toEqual({
    atStart: {
      charts: [
        ["loss/train", 96, 1],
        ["loss/validation", 96, 1],
      ],
      smoothing: "0.800",
    },
    picked: [["r002"]],
    grouped: [32, 32],
    left: 0,
  });
});

test("with no smoothing given, the page's setting (JupyterLab's Settings > runcompare) is the default", async ({ page }) => {
  await page.goto("/examples/scalars.html");
  const value = await page.evaluate(async () => {
    const rc = await import("/dist/runcompare.js");
    document.documentElement.style.setProperty("--rc-smoothing", "0.9");
    const load = async (name) => new Uint8Array(await (await fetch(`/examples/data/${name}.arrow`)).arrayBuffer());
    const view = rc.scalars(await load("scalars"), { metrics: ["loss"] });
    document.body.append(view);
    return view.querySelector("input.rc-smoothing").value;
  });
  expect(Number(value)).toBe(0.9);
});

/**
 * Draws many long noisy curves with the view, and again in the page with plain canvas calls from
 * values smoothed and reduced here (TensorBoard's EMA and M4 per device-pixel column, written out
 * below, mapped through the axes' ticks), in the view's documented look: its twenty run colours in turn, one
 * path per colour, hairlines, opacity 1.25 - 0.3 log10(runs), raw series at 0.3 of that beneath.
 * Returns, per layer, how far the view's pixels are from the reference's.
 */
async function longCurvesAgainstReference(page, { runs, steps, smoothing }) {
  return page.evaluate(
    async ({ runs, steps, smoothing }) => {
      const { scalars } = await import("runcompare");
      let state = 17;
      const random = () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const rows = [];
      const raw = [];
      for (let run = 0; run < runs; run++) {
        const values = [];
        const rate = (2 + 10 * random()) / steps;
        for (let step = 0; step < steps; step++) {
          const value = 0.2 + 2 * Math.exp(-rate * step) + 0.3 * (random() - 0.5);
          values.push(value);
          rows.push({ run_id: `run-${String(run).padStart(3, "0")}`, metric: "loss", step, value });
        }
        raw.push(values);
      }
      const host = document.createElement("div");
      host.style.width = "1080px";
      document.body.replaceChildren(host);
      const view = scalars(rows, { smoothing });
      host.append(view);
      if (view.error) throw new Error(view.error);
      while (view.drawn.frames === 0) await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);

      const plot = view.querySelector(".rc-plot");
      const [rawCanvas, smoothCanvas] = plot.querySelectorAll("canvas");
      // d3's axes put ticks half a pixel off at device pixel ratio 1, to keep their lines crisp.
      const ticks = (axis, at) =>
        [...plot.querySelectorAll(`${axis} .tick`)].map((tick) => ({
          value: Number(tick.textContent.replace("−", "-").replace(/k$/, "e3")),
          at: tick.transform.baseVal[0].matrix[at] - 0.5,
        }));
      const mapping = (marks) => {
        const [a, b] = [marks[0], marks[marks.length - 1]];
        return (value) => a.at + ((value - a.value) * (b.at - a.at)) / (b.value - a.value);
      };
      const mapX = mapping(ticks(".rc-x-axis", "e"));
      const mapY = mapping(ticks(".rc-y-axis", "f"));
      const [left, right] = [mapX(0), mapX(steps - 1)];
      const pixelColumns = Math.round(right - left);

      const ema = (values) => {
        let last = 0;
        return values.map((v, i) => {
          last = last * smoothing + (1 - smoothing) * v;
          return last / (1 - smoothing ** (i + 1));
        });
      };
      // M4: in each pixel column, the first, lowest, highest and last point, each once, in order.
      const m4 = (values) => {
        const kept = [];
        for (let start = 0; start < steps;) {
          const column = Math.floor((start * pixelColumns) / (steps - 1));
          let end = start;
          while (end < steps && Math.floor((end * pixelColumns) / (steps - 1)) === column) end++;
          const group = values.slice(start, end);
          const low = start + group.indexOf(Math.min(...group));
          const high = start + group.indexOf(Math.max(...group));
          kept.push(...new Set([start, Math.min(low, high), Math.max(low, high), end - 1]));
          start = end;
        }
        return kept.map((i) => [mapX(i), mapY(values[i])]);
      };
      const palette = [
        "#4e79a7",
        "#f28e2c",
        "#e15759",
        "#76b7b2",
        "#59a14f",
        "#edc949",
        "#af7aa1",
        "#ff9da7",
        "#9c755f",
        "#a120f7",
        "#776f00",
        "#0a7b6c",
        "#acb1f0",
        "#2fb5fa",
        "#d11376",
        "#f654f9",
        "#c04304",
        "#a89c62",
        "#a1c313",
        "#7961a3",
      ];
      const alpha = Math.max(0.15, Math.min(1, 1.25 - 0.3 * Math.log10(runs)));
      const reference = (series, opacity) => {
        const canvas = document.createElement("canvas");
        [canvas.width, canvas.height] = [smoothCanvas.width, smoothCanvas.height];
        const context = canvas.getContext("2d");
        context.beginPath();
        context.rect(left, 0, right - left, canvas.height);
        context.clip();
        Object.assign(context, { lineJoin: "round", lineCap: "round", lineWidth: 0.999, globalAlpha: opacity });
        for (let color = 0; color < palette.length; color++) {
          context.strokeStyle = palette[color];
          context.beginPath();
          for (let run = color; run < runs; run += palette.length) {
            const points = m4(series[run]);
            context.moveTo(...points[0]);
            for (const point of points.slice(1)) context.lineTo(...point);
          }
          context.stroke();
        }
        return canvas;
      };
      const difference = (canvas, expected) => {
        const a = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        const b = expected.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        let sum = 0;
        let far = 0;
        let painted = 0;
        for (let i = 0; i < a.length; i += 4) {
          if (b[i + 3] > 0) painted++;
          let most = 0;
          for (let c = 0; c < 4; c++) {
            const d = Math.abs(a[i + c] - b[i + c]);
            sum += d;
            most = Math.max(most, d);
          }
          if (most > 48) far++;
        }
        return { mean: sum / a.length, far: far / painted, painted };
      };
      return {
        smoothed: difference(smoothCanvas, reference(raw.map(ema), alpha)),
        raw: difference(rawCanvas, reference(raw, 0.3 * alpha)),
      };
    },
    { runs, steps, smoothing },
  );
}

test("long curves look as their per-pixel-column reductions drawn in full: the same lines, colours, widths and raw layer", async ({ page }) => {
  for (const smoothing of [0.7, 0.95]) {
    // Steps 0 to 2,000: the x axis ends at the last step (it runs on to the next tick past the last).
    const { smoothed, raw } = await longCurvesAgainstReference(page, { runs: 100, steps: 2_001, smoothing });
    for (const layer of [smoothed, raw]) {
      expect(layer.painted).toBeGreaterThan(10_000);
      // The same drawing calls give the same pixels; lines 20% fainter than they should be (a
      // mean of about 1), or half a pixel off, are well past these.
      expect(layer.mean).toBeLessThan(0.1);
      expect(layer.far).toBeLessThan(0.001);
    }
  }
  await page.screenshot({ path: path.join(screenshots, "scalars-long-curves.png") });
});
