import { test, expect } from "@playwright/test";
import { messyRuns, messyScalars } from "./messy.js";
import { expectLegible, legibility } from "./legibility.js";
import { shoot, showMessy } from "./messy-view.js";

/**
 * The values table on the generated messy store: 600 runs in the runs table, 200 of them with
 * curves (four series, some missing), long nested names.
 */
const runs = messyRuns();
const scalars = messyScalars(runs);
const VALUES = "rc.values(scalars, { runs })";

/** Each run's last value of each series, from the store's rows: series key -> run id -> value. */
function lastValues() {
  const last = new Map();
  for (const row of scalars) {
    const key = row.variant ? `${row.metric}/${row.variant}` : row.metric;
    if (!last.has(key)) last.set(key, new Map());
    const byRun = last.get(key);
    const seen = byRun.get(row.run_id);
    if (!seen || row.step >= seen.step) byRun.set(row.run_id, row);
  }
  return new Map([...last].map(([key, byRun]) => [key, new Map([...byRun].map(([id, row]) => [id, row.value]))]));
}
const LAST = lastValues();
const shown = (value) => Number(value.toPrecision(4));
const nameOf = new Map(runs.map((run) => [run.run_id, run.name]));

for (const width of [600, 1000, 1600]) {
  for (const theme of ["light", "dark"]) {
    test(`values, ${width} px, ${theme}: no text overlaps or is cut off, runs as rows and as columns`, async ({ page }) => {
      await showMessy(page, VALUES, { width, theme });
      expectLegible(await legibility(page, ".rc-view"), expect, `${width} ${theme} rows`);
      await shoot(page, `messy-values-${width}-${theme}`);
      await page.getByRole("button", { name: "columns", exact: true }).click();
      expectLegible(await legibility(page, ".rc-view"), expect, `${width} ${theme} columns`);
      await shoot(page, `messy-values-columns-${width}-${theme}`);
    });
  }
}

test("a row per run when runs outnumber series, the runs without values left out, and a switch", async ({ page }) => {
  await showMessy(page, VALUES);
  const withValues = new Set(scalars.map((row) => row.run_id));
  await expect(page.locator(".rc-values .rc-status")).toHaveText(
    `4 series × ${withValues.size} runs · ${runs.length - withValues.size} runs with no values left out`,
  );
  await expect(page.getByRole("button", { name: "rows", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".rc-values table")).toHaveAttribute("aria-rowcount", String(withValues.size + 1));
  await expect(page.locator(".rc-values thead .rc-series-name")).toHaveText([...LAST.keys()]);
  // The first row is the first run of the runs table with values, its name whole on hover.
  const first = runs.find((run) => withValues.has(run.run_id));
  await expect(page.locator(".rc-values tbody th").first()).toHaveText(first.name);
  await expect(page.locator(".rc-values tbody th").first()).toHaveAttribute("title", `${first.name}\n${first.run_id}`);
  // Only the rows in view are in the page; the last is reached by scrolling, the header stays.
  expect(await page.locator(".rc-values tbody tr:not(.rc-spacer-row)").count()).toBeLessThan(60);
  const header = await page.locator(".rc-values thead th").first().boundingBox();
  await page.locator(".rc-values-scroll").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  const last = runs.filter((run) => withValues.has(run.run_id)).at(-1);
  await expect(page.locator(".rc-values tbody th").last()).toHaveText(last.name);
  expect(await page.locator(".rc-values thead th").first().boundingBox()).toEqual(header);
  const key = "loss/validation";
  const row = page.locator(".rc-values tbody tr").filter({ has: page.locator("th", { hasText: new RegExp(`^${last.name}$`) }) });
  const expected = LAST.get(key).get(last.run_id);
  await expect(row.locator('td[aria-colindex="4"] .rc-value')).toHaveText(expected === undefined ? "—" : String(shown(expected)));

  await page.getByRole("button", { name: "columns", exact: true }).click();
  await expect(page.locator(".rc-values tbody th")).toHaveText([...LAST.keys()]);
  await expect(page.locator(".rc-values table")).toHaveAttribute("aria-colcount", String(withValues.size + 1));
  // The CSV follows the layout, at full precision.
  const csv = (await page.evaluate(() => window.view.exportCSV())).trim().split("\r\n");
  expect(csv[0].split(",")[0]).toBe("metric");
  expect(csv).toHaveLength(5);
  await page.getByRole("button", { name: "rows", exact: true }).click();
  const rowsCsv = (await page.evaluate(() => window.view.exportCSV())).trim().split("\r\n");
  expect(rowsCsv[0]).toBe(`run_id,name,${[...LAST.keys()].join(",")}`);
  expect(rowsCsv).toHaveLength(withValues.size + 1);
  const run0 = runs[0];
  expect(rowsCsv[1].startsWith(`${run0.run_id},`)).toBe(true);
  expect(rowsCsv[1].endsWith(`,${LAST.get("loss/train").get(run0.run_id)},${LAST.get("val/accuracy/epoch_end").get(run0.run_id)},,`)).toBe(true);
});

test("each series' extremes stay in view, and bring their run into view when clicked", async ({ page }) => {
  await showMessy(page, VALUES);
  for (const [key, byRun] of LAST) {
    const values = [...byRun.values()].filter((v) => !Number.isNaN(v));
    const header = page.locator(".rc-values thead th.rc-series").filter({ has: page.locator(".rc-series-name", { hasText: new RegExp(`^${key}$`) }) });
    await expect(header.locator(".rc-extremes .rc-max")).toHaveText(`▲ ${shown(Math.max(...values))}`);
    await expect(header.locator(".rc-extremes .rc-min")).toHaveText(`▼ ${shown(Math.min(...values))}`);
  }
  // The lowest final validation loss belongs to a run far down the table: a click shows its row.
  const byRun = LAST.get("loss/validation");
  const [lowest] = [...byRun].filter(([, v]) => !Number.isNaN(v)).sort((a, b) => a[1] - b[1])[0];
  const header = page.locator(".rc-values thead th.rc-series").nth(2);
  await header.locator(".rc-extremes .rc-min").click();
  const row = page
    .locator(".rc-values tbody tr")
    .filter({ has: page.locator("th", { hasText: new RegExp(`^${nameOf.get(lowest).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }) });
  await expect(row).toBeInViewport();
  await expect(row.locator("td.rc-min")).toHaveCount(1);
  await shoot(page, "messy-values-extreme-shown");
  // Runs as columns: the extremes sit in the last column, kept in view at the right.
  await page.getByRole("button", { name: "columns", exact: true }).click();
  const extremes = page.locator(".rc-values tbody td.rc-extremes").first();
  await expect(extremes).toBeInViewport();
  const before = await extremes.boundingBox();
  await page.locator(".rc-values-scroll").evaluate((scroller) => (scroller.scrollLeft = scroller.scrollWidth / 2));
  await expect.poll(() => extremes.boundingBox()).toEqual(before);
});

for (const theme of ["light", "dark"]) {
  test(`values, ${theme}: the run under the pointer stands out, as a row and as a column`, async ({ page }) => {
    await showMessy(page, VALUES, { theme });
    const row = page.locator(".rc-values tbody tr").nth(3);
    await row.locator("td").nth(1).hover();
    await expect(row).toHaveClass(/rc-hovered/);
    const tint = (locator) => locator.evaluate((element) => getComputedStyle(element).backgroundImage);
    expect(await tint(row.locator("td").nth(0))).toContain("gradient");
    expect(await tint(page.locator(".rc-values tbody tr").nth(5).locator("td").nth(0))).toBe("none");
    await shoot(page, `messy-values-hover-${theme}`);

    await page.getByRole("button", { name: "columns", exact: true }).click();
    const cell = page.locator(".rc-values tbody tr").nth(1).locator('td[aria-colindex="4"]');
    await cell.hover();
    await expect(page.locator('.rc-values thead th[aria-colindex="4"]')).toHaveClass(/rc-hovered/);
    await expect(page.locator('.rc-values tbody td[aria-colindex="4"].rc-hovered')).toHaveCount(4);
    expect(await tint(page.locator(".rc-values tbody tr").nth(3).locator('td[aria-colindex="4"]'))).toContain("gradient");
    await shoot(page, `messy-values-columns-hover-${theme}`);
  });
}

/** The names and values a summary panel draws, without their <title>s, top to bottom. */
const drawnRows = (panel) =>
  panel.locator(".rc-bar-row").evaluateAll((rows) =>
    rows.map((row) => ({
      run: Number(row.dataset.run),
      label: row.querySelector(".rc-bar-label").firstChild.nodeValue,
      value: row.querySelector(".rc-bar-value").firstChild?.nodeValue ?? "",
    })),
  );

for (const width of [600, 1000, 1600]) {
  for (const theme of ["light", "dark"]) {
    test(`summary, ${width} px, ${theme}: no text overlaps or is cut off, before and while hovering`, async ({ page }) => {
      await showMessy(page, "rc.summary(runs)", { width, theme });
      expectLegible(await legibility(page, ".rc-view"), expect, `${width} ${theme}`);
      const bar = page.locator(".rc-summary .rc-bar-panel").first().locator(".rc-bar-row").nth(2).locator(".rc-bar-label");
      await bar.hover();
      await expect(page.locator(".rc-summary .rc-tooltip")).toBeVisible();
      expectLegible(await legibility(page, ".rc-summary .rc-bar-panels"), expect, `${width} ${theme} hovering`);
      await shoot(page, `messy-summary-${width}-${theme}`);
    });
  }
}

test("summary: exported in the task that made it, before its first drawing, as drawn off the page", async ({ page }) => {
  // The view draws once it is in the page; an export asked for before that lays it out at once.
  await showMessy(page, "(() => { const view = rc.summary(runs); window.early = view.exportSVG(); window.offPage = rc.summary(runs); return view; })()");
  const early = await page.evaluate(() => window.early);
  expect(early.match(/<rect/g).length).toBeGreaterThan(10);
  expect(early).toBe(await page.evaluate(() => window.offPage.exportSVG()));
});

test("summary bars: sorted by value, labelled with names and values, outliers off the axis", async ({ page }) => {
  await showMessy(page, "rc.summary(runs)");
  const metrics = Object.keys(runs[0])
    .filter((key) => key.startsWith("metrics."))
    .map((key) => key.slice(8));
  await expect(page.locator(".rc-summary .rc-bar-title")).toHaveText(metrics);
  for (const [index, metric] of metrics.entries()) {
    const panel = page.locator(".rc-summary .rc-bar-panel").nth(index);
    const values = runs.map((run) => run[`metrics.${metric}`]).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : NaN));
    // Largest first; ties keep the runs table's order (a stable sort, done here).
    const expected = values
      .map((value, run) => ({ value, run }))
      .filter((r) => !Number.isNaN(r.value))
      .sort((a, b) => b.value - a.value);
    const rows = await drawnRows(panel);
    expect(rows.length).toBeGreaterThan(10);
    for (const [i, row] of rows.entries()) {
      expect(row.run).toBe(expected[i].run);
      expect(Number(row.value)).toBe(shown(expected[i].value));
    }
    // Every name is there: whole, or cut in the middle with the whole in its <title>.
    const titles = await panel.locator(".rc-bar-label title").allTextContents();
    expect(titles).toEqual(rows.map((row) => runs[row.run].name));
    for (const row of rows) if (row.label !== runs[row.run].name) expect(row.label).toContain("…");
  }
  // val/loss/epoch_end has spikes of 1e6: their bars run off an axis fitted to the rest, notched.
  const spiky = page.locator(".rc-summary .rc-bar-panel").nth(metrics.indexOf("val/loss/epoch_end"));
  const ticks = (await spiky.locator(".rc-bar-axis .tick text").allTextContents()).map(Number);
  expect(Math.max(...ticks)).toBeLessThan(10);
  await expect(spiky.locator(".rc-bar-beyond")).toHaveCount(runs.filter((run) => run["metrics.val/loss/epoch_end"] === 1e6).length);
  // The last runs of the panel are reached by scrolling it: those without a value come last, marked.
  const withoutValue = runs.filter((run) => !Number.isFinite(run["metrics.val/accuracy"])).length;
  const accuracy = page.locator(".rc-summary .rc-bar-panel").nth(metrics.indexOf("val/accuracy"));
  await accuracy.locator(".rc-bar-scroll").evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  await expect(accuracy.locator(".rc-no-bar")).toHaveCount(withoutValue);
  await expect(accuracy.locator(".rc-bar-row").last().locator(".rc-no-bar")).toHaveText("—");
  // Only the rows in view are drawn: six panels of 600 runs stay light.
  expect((await page.evaluate(() => window.view.drawn)).rows).toBeLessThan(6 * 60);
});

for (const theme of ["light", "dark"]) {
  test(`summary, ${theme}: the hovered run stands out in every panel`, async ({ page }) => {
    await showMessy(page, "rc.summary(runs, { sort: 'runs' })", { theme });
    const row = page.locator(".rc-summary .rc-bar-panel").first().locator('.rc-bar-row[data-run="3"]');
    await row.locator(".rc-bar-label").hover();
    // In runs table order, run 3 is drawn in every panel: it stands out in each.
    await expect(page.locator('.rc-summary .rc-bar-row.rc-hovered[data-run="3"]')).toHaveCount(6);
    const fill = await row.locator(".rc-row-hit").evaluate((rect) => getComputedStyle(rect).fill);
    expect(fill).not.toBe("rgba(0, 0, 0, 0)");
    const other = await page
      .locator(".rc-summary .rc-bar-panel")
      .first()
      .locator('.rc-bar-row[data-run="4"] .rc-row-hit')
      .evaluate((rect) => getComputedStyle(rect).fill);
    expect(other).toBe("rgba(0, 0, 0, 0)");
    await shoot(page, `messy-summary-hover-${theme}`);
  });
}

for (const width of [600, 1000, 1600]) {
  for (const theme of ["light", "dark"]) {
    test(`diff, ${width} px, ${theme}: no text overlaps or is cut off`, async ({ page }) => {
      await showMessy(page, "rc.diff(details)", { width, theme });
      expectLegible(await legibility(page, ".rc-view"), expect, `${width} ${theme}`);
      await shoot(page, `messy-diff-${width}-${theme}`);
    });
  }
}

test("diff: long numbers at the precision that tells the runs apart, exact on hover and in the exports", async ({ page }) => {
  await showMessy(page, "rc.diff(details)");
  const ids = runs.slice(0, 4).map((run) => run.run_id);
  const rates = runs.slice(0, 4).map((run) => run["params.learning_rate"]);
  // The learning rates are written with 16 or 17 digits; four significant digits tell these apart.
  expect(new Set(rates.map((rate) => Number(rate).toPrecision(4))).size).toBe(4);
  const row = page.locator('.rc-diff-row[data-path="params/learning_rate"]');
  const cells = row.locator(".rc-cell");
  await expect(cells).toHaveCount(4);
  for (let column = 0; column < 4; column++) {
    await expect(cells.nth(column).locator(".rc-value")).toHaveText(String(Number(Number(rates[column]).toPrecision(4))));
    expect((await cells.nth(column).getAttribute("title")).split("\n")[0]).toBe(rates[column]);
  }
  // Whole numbers and short ones are shown as written.
  await expect(page.locator('.rc-diff-row[data-path="params/constant_batch_size"] .rc-value').first()).toHaveText("64");
  const csv = await page.evaluate(() => window.view.exportCSV());
  for (const rate of rates) expect(csv).toContain(rate);
  const json = await page.evaluate(() => window.view.exportJSON());
  expect(json).toContain(JSON.stringify(rates[1]));
  expect(ids.length).toBe(4);
});
