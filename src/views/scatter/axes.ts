import { axisBottom, axisLeft, format, type Axis as D3Axis, type AxisScale, type NumberValue, type Selection } from "d3";
import { isIntegral } from "../../data/axes.js";
import type { Axis } from "./channels.js";
import type { Frame, PositionScale } from "./layout.js";
import { truncate } from "../../render/text.js";

const BAND_LABEL = "≤ 0";
/** Room for y tick labels: the margin left of the y axis, less the tick and the title. */
const Y_LABEL_ROOM = 40;

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Draws both axes for the current (zoomed) scales, their bands, and the column labels. */
export function drawAxes(g: Group, f: Frame, x: Axis, y: Axis, xScale: PositionScale, yScale: PositionScale) {
  g.selectAll("*").remove();
  const { plot } = f;
  const xTicks = Math.max(2, Math.floor((plot.right - plot.left) / 90));
  const yTicks = Math.max(2, Math.floor((plot.bottom - plot.top) / 40));
  g.append("g").attr("class", "rc-x-axis").attr("transform", `translate(0,${f.xAxisY})`)
    .call(axisGenerator(axisBottom, x, xScale, xTicks, { minSpacing: 40, width: null }));
  g.append("g").attr("class", "rc-y-axis").attr("transform", `translate(${f.yAxisX},0)`)
    .call(axisGenerator(axisLeft, y, yScale, yTicks, { minSpacing: 14, width: Y_LABEL_ROOM }));

  if (f.xBand !== null) {
    const band = g.append("g").attr("class", "rc-band").attr("transform", `translate(${f.xBand},${f.xAxisY})`);
    band.append("line").attr("y2", 6).attr("stroke", "currentColor");
    // A row below the tick labels: the band is too close to the first tick to share their row.
    band.append("text").attr("class", "rc-missing-label").attr("y", 22).attr("dy", "0.71em").attr("text-anchor", "middle").text(BAND_LABEL);
  }
  if (f.yBand !== null) {
    const band = g.append("g").attr("class", "rc-band").attr("transform", `translate(${f.yAxisX},${f.yBand})`);
    band.append("line").attr("x2", -6).attr("stroke", "currentColor");
    band.append("text").attr("class", "rc-missing-label").attr("x", -9).attr("dy", "0.32em").attr("text-anchor", "end").text(BAND_LABEL);
  }

  title(g, x, (plot.left + plot.right) / 2, f.height - 6, plot.right - plot.left);
  title(g, y, -(plot.top + plot.bottom) / 2, 14, plot.bottom - plot.top).attr("transform", "rotate(-90)");
}

function title(g: Group, axis: Axis, x: number, y: number, room: number) {
  const group = g.append("g").attr("class", "rc-axis-title");
  group.append("title").text(axis.column.name);
  group.append("text").attr("class", "rc-axis-label").attr("text-anchor", "middle").attr("x", x).attr("y", y).text(truncate(axis.label, room));
  return group;
}

/**
 * How category labels fit: every how many pixels one may stand, and how wide it may be (null:
 * as wide as the room to the next label).
 */
interface CategoryRoom {
  minSpacing: number;
  width: number | null;
}

function axisGenerator(make: typeof axisBottom, axis: Axis, scale: PositionScale, ticks: number, room: CategoryRoom): D3Axis<NumberValue> {
  const generator = make(scale as AxisScale<NumberValue>).tickSizeOuter(0);
  const { column } = axis;
  if (column.kind === "categorical") {
    const [a, b] = scale.domain().map(Number);
    const visible: number[] = [];
    for (let i = Math.max(0, Math.ceil(a)); i <= Math.min(column.categories.length - 1, Math.floor(b)); i++) visible.push(i);
    const spacing = Math.abs(scale(1) - scale(0));
    const every = Math.max(1, Math.ceil(room.minSpacing / spacing));
    const width = room.width ?? spacing * every - 8;
    return generator.tickValues(visible.filter((i) => i % every === 0)).tickFormat((i) => truncate(column.categories[+i], width));
  }
  if (axis.kind === "log") return generator.ticks(ticks, "~g");
  if (column.temporal) return generator.ticks(ticks);
  if (isIntegral(column.values)) {
    const whole = (scale as { ticks(count: number): number[] }).ticks(ticks).filter(Number.isInteger);
    if (whole.length >= 2) return generator.tickValues(whole).tickFormat(format("d"));
  }
  return generator.ticks(ticks);
}
