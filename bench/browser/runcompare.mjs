// runcompare's parallel view: first paint from Arrow IPC bytes, then brush updates by synthetic mouse events.
import { COLOR, FIXED_BRUSH, HEIGHT, METRICS, MOVED_BRUSH, PARAMS, WIDTH, brushTargets } from "./scenario.mjs";
import { fetchBytes, firstPaints, heap, idle, mouse, nextFrame, painted, sampleHeap, shownOnScreen, tickMapping } from "./timing.mjs";

let view = null;
let parallel = null;

function show(bytes) {
  view?.destroy();
  view?.remove();
  // Named, as the view would otherwise show only the axes a width of 1,000 pixels has room for.
  view = parallel(bytes, { width: WIDTH, height: HEIGHT, color: COLOR, params: PARAMS, metrics: METRICS });
  document.querySelector("#chart").append(view);
  if (view.error) throw new Error(view.error);
  sampleHeap();
}

/**
 * Milliseconds from the call to the frame after the one that showed every line, once per repeat,
 * and the used heap (after GC) before the last. `bundle` is the runcompare build to load
 * (another one compares before and after a change).
 */
export async function firstPaint(url, repeats, bundle = "/dist/runcompare.js") {
  ({ parallel } = await import(bundle));
  const bytes = await fetchBytes(url);
  const clear = () => {
    view?.destroy();
    view?.remove();
    view = null;
  };
  const { times, baselineHeap } = await firstPaints(repeats, clear, async () => {
    show(bytes);
    // From 20,000 runs a worker draws half the lines: the frame that shows them all.
    return (await shownOnScreen(() => view.drawn.lines > 0)).shown;
  });
  return { times, lines: view.drawn.lines, baselineHeap };
}

function axisGroup(column) {
  const key = column.replace(/^(params|metrics)\./, "");
  // By its column (builds from December 2026 on), else by its label (earlier builds, whose labels are whole).
  const axes = [...view.querySelectorAll(".rc-axis")];
  const axis = axes.find((g) => g.dataset.column === column) ?? axes.find((g) => g.querySelector(".rc-axis-label").textContent === key);
  if (!axis) throw new Error(`no axis ${key}`);
  return axis;
}

/** Presses on an axis' brush overlay at one value; returns a function that moves the pointer to another. */
function press(column, value) {
  const axis = axisGroup(column);
  const overlay = axis.querySelector(".rc-brush .overlay");
  const yOf = tickMapping(axis);
  const x = overlay.getBoundingClientRect().left + overlay.getBoundingClientRect().width / 2;
  mouse(overlay, "mousedown", x, yOf(value));
  return { moveTo: (to) => mouse(window, "mousemove", x, yOf(to)), release: (to) => mouse(window, "mouseup", x, yOf(to)) };
}

/**
 * performance.now() in the first frame that began after the lines were redrawn: every draw
 * replaces the view's `drawn` record, in the event itself or later, when a worker drew part of it.
 */
async function frameAfterRedraw(before) {
  if (view.drawn !== before) return nextFrame();
  for (let frames = 0; frames <= 600; frames++) {
    const now = await nextFrame();
    if (view.drawn !== before) return now;
  }
  throw new Error("the lines were not redrawn");
}

/**
 * Milliseconds from each mousemove to the first frame that began after the lines were redrawn, the runs
 * selected after each, and the peak heap since the last first paint began.
 */
export async function brushUpdates(moves) {
  const fixed = press(FIXED_BRUSH.column, FIXED_BRUSH.range[1]);
  fixed.moveTo(FIXED_BRUSH.range[0]);
  fixed.release(FIXED_BRUSH.range[0]);
  await painted();
  const moved = press(MOVED_BRUSH.column, MOVED_BRUSH.from);
  const times = [];
  const selected = [];
  const targets = brushTargets(moves);
  for (const to of targets) {
    await idle();
    const before = view.drawn;
    const start = performance.now();
    moved.moveTo(to);
    times.push((await frameAfterRedraw(before)) - start);
    selected.push(view.drawn.emphasised);
    sampleHeap();
  }
  moved.release(targets.at(-1));
  await painted();
  return { times, selected, peakHeap: heap().peak };
}
