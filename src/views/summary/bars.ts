import { setChildren } from "../../render/dom.js";
import { axisTop, format, select } from "d3";
import { svgElement } from "../../render/svg.js";
import { cellText } from "../values/format.js";
import { fitText, type Measure } from "../../render/text.js";
import { BAR, ROW, beyondAxis, noBarMark, type PanelLayout } from "./layout.js";

/** What the rows of a panel need besides the layout: the runs, their colours, and how they stand. */
export interface RowsLook {
  readonly names: readonly string[];
  readonly colors: readonly string[];
  /** Widths of the labels' text. */
  readonly measure: Measure;
  /** Runs shown faded (others are selected), or null. */
  readonly faded: ((run: number) => boolean) | null;
  readonly selected: (run: number) => boolean;
  readonly hovered: number;
}

/** Height of the axis drawn above a panel's rows. */
export const AXIS_HEIGHT = 22;

/** The value axis along the top of a panel, with as many ticks as fit. */
export function drawAxis(g: SVGGElement, layout: PanelLayout) {
  const ticks = Math.max(2, Math.floor((layout.barRight - layout.barLeft) / 70));
  const axis = axisTop(layout.scale).ticks(ticks).tickFormat(format("~g")).tickSizeOuter(0);
  const selection = select(g)
    .attr("class", "rc-bar-axis")
    .attr("transform", `translate(0,${AXIS_HEIGHT - 1})`);
  selection.selectAll("*").remove();
  selection.call(axis);
}

/**
 * Draws rows [first, end) of a panel (positions in `order`) into `g`: each run's name (cut in
 * the middle to fit, whole in its <title>), its bar from zero, or a mark where it has no finite value, and
 * its value at four significant digits (exact in the <title>).
 */
export function drawRows(g: SVGGElement, layout: PanelLayout, values: ArrayLike<number>, order: Int32Array, [first, end]: [number, number], look: RowsLook) {
  const zero = layout.scale(0);
  const rows: SVGGElement[] = [];
  for (let position = first; position < end; position++) {
    const run = order[position];
    const value = values[run];
    const y = position * ROW;
    const row = svgElement("g", { class: rowClass(run, look), "data-run": run, transform: `translate(0,${y})` });
    row.append(svgElement("rect", { class: "rc-row-hit", x: 0, y: 0, width: layout.width, height: ROW, fill: "transparent" }));
    const label = svgElement("text", { class: "rc-bar-label", x: 2, y: ROW / 2, dy: "0.35em" });
    label.textContent = fitText(look.names[run], layout.labelWidth - 4, look.measure).lines[0];
    label.append(title(look.names[run]));
    row.append(label);
    if (Number.isFinite(value)) {
      const beyond = beyondAxis(layout, value);
      const x = Math.max(layout.barLeft, Math.min(layout.barRight, layout.scale(value)));
      row.append(
        svgElement("rect", {
          class: "rc-bar",
          x: Math.min(x, zero),
          y: (ROW - BAR) / 2,
          width: Math.max(1, Math.abs(x - zero)),
          height: BAR,
          fill: look.colors[run],
        }),
      );
      // An outlier's bar runs off the axis: a notch at its end says it goes on.
      if (beyond) {
        const way = x > zero ? 5 : -5;
        const notch = svgElement("path", {
          class: "rc-bar-beyond",
          d: `M${x},${(ROW - BAR) / 2}l${way},${BAR / 2}l${-way},${BAR / 2}z`,
          fill: look.colors[run],
        });
        notch.append(title("beyond the axis, which leaves out outliers"));
        row.append(notch);
      }
    } else {
      const mark = svgElement("text", { class: "rc-no-bar", x: zero + 3, y: ROW / 2, dy: "0.35em" });
      mark.textContent = noBarMark(value);
      row.append(mark);
    }
    const text = svgElement("text", { class: "rc-bar-value", x: layout.valueRight, y: ROW / 2, dy: "0.35em", "text-anchor": "end" });
    text.textContent = Number.isNaN(value) ? "" : cellText(value, true);
    if (text.textContent && text.textContent !== String(value)) text.append(title(String(value)));
    row.append(text);
    rows.push(row);
  }
  setChildren(g, rows);
}

/** A row's classes for the selection and the pointer. */
export function rowClass(run: number, look: Pick<RowsLook, "faded" | "selected" | "hovered">): string {
  return ["rc-bar-row", look.faded?.(run) ? "rc-faded" : "", look.selected(run) ? "rc-selected" : "", run === look.hovered ? "rc-hovered" : ""]
    .filter(Boolean)
    .join(" ");
}

function title(text: string): SVGTitleElement {
  const element = svgElement("title");
  element.textContent = text;
  return element;
}
