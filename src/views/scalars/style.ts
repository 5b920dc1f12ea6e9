import { SIGNIFICANCE_CSS } from "../../render/significance.js";
/** The scalars view's own rules, on top of the shared viewStyle() and its theme variables. */
const CSS = `
.rc-scalars .rc-chart-comparison { font-size: 11px; max-height: 180px; overflow-y: auto; }
.rc-scalars input[type=range] { padding: 0; border: none; background: none; width: 120px; accent-color: var(--rc-accent); }
.rc-scalars input[type=checkbox] { accent-color: var(--rc-accent); margin: 0 2px 0 0; }
.rc-scalars .rc-control { display: inline-flex; gap: 4px; align-items: center; }
.rc-scalars .rc-control > span:first-child { color: var(--rc-fg-muted); }
.rc-scalars .rc-control output { font-variant-numeric: tabular-nums; min-width: 3em; }
.rc-scalars .rc-filter { width: 200px; }
.rc-scalars .rc-invalid { border-color: var(--rc-error-fg); outline-color: var(--rc-error-fg); }
.rc-scalars .rc-group { position: relative; }
.rc-scalars .rc-group summary { cursor: pointer; color: var(--rc-fg); max-width: 260px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rc-scalars .rc-group-list label { color: var(--rc-fg); overflow-wrap: anywhere; }
.rc-scalars .rc-group-list label[hidden] { display: none; }
.rc-scalars .rc-group-list {
  position: absolute; z-index: 4; display: grid; align-content: start; gap: 2px; padding: 6px 8px; max-height: 300px; overflow: auto;
  width: max-content; max-width: min(420px, 80vw);
  background: var(--rc-bg); border: 1px solid var(--rc-grid); border-radius: 4px; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.2);
}
.rc-scalars .rc-group-head { display: flex; gap: 6px; position: sticky; top: -6px; background: var(--rc-bg); padding: 2px 0 4px; }
.rc-scalars .rc-group-head input { flex: 1; min-width: 0; }
.rc-scalars .rc-controls select { max-width: 220px; }
.rc-scalars .rc-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; padding: 4px 8px; }
.rc-scalars .rc-chart { min-width: 0; }
.rc-scalars .rc-chart-title { display: flex; gap: 10px; align-items: center; height: 20px; font-weight: 600; overflow: hidden; white-space: nowrap; }
.rc-scalars .rc-chart-name { overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.rc-scalars .rc-dash-key { flex: none; display: inline-flex; gap: 3px; align-items: center; font-weight: normal; color: var(--rc-fg-muted); }
.rc-scalars .rc-plot svg { cursor: crosshair; touch-action: none; user-select: none; }
.rc-scalars .rc-grid line { stroke: var(--rc-grid); stroke-opacity: 0.6; }
.rc-scalars .rc-crosshair { stroke: var(--rc-fg-muted); stroke-dasharray: 3 3; pointer-events: none; }
.rc-scalars .rc-dot { stroke: var(--rc-bg); stroke-width: 1; pointer-events: none; }
.rc-scalars .rc-zoom { fill: var(--rc-accent); fill-opacity: 0.12; stroke: var(--rc-accent); pointer-events: none; }
.rc-scalars .rc-curve-tooltip {
  position: absolute; z-index: 3; pointer-events: none; width: max-content; max-width: 600px; padding: 4px 6px; font-size: 11px;
  background: var(--rc-bg); color: var(--rc-fg); border: 1px solid var(--rc-grid); border-radius: 4px;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.2);
}
.rc-scalars .rc-curve-tooltip[hidden] { display: none; }
.rc-scalars .rc-curve-tooltip-title { font-weight: 600; margin-bottom: 2px; }
.rc-scalars .rc-curve-tooltip table { border-collapse: collapse; }
.rc-scalars .rc-curve-tooltip th { font-weight: normal; color: var(--rc-fg-muted); text-align: left; padding: 0 4px; }
.rc-scalars .rc-curve-tooltip td { padding: 0 4px; white-space: nowrap; }
/* Names wrap rather than being cut: the tooltip takes no pointer, so nothing could show the rest.
   The tooltip is as wide as its rows (max-content), not squeezed by the edge of the chart it sits in. */
.rc-scalars .rc-curve-tooltip td.rc-curve-name { max-width: 260px; white-space: normal; overflow-wrap: anywhere; }
.rc-scalars .rc-curve-number { text-align: right; font-variant-numeric: tabular-nums; }
.rc-scalars .rc-curve-more { color: var(--rc-fg-muted); font-style: italic; }
/* Its own paint layer: a slider move or a new picture then repaints the view without its thousand rows. */
.rc-scalars .rc-run-legend { padding: 4px 8px; contain: paint; }
.rc-scalars .rc-run-legend-header { display: flex; gap: 6px; align-items: center; margin-bottom: 2px; }
.rc-scalars .rc-run-legend-list {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 0 12px; max-height: 150px; overflow: auto;
}
.rc-scalars .rc-run-legend-entry { display: flex; align-items: center; gap: 2px; min-width: 0; white-space: nowrap; color: var(--rc-fg); }
.rc-scalars .rc-run-legend-entry .rc-swatch, .rc-scalars .rc-run-legend-entry input { flex: none; }
.rc-scalars .rc-run-legend-name { overflow: hidden; text-overflow: ellipsis; cursor: pointer; }
.rc-scalars .rc-run-legend-entry.rc-selected .rc-run-legend-name { font-weight: 700; color: var(--rc-accent); }
.rc-scalars .rc-run-legend-entry.rc-hovered { background: color-mix(in srgb, var(--rc-accent) 16%, transparent); border-radius: 2px; }
.rc-scalars .rc-run-legend-entry.rc-group-entry { white-space: normal; align-items: flex-start; }
.rc-scalars .rc-run-legend-more { grid-column: 1 / -1; color: var(--rc-fg-muted); font-style: italic; }
.rc-scalars .rc-group-entry .rc-run-legend-name { overflow-wrap: anywhere; }
.rc-scalars .rc-group-entry .rc-swatch { margin-top: 3px; }
.rc-scalars .rc-curve-row.rc-hovered td { font-weight: 700; background: color-mix(in srgb, var(--rc-accent) 14%, transparent); }
`;

export function scalarsStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS + SIGNIFICANCE_CSS;
  return style;
}
