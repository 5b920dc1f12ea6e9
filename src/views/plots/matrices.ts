import { format, hsl, interpolateRdBu, interpolateViridis, rgb } from "d3";
import type { Matrix } from "../../data/plots.js";
import { svgElement } from "../../render/svg.js";
import { estimateWidth, fitText, type Measure } from "../../render/text.js";

/** One matrix of a panel: the run's, or its difference to the base's. */
export interface ShownMatrix {
  readonly column: number;
  readonly title: string;
  readonly matrix: Matrix;
  /** Values are differences to the base (a diverging scale around 0). */
  readonly difference: boolean;
}

export interface MatrixScales {
  /** Every plain matrix's colour: one scale over all of them. */
  readonly values: [number, number];
  /** Every difference's: symmetric around 0. */
  readonly differences: number;
}

const LABEL_ROOM = 90;
const TITLE = 18;
const MAX_CELL = 44;
const MIN_CELL = 10;
const valueText = format(".3~g");

/** The cell colour of a value on its scale. */
export function cellColor(value: number, difference: boolean, scales: MatrixScales): string {
  if (!Number.isFinite(value)) return "transparent";
  if (difference) return interpolateRdBu(0.5 - (scales.differences ? value / scales.differences : 0) / 2);
  const [low, high] = scales.values;
  return interpolateViridis(high > low ? (value - low) / (high - low) : 0.5);
}

/**
 * A matrix as SVG: run title, row labels on the left, column labels on top, cells in the shared
 * colour scale, each with its value where the cell has room (in black or white, whichever reads).
 * `axes` titles the rows and columns (a confusion matrix: true and predicted class).
 */
export function matrixChart(
  shown: ShownMatrix,
  scales: MatrixScales,
  room: number,
  measure: Measure = estimateWidth,
  axes: [string, string] | null = null,
): SVGSVGElement {
  const { rows, columns, values } = shown.matrix;
  // Label rooms from the labels themselves (class 0 and 1 need little), at most LABEL_ROOM.
  const columnLabels = columns.map((label) => fitText(label, LABEL_ROOM * 0.75, measure));
  const rowLabels = rows.map((label) => fitText(label, LABEL_ROOM - 8, measure));
  const widest = (labels: { width: number }[]) => Math.max(0, ...labels.map((label) => label.width));
  const axisRoom = axes ? 14 : 0;
  const left = Math.min(LABEL_ROOM, widest(rowLabels) + 10) + axisRoom;
  const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((room - left) / Math.max(1, columns.length))));
  // Column labels are turned 50°: they rise sin 50° and reach cos 50° of their width to the right.
  const columnRoom = widest(columnLabels) * Math.sin((50 * Math.PI) / 180) + 8;
  const overhang = Math.max(0, widest(columnLabels.slice(-1)) * Math.cos((50 * Math.PI) / 180) - cell / 2);
  const top = TITLE + columnRoom + (axes ? 14 : 0);
  const cellsWidth = left + columns.length * cell + 4 + overhang;
  const titleText = fitText(shown.title, Math.max(cellsWidth, room) - 4, measure);
  const width = Math.max(cellsWidth, titleText.width + 4);
  const height = top + rows.length * cell + 4;
  const svg = svgElement("svg", { class: "rc-matrix", width, height, role: "img", "aria-label": shown.title, "data-column": shown.column });
  const title = svgElement("text", { class: "rc-matrix-title", x: 0, y: 13 });
  title.textContent = titleText.lines[0];
  svg.append(title);
  if (axes) {
    const predicted = svgElement("text", { class: "rc-axis-label", x: left + (columns.length * cell) / 2, y: TITLE + 10, "text-anchor": "middle" });
    predicted.textContent = axes[1];
    const truth = svgElement("text", {
      class: "rc-axis-label",
      transform: `translate(12,${top + (rows.length * cell) / 2}) rotate(-90)`,
      "text-anchor": "middle",
    });
    truth.textContent = axes[0];
    svg.append(predicted, truth);
  }
  columnLabels.forEach((label, c) => {
    const text = svgElement("text", { class: "rc-matrix-label", transform: `translate(${left + c * cell + cell / 2 + 4},${top - 4}) rotate(-50)` });
    text.textContent = label.lines[0];
    svg.append(text);
  });
  rowLabels.forEach((label, r) => {
    const text = svgElement("text", { class: "rc-matrix-label", x: left - 4, y: top + r * cell + cell / 2 + 4, "text-anchor": "end" });
    text.textContent = label.lines[0];
    svg.append(text);
  });
  const cells = svgElement("g", { class: "rc-matrix-cells" });
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < columns.length; c++) {
      const value = values[r * columns.length + c];
      const fill = cellColor(value, shown.difference, scales);
      const rect = svgElement("rect", {
        x: left + c * cell,
        y: top + r * cell,
        width: cell - 1,
        height: cell - 1,
        fill,
        "data-value": Number.isFinite(value) ? value : "",
      });
      const tip = svgElement("title");
      tip.textContent = `${rows[r]} → ${columns[c]}: ${Number.isFinite(value) ? (shown.difference && value > 0 ? "+" : "") + valueText(value) : "none"}`;
      rect.append(tip);
      cells.append(rect);
      if (cell >= 22 && Number.isFinite(value)) {
        const text = svgElement("text", {
          x: left + c * cell + (cell - 1) / 2,
          y: top + r * cell + cell / 2 + 3,
          "text-anchor": "middle",
          class: "rc-matrix-value",
          // Inline: the views' stylesheet colours SVG text with the theme's foreground.
          style: `fill: ${hsl(rgb(fill)).l > 0.55 ? "#111111" : "#ffffff"}`,
        });
        text.textContent = (shown.difference && value > 0 ? "+" : "") + valueText(value);
        cells.append(text);
      }
    }
  }
  svg.append(cells);
  return svg;
}

/** The colour key of a panel's matrices: the plain scale's ends, and the differences' when shown. */
export function matrixLegend(scales: MatrixScales, differences: boolean): HTMLElement {
  const legend = document.createElement("div");
  legend.className = "rc-matrix-legend";
  const bar = (label: string, stops: string[], low: string, high: string) => {
    const item = document.createElement("span");
    const gradient = document.createElement("span");
    gradient.className = "rc-matrix-gradient";
    gradient.style.background = `linear-gradient(to right, ${stops.join(", ")})`;
    item.append(`${label} ${low}`, gradient, high);
    legend.append(item);
  };
  const steps = Array.from({ length: 9 }, (_, i) => i / 8);
  bar(
    "values",
    steps.map((t) => interpolateViridis(t)),
    valueText(scales.values[0]),
    valueText(scales.values[1]),
  );
  if (differences)
    bar(
      "difference to base",
      steps.map((t) => interpolateRdBu(1 - t)),
      `−${valueText(scales.differences)}`,
      `+${valueText(scales.differences)}`,
    );
  return legend;
}
