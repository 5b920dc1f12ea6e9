import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { tableFromIPC } from "apache-arrow";
import { exampleRuns, repo, screenshots } from "./helpers.js";

const runs = exampleRuns();
const runIds = runs.map((run) => run.run_id);
const HOSTILE = "<img src=x onerror=alert(1)>";

/** Each run's series of the example scalars, read with Arrow JS, and their last/min/max computed here. */
function exampleSeries() {
  const table = tableFromIPC(fs.readFileSync(path.join(repo, "examples/data/scalars.arrow")));
  const series = new Map();
  for (const row of table) {
    const key = `${row.metric}/${row.variant}`;
    if (!series.has(key)) series.set(key, new Map());
    const byRun = series.get(key);
    if (!byRun.has(row.run_id)) byRun.set(row.run_id, []);
    byRun.get(row.run_id).push({ step: Number(row.step), time: Number(row.time), value: row.value });
  }
  const summary = {
    min: (points) => Math.min(...points.map((p) => p.value).filter((v) => !Number.isNaN(v))),
    max: (points) => Math.max(...points.map((p) => p.value).filter((v) => !Number.isNaN(v))),
    last: (points) => [...points].sort((a, b) => a.step - b.step || a.time - b.time).at(-1).value,
  };
  return { keys: [...series.keys()], value: (key, runId, kind) => summary[kind](series.get(key).get(runId)) };
}
const series = exampleSeries();

/** A value as the table shows it: four significant digits. */
const shown = (value) => Number(value.toPrecision(4));

async function frames(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function scrollToColumn(page, column) {
  const width = await page
    .locator(".rc-values thead th.rc-run")
    .first()
    .evaluate((th) => th.getBoundingClientRect().width);
  await page.locator(".rc-values-scroll").evaluate((scroller, left) => (scroller.scrollLeft = left), column * width);
  await frames(page);
}

function cell(page, key, column) {
  return page
    .locator(".rc-values tbody tr")
    .filter({ has: page.locator("th", { hasText: new RegExp(`^${key}$`) }) })
    .locator(`td[aria-colindex="${column + 2}"]`);
}

/** Scrolls across the whole table and gathers, per row, the columns highlighted as max and min, with their labels. */
async function highlightedCells(page) {
  return page.locator(".rc-values-scroll").evaluate(async (scroller) => {
    const found = {};
    for (let left = 0; left <= scroller.scrollWidth; left += scroller.clientWidth / 2) {
      scroller.scrollLeft = left;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (const tr of scroller.querySelectorAll("tbody tr")) {
        const row = (found[tr.querySelector("th").textContent] ??= { max: {}, min: {} });
        for (const td of tr.querySelectorAll("td.rc-max, td.rc-min")) {
          const kind = td.classList.contains("rc-max") ? "max" : "min";
          row[kind][Number(td.getAttribute("aria-colindex")) - 2] = td.querySelector(".rc-visually-hidden").textContent;
        }
      }
    }
    return found;
  });
}

const DARK = `
  body { background: #111111; color: #dddddd; --jp-layout-color0: #111111; --jp-layout-color1: #1e1e1e;
    --jp-ui-font-color1: rgba(255, 255, 255, 0.87); --jp-ui-font-color2: rgba(255, 255, 255, 0.54);
    --jp-border-color2: #424242; --jp-brand-color1: #4a9eff; }`;

test.describe("on the example sweep", () => {
  test.beforeEach(async ({ page }) => {
    page.on("pageerror", (error) => {
      throw error;
    });
    await page.goto("/examples/values.html");
    await page.waitForFunction(() => window.table && window.bars && window.bars.drawn.bars > 0);
    // 96 runs and 4 series: a row per run by default (tests/browser/messy-tables.spec.js); these tests read a column per run.
    await expect(page.locator(".rc-values tbody th").first()).toHaveText(runs[0].name);
    await page.getByRole("button", { name: "columns", exact: true }).click();
  });

  test("the table shows 4 series x 96 runs, headed by run names", async ({ page }) => {
    expect(runIds.length).toBe(96);
    await expect(page.getByRole("button", { name: "columns", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator(".rc-values .rc-status")).toHaveText("4 series × 96 runs");
    expect(await page.locator(".rc-values tbody th").allTextContents()).toEqual(series.keys);
    await expect(page.locator(".rc-values table")).toHaveAttribute("aria-colcount", "97");
    // The table scrolls inside the view; the page itself does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1000);
    const first = page.locator('.rc-values th[aria-colindex="2"]');
    await expect(first.locator(".rc-run-name")).toHaveText(runs[0].name);
    await expect(first).toHaveAttribute("title", `${runs[0].name}\n${runs[0].run_id}`);
    // The last run's column is reached by scrolling; the metric column stays in place.
    const metric = await page.locator(".rc-values tbody th").first().boundingBox();
    await scrollToColumn(page, 95);
    await expect(page.locator('.rc-values th[aria-colindex="97"] .rc-run-name')).toHaveText(runs[95].name);
    expect(await page.locator(".rc-values tbody th").first().boundingBox()).toEqual(metric);
    await expect(cell(page, "loss/validation", 95).locator(".rc-value")).toHaveText(String(shown(series.value("loss/validation", "r095", "last"))));
    await scrollToColumn(page, 0);
    await page.screenshot({ path: path.join(screenshots, "values.png"), fullPage: true });
  });

  test("MIN shows each run's minimum of the series, NaN ignored", async ({ page }) => {
    await page.getByRole("button", { name: "MIN", exact: true }).click();
    await expect(page.getByRole("button", { name: "MIN", exact: true })).toHaveAttribute("aria-pressed", "true");
    for (const [key, column] of [
      ["loss/validation", 0],
      ["loss/train", 3],
      ["accuracy/validation", 7],
      ["accuracy/train", 60],
      ["loss/validation", 90],
    ]) {
      await scrollToColumn(page, column);
      const expected = series.value(key, runIds[column], "min");
      const text = await cell(page, key, column).locator(".rc-value").textContent();
      expect(Number(text)).toBe(shown(expected));
      // The cell's title has the value at full precision.
      const title = await cell(page, key, column).getAttribute("title");
      expect(Number(title ?? text)).toBe(expected);
    }
    // The CSV holds the values at full precision, laid out as shown: a row per series, a column per run.
    const csv = (await page.evaluate(() => window.table.exportCSV())).trim().split("\r\n");
    expect(csv.length).toBe(5);
    const header = csv[0].split(",");
    expect(header.length).toBe(97);
    expect(header[0]).toBe("metric");
    const lossValidation = csv.find((line) => line.startsWith("loss/validation,")).split(",");
    expect(Number(lossValidation[1 + 90])).toBe(series.value("loss/validation", "r090", "min"));
  });

  test("row extremes highlight each row's max and min cells, ties included", async ({ page }) => {
    const found = await highlightedCells(page);
    for (const key of series.keys) {
      const last = runIds.map((id) => series.value(key, id, "last"));
      const max = Math.max(...last);
      const min = Math.min(...last);
      const columnsOf = (target) => last.flatMap((v, column) => (v === target ? [column] : []));
      expect(Object.keys(found[key].max).map(Number)).toEqual(columnsOf(max));
      expect(Object.keys(found[key].min).map(Number)).toEqual(columnsOf(min));
      expect(new Set(Object.values(found[key].max))).toEqual(new Set([" (row maximum)"]));
      expect(new Set(Object.values(found[key].min))).toEqual(new Set([" (row minimum)"]));
    }
    // The example's train accuracy reaches 1 in many runs: every one of them is highlighted.
    expect(Object.keys(found["accuracy/train"].max).length).toBeGreaterThan(1);

    await page.getByLabel("highlight extremes").uncheck();
    await expect(page.locator(".rc-values td.rc-max, .rc-values td.rc-min")).toHaveCount(0);
    await expect(page.locator(".rc-extremes-key")).toBeHidden();
    await page.getByLabel("highlight extremes").check();
    expect(await highlightedCells(page)).toEqual(found);
  });

  test("a run's sort button orders the rows by its values, again to reverse, then back", async ({ page }) => {
    const column = 2;
    const values = series.keys.map((key) => series.value(key, runIds[column], "last"));
    const ascending = series.keys
      .map((key, i) => [key, values[i]])
      .sort((a, b) => a[1] - b[1])
      .map(([key]) => key);
    const sortButton = page.locator(`.rc-values th[aria-colindex="${column + 2}"] .rc-sort`);
    const rowKeys = () => page.locator(".rc-values tbody th").allTextContents();
    await sortButton.click();
    expect(await rowKeys()).toEqual(ascending);
    await expect(page.locator(`.rc-values th[aria-colindex="${column + 2}"]`)).toHaveAttribute("aria-sort", "ascending");
    await sortButton.click();
    expect(await rowKeys()).toEqual([...ascending].reverse());
    await sortButton.click();
    expect(await rowKeys()).toEqual(series.keys);
    expect(await page.evaluate(() => window.table.value)).toEqual([]);
  });

  test("clicking run headers selects runs and shows them in the bars", async ({ page }) => {
    await page.evaluate(() => {
      window.inputs = 0;
      window.table.addEventListener("input", () => window.inputs++);
    });
    await page.locator('.rc-values th[aria-colindex="3"] .rc-run-name').click();
    expect(await page.evaluate(() => window.table.value)).toEqual([runIds[1]]);
    await page.locator('.rc-values th[aria-colindex="6"] .rc-run-name').click({ modifiers: ["Shift"] });
    expect(await page.evaluate(() => window.table.value)).toEqual([runIds[1], runIds[4]]);
    expect(await page.evaluate(() => window.inputs)).toBe(2);
    await expect(page.locator(".rc-values thead th.rc-selected")).toHaveCount(2);
    await expect(page.locator(".rc-values .rc-status")).toHaveText("4 series × 96 runs · 2 selected");
    // The page passes the selection to the bars: the other runs' bars fade.
    expect(await page.evaluate(() => window.bars.value)).toEqual([runIds[1], runIds[4]]);
    // Only the runs chosen keep their colour, in every panel (of the bars drawn, those scrolled into view).
    const unfaded = await page.locator(".rc-summary .rc-bar-row:not(.rc-faded)").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-run")));
    expect(unfaded.length).toBeGreaterThan(0);
    expect(new Set(unfaded)).toEqual(new Set(["1", "4"].filter((run) => unfaded.includes(run))));
    await expect(page.locator(".rc-summary .rc-bar-row.rc-faded").first()).toBeAttached();
    await page.screenshot({ path: path.join(screenshots, "values-selected.png"), fullPage: true });

    // Set from outside: highlighted, no input event.
    await page.evaluate(() => (window.table.value = ["r010"]));
    await scrollToColumn(page, 10);
    await expect(page.locator(".rc-values thead th.rc-selected .rc-run-name")).toHaveText(runs[10].name);
    expect(await page.evaluate(() => window.inputs)).toBe(2);
  });

  test("summary bars: a panel per metric, a labelled bar per run sorted by value, with a tooltip", async ({ page }) => {
    const metrics = ["train/loss", "validation/loss", "validation/accuracy"];
    await expect(page.locator(".rc-summary .rc-bar-title")).toHaveText(metrics);
    await expect(page.locator(".rc-summary .rc-status")).toHaveText("3 metrics × 96 runs");
    // Each panel lists its runs largest first, named, with their values.
    const accuracy = page.locator(".rc-summary .rc-bar-panel").nth(2);
    const byAccuracy = [...runs].sort((a, b) => b["metrics.validation/accuracy"] - a["metrics.validation/accuracy"]);
    const rows = accuracy.locator(".rc-bar-row");
    expect(await rows.count()).toBeGreaterThan(10);
    // The texts drawn, without their <title> (the whole name, the exact value).
    const drawnTexts = (locator) => locator.evaluateAll((texts) => texts.map((t) => t.firstChild.nodeValue));
    const labels = await drawnTexts(rows.locator(".rc-bar-label"));
    const values = (await drawnTexts(rows.locator(".rc-bar-value"))).map(Number);
    expect(values).toEqual(byAccuracy.slice(0, values.length).map((run) => shown(run["metrics.validation/accuracy"])));
    expect(labels[0]).toBe(byAccuracy[0].name);
    // The axis starts at zero, so bar lengths are in the ratio of the values.
    const widthOf = (run) => accuracy.locator(`.rc-bar-row[data-run="${run}"] rect.rc-bar`).evaluate((r) => r.width.baseVal.value);
    const [first, fifth] = [runs.indexOf(byAccuracy[0]), runs.indexOf(byAccuracy[4])];
    expect((await widthOf(first)) / (await widthOf(fifth))).toBeCloseTo(
      byAccuracy[0]["metrics.validation/accuracy"] / byAccuracy[4]["metrics.validation/accuracy"],
      2,
    );

    // Only the rows in view are drawn: scroll run 5's into view (rows are 18px).
    const row5 = accuracy.locator('.rc-bar-row[data-run="5"]');
    await accuracy.locator(".rc-bar-scroll").evaluate((scroller, top) => (scroller.scrollTop = top), byAccuracy.indexOf(runs[5]) * 18 - 40);
    await expect(row5).toBeAttached();
    await row5.scrollIntoViewIfNeeded();
    await row5.locator("rect.rc-bar").hover();
    const tip = page.locator(".rc-summary .rc-tooltip");
    await expect(tip).toBeVisible();
    await expect(tip.locator(".rc-tooltip-title")).toHaveText(runs[5].name);
    const tipRows = await tip.locator(".rc-tooltip-row").evaluateAll((nodes) => nodes.map((n) => [...n.children].map((c) => c.textContent)));
    expect(tipRows[0]).toEqual(["metric", "validation/accuracy"]);
    expect(tipRows[1]).toEqual(["value", String(shown(runs[5]["metrics.validation/accuracy"]))]);
    expect(tipRows).toContainEqual(["exact", String(runs[5]["metrics.validation/accuracy"])]);
    expect(tipRows.at(-1)).toEqual(["run_id", "r005"]);
    // The hovered run stands out in every panel.
    await expect(page.locator('.rc-summary .rc-bar-row.rc-hovered[data-run="5"]')).not.toHaveCount(0);
    await page.screenshot({ path: path.join(screenshots, "summary-tooltip.png"), fullPage: true, clip: await page.locator(".rc-summary").boundingBox() });

    await row5.locator("rect.rc-bar").click();
    expect(await page.evaluate(() => window.bars.value)).toEqual(["r005"]);
    await accuracy.locator(".rc-bar-scroll").evaluate((scroller) => (scroller.scrollTop = 0));
    await accuracy.locator(`.rc-bar-row[data-run="${first}"] .rc-bar-label`).click({ modifiers: ["Shift"] });
    expect(await page.evaluate(() => window.bars.value)).toEqual(["r005", byAccuracy[0].run_id]);
    await expect(accuracy.locator(`.rc-bar-row[data-run="${first}"]`)).toHaveClass(/rc-selected/);
    await expect(accuracy.locator(".rc-bar-row").nth(1)).toHaveClass(/rc-faded/);

    // Smallest first, or in the runs table's order.
    await page.locator(".rc-summary select").selectOption("ascending");
    const firstName = () => drawnTexts(page.locator(".rc-summary .rc-bar-panel").nth(2).locator(".rc-bar-label")).then((names) => names[0]);
    const smallest = [...runs].sort((a, b) => a["metrics.validation/accuracy"] - b["metrics.validation/accuracy"])[0];
    await expect.poll(firstName).toBe(smallest.name);
    await page.locator(".rc-summary select").selectOption("runs");
    await expect.poll(firstName).toBe(runs[0].name);
  });

  test("exports: the whole table and the bars as standalone SVG, the table as CSV", async ({ page, browser }) => {
    await page.getByRole("button", { name: "MIN", exact: true }).click();
    const { tableSvg, barsSvg, cellTexts, bars } = await page.evaluate(() => {
      const tableSvg = window.table.exportSVG();
      const barsSvg = window.bars.exportSVG();
      const parse = (svg) => new DOMParser().parseFromString(svg, "image/svg+xml");
      const table = parse(tableSvg);
      return {
        tableSvg,
        barsSvg,
        cellTexts: table.querySelectorAll("parsererror").length + ":" + table.querySelectorAll("text[text-anchor='end']").length,
        bars: parse(barsSvg).querySelectorAll("g[data-run] rect[height='12']").length,
      };
    });
    // Every run, not only the columns on screen: 96 headers and 4 x 96 cells, right-aligned.
    expect(cellTexts).toBe(`0:${96 + 4 * 96}`);
    expect(bars).toBe(96 * 3);
    expect(tableSvg).toContain(`>${shown(series.value("loss/validation", "r000", "min"))}<`);
    expect(barsSvg).not.toContain("class=");
    fs.writeFileSync(path.join(screenshots, "values-export.svg"), tableSvg);
    fs.writeFileSync(path.join(screenshots, "summary-export.svg"), barsSvg);
    const viewer = await browser.newPage({ viewport: { width: 1200, height: 600 } });
    await viewer.setContent(`<body style="margin:0">${barsSvg.replace(/^<\?xml[^>]*>/, "")}</body>`);
    await viewer.screenshot({ path: path.join(screenshots, "summary-export.png"), fullPage: true });
    await viewer.setContent(`<body style="margin:0">${tableSvg.replace(/^<\?xml[^>]*>/, "")}</body>`);
    await viewer.screenshot({ path: path.join(screenshots, "values-export.png"), clip: { x: 0, y: 0, width: 1200, height: 200 } });
    await viewer.close();
  });

  test("dark theme", async ({ page }) => {
    await page.addStyleTag({ content: DARK });
    await page.getByRole("button", { name: "MAX", exact: true }).click();
    await page.screenshot({ path: path.join(screenshots, "values-dark.png"), fullPage: true });
    const colors = await page.locator(".rc-values").evaluate((root) => [getComputedStyle(root).color, getComputedStyle(root).backgroundColor]);
    expect(colors).toEqual(["rgba(255, 255, 255, 0.87)", "rgb(17, 17, 17)"]);
  });
});

test.describe("made in the page", () => {
  test.beforeEach(async ({ page }) => {
    page.on("pageerror", (error) => {
      throw error;
    });
    page.on("dialog", () => {
      throw new Error("a dialog opened: a run name ran as script");
    });
    await page.goto("/examples/values.html");
    await page.waitForFunction(() => window.table);
  });

  test('a series name as GAN stores write it ("Discriminator loss") wraps between words, never inside one', async ({ page }) => {
    await page.evaluate(async () => {
      const rc = await import("/dist/runcompare.js");
      const scalars = ["a", "b", "c"].flatMap((run, i) => [
        { run_id: run, metric: "Generator loss", step: 1, value: 0.5 + i },
        { run_id: run, metric: "Discriminator loss", step: 1, value: 1.25 - i / 10 },
      ]);
      window.table = rc.values(scalars);
      document.body.replaceChildren(window.table);
    });
    await expect(page.locator(".rc-values thead th", { hasText: "Discriminator" })).toHaveCount(1);
    // Each word of each header is drawn in one piece: a word split over two lines has two boxes.
    const split = await page.locator(".rc-values thead th").evaluateAll((headers) =>
      headers.flatMap((th) => {
        const words = [];
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.textContent.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) words.push(match[0]);
          }
        }
        return words;
      }),
    );
    expect(split).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, "values-gan-headers.png") });
  });

  test("hostile names show as text and run nothing; NaN and missing values are told apart", async ({ page }) => {
    await page.evaluate(async (hostile) => {
      const rc = await import("/dist/runcompare.js");
      window.alerted = false;
      window.alert = () => (window.alerted = true);
      const runs = [
        { run_id: "evil", name: hostile, "metrics.acc": 0.5 },
        { run_id: "nan", name: "diverged", "metrics.acc": NaN },
        { run_id: "ok", name: "fine", "metrics.acc": 0.75 },
      ];
      const scalars = [
        { run_id: "evil", metric: hostile, step: 1, value: 1 },
        { run_id: "nan", metric: hostile, step: 1, value: NaN },
        { run_id: "ok", metric: "other", step: 1, value: 2 },
      ];
      const table = rc.values(scalars, { runs, runsAs: "columns" });
      const bars = rc.summary(runs);
      document.body.replaceChildren(table, bars);
      Object.assign(window, { table, bars });
    }, HOSTILE);
    await expect(page.locator(".rc-values .rc-run-name").first()).toHaveText(HOSTILE);
    await expect(page.locator(".rc-values tbody th").first()).toHaveText(HOSTILE);
    expect(await page.locator("img").count()).toBe(0);
    // run "nan" reported NaN; run "ok" never reported the hostile series.
    const hostileRow = await page.locator(".rc-values tbody tr").first().locator(".rc-value").allTextContents();
    expect(hostileRow).toEqual(["1", "NaN", "—"]);
    // The NaN metric gets a dash and no zero bar, listed last.
    await expect(page.locator(".rc-summary rect.rc-bar")).toHaveCount(2);
    await expect(page.locator('.rc-summary .rc-bar-row[data-run="1"] .rc-no-bar')).toHaveText("—");
    // Largest first: the names as drawn (cut to fit) and whole in their <title>.
    const names = await page.locator(".rc-summary .rc-bar-label title").allTextContents();
    expect(names).toEqual(["fine", HOSTILE, "diverged"]);
    await page.locator('.rc-summary .rc-bar-row[data-run="0"] rect.rc-bar').hover();
    await expect(page.locator(".rc-summary .rc-tooltip-title")).toHaveText(HOSTILE);
    const svg = await page.evaluate(() => window.table.exportSVG() + window.bars.exportSVG());
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(await page.evaluate(() => window.table.exportCSV())).toBe(`metric,${HOSTILE},diverged,fine\r\n${HOSTILE},1,NaN,\r\nother,,,2\r\n`);
    expect(await page.evaluate(() => window.alerted)).toBe(false);
    await page.screenshot({ path: path.join(screenshots, "values-hostile.png"), fullPage: true });
  });

  test("bad input shows the error box with the contract's words", async ({ page }) => {
    const errors = await page.evaluate(async () => {
      const rc = await import("/dist/runcompare.js");
      const scalars = [{ run_id: "a", metric: "m", step: 1, value: 1 }];
      const table = rc.values(scalars, { summary: "mean" });
      const bars = rc.summary([{ run_id: "a", "params.opt": "adam" }], { metrics: ["opt"] });
      const unsorted = rc.values(scalars, { sortBy: "zz" });
      document.body.replaceChildren(table, bars, unsorted);
      table.update({ summary: "min" });
      return [table.error, bars.error, unsorted.error, document.querySelectorAll(".rc-error").length];
    });
    expect(errors).toEqual([
      null,
      'column "params.opt" holds categories, not numbers: summary bars need numbers; name a metrics.* column or a series of the scalars.',
      'no run "zz" to sort by (runs: a): pass one of these run ids as sortBy.',
      2,
    ]);
    const bad = await page.evaluate(async () => {
      const rc = await import("/dist/runcompare.js");
      return rc.values([{ run_id: "a", metric: "m", step: 1, value: 1 }], { summary: "mean" }).error;
    });
    expect(bad).toBe('summary must be one of "last", "min", "max"; got "mean".');
    // The layout and the bars' order are checked too, hostile values shown as text.
    const options = await page.evaluate(async (hostile) => {
      const rc = await import("/dist/runcompare.js");
      const scalars = [{ run_id: "a", metric: "m", step: 1, value: 1 }];
      const table = rc.values(scalars, { runsAs: hostile });
      const bars = rc.summary([{ run_id: "a", "metrics.acc": 1 }], { sort: hostile });
      const rows = rc.values([...scalars, { run_id: "b", metric: "m", step: 1, value: 2 }], { sortBy: "zz" });
      document.body.replaceChildren(table, bars, rows);
      return [table.error, bars.error, rows.error, document.querySelectorAll("img").length];
    }, HOSTILE);
    expect(options).toEqual([
      `runsAs must be one of "rows", "columns"; got "${HOSTILE}".`,
      `sort must be one of "descending", "ascending", "runs"; got "${HOSTILE}".`,
      'no series "zz" to sort by (series: m): pass one of these as sortBy, or runsAs: "columns" to sort by a run.',
      0,
    ]);
  });

  test("the first paint builds the rows its scroll box shows, once: none past them, none built again on the page", async ({ page }) => {
    const found = await page.evaluate(async () => {
      const rc = await import("/dist/runcompare.js");
      const scalars = Array.from({ length: 200 }, (_, i) => ({ run_id: `run ${i % 100}`, metric: i < 100 ? "loss" : "acc", step: 1, value: i }));
      const table = rc.values(scalars);
      const built = table.querySelector("tbody");
      document.body.replaceChildren(table);
      for (let i = 0; i < 4; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      const scroller = table.querySelector(".rc-values-scroll");
      const rows = [...table.querySelectorAll("tbody tr:not(.rc-spacer-row)")];
      const bottom = scroller.getBoundingClientRect().bottom;
      return {
        sameBody: table.querySelector("tbody") === built,
        rows: rows.length,
        shown: rows.filter((row) => row.getBoundingClientRect().top < bottom).length,
        scrollHeight: scroller.clientHeight,
      };
    });
    // 100 runs as rows, in a box 520 px tall: about 20 rows shown and 8 more built beyond them
    // (a 1,200 px screen's worth was 58 rows).
    expect(found.scrollHeight).toBe(520);
    expect(found.sameBody).toBe(true);
    expect(found.shown).toBeGreaterThanOrEqual(15);
    expect(found.rows - found.shown).toBeLessThanOrEqual(12);
  });

  test("a runs table's runs shown by name, grouped by its columns; the columns checked as Python checks them", async ({ page }) => {
    const found = await page.evaluate(async (hostile) => {
      const rc = await import("/dist/runcompare.js");
      const runs = [
        { run_id: "a", name: hostile, "params.opt": "adam" },
        { run_id: "b", name: "second", "params.opt": "sgd" },
        { run_id: "c", name: "third", "params.opt": "adam" },
        { run_id: "d", name: "fourth", "params.opt": "sgd" },
      ];
      const scalars = runs.map(({ run_id }, i) => ({ run_id, metric: "m", step: 1, value: i }));
      // As Python sends them: only the naming columns, unless runs are grouped.
      const shown = rc.values(scalars, { runs: runs.map(({ run_id, name }) => ({ run_id, name })) });
      const compared = rc.values(scalars, { runs, groupBy: "opt" });
      const unknown = rc.values(scalars, { runs, groupBy: "nope" });
      const refused = rc.values(scalars, { runs: runs.map((run) => ({ ...run, "metrics.note": "text" })) });
      document.body.replaceChildren(shown, compared, unknown, refused);
      return {
        errors: [shown.error, compared.error, unknown.error, refused.error],
        names: [...shown.querySelectorAll("tbody .rc-run-name")].map((name) => name.textContent),
        compared: compared.querySelector(".rc-values-significance:not([hidden])")?.textContent,
        images: document.querySelectorAll("img").length,
      };
    }, HOSTILE);
    expect(found.names).toEqual([HOSTILE, "second", "third", "fourth"]);
    expect(found.errors).toEqual([
      null,
      null,
      'no column "nope" in runs (columns: params.opt): pass one of these, with or without its "params."/"metrics." prefix.',
      'column "metrics.note" holds strings such as "text": metrics.* columns must be numbers; move these values to a tags.* column.',
    ]);
    expect(found.compared).toContain("sgd");
    expect(found.images).toBe(0);
  });

  test("the names' column is as wide as its widest name, names that differ in their digits measured by one", async ({ page }) => {
    const cut = await page.evaluate(async () => {
      const rc = await import("/dist/runcompare.js");
      const names = ["run 1", "run 11111111111111", "run 88888888888888", "iiii 0", "MWMW 2024-01-01", "x"];
      const runs = names.map((name, i) => ({ run_id: `id${i}`, name }));
      const scalars = runs.flatMap(({ run_id }, i) => ["a", "b"].map((metric) => ({ run_id, metric, step: 1, value: i })));
      const table = rc.values(scalars, { runs });
      document.body.replaceChildren(table);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const buttons = [...table.querySelectorAll("tbody .rc-run-name")];
      return {
        count: buttons.length,
        cut: buttons.filter((button) => button.scrollWidth > button.clientWidth).map((button) => button.textContent),
        widest: Math.max(...buttons.map((button) => button.scrollWidth)),
        column: table.querySelector("thead .rc-corner").getBoundingClientRect().width,
      };
    });
    expect(cut.count).toBe(6);
    expect(cut.cut).toEqual([]);
    // As wide as the widest name and its padding (16 px), no wider (the least is 120 px).
    expect(cut.column).toBeLessThanOrEqual(Math.max(120, cut.widest + 16 + 1));
  });

  test("1,000 runs x 50 series stay usable: only the columns in view are in the DOM", async ({ page }) => {
    const timing = await page.evaluate(async () => {
      const rc = await import("/dist/runcompare.js");
      const RUNS = 1000;
      const SERIES = 50;
      const STEPS = 10;
      const n = RUNS * SERIES * STEPS;
      const runId = new Array(n);
      const metric = new Array(n);
      const step = new Float64Array(n);
      const value = new Float64Array(n);
      let row = 0;
      for (let r = 0; r < RUNS; r++) {
        for (let s = 0; s < SERIES; s++) {
          for (let t = 0; t < STEPS; t++, row++) {
            runId[row] = `run ${r}`;
            metric[row] = `metric ${s}`;
            step[row] = t;
            value[row] = Math.sin(r * 0.37 + s * 1.3 + t);
          }
        }
      }
      const columns = { run_id: runId, metric, step, value };
      const scalars = { columnNames: () => Object.keys(columns), numRows: () => n, array: (name) => columns[name] };
      const paint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const t0 = performance.now();
      const table = rc.values(scalars, { runsAs: "columns" });
      document.body.replaceChildren(table);
      await paint();
      const t1 = performance.now();
      table.querySelectorAll(".rc-switch button")[1].click();
      await paint();
      const t2 = performance.now();
      const scroller = table.querySelector(".rc-values-scroll");
      scroller.scrollLeft = scroller.scrollWidth;
      await paint();
      await paint();
      const t3 = performance.now();
      window.table = table;
      return {
        firstPaint: t1 - t0,
        switchToMin: t2 - t1,
        scrollToEnd: t3 - t2,
        cells: table.querySelectorAll("td:not(.rc-spacer)").length,
        lastHeader: [...table.querySelectorAll("thead th.rc-run .rc-run-name")].at(-1)?.textContent,
        status: table.querySelector(".rc-status").textContent,
      };
    });
    console.log(
      `1,000 runs x 50 series (500,000 rows): first paint ${timing.firstPaint.toFixed(0)} ms, switch to MIN ${timing.switchToMin.toFixed(0)} ms, scroll to the end ${timing.scrollToEnd.toFixed(0)} ms, ${timing.cells} cells in the DOM`,
    );
    expect(timing.status).toBe("50 series × 1000 runs");
    expect(timing.lastHeader).toBe("run 999");
    expect(timing.cells).toBeLessThan(50 * 30);
    expect(timing.firstPaint).toBeLessThan(5000);
    expect(timing.switchToMin).toBeLessThan(3000);
    await page.screenshot({ path: path.join(screenshots, "values-1000-runs.png") });
  });
});
