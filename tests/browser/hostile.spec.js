import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repo } from "./helpers.js";

/**
 * Run names, tags, column names and config values that would run script if any view wrote
 * them as HTML. Every view shows them as text, in the page and in its exports.
 */
const HOSTILE = '<img src=x onerror="window.__xss=1">';
const CLOSE = "</script><script>window.__xss=2</script>";
const RTL = "تجربة ١ — إعدادات";

const runs = [
  { run_id: "r1", name: HOSTILE, "params.lr": 0.1, [`params.${CLOSE}`]: "a", "metrics.acc": 0.5, "tags.note": HOSTILE },
  { run_id: "r2", name: RTL, "params.lr": 0.01, [`params.${CLOSE}`]: CLOSE, "metrics.acc": 0.7, "tags.note": "x".repeat(100_000) },
];
const scalars = [1, 2, 3].flatMap((step) => [
  { run_id: "r1", metric: HOSTILE, variant: CLOSE, step, value: 1 / step },
  { run_id: "r2", metric: HOSTILE, variant: CLOSE, step, value: 2 / step },
]);
const details = { r1: { [HOSTILE]: CLOSE, code: `print("${HOSTILE}")` }, r2: { [HOSTILE]: HOSTILE, code: "print(1)" } };

const VIEWS = {
  parallel: "rc.parallel(runs, { params: ['lr', '" + CLOSE + "'], color: 'tags.note' })",
  scatter: "rc.scatter(runs, { x: '" + CLOSE + "', y: 'acc', tooltip: ['tags.note'] })",
  values: "rc.values(scalars, { runs })",
  summary: "rc.summary(runs)",
  influence: "rc.influence(runs)",
  scalars: "rc.scalars(scalars, { runs })",
  diff: "rc.diff(details)",
  table: "rc.table(runs, { scalars })",
};

test.beforeEach(async ({ page }) => {
  page.on("dialog", () => {
    throw new Error("a dialog opened: script ran");
  });
  await page.goto("/examples/parallel.html");
  await page.waitForFunction(() => window.view);
});

for (const [name, make] of Object.entries(VIEWS)) {
  test(`${name}: hostile names and values stay text, in the view and its exports`, async ({ page }) => {
    const result = await page.evaluate(
      async ({ make, data }) => {
        // Read by the eval below.
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        const rc = await import("/dist/runcompare.js");
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        const { runs, scalars, details } = data;
        const view = eval(make);
        document.body.append(view);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        // Hover over the middle of the view, so tooltips open where there is one.
        const box = view.getBoundingClientRect();
        view
          .querySelector("svg, canvas")
          ?.dispatchEvent(new MouseEvent("mousemove", { bubbles: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }));
        const svg = new DOMParser().parseFromString(view.exportSVG(), "image/svg+xml");
        return {
          error: view.error,
          text: view.textContent + [...view.querySelectorAll("svg text, title")].map((t) => t.textContent).join(" "),
          elements: view.querySelectorAll("img, script, iframe, object").length,
          svgElements: svg.querySelectorAll("img, script, foreignObject").length,
          svgParses: !svg.querySelector("parsererror"),
          csv: view.exportCSV(),
        };
      },
      { make, data: { runs, scalars, details } },
    );
    expect(result.error).toBeNull();
    expect(result.elements).toBe(0);
    expect(result.svgElements).toBe(0);
    expect(result.svgParses).toBe(true);
    expect(result.text + result.csv).toMatch(/<img src=x onerror|<\/script><script>/);
    await page.waitForTimeout(50);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  });
}

test("rc.to_html with hostile names runs no script and shows them as text", async ({ page }) => {
  const file = path.join(repo, "tests/output/hostile.html");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const script = `import json, sys, runcompare as rc
runs = json.loads(sys.argv[1])
rc.to_html(runs, path=${JSON.stringify(file)}, title=runs[0]["name"], params=["lr", ${JSON.stringify(CLOSE)}])`;
  execFileSync(path.join(repo, ".venv/bin/python"), ["-c", script, JSON.stringify(runs.map((r) => ({ ...r, "tags.note": "n" })))]);
  await page.goto(`file://${file}`);
  await expect(page.locator(".rc-parallel .rc-axis-label").nth(1)).toHaveText(/<\/script>/);
  await expect(page).toHaveTitle(HOSTILE);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});
