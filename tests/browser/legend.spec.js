import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repo, screenshots } from "./helpers.js";

// The legend where the publication options put it, in every view that has one: drawn by the
// browser's export (publish) and by the headless renderer, each file shown in the page and its
// boxes measured: the legend on the side asked, inside the figure, over no mark or axis label.
const HOSTILE = "<img src=x onerror=alert(1)>";
const data = (name) => path.join(repo, "examples/data", name);
const SCATTER = { x: "lr", y: "validation/loss", color: "optimizer", size: "batch_size" };
const VIEWS = {
  scalars: { first: "scalars", tables: { runs: "runs" }, options: {}, args: ["--scalars", data("scalars.arrow"), "--runs", data("runs.arrow")] },
  parallel: { first: "runs", tables: {}, options: {}, args: ["--runs", data("runs.arrow")] },
  scatter: { first: "runs", tables: {}, options: SCATTER, args: ["--runs", data("runs.arrow"), "--options", JSON.stringify(SCATTER)] },
};
const SIDES = ["top", "right", "bottom", "left"];

/** Shows the SVG files in the page and measures them: the figure, the legend and every mark of the drawing, in page pixels. */
async function measure(page, files) {
  return page.evaluate((files) => {
    document.body.replaceChildren();
    return files.map((svg) => {
      const holder = document.createElement("div");
      holder.innerHTML = svg; // the test's own files, parsed as the image they are
      document.body.append(holder);
      const root = holder.querySelector("svg");
      const box = (element) => {
        const { left, top, right, bottom } = element.getBoundingClientRect();
        return { left: left + scrollX, top: top + scrollY, right: right + scrollX, bottom: bottom + scrollY };
      };
      const legend = root.querySelector(".rc-legend");
      const body = root.querySelector(".rc-body");
      // Marks that are drawn where their box says: lines under a clip path are measured by their clip.
      const clipped = [...body.querySelectorAll("[clip-path]")];
      const marks = [...body.querySelectorAll("text, circle, rect, line, path")]
        .filter((mark) => !clipped.some((group) => group.contains(mark)) && !mark.closest("clipPath, defs"))
        .map(box)
        .filter((b) => b.right > b.left || b.bottom > b.top);
      for (const group of clipped) {
        // The clip's rectangle, in the clipped group's coordinates (a clip path's own box is not laid out).
        const rect = root.querySelector(`${group.getAttribute("clip-path").slice(4, -1)} rect`);
        const [x, y, w, h] = ["x", "y", "width", "height"].map((name) => Number(rect.getAttribute(name)));
        const ctm = group.getScreenCTM();
        const [a, b] = [new DOMPoint(x, y).matrixTransform(ctm), new DOMPoint(x + w, y + h).matrixTransform(ctm)];
        marks.push({ left: a.x + scrollX, top: a.y + scrollY, right: b.x + scrollX, bottom: b.y + scrollY });
      }
      return {
        figure: box(root),
        legend: legend && box(legend),
        labels: legend ? [...legend.querySelectorAll("text")].map((text) => text.textContent) : [],
        marks,
        drawing: box(body),
      };
    });
  }, files);
}

const overlaps = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

for (const [kind, view] of Object.entries(VIEWS)) {
  test(`the ${kind} legend goes top, right, bottom or left, over no mark, in the browser's export and headless`, async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto("/tests/browser/blank.html");
    const browser = await page.evaluate(
      async ({ kind, view, sides }) => {
        const rc = await import("/dist/runcompare.js");
        const load = async (name) => new Uint8Array(await (await fetch(`/examples/data/${name}.arrow`)).arrayBuffer());
        const tables = Object.fromEntries(await Promise.all(Object.entries(view.tables).map(async ([key, name]) => [key, await load(name)])));
        const holder = document.createElement("div");
        holder.style.width = "800px";
        document.body.append(holder);
        const element = rc[kind](await load(view.first), { ...tables, ...view.options });
        holder.append(element);
        for (let i = 0; i < 200 && !((element.drawn?.frames ?? 0) > 0 || (element.drawn?.lines ?? 0) > 0); i++) await new Promise((r) => setTimeout(r, 50));
        await new Promise((r) => setTimeout(r, 100));
        const svg = element.exportSVG();
        return [...sides, "none"].map((legend) => rc.publish(svg, rc.publication({ legend })));
      },
      { kind, view, sides: SIDES },
    );
    fs.mkdirSync(screenshots, { recursive: true });
    const headless = [...SIDES, "none"].map((side) => {
      const file = path.join(screenshots, `legend-${kind}-${side}.svg`);
      // A PNG of one side, to look at.
      const png = side === "right" ? ["-o", file.replace(/svg$/, "png")] : [];
      execFileSync("node", [path.join(repo, "dist/render.mjs"), "render", "--view", kind, ...view.args, "--legend", side, "-o", file, ...png]);
      return fs.readFileSync(file, "utf8");
    });
    for (const [who, files] of [
      ["browser", browser],
      ["headless", headless],
    ]) {
      const figures = await measure(page, files);
      const none = figures.pop();
      expect(none.legend, `${who} ${kind}: legend "none" draws none`).toBeNull();
      figures.forEach((figure, i) => {
        const side = SIDES[i];
        const where = `${who} ${kind}, legend ${side}`;
        const { legend, drawing, figure: outer } = figure;
        expect(legend, where).not.toBeNull();
        expect(figure.labels.length, where).toBeGreaterThan(0);
        // Inside the figure, on the side asked of the drawing's marks.
        expect(legend.left, where).toBeGreaterThanOrEqual(outer.left);
        expect(legend.top, where).toBeGreaterThanOrEqual(outer.top);
        expect(legend.right, where).toBeLessThanOrEqual(outer.right + 0.5);
        expect(legend.bottom, where).toBeLessThanOrEqual(outer.bottom + 0.5);
        const marks = figure.marks;
        const edge = {
          top: () => expect(legend.bottom).toBeLessThanOrEqual(Math.min(...marks.map((m) => m.top)) + 0.5),
          bottom: () => expect(legend.top).toBeGreaterThanOrEqual(Math.max(...marks.map((m) => m.bottom)) - 0.5),
          left: () => expect(legend.right).toBeLessThanOrEqual(Math.min(...marks.map((m) => m.left)) + 0.5),
          right: () => expect(legend.left).toBeGreaterThanOrEqual(Math.max(...marks.map((m) => m.right)) - 0.5),
        };
        edge[side]();
        const covered = marks.filter((mark) => overlaps(mark, legend));
        expect(covered, `${where}: marks under the legend`).toEqual([]);
        expect(drawing.right - drawing.left, where).toBeGreaterThan(100);
      });
    }
    // The run legend's names as text, a hostile one included, never as markup.
    expect(browser[0]).not.toContain("<img");
  });
}

test("a legend's names stay text and its entries grow with the font", async ({ page }) => {
  await page.goto("/tests/browser/blank.html");
  const result = await page.evaluate(async (hostile) => {
    const rc = await import("/dist/runcompare.js");
    const points = ["a", "b"].flatMap((run_id) => [0, 1, 2].map((step) => ({ run_id, metric: "loss", step, value: step + (run_id === "a" ? 1 : 2) })));
    const element = rc.scalars(points, {
      runs: [
        { run_id: "a", name: hostile },
        { run_id: "b", name: "b" },
      ],
    });
    element.style.width = "700px";
    document.body.append(element);
    for (let i = 0; i < 100 && !((element.drawn?.frames ?? 0) > 0); i++) await new Promise((r) => setTimeout(r, 50));
    const svg = element.exportSVG();
    const sizes = [11, 22].map((fontSize) => {
      const published = rc.publish(svg, rc.publication({ legend: "right", fontSize }));
      const root = new DOMParser().parseFromString(published, "image/svg+xml").documentElement;
      return { width: Number(root.getAttribute("width")), labels: [...root.querySelectorAll(".rc-legend text")].map((t) => t.textContent) };
    });
    return { sizes, img: /<img/.test(rc.publish(svg, rc.publication({ legend: "left" }))) };
  }, HOSTILE);
  expect(result.sizes[0].labels).toContain(HOSTILE);
  expect(result.img).toBe(false);
  // At twice the font, the legend beside the drawing is wider by about its text's width again.
  expect(result.sizes[1].width).toBeGreaterThan(result.sizes[0].width + 20);
});
