import { test, expect } from "@playwright/test";

/** Input that is legal but unusual: each view draws it, or says in its own words why not. */
const CASES = {
  "a single run": [{ run_id: "only", "params.lr": 0.1, "metrics.acc": 0.9 }],
  "all-NaN metric": [
    { run_id: "a", "params.lr": 0.1, "metrics.acc": NaN },
    { run_id: "b", "params.lr": 0.2, "metrics.acc": NaN },
  ],
  "NaN and infinities": [
    { run_id: "a", "params.lr": Infinity, "metrics.acc": -Infinity },
    { run_id: "b", "params.lr": NaN, "metrics.acc": 0.5 },
    { run_id: "c", "params.lr": 0.3, "metrics.acc": null },
  ],
  "long and RTL names": [
    { run_id: "a".repeat(100_000), name: "ر".repeat(100_000), "params.lr": 0.1, "metrics.acc": 0.1 },
    { run_id: "b", name: "实验 🚀 エクスペリメント", "params.lr": 0.2, "metrics.acc": 0.2 },
  ],
};

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/examples/parallel.html");
  await page.waitForFunction(() => window.view);
});

for (const [name, records] of Object.entries(CASES)) {
  test(`${name}: parallel coordinates and scatter draw every run`, async ({ page }) => {
    const drawn = await page.evaluate(async (records) => {
      const rc = await import("/dist/runcompare.js");
      const views = [rc.parallel(records, { width: 600 }), rc.scatter(records, { x: "lr", y: "acc", width: 600 })];
      document.body.append(...views);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return views.map((view) => ({ error: view.error, drawn: view.drawn, csvRows: view.exportCSV().trim().split("\r\n").length - 1 }));
    }, records);
    const [parallel, scatter] = drawn;
    expect(parallel.error).toBeNull();
    expect(parallel.drawn.lines).toBe(records.length);
    expect(parallel.csvRows).toBe(records.length);
    expect(scatter.error).toBeNull();
    // Runs without a finite x and y are counted in the status line, not drawn.
    const plottable = records.filter((r) => Number.isFinite(r["params.lr"]) && Number.isFinite(r["metrics.acc"])).length;
    expect(scatter.drawn.points).toBe(plottable);
  });
}

test("zero params: parallel draws the metrics; nothing to draw at all is an error that says what to pass", async ({ page }) => {
  const result = await page.evaluate(async () => {
    const rc = await import("/dist/runcompare.js");
    const metricsOnly = rc.parallel([
      { run_id: "a", "metrics.acc": 0.5 },
      { run_id: "b", "metrics.acc": 0.6 },
    ]);
    const nothing = rc.parallel([{ run_id: "a", "tags.x": "y" }]);
    const truncated = rc.parallel(new Uint8Array([0xff, 0xff, 0xff, 0xff, 1, 2, 3]));
    document.body.append(metricsOnly, nothing, truncated);
    return { metricsOnly: metricsOnly.error, nothing: nothing.error, truncated: truncated.error };
  });
  expect(result.metricsOnly).toBeNull();
  expect(result.nothing).toBe(
    'runs have no params.* or metrics.* columns to plot: choose columns with params= and metrics=, or prefix column names with "params." or "metrics.".',
  );
  expect(result.truncated).toMatch(/^runs bytes are not a readable Arrow IPC stream or file/);
});

test("a view's own controls do not fire its input event (Observable's viewof reads it as a new selection)", async ({ page }) => {
  const fired = await page.evaluate(async () => {
    const rc = await import("/dist/runcompare.js");
    const load = async (name) => new Uint8Array(await (await fetch(`/examples/data/${name}.arrow`)).arrayBuffer());
    const views = {
      values: rc.values(await load("scalars"), { runs: await load("runs") }),
      diff: rc.diff([
        { run_id: "a", path: "x", value: "1" },
        { run_id: "b", path: "x", value: "2" },
      ]),
      scalars: rc.scalars(await load("scalars"), { metrics: ["loss"] }),
    };
    const counts = {};
    for (const [name, view] of Object.entries(views)) {
      document.body.append(view);
      counts[name] = 0;
      view.addEventListener("input", () => counts[name]++);
      for (const control of view.querySelectorAll("input")) {
        if (control.type === "checkbox") control.click();
        else {
          control.value = control.type === "range" ? "0.3" : "x";
          control.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }
    }
    return counts;
  });
  expect(fired).toEqual({ values: 0, diff: 0, scalars: 0 });
});
