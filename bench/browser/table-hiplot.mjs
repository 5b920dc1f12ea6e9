// HiPlot's table (its standalone page with only the TABLE display: jQuery DataTables, ten rows a
// page, every column in the DOM), measured in place: first paint from DOMContentLoaded, a click on
// a header to sort, and typing in its search box. It has no per-column range filter, and pages
// instead of scrolling.
import { SEARCH, SORT } from "./table-scenario.mjs";
import { heap, nextFrame, painted, sampleHeap } from "./timing.mjs";

const firstCell = () => document.querySelector("table.dataTable tbody tr:first-child td:nth-child(2)")?.textContent;

/**
 * Milliseconds from `action` to the frame after it: DataTables sorts, searches and draws inside
 * the event handler. Throws when the rows were not drawn again.
 */
async function timedDraw(action) {
  let redrawn = false;
  const observer = new MutationObserver(() => (redrawn = true));
  observer.observe(document.querySelector("table.dataTable tbody"), { childList: true, subtree: true });
  const start = performance.now();
  action();
  const time = (await painted()) - start;
  observer.disconnect();
  if (!redrawn) throw new Error("HiPlot's table did not draw its rows again");
  sampleHeap();
  return time;
}

async function until(test, what) {
  for (let frames = 0; !test(); frames++) {
    if (frames > 7200) throw new Error(`HiPlot's table never showed ${what}`);
    await nextFrame();
    sampleHeap();
  }
}

/** From DOMContentLoaded (HiPlot decodes its data after it) to the frame after the first rows were shown. */
export async function firstPaint() {
  await until(() => document.querySelector("table.dataTable tbody td:not(.dataTables_empty)"), "a row");
  const time = (await painted()) - window.__benchDOMContentLoaded;
  return { time, rows: document.querySelectorAll("table.dataTable tbody tr").length, cells: document.querySelectorAll("table.dataTable td").length };
}

/** Milliseconds from a click on the metric's header to the frame after the rows were drawn sorted. */
export async function sorts(repeats) {
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const th = [...document.querySelectorAll("table.dataTable thead th")].find((cell) => cell.textContent === SORT.column);
    if (!th) throw new Error(`HiPlot's table has no column ${SORT.column}`);
    times.push(await timedDraw(() => th.click()));
  }
  return { times, first: firstCell() };
}

/** Milliseconds from each keystroke in the search box (DataTables searches every column's text) to the frame that shows the rows left. */
export async function searches() {
  const input = document.querySelector(".dataTables_filter input");
  const times = [];
  const kept = [];
  for (const text of SEARCH) {
    input.value = text;
    times.push(await timedDraw(() => input.dispatchEvent(new Event("input", { bubbles: true }))));
    kept.push(document.querySelector(".dataTables_info").textContent);
  }
  return { times, kept, peakHeap: heap().peak };
}
