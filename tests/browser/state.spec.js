import { test, expect } from "@playwright/test";

/**
 * Every view's state round-trips: a view given a state shows it (its `.state` has each entry),
 * and a view made with that `.state` as its `state` option, or updated with it, has the same
 * state and the same selection (and, updated, draws the same SVG). The views come from the registry, so a view added there
 * without a case here fails.
 */
const CASES = {
  parallel: {
    make: "(rc, data, more) => rc.parallel(data.runs, { width: 900, ...more })",
    state: {
      color: "params.batch_size",
      axes: [
        { column: "params.lr", inverted: true, log: true },
        { column: "params.optimizer", inverted: false, log: false },
        { column: "metrics.validation/accuracy", inverted: false, log: false },
      ],
      brushes: [{ column: "metrics.validation/accuracy", range: [0.85, 1], missing: false }],
      hidden: ["r001"],
    },
  },
  scatter: {
    make: "(rc, data, more) => rc.scatter(data.runs, { width: 900, ...more })",
    state: { x: "params.batch_size", y: "metrics.validation/loss", color: "params.optimizer" },
  },
  summary: { make: "(rc, data, more) => rc.summary(data.runs, { width: 900, ...more })", state: { sort: "ascending" } },
  // Its controls keep nothing: its value is the params clicked.
  influence: { make: "(rc, data, more) => rc.influence(data.runs, { metric: 'validation/accuracy', ...more })", state: {} },
  values: {
    make: "(rc, data, more) => rc.values(data.scalars, { runs: data.runs, ...more })",
    state: { summary: "min", extremes: false, runsAs: "rows", sortBy: "loss/validation", descending: true },
  },
  scalars: {
    make: "(rc, data, more) => rc.scalars(data.scalars, { runs: data.runs, width: 900, ...more })",
    state: {
      filter: "loss",
      variants: "together",
      x: "relative",
      y: "log",
      ignoreOutliers: false,
      smoothing: 0.9,
      smoothingType: "gaussian",
      groupBy: ["params.lr"],
      aggregate: "median",
      band: "std",
      color: "params.optimizer",
      hidden: ["r000"],
    },
  },
  table: {
    make: "(rc, data, more) => rc.table(data.runs, { ...more })",
    state: {
      columns: ["params.lr", "params.optimizer", "metrics.validation/accuracy"],
      widths: { "params.lr": 150 },
      sort: [{ column: "metrics.validation/accuracy", descending: true }],
      filters: [{ column: "params.optimizer", kind: "values", values: ["adam"] }],
      search: "seed=1",
      topK: 5,
    },
  },
  diff: {
    make: "(rc, data, more) => rc.diff(data.runs, { ...more })",
    state: { runs: ["r029", "r000", "r042"], base: "r029", hideIdentical: true, search: "", collapsed: ["tags"] },
  },
  samples: {
    make: "(rc, data, more) => rc.samples(data.samples, { ...more })",
    state: { size: 200, sync: true, step: 1, base: "b", steps: {} },
  },
  plots: { make: "(rc, data, more) => rc.plots(data.plots, { ...more })", state: { base: "b", difference: true, normalize: true } },
  logs: { make: "(rc, data, more) => rc.logs(data.logs, { ...more })", state: { ignoreNumbers: true } },
  compare: {
    make: "(rc, data, more) => rc.compare(data.runs, { scalars: data.scalars, ...more })",
    state: {
      tab: "scalars",
      base: "r005",
      compared: ["r000", "r005", "r010", "r020"],
      hidden: ["r010"],
      pane: false,
      shown: { hyperparameters: "scatter", scalars: "summary" },
      table: { search: "seed", sort: [{ column: "params.lr", descending: true }] },
      views: { summary: { sort: "ascending" } },
    },
  },
};

/** Samples (text, by run and step), confusion matrices and logs of three runs, made in the page. */
function smallTables() {
  const runs = ["a", "b", "c"];
  const samples = runs.flatMap((run) => [0, 1].map((step) => ({ run_id: run, metric: "notes", step, data: `run ${run}, step ${step}`, mime: "text/plain" })));
  const labels = ["cat", "dog"];
  const plots = runs.map((run, i) => ({
    run_id: run,
    metric: "confusion",
    step: 1,
    kind: "confusion",
    data: labels.flatMap((truth, r) => labels.map((predicted, c) => ({ row: truth, column: predicted, value: r === c ? 8 - i : 1 + i }))),
  }));
  const logs = Object.fromEntries(runs.map((run, i) => [run, `start\nepoch 1 loss 0.${5 - i}\nepoch 2 loss 0.${4 - i}\n${run === "c" ? "stopped" : "done"}`]));
  return { samples, plots, logs };
}

test.beforeEach(async ({ page }) => {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
});

test("every view of the registry has a state case here", async ({ page }) => {
  const names = await page.evaluate(() => window.rc.VIEWS.map((entry) => entry.schema.title));
  expect(names.sort()).toEqual(Object.keys(CASES).sort());
});

for (const [name, { make, state }] of Object.entries(CASES)) {
  test(`${name}: the state given is the state shown, and a view made with it draws the same`, async ({ page }) => {
    const result = await page.evaluate(
      async ({ make, state, small }) => {
        const load = async (file) => new Uint8Array(await (await fetch(`/examples/data/${file}.arrow`)).arrayBuffer());
        const data = { runs: await load("runs"), scalars: await load("scalars"), ...small };
        const factory = eval(make);
        const host = document.querySelector("#views");
        host.style.width = "1000px";
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const first = factory(window.rc, data, {});
        host.append(first);
        await frame();
        first.update({ state });
        await frame();
        const given = JSON.parse(JSON.stringify(first.state));
        const second = factory(window.rc, data, {});
        host.append(second);
        await frame();
        second.update({ state: given });
        await frame();
        const third = factory(window.rc, data, { state: given });
        host.append(third);
        await frame();
        const out = {
          errors: [first.error, second.error, third.error],
          given,
          states: [second.state, third.state].map((s) => JSON.parse(JSON.stringify(s))),
          values: [first.value, second.value, third.value],
          svgs: [first.exportSVG(), second.exportSVG()],
        };
        for (const view of [first, second, third]) {
          view.destroy();
          view.remove();
        }
        return out;
      },
      { make, state, small: smallTables() },
    );
    expect(result.errors).toEqual([null, null, null]);
    expect(result.given).toMatchObject(state);
    expect(result.states[0]).toEqual(result.given);
    expect(result.states[1]).toEqual(result.given);
    expect(result.values[1]).toEqual(result.values[0]);
    expect(result.values[2]).toEqual(result.values[0]);
    // Compared as booleans: a failure prints no SVG documents. The view made with the state is
    // left out: made before it is on the page, it measures its labels in another font (summary's
    // name column is a pixel narrower), whatever its state.
    expect(result.svgs[1] === result.svgs[0]).toBe(true);
  });
}
