import { test, expect } from "@playwright/test";
import path from "node:path";
import { exampleRuns, screenshots } from "./helpers.js";
import { prng } from "./messy.js";

const runs = exampleRuns();
const LR = "params.lr";
const ACC = "metrics.validation/accuracy";
const HOSTILE = "<img src=x onerror=alert(1)>";

/** What the tooltip shows for a number: six significant digits, trailing zeros dropped. */
const shown = (value) => String(Number(value.toPrecision(6)));

/**
 * Value <-> pixel along a drawn axis, from its first and last labelled ticks (log or linear),
 * in the coordinates of the chart's SVG.
 */
async function axisScale(page, which, log) {
  const ticks = await page
    .locator(`.rc-scatter .rc-${which}-axis .tick`)
    .evaluateAll((nodes, which) => nodes.map((tick) => ({ text: tick.textContent, at: tick.transform.baseVal[0].matrix[which === "x" ? "e" : "f"] })), which);
  const labelled = ticks.filter((tick) => tick.text !== "").map((tick) => ({ value: Number(tick.text.replace("−", "-")), at: tick.at }));
  const [a, b] = [labelled[0], labelled[labelled.length - 1]];
  const t = log ? Math.log10 : (v) => v;
  const pixelOf = (value) => a.at + ((t(value) - t(a.value)) * (b.at - a.at)) / (t(b.value) - t(a.value));
  const valueAt = (pixel) => {
    const v = t(a.value) + ((pixel - a.at) * (t(b.value) - t(a.value))) / (b.at - a.at);
    return log ? 10 ** v : v;
  };
  return { pixelOf, valueAt, ticks: labelled.map((tick) => tick.value) };
}

/**
 * The circles of the points' SVG paths, as drawn: each starts with a move to its right-hand
 * edge and an arc of its radius, so its centre is (x - r, y).
 */
async function drawnCircles(page) {
  const paths = await page.locator(".rc-scatter .rc-points > path").evaluateAll((nodes) => nodes.map((p) => p.getAttribute("d")));
  return paths.flatMap((d) =>
    [...d.matchAll(/M(-?[\d.]+),(-?[\d.]+)A([\d.]+),/g)].map(([, x, y, r]) => ({ x: Number(x) - Number(r), y: Number(y), r: Number(r) })),
  );
}

/**
 * Two screenshots of the same size compared by the page: pixels painted (not near white) in the
 * first, and pixels whose colour differs by more than `tolerance` in a channel, leaving out a
 * disc `{ x, y, r }`.
 */
async function comparePictures(page, first, second, leftOut, tolerance = 48) {
  return page.evaluate(
    async ({ pictures, leftOut, tolerance }) => {
      const [a, b] = await Promise.all(
        pictures.map(async (base64) => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          const context = new OffscreenCanvas(image.width, image.height).getContext("2d");
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height);
        }),
      );
      if (a.width !== b.width || a.height !== b.height) return { sizes: [a.width, a.height, b.width, b.height] };
      let painted = 0;
      let differing = 0;
      for (let y = 0; y < a.height; y++) {
        for (let x = 0; x < a.width; x++) {
          if (Math.hypot(x - leftOut.x, y - leftOut.y) < leftOut.r) continue;
          const i = 4 * (y * a.width + x);
          if (a.data[i] < 250 || a.data[i + 1] < 250 || a.data[i + 2] < 250) painted++;
          const difference = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2]));
          if (difference > tolerance) differing++;
        }
      }
      return { painted, differing };
    },
    { pictures: [first.toString("base64"), second.toString("base64")], leftOut, tolerance },
  );
}

async function chartBox(page) {
  return page.locator(".rc-scatter .rc-plot > svg").boundingBox();
}

/** Each example run's pixel, computed from the axes' ticks and the Arrow file. */
async function runPixels(page) {
  const x = await axisScale(page, "x", true);
  const y = await axisScale(page, "y", false);
  return runs.map((run) => ({ run, x: x.pixelOf(run[LR]), y: y.pixelOf(run[ACC]) }));
}

/** The run farthest from its nearest neighbour, so hovering its pixel can only mean it. */
function loneRun(pixels) {
  let best = null;
  for (const p of pixels) {
    const gap = Math.min(...pixels.filter((q) => q !== p).map((q) => Math.hypot(q.x - p.x, q.y - p.y)));
    if (!best || gap > best.gap) best = { ...p, gap };
  }
  return best;
}

test.describe("the example sweep", () => {
  test.beforeEach(async ({ page }) => {
    page.on("pageerror", (error) => {
      throw error;
    });
    await page.goto("/examples/scatter.html");
    await page.waitForFunction(() => window.view && window.view.drawn.points > 0);
    await page.evaluate(() => {
      window.inputs = 0;
      window.view.addEventListener("input", () => window.inputs++);
    });
  });

  test("draws one point per run that has both values", async ({ page }) => {
    const withBoth = runs.filter((run) => run[LR] > 0 && Number.isFinite(run[ACC]));
    expect(withBoth.length).toBe(96);
    expect(await page.evaluate(() => window.view.drawn)).toEqual({ points: withBoth.length, emphasised: 0 });
    // A few points are SVG paths, under the axes: each run's circle where its values put it,
    // read back through the drawn axes' ticks (independently of the view's scales).
    expect(await page.locator(".rc-scatter canvas").count()).toBe(0);
    const circles = await drawnCircles(page);
    expect(circles.length).toBe(withBoth.length);
    const expected = await runPixels(page);
    for (const { run, x, y } of expected.filter(({ run }) => withBoth.includes(run))) {
      expect(
        circles.some((c) => Math.abs(c.x - x) < 0.6 && Math.abs(c.y - y) < 0.6),
        `${run.run_id} at ${x}, ${y}`,
      ).toBe(true);
    }
    // One path per colour (batch sizes 32 and 256), outlined in the view's background colour.
    const paths = await page
      .locator(".rc-scatter .rc-points > path")
      .evaluateAll((nodes) => nodes.map((p) => [p.getAttribute("fill"), p.getAttribute("stroke")]));
    const background = await page.locator(".rc-scatter").evaluate((view) => getComputedStyle(view).getPropertyValue("--rc-bg").trim());
    expect(paths.length).toBe(2);
    expect(paths.map(([, stroke]) => stroke)).toEqual([background, background]);
    expect(await page.locator(".rc-scatter .rc-axis-label").allTextContents()).toEqual(["lr", "validation/accuracy"]);
    // lr spans three decades, so its axis is log: its ticks go up by factors of ten.
    const { ticks } = await axisScale(page, "x", true);
    expect(ticks).toEqual(expect.arrayContaining([0.001, 0.01, 0.1]));
    await expect(page.locator(".rc-scatter .rc-status")).toHaveText("96 runs");
    await expect(page.locator(".rc-scatter .rc-legend-title")).toHaveText(["batch_size", "hidden"]);
    await expect(page.locator(".rc-scatter .rc-hint")).toContainText("Shift-drag to select runs");
    await page.screenshot({ path: path.join(screenshots, "scatter.png"), fullPage: true });
  });

  test("hovering a run's point shows its name and values", async ({ page }) => {
    const box = await chartBox(page);
    const target = loneRun(await runPixels(page));
    expect(target.gap).toBeGreaterThan(3);
    await page.mouse.move(box.x + target.x, box.y + target.y);
    const tooltip = page.locator(".rc-scatter .rc-tooltip");
    await expect(tooltip).toBeVisible();
    const { run } = target;
    await expect(tooltip.locator(".rc-tooltip-title")).toHaveText(run.name);
    const rows = await tooltip.locator(".rc-tooltip-row").evaluateAll((nodes) => nodes.map((row) => [...row.children].map((c) => c.textContent)));
    expect(rows).toEqual([
      ["run_id", run.run_id],
      ["lr", shown(run[LR])],
      ["validation/accuracy", shown(run[ACC])],
      ["batch_size", shown(Number(run["params.batch_size"]))],
      ["hidden", shown(Number(run["params.hidden"]))],
      ["alpha", shown(run["params.alpha"])],
      ["seed", shown(Number(run["params.seed"]))],
      ["train/loss", shown(run["metrics.train/loss"])],
    ]);
    await page.screenshot({ path: path.join(screenshots, "scatter-hover.png"), fullPage: true });
    await page.mouse.move(box.x + 2, box.y + 2);
    await expect(tooltip).toBeHidden();
  });

  test("shift-dragging a rectangle selects exactly the runs inside it", async ({ page }) => {
    const box = await chartBox(page);
    const pixels = await runPixels(page);
    // Edges in the middle of gaps between points, so no run sits on one.
    const xs = [...new Set(pixels.map((p) => p.x))].sort((a, b) => a - b);
    const [x0, x1] = [(xs[0] + xs[1]) / 2, (xs[2] + xs[3]) / 2];
    const y = await axisScale(page, "y", false);
    const ys = [...new Set(pixels.map((p) => p.y))].sort((a, b) => a - b);
    // The widest gap between points within 12 pixels of a value.
    const gapNear = (value) => {
      let best = null;
      for (let i = 1; i < ys.length; i++) {
        const middle = (ys[i - 1] + ys[i]) / 2;
        if (Math.abs(middle - y.pixelOf(value)) > 12) continue;
        if (!best || ys[i] - ys[i - 1] > best.gap) best = { middle, gap: ys[i] - ys[i - 1] };
      }
      return best.middle;
    };
    const [y0, y1] = [gapNear(0.975), gapNear(0.93)];

    await page.keyboard.down("Shift");
    await page.mouse.move(box.x + x0, box.y + y0);
    await page.mouse.down();
    await page.mouse.move(box.x + (x0 + x1) / 2, box.y + (y0 + y1) / 2, { steps: 4 });
    await page.mouse.move(box.x + x1, box.y + y1, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up("Shift");

    // The rectangle the user sees, read back in data terms through the axes.
    const rect = await page.locator(".rc-scatter .rc-brush .selection").evaluate((r) => ["x", "y", "width", "height"].map((a) => Number(r.getAttribute(a))));
    const x = await axisScale(page, "x", true);
    const [lrLo, lrHi] = [x.valueAt(rect[0]), x.valueAt(rect[0] + rect[2])];
    const [accLo, accHi] = [y.valueAt(rect[1] + rect[3]), y.valueAt(rect[1])];
    const expected = runs
      .filter((run) => run[LR] >= lrLo && run[LR] <= lrHi && run[ACC] >= accLo && run[ACC] <= accHi)
      .map((run) => run.run_id)
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(60);
    expect(await page.evaluate(() => [...window.view.value].sort())).toEqual(expected);
    expect(await page.evaluate(() => window.inputs)).toBe(1);
    await expect(page.locator("#selection")).toContainText(`${expected.length} runs selected`);
    await expect(page.locator(".rc-scatter .rc-status")).toHaveText(`96 runs · ${expected.length} selected`);
    await expect.poll(() => page.evaluate(() => window.view.drawn.emphasised)).toBe(expected.length);
    await page.screenshot({ path: path.join(screenshots, "scatter-brushed.png"), fullPage: true });

    // A click on empty background clears the selection and the rectangle.
    await page.mouse.click(box.x + x.pixelOf(0.001), box.y + y.pixelOf(0.5));
    await expect.poll(() => page.evaluate(() => window.view.value.length)).toBe(0);
    expect(await page.evaluate(() => window.inputs)).toBe(2);
    await expect(page.locator(".rc-scatter .rc-brush .selection")).toBeHidden();
    await expect(page.locator(".rc-scatter .rc-status")).toHaveText("96 runs");
  });

  test("zoom and brush are made on the first gesture over the chart, and take that gesture", async ({ page }) => {
    // Drawn and exported before anything touched the chart: no brush was made in it.
    expect(await page.locator(".rc-scatter .rc-brush > *").count()).toBe(0);
    expect((await page.evaluate(() => window.view.exportCSV())).trim().split("\n")).toHaveLength(97);
    expect(await page.evaluate(() => window.view.exportSVG())).toContain("<circle");
    // The first event over the chart a wheel turned with Ctrl (a page scrolled under a still
    // pointer sends no pointerover first): it zooms.
    const box = await chartBox(page);
    const before = (await axisScale(page, "x", true)).ticks;
    await page.locator(".rc-scatter .rc-plot > svg").evaluate(
      (svg, { x, y }) => {
        svg.dispatchEvent(new WheelEvent("wheel", { deltaY: -100, ctrlKey: true, clientX: x, clientY: y, bubbles: true, cancelable: true }));
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    await expect.poll(async () => (await axisScale(page, "x", true)).ticks).not.toEqual(before);
    expect(await page.locator(".rc-scatter .rc-brush .overlay").count()).toBe(1);
  });

  test("clicking a point selects its run", async ({ page }) => {
    const box = await chartBox(page);
    const target = loneRun(await runPixels(page));
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await expect.poll(() => page.evaluate(() => window.view.value)).toEqual([target.run.run_id]);
    expect(await page.evaluate(() => window.inputs)).toBe(1);
    await expect.poll(() => page.evaluate(() => window.view.drawn.emphasised)).toBe(1);
  });

  test("runs set from outside are highlighted, not brushed, and fire no input", async ({ page }) => {
    const ids = runs.slice(0, 3).map((run) => run.run_id);
    await page.evaluate((ids) => (window.view.value = ids), ids);
    await expect.poll(() => page.evaluate(() => window.view.drawn)).toEqual({ points: 96, emphasised: 3 });
    await expect(page.locator(".rc-scatter .rc-status")).toHaveText("96 runs · 3 selected");
    await expect(page.locator(".rc-scatter .rc-brush .selection")).toBeHidden();
    expect(await page.evaluate(() => window.inputs)).toBe(0);
  });

  test("the wheel scrolls the page until a click in the chart or a modifier key; then it zooms, dragging pans, a double-click resets", async ({ page }) => {
    const box = await chartBox(page);
    const before = (await axisScale(page, "x", true)).ticks;
    const y = await axisScale(page, "y", false);
    // d3-zoom stops the wheel events it takes; those it leaves reach the window, free to scroll it.
    await page.evaluate(() => window.addEventListener("wheel", (event) => (window.wheelKept = event.defaultPrevented)));
    await page.mouse.move(box.x + box.width / 2, box.y + y.pixelOf(0.95));

    // Passing over the chart, the wheel is the page's: nothing zooms, and the chart says how to zoom.
    await page.mouse.wheel(0, -600);
    await expect(page.locator(".rc-scatter .rc-wheel-hint")).toBeVisible();
    await expect(page.locator(".rc-scatter .rc-wheel-hint")).toHaveText("Click the chart to zoom with the wheel, or hold Ctrl (⌘ on a Mac)");
    expect(await page.evaluate(() => window.wheelKept)).toBe(false);
    expect((await axisScale(page, "x", true)).ticks).toEqual(before);
    await page.screenshot({ path: path.join(screenshots, "scatter-wheel-hint.png") });
    await expect(page.locator(".rc-scatter .rc-wheel-hint")).toBeHidden();

    // With Ctrl held (as a trackpad pinch sends it), the wheel zooms.
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, -600);
    await page.keyboard.up("Control");
    await expect.poll(async () => (await axisScale(page, "x", true)).ticks).not.toEqual(before);
    await page.mouse.dblclick(box.x + box.width / 2, box.y + 30);
    await expect.poll(async () => (await axisScale(page, "x", true)).ticks).toEqual(before);

    // After a click in the chart, the plain wheel zooms until the pointer leaves it.
    await page.mouse.click(box.x + box.width / 2, box.y + y.pixelOf(0.95));
    await page.waitForTimeout(400); // the click's own effect (it clears the selection) lands after the double-click wait
    const ids = runs.slice(0, 3).map((run) => run.run_id);
    await page.evaluate((ids) => (window.view.value = ids), ids);
    await page.mouse.wheel(0, -600);
    await expect.poll(async () => (await axisScale(page, "x", true)).ticks).not.toEqual(before);
    await expect.poll(() => page.evaluate(() => window.view.drawn.points)).toBeLessThan(96);
    const zoomed = await axisScale(page, "y", false);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + y.pixelOf(0.95) + 80, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await axisScale(page, "y", false)).ticks).not.toEqual(zoomed.ticks);

    await page.mouse.dblclick(box.x + box.width / 2, box.y + 30);
    await expect.poll(async () => (await axisScale(page, "x", true)).ticks).toEqual(before);
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => window.view.value)).toEqual(ids);
    expect(await page.evaluate(() => window.view.drawn)).toEqual({ points: 96, emphasised: 3 });

    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40);
    await page.mouse.move(box.x + box.width / 2, box.y + y.pixelOf(0.95));
    await page.mouse.wheel(0, -600);
    await expect(page.locator(".rc-scatter .rc-wheel-hint")).toBeVisible();
    expect((await axisScale(page, "x", true)).ticks).toEqual(before);
  });

  test("exports: SVG with one circle per point, CSV with one row per point", async ({ page }) => {
    const svg = await page.evaluate(() => window.view.exportSVG());
    expect(svg).not.toContain("var(");
    expect(svg).not.toContain("currentColor");
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      const root = doc.documentElement;
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        root: root.nodeName,
        namespace: root.namespaceURI,
        size: [root.getAttribute("width"), root.getAttribute("height")],
        circles: [...doc.querySelectorAll("g.points circle")].map((c) => c.getAttribute("data-run-id")),
        fills: new Set([...doc.querySelectorAll("g.points circle")].map((c) => c.getAttribute("fill"))).size,
        labels: [...doc.querySelectorAll(".rc-axis-label")].map((t) => t.textContent),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect([parsed.root, parsed.namespace]).toEqual(["svg", "http://www.w3.org/2000/svg"]);
    expect(Number(parsed.size[0])).toBeGreaterThan(400);
    expect(parsed.circles.sort()).toEqual(runs.map((run) => run.run_id).sort());
    expect(parsed.fills).toBe(2); // batch sizes 32 and 256
    expect(parsed.labels).toEqual(["lr", "validation/accuracy"]);
    const fs = await import("node:fs");
    fs.writeFileSync(path.join(screenshots, "scatter-export.svg"), svg);

    const csv = await page.evaluate(() => window.view.exportCSV());
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("run_id,name,params.lr,metrics.validation/accuracy,params.batch_size,params.hidden,selected");
    expect(lines.length).toBe(97);
    const first = runs[0];
    expect(lines).toContain(`${first.run_id},${first.name},${first[LR]},${first[ACC]},${first["params.batch_size"]},${first["params.hidden"]},`);
  });

  test("update swaps a column and keeps the selection; destroy leaves nothing behind", async ({ page }) => {
    const ids = runs.slice(0, 4).map((run) => run.run_id);
    await page.evaluate((ids) => (window.view.value = ids), ids);
    await page.evaluate(() => window.view.update({ y: "train/loss", color: null, size: null }));
    await expect(page.locator(".rc-scatter .rc-axis-label")).toHaveText(["lr", "train/loss"]);
    await expect(page.locator(".rc-scatter .rc-legend-title")).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => window.view.drawn)).toEqual({ points: 96, emphasised: 4 });
    expect(await page.evaluate(() => window.view.value)).toEqual(ids);

    await page.evaluate(() => window.view.destroy());
    expect(await page.evaluate(() => window.view.childElementCount)).toBe(0);
    await page.setViewportSize({ width: 700, height: 600 });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.view.childElementCount)).toBe(0);
  });

  test("dark theme: JupyterLab's variables colour the chart", async ({ page }) => {
    await page.evaluate(() => {
      Object.assign(document.body.style, { background: "#111", color: "#eee" });
      for (const [name, value] of Object.entries({
        "--jp-layout-color0": "#111",
        "--jp-layout-color1": "#1b1b1b",
        "--jp-ui-font-color1": "#eee",
        "--jp-ui-font-color2": "#aaa",
        "--jp-border-color2": "#444",
        "--jp-brand-color1": "#58a6ff",
      }))
        document.body.style.setProperty(name, value);
      window.view.update({ height: 400 });
    });
    await page.waitForFunction(() => window.view.drawn.points === 96);
    const colors = await page.locator(".rc-scatter").evaluate((view) => ({
      background: getComputedStyle(view).backgroundColor,
      label: getComputedStyle(view.querySelector(".rc-axis-label")).fill,
    }));
    expect(colors).toEqual({ background: "rgb(17, 17, 17)", label: "rgb(238, 238, 238)" });
    const svg = await page.evaluate(() => window.view.exportSVG());
    expect(svg).toContain('fill="#111"');
    await page.screenshot({ path: path.join(screenshots, "scatter-dark.png"), fullPage: true });
  });
});

test.describe("built from records", () => {
  test.beforeEach(async ({ page }) => {
    page.on("pageerror", (error) => {
      throw error;
    });
    await page.goto("/examples/scatter.html");
    await page.waitForFunction(() => window.view);
    await page.evaluate(() => {
      window.alerted = 0;
      window.alert = () => window.alerted++;
      document.querySelector("#chart").replaceChildren();
    });
  });

  async function mount(page, records, options) {
    await page.evaluate(
      async ({ records, options }) => {
        const { scatter } = await import("/dist/runcompare.js");
        window.view = scatter(records, options);
        document.querySelector("#chart").replaceChildren(window.view);
      },
      { records, options },
    );
    await page.waitForFunction(() => window.view.drawn.points > 0 || window.view.error);
  }

  test("the largest points at the plot's corners are drawn whole, clear of the axes", async ({ page }) => {
    // Runs at the four corners of x and y, the largest sized at each: a radius of 10 px.
    const records = [0, 1, 2, 3].map((i) => ({ run_id: `r${i}`, "params.lr": i % 2, "metrics.acc": i >> 1, "params.batch": 100 }));
    records.push({ run_id: "small", "params.lr": 0.5, "metrics.acc": 0.5, "params.batch": 1 });
    await mount(page, records, { x: "lr", y: "acc", size: "batch", width: 500, height: 320 });
    const circles = await drawnCircles(page);
    expect(circles.filter((c) => c.r === 10).length).toBe(4);
    const clip = await page.locator(".rc-scatter .rc-points clipPath path").getAttribute("d");
    const rects = [...clip.matchAll(/M(-?[\d.]+),(-?[\d.]+)h([\d.]+)v([\d.]+)h/g)].map((m) => m.slice(1).map(Number));
    const outer = (c) => [c.x - c.r - 0.375, c.y - c.r - 0.375, c.x + c.r + 0.375, c.y + c.r + 0.375];
    const inside = (c) => rects.some(([x, y, w, h]) => outer(c)[0] >= x && outer(c)[1] >= y && outer(c)[2] <= x + w && outer(c)[3] <= y + h);
    expect(circles.filter((c) => !inside(c))).toEqual([]);
    // The axis lines (the domain paths) run beside the plot, not under a point.
    const [yAxisX, xAxisY] = await page.evaluate(() => {
      const at = (selector, index) => document.querySelector(selector).getCTM()[index];
      return [at(".rc-scatter .rc-y-axis", "e"), at(".rc-scatter .rc-x-axis", "f")];
    });
    const [dx, dy] = await page.evaluate(() => {
      const matrix = document.querySelector(".rc-scatter .rc-points").getCTM();
      return [matrix.e, matrix.f];
    });
    for (const c of circles) {
      expect(outer(c)[0] + dx).toBeGreaterThan(yAxisX + 0.5);
      expect(outer(c)[3] + dy).toBeLessThan(xAxisY - 0.5);
    }
    await page.screenshot({ path: path.join(screenshots, "scatter-largest-at-corners.png"), clip: await chartBox(page) });
  });

  test("a hostile run name shows as text and runs nothing; missing values are counted", async ({ page }) => {
    const records = [
      { run_id: "a", name: HOSTILE, "params.lr": 0.01, "metrics.acc": 0.5 },
      { run_id: "b", name: "b", "params.lr": 0.1, "metrics.acc": 0.9 },
      { run_id: "c", name: "c", "params.lr": 0.001, "metrics.acc": 0.2 },
      { run_id: "d", name: "d", "params.lr": 0.05, "metrics.acc": null },
      { run_id: "e", name: "e", "params.lr": 0.02, "metrics.acc": null },
    ];
    await mount(page, records, { x: "lr", y: "acc" });
    expect(await page.evaluate(() => window.view.drawn.points)).toBe(3);
    await expect(page.locator(".rc-scatter .rc-status")).toHaveText("5 runs · 2 runs have no value for acc");

    const box = await chartBox(page);
    const x = await axisScale(page, "x", false); // 0.001 to 0.1 is two decades: not enough for log
    const y = await axisScale(page, "y", false);
    await page.mouse.move(box.x + x.pixelOf(0.01), box.y + y.pixelOf(0.5));
    const tooltip = page.locator(".rc-scatter .rc-tooltip");
    await expect(tooltip.locator(".rc-tooltip-title")).toHaveText(HOSTILE);
    await expect(tooltip).toContainText("run_id" + "a");
    expect(await page.locator("img").count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.alerted)).toBe(0);
    await page.screenshot({ path: path.join(screenshots, "scatter-hostile.png"), fullPage: true });
  });

  test("categories on x: a hostile category is a tick label, points jitter inside their category", async ({ page }) => {
    const records = Array.from({ length: 60 }, (_, i) => ({
      run_id: `r${i}`,
      "params.optimizer": ["adam", "sgd", HOSTILE][i % 3],
      "metrics.acc": 0.5 + (i % 7) / 20,
    }));
    await mount(page, records, { x: "optimizer", y: "acc" });
    expect(await page.evaluate(() => window.view.drawn.points)).toBe(60);
    const ticks = await page
      .locator(".rc-scatter .rc-x-axis .tick")
      .evaluateAll((nodes) => nodes.map((tick) => ({ text: tick.textContent, x: tick.transform.baseVal[0].matrix.e })));
    expect(ticks.map((tick) => tick.text)).toEqual([HOSTILE, "adam", "sgd"]);
    expect(await page.locator("img").count()).toBe(0);
    const step = ticks[1].x - ticks[0].x;
    const centre = Object.fromEntries(ticks.map((tick) => [tick.text, tick.x]));
    const svg = await page.evaluate(() => window.view.exportSVG());
    const circles = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return [...doc.querySelectorAll("g.points circle")].map((c) => ({ id: c.getAttribute("data-run-id"), x: Number(c.getAttribute("cx")) }));
    }, svg);
    expect(circles.length).toBe(60);
    const category = Object.fromEntries(records.map((r) => [r.run_id, r["params.optimizer"]]));
    for (const { id, x } of circles) expect(Math.abs(x - centre[category[id]])).toBeLessThanOrEqual(0.3 * step + 0.1);
    // Jittered: runs of one category do not share one x.
    expect(new Set(circles.map((c) => c.x)).size).toBeGreaterThan(50);
    // The same input jitters the same.
    await mount(page, records, { x: "optimizer", y: "acc" });
    expect(await page.evaluate(() => window.view.exportSVG())).toBe(svg);
    await page.screenshot({ path: path.join(screenshots, "scatter-categories.png"), fullPage: true });
  });

  test("zero and negative values on a log axis are drawn in a band", async ({ page }) => {
    const records = [
      { run_id: "a", "params.lr": 0.001, "metrics.acc": 0.5 },
      { run_id: "b", "params.lr": 0.1, "metrics.acc": 0.9 },
      { run_id: "c", "params.lr": 0, "metrics.acc": 0.7 },
      { run_id: "d", "params.lr": -1, "metrics.acc": 0.6 },
    ];
    await mount(page, records, { xScale: "log" });
    expect(await page.evaluate(() => window.view.drawn.points)).toBe(4);
    await expect(page.locator(".rc-scatter .rc-band .rc-missing-label")).toHaveText("≤ 0");
    const band = await page.locator(".rc-scatter .rc-band").evaluate((g) => g.transform.baseVal[0].matrix.e);
    const { ticks } = await axisScale(page, "x", true);
    expect(ticks[0]).toBe(0.001);
    const x = await axisScale(page, "x", true);
    expect(band).toBeLessThan(x.pixelOf(0.001));
    const svg = await page.evaluate(() => window.view.exportSVG());
    const inBand = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return [...doc.querySelectorAll("g.points circle")]
        .filter((c) => ["c", "d"].includes(c.getAttribute("data-run-id")))
        .map((c) => Number(c.getAttribute("cx")));
    }, svg);
    expect(inBand).toEqual([Math.round(band * 10) / 10, Math.round(band * 10) / 10]);
    await expect(page.locator(".rc-scatter .rc-status")).toHaveText("4 runs");
  });

  test("SVG up to 1,500 points, canvas above: the same picture, the same hover and brush", async ({ page }) => {
    // 1,500 runs are drawn as SVG; a 1,501st on top of the first run's point tips them onto the canvas.
    const random = prng(7);
    const records = Array.from({ length: 1500 }, (_, i) => ({
      run_id: `r${i}`,
      name: i === 1 ? HOSTILE : `run ${i}`,
      "params.opt": ["adam", "sgd", HOSTILE][i % 3],
      "params.lr": random(),
      "metrics.acc": random() ** 2,
    }));
    const options = { x: "lr", y: "acc", color: "opt", xScale: "linear", yScale: "linear" };
    const views = {};
    for (const [way, rows] of [
      ["svg", records],
      ["canvas", [...records, { ...records[0], run_id: "extra", name: "extra" }]],
    ]) {
      await mount(page, rows, options);
      expect(await page.locator(".rc-scatter canvas").count()).toBe(way === "canvas" ? 1 : 0);
      expect(await page.locator(".rc-scatter .rc-points > path").count()).toBe(way === "svg" ? 3 : 0);
      expect(await page.evaluate(() => window.view.drawn)).toEqual({ points: rows.length, emphasised: 0 });
      const plot = page.locator(".rc-scatter .rc-plot");
      const x = await axisScale(page, "x", false);
      const y = await axisScale(page, "y", false);
      views[way] = { picture: await plot.screenshot(), x, y, box: await chartBox(page) };
      await plot.screenshot({ path: path.join(screenshots, `scatter-${way}-1500.png`) });

      // Hover: the run with the point farthest from the others, found from the records through the axes.
      const pixels = records.map((run) => ({ run, x: x.pixelOf(run["params.lr"]), y: y.pixelOf(run["metrics.acc"]) }));
      const target = loneRun(pixels.slice(0, 300));
      await page.mouse.move(views[way].box.x + target.x, views[way].box.y + target.y);
      await expect(page.locator(".rc-scatter .rc-tooltip .rc-tooltip-title")).toHaveText(target.run.name);
      await page.mouse.move(views[way].box.x + 2, views[way].box.y + 2);

      // Brush: the runs whose values fall in the rectangle, by the records.
      const box = views[way].box;
      const [x0, x1, y0, y1] = [x.pixelOf(0.2), x.pixelOf(0.45), y.pixelOf(0.6), y.pixelOf(0.3)];
      await page.keyboard.down("Shift");
      await page.mouse.move(box.x + x0, box.y + y0);
      await page.mouse.down();
      await page.mouse.move(box.x + x1, box.y + y1, { steps: 4 });
      await page.mouse.up();
      await page.keyboard.up("Shift");
      const rect = await page.locator(".rc-scatter .rc-brush .selection").evaluate((r) => ["x", "y", "width", "height"].map((a) => Number(r.getAttribute(a))));
      const [lrLo, lrHi, accLo, accHi] = [x.valueAt(rect[0]), x.valueAt(rect[0] + rect[2]), y.valueAt(rect[1] + rect[3]), y.valueAt(rect[1])];
      const inside = rows.filter((r) => r["params.lr"] >= lrLo && r["params.lr"] <= lrHi && r["metrics.acc"] >= accLo && r["metrics.acc"] <= accHi);
      expect(inside.length).toBeGreaterThan(50);
      await expect.poll(() => page.evaluate(() => [...window.view.value].sort())).toEqual(inside.map((r) => r.run_id).sort());
      views[way].selected = await page.evaluate(() => window.view.value.filter((id) => id !== "extra").sort());
    }
    expect(views.canvas.selected).toEqual(views.svg.selected);
    expect(views.canvas.x.ticks).toEqual(views.svg.x.ticks);

    // The pictures (taken before the brush): the same pixels but where the extra run doubles the first run's point.
    const first = { x: views.svg.x.pixelOf(records[0]["params.lr"]), y: views.svg.y.pixelOf(records[0]["metrics.acc"]), r: 8 };
    const { painted, differing } = await comparePictures(page, views.svg.picture, views.canvas.picture, first);
    expect(painted).toBeGreaterThan(20000);
    expect(differing / painted, `${differing} of ${painted} pixels differ`).toBeLessThan(0.01);
  });

  test("a bad column shows the error box with the contract's words", async ({ page }) => {
    await mount(page, [{ run_id: "a", "params.lr": 0.1, "metrics.acc": 0.5 }], { x: "momentum" });
    await expect(page.locator(".rc-scatter .rc-error")).toHaveText(
      'no column "momentum" in runs (columns: params.lr, metrics.acc): pass one of these, with or without its "params."/"metrics." prefix.',
    );
    expect(await page.evaluate(() => window.view.error)).toContain('no column "momentum"');
  });
});
