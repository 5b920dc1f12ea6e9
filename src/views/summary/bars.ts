import { axisLeft, format, type Selection } from "d3";
import { barX, type ClusterLayout } from "./layout.js";
import type { BarMetric } from "./metrics.js";
import { truncate } from "../../render/text.js";

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;


/** A mark for a value with no bar: a dash for missing or NaN, an infinity sign for +-Inf. */
export function noBarMark(value: number): string {
  return Number.isNaN(value) ? "—" : value > 0 ? "∞" : "-∞";
}

/**
 * Draws the clusters: per metric an axis, a zero line, one bar per run with a finite value, a
 * small mark in the empty slot of every other run, and the metric's name underneath.
 */
export function drawBars(svg: Svg, layout: ClusterLayout, metrics: readonly BarMetric[], colors: readonly string[]): number {
  svg.selectAll("*").remove();
  svg.attr("width", layout.width).attr("height", layout.height);
  const markSize = Math.max(6, Math.min(11, layout.slotWidth * 1.4));
  let bars = 0;
  metrics.forEach((metric, index) => {
    const panel = layout.panels[index];
    const { scale } = panel;
    const zero = scale(0);
    const g = svg.append("g").attr("class", "rc-cluster");
    g.append("g").attr("class", "rc-bar-axis").attr("transform", `translate(${panel.x - 4},0)`).call(axisLeft(scale).ticks(Math.max(2, Math.floor((layout.bottom - layout.top) / 40))).tickFormat(format("~g")));
    g.append("line").attr("class", "rc-zero").attr("x1", panel.x).attr("x2", panel.x + panel.width).attr("y1", zero).attr("y2", zero);
    metric.values.forEach((value, run) => {
      const x = barX(layout, panel, run);
      if (Number.isFinite(value)) {
        const y = scale(value);
        g.append("rect").attr("class", "rc-bar").attr("data-run", run).attr("x", x).attr("width", layout.barWidth)
          .attr("y", Math.min(y, zero)).attr("height", Math.abs(zero - y)).attr("fill", colors[run]);
        bars++;
      } else {
        g.append("text").attr("class", "rc-no-bar").attr("data-run", run).attr("x", x + layout.barWidth / 2).attr("y", zero - 2)
          .attr("text-anchor", "middle").attr("font-size", markSize).text(noBarMark(value));
      }
    });
    const label = g.append("text").attr("class", "rc-cluster-label").attr("x", panel.x + panel.width / 2).attr("y", layout.bottom + 22).attr("text-anchor", "middle");
    label.text(truncate(metric.label, panel.width + 40));
    label.append("title").text(metric.label);
  });
  return bars;
}
