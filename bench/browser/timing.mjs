// Frame clocks and heap samples, shared by every library's measurements. Needs frames-init.js.

/** The next animation frame: its begin time (the same for all its callbacks) and the time its callback ran. */
export const frame = () => new Promise((resolve) => window.__benchFrame((time) => resolve({ time, now: performance.now() })));

/** Resolves at the start of the next animation frame, with performance.now(). */
export const nextFrame = async () => (await frame()).now;

/** Resolves once what is drawn now is on screen: the second frame starts after the first was painted. */
export async function painted() {
  await frame();
  return nextFrame();
}

/** Resolves in a task of its own: queued from an animation-frame callback, it runs once that frame has been rendered. */
const nextTask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });

/** Resolves, with performance.now(), once the next frame has been rendered (its script, style, layout and paint on this thread). */
const frameRendered = () => new Promise((resolve) => window.__benchFrame(() => nextTask().then(resolve)));

/**
 * When a drawing was shown: `rendered`, the end of this thread's work on the first frame that
 * showed `isDrawn()` true, and `shown`, the start of the frame after it (by then that frame is
 * on screen). It is asked once each frame has been rendered, so whether a library draws in the
 * call, in an animation-frame callback or in a resize observer, the frame that shows the
 * drawing is found the same way; for a drawing made in the call, `shown` is `painted()`.
 */
export async function shownOnScreen(isDrawn, timeout = 120_000) {
  const start = performance.now();
  for (;;) {
    const rendered = await frameRendered();
    sampleHeap();
    if (isDrawn()) {
      performance.mark("bench-paint-rendered");
      return { rendered, shown: await nextFrame() };
    }
    if (rendered - start > timeout) throw new Error(`nothing drawn after ${timeout} ms`);
  }
}

/**
 * Marks a paint's start on the page's timeline; shownOnScreen marks the end of the work of the
 * frame that showed it. A DevTools trace gives each mark the thread's CPU clock, so the two tell
 * the main thread's CPU time for the paint (bench/views-pairs.mjs --cpu).
 */
export const markPaintStart = () => performance.mark("bench-paint-start");

const framesPending = () => window.__benchPendingFrames() > 0;
const lastFrameWork = () => window.__benchLastWorkAt;

/**
 * Resolves when a library that draws in chunks, one per frame, is done. Once `busy()` (by default:
 * a frame callback is pending) has said no for `confirm` frames in a row, resolves with the time
 * in the first frame that began after `lastWork()`, so after the last chunk was painted; and no
 * sooner than the second frame, as work done before the call is painted in the first.
 */
export async function settled({ busy = framesPending, lastWork = lastFrameWork, confirm = 10, timeout = 120_000 } = {}) {
  const start = performance.now();
  const frames = [];
  for (let quiet = 0; quiet < confirm;) {
    const next = await frame();
    if (next.now - start > timeout) throw new Error(`still drawing after ${timeout} ms`);
    frames.push(next);
    sampleHeap();
    quiet = busy() ? 0 : quiet + 1;
  }
  const last = lastWork();
  return frames.slice(1).find((f) => f.time > last).now;
}

/** Waits for `frames` frames, sampling the heap in each. */
export async function idle(frames = 3) {
  for (let i = 0; i < frames; i++) {
    await nextFrame();
    sampleHeap();
  }
}

let peakHeap = 0;

/** Notes the used JS heap (precise with --enable-precise-memory-info); the peak is the largest sample. */
export function sampleHeap() {
  peakHeap = Math.max(peakHeap, performance.memory.usedJSHeapSize);
}

/** Collects garbage (--js-flags=--expose-gc) and starts a new peak from the heap left. */
export function resetHeap() {
  window.gc();
  peakHeap = performance.memory.usedJSHeapSize;
  return peakHeap;
}

/**
 * A fresh start for a measure: lets the page settle, collects garbage, settles again; the heap
 * left. Resolves in a task after a frame was rendered, as a notebook's output or an Observable
 * cell is made, not in an animation-frame callback (there, a library that draws in its own
 * frame callback would be put off a frame that one drawing at once is not).
 */
export async function freshStart() {
  await idle();
  const left = resetHeap();
  await idle();
  await nextTask();
  return left;
}

export const heap = () => ({ peak: peakHeap, used: performance.memory.usedJSHeapSize });

/** Fetches a file's bytes, as a view is given them. */
export async function fetchBytes(url) {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

/**
 * Times `repeats` first paints: before each, `clear()` takes the last view away and the page is
 * given a fresh start; `paint(start)` makes the view and resolves at the frame that shows it.
 * Returns the milliseconds of each and the used heap (after GC) before the last.
 */
export async function firstPaints(repeats, clear, paint) {
  const times = [];
  let baselineHeap = 0;
  for (let i = 0; i < repeats; i++) {
    clear();
    baselineHeap = await freshStart();
    const start = performance.now();
    times.push((await paint(start)) - start);
  }
  return { times, baselineHeap };
}

/** A mouse event as a real pointer would send it (d3-brush reads clientX/Y and listens on window). */
export function mouse(target, type, x, y) {
  const buttons = type === "mouseup" ? 0 : 1;
  target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons }));
}

/** A page y for a value on a d3 axis, from the first and last of its numeric ticks. */
export function tickMapping(axisGroup) {
  const ticks = [...axisGroup.querySelectorAll(".tick")]
    .map((tick) => ({
      value: Number(tick.textContent.replace("−", "-")),
      y: tick.querySelector("line").getBoundingClientRect().top,
    }))
    .filter((t) => Number.isFinite(t.value));
  const [a, b] = [ticks[0], ticks[ticks.length - 1]];
  return (value) => a.y + ((value - a.value) * (b.y - a.y)) / (b.value - a.value);
}
