// Tabulator (tabulator-tables, a dev dependency), a widely used data grid, on the same runs: rows
// and columns virtualised, every column 110 px wide (no measuring), fields with dots taken as
// they are. It is given the runs as row objects already in memory (made from the Arrow file
// before the clock starts: the most favourable input), and sorts and filters through its API.
import { globalFromScript } from "./global-script.mjs";
import { HEIGHT, RANGE, SEARCH, SORT, scrollFrames } from "./table-scenario.mjs";
import { freshStart, heap, painted, sampleHeap } from "./timing.mjs";

const ARROW = "/node_modules/apache-arrow/Arrow.es2015.min.js";
const TABULATOR = "/node_modules/tabulator-tables/dist/js/tabulator_esm.min.mjs";
const CSS = "/node_modules/tabulator-tables/dist/css/tabulator.min.css";

let rows = null;
let grid = null;
let Tabulator = null;

/** The Arrow file as one object per run, times as ISO text and tags joined, as a page would hand them to a grid. */
async function rowObjects(url) {
  const Arrow = await globalFromScript(ARROW, "Arrow");
  const table = Arrow.tableFromIPC(new Uint8Array(await (await fetch(url)).arrayBuffer()));
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((name) => {
    const vector = table.getChild(name);
    const values = vector.toArray();
    if (name === "tags") return Array.from({ length: table.numRows }, (_, row) => vector.get(row)?.toArray().join(", ") ?? null);
    if (name === "start_time" || name === "end_time")
      return Array.from({ length: table.numRows }, (_, row) => (vector.get(row) === null ? null : new Date(vector.get(row)).toISOString()));
    return values;
  });
  return Array.from({ length: table.numRows }, (_, row) => {
    const record = {};
    for (let c = 0; c < names.length; c++) record[names[c]] = columns[c][row];
    return record;
  });
}

function built(table) {
  return new Promise((resolve) => table.on("tableBuilt", resolve));
}

/** Milliseconds from `new Tabulator` to the frame after its first rows were drawn, once per repeat. */
export async function firstPaint(url, repeats) {
  ({ TabulatorFull: Tabulator } = await import(TABULATOR));
  if (!document.querySelector(`link[href="${CSS}"]`)) document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: CSS }));
  rows ??= await rowObjects(url);
  const columns = Object.keys(rows[0]).map((field) => ({ title: field, field, width: 110, headerSort: true }));
  const times = [];
  let baselineHeap = 0;
  for (let i = 0; i < repeats; i++) {
    grid?.destroy();
    document.querySelector("#chart").replaceChildren();
    baselineHeap = await freshStart();
    const element = document.createElement("div");
    document.querySelector("#chart").append(element);
    const start = performance.now();
    grid = new Tabulator(element, {
      data: rows,
      columns,
      height: HEIGHT,
      renderVertical: "virtual",
      renderHorizontal: "virtual",
      nestedFieldSeparator: false,
      layout: "fitData",
    });
    await built(grid);
    sampleHeap();
    times.push((await painted()) - start);
  }
  return { times, rows: document.querySelectorAll(".tabulator-row").length, cells: document.querySelectorAll(".tabulator-cell").length, baselineHeap };
}

/** Milliseconds from setSort to the frame after the sorted rows were drawn: ascending by the metric, as runcompare's first click. */
export async function sorts(repeats) {
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    grid.setSort(SORT.column, "asc");
    times.push((await painted()) - start);
    grid.clearSort();
    await painted();
  }
  return { times, first: document.querySelector(".tabulator-row .tabulator-cell")?.textContent };
}

/** Milliseconds from each change of the range's lower bound (setFilter) to the frame that shows the rows left. */
export async function rangeFilters() {
  const times = [];
  const kept = [];
  for (const bound of RANGE.min) {
    const start = performance.now();
    grid.setFilter([
      { field: RANGE.column, type: ">=", value: bound },
      { field: RANGE.column, type: "<=", value: RANGE.max },
    ]);
    times.push((await painted()) - start);
    kept.push(grid.getDataCount("active"));
  }
  grid.clearFilter();
  await painted();
  return { times, kept };
}

/** The search: a filter function over names and tags, as Tabulator has no search box of its own. */
export async function searches() {
  const times = [];
  const kept = [];
  for (const text of SEARCH) {
    const needle = text.toLowerCase();
    const start = performance.now();
    grid.setFilter(
      (row) =>
        row.name.toLowerCase().includes(needle) || (row.tags ?? "").toLowerCase().includes(needle) || String(row["tags.team"]).toLowerCase().includes(needle),
    );
    times.push((await painted()) - start);
    kept.push(grid.getDataCount("active"));
  }
  grid.clearFilter();
  await painted();
  return { times, kept };
}

export async function scrolling() {
  const scroller = document.querySelector(".tabulator-tableholder");
  const down = await scrollFrames(scroller);
  const across = await scrollFrames(scroller, true);
  return { down, across, peakHeap: heap().peak };
}
