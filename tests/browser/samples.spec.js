import { test, expect } from "@playwright/test";
import path from "node:path";
import { darkPage, screenshots } from "./helpers.js";

// The samples view in a page: PNGs drawn in the page (tests/browser/media.js), a step slider per
// cell, sync, the viewer, hostile and broken samples, a grid of 20,000 images.
const HOSTILE = '<img src=x onerror="window.__xss=1">';

/** A samples view of `runs` x `steps` x `metrics` PNGs (plus `extra` records) in the page, as window.view, once its cells are drawn. */
async function show(page, { runs = 4, steps = 5, metrics = 2, size = 64, extra = [], options = {}, width = 1100 } = {}) {
  await page.setViewportSize({ width: width + 40, height: 900 });
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  await page.evaluate(
    async ({ runs, steps, metrics, size, extra, options, width }) => {
      const media = await import("/tests/browser/media.js");
      const records = await media.imageRecords({ runs, steps, metrics, size });
      const holder = document.querySelector("#views");
      holder.style.width = `${width}px`;
      // Bytes arrive from the test as arrays of numbers: made Uint8Arrays, as a page passes them.
      const bytes = (r) => (r.wav ? { ...r, data: media.wav() } : Array.isArray(r.data) ? { ...r, data: Uint8Array.from(r.data) } : r);
      window.view = window.rc.samples([...records, ...extra.map(bytes)], options);
      holder.append(window.view);
    },
    { runs, steps, metrics, size, extra, options, width },
  );
  await page.waitForFunction(() => window.view.error || window.view.shown.decoded > 0);
  expect(await page.evaluate(() => window.view.error)).toBeNull();
}

const quoted = (text) => JSON.stringify(text);
const cell = (page, run, series) => page.locator(`.rc-sample-cell[data-run=${quoted(run)}][data-series=${quoted(series)}]`);
const steps = (page) => page.locator(".rc-sample-cell").evaluateAll((cells) => cells.map((c) => Number(c.dataset.step)));

test("each cell's step slider and buttons move that cell alone; with sync, every run moves", async ({ page }) => {
  await show(page);
  // Each cell starts at its newest sample.
  expect(new Set(await steps(page))).toEqual(new Set([40]));
  const first = cell(page, "run-0", "images/0");
  await first.getByRole("button", { name: "Oldest sample" }).click();
  await expect(first).toHaveAttribute("data-step", "0");
  await expect(first.locator(".rc-cell-caption")).toHaveText(/step 0 · 1 of 5/);
  await first.getByRole("button", { name: "Newer sample" }).click();
  await expect(first).toHaveAttribute("data-step", "10");
  await first.locator('input[type="range"]').fill("3");
  await expect(first).toHaveAttribute("data-step", "30");
  expect((await steps(page)).filter((s) => s !== 40)).toEqual([30]);
  // The sample shown is the one of that step: the picture has the step written in it, so compare bytes.
  expect(await first.evaluate((c) => c.dataset.row)).not.toBe(await cell(page, "run-1", "images/0").evaluate((c) => c.dataset.row));
  expect(await page.evaluate(() => window.view.state.steps)).toEqual({ "images/0\u0000run-0": 30 });

  await page.getByLabel("sync").check();
  const other = cell(page, "run-2", "images/1");
  await other.getByRole("button", { name: "Oldest sample" }).click();
  await expect.poll(() => steps(page)).toEqual(Array(8).fill(0));
  await other.locator('input[type="range"]').fill("2");
  await expect.poll(() => steps(page)).toEqual(Array(8).fill(20));
  for (const c of await page.locator(".rc-sample-cell").all()) await expect(c).toHaveAttribute("data-decoded", "true");
  const state = await page.evaluate(() => window.view.state);
  expect(state).toMatchObject({ sync: true, step: 20 });
  // The state restores the view: a new view from it shows the same steps.
  await page.evaluate((state) => window.view.update({ state }), state);
  await expect.poll(() => steps(page)).toEqual(Array(8).fill(20));
});

test("the viewer zooms, pans and reads pixels; compares two runs side by side, by flicker and as their difference", async ({ page }) => {
  await show(page, { size: 128 });
  await cell(page, "run-1", "images/0").locator("img").click();
  const viewer = page.locator(".rc-sample-viewer");
  await expect(viewer).toBeVisible();
  const canvas = viewer.locator("canvas");
  await expect(canvas).toHaveCount(1);
  const scale = () => canvas.first().evaluate((c) => new DOMMatrix(getComputedStyle(c).transform).a);
  const fitted = await scale();
  await page.keyboard.press("+");
  expect(await scale()).toBeCloseTo(fitted * 1.25, 5);
  await viewer.getByRole("button", { name: "1:1" }).click();
  expect(await scale()).toBeCloseTo(1, 5);
  // The pixel under the pointer: its coordinates and value, as the PNG holds it.
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + 20.5, box.y + 30.5);
  const readout = viewer.locator(".rc-viewer-readout");
  await expect(readout).toHaveText(/^x 20, y 30 · rgba\(\d+, \d+, \d+, 255\)$/);
  const expected = await page.evaluate(async () => {
    const media = await import("/tests/browser/media.js");
    const bitmap = await createImageBitmap(new Blob([await media.png(128, 1, 4, 5)]));
    const context = new OffscreenCanvas(128, 128).getContext("2d");
    context.drawImage(bitmap, 0, 0);
    return `rgba(${[...context.getImageData(20, 30, 1, 1).data].join(", ")})`;
  });
  await expect(readout).toHaveText(`x 20, y 30 · ${expected}`);
  // Dragging pans the image.
  const before = await canvas.evaluate((c) => new DOMMatrix(getComputedStyle(c).transform).e);
  await page.mouse.down();
  await page.mouse.move(box.x + 80, box.y + 30);
  await page.mouse.up();
  expect(await canvas.evaluate((c) => new DOMMatrix(getComputedStyle(c).transform).e)).toBeCloseTo(before + 59.5, 0);

  await viewer.getByRole("button", { name: "SIDE BY SIDE" }).click();
  await expect(viewer.locator("canvas")).toHaveCount(2);
  await page.screenshot({ path: path.join(screenshots, "samples-viewer-side-by-side.png") });
  await viewer.getByRole("button", { name: "DIFFERENCE" }).click();
  await expect(readout).toHaveText(/mean \|Δ\| [1-9][\d.]*, max \d+ of 255/);
  // Against itself (the same run at the same step, another metric has the same picture) the difference is nothing.
  await viewer.getByRole("button", { name: "FLICKER" }).click();
  await expect(viewer.locator(".rc-viewer-stage")).toHaveAttribute("data-showing", /a|b/);
  await page.keyboard.press("Escape");
  await expect(viewer).toHaveCount(0);
});

test("hostile names and types, broken and oversized samples: text stays text, only inert media play, the rest of the grid works", async ({ page }) => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="window.__xss=3"><script>window.__xss=4</script><rect width="40" height="40" fill="#3a7"/></svg>`;
  const extra = [
    { run_id: "run-0", metric: HOSTILE, step: 0, mime: "text/html", data: `<b>bold</b>${HOSTILE}<script>window.__xss=2</script>` },
    { run_id: "run-1", metric: HOSTILE, step: 0, mime: "image/svg+xml", data: svg },
    { run_id: "run-2", metric: HOSTILE, step: 0, mime: "application/javascript", data: "window.__xss=5" },
    { run_id: "run-3", metric: HOSTILE, step: 0, mime: 'image/png" onerror="window.__xss=6', data: "x" },
    { run_id: "run-0", metric: "broken", step: 0, mime: "image/png", data: "not a png at all" },
    { run_id: "run-1", metric: "broken", step: 0, mime: "image/png", size: 5e9, url: "/no/such.png" },
    { run_id: "run-2", metric: "broken", step: 0, wav: true },
    { run_id: HOSTILE, metric: "broken", step: 0, data: "text of a hostile run" },
  ];
  // The svg arrives as bytes, as a kernel sends it.
  extra[1].data = [...new TextEncoder().encode(svg)];
  await page.addInitScript(() => (window.__xss = undefined));
  await show(page, { extra, metrics: 1, options: { size: 96 } });
  const hostile = (run) => cell(page, run, HOSTILE);
  await expect(hostile("run-0").locator("pre")).toHaveText(`<b>bold</b>${HOSTILE}<script>window.__xss=2</script>`);
  await expect(page.locator(".rc-series-label").filter({ hasText: "<img" })).toHaveText(HOSTILE);
  await expect(hostile("run-2").locator(".rc-sample-placeholder")).toHaveText('not shown: "application/javascript" is not an image, audio, video or text type');
  await expect(hostile("run-3").locator(".rc-sample-placeholder")).toContainText("not shown:");
  const broken = (run) => cell(page, run, "broken");
  await expect(broken("run-0").locator(".rc-sample-placeholder")).toHaveText("could not be decoded as image/png (a corrupt file, or not of that type)");
  await expect(broken("run-1").locator(".rc-sample-placeholder")).toHaveText("not shown: 4768 MB, more than the 50 MB a sample may take");
  await expect(broken("run-2").locator("audio")).toHaveCount(1);
  // The hostile run's name is text, cut in the middle to fit, whole in its title.
  const head = page.locator(".rc-run-head").filter({ hasText: "<img" });
  await expect(head).toHaveText(/^<img src.*….*">$/);
  expect(await head.getAttribute("title")).toBe(`${HOSTILE}: click to select, shift-click to add`);
  // Nothing of the data became markup: no element the data named, no script ran.
  expect(await page.locator(".rc-samples b, .rc-samples script, .rc-samples svg rect[fill='#3a7']").count()).toBe(0);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  // The rest of the grid is drawn.
  await expect(cell(page, "run-3", "images/0")).toHaveAttribute("data-decoded", "true");
  const csv = await page.evaluate(() => window.view.exportCSV());
  expect(csv).toContain(`"<b>bold</b><img src=x onerror=""window.__xss=1""><script>window.__xss=2</script>"`);
  const svgExport = await page.evaluate(() => window.view.exportSVG());
  expect(svgExport).not.toContain("<script");
  expect(svgExport).toContain("&lt;img src=x");
});

test("a grid of 20,000 images (100 runs x 50 steps x 4 metrics) stays responsive while scrolled, with memory bounded", async ({ page }) => {
  await page.goto("/tests/browser/views.html");
  await page.waitForFunction(() => window.ready);
  const result = await page.evaluate(async () => {
    const media = await import("/tests/browser/media.js");
    // 400 distinct 256-pixel PNGs; the rows reach them through a source, as the kernel sends them.
    const pool = [];
    for (let i = 0; i < 400; i++) pool.push(await media.png(256, i % 100, i % 50, 50));
    const records = [];
    for (let m = 0; m < 4; m++)
      for (let r = 0; r < 100; r++)
        for (let s = 0; s < 50; s++) records.push({ run_id: `run-${r}`, metric: `images/${m}`, step: s, mime: "image/png", path: `r${r}-s${s}-m${m}.png` });
    let asked = 0;
    const source = async (rows) => {
      asked += rows.length;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return rows.map((row) => pool[row % pool.length]);
    };
    const holder = document.querySelector("#views");
    holder.style.width = "1100px";
    const started = performance.now();
    window.view = window.rc.samples(records, { source, cacheBytes: 8 * 1024 * 1024 });
    holder.append(window.view);
    const drawn = performance.now() - started;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const scroller = window.view.querySelector(".rc-samples-grid");
    const gaps = [];
    let last = performance.now();
    let frames = 0;
    const tick = (now) => {
      gaps.push(now - last);
      last = now;
      if (++frames < 240) requestAnimationFrame(tick);
    };
    const done = new Promise((resolve) => {
      const watch = () => (frames >= 240 ? resolve() : setTimeout(watch, 50));
      watch();
    });
    requestAnimationFrame(tick);
    let most = 0;
    for (let i = 0; i < 120; i++) {
      scroller.scrollLeft = (i * 160) % (scroller.scrollWidth - scroller.clientWidth);
      scroller.scrollTop = (i * 37) % Math.max(1, scroller.scrollHeight - scroller.clientHeight);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      most = Math.max(most, window.view.shown.cells);
    }
    await done;
    gaps.sort((a, b) => a - b);
    return { drawn, median: gaps[gaps.length >> 1], p95: gaps[Math.floor(gaps.length * 0.95)], most, asked, cells: window.view.shown.cells };
  });
  console.log(
    `20,000 samples: view made in ${result.drawn.toFixed(0)} ms; frames while scrolling: median ${result.median.toFixed(1)} ms, 95th percentile ${result.p95.toFixed(1)} ms; at most ${result.most} cells in the page; ${result.asked} samples fetched`,
  );
  expect(result.drawn).toBeLessThan(3000);
  // Only the cells in view are in the page, however many samples there are.
  expect(result.most).toBeLessThan(80);
  expect(result.median).toBeLessThan(100);
  await expect.poll(() => page.evaluate(() => window.view.shown.decoded)).toBeGreaterThan(4);
});

for (const theme of ["light", "dark"]) {
  test(`screenshot of the samples grid, ${theme}`, async ({ page }) => {
    if (theme === "dark") await darkPage(page);
    await show(page, {
      runs: 5,
      metrics: 1,
      size: 120,
      extra: [
        { run_id: "run-0", metric: "generated text", step: 0, data: "the cat sat on the mat and looked at the moon" },
        { run_id: "run-1", metric: "generated text", step: 0, data: "the dog sat on a mat and looked at the sun" },
        { run_id: "run-2", metric: "generated text", step: 0, data: "a cat lay on the mat" },
        { run_id: "run-3", metric: "audio", step: 0, wav: true },
        { run_id: "run-4", metric: "audio", step: 0, mime: "image/png", data: "broken" },
        // Names as long as a real TensorBoard store's: the run's keeps both ends, the metric wraps at its slashes.
        { run_id: "archive/experiments/Experiment 0_adam_200_0.2/train", metric: "dense_1/kernel_0/image", step: 0, data: "weights" },
      ],
    });
    await expect(page.locator(".rc-run-head").last().locator(".rc-run-name")).toHaveText(/^archive\/.+….+\/train$/);
    await expect(cell(page, "run-1", "generated text").locator("del")).toHaveText(["cat", "the", "moon"]);
    await expect(cell(page, "run-1", "generated text").locator("ins")).toHaveText(["dog", "a", "sun"]);
    await page.waitForFunction(() => window.view.shown.decoded >= 5);
    // Labels fit their boxes: no run name or series label wider than its cell.
    const overflow = await page
      .locator(".rc-run-name, .rc-series-label")
      .evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent));
    expect(overflow).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, `samples-${theme}.png`), fullPage: true });
  });
}

test("through the widget, the view asks the kernel for the samples it shows, in batches, and shows the kernel's reasons", async ({ page }) => {
  const { tableFromArrays, tableToIPC } = await import("apache-arrow");
  const runs = ["a", "b", "c"];
  const index = tableToIPC(
    tableFromArrays({
      run_id: runs.flatMap((r) => [r, r, r]),
      metric: Array(9).fill("gen"),
      step: Float64Array.from([0, 1, 2, 0, 1, 2, 0, 1, 2]),
      mime: Array(9).fill("image/png"),
      size: Float64Array.from(Array(9).fill(2000)),
    }),
    "stream",
  );
  await page.goto("/tests/browser/blank.html");
  await page.evaluate(
    async (index) => {
      const { fakeModel } = await import("/tests/browser/fake-model.js");
      const media = await import("/tests/browser/media.js");
      const widget = (await import("/python/runcompare/static/widget.js")).default;
      const asked = (window.kernelAsked = []);
      const kernel = async (message, model) => {
        if (message.type !== "send-samples") return;
        asked.push(message.rows);
        // Row 8 (run c's newest) vanished from the kernel's disk.
        const rows = message.rows.filter((row) => row !== 8);
        const buffers = await Promise.all(rows.map(async (row) => new DataView((await media.png(64, row, row, 9)).buffer)));
        model.receive(
          { type: "samples", rows, errors: message.rows.includes(8) ? { 8: "the file could not be read (No such file or directory)" } : {} },
          buffers,
        );
      };
      const traits = {
        view: "samples",
        runs: new DataView(Uint8Array.from(index).buffer),
        scalars: new DataView(new ArrayBuffer(0)),
        options: { size: 96 },
        selected: [],
        note: "",
        stored: true,
      };
      const { model } = fakeModel(traits, kernel);
      const el = document.createElement("div");
      document.body.append(el);
      widget.render({ model, el });
      window.view = el.querySelector(".rc-samples");
    },
    [...index],
  );
  await expect.poll(() => page.evaluate(() => window.view.shown.decoded)).toBe(2);
  await expect(page.locator('.rc-sample-cell[data-run="c"] .rc-sample-placeholder')).toHaveText(
    "not shown: the file could not be read (No such file or directory)",
  );
  // The three cells in view asked at once, each for its newest sample; an older one asked when it is shown.
  expect(await page.evaluate(() => window.kernelAsked)).toEqual([[2, 5, 8]]);
  await page.locator('.rc-sample-cell[data-run="a"]').getByRole("button", { name: "Oldest sample" }).click();
  await expect(page.locator('.rc-sample-cell[data-run="a"]')).toHaveAttribute("data-step", "0");
  await expect(page.locator('.rc-sample-cell[data-run="a"]')).toHaveAttribute("data-decoded", "true");
  expect(await page.evaluate(() => window.kernelAsked)).toEqual([[2, 5, 8], [0]]);
});
