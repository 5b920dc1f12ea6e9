import { axisLeft, brushY, drag, format, type BrushBehavior, type ScaleLinear, type ScaleLogarithmic, type ScalePoint, type Selection } from "d3";
import { isIntegral, logOffered } from "../../data/axes.js";
import type { AxisFilter } from "../../data/filter.js";
import type { Layout, PlacedAxis } from "./layout.js";
import { CHAR_WIDTH, truncate } from "../../render/text.js";

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
    const scale = axis.scale as ScalePoint<string>;
    const keep = new Set<string | null>(column.categories.filter((c) => {
      const y = scale(c)!;
      return y >= y0 && y <= y1;
    }));
    if (keepMissing) keep.add(null);
    return { kind: "set", values: column.values, keep };
  }
  const scale = axis.scale as ScaleLinear<number, number>;
  const log = kind === "log";
  if (y0 > layout.bottom) return { kind: "range", values: column.values, min: Infinity, max: -Infinity, log, keepMissing };
  const [a, b] = [scale.invert(Math.min(y1, layout.bottom)), scale.invert(Math.max(y0, layout.top))];
  return { kind: "range", values: column.values, min: Math.min(a, b), max: Math.max(a, b), log, keepMissing };
}

/** Where a filter's brush goes on an axis of a new layout (the inverse of brushFilter). */
export function filterSpan(axis: PlacedAxis, layout: Layout, filter: AxisFilter): Span | null {
  const ys: number[] = [];
  if (filter.kind === "set") {
    const scale = axis.scale as ScalePoint<string>;
    for (const category of filter.keep) ys.push(category === null ? layout.missingY : scale(category)!);
  } else {
    const scale = axis.scale as ScaleLinear<number, number>;
    if (filter.min <= filter.max) ys.push(scale(filter.min), scale(filter.max));
    if (filter.keepMissing) ys.push(layout.missingY);
  }
  if (!ys.length) return null;
  return [Math.min(...ys) - 1, Math.max(...ys) + 1];
}

type SvgSelection = Selection<SVGSVGElement, unknown, null, undefined>;

export function drawAxes(svg: SvgSelection, layout: Layout, events: AxisEvents): AxesLayer {
  svg.selectAll("*").remove();
  svg.attr("width", layout.width).attr("height", layout.height);
  const spacing = layout.axes.length > 1 ? layout.axes[1].x - layout.axes[0].x : layout.width;
  const brushes: { behavior: BrushBehavior<unknown>; group: Selection<SVGGElement, unknown, null, undefined> }[] = [];
  let silent = false;
  // Labels too long for the gap between axes alternate between two rows, doubling their room.
  const stagger = layout.axes.some((axis) => axis.dimension.label.length * CHAR_WIDTH > spacing - 8);

  layout.axes.forEach((axis, index) => {
    const g = svg.append("g").attr("class", "rc-axis").attr("transform", `translate(${axis.x},0)`);
    g.append("g").call(axisGenerator(axis, layout));
    drawTitle(g, axis, index, layout, stagger ? 2 * spacing - 8 : spacing - 8, stagger, events);
    if (axis.hasMissing) {
      g.append("line").attr("x1", -4).attr("x2", 4).attr("y1", layout.missingY).attr("y2", layout.missingY).attr("stroke", "currentColor");
      g.append("text").attr("class", "rc-missing-label").attr("x", 7).attr("y", layout.missingY).attr("dy", "0.32em").text("missing");
    }
    drawActions(g, axis, index, layout, events);
    const behavior = brushY<unknown>()
      .extent([[-BRUSH_HALF_WIDTH, layout.top - 6], [BRUSH_HALF_WIDTH, layout.missingY + 8]])
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
function drawTitle(
  g: Selection<SVGGElement, unknown, null, undefined>,
  axis: PlacedAxis,
  index: number,
  layout: Layout,
  room: number,
  stagger: boolean,
  events: AxisEvents,
) {
  const count = layout.axes.length;
  const title = g.append("g").attr("class", "rc-axis-title").style("cursor", count > 1 ? "grab" : "default");
  title.append("title").text(`${axis.dimension.column.name}\ndrag to move the axis, double-click to invert it`);
  // The outer labels hang inwards so they are not cut at the chart's edges.
  const anchor = count === 1 ? "middle" : index === 0 ? "start" : index === count - 1 ? "end" : "middle";
  title.append("text").attr("class", "rc-axis-label").attr("text-anchor", anchor)
    .attr("x", anchor === "start" ? -10 : anchor === "end" ? 10 : 0)
    .attr("y", layout.top - (stagger && index % 2 === 0 ? 30 : 14))
    .text(truncate(axis.dimension.label + (axis.dimension.inverted ? " ↓" : ""), room));
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
  const width = 22;
  const row = g.append("g").attr("class", "rc-axis-actions").attr("transform", `translate(${(-(actions.length - 1) * width) / 2},${layout.missingY + 24})`);
  actions.forEach(([glyph, help, action], i) => {
    const button = row.append("g").attr("class", "rc-axis-action").attr("transform", `translate(${i * width},0)`)
      .attr("role", "button").style("cursor", "pointer")
      .on("click", (event: MouseEvent) => {
        event.stopPropagation();
        action();
      });
    button.append("rect").attr("x", -10).attr("y", -9).attr("width", 20).attr("height", 16).attr("fill", "transparent");
    button.append("text").attr("text-anchor", "middle").attr("dy", "0.1em").text(glyph);
    button.append("title").text(help);
  });
}

function nearestIndex(xs: readonly number[], x: number): number {
  let best = 0;
  xs.forEach((candidate, i) => Math.abs(candidate - x) < Math.abs(xs[best] - x) && (best = i));
  return best;
}

function axisGenerator(axis: PlacedAxis, layout: Layout) {
  const ticks = Math.max(2, Math.floor((layout.bottom - layout.top) / 36));
  if (axis.dimension.column.kind === "categorical") {
    const scale = axis.scale as ScalePoint<string>;
    const domain = scale.domain();
    const every = Math.ceil(domain.length / Math.max(1, Math.floor((layout.bottom - layout.top) / 14)));
    return axisLeft(scale).tickValues(domain.filter((_, i) => i % every === 0)).tickFormat((c) => truncate(c, 90));
  }
  if (axis.dimension.kind === "log") {
    return axisLeft(axis.scale as ScaleLogarithmic<number, number>).ticks(ticks, "~g");
  }
  const scale = axis.scale as ScaleLinear<number, number>;
  if (!isIntegral(axis.dimension.column.values)) return axisLeft(scale).ticks(ticks);
  const whole = scale.ticks(ticks).filter(Number.isInteger);
  return axisLeft(scale).tickValues(whole).tickFormat(format("d"));
}
