// In the page: a scalars view given rows as view.append gets them (bench/live.mjs).
import { fetchBytes, frame, nextFrame, painted } from "./timing.mjs";

let view = null;
/** The batches not appended yet. */
let waiting = [];

async function parts({ url, offsets }) {
  const bytes = await fetchBytes(url);
  // Each part its own buffer, as each message of the kernel is.
  return offsets.slice(1).map((end, i) => bytes.slice(offsets[i], end));
}

async function show(rc, bytes, smoothingType = "ema") {
  const host = document.querySelector("#chart");
  host.style.width = "900px";
  view = rc.scalars(bytes, { smoothing: 0.6, smoothingType });
  host.append(view);
  while (view.drawn.frames === 0) await painted();
  if (view.error) throw new Error(view.error);
}

/** A view of the first part (smoothed at 0.6 of `smoothingType`); the others wait for appendTimes. */
export async function showFirst(files, bundle, smoothingType) {
  const rc = await import(bundle);
  const [whole, ...batches] = await parts(files);
  await show(rc, whole, smoothingType);
  waiting = batches;
}

/**
 * The next `count` batches appended, one at a time. Per append: `time`, from the call to the frame after the one that shows its points (by then
 * that frame is on screen, as shownOnScreen takes a first paint); `call`, the call's own time;
 * `draw`, the script of the frame that draws them (the view's animation-frame callback, timed
 * from a callback that runs just before it); `frames`, the frames from the call to the one shown;
 * and `grown`, whether the chart drew the new points over itself rather than whole.
 */
export async function appendTimes(count) {
  const appends = [];
  for (const batch of waiting.splice(0, count)) {
    await painted();
    const frames = view.drawn.frames;
    let drawStart = NaN;
    window.__benchFrame(() => (drawStart = performance.now()));
    const start = performance.now();
    view.append({ scalars: batch });
    const call = performance.now() - start;
    let counted = 0;
    let drawn;
    do {
      drawn = await frame();
      counted++;
    } while (view.drawn.frames === frames);
    const shown = await nextFrame();
    appends.push({ time: shown - start, call, draw: drawn.now - drawStart, frames: counted + 1, grown: view.drawn.charts.every((chart) => chart.grown) });
  }
  return appends;
}

/** The view of the first part, then every other part appended, a frame apart. */
export async function followed(files, bundle) {
  const rc = await import(bundle);
  const [first, ...polls] = await parts(files);
  await show(rc, first);
  for (const poll of polls) {
    view.append({ scalars: poll });
    await painted();
  }
}

/** The view of all the data at once. */
export async function atOnce(files, bundle) {
  const rc = await import(bundle);
  const [all] = await parts(files);
  await show(rc, all);
  await painted();
}

export function points() {
  return view.drawn.charts.reduce((sum, chart) => sum + chart.lines, 0) && Number(view.exportCSV().split("\n").length - 2);
}
