// In the page: the samples view on 100 runs x 50 steps x 4 metrics of 256x256 PNGs (20,000
// samples), their bytes served by a source as the kernel serves them (after a short delay), from
// 400 distinct pictures. Measures the first paint (view made until the cells in view show their
// images), frames while the grid is scrolled across and down, and the cells and decoded images
// in the page.
import { png } from "/tests/browser/media.js";

const RUNS = 100;
const STEPS = 50;
const METRICS = 4;
const SIZE = 256;
let records = null;
let pool = null;

async function data() {
  if (records) return;
  pool = [];
  for (let i = 0; i < 400; i++) pool.push(await png(SIZE, i % RUNS, i % STEPS, STEPS));
  records = [];
  for (let m = 0; m < METRICS; m++)
    for (let r = 0; r < RUNS; r++)
      for (let s = 0; s < STEPS; s++)
        records.push({ run_id: `run-${r}`, metric: `images/${m}`, step: s * 100, mime: "image/png", path: `run-${r}/images/${m}/${s}.png` });
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** First paints: the view made and appended, until every cell in view has decoded its image. */
export async function firstPaint(repeats, bundle = "/dist/runcompare.js") {
  await data();
  const rc = await import(bundle);
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const holder = document.querySelector("#chart");
    holder.replaceChildren();
    const source = async (rows) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return rows.map((row) => pool[row % pool.length]);
    };
    const started = performance.now();
    window.view = rc.samples(records, { source, size: 160 });
    holder.append(window.view);
    while (window.view.shown.decoded < window.view.shown.cells - 2) await frame();
    times.push(performance.now() - started);
  }
  return { times, cells: window.view.shown.cells };
}

/** Scrolls the last view across every run and down every metric, a step a frame; the gaps between frames meanwhile. */
export async function scrolling() {
  const scroller = window.view.querySelector(".rc-samples-grid");
  const gaps = [];
  let most = 0;
  let last = performance.now();
  const width = scroller.scrollWidth - scroller.clientWidth;
  const height = scroller.scrollHeight - scroller.clientHeight;
  for (let i = 0; i <= 200; i++) {
    scroller.scrollLeft = (width * i) / 200;
    scroller.scrollTop = (height * ((i * 3) % 200)) / 200;
    await frame();
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    most = Math.max(most, window.view.shown.cells);
  }
  gaps.sort((a, b) => a - b);
  const decoded = window.view.shown.decoded;
  return {
    frames: gaps.length,
    median: gaps[gaps.length >> 1],
    p95: gaps[Math.floor(gaps.length * 0.95)],
    worst: gaps[gaps.length - 1],
    mostCells: most,
    decoded,
    peakHeap: performance.memory.usedJSHeapSize,
  };
}
