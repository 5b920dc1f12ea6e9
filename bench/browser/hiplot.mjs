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

/** Waits for the first stroke after `count` strokes, then for the last. */
async function drawn(count) {
  let firstLines = 0;
  for (let frames = 0; !firstLines; frames++) {
    if (frames > 3600) throw new Error("HiPlot drew no line");
    const now = await nextFrame();
    if (window.__benchStrokes.count > count) firstLines = now;
  }
  return { firstLines, done: await settled({ busy: stroking(), lastWork: () => window.__benchStrokes.last }) };
}

/** From DOMContentLoaded (the data is parsed after it) to the first lines and to the last. */
export async function firstPaint() {
  const { firstLines, done } = await drawn(0);
  const start = window.__benchDOMContentLoaded;
  return { firstLines: firstLines - start, full: done - start, lines: window.__benchStrokes.count };
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
    times.push((await drawn(strokes)).done - start);
    selected.push(window.__benchStrokes.count - strokes);
    sampleHeap();
  }
  moved.release(targets.at(-1));
  return { times, selected, peakHeap: heap().peak };
}
