import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { repo } from "./helpers.js";

/**
 * Each view's SVG export of a small fixed sweep, kept in tests/snapshots/<view>.svg (as
 * Observable Plot keeps its tests' output): a change in what a view draws shows in review as a
 * change of its file. A missing file is written; RC_UPDATE_SNAPSHOTS=1 rewrites them all. Look at
 * a rewritten file before committing it.
 */
const folder = path.join(repo, "tests/snapshots");
const update = process.env.RC_UPDATE_SNAPSHOTS === "1";

const VIEWS = {
  parallel: "(rc, d) => rc.parallel(d.runs, { width: 720, color: 'metrics.acc' })",
  scatter: "(rc, d) => rc.scatter(d.runs, { width: 640, x: 'lr', y: 'acc', color: 'optimizer' })",
  summary: "(rc, d) => rc.summary(d.runs, { width: 640 })",
  influence: "(rc, d) => rc.influence(d.runs, { width: 640, metric: 'acc' })",
  values: "(rc, d) => rc.values(d.scalars, { runs: d.runs })",
  scalars: "(rc, d) => rc.scalars(d.scalars, { runs: d.runs, width: 720, smoothing: 0.5 })",
  table: "(rc, d) => rc.table(d.runs, { sort: '-metrics.acc' })",
  diff: "(rc, d) => rc.diff(d.runs, { runs: ['r0', 'r3', 'r5'] })",
  samples: "(rc, d) => rc.samples(d.samples, { size: 120 })",
  plots: "(rc, d) => rc.plots(d.plots, { width: 360 })",
  logs: "(rc, d) => rc.logs(d.logs, { height: 200 })",
  // The page exports the view it shows: parallel coordinates of four runs in the page's colours.
  compare:
    "(rc, d) => rc.compare(d.runs, { scalars: d.scalars, state: { tab: 'hyperparameters', shown: { hyperparameters: 'parallel' }, compared: ['r0', 'r2', 'r4', 'r6'] } })",
};

test("every view of the registry has a snapshot case", async ({ page }) => {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  const names = await page.evaluate(() => window.rc.VIEWS.map((entry) => entry.schema.title));
  expect(names.sort()).toEqual(Object.keys(VIEWS).sort());
});

for (const [name, make] of Object.entries(VIEWS)) {
  test(`${name}: the SVG export is the snapshot's`, async ({ page }) => {
    await page.goto("/tests/browser/views.html");
    await page.waitForFunction(() => window.ready);
    const svg = await page.evaluate(async (make) => {
      // Eight runs: two optimizers, four learning rates; loss falls and accuracy rises by rules.
      const runs = Array.from({ length: 8 }, (_, i) => ({
        run_id: `r${i}`,
        name: `run ${i}`,
        "params.lr": [0.001, 0.003, 0.01, 0.03][i % 4],
        "params.optimizer": i < 4 ? "adam" : "sgd",
        "metrics.acc": 0.6 + 0.04 * i - 0.01 * (i % 3),
        "metrics.loss": 1 / (i + 2),
      }));
      const scalars = runs.flatMap((run, i) =>
        Array.from({ length: 30 }, (_, step) => [
          { run_id: run.run_id, metric: "loss", variant: "train", step, value: 2 / (1 + step * (i + 1) * 0.1) + 0.05 * Math.sin(step + i) },
          { run_id: run.run_id, metric: "loss", variant: "validation", step, value: 2.2 / (1 + step * (i + 1) * 0.08) },
        ]).flat(),
      );
      // Text samples, a confusion matrix and a log of four of the runs.
      const four = runs.slice(0, 4).map((run) => run.run_id);
      const samples = four.flatMap((run, i) =>
        [0, 10].map((step) => ({ run_id: run, metric: "notes", step, data: `${run} at ${step}: ${"ok ".repeat(i + 1)}`, mime: "text/plain" })),
      );
      const labels = ["cat", "dog", "bird"];
      const plots = four.map((run, i) => ({
        run_id: run,
        metric: "confusion",
        step: 10,
        kind: "confusion",
        data: labels.flatMap((truth, r) => labels.map((predicted, c) => ({ row: truth, column: predicted, value: r === c ? 10 - i : (r + c + i) % 3 }))),
      }));
      const logs = Object.fromEntries(
        four.map((run, i) => [run, Array.from({ length: 12 }, (_, k) => `step ${k} loss ${(1 / (k + i + 1)).toFixed(3)}`).join("\n")]),
      );
      const view = eval(make)(window.rc, { runs, scalars, samples, plots, logs });
      document.querySelector("#views").style.width = "760px";
      document.querySelector("#views").append(view);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      if (view.error) return `error: ${view.error}`;
      const svg = view.exportSVG();
      view.destroy();
      return svg;
    }, make);
    expect(svg.startsWith("<svg")).toBe(true);
    const file = path.join(folder, `${name}.svg`);
    if (update || !fs.existsSync(file)) {
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(file, `${svg}\n`);
    }
    // Compared as a boolean: a failure names the file, not two long documents.
    expect(`${svg}\n` === fs.readFileSync(file, "utf8"), `${name}'s export differs from tests/snapshots/${name}.svg`).toBe(true);
  });
}
