import { axisLeft, brushY, format, type ScaleLinear, type ScaleLogarithmic, type ScalePoint, type Selection, type BrushBehavior } from "d3";
import { isIntegral } from "../../data/axes.js";
import type { AxisFilter } from "../../data/filter.js";
import type { Layout, PlacedAxis } from "./layout.js";

const BRUSH_HALF_WIDTH = 12;
const CHAR_WIDTH = 6.5;

export interface AxesLayer {
  /** Removes every brush without telling the listener. */
  clearBrushes(): void;
}

/** Pixel span [y0, y1] of a brush (y0 above y1) turned into what it keeps on that axis. */
export function brushFilter(axis: PlacedAxis, layout: Layout, [y0, y1]: [number, number]): AxisFilter {
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
  const min = scale.invert(Math.min(y1, layout.bottom));
  const max = scale.invert(Math.max(y0, layout.top));
  return { kind: "range", values: column.values, min, max, log, keepMissing };
}

type Listener = (axisIndex: number, span: [number, number] | null, final: boolean) => void;

export function drawAxes(svg: Selection<SVGSVGElement, unknown, null, undefined>, layout: Layout, onBrush: Listener): AxesLayer {
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
    const title = g.append("g").attr("class", "rc-axis-title");
    title.append("title").text(axis.dimension.column.name);
    // The outer labels hang inwards so they are not cut at the chart's edges.
    const anchor = layout.axes.length === 1 ? "middle" : index === 0 ? "start" : index === layout.axes.length - 1 ? "end" : "middle";
    const shift = anchor === "start" ? -10 : anchor === "end" ? 10 : 0;
    title.append("text").attr("class", "rc-axis-label").attr("text-anchor", anchor).attr("x", shift)
      .attr("y", layout.top - (stagger && index % 2 === 0 ? 30 : 14))
      .text(truncate(axis.dimension.label, stagger ? 2 * spacing - 8 : spacing - 8));
    if (axis.hasMissing) {
      g.append("line").attr("x1", -4).attr("x2", 4).attr("y1", layout.missingY).attr("y2", layout.missingY).attr("stroke", "currentColor");
      g.append("text").attr("class", "rc-missing-label").attr("x", 7).attr("y", layout.missingY).attr("dy", "0.32em").text("missing");
    }
    const behavior = brushY<unknown>()
      .extent([[-BRUSH_HALF_WIDTH, layout.top - 6], [BRUSH_HALF_WIDTH, layout.missingY + 8]])
      .on("brush end", (event) => {
        if (silent || !event.sourceEvent) return;
        onBrush(index, (event.selection as [number, number] | null) ?? null, event.type === "end");
      });
    const group = g.append("g").attr("class", "rc-brush").call(behavior);
    brushes.push({ behavior, group });
  });

  return {
    clearBrushes() {
      silent = true;
      for (const { behavior, group } of brushes) group.call(behavior.move, null);
      silent = false;
    },
  };
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
    const scale = axis.scale as ScaleLogarithmic<number, number>;
    return axisLeft(scale).ticks(ticks, "~g");
  }
  const scale = axis.scale as ScaleLinear<number, number>;
  if (!isIntegral(axis.dimension.column.values)) return axisLeft(scale).ticks(ticks);
  const whole = scale.ticks(ticks).filter(Number.isInteger);
  return axisLeft(scale).tickValues(whole).tickFormat(format("d"));
}

function truncate(text: string, pixels: number): string {
  const fits = Math.max(3, Math.floor(pixels / CHAR_WIDTH));
  return text.length > fits ? text.slice(0, fits - 1) + "…" : text;
}
