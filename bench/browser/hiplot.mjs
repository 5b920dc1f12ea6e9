// HiPlot's standalone page (hiplot.Experiment.to_html), measured in place. HiPlot parses its data
// and draws after DOMContentLoaded, a few hundred lines per frame, from a d3 timer that keeps
// ticking once all are drawn: it is done when a frame adds no stroke. Brushes are d3-brush, like runcompare's.
import { FIXED_BRUSH, MOVED_BRUSH, brushTargets } from "./scenario.mjs";
import { heap, idle, mouse, nextFrame, sampleHeap, settled, tickMapping } from "./timing.mjs";

/** Busy while the frames keep adding strokes. */
function stroking() {
  let last = window.__benchStrokes.count;
  return () => {
    const count = window.__benchStrokes.count;
    const busy = count !== last;
    last = count;
    return busy;
  };
}

/** Waits for a stroke after the first `count`, then for a frame to add none; resolves with the page's record. */
async function drawn(count) {
  for (let frames = 0; window.__benchStrokes.count <= count; frames++) {
    if (frames > 3600) throw new Error("HiPlot drew no line");
    await nextFrame();
  }
  await settled({ busy: stroking(), lastWork: () => window.__benchStrokes.last });
  return window.__benchStrokes;
}

/** From DOMContentLoaded (HiPlot evaluates its data after it) to the frames after its first and last strokes. */
export async function firstPaint() {
  const { firstShown, lastShown, count } = await drawn(0);
  const start = window.__benchDOMContentLoaded;
  return { firstLines: firstShown - start, full: lastShown - start, lines: count };
}

function press(column, value) {
  const dimension = [...document.querySelectorAll("g.dimension")].find((g) => g.__data__ === column);
  if (!dimension) throw new Error(`HiPlot has no axis ${column}`);
  const overlay = dimension.querySelector(".overlay");
  const yOf = tickMapping(dimension);
  const box = overlay.getBoundingClientRect();
  const x = box.left + box.width / 2;
  mouse(overlay, "mousedown", x, yOf(value));
  return { moveTo: (to) => mouse(window, "mousemove", x, yOf(to)), release: (to) => mouse(window, "mouseup", x, yOf(to)) };
}

/**
 * Milliseconds from each mousemove to the frame after HiPlot drew the last selected line, the
 * lines it drew, and the peak heap since the page opened.
 */
export async function brushUpdates(moves) {
  const fixed = press(FIXED_BRUSH.column, FIXED_BRUSH.range[1]);
  fixed.moveTo(FIXED_BRUSH.range[0]);
  fixed.release(FIXED_BRUSH.range[0]);
  await drawn(window.__benchStrokes.count);
  const moved = press(MOVED_BRUSH.column, MOVED_BRUSH.from);
  const times = [];
  const selected = [];
  const targets = brushTargets(moves);
  for (const to of targets) {
    await idle(6); // past HiPlot's 75 ms throttle, so every move redraws at once
    const strokes = window.__benchStrokes.count;
    const start = performance.now();
    moved.moveTo(to);
    times.push((await drawn(strokes)).lastShown - start);
    selected.push(window.__benchStrokes.count - strokes);
    sampleHeap();
  }
  moved.release(targets.at(-1));
  return { times, selected, peakHeap: heap().peak };
}
