import { axisLeft, brushY, drag, type AxisScale as D3AxisScale, type BrushBehavior, type ScaleLinear, type ScalePoint, type Selection } from "d3";
import { finiteExtent, logOffered } from "../../data/axes.js";
import type { AxisFilter } from "../../data/filter.js";
import { drawLines } from "../../render/text.js";
import { drawTicks } from "../../render/ticks.js";
import { ACTIONS_HALF_WIDTH, MISSING_LABEL, MISSING_LABEL_X, TITLE_LINE_HEIGHT, type Layout, type PlacedAxis } from "./layout.js";

const BRUSH_HALF_WIDTH = 12;

export type Span = [number, number];

/** What the axes report back to the view. */
export interface AxisEvents {
  brushed(axis: number, span: Span | null, final: boolean): void;
  reorder(from: number, to: number): void;
  invert(axis: number): void;
  toggleLog(axis: number): void;
  remove(axis: number): void;
}

export interface AxesLayer {
  /** Removes every brush without telling the listener. */
  clearBrushes(): void;
  /** Puts a brush on an axis without telling the listener (brushes survive a re-layout). */
  setBrush(axis: number, span: Span): void;
}

/** Pixel span [y0, y1] of a brush (y0 above y1) turned into what it keeps on that axis. */
export function brushFilter(axis: PlacedAxis, layout: Layout, [y0, y1]: Span): AxisFilter {
  const { column, kind } = axis.dimension;
  const keepMissing = y0 <= layout.missingY && layout.missingY <= y1;
  if (column.kind === "categorical") {
    const yOf = categoryPosition(axis);
    const keep = new Set<string | null>(
      column.categories.filter((c) => {
        const y = yOf(c);
        return y >= y0 && y <= y1;
      }),
    );
    if (keepMissing) keep.add(null);
    return { kind: "set", values: column.values, keep };
  }
  const scale = axis.scale as ScaleLinear<number, number>;
  const log = kind === "log";
  if (y0 > layout.bottom) return { kind: "range", values: column.values, min: Infinity, max: -Infinity, log, keepMissing };
  // Number(): a time axis inverts to Dates.
  const [a, b] = [Number(scale.invert(Math.min(y1, layout.bottom))), Number(scale.invert(Math.max(y0, layout.top)))];
  return { kind: "range", values: column.values, min: Math.min(a, b), max: Math.max(a, b), log, keepMissing };
}

/** Where a category stands on its axis: its own place, or the slot of the categories left off. */
function categoryPosition(axis: PlacedAxis): (category: string) => number {
  const scale = axis.scale as ScalePoint<string>;
  const shown = axis.categories!;
  return (category) => scale(shown.has(category) ? category : shown.other)!;
}

/** Where a filter's brush goes on an axis of a new layout (the inverse of brushFilter). */
export function filterSpan(axis: PlacedAxis, layout: Layout, filter: AxisFilter): Span | null {
  const ys: number[] = [];
  if (filter.kind === "set") {
    const yOf = categoryPosition(axis);
    for (const category of filter.keep) ys.push(category === null ? layout.missingY : yOf(category));
  } else {
    const scale = axis.scale as ScaleLinear<number, number>;
    if (filter.min <= filter.max) ys.push(scale(filter.min), scale(filter.max));
    if (filter.keepMissing) ys.push(layout.missingY);
  }
  const extent = finiteExtent(ys);
  return extent ? [extent[0] - 1, extent[1] + 1] : null;
}

type SvgSelection = Selection<SVGSVGElement, unknown, null, undefined>;

export function drawAxes(svg: SvgSelection, layout: Layout, events: AxisEvents): AxesLayer {
  svg.selectAll("*").remove();
  svg.attr("width", layout.width).attr("height", layout.height);
  const brushes: { behavior: BrushBehavior<unknown>; group: Selection<SVGGElement, unknown, null, undefined> }[] = [];
  let silent = false;

  layout.axes.forEach((axis, index) => {
    const g = svg.append("g").attr("class", "rc-axis").attr("data-column", axis.dimension.column.name).attr("transform", `translate(${axis.x},0)`);
    drawTicks(g.append("g"), axisLeft(axis.scale as D3AxisScale<number | string>), axis.ticks);
    drawTitle(g, axis, index, layout, events);
    if (axis.hasMissing) {
      g.append("line").attr("x1", -4).attr("x2", 4).attr("y1", layout.missingY).attr("y2", layout.missingY).attr("stroke", "currentColor");
      g.append("text").attr("class", "rc-missing-label").attr("x", MISSING_LABEL_X).attr("y", layout.missingY).attr("dy", "0.32em").text(MISSING_LABEL);
    }
    drawActions(g, axis, index, layout, events);
    const behavior = brushY<unknown>()
      .extent([
        [-BRUSH_HALF_WIDTH, layout.top - 6],
        [BRUSH_HALF_WIDTH, layout.missingY + 8],
      ])
      .on("brush end", (event) => {
        if (silent || !event.sourceEvent) return;
        events.brushed(index, (event.selection as Span | null) ?? null, event.type === "end");
      });
    const group = g.append("g").attr("class", "rc-brush").call(behavior);
    brushes.push({ behavior, group });
  });

  const quietly = (action: () => void) => {
    silent = true;
    action();
    silent = false;
  };
  return {
    clearBrushes: () => quietly(() => brushes.forEach(({ behavior, group }) => group.call(behavior.move, null))),
    setBrush: (axis, span) => quietly(() => brushes[axis].group.call(brushes[axis].behavior.move, span)),
  };
}

/** The label: drag it sideways to move the axis, double-click it to turn the axis upside down. */
function drawTitle(g: Selection<SVGGElement, unknown, null, undefined>, axis: PlacedAxis, index: number, layout: Layout, events: AxisEvents) {
  const count = layout.axes.length;
  const title = g
    .append("g")
    .attr("class", "rc-axis-title")
    .style("cursor", count > 1 ? "grab" : "default");
  title.append("title").text(`${axis.dimension.column.name}\ndrag to move the axis, double-click to invert it`);
  // Lines end just above the first tick label, whether the title takes one line or two.
  const lines = axis.title.lines;
  const label = title
    .append("text")
    .attr("class", "rc-axis-label")
    .attr("text-anchor", "middle")
    .attr("x", 0)
    .attr("y", layout.top - 12 - (lines.length - 1) * TITLE_LINE_HEIGHT);
  drawLines(label.node()!, lines, TITLE_LINE_HEIGHT);
  title.on("dblclick", (event: MouseEvent) => {
    event.stopPropagation();
    events.invert(index);
  });
  if (count < 2) return;
  const xs = layout.axes.map((a) => a.x);
  title.call(
    drag<SVGGElement, unknown>()
      .container(g.node()!.parentNode as SVGSVGElement)
      .on("drag", (event) => g.attr("transform", `translate(${event.x},0)`))
      .on("end", (event) => {
        const to = nearestIndex(xs, event.x);
        if (to === index) g.attr("transform", `translate(${axis.x},0)`);
        else events.reorder(index, to);
      }),
  );
}

/** Small buttons under each axis: invert, log/linear (where a log axis is offered), remove. */
function drawActions(g: Selection<SVGGElement, unknown, null, undefined>, axis: PlacedAxis, index: number, layout: Layout, events: AxisEvents) {
  const actions: [string, string, () => void][] = [["⇅", "invert the axis", () => events.invert(index)]];
  if (logOffered(axis.dimension.column)) {
    const log = axis.dimension.kind === "log";
    actions.push([log ? "lin" : "log", log ? "use a linear scale" : "use a log scale", () => events.toggleLog(index)]);
  }
  if (layout.axes.length > 1) actions.push(["✕", "remove the axis", () => events.remove(index)]);
  const width = (2 * ACTIONS_HALF_WIDTH) / 3;
  const row = g
    .append("g")
    .attr("class", "rc-axis-actions")
    .attr("transform", `translate(${(-(actions.length - 1) * width) / 2},${layout.missingY + 24})`);
  actions.forEach(([glyph, help, action], i) => {
    const button = row
      .append("g")
      .attr("class", "rc-axis-action")
      .attr("transform", `translate(${i * width},0)`)
      .attr("role", "button")
      .style("cursor", "pointer")
      .on("click", (event: MouseEvent) => {
        event.stopPropagation();
        action();
      });
    button
      .append("rect")
      .attr("x", -width / 2)
      .attr("y", -9)
      .attr("width", width)
      .attr("height", 16)
      .attr("fill", "transparent");
    button.append("text").attr("text-anchor", "middle").attr("dy", "0.1em").text(glyph);
    button.append("title").text(help);
  });
}

function nearestIndex(xs: readonly number[], x: number): number {
  let best = 0;
  xs.forEach((candidate, i) => Math.abs(candidate - x) < Math.abs(xs[best] - x) && (best = i));
  return best;
}
