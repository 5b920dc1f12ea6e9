import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { tableFromIPC } from "apache-arrow";
import { exampleRuns, repo, screenshots } from "./helpers.js";

const runs = exampleRuns();
/** Each run's validation losses, read from the file with Arrow JS. */
const losses = new Map();
for (const row of tableFromIPC(fs.readFileSync(path.join(repo, "examples/data/scalars.arrow")))) {
  if (row.metric !== "loss" || row.variant !== "validation") continue;
  losses.set(row.run_id, [...(losses.get(row.run_id) ?? []), row.value]);
}

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/examples/parallel.html");
  await page.waitForFunction(() => window.view);
  await page.evaluate(async () => {
    const rc = await import("/dist/runcompare.js");
    const load = async (name) => new Uint8Array(await (await fetch(`/examples/data/${name}.arrow`)).arrayBuffer());
    window.view.destroy();
    window.view = rc.scatter(await load("runs"), { scalars: await load("scalars"), x: "lr", y: "loss/validation:min" });
    document.querySelector("#chart").replaceChildren(window.view);
  });
});

/** The y values the view shows, from its CSV export, by run id. */
async function shownY(page) {
  const [header, ...rows] = (await page.evaluate(() => window.view.exportCSV()))
    .trim()
    .split("\r\n")
    .map((line) => line.split(","));
  const y = header.findIndex((name) => name.startsWith("loss/validation ("));
  return { column: header[y], values: new Map(rows.map((row) => [row[0], Number(row[y])])) };
}

test("LAST / MIN / MAX switch the y summary of a scalars series", async ({ page }) => {
  const min = await shownY(page);
  expect(min.column).toBe("loss/validation (min)");
  for (const run of runs.slice(0, 5)) expect(min.values.get(run.run_id)).toBeCloseTo(Math.min(...losses.get(run.run_id)), 12);

  await page.locator(".rc-toggle button", { hasText: "MAX" }).click();
  await expect(page.locator(".rc-scatter .rc-axis-label").nth(1)).toHaveText("loss/validation (max)");
  const max = await shownY(page);
  for (const run of runs.slice(0, 5)) expect(max.values.get(run.run_id)).toBeCloseTo(Math.max(...losses.get(run.run_id)), 12);
  await expect(page.locator(".rc-toggle button", { hasText: "MAX" })).toHaveAttribute("aria-pressed", "true");
  await page.screenshot({ path: path.join(screenshots, "scatter-summary-max.png"), fullPage: true });
});

test("x, y and colour pickers redraw the points and keep the selection", async ({ page }) => {
  await page.evaluate(
    (ids) => (window.view.value = ids),
    runs.slice(0, 4).map((run) => run.run_id),
  );
  await page.locator(".rc-scatter label", { hasText: /^x/ }).locator("select").selectOption("params.batch_size");
  await expect(page.locator(".rc-scatter .rc-axis-label").first()).toHaveText("batch_size");
  await page.locator(".rc-scatter label", { hasText: /^y/ }).locator("select").selectOption("metrics.validation/accuracy");
  await expect(page.locator(".rc-toggle button").first()).toBeDisabled();
  await page
    .locator(".rc-scatter label", { hasText: /^colour/ })
    .locator("select")
    .selectOption("params.hidden");
  await expect(page.locator(".rc-scatter .rc-legend-title").first()).toHaveText("hidden");
  await expect.poll(() => page.evaluate(() => window.view.drawn)).toEqual({ points: runs.length, emphasised: 4 });
});

test("the pickers come once the first frame is shown; a pick draws the view anew with them at once", async ({ page }) => {
  // Made when the page is idle after the chart's first frame, they are soon there, all three.
  await expect(page.locator(".rc-scatter .rc-controls select")).toHaveCount(3);
  await expect(page.locator(".rc-scatter .rc-toggle button")).toHaveText(["LAST", "MIN", "MAX"]);
  // A pick draws the view anew in the same task, its pickers and axes with it: nothing blinks.
  const drawn = await page.evaluate(() => {
    const select = window.view.querySelector(".rc-controls select");
    select.value = "params.batch_size";
    select.dispatchEvent(new Event("change"));
    return {
      pickers: [...window.view.querySelectorAll(".rc-controls select")].map((s) => s.value),
      title: window.view.querySelector(".rc-axis-label").textContent,
    };
  });
  expect(drawn).toEqual({ pickers: ["params.batch_size", "loss/validation", ""], title: "batch_size" });
});
