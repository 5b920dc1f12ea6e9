import { test, expect } from "@playwright/test";
import { messyRuns, messyScalars } from "./messy.js";
import { expectLegible, legibility } from "./legibility.js";
import { paintedPixels, readBack } from "./helpers.js";
import { shoot, showMessy } from "./messy-view.js";

/**
 * The scalars view on the generated messy store: 200 runs of 600 with curves, a spike of 1e6 in
 * run 5 of every curve, a NaN gap, millisecond times, long nested names, runs lacking a curve.
 */
const runs = messyRuns();
const scalars = messyScalars(runs);
const SCALARS = "rc.scalars(scalars, { runs })";
const NESTED = "lightning_logs/grad_norm/a_long_nested/metric_name";

const yTicks = (page, chart) => page.locator(".rc-chart").nth(chart).locator(".rc-y-axis .tick text").allTextContents();
const tickValues = async (page, chart) => (await yTicks(page, chart)).map(readBack);
const drawn = (page) => page.evaluate(() => window.view.drawn);

for (const width of [600, 1000, 1600]) {
  for (const theme of ["light", "dark"]) {
    test(`${width} px, ${theme}: no text overlaps or is cut off, before and while hovering`, async ({ page }) => {
      await showMessy(page, SCALARS, { width, theme });
      expectLegible(await legibility(page, ".rc-view"), expect, `${width} ${theme}`);
      const svg = page.locator(".rc-plot svg").first();
      const box = await svg.boundingBox();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7);
      await expect(page.locator(".rc-curve-tooltip").first()).toBeVisible();
      // The tooltip lies over the charts on purpose; the rest of the view stays legible around it.
      expectLegible(await legibility(page, ".rc-curve-tooltip"), expect, `${width} ${theme} tooltip`);
      await shoot(page, `messy-scalars-${width}-${theme}`);
    });
  }
}

test("outliers are left out of the y range by default and marked at the edge; unticked, the range holds them", async ({ page }) => {
  await showMessy(page, SCALARS);
  // Losses near 0 to 2.3, accuracies 0.5 to 1, and run 5's spike of 1e6 at step 100 of each curve.
  const charts = (await drawn(page)).charts;
  expect(charts.map((c) => c.title)).toEqual(["loss/train", "val/accuracy/epoch_end", "loss/validation", `${NESTED}/train`]);
  for (let chart = 0; chart < 4; chart++) expect(Math.max(...(await tickValues(page, chart)))).toBeLessThan(5);
  for (const chart of charts) expect(chart.clippedMarks).toBeGreaterThan(0);

  // The marks sit at the top edge, in run 5's colour, above step 1,002 (s = 100: 100 * 10 + 100 % 7).
  const color = await page
    .locator(".rc-run-legend-entry")
    .filter({ hasText: /^run 5$/ })
    .locator(".rc-swatch")
    .evaluate((s) => getComputedStyle(s).backgroundColor);
  const mark = await page
    .locator(".rc-chart")
    .first()
    .locator(".rc-plot")
    .evaluate((plot, color) => {
      const ticks = [...plot.querySelectorAll(".rc-x-axis .tick")].map((t) => ({
        value: Number(t.textContent.replace(/k$/, "e3")),
        at: t.transform.baseVal[0].matrix.e,
      }));
      const [a, b] = [ticks[0], ticks[ticks.length - 1]];
      const x = a.at + ((1002 - a.value) * (b.at - a.at)) / (b.value - a.value);
      const top = plot.querySelector(".rc-y-axis .domain").getBBox().y;
      const canvas = plot.querySelectorAll("canvas")[1];
      const ratio = canvas.width / canvas.clientWidth;
      const { data } = canvas
        .getContext("2d")
        .getImageData(Math.round((x - 6) * ratio), Math.round(top * ratio), Math.round(12 * ratio), Math.round(6 * ratio));
      const [r, g, b2] = color.match(/\d+/g).map(Number);
      let matching = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3] > 100 && Math.abs(data[i] - r) < 40 && Math.abs(data[i + 1] - g) < 40 && Math.abs(data[i + 2] - b2) < 40) matching++;
      return matching;
    }, color);
  expect(mark).toBeGreaterThan(3);

  await page.getByLabel("ignore outliers").uncheck();
  await expect.poll(async () => Math.max(...(await tickValues(page, 0)))).toBeGreaterThanOrEqual(9e5);
  expect((await drawn(page)).charts.every((c) => c.clippedMarks === 0)).toBe(true);
  expect(await page.evaluate(() => window.view.error)).toBeNull();
  // Anything but true or false is refused, in the contract's words.
  const error = await page.evaluate(() => {
    window.view.update({ ignoreOutliers: "<img src=x onerror=alert(1)>" });
    return window.view.error;
  });
  expect(error).toBe('ignoreOutliers must be one of true, false; got "<img src=x onerror=alert(1)>".');
  await expect(page.locator(".rc-error")).toHaveText(error);
  expect(await page.locator("img").count()).toBe(0);
});

test("the legend lists only the runs with data in the charts shown", async ({ page }) => {
  await showMessy(page, `rc.scalars(scalars, { runs, metrics: ["${NESTED}"] })`);
  // Counted from the store's rows, not from the view: runs that reported the nested metric.
  const withCurve = new Set(scalars.filter((row) => row.metric === NESTED).map((row) => row.run_id));
  const all = new Set(scalars.map((row) => row.run_id));
  expect(withCurve.size).toBeLessThan(all.size);
  await expect(page.locator(".rc-run-legend-entry")).toHaveCount(withCurve.size);
  await expect(page.locator(".rc-run-legend .rc-status")).toHaveText(
    `${withCurve.size} of ${withCurve.size} runs shown · ${all.size - withCurve.size} runs without these charts`,
  );

  // The chart filter does the same; back to every chart, every run.
  await page.evaluate(() => window.view.update({ metrics: null, filter: "validation" }));
  const withValidation = new Set(scalars.filter((row) => row.variant === "validation").map((row) => row.run_id));
  await expect(page.locator(".rc-run-legend-entry")).toHaveCount(withValidation.size);
  await page.evaluate(() => window.view.update({ filter: "" }));
  await expect(page.locator(".rc-run-legend-entry")).toHaveCount(all.size);
});

test("millisecond times are read as such, and the view says so", async ({ page }) => {
  await showMessy(page, SCALARS);
  await expect(page.locator(".rc-scalars .rc-hint")).toHaveText('"time" holds milliseconds since 1970: shown as dates (UTC).');
  // Run 0 reports every 1.5 s for 300 steps: 7.5 minutes, not 5 days.
  await page.getByLabel("x", { exact: true }).selectOption("relative");
  await expect
    .poll(async () => (await page.locator(".rc-chart").first().locator(".rc-x-axis .tick text").allTextContents()).at(-1))
    .toMatch(/^\d+(\.\d+)? min$/);
});

test("the group-by popup shows and edits the grouping, and closes on Escape and outside", async ({ page }) => {
  await showMessy(page, 'rc.scalars(scalars, { runs, groupBy: ["optimizer"] })');
  const summary = page.locator(".rc-group summary");
  await expect(summary).toHaveText("group by optimizer");
  await summary.click();
  const box = (name) =>
    page
      .locator(".rc-group-list label")
      .filter({ hasText: new RegExp(`^${name.replace(".", "\\.")}$`) })
      .locator("input");
  await expect(box("params.optimizer")).toBeChecked();
  await expect(page.locator(".rc-group-list input:checked")).toHaveCount(1);
  // Ticking adds to the grouping.
  await page.locator(".rc-group-list input[type=search]").fill("model");
  await box("params.model").check();
  await expect(summary).toHaveText("group by optimizer, params.model");
  await expect(box("params.optimizer")).toBeChecked();
  const charted = new Set(scalars.map((row) => row.run_id));
  const pairs = new Set(runs.filter((run) => charted.has(run.run_id)).map((run) => `${run["params.optimizer"]}|${run["params.model"]}`));
  await expect(page.locator(".rc-run-legend-entry")).toHaveCount(pairs.size);
  await expect(page.locator(".rc-group")).toHaveAttribute("open", "");
  await page.keyboard.press("Escape");
  await expect(page.locator(".rc-group")).not.toHaveAttribute("open", "");
  await expect(summary).toBeFocused();
  await summary.click();
  await expect(page.locator(".rc-group")).toHaveAttribute("open", "");
  await page.locator(".rc-charts").click({ position: { x: 5, y: 5 } });
  await expect(page.locator(".rc-group")).not.toHaveAttribute("open", "");
  // Unticking takes a column out; the menus of the grouping are labelled.
  await summary.click();
  await page.locator(".rc-group-list input[type=search]").fill("");
  await box("params.optimizer").uncheck();
  await expect(summary).toHaveText("group by params.model");
  await expect(page.getByLabel("aggregate", { exact: true })).toHaveValue("mean");
  await expect(page.getByLabel("band", { exact: true })).toHaveValue("minmax");
  // Group labels are whole, and say only what sets groups apart.
  await expect(page.locator(".rc-run-legend-name").first()).toHaveText(/^model=\S+ \(\d+\)$/);
  expectLegible(await legibility(page, ".rc-run-legend"), expect, "grouped legend");
});

test("twenty colours before any repeats", async ({ page }) => {
  await showMessy(page, SCALARS);
  const colors = await page.locator(".rc-run-legend-entry .rc-swatch").evaluateAll((swatches) => swatches.map((s) => getComputedStyle(s).backgroundColor));
  expect(new Set(colors.slice(0, 20)).size).toBe(20);
  expect(colors[20]).toBe(colors[0]);
});

for (const theme of ["light", "dark"]) {
  test(`${theme}: the hovered run stands out in every chart, the tooltip and the legend`, async ({ page }) => {
    await showMessy(page, SCALARS, { theme });
    const hoverLayer = (chart) => page.locator(".rc-chart").nth(chart).locator(".rc-plot canvas").nth(2);
    for (let chart = 0; chart < 4; chart++) expect(await paintedPixels(hoverLayer(chart))).toBe(0);
    const entry = page.locator(".rc-run-legend-entry").filter({ hasText: /^run 13$/ });
    await entry.locator(".rc-run-legend-name").hover();
    await expect(entry).toHaveClass(/rc-hovered/);
    // Run 13 has every curve: its lines are drawn over the others in all four charts.
    for (let chart = 0; chart < 4; chart++) await expect.poll(() => paintedPixels(hoverLayer(chart))).toBeGreaterThan(300);
    await shoot(page, `messy-scalars-hover-legend-${theme}`);

    // Over a line in a chart: its run stands out, and its row in the tooltip.
    const svg = page.locator(".rc-plot svg").first();
    const box = await svg.boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8);
    const row = page.locator(".rc-curve-tooltip").first().locator(".rc-curve-row.rc-hovered");
    for (let dy = 0; dy < 60 && !(await row.count()); dy += 2) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8 - dy);
    await expect(row).toHaveCount(1);
    const name = await row.locator(".rc-curve-name").textContent();
    await expect(page.locator(".rc-run-legend-entry.rc-hovered")).toHaveText(name);
    await expect.poll(() => paintedPixels(hoverLayer(0))).toBeGreaterThan(100);
    await shoot(page, `messy-scalars-hover-line-${theme}`);
    // Long names wrap at the name column's 260 px, not a few letters a line where the tooltip meets the view's edge.
    const squeezed = await page
      .locator(".rc-curve-tooltip")
      .first()
      .locator(".rc-curve-name")
      .evaluateAll((cells) => {
        const context = document.createElement("canvas").getContext("2d");
        return cells.flatMap((cell) => {
          context.font = getComputedStyle(cell).font;
          const natural = context.measureText(cell.textContent).width;
          return cell.clientWidth + 1 < Math.min(natural, 200) ? [cell.textContent] : [];
        });
      });
    expect(squeezed).toEqual([]);
    await page.mouse.move(0, 0);
    await expect.poll(() => paintedPixels(hoverLayer(0))).toBe(0);
  });
}

test("scalars alone, a metric logged once per run: a visible ring per run on screen and in the SVG export, and a colour menu that says what it does", async ({
  page,
}) => {
  // As MLflow stores keep a final score (best_iteration, mse): one point per run, no line to draw.
  const ONCE = "rc.scalars(Array.from({ length: 5 }, (_, i) => ({ run_id: `r${i}`, metric: 'best_score', step: 10 * i, value: i % 3 })))";
  await showMessy(page, ONCE);
  expect((await drawn(page)).charts.map((c) => [c.title, c.lines])).toEqual([["best_score", 5]]);
  // With no runs table there is nothing else to colour by, but the menu still says what it does.
  await expect(page.getByLabel("colour")).toHaveValue("");
  await expect(page.getByLabel("colour").locator("option")).toHaveText(["one colour per run"]);
  let painted = 0;
  for (const canvas of await page.locator(".rc-chart canvas").all()) painted += await paintedPixels(canvas);
  // A ring of radius 2 drawn 1.5 px wide covers some 20 pixels; a dot of the line's caps, 2 or 3.
  expect(painted).toBeGreaterThan(5 * 12);
  const paths = await page.evaluate(() => {
    const svg = new DOMParser().parseFromString(window.view.exportSVG(), "image/svg+xml");
    return [...svg.querySelectorAll(".lines path")].map((path) => [path.querySelector("title").textContent, path.getAttribute("d")]);
  });
  expect(new Set(paths.map(([run]) => run))).toEqual(new Set(["r0", "r1", "r2", "r3", "r4"]));
  for (const [, d] of paths) expect(d).toMatch(/^M[\d.]+,[\d.]+M[\d.]+,[\d.]+(A2,2,0,1,1,[\d.]+,[\d.]+){2}$/);
  await shoot(page, "messy-scalars-logged-once");
});
