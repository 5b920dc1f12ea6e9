import type { PlotPanel } from "../../data/plot-panels.js";
import type { Plots } from "../../data/plots.js";
import type { RunColumns } from "../../data/run-columns.js";
import { spreadsheetSafe, toCSV } from "../../render/export.js";
import { exportTheme, svgDocument, svgElement } from "../../render/svg.js";

/**
 * Every point plotted, one row each: the run, series, step and kind, then x and y (line,
 * scatter, PR, ROC, bar labels), a value (box and histogram values), bucket edges and counts, or
 * a matrix cell's row, column and value; `score` is a ROC curve's AUC or a PR curve's average precision.
 */
export function plotsCSV(panels: readonly PlotPanel[], plots: Plots, runs: RunColumns): string {
  const header = ["run_id", "name", "metric", "variant", "step", "kind", "score", "x", "y", "value", "left", "right", "count", "row", "column"];
  const rows: unknown[][] = [];
  for (const panel of panels) {
    const info = plots.series[panel.series];
    for (const { column, plot, score } of panel.entries) {
      const head = [
        spreadsheetSafe(runs.ids[column]),
        spreadsheetSafe(runs.names[column]),
        spreadsheetSafe(info.metric),
        spreadsheetSafe(info.variant ?? ""),
        plot.step,
        plot.kind,
        score ?? "",
      ];
      const add = (x: unknown, y: unknown, value: unknown, left: unknown, right: unknown, count: unknown, row: unknown, col: unknown) =>
        rows.push([...head, x, y, value, left, right, count, row, col]);
      const data = plot.data;
      switch (data.shape) {
        case "xy":
          data.x.forEach((x, i) => add(x, data.y[i], "", "", "", "", "", ""));
          break;
        case "bars":
          data.labels.forEach((label, i) => add(spreadsheetSafe(label), data.y[i], "", "", "", "", "", ""));
          break;
        case "values":
          data.values.forEach((value) => add("", "", value, "", "", "", "", ""));
          break;
        case "buckets":
          data.left.forEach((left, i) => add("", "", "", left, data.right[i], data.count[i], "", ""));
          break;
        case "matrix": {
          const { rows: labels, columns, values } = data.matrix;
          labels.forEach((r, i) => columns.forEach((c, j) => add("", "", values[i * columns.length + j], "", "", "", spreadsheetSafe(r), spreadsheetSafe(c))));
          break;
        }
      }
    }
  }
  return toCSV(header, rows);
}

/** The panels as drawn, one under another: titles and legends as text, the charts' SVG as it is. */
export function plotsSVG(panels: readonly HTMLElement[], view: Element): string {
  const theme = exportTheme(view);
  const content: Element[] = [];
  let y = 0;
  let width = 320;
  for (const panel of panels) {
    const title = svgElement("text", { x: 8, y: y + 16, "font-weight": 600, "font-size": 12 });
    title.textContent = panel.querySelector(".rc-plot-title")?.textContent ?? "";
    content.push(title);
    y += 24;
    const legend = [...panel.querySelectorAll<HTMLElement>(".rc-plot-legend [data-column]")];
    let x = 8;
    for (const item of legend) {
      const color = item.querySelector<HTMLElement>(".rc-swatch")?.style.background ?? theme.foreground;
      content.push(svgElement("rect", { x, y: y - 9, width: 10, height: 10, rx: 2, fill: color }));
      const text = svgElement("text", { x: x + 14, y });
      text.textContent = item.textContent ?? "";
      content.push(text);
      x += 30 + (item.textContent ?? "").length * 6.5;
      if (x > 560) {
        x = 8;
        y += 16;
      }
    }
    if (legend.length) y += 10;
    let rowHeight = 0;
    x = 0;
    for (const chart of panel.querySelectorAll<SVGSVGElement>("svg.rc-plot-chart, svg.rc-matrix")) {
      const copy = chart.cloneNode(true) as SVGSVGElement;
      const w = Number(copy.getAttribute("width"));
      const h = Number(copy.getAttribute("height"));
      copy.setAttribute("x", String(x));
      copy.setAttribute("y", String(y));
      content.push(copy);
      x += w + 12;
      width = Math.max(width, x);
      rowHeight = Math.max(rowHeight, h);
    }
    y += rowHeight + 16;
  }
  return svgDocument(width, Math.max(y, 40), theme, content);
}
