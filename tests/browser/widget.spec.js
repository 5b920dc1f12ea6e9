import { test, expect } from "@playwright/test";
import path from "node:path";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { exampleRuns, screenshots } from "../browser/helpers.js";

// The widget as hosts without runcompare's JupyterLab extension run it (marimo, VS Code, Colab):
// each widget's _esm is the small loader, which asks the kernel for the view code. Here a stand-in
// model plays the kernel.
const runs = exampleRuns();
const HOSTILE = "<img src=x onerror=alert(1)>";

/** Shows `count` parallel widgets through the loader; returns how many times the "kernel" was asked for the code. */
async function showWidgets(page, count) {
  await page.goto("/examples/scatter.html");
  return page.evaluate(async (count) => {
    const { fakeModel } = await import("/tests/browser/fake-model.js");
    const loader = (await import("/python/runcompare/static/loader.js")).default;
    const code = new DataView(await (await fetch("/python/runcompare/static/widget.js")).arrayBuffer());
    const runs = new DataView(await (await fetch("/examples/data/runs.arrow")).arrayBuffer());
    window.asked = 0;
    const kernel = (message, model) => message.type === "code" && (window.asked++, setTimeout(() => model.receive({ type: "code" }, [code])));
    window.models = [];
    const rendered = [];
    for (let i = 0; i < count; i++) {
      const traits = { _key: `key-${i}`, view: "parallel", runs, scalars: new DataView(new ArrayBuffer(0)), options: {}, selected: [], note: "", stored: true };
      const { model } = fakeModel(traits, kernel);
      loader.initialize({ model });
      const el = document.createElement("div");
      el.className = "widget";
      document.body.append(el);
      rendered.push(loader.render({ model, el })); // all at once, as a notebook's outputs come
      window.models.push(model);
    }
    await Promise.all(rendered);
    return window.asked;
  }, count);
}

test("without the extension, widgets get the view code from the kernel once per page", async ({ page }) => {
  expect(await showWidgets(page, 3)).toBe(1);
  const views = page.locator(".widget .rc-parallel");
  await expect(views).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect.poll(() => views.nth(i).evaluate((view) => view.drawn.lines)).toBe(runs.length);
  // The models are on the page for the JupyterLab extension to find, by their keys.
  expect(await page.evaluate(() => [...globalThis[Symbol.for("runcompare.page.v1")].models.keys()])).toEqual(["key-0", "key-1", "key-2"]);
});

test("Python's w.save() exports as the toolbar does, and a hostile file name stays text", async ({ page }) => {
  await showWidgets(page, 1);
  const view = page.locator(".widget .rc-parallel");
  await expect.poll(() => view.evaluate((element) => element.drawn.lines)).toBe(runs.length);

  let download = page.waitForEvent("download");
  await page.evaluate(() => window.models[0].receive({ type: "export", format: "csv", name: null }));
  expect((await download).suggestedFilename()).toBe("scatter-parallel.csv");
  await expect(view.locator(".rc-export-notice")).toHaveText("Downloaded scatter-parallel.csv");

  download = page.waitForEvent("download");
  await page.evaluate((name) => window.models[0].receive({ type: "export", format: "svg", name }), `${HOSTILE}.svg`);
  await download;
  await expect(view.locator(".rc-export-notice")).toHaveText(`Downloaded ${HOSTILE}.svg`);
  await expect(view.locator(".rc-export-notice img")).toHaveCount(0);
  await page.screenshot({ path: path.join(screenshots, "widget-save-notice.png") });
});

test("rows the kernel appends reach every view of the widget, and stay in its appended trait for the saved notebook", async ({ page }) => {
  await showWidgets(page, 1);
  const view = page.locator(".widget .rc-parallel");
  await expect.poll(() => view.evaluate((element) => element.drawn.lines)).toBe(runs.length);
  const batch = [...tableToIPC(tableFromArrays({ run_id: ["live-1", HOSTILE], "params.lr": Float64Array.from([0.5, 0.25]) }), "stream")];
  const appended = await page.evaluate(async (batch) => {
    const model = window.models[0];
    const saves = [];
    const save = model.save_changes;
    model.save_changes = () => (saves.push(true), save());
    model.receive({ type: "append", tables: ["runs"] }, [new DataView(Uint8Array.from(batch).buffer)]);
    // A second view of the same model (the widget shown again) draws the tables with the batch.
    const loader = (await import("/python/runcompare/static/loader.js")).default;
    const el = document.createElement("div");
    el.className = "widget again";
    document.body.append(el);
    await loader.render({ model, el });
    return { trait: model.get("appended").map((b) => Object.keys(b)), saves: saves.length };
  }, batch);
  await expect.poll(() => view.first().evaluate((element) => element.drawn.lines)).toBe(runs.length + 2);
  await expect.poll(() => page.locator(".widget.again .rc-parallel").evaluate((element) => element.drawn.lines)).toBe(runs.length + 2);
  expect(appended.trait).toEqual([["runs"]]);
  expect(appended.saves).toBe(0);
  await expect(page.locator(".widget img")).toHaveCount(0);

  // The kernel sends new tables, then empties `appended` (traitlets notifies in that order): the batch goes.
  await page.evaluate(() => {
    const model = window.models[0];
    model.set("runs", model.get("runs"));
    model.set("appended", []);
  });
  await expect.poll(() => page.locator(".widget.again .rc-parallel").evaluate((element) => element.drawn.lines)).toBe(runs.length);
});
