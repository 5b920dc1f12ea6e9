import { test, expect } from "@playwright/test";

/**
 * Creating and destroying a view many times leaves nothing behind: no DOM nodes, listeners,
 * observers or canvases kept alive by the page.
 */
const VIEWS = {
  parallel: "(rc, data) => rc.parallel(data.runs, { color: 'validation/accuracy' })",
  scatter: "(rc, data) => rc.scatter(data.runs, { x: 'lr', y: 'validation/accuracy', color: 'batch_size' })",
  values: "(rc, data) => rc.values(data.scalars, { runs: data.runs, summary: 'min' })",
  summary: "(rc, data) => rc.summary(data.runs)",
  scalars: "(rc, data) => rc.scalars(data.scalars, { runs: data.runs, smoothing: 0.8, groupBy: ['lr'] })",
  diff: "(rc, data) => rc.diff(data.runs, { runs: ['r000', 'r029', 'r042'] })",
};

for (const [name, make] of Object.entries(VIEWS)) {
  test(`${name}: 200 create/destroy cycles return heap and DOM to baseline`, async ({ page }) => {
    await page.goto("/examples/parallel.html");
    await page.waitForFunction(() => window.view && window.view.drawn.lines > 0);
    await page.evaluate(() => window.view.destroy());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      const { metrics } = await cdp.send("Performance.getMetrics");
      const pick = (key) => metrics.find((m) => m.name === key).value;
      return { heap: pick("JSHeapUsedSize"), nodes: pick("Nodes"), listeners: pick("JSEventListeners") };
    };
    const cycle = (count) =>
      page.evaluate(
        async ({ count, make }) => {
          const rc = await import("/dist/runcompare.js");
          const load = async (name) => new Uint8Array(await (await fetch(`/examples/data/${name}.arrow`)).arrayBuffer());
          const data = { runs: await load("runs"), scalars: await load("scalars") };
          const factory = eval(make);
          const host = document.createElement("div");
          document.body.append(host);
          for (let i = 0; i < count; i++) {
            const view = factory(rc, data);
            host.append(view);
            await new Promise((resolve) => requestAnimationFrame(resolve));
            view.destroy();
            view.remove();
          }
          host.remove();
        },
        { count, make },
      );
    await cycle(5); // warm-up: code, fonts and caches that stay by design
    const before = await metrics();
    await cycle(200);
    const after = await metrics();
    expect(after.nodes - before.nodes).toBeLessThan(100);
    expect(after.listeners - before.listeners).toBeLessThan(20);
    expect(after.heap - before.heap).toBeLessThan(5 * 1024 * 1024);
  });
}
