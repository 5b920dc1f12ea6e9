import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repo, screenshots } from "./helpers.js";

// The headless renderer (dist/render.mjs, `npx runcompare render`) against the browser: the same
// view of the example sweep, 800 pixels wide, exported by Chromium (its SVG drawn on a canvas, as
// the toolbar's PNG is) and drawn by the renderer with no browser, compared pixel by pixel.
const WIDTH = 800;
const data = (name) => path.join(repo, "examples/data", name);
const VIEWS = {
  scalars: { data: "scalars", options: { runs: "runs" }, args: ["--scalars", data("scalars.arrow"), "--runs", data("runs.arrow")] },
  parallel: { data: "runs", options: { scalars: "scalars" }, args: ["--runs", data("runs.arrow"), "--scalars", data("scalars.arrow")] },
};

for (const [kind, { data: first, options, args }] of Object.entries(VIEWS)) {
  test(`the headless ${kind} PNG is the browser's export within a small tolerance`, async ({ page }) => {
    fs.mkdirSync(screenshots, { recursive: true });
    const headless = path.join(screenshots, `headless-${kind}.png`);
    execFileSync("node", [path.join(repo, "dist/render.mjs"), "render", "--view", kind, ...args, "--dpi", "96", "-o", headless]);
    await page.setViewportSize({ width: WIDTH + 40, height: 900 });
    await page.goto("/tests/browser/blank.html");
    const result = await page.evaluate(
      async ({ kind, first, options, width, png }) => {
        const rc = await import("/dist/runcompare.js");
        const load = async (name) => new Uint8Array(await (await fetch(`/examples/data/${name}.arrow`)).arrayBuffer());
        const tables = Object.fromEntries(await Promise.all(Object.entries(options).map(async ([key, name]) => [key, await load(name)])));
        const holder = document.createElement("div");
        holder.style.width = `${width}px`;
        document.body.append(holder);
        const view = rc[kind](await load(first), tables);
        holder.append(view);
        for (let i = 0; i < 200 && !((view.drawn?.frames ?? 0) > 0 || (view.drawn?.lines ?? 0) > 0); i++) await new Promise((r) => setTimeout(r, 50));
        const image = async (url) => {
          const img = new Image();
          img.src = url;
          await img.decode();
          return img;
        };
        const svg = view.exportSVG();
        const browser = await image(URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })));
        const drawn = await image(`data:image/png;base64,${png}`);
        const canvas = (img) => {
          const canvas = Object.assign(document.createElement("canvas"), { width: drawn.width, height: drawn.height });
          const context = canvas.getContext("2d");
          context.fillStyle = "#ffffff";
          context.fillRect(0, 0, canvas.width, canvas.height);
          context.drawImage(img, 0, 0, drawn.width, drawn.height);
          return canvas;
        };
        const pixels = (canvas) => canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        const browserCanvas = canvas(browser);
        const [a, b] = [pixels(browserCanvas), pixels(canvas(drawn))];
        let differing = 0;
        let inked = 0;
        for (let i = 0; i < a.length; i += 4) {
          const delta = Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2]));
          if (delta > 64) differing++;
          if (a[i] + a[i + 1] + a[i + 2] < 600) inked++;
        }
        const size = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
        return {
          png: browserCanvas.toDataURL("image/png").split(",")[1],
          browser: [Number(size.getAttribute("width")), Number(size.getAttribute("height"))],
          headless: [drawn.width, drawn.height],
          differing,
          inked,
          total: a.length / 4,
        };
      },
      { kind, first, options, width: WIDTH, png: fs.readFileSync(headless).toString("base64") },
    );
    fs.writeFileSync(path.join(screenshots, `headless-${kind}-browser.png`), Buffer.from(result.png, "base64"));
    // Laid out alike: the same size, and all but 2% of pixels within 64 levels (measured: 0.8% for
    // parallel, 0.2% for scalars; text is rasterised by
    // Chromium's and by resvg's own font engines, so glyph edges differ).
    expect(result.headless).toEqual(result.browser);
    expect(result.inked / result.total).toBeGreaterThan(0.02);
    expect(result.differing / result.total).toBeLessThan(0.02);
  });
}
