// runcompare's runs table: first paint from Arrow IPC bytes, then sorts, filter changes and scrolling,
// each driven through the table's own controls (header clicks, the filter panel, the search box).
import { HEIGHT, RANGE, SEARCH, SORT, scrollFrames } from "./table-scenario.mjs";
import { fetchBytes, firstPaints, heap, painted, sampleHeap } from "./timing.mjs";

let view = null;

/** Milliseconds from the call to the frame after the one that showed the rows, once per repeat; the used heap before the last. */
export async function firstPaint(url, repeats, bundle = "/dist/runcompare.js") {
  const { table } = await import(bundle);
  const bytes = await fetchBytes(url);
  const clear = () => {
    view?.destroy();
    view?.remove();
    view = null;
  };
  const { times, baselineHeap } = await firstPaints(repeats, clear, () => {
    view = table(bytes, { height: HEIGHT });
    document.querySelector("#chart").append(view);
    if (view.error) throw new Error(view.error);
    sampleHeap();
    return painted();
  });
  return { times, rows: view.shown.rows, cells: view.shown.cells, baselineHeap };
}

function header(column) {
  const cell = [...view.querySelectorAll(".rc-head-cell")].find((c) => c.dataset.column === column);
  if (!cell) throw new Error(`no header ${column}`);
  return cell;
}

/** A click on a header as the pointer makes it (the table sorts on pointerup without a drag). */
function click(cell, shiftKey = false) {
  const box = cell.getBoundingClientRect();
  const init = { bubbles: true, button: 0, pointerId: 1, clientX: box.left + 10, clientY: box.top + 10, shiftKey };
  cell.dispatchEvent(new PointerEvent("pointerdown", init));
  cell.dispatchEvent(new PointerEvent("pointerup", init));
}

/** Scrolls a column's header into view, so it can be clicked. */
async function reveal(column) {
  const scroller = view.querySelector(".rc-grid");
  for (let left = 0; left <= scroller.scrollWidth; left += scroller.clientWidth / 2) {
    scroller.scrollLeft = left;
    await painted();
    if ([...view.querySelectorAll(".rc-head-cell")].some((c) => c.dataset.column === column)) return;
  }
  throw new Error(`column ${column} never came into view`);
}

/**
 * Milliseconds from each click on a header to the frame after the table showed the new order:
 * descending by the metric (a first click sorts ascending), then a second key, then none.
 */
export async function sorts(repeats) {
  const times = [];
  await reveal(SORT.column);
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    click(header(SORT.column));
    times.push((await painted()) - start);
    // Back to unsorted: two more clicks (descending, then none), untimed.
    click(header(SORT.column));
    click(header(SORT.column));
    await painted();
  }
  return { times, first: view.querySelector(".rc-row .rc-name")?.textContent };
}

/** Milliseconds from each change of a range filter's lower bound (typed in its panel) to the frame that shows the rows left. */
export async function rangeFilters() {
  await reveal(RANGE.column);
  header(RANGE.column).querySelector(".rc-filter-button").click();
  const [min, max] = view.querySelectorAll(".rc-popover .rc-range-bounds input");
  max.value = String(RANGE.max);
  const times = [];
  const kept = [];
  for (const bound of RANGE.min) {
    min.value = String(bound);
    const start = performance.now();
    min.dispatchEvent(new Event("change", { bubbles: true }));
    times.push((await painted()) - start);
    kept.push(view.shown.runs);
  }
  view.querySelector(".rc-popover .rc-popover-actions button").click();
  await painted();
  return { times, kept };
}

/** Milliseconds from each keystroke in the search box to the frame that shows the runs it keeps. */
export async function searches() {
  const input = view.querySelector(".rc-search");
  const times = [];
  const kept = [];
  for (const text of SEARCH) {
    input.value = text;
    const start = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    // The search box filters in the next frame (two keys typed in one frame cost one filter): painted() waits for it.
    times.push((await painted()) - start);
    kept.push(view.shown.runs);
  }
  input.value = "";
  input.dispatchEvent(new Event("input", { bubbles: true }));
  await painted();
  return { times, kept };
}

/** Frame gaps while scrolling down, then across; and the peak heap since the last first paint began. */
export async function scrolling() {
  const scroller = view.querySelector(".rc-grid");
  scroller.scrollLeft = 0;
  const down = await scrollFrames(scroller);
  const across = await scrollFrames(scroller, true);
  return { down, across, peakHeap: heap().peak };
}
