// The peers of the scatter, summary, values and diff views: Observable Plot (SVG) and Plotly
// (SVG; its table trace for the tables), given the data as JSON records already parsed (not
// timed): the most favourable input. Each draws what the view shows in the way its docs show.
import { globalFromScript } from "./global-script.mjs";
import { DIFF_COLUMNS, SCATTER, SUMMARY_METRICS, VALUES_SERIES, WIDTH } from "./views-scenario.mjs";
import { freshStart, markPaintStart, shownOnScreen } from "./timing.mjs";

const PLOT = ["/node_modules/d3/dist/d3.min.js", "/node_modules/@observablehq/plot/dist/plot.umd.min.js"];
const PLOTLY = "/node_modules/plotly.js-dist-min/plotly.min.js";
const HEIGHT = 400;

/** Plot: each view as the Plot figures that show the same (a summary is one bar chart per metric). */
const PLOT_VIEWS = {
  scatter: (Plot, { runs }) => [
    Plot.plot({
      width: WIDTH,
      height: HEIGHT,
      x: { type: "log" },
      color: { legend: true, type: "ordinal" },
      marks: [
        Plot.dot(runs, { x: SCATTER.x, y: SCATTER.y, fill: SCATTER.color, r: SCATTER.size }),
        Plot.tip(runs, Plot.pointer({ x: SCATTER.x, y: SCATTER.y })),
      ],
    }),
  ],
  summary: (Plot, { runs }) =>
    SUMMARY_METRICS.map((metric) =>
      Plot.plot({
        width: WIDTH / 4,
        height: 12 * runs.length + 40,
        marginLeft: 90,
        y: { label: null },
        marks: [Plot.barX(runs, { y: "run_id", x: metric, sort: { y: "x", reverse: true } }), Plot.ruleX([0])],
      }),
    ),
  values: (Plot, { values }) => [
    Plot.plot({
      width: WIDTH / 2,
      height: 20 * (values.length / VALUES_SERIES.length) + 40,
      marginLeft: 90,
      color: { scheme: "blues" },
      marks: [
        Plot.cell(values, { x: "series", y: "run_id", fill: "value" }),
        Plot.text(values, { x: "series", y: "run_id", text: (d) => d.value.toPrecision(4) }),
      ],
    }),
  ],
};

/** Plotly: the same, as one figure each (the summary's bar charts side by side in a grid; tables as its table trace). */
const PLOTLY_VIEWS = {
  scatter: ({ runs }) => ({
    data: [
      {
        type: "scatter",
        mode: "markers",
        x: runs.map((r) => r[SCATTER.x]),
        y: runs.map((r) => r[SCATTER.y]),
        marker: { color: runs.map((r) => r[SCATTER.color]), size: runs.map((r) => 4 + r[SCATTER.size]), showscale: true },
        text: runs.map((r) => r.run_id),
      },
    ],
    layout: { width: WIDTH, height: HEIGHT, xaxis: { type: "log" } },
  }),
  summary: ({ runs }) => ({
    data: SUMMARY_METRICS.map((metric, i) => ({
      type: "bar",
      orientation: "h",
      x: runs.map((r) => r[metric]),
      y: runs.map((r) => r.run_id),
      xaxis: i ? `x${i + 1}` : "x",
      yaxis: "y",
      name: metric,
    })),
    layout: { width: WIDTH, height: 12 * runs.length + 60, grid: { rows: 1, columns: SUMMARY_METRICS.length, pattern: "independent" }, showlegend: false },
  }),
  values: ({ values }) => {
    const runIds = [...new Set(values.map((v) => v.run_id))];
    const columns = VALUES_SERIES.map((series) => values.filter((v) => v.series === series).map((v) => v.value.toPrecision(4)));
    return {
      data: [{ type: "table", header: { values: ["run", ...VALUES_SERIES] }, cells: { values: [runIds, ...columns] } }],
      layout: { width: WIDTH / 2, height: 600 },
    };
  },
  diff: ({ runs }) => ({
    data: [
      {
        type: "table",
        header: { values: ["field", ...runs.map((r) => r.run_id)] },
        cells: { values: [DIFF_COLUMNS, ...runs.map((r) => DIFF_COLUMNS.map((column) => String(r[column])))] },
      },
    ],
    layout: { width: WIDTH, height: 600 },
  }),
};

export const PEER_VIEWS = { plot: Object.keys(PLOT_VIEWS), plotly: Object.keys(PLOTLY_VIEWS) };

let data = null;
let figures = [];

/** Loads the library and the records (not timed). */
export async function load(library, urls) {
  if (library === "plot") for (const src of PLOT) await globalFromScript(src, src.includes("plot") ? "Plot" : "d3");
  else await globalFromScript(PLOTLY, "Plotly");
  const json = async (url) => (url ? (await fetch(url)).json() : null);
  data = { runs: await json(urls.runsJson), values: await json(urls.valuesJson) };
}

/** Milliseconds from the call to the frame after the one that shows the figures, in a page given a fresh start first. */
export async function firstPaint(library, name) {
  const host = document.querySelector("#chart");
  if (library === "plotly") window.Plotly.purge(host);
  for (const figure of figures) figure.remove();
  host.replaceChildren();
  await freshStart();
  markPaintStart();
  const start = performance.now();
  if (library === "plot") {
    figures = PLOT_VIEWS[name](window.Plot, data);
    host.append(...figures);
  } else {
    const { data: traces, layout } = PLOTLY_VIEWS[name](data);
    await window.Plotly.newPlot(host, traces, layout, { displayModeBar: false });
  }
  const { rendered, shown } = await shownOnScreen(() => true);
  return { rendered: rendered - start, shown: shown - start };
}
