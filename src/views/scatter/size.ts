import { format, scaleSqrt, type ScalePower } from "d3";
import { finiteExtent } from "../../data/axes.js";
import type { NumericColumn } from "../../data/runs.js";
import { svgElement } from "../../render/svg.js";

const MIN_RADIUS = 2;
const MAX_RADIUS = 10;

/** One radius for every run without a size column: smaller when many points crowd the plot. */
export function defaultRadius(count: number): number {
  return count > 5000 ? 2 : count > 500 ? 3 : 4;
}

export interface PointSizes {
  /** Each run's radius in CSS pixels. */
  readonly radii: Float32Array;
  /** The scale behind them, or null when every point has the default radius. */
  readonly scale: ScalePower<number, number> | null;
  /** The largest radius, which the plot leaves room for at its edges. */
  readonly largest: number;
}

/**
 * Radii whose areas grow with the size column (a square-root scale from zero, so twice the
 * value is twice the ink). Runs without a size value get the smallest radius.
 */
export function pointSizes(column: NumericColumn | null, count: number): PointSizes {
  if (!column) {
    const radius = defaultRadius(count);
    return { radii: new Float32Array(count).fill(radius), scale: null, largest: radius };
  }
  const [lo, hi] = finiteExtent(column.values) ?? [0, 1];
  // Negative values have no area from zero: then the smallest value gets the smallest dot.
  const domain = lo >= 0 ? [0, hi || 1] : [lo, hi === lo ? lo + 1 : hi];
  const scale = scaleSqrt(domain, [lo >= 0 ? 0 : MIN_RADIUS, MAX_RADIUS]);
  const radii = Float32Array.from(column.values, (v) => (Number.isFinite(v) ? Math.max(MIN_RADIUS, scale(v)) : MIN_RADIUS));
  let largest = MIN_RADIUS;
  for (const radius of radii) if (radius > largest) largest = radius;
  return { radii, scale, largest };
}

/** Up to three round values across the scale's domain, each with its radius. */
export function sizeLegendEntries(scale: ScalePower<number, number>): { label: string; radius: number }[] {
  const [lo, hi] = scale.domain();
  // A zero-area circle shows nothing: from zero, the ticks start at the first above it.
  const ticks = scale.ticks(4).filter((v) => lo < 0 || v > 0);
  const picked = ticks.length > 3 ? [ticks[0], ticks[Math.floor(ticks.length / 2)], ticks[ticks.length - 1]] : ticks;
  const values = picked.length ? picked : [hi];
  const label = format("~g");
  return values.map((v) => ({ label: label(v), radius: Math.max(MIN_RADIUS, scale(v)) }));
}

/** The size key beside the colour key: the column's name and circles for a few values. */
export function sizeLegend(scale: ScalePower<number, number>, title: string): HTMLElement {
  const legend = document.createElement("div");
  legend.className = "rc-legend-sizes";
  legend.style.display = "flex";
  legend.style.alignItems = "center";
  legend.style.gap = "6px";
  const heading = document.createElement("span");
  heading.className = "rc-legend-title";
  heading.textContent = title;
  legend.append(heading);
  for (const { label, radius } of sizeLegendEntries(scale)) {
    const swatch = svgElement("svg", { width: 2 * MAX_RADIUS + 2, height: 2 * MAX_RADIUS + 2 });
    swatch.append(svgElement("circle", { cx: MAX_RADIUS + 1, cy: MAX_RADIUS + 1, r: radius, fill: "none", stroke: "currentColor" }));
    const text = document.createElement("span");
    text.textContent = label;
    legend.append(swatch, text);
  }
  return legend;
}
