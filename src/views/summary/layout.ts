import { scaleLinear, type ScaleLinear } from "d3";
import { finiteExtent } from "../../data/axes.js";

/** One metric's cluster: a slot per run from `x`, and its own value scale. */
export interface Panel {
  readonly x: number;
  readonly width: number;
  readonly scale: ScaleLinear<number, number>;
}

export interface ClusterLayout {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly bottom: number;
  readonly panels: readonly Panel[];
  readonly slotWidth: number;
  readonly barWidth: number;
}

export const MARGIN = { top: 12, bottom: 34, axis: 44, gap: 18, right: 8 };
const MIN_SLOT = 2;
const MAX_SLOT = 48;

/**
 * Clusters side by side, each after room for its axis. Metrics differ in scale (a loss near 0.1,
 * an accuracy near 0.9), so each cluster has its own axis, from zero so bar lengths compare.
 * Too many bars for the width make the chart wider than asked (it scrolls) rather than thinner than
 * MIN_SLOT; a few runs get bars no wider than MAX_SLOT, and the chart is narrower than asked.
 */
export function clusterLayout(metrics: readonly ArrayLike<number>[], runCount: number, width: number, height: number): ClusterLayout {
  const count = metrics.length;
  const fixed = count * MARGIN.axis + (count - 1) * MARGIN.gap + MARGIN.right;
  const slotWidth = Math.min(MAX_SLOT, Math.max(MIN_SLOT, (width - fixed) / (count * runCount)));
  const panelWidth = slotWidth * runCount;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const panels = metrics.map((values, index) => ({
    x: MARGIN.axis + index * (panelWidth + MARGIN.axis + MARGIN.gap),
    width: panelWidth,
    scale: valueScale(values, bottom, top),
  }));
  // Gaps between bars only where there is room for them.
  const barWidth = slotWidth >= 4 ? slotWidth * 0.8 : slotWidth - 0.5;
  return { width: fixed + count * panelWidth, height, top, bottom, panels, slotWidth, barWidth };
}

function valueScale(values: ArrayLike<number>, bottom: number, top: number): ScaleLinear<number, number> {
  const [lo, hi] = finiteExtent(values) ?? [0, 1];
  const domain: [number, number] = [Math.min(0, lo), Math.max(0, hi)];
  if (domain[0] === domain[1]) domain[1] = 1;
  return scaleLinear(domain, [bottom, top]).nice();
}

/** The left edge of a run's bar in a panel. */
export function barX(layout: ClusterLayout, panel: Panel, run: number): number {
  return panel.x + run * layout.slotWidth + (layout.slotWidth - layout.barWidth) / 2;
}

/** The bar under a point: the panel and run whose slot holds x, or null between clusters. */
export function slotAt(layout: ClusterLayout, x: number, runCount: number): { panel: number; run: number } | null {
  for (let panel = 0; panel < layout.panels.length; panel++) {
    const { x: left, width } = layout.panels[panel];
    if (x >= left && x < left + width) return { panel, run: Math.min(runCount - 1, Math.floor((x - left) / layout.slotWidth)) };
  }
  return null;
}
