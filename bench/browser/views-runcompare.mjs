// runcompare's scatter, summary, values and diff views: a first paint from Arrow IPC bytes, or
// from the JSON records the peers get (already parsed, as theirs are).
import { SCATTER, SUMMARY_METRICS, WIDTH } from "./views-scenario.mjs";
import { fetchBytes, freshStart, markPaintStart, shownOnScreen } from "./timing.mjs";

/** Each view: how it is made from the data, and what shows that it has drawn. */
const VIEWS = {
  scatter: { make: (rc, { runs }) => rc.scatter(runs, { ...SCATTER, width: WIDTH }), drawn: (view) => view.drawn.points > 0 },
  summary: { make: (rc, { runs }) => rc.summary(runs, { metrics: SUMMARY_METRICS }), drawn: (view) => view.drawn.bars > 0 },
  values: {
    make: (rc, { valuesRuns, scalars }) => rc.values(scalars, { runs: valuesRuns }),
    drawn: (view) => view.querySelector(".rc-values-table .rc-value") !== null,
  },
  diff: {
    make: (rc, { runs, ids }) => rc.diff(runs, { runs: ids }),
    drawn: (view) => view.querySelector(".rc-cell .rc-value") !== null,
  },
};

let loaded = null;
let view = null;

/**
 * Loads the build and the data (not timed); the diff compares the runs `ids` (all of them).
 * `input`: "arrow" for the IPC bytes, "records" for the same tables as JSON records, parsed.
 */
export async function load(files, bundle = "/dist/runcompare.js", input = "arrow") {
  const rc = await import(bundle);
  const records = async (url) => (await fetch(url)).json();
  const read = (name) => {
    const url = files[input === "records" ? `${name}Json` : name];
    return url ? (input === "records" ? records(url) : fetchBytes(url)) : null;
  };
  loaded = { rc, data: { runs: await read("runs"), scalars: await read("scalars"), valuesRuns: await read("valuesRuns"), ids: files.ids } };
}

/** Milliseconds from the call to the frame after the one that shows the view, in a page given a fresh start first. */
export async function firstPaint(name) {
  view?.destroy();
  view?.remove();
  await freshStart();
  const host = document.querySelector("#chart");
  host.style.width = `${WIDTH}px`;
  const { make, drawn } = VIEWS[name];
  markPaintStart();
  const start = performance.now();
  view = make(loaded.rc, loaded.data);
  host.append(view);
  if (view.error) throw new Error(view.error);
  const { rendered, shown } = await shownOnScreen(() => drawn(view));
  return { rendered: rendered - start, shown: shown - start };
}
