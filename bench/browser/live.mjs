// In the page: a scalars view given rows as view.append gets them (bench/live.mjs).
import { fetchBytes, painted } from "./timing.mjs";

let view = null;

async function parts({ url, offsets }) {
  const bytes = await fetchBytes(url);
  // Each part its own buffer, as each message of the kernel is.
  return offsets.slice(1).map((end, i) => bytes.slice(offsets[i], end));
}

async function show(rc, bytes) {
  const host = document.querySelector("#chart");
  host.style.width = "900px";
  view = rc.scalars(bytes, { smoothing: 0.6 });
  host.append(view);
  while (view.drawn.frames === 0) await painted();
  if (view.error) throw new Error(view.error);
}

/** Each append's time, from the call to the frame after the one that showed it, and the call's own. */
export async function appendTimes(files, bundle) {
  const rc = await import(bundle);
  const [whole, ...batches] = await parts(files);
  await show(rc, whole);
  const times = [];
  const calls = [];
  for (const batch of batches) {
    await painted();
    const frames = view.drawn.frames;
    const start = performance.now();
    view.append({ scalars: batch });
    calls.push(performance.now() - start);
    while (view.drawn.frames === frames) await painted();
    times.push((await painted()) - start);
  }
  return { times, calls };
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
