import { test, expect } from "@playwright/test";
import path from "node:path";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { csvParseRows } from "d3-dsv";
import { exampleRuns, screenshots } from "./helpers.js";

const runs = exampleRuns();
const [first, second] = ["r000", "r029"].map((id) => runs.find((run) => run.run_id === id));

/** The path a runs-table column takes in the diff (written here, not taken from the view). */
const pathOfColumn = (column) => (/^(params|metrics|tags)\./.test(column) ? column.replace(".", "/") : `general/${column}`);

const isSection = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Nested configs flattened to "a/b/c" paths with each run's text value. The paths come in the
 * order of the runs' trees merged into one (a key a later run adds goes into its section).
 */
function flatten(configs) {
  const merged = {};
  const merge = (into, tree) => {
    for (const [key, value] of Object.entries(tree)) {
      if (isSection(value)) merge((into[key] ??= {}), value);
      else into[key] ??= null;
    }
  };
  Object.values(configs).forEach((tree) => merge(merged, tree));
  const values = {};
  const walk = (tree, prefix) => {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix + key;
      if (isSection(value)) walk(value, `${path}/`);
      else values[path] = Object.fromEntries(Object.entries(configs).map(([run, config]) => [run, textAt(config, path)]));
    }
  };
  walk(merged, "");
  return values;
}

function textAt(config, path) {
  const value = path.split("/").reduce((node, key) => (node == null ? undefined : node[key]), config);
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

const DARK = `:root {
  --jp-layout-color0: #111418; --jp-layout-color1: #1c2128; --jp-layout-color2: #22272e; --jp-ui-font-color1: #e6edf3;
  --jp-ui-font-color2: #9198a1; --jp-border-color2: #3d444d; --jp-brand-color1: #4493f8; --jp-warn-color1: #d29922;
  --jp-success-color1: #3fb950; --jp-error-color1: #f85149;
}
body { background: #111418; color: #e6edf3; }`;

const table = (page, name) => page.locator(`#${name} .rc-diff`);
const fieldRows = (page, name) => table(page, name).locator(".rc-diff-row[data-kind='field']");
const focusedPath = (page, name) => table(page, name).locator(".rc-diff-row.rc-focused").getAttribute("data-path");

test.beforeEach(async ({ page }) => {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.goto("/examples/diff.html");
  await page.waitForFunction(() => window.sweep && window.config);
});

test("two runs of the sweep: a row per column, the differing cells highlighted", async ({ page }) => {
  const columns = Object.keys(first).filter((column) => column !== "run_id" && column !== "name");
  const differing = columns.filter((column) => first[column] !== second[column]).map(pathOfColumn);
  expect(differing.length).toBeGreaterThan(3);
  expect(differing.length).toBeLessThan(columns.length);

  await expect(table(page, "sweep").locator(".rc-run-name")).toHaveText([first.name, second.name]);
  expect((await fieldRows(page, "sweep").evaluateAll((rows) => rows.map((row) => row.dataset.path))).sort()).toEqual(columns.map(pathOfColumn).sort());
  const highlighted = await fieldRows(page, "sweep").evaluateAll((rows) =>
    rows.flatMap((row) =>
      [...row.querySelectorAll(".rc-cell")].flatMap((cell, column) => (cell.classList.contains("rc-changed") ? [[row.dataset.path, column]] : [])),
    ),
  );
  expect(highlighted.map(([path]) => path).sort()).toEqual([...differing].sort());
  expect(highlighted.every(([, column]) => column === 1)).toBe(true);
  const lr = await fieldRows(page, "sweep")
    .filter({ has: page.locator("text=lr") })
    .first()
    .locator(".rc-cell")
    .allTextContents();
  expect(lr).toEqual([String(first["params.lr"]), String(second["params.lr"])]);
  await expect(table(page, "sweep").locator(".rc-status")).toHaveText(`${differing.length} of ${columns.length} fields differ`);

  await table(page, "sweep").getByLabel("Hide identical fields").check();
  await expect(fieldRows(page, "sweep")).toHaveCount(differing.length);
  await page.locator("#sweep").screenshot({ path: path.join(screenshots, "diff-sweep-differences.png") });
  await table(page, "sweep").getByLabel("Hide identical fields").uncheck();
  await expect(fieldRows(page, "sweep")).toHaveCount(columns.length);
});

test("configs: absent differs from empty; next / previous difference focus and reveal rows", async ({ page }) => {
  const configs = await page.evaluate(() => window.configs);
  const values = flatten(configs);
  const runIds = Object.keys(configs);
  const differing = Object.keys(values).filter((path) => values[path][runIds[0]] !== values[path][runIds[1]]);
  expect(differing).toEqual([
    "hyperparameters/optimizer/lr",
    "hyperparameters/warmup_steps",
    "execution/source code",
    "execution/uncommitted changes",
    "execution/installed packages",
  ]);

  const row = (path) => table(page, "configs").locator(`.rc-diff-row[data-path="${path}"]`);
  await expect(row("hyperparameters/warmup_steps").locator(".rc-cell").first()).toHaveText("absent");
  await expect(row("hyperparameters/warmup_steps").locator(".rc-cell").first().locator(".rc-absent")).toHaveCount(1);
  await expect(row("execution/uncommitted changes").locator(".rc-cell").first().locator(".rc-empty")).toHaveText("empty");
  await expect(row("hyperparameters/warmup_steps").locator(".rc-cell").nth(1)).toHaveClass(/rc-changed/);

  await table(page, "configs").focus();
  for (const expected of differing) {
    await page.keyboard.press("n");
    expect(await focusedPath(page, "configs")).toBe(expected);
  }
  await page.keyboard.press("j");
  expect(await focusedPath(page, "configs")).toBe(differing[0]);
  await page.keyboard.press("p");
  expect(await focusedPath(page, "configs")).toBe(differing.at(-1));
  await page.keyboard.press("k");
  expect(await focusedPath(page, "configs")).toBe(differing.at(-2));
  await expect(table(page, "configs").locator(".rc-status")).toContainText(`difference ${differing.length - 1} of ${differing.length}`);

  // A collapsed section with a difference says so; next difference (wrapping from the last one)
  // opens it and flashes the row.
  const section = table(page, "configs").locator("button.rc-section-toggle", { hasText: "hyperparameters" });
  await section.click();
  await expect(section).toHaveAttribute("aria-expanded", "false");
  await expect(section.locator(".rc-diff-marker")).toBeVisible();
  await expect(section.locator(".rc-section-counts")).toHaveText("6 fields · 2 differ");
  await expect(row("hyperparameters/optimizer/lr")).toHaveCount(0);
  await table(page, "configs").focus();
  await page.keyboard.press("n");
  expect(await focusedPath(page, "configs")).toBe(differing.at(-1));
  await expect(section).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("n");
  expect(await focusedPath(page, "configs")).toBe(differing[0]);
  await expect(section).toHaveAttribute("aria-expanded", "true");
  await expect(row(differing[0])).toHaveClass(/rc-flash/);
  await expect(row(differing[0])).toBeInViewport();
});

test("long texts compare line by line; package lists by package", async ({ page }) => {
  const configs = await page.evaluate(() => window.configs);
  const [a, b] = Object.values(configs).map((config) => config.execution["source code"].split("\n"));
  const removed = a.filter((line) => !b.includes(line));
  const added = b.filter((line) => !a.includes(line));
  expect([removed.length, added.length]).toEqual([1, 1]);

  const row = (path) => table(page, "configs").locator(`.rc-diff-row[data-path="${path}"]`);
  await expect(row("execution/source code").locator(".rc-badge").nth(1)).toHaveText("+1 −1 lines");
  await row("execution/source code").getByTitle("Compare line by line with the base").click();
  const text = table(page, "configs").locator(".rc-diff-row[data-kind='text'][data-path='execution/source code']");
  const other = text.locator(".rc-cell").nth(1);
  await expect(other.locator(".rc-line-removed")).toHaveText(removed.map((line) => `−${line}`));
  await expect(other.locator(".rc-line-added")).toHaveText(added.map((line) => `+${line}`));
  await expect(text.locator(".rc-cell").first().locator(".rc-line")).toHaveCount(a.length);

  await row("execution/installed packages").getByTitle("Compare line by line with the base").click();
  const packages = table(page, "configs").locator(".rc-diff-row[data-kind='text'][data-path='execution/installed packages'] .rc-cell").nth(1);
  await expect(packages.locator(".rc-line-added")).toHaveText(["+tqdm 4.66.1"]);
  await expect(packages.locator(".rc-line-changed")).toHaveText(["~torch 2.2.0 → 2.3.0"]);
  await expect(packages.locator(".rc-line-removed")).toHaveCount(0);
  await page.locator("#configs").screenshot({ path: path.join(screenshots, "diff-configs-light.png") });

  await page.addStyleTag({ content: DARK });
  await page.locator("#configs").screenshot({ path: path.join(screenshots, "diff-configs-dark.png") });
});

test("search: matches highlighted, counted, and stepped through", async ({ page }) => {
  const configs = await page.evaluate(() => window.configs);
  const values = flatten(configs);
  const matching = Object.keys(values).filter((path) => /torch/i.test(path) || Object.values(values[path]).some((value) => /torch/i.test(value)));
  expect(matching.length).toBeGreaterThan(1);

  const search = table(page, "configs").getByLabel("Search field names and values");
  await search.fill("TORCH");
  await expect(table(page, "configs").locator(".rc-match-status")).toHaveText(`1 of ${matching.length}`);
  expect(await focusedPath(page, "configs")).toBe(matching[0]);
  await expect(table(page, "configs").locator(".rc-diff-row.rc-focused mark").first()).toHaveText(/torch/i);
  await search.press("Enter");
  expect(await focusedPath(page, "configs")).toBe(matching[1]);
  await expect(table(page, "configs").locator(".rc-match-status")).toHaveText(`2 of ${matching.length}`);
  await search.press("Shift+Enter");
  expect(await focusedPath(page, "configs")).toBe(matching[0]);
  await page.locator("#configs").screenshot({ path: path.join(screenshots, "diff-search.png") });
  // Enter right after typing (before the search has run by itself) shows the first match.
  await search.fill("jinja");
  await search.press("Enter");
  expect(await focusedPath(page, "configs")).toBe("execution/installed packages");
  await expect(table(page, "configs").locator(".rc-match-status")).toHaveText("1 of 1");
  await search.fill("no such text anywhere");
  await expect(table(page, "configs").locator(".rc-match-status")).toHaveText("no match");
  await expect(table(page, "configs").locator("mark")).toHaveCount(0);
});

test("the runs compared, base first, are the value: set from a header, by dragging a header first, by removing or restoring runs; input fires each time", async ({
  page,
}) => {
  await page.evaluate(() => {
    window.inputs = [];
    window.config.addEventListener("input", () => window.inputs.push(window.config.value));
  });
  const names = () => table(page, "configs").locator(".rc-run-name").allTextContents();
  expect(await page.evaluate(() => window.config.value)).toEqual(["baseline", "longer-warmup"]);

  await table(page, "configs").getByRole("button", { name: "Compare every run with longer-warmup" }).click();
  expect(await names()).toEqual(["longer-warmup", "baseline"]);
  expect(await page.evaluate(() => window.inputs)).toEqual([["longer-warmup", "baseline"]]);
  await expect(page.locator("#base")).toHaveText("Base run of the configs: longer-warmup");
  // The base now lacks nothing the other has: warmup_steps is absent in the other run.
  const warmup = table(page, "configs").locator('.rc-diff-row[data-path="hyperparameters/warmup_steps"] .rc-cell');
  await expect(warmup).toHaveText(["500", "absent"]);
  await expect(warmup.nth(1)).toHaveAttribute("data-comparison", "absent");

  const headers = table(page, "configs").locator(".rc-run");
  await headers.nth(1).dragTo(headers.nth(0), { targetPosition: { x: 5, y: 10 } });
  expect(await names()).toEqual(["baseline", "longer-warmup"]);
  expect(await page.evaluate(() => window.inputs)).toEqual([
    ["longer-warmup", "baseline"],
    ["baseline", "longer-warmup"],
  ]);

  await table(page, "configs").getByRole("button", { name: "Remove baseline from the comparison" }).click();
  expect(await names()).toEqual(["longer-warmup"]);
  expect(await page.evaluate(() => window.inputs.at(-1))).toEqual(["longer-warmup"]);
  await expect(table(page, "configs").locator(".rc-status")).toContainText("1 run removed");
  await table(page, "configs").getByRole("button", { name: "restore" }).click();
  expect(await names()).toEqual(["longer-warmup", "baseline"]);
  expect(await page.evaluate(() => window.inputs.at(-1))).toEqual(["longer-warmup", "baseline"]);

  // Set from outside: no input event. The runs set keep their base, which is an option of its own.
  await page.evaluate(() => (window.config.value = ["baseline", "longer-warmup"]));
  expect(await names()).toEqual(["longer-warmup", "baseline"]);
  expect(await page.evaluate(() => window.config.state.base)).toBe("longer-warmup");
  await page.evaluate(() => window.config.update({ base: "baseline" }));
  expect(await names()).toEqual(["baseline", "longer-warmup"]);
  expect(await page.evaluate(() => [window.config.state.base, window.inputs.length])).toEqual(["baseline", 4]);
});

test("exports: CSV of the table, JSON of the differing fields, SVG of the rows", async ({ page }) => {
  const configs = await page.evaluate(() => window.configs);
  const values = flatten(configs);
  const paths = Object.keys(values);
  const csv = csvParseRows(await page.evaluate(() => window.config.exportCSV()));
  expect(csv[0]).toEqual(["field", "status", "baseline", "longer-warmup"]);
  expect(
    csv
      .slice(1)
      .map((row) => row[0])
      .sort(),
  ).toEqual([...paths].sort());
  for (const [path, , ...cells] of csv.slice(1)) expect(cells).toEqual([values[path].baseline ?? "", values[path]["longer-warmup"] ?? ""]);

  const json = JSON.parse(await page.evaluate(() => window.config.exportJSON()));
  expect(json.base).toBe("baseline");
  const differing = paths.filter((path) => values[path].baseline !== values[path]["longer-warmup"]);
  expect(json.fields.map((field) => field.path)).toEqual(differing);
  const packages = json.fields.find((field) => field.path === "execution/installed packages");
  expect(packages.changes["longer-warmup"].packages).toEqual({
    added: [{ name: "tqdm", version: "4.66.1" }],
    removed: [],
    changed: [{ name: "torch", from: "2.2.0", to: "2.3.0" }],
    unchanged: 5,
  });
  expect(json.fields.find((field) => field.path === "hyperparameters/warmup_steps").values).toEqual({ baseline: null, "longer-warmup": "500" });

  const download = page.waitForEvent("download");
  await table(page, "configs").getByRole("button", { name: "JSON", exact: true }).click();
  expect((await download).suggestedFilename()).toBe("diff-diff.json");
  await expect(page.locator(".rc-export-notice")).toHaveText("Downloaded diff-diff.json");

  const svg = await page.evaluate(() => {
    const doc = new DOMParser().parseFromString(window.config.exportSVG(), "image/svg+xml");
    return { error: doc.querySelector("parsererror")?.textContent ?? null, texts: [...doc.querySelectorAll("text")].map((t) => t.textContent) };
  });
  expect(svg.error).toBeNull();
  expect(svg.texts).toContain("warmup_steps");
  expect(svg.texts).toContain("absent");
});

test("hostile run names and values show as text and run no script", async ({ page }) => {
  const hostileName = "<img src=x onerror=alert(1)>";
  const hostileValue = "</script><script>alert(1)</script>";
  const shown = await page.evaluate(
    async ({ hostileName, hostileValue }) => {
      window.alerted = false;
      window.alert = () => (window.alerted = true);
      const { diff } = await import("/dist/runcompare.js");
      const view = diff([
        { run_id: hostileName, path: "cfg/<img src=y onerror=alert(2)>", value: hostileValue },
        { run_id: "plain", path: "cfg/<img src=y onerror=alert(2)>", value: "x" },
      ]);
      document.body.append(view);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const result = {
        header: [...view.querySelectorAll(".rc-run-name")].map((n) => n.textContent),
        cells: [...view.querySelectorAll(".rc-diff-row[data-kind='field'] .rc-cell")].map((n) => n.textContent),
        label: view.querySelector(".rc-field-label").textContent,
        images: view.querySelectorAll("img").length,
        scripts: view.querySelectorAll("script").length,
        alerted: window.alerted,
      };
      view.destroy();
      view.remove();
      return result;
    },
    { hostileName, hostileValue },
  );
  expect(shown).toEqual({
    header: [hostileName, "plain"],
    cells: [hostileValue, "x"],
    label: "<img src=y onerror=alert(2)>",
    images: 0,
    scripts: 0,
    alerted: false,
  });
});

test("bad data shows the error box with the contract's message", async ({ page }) => {
  const errors = await page.evaluate(async () => {
    const { diff } = await import("/dist/runcompare.js");
    const views = [diff([{ run_id: "a", path: "x" }]), diff({ a: { x: 1 } }, { base: "nope" })];
    return views.map((view) => [view.error, view.querySelector(".rc-error")?.textContent]);
  });
  expect(errors).toEqual([
    [
      'details table has no "value" column (columns: run_id, path): details need run_id, path and value columns, one row per run and field.',
      'details table has no "value" column (columns: run_id, path): details need run_id, path and value columns, one row per run and field.',
    ],
    [
      'no run "nope" in the details (runs: a): pass one of these run ids as base.',
      'no run "nope" in the details (runs: a): pass one of these run ids as base.',
    ],
  ]);
});

test("the notebook widget carries the runs compared as its selection, and the base as its state, both ways", async ({ page }) => {
  const ipc = tableToIPC(
    tableFromArrays({ run_id: ["a", "a", "b", "b"], path: ["x/lr", "x/seed", "x/lr", "x/seed"], value: ["0.1", "1", "0.2", "1"] }),
    "stream",
  );
  const result = await page.evaluate(
    async (bytes) => {
      const widget = (await import("/python/runcompare/static/widget.js")).default;
      const traits = {
        view: "diff",
        runs: new DataView(new Uint8Array(bytes).buffer),
        scalars: new DataView(new ArrayBuffer(0)),
        options: { hideIdentical: true },
        selected: ["b", "a"],
        state: { base: "b" },
      };
      const { model, saved } = (await import("/tests/browser/fake-model.js")).fakeModel(traits);
      const el = document.createElement("div");
      document.body.append(el);
      const cleanup = widget.render({ model, el });
      const names = () => [...el.querySelectorAll(".rc-run-name")].map((n) => n.textContent);
      const fields = () => [...el.querySelectorAll(".rc-diff-row[data-kind='field']")].map((row) => row.dataset.path);
      const atStart = { names: names(), fields: fields() };
      el.querySelector("button[data-action='base']").click();
      const afterClick = { names: names(), saved: saved.at(-1), state: { runs: model.get("state").runs, base: model.get("state").base } };
      model.set("selected", ["b", "a"]);
      const selectedFromPython = names();
      model.set("state", { ...model.get("state"), base: "b" });
      const baseFromPython = { names: names(), selected: model.get("selected") };
      cleanup();
      return { atStart, afterClick, selectedFromPython, baseFromPython, left: el.querySelectorAll(".rc-diff-row").length };
    },
    [...ipc],
  );
  expect(result).toEqual({
    atStart: { names: ["b", "a"], fields: ["x/lr"] },
    afterClick: { names: ["a", "b"], saved: ["a", "b"], state: { runs: ["a", "b"], base: "a" } },
    selectedFromPython: ["a", "b"],
    baseFromPython: { names: ["b", "a"], selected: ["b", "a"] },
    left: 0,
  });
});

test("50 runs × 5,000 fields: renders, toggles and scrolls fast, with only the rows in view in the DOM", async ({ page }) => {
  const RUNS = 50;
  const FIELDS = 5000;
  // Every 10th field differs across runs (run % 3), and every 500th is a multi-line text that differs by a line.
  const differing = Array.from({ length: FIELDS }, (_, f) => f).filter((f) => f % 10 === 0 || f % 500 === 1);
  const measured = await page.evaluate(
    async ({ RUNS, FIELDS }) => {
      const { diff } = await import("/dist/runcompare.js");
      const configs = {};
      for (let r = 0; r < RUNS; r++) {
        const tree = {};
        for (let f = 0; f < FIELDS; f++) {
          const section = (tree[`section${String(Math.floor(f / 100)).padStart(2, "0")}`] ??= {});
          const group = (section[`group${Math.floor(f / 20) % 5}`] ??= {});
          group[`field${f}`] = f % 500 === 1 ? `line one\nline two of run ${r % 3}\nline three` : f % 10 === 0 ? `value ${f} of run ${r % 3}` : `value ${f}`;
        }
        configs[`run-${String(r).padStart(2, "0")}`] = tree;
      }
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const host = document.createElement("div");
      document.body.replaceChildren(host);
      const start = performance.now();
      const view = diff(configs);
      host.append(view);
      view.getBoundingClientRect();
      const rendered = performance.now() - start;
      await frame();
      await frame();
      const painted = performance.now() - start;
      window.big = view;
      const rowsInDom = view.querySelectorAll(".rc-diff-row").length;
      const box = view.querySelector("input[type=checkbox]");
      let toggleStart = performance.now();
      box.click();
      view.getBoundingClientRect();
      const hideTime = performance.now() - toggleStart;
      const shownWhenHiding = view.querySelector(".rc-status").textContent;
      toggleStart = performance.now();
      box.click();
      view.getBoundingClientRect();
      const showTime = performance.now() - toggleStart;
      // Scrolling: each jump's two frames (the view renders in the first), against two idle frames.
      const scroller = view.querySelector(".rc-diff-scroll");
      const twoFrames = async (change) => {
        const t = performance.now();
        change();
        await frame();
        await frame();
        return performance.now() - t;
      };
      await frame();
      const longFrames = [];
      const watchedFrom = performance.now();
      const observer = PerformanceObserver.supportedEntryTypes.includes("long-animation-frame")
        ? new PerformanceObserver((list) =>
            longFrames.push(
              ...list
                .getEntries()
                .filter((entry) => entry.startTime >= watchedFrom)
                .map((entry) => entry.duration),
            ),
          )
        : null;
      observer?.observe({ type: "long-animation-frame" });
      const idleFrames = await twoFrames(() => {});
      const scrollFrames = [];
      for (const fraction of [0.25, 0.5, 0.75, 1]) {
        scrollFrames.push(await twoFrames(() => (scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * fraction)));
      }
      await frame();
      observer?.disconnect();
      const status = view.querySelector(".rc-status").textContent;
      return { rendered, painted, hideTime, showTime, idleFrames, scrollFrames, longFrames: observer ? longFrames : null, rowsInDom, shownWhenHiding, status };
    },
    { RUNS, FIELDS },
  );
  console.log(`diff 50x5000: ${JSON.stringify(measured)}`);
  test.info().annotations.push({ type: "measured", description: JSON.stringify(measured) });
  expect(measured.status).toBe(`${differing.length} of ${FIELDS} fields differ`);
  expect(measured.shownWhenHiding).toBe(`${differing.length} of ${FIELDS} fields differ · ${FIELDS - differing.length} identical hidden`);
  expect(measured.rowsInDom).toBeLessThan(80);
  expect(measured.rendered).toBeLessThan(3000);
  expect(measured.hideTime).toBeLessThan(500);
  expect(measured.showTime).toBeLessThan(500);
  // Frames over 50 ms count as long; on a busy test machine a few may be, but none stalls.
  if (measured.longFrames) expect(Math.max(0, ...measured.longFrames)).toBeLessThan(250);

  // Scrolled to the end, the last field is on screen.
  const big = page.locator(".rc-diff");
  await expect(big.locator('.rc-diff-row[data-path="section49/group4/field4999"]')).toBeInViewport();
  // Next difference from there wraps to the first one, scrolling back up.
  await big.focus();
  await page.keyboard.press("n");
  expect(await big.locator(".rc-diff-row.rc-focused").getAttribute("data-path")).toBe("section00/group0/field0");
  await expect(big.locator(".rc-diff-row.rc-focused")).toBeInViewport();
  await page.keyboard.press("n");
  expect(await big.locator(".rc-diff-row.rc-focused").getAttribute("data-path")).toBe("section00/group0/field1");
  // Scrolled right, the names and the base stay; the runs in view are drawn.
  await big.locator(".rc-diff-scroll").evaluate((scroller) => (scroller.scrollLeft = scroller.scrollWidth));
  await expect(big.locator(".rc-diff-row.rc-focused .rc-cell[aria-colindex='51']")).toBeVisible();
  await expect(big.locator(".rc-diff-row.rc-focused .rc-cell.rc-base")).toBeInViewport();
  await page.screenshot({ path: path.join(screenshots, "diff-50x5000.png") });
});

test("creating and destroying the view leaves no nodes, listeners or timers behind", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const pick = (key) => metrics.find((m) => m.name === key).value;
    return { nodes: pick("Nodes"), listeners: pick("JSEventListeners") };
  };
  const cycle = (count) =>
    page.evaluate(async (count) => {
      const { diff } = await import("/dist/runcompare.js");
      const host = document.createElement("div");
      document.body.append(host);
      for (let i = 0; i < count; i++) {
        const view = diff(window.configs, { search: "torch" });
        host.append(view);
        // Leave a flash and a pending search timer running, then destroy.
        view.focus();
        view.dispatchEvent(new KeyboardEvent("keydown", { key: "n", bubbles: true }));
        const box = view.querySelector("input[type=search]");
        box.value = "lr";
        box.dispatchEvent(new Event("input"));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        view.destroy();
        view.remove();
      }
      host.remove();
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }, count);
  await cycle(3);
  const before = await metrics();
  await cycle(50);
  const after = await metrics();
  expect(after.nodes - before.nodes).toBeLessThan(50);
  expect(after.listeners - before.listeners).toBeLessThan(10);
});
