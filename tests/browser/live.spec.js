import { test, expect } from "@playwright/test";
import { DARK, screenshots } from "./helpers.js";

/**
 * view.append({ runs, scalars }): rows added to a view keep what the user did (zoom, brushes,
 * selection, hidden runs, smoothing, sort and filters), and the view then shows what a view of
 * the whole data with the same state shows.
 */
const HOSTILE = "<img src=x onerror=alert(1)>";

test.beforeEach(async ({ page }) => {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  // Tables made in the page: 8 runs to step 60 of loss and accuracy, the first half of the steps
  // given at first; then the rest and two new runs (one named with markup), which report from step 0.
  await page.evaluate((hostile) => {
    const ids = [...Array.from({ length: 8 }, (_, i) => `r${i}`), "late", hostile];
    const runRow = (id, i, status) => ({ run_id: id, name: id, status, "params.lr": 10 ** -(1 + (i % 4)), "params.seed": i, "metrics.loss": 1 / (i + 1) });
    const points = (id, i, from, to) =>
      Array.from({ length: to - from }, (_, k) => from + k).flatMap((step) => [
        { run_id: id, metric: "loss", step, time: 1e9 + step, value: 2 / (step + 1) + i * 0.05 + 0.02 * Math.sin(step * (i + 1)) },
        { run_id: id, metric: "accuracy", step, time: 1e9 + step, value: 1 - 1 / (step + 2) - i * 0.01 },
      ]);
    const first = ids.slice(0, 8);
    window.live = {
      runs: first.map((id, i) => runRow(id, i, "RUNNING")),
      scalars: first.flatMap((id, i) => points(id, i, 0, 30)),
      moreRuns: [...first.map((id, i) => runRow(id, i, i < 4 ? "FINISHED" : "RUNNING")), runRow("late", 8, "RUNNING"), runRow(hostile, 9, "RUNNING")],
      moreScalars: [...first.flatMap((id, i) => points(id, i, 30, 60)), ...points("late", 8, 0, 20), ...points(hostile, 9, 0, 10)],
    };
    window.live.allRuns = window.live.moreRuns;
    window.live.allScalars = [...window.live.scalars, ...window.live.moreScalars];
    window.frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    document.querySelector("#views").style.width = "1000px";
  }, HOSTILE);
});

test("scalars: appended points are drawn in place, keeping zoom, smoothing, hidden and selected runs; new runs take the next colours", async ({ page }) => {
  await page.evaluate(async () => {
    const { runs, scalars } = window.live;
    window.view = window.rc.scalars(scalars, { runs, width: 900, metrics: ["loss"] });
    document.querySelector("#views").append(window.view);
    await window.frame();
    window.view.update({ state: { ...window.view.state, smoothing: 0.8, smoothingType: "ema", hidden: ["r1"] } });
    window.view.value = ["r2"];
    await window.frame();
  });
  // Zoom into the first chart by dragging across it.
  const plot = page.locator(".rc-chart").first().locator(".rc-plot svg");
  const box = await plot.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7, { steps: 5 });
  await page.mouse.up();
  const ticks = () => page.locator(".rc-chart").first().locator(".rc-x-axis .tick, g.tick").allTextContents();
  await page.evaluate(() => window.frame());
  const zoomed = await ticks();
  await page.screenshot({ path: `${screenshots}/live-scalars-before.png` });
  const before = await page.evaluate(() => ({
    state: JSON.parse(JSON.stringify(window.view.state)),
    value: window.view.value,
    chart: (window.chart = window.view.querySelector(".rc-chart")) !== null,
    colors: [...window.view.querySelectorAll(".rc-run-legend-entry")].map((row) => [row.textContent, row.querySelector(".rc-swatch").style.background]),
  }));
  const after = await page.evaluate(async () => {
    const { moreRuns, moreScalars, allRuns, allScalars } = window.live;
    let inputs = 0;
    window.view.addEventListener("input", () => inputs++);
    window.view.append({ runs: moreRuns, scalars: moreScalars });
    await window.frame();
    const whole = window.rc.scalars(allScalars, { runs: allRuns, width: 900, metrics: ["loss"], state: window.view.state });
    document.querySelector("#views").append(whole);
    await window.frame();
    const out = {
      error: window.view.error,
      inputs,
      state: JSON.parse(JSON.stringify(window.view.state)),
      value: window.view.value,
      inPlace: window.view.querySelector(".rc-chart") === window.chart,
      colors: [...window.view.querySelectorAll(".rc-run-legend-entry")].map((row) => [row.textContent, row.querySelector(".rc-swatch").style.background]),
      csv: window.view.exportCSV(),
      wholeCSV: whole.exportCSV(),
      images: document.querySelectorAll("img").length,
    };
    whole.destroy();
    whole.remove();
    return out;
  });
  await page.screenshot({ path: `${screenshots}/live-scalars-after.png` });
  expect(after.error).toBeNull();
  expect(after.inPlace).toBe(true);
  expect(after.state).toEqual(before.state);
  expect(after.value).toEqual(["r2"]);
  expect(after.inputs).toBe(0);
  expect(await ticks()).toEqual(zoomed);
  // The runs already there keep their colours; the new ones take the next.
  expect(after.colors.slice(0, 8)).toEqual(before.colors);
  const newColors = after.colors.slice(8).map(([, color]) => color);
  expect(after.colors.slice(8).map(([name]) => name)).toEqual(["late", "<img src=x onerror=alert(1)>"]);
  for (const color of newColors) expect(before.colors.map(([, c]) => c)).not.toContain(color);
  // What a view of the whole data with the same state shows, smoothing included.
  expect(after.csv).toBe(after.wholeCSV);
  expect(after.images).toBe(0);
});

test("dark theme: the runs appended to the curves and their names are drawn legibly", async ({ page }) => {
  await page.addStyleTag({ content: DARK });
  const result = await page.evaluate(async () => {
    const { runs, scalars, moreRuns, moreScalars } = window.live;
    const view = window.rc.scalars(scalars, { runs, width: 900, metrics: ["loss"] });
    document.querySelector("#views").append(view);
    await window.frame();
    view.append({ runs: moreRuns, scalars: moreScalars });
    await window.frame();
    const names = [...view.querySelectorAll(".rc-run-legend-name")].slice(-2);
    return {
      error: view.error,
      lines: view.drawn.charts[0].lines,
      colors: names.map((name) => getComputedStyle(name).color),
      texts: names.map((name) => name.textContent),
    };
  });
  await page.screenshot({ path: `${screenshots}/live-scalars-dark.png` });
  expect(result.error).toBeNull();
  expect(result.lines).toBe(10);
  expect(result.texts).toEqual(["late", "<img src=x onerror=alert(1)>"]);
  // Light text on the dark page.
  for (const color of result.colors) expect(color).toMatch(/rgba?\((2[0-9]{2}|1[5-9][0-9]), /);
});

test("runs table: a run's row shows its new status and metrics; sort, filters and checked runs stay", async ({ page }) => {
  const result = await page.evaluate(async () => {
    const { runs, moreRuns, scalars, moreScalars } = window.live;
    const view = window.rc.table(runs, { scalars, height: 300 });
    document.querySelector("#views").append(view);
    await window.frame();
    view.update({
      state: { ...view.state, sort: [{ column: "params.seed", descending: true }], filters: [{ column: "params.seed", kind: "range", min: 1, max: 100 }] },
    });
    view.value = ["r3"];
    await window.frame();
    const scroller = view.querySelector(".rc-table-body");
    const stateBefore = JSON.parse(JSON.stringify(view.state));
    view.append({ runs: moreRuns, scalars: moreScalars });
    await window.frame();
    const rows = [...view.querySelectorAll(".rc-row")].map((row) => row.textContent);
    return {
      error: view.error,
      inPlace: view.querySelector(".rc-table-body") === scroller,
      stateBefore,
      state: JSON.parse(JSON.stringify(view.state)),
      value: view.value,
      rows,
      csv: view.exportCSV(),
    };
  });
  await page.screenshot({ path: `${screenshots}/live-table-after.png` });
  expect(result.error).toBeNull();
  expect(result.inPlace).toBe(true);
  expect(result.state).toEqual(result.stateBefore);
  expect(result.value).toEqual(["r3"]);
  const lines = result.csv.trim().split("\n");
  const header = lines[0].split(",");
  const status = header.indexOf("status");
  const seed = header.indexOf("params.seed");
  const byName = Object.fromEntries(lines.slice(1).map((line) => [line.split(",")[0], line.split(",")]));
  // Sorted by seed, descending, seed 0 filtered out: the two new runs first.
  expect(lines.slice(1).map((line) => Number(line.split(",")[seed]))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
  expect(byName.r3[status]).toBe("FINISHED");
  expect(byName.r5[status]).toBe("RUNNING");
  expect(result.rows.some((text) => text.includes("<img src=x onerror=alert(1)>"))).toBe(true);
});

test("parallel: a brush outlives an append, and selects the new runs inside it", async ({ page }) => {
  const result = await page.evaluate(async () => {
    const { runs, moreRuns } = window.live;
    const view = window.rc.parallel(runs, { width: 900 });
    document.querySelector("#views").append(view);
    await window.frame();
    const brushes = [{ column: "params.seed", range: [5, 100], missing: false }];
    view.update({ state: { ...view.state, brushes } });
    await window.frame();
    const before = { state: JSON.parse(JSON.stringify(view.state)), value: [...view.value] };
    let inputs = 0;
    view.addEventListener("input", () => inputs++);
    view.append({ runs: moreRuns.slice(8) });
    await window.frame();
    return { before, state: JSON.parse(JSON.stringify(view.state)), value: [...view.value], inputs, error: view.error };
  });
  expect(result.error).toBeNull();
  expect(result.before.value.sort()).toEqual(["r5", "r6", "r7"]);
  expect(result.state).toEqual(result.before.state);
  expect(result.value.sort()).toEqual(["<img src=x onerror=alert(1)>", "late", "r5", "r6", "r7"].sort());
  expect(result.inputs).toBe(1);
});

test("append says what it takes, and leaves the view as it was", async ({ page }) => {
  const result = await page.evaluate(async () => {
    const view = window.rc.scalars(window.live.scalars);
    document.querySelector("#views").append(view);
    await window.frame();
    const errors = [];
    for (const bad of [
      { details: [] },
      { scalars: [{ run_id: "a", metric: "loss", value: 1 }] },
      { scalars: [{ run_id: "a", metric: "loss", step: 99, value: 1 }] },
    ]) {
      try {
        view.append(bad);
      } catch (error) {
        errors.push(error.message);
      }
    }
    view.append({ scalars: [] });
    // Nodes are appended as to any element.
    const child = document.createElement("span");
    view.append(child);
    return { errors, error: view.error, child: child.parentElement === view };
  });
  expect(result.errors[0]).toBe('append takes the new rows as runs and scalars (each a table of only the new rows); got "details".');
  expect(result.errors[1]).toMatch(/step/);
  expect(result.errors[2]).toMatch(/time column exactly when/);
  expect(result.child).toBe(true);
});

for (const smoothingType of ["ema", "time_ema", "running_average", "gaussian"]) {
  test(`scalars (${smoothingType}): points appended a few at a time are drawn over the chart as it is, and look as the chart of the whole data drawn at once`, async ({
    page,
  }) => {
    // The EMA's every grown frame against the whole data; the other smoothings' every fourth (a
    // test of its own each, kept short).
    const every = smoothingType === "ema" ? 1 : 4;
    const result = await page.evaluate(
      async ([smoothingType, every]) => {
        // 12 runs of noisy losses to step 2,399 on 600 pixel columns (M4 keeps four points of each
        // column); the first 2,250 steps at first: the x axis then ends at 2,400, and the rest
        // arrives in batches of 1 to 9 steps.
        const rows = (from, to) =>
          Array.from({ length: 12 }, (_, run) =>
            Array.from({ length: to - from }, (_, k) => {
              const step = from + k;
              return {
                run_id: `run ${run}`,
                metric: "loss",
                step,
                value: 0.3 + 2 * Math.exp(-step / (300 + 40 * run)) + 0.15 * Math.sin(step * 1.7 + run * 3),
              };
            }),
          ).flat();
        const host = document.querySelector("#views");
        const make = (data) => {
          const view = window.rc.scalars(data, { width: 700, smoothing: 0.6, smoothingType });
          host.append(view);
          return view;
        };
        const pixels = (v) => [...v.querySelectorAll(".rc-plot canvas")].slice(0, 2).map((c) => c.getContext("2d").getImageData(0, 0, c.width, c.height).data);
        // Per layer, the mean difference of opacity, and the pixels that differ by more than 48 of 255.
        const compare = (mine, theirs) =>
          mine.map((a, layer) => {
            const b = theirs[layer];
            let [sum, far, painted] = [0, 0, 0];
            for (let i = 3; i < a.length; i += 4) {
              const d = Math.abs(a[i] - b[i]);
              sum += d;
              if (d > 48) far++;
              if (b[i] > 0) painted++;
            }
            return { mean: sum / (a.length / 4), far, painted };
          });
        const view = make(rows(0, 2250));
        await window.frame();
        let [at, appends, grown] = [2250, 0, 0];
        const compared = [];
        while (at < 2400) {
          const to = Math.min(2400, at + 1 + ((at * 7) % 9));
          view.append({ scalars: rows(at, to) });
          await window.frame();
          appends++;
          at = to;
          if (view.drawn.charts[0].grown) grown++;
          if (appends % every) continue;
          // Against the chart of the data so far drawn at once.
          const whole = make(rows(0, to));
          await window.frame();
          compared.push({ layers: compare(pixels(view), pixels(whole)), csv: view.exportCSV() === whole.exportCSV() });
          whole.destroy();
          whole.remove();
        }
        return { compared, appends, grown };
      },
      [smoothingType, every],
    );
    await page.screenshot({ path: `${screenshots}/live-scalars-grown-${smoothingType}.png` });
    // Both layers drawn again in a strip (for the windowed smoothings, from the first value the new
    // points changed), not whole.
    expect(result.grown).toBeGreaterThan(result.appends / 2);
    expect(result.compared.length).toBeGreaterThan(result.appends / every / 2);
    // Opacity of each pixel of both layers, against the whole data drawn at once: the strip drawn
    // again leaves no pixel off by more than 48 of 255, and a mean difference of 0.005 to 0.012
    // over these 30-odd appends (Skia rasterises a shorter path a shade differently), where leaving
    // out the new points' strokes makes 16 to 134 pixels far off and a mean of 0.05 to 0.4, and
    // stroking them over the old ones (their joints blended twice) made 14 and 0.04.
    for (const { layers, csv } of result.compared) {
      expect(csv).toBe(true);
      for (const layer of layers) {
        expect(layer.painted).toBeGreaterThan(5_000);
        expect(layer.mean).toBeLessThan(0.025);
        expect(layer.far).toBe(0);
      }
    }
  });
}

test("scalars: the menus list the columns of appended runs, and a metric appended gets its chart", async ({ page }) => {
  const result = await page.evaluate(async () => {
    const { runs, scalars } = window.live;
    const view = window.rc.scalars(scalars, { runs });
    document.querySelector("#views").append(view);
    await window.frame();
    const menus = () => ({
      group: [...view.querySelectorAll(".rc-group-list label")].map((label) => label.textContent),
      color: [...view.querySelectorAll("select")].flatMap((select) => [...select.options].map((option) => option.value)).filter((value) => value.includes(".")),
      charts: view.drawn.charts.map((chart) => chart.title),
    });
    const before = menus();
    view.append({
      runs: [{ run_id: "r0", "params.optimizer": "<img src=x onerror=alert(1)>" }],
      scalars: [0, 1, 2].map((step) => ({ run_id: "r0", metric: "grad_norm", step, time: 1e9 + step, value: step })),
    });
    await window.frame();
    view.update({ groupBy: ["params.optimizer"] });
    await window.frame();
    return { before, after: menus(), error: view.error, images: document.querySelectorAll("img").length };
  });
  expect(result.error).toBeNull();
  expect(result.before.group).not.toContain("params.optimizer");
  expect(result.after.group).toContain("params.optimizer");
  expect(result.after.color).toContain("params.optimizer");
  expect(result.after.charts).toEqual([...result.before.charts, "grad_norm"]);
  expect(result.images).toBe(0);
});
