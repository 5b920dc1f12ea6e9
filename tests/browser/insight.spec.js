// Significance in the summary bars, the parameter importance view (rc.influence) and the diff's
// lineage banner, read as a person reads them, against numbers scipy and numpy computed
// (tests/contract/statistics.json, written by tests/python/test_statistics.py).
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { applyTheme, expectLegible, legibility } from "./legibility.js";
import { repo, screenshots } from "./helpers.js";

const reference = JSON.parse(fs.readFileSync(path.join(repo, "tests/contract/statistics.json"), "utf8"));
const HOSTILE = "<img src=x onerror=alert(1)>";

/** Shows `make` (an expression over `rc` and `data`) in an empty page in a theme; the view is window.view. */
async function show(page, make, data, { theme = "light", width = 1000 } = {}) {
  page.on("pageerror", (error) => {
    throw error;
  });
  page.on("dialog", () => {
    throw new Error("a dialog opened: markup from data ran");
  });
  await page.setViewportSize({ width, height: 800 });
  await page.goto("/tests/browser/blank.html");
  await applyTheme(page, theme);
  await page.evaluate(
    // `data` and `rc` are read by the eval below.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    async ({ make, data }) => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const rc = await import("/dist/runcompare.js");
      window.events = [];
      const view = eval(make);
      view.addEventListener("input", () => window.events.push(view.value));
      document.body.append(view);
      window.view = view;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    },
    { make, data },
  );
  expect(await page.evaluate(() => window.view.error)).toBeNull();
}

/** "+4.4% [2.8, 5.9], Holm p = 0.0016, Welch, n = 4 vs 5" taken apart. */
function parse(text) {
  const number = (s) => Number(s.replace("−", "-"));
  const m = /^([+−]?[\d.]+)% \[([−\d.]+), ([−\d.]+)\], (Holm\s)?p\s(=|<)\s([\d.e-]+), (.+?), n\s=\s(\d+)(?:\svs\s(\d+)|\spairs)$/.exec(text);
  expect(m, text).not.toBeNull();
  return {
    relative: number(m[1]),
    low: number(m[2]),
    high: number(m[3]),
    holm: Boolean(m[4]),
    below: m[5] === "<",
    p: Number(m[6]),
    test: m[7],
    n: Number(m[8]),
    nBase: m[9] ? Number(m[9]) : null,
  };
}

/** The text's numbers are scipy's, to the digits shown. */
function expectShown(shown, row, { rank = false } = {}) {
  const decimals = (s) => (String(s).split(".")[1] ?? "").length;
  const scale = 100 / Math.abs(row.base_center);
  for (const [text, value] of [
    [shown.relative, row.relative * 100],
    [shown.low, row.low * scale],
    [shown.high, row.high * scale],
  ])
    expect(Math.abs(text - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals(text) + 1e-12);
  const p = rank ? row.rank_p_holm : row.p_holm;
  if (shown.below) expect(p).toBeLessThan(shown.p);
  else expect(shown.p).toBe(Number(p.toPrecision(2)));
  expect(shown.n).toBe(row.n);
}

test("summary bars compare each group with the base as scipy does, and say when the sample is small", async ({ page }) => {
  const [{ options, rows }] = reference.views;
  for (const theme of ["light", "dark"]) {
    await show(page, `rc.summary(data, { metrics: ["accuracy"], groupBy: ["lr", "hidden"] })`, reference.runs, { theme });
    const lines = page.locator(".rc-significance-line");
    await expect(lines).toHaveCount(rows.length);
    for (const [i, row] of rows.entries()) {
      await expect(lines.nth(i).locator(".rc-significance-group")).toHaveText(`${row.group}: `);
      const shown = parse(await lines.nth(i).locator(".rc-significance-text").textContent());
      expect(shown.test).toBe("Welch");
      expect(shown.holm).toBe(true);
      expectShown(shown, row);
    }
    await expect(page.locator(".rc-significance-heading")).toHaveText(`difference of the mean vs ${rows[0].base}, 95% interval`);
    await expect(page.locator(".rc-significance-note").first()).toHaveText(rows[0].note);
    expectLegible(await legibility(page, ".rc-summary"), expect, `summary ${theme}`);
    await page.screenshot({ path: path.join(screenshots, `summary-significance-${theme}.png`), fullPage: true });
  }
  expect(options.group_by).toEqual(["lr", "hidden"]);
  // The rank test from the menu: Mann-Whitney's p, Holm-adjusted.
  await page.locator(".rc-summary select[aria-label=test]").selectOption("rank");
  const shown = parse(await page.locator(".rc-significance-text").first().textContent());
  expect(shown.test).toBe("Mann-Whitney");
  expectShown(shown, rows[0], { rank: true });
  expect(await page.evaluate(() => window.view.state.test)).toBe("rank");
  expect(await page.evaluate(() => window.view.exportSVG())).toContain(`${rows[0].group}: `);
});

test("summary bars pair runs by seed: the paired t-test and its pairs", async ({ page }) => {
  const { rows } = reference.views[1];
  await show(page, `rc.summary(data, { metrics: ["accuracy"], groupBy: ["lr", "hidden"], pairBy: "seed", base: "lr=0.001 hidden=64" })`, reference.runs);
  const texts = await page.locator(".rc-significance-text").allTextContents();
  expect(texts).toHaveLength(rows.length);
  texts.forEach((text, i) => {
    const shown = parse(text);
    expect(shown.test).toBe("paired t");
    expect(text).toContain(`n\u00a0=\u00a0${rows[i].n}\u00a0pairs`);
    expectShown(shown, rows[i]);
  });
});

test("a hostile group label is text, and a bad group column is an error naming it", async ({ page }) => {
  const runs = reference.runs.map((run, i) => ({ ...run, "params.lr": i % 2 ? HOSTILE : run["params.lr"] }));
  await show(page, `rc.summary(data, { metrics: ["accuracy"], groupBy: "lr" })`, runs);
  await expect(page.locator(".rc-significance-group", { hasText: HOSTILE })).toHaveCount(1);
  expect(await page.locator(".rc-summary img").count()).toBe(0);
  await page.evaluate(() => window.view.update({ groupBy: "nope" }));
  expect(await page.evaluate(() => window.view.error)).toMatch(/^no column "nope" in runs/);
});

test("the values table compares each series across groups on the values its cells show, as scipy does", async ({ page }) => {
  // The third case: loss/validation at its last step, grouped by lr and hidden.
  const { options, rows } = reference.views[3];
  expect(options.metric).toBe("loss/validation:last");
  for (const theme of ["light", "dark"]) {
    await show(
      page,
      `rc.values(data.scalars, { runs: data.runs, groupBy: ["lr", "hidden"] })`,
      { runs: reference.runs, scalars: reference.scalars },
      { theme },
    );
    const block = page.locator(".rc-values-significance .rc-significance");
    await expect(block).toHaveCount(1);
    await expect(block.locator(".rc-significance-title")).toHaveText("loss/validation (last): ");
    const texts = await block.locator(".rc-significance-text").allTextContents();
    expect(texts).toHaveLength(rows.length);
    texts.forEach((text, i) => expectShown(parse(text), rows[i]));
    expectLegible(await legibility(page, ".rc-values-significance"), expect, `values ${theme}`);
    await page.screenshot({ path: path.join(screenshots, `values-significance-${theme}.png`), fullPage: true });
  }
  // The summary switch recomputes it: MIN compares the minimum of each run.
  const last = await page.locator(".rc-significance-text").first().textContent();
  await page.locator(".rc-values button", { hasText: "MIN" }).click();
  await expect(page.locator(".rc-significance-title")).toHaveText("loss/validation (min): ");
  expect(await page.locator(".rc-significance-text").first().textContent()).not.toBe(last);
  expect(await page.evaluate(() => window.view.exportSVG())).toContain("loss/validation (min): difference of the mean");
  // Without runs there are no groups: an error that says what to pass.
  await page.evaluate(() => window.view.update({ runs: null }));
  expect(await page.evaluate(() => window.view.error)).toBe(
    "groupBy names columns of the runs table, and there is none: pass runs= (the runs' params) as well.",
  );
});

test("grouped learning curves compare the groups under each chart at the last step, and at the step under the cursor", async ({ page }) => {
  // Every run reports loss/validation up to step 3: at step 3 the values are the :last ones.
  const { rows } = reference.views[3];
  for (const theme of ["light", "dark"]) {
    await show(
      page,
      `rc.scalars(data.scalars, { runs: data.runs, groupBy: ["lr", "hidden"], smoothing: 0 })`,
      { runs: reference.runs, scalars: reference.scalars },
      { theme, width: 1100 },
    );
    const block = page.locator(".rc-chart-comparison .rc-significance");
    await expect(block.locator(".rc-significance-title")).toHaveText("loss/validation at step 3: ");
    const texts = await block.locator(".rc-significance-text").allTextContents();
    expect(texts).toHaveLength(rows.length);
    texts.forEach((text, i) => expectShown(parse(text), rows[i]));
    expectLegible(await legibility(page, ".rc-chart"), expect, `scalars ${theme}`);
    await page.screenshot({ path: path.join(screenshots, `scalars-significance-${theme}.png`), fullPage: true });
  }
  // Hovering step 1 compares there (once the pointer rests), leaving goes back to the last step.
  const svg = page.locator(".rc-chart svg").first();
  const box = await svg.boundingBox();
  const tick = await page.locator(".rc-chart .tick").evaluateAll((ticks) => ticks.map((t) => [t.textContent, t.getBoundingClientRect().x]));
  const [, x1] = tick.find(([label]) => label === "1");
  await page.mouse.move(x1 + 1, box.y + box.height / 2);
  await expect(page.locator(".rc-chart-comparison .rc-significance-title")).toHaveText("loss/validation at step 1: ");
  await page.mouse.move(box.x + box.width + 50, box.y - 50);
  await expect(page.locator(".rc-chart-comparison .rc-significance-title")).toHaveText("loss/validation at step 3: ");
});

test("parameter importance: bars sorted by eta squared as numpy computes it; clicking a param makes it the value", async ({ page }) => {
  const [{ rows }] = reference.importance;
  for (const theme of ["light", "dark"]) {
    await show(page, `rc.influence(data, { metric: "accuracy" })`, reference.runs, { theme });
    const params = await page.locator(".rc-influence-row").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-param")));
    expect(params).toEqual(rows.map((row) => row.param));
    const numbers = await page.locator(".rc-influence-numbers").allTextContents();
    numbers.forEach((text, i) => {
      const eta = Number(/η² ([\d.]+)/.exec(text)[1]);
      expect(Math.abs(eta - rows[i].eta_squared)).toBeLessThanOrEqual(0.005 + 1e-12);
      const rho = /ρ ([−\d.]+)/.exec(text);
      if (rows[i].spearman === null) expect(rho).toBeNull();
      else expect(Math.abs(Number(rho[1].replace("−", "-")) - rows[i].spearman)).toBeLessThanOrEqual(0.005 + 1e-12);
    });
    // Bars: longer for more variance explained, in order.
    const widths = await page.locator(".rc-influence-bar").evaluateAll((bars) => bars.map((b) => b.getBBox().width));
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    expectLegible(await legibility(page, ".rc-influence"), expect, `influence ${theme}`);
    await page.screenshot({ path: path.join(screenshots, `influence-${theme}.png`), fullPage: true });
  }
  await page.locator(".rc-influence-row", { hasText: "optimizer" }).click();
  expect(await page.evaluate(() => window.events)).toEqual([["params.optimizer"]]);
  await page.locator(".rc-influence-row", { hasText: "seed" }).click({ modifiers: ["Shift"] });
  expect(await page.evaluate(() => window.view.value)).toEqual(["params.optimizer", "params.seed"]);
  await expect(page.locator(".rc-influence-row.rc-selected")).toHaveCount(2);
});

test("a param clicked in the importance bars adds its axis to the parallel coordinates (README's wiring)", async ({ page }) => {
  await show(page, `rc.influence(data, { metric: "accuracy" })`, reference.runs);
  await page.evaluate(async (data) => {
    const rc = await import("/dist/runcompare.js");
    const importance = window.view;
    const parallel = rc.parallel(data, { params: ["lr", "hidden"], metrics: ["accuracy"] });
    document.body.append(parallel);
    importance.addEventListener("input", () => parallel.update({ params: [...new Set(["params.lr", "params.hidden", ...importance.value])] }));
  }, reference.runs);
  await expect(page.locator('.rc-axis[data-column="params.optimizer"]')).toHaveCount(0);
  await page.locator(".rc-influence-row", { hasText: "optimizer" }).click();
  await expect(page.locator('.rc-axis[data-column="params.optimizer"]')).toHaveCount(1);
});

test("parameter importance: a hostile param name is text; no params or no metric is an error that says so", async ({ page }) => {
  const runs = reference.runs.map((run) => ({ ...run, [`params.${HOSTILE}`]: run["params.seed"] }));
  await show(page, `rc.influence(data, { metric: "accuracy" })`, runs);
  await expect(page.locator(".rc-influence-label", { hasText: HOSTILE })).toHaveCount(1);
  expect(await page.locator(".rc-influence img").count()).toBe(0);
  await page.evaluate(() => window.view.update({ metric: "optimizer" }));
  expect(await page.evaluate(() => window.view.error)).toMatch(/holds categories, not numbers/);
  await page.evaluate(async () => {
    const rc = await import("/dist/runcompare.js");
    window.errors = [rc.influence([{ run_id: "a", "params.lr": 1 }]).error, rc.influence([{ run_id: "a", "metrics.x": 1 }]).error];
  });
  expect(await page.evaluate(() => window.errors)).toEqual([
    'no metric to weigh the params by: the runs have no metrics.* column; name one with metric=, for example "loss/validation:min" with scalars.',
    "no params to weigh: the runs have no params.* column; name the columns with params=.",
  ]);
});

test("the diff puts lineage first and says at the top when the compared runs differ in code, data or environment", async ({ page }) => {
  // Shaped as rc.from_mlflow writes a store whose runs came from two commits (liver-mlflow in /work/stores).
  const fields = (commit, python, name) => ({
    run: { name },
    params: { lr: "0.01", [HOSTILE]: "x" },
    lineage: { git: { commit, branch: "main" }, datasets: { "train (training)": { digest: "9f1c" } }, environment: { python } },
  });
  const data = { a: fields("af589cab7689", "3.10.0", "a"), b: fields("531fe2c52760", "3.11.4", HOSTILE), c: fields("af589cab7689", "3.10.0", "c") };
  for (const theme of ["light", "dark"]) {
    await show(page, `rc.diff(data)`, data, { theme });
    const banner = page.locator(".rc-diff-lineage");
    await expect(banner).toBeVisible();
    await expect(banner).toHaveText(
      "The compared runs differ in their code (lineage/git/commit) and environment (lineage/environment/python): a change in a metric may come from these, not only from the params.",
    );
    // Above the table, and the first rows are lineage.
    const [bannerBox, tableBox] = [await banner.boundingBox(), await page.locator(".rc-diff-scroll").boundingBox()];
    expect(bannerBox.y + bannerBox.height).toBeLessThanOrEqual(tableBox.y + 1);
    const names = await page.locator(".rc-diff-body [role=row]").allTextContents();
    expect(names[0]).toMatch(/^▾\s*lineage/);
    expectLegible(await legibility(page, ".rc-diff-lineage"), expect, `diff banner ${theme}`);
    await page.screenshot({ path: path.join(screenshots, `diff-lineage-${theme}.png`) });
  }
  expect(await page.locator(".rc-diff img").count()).toBe(0);
  expect(await page.evaluate(() => window.view.exportSVG())).toContain("The compared runs differ in their code");
  // Runs a and c share their lineage: no banner.
  await page.evaluate(() => (window.view.value = ["a", "c"]));
  await expect(page.locator(".rc-diff-lineage")).toBeHidden();
});
