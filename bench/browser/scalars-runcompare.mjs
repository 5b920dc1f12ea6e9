// runcompare's scalars view: first paint from Arrow IPC bytes, then smoothing-slider moves and
// pointer moves for the tooltip, as a user makes them.
import { fetchBytes, firstPaints, heap, idle, nextFrame, painted, sampleHeap, shownOnScreen } from "./timing.mjs";
import { CHART_WIDTH, FIRST_SMOOTHING } from "./scalars-scenario.mjs";

let view = null;
let scalars = null;

/**
 * Waits until the view has drawn a frame after `before`, then for the second frame after it: a
 * smoothing change is timed as the peers' are (their redraw, then `painted()`).
 */
async function drawnAfter(before) {
  while (view.drawn.frames <= before) {
    await nextFrame();
    sampleHeap();
  }
  sampleHeap();
  return painted();
}

/**
 * Milliseconds from the call to the frame after the one that showed the lines, once per repeat;
 * of which the call itself (reading and grouping the table, smoothing, building the charts);
 * the used heap (after GC) before the last, and the plot area's size in CSS pixels.
 */
export async function firstPaint(url, repeats, bundle = "/dist/runcompare.js") {
  ({ scalars } = await import(bundle));
  const bytes = await fetchBytes(url);
  const host = document.querySelector("#chart");
  host.style.width = `${CHART_WIDTH}px`;
  const construct = [];
  const clear = () => {
    view?.destroy();
    view?.remove();
    view = null;
  };
  const { times, baselineHeap } = await firstPaints(repeats, clear, async (start) => {
    view = scalars(bytes, { smoothing: FIRST_SMOOTHING });
    construct.push(performance.now() - start);
    sampleHeap();
    host.append(view);
    if (view.error) throw new Error(view.error);
    // The view draws in the next frame: timed to the frame after the one that showed it, as a drawing made in the call is.
    return (await shownOnScreen(() => view.drawn.frames > 0)).shown;
  });
  const plot = view.querySelector(".rc-plot").getBoundingClientRect();
  const chart = view.drawn.charts[0];
  return { times, construct, baselineHeap, lines: chart.lines, paths: chart.paths, plot: { width: Math.round(plot.width), height: Math.round(plot.height) } };
}

/**
 * The smoothing slider's track in page coordinates, for a pointer drag from the Node side: a
 * drag's input events arrive at the start of a frame, before its animation-frame callbacks, so
 * the view draws in that same frame, as it does for a user.
 */
export function sliderTrack() {
  const slider = view.querySelector("input[type=range]");
  const box = slider.getBoundingClientRect();
  return { left: box.left, right: box.right, y: box.top + box.height / 2, value: Number(slider.value) };
}

let change = null;

/**
 * Readies the measure of the next slider move: once the page is idle, the next input event
 * starts the clock, and `smoothingChanged()` resolves with the milliseconds from it to the frame
 * after the redrawn lines were shown, and the value the slider took.
 */
export async function armSmoothingChange() {
  await idle();
  const slider = view.querySelector("input[type=range]");
  const before = view.drawn.frames;
  change = new Promise((resolve) => {
    // The clock starts on the window, before any listener of the view's; the wait for frames
    // starts after the view's own listener on the slider (added before this one) asked for its frame.
    let start = 0;
    const started = () => (start = performance.now());
    window.addEventListener("input", started, { capture: true, once: true });
    slider.addEventListener("input", () => drawnAfter(before).then((end) => resolve({ time: end - start, value: Number(slider.value) })), { once: true });
  });
}

export const smoothingChanged = () => change;

/**
 * Milliseconds from a pointer move over the plot to the frame after the crosshair and tooltip
 * moved; and the peak heap since the last first paint began.
 */
export async function hovers(count) {
  const svg = view.querySelector(".rc-plot svg");
  const box = svg.getBoundingClientRect();
  const times = [];
  for (let i = 1; i <= count; i++) {
    await idle();
    const start = performance.now();
    svg.dispatchEvent(new PointerEvent("pointermove", { bubbles: true, clientX: box.left + (box.width * i) / (count + 1), clientY: box.top + box.height / 2 }));
    sampleHeap();
    times.push((await painted()) - start);
  }
  return { times, peakHeap: heap().peak };
}
