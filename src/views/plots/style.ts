/** The plots view's own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-plots .rc-plot-panels { display: flex; flex-direction: column; gap: 14px; padding: 6px 8px; }
.rc-plots .rc-plot-title { font-weight: 600; font-size: 13px; }
.rc-plots .rc-plot-kind { font-weight: 400; color: var(--rc-fg-muted); }
.rc-plots .rc-plot-legend { display: flex; flex-wrap: wrap; gap: 4px 10px; margin: 4px 0; }
.rc-plots .rc-plot-legend button { display: inline-flex; align-items: center; gap: 2px; border: 1px solid transparent; background: none; padding: 1px 4px; }
.rc-plots .rc-plot-legend button.rc-selected { border-color: var(--rc-accent); }
.rc-plots .rc-score { color: var(--rc-fg-muted); margin-left: 6px; font-variant-numeric: tabular-nums; }
.rc-plots .rc-chance { stroke: var(--rc-fg-muted); stroke-dasharray: 4 4; }
.rc-plots .rc-faded { opacity: 0.18; }
.rc-plots svg.rc-matrix.rc-faded { opacity: 0.35; }
.rc-plots .rc-matrix-row { display: flex; flex-wrap: wrap; gap: 12px; }
.rc-plots .rc-matrix-title { font-weight: 600; }
.rc-plots .rc-matrix-label { font-size: 10px; }
.rc-plots .rc-matrix-value { font-size: 10px; }
.rc-plots .rc-matrix-legend { display: flex; gap: 18px; flex-wrap: wrap; color: var(--rc-fg-muted); margin: 4px 0; }
.rc-plots .rc-matrix-legend span { display: inline-flex; align-items: center; gap: 6px; }
.rc-plots .rc-matrix-gradient { display: inline-block; width: 110px; height: 10px; border-radius: 2px; }
.rc-plots .rc-plot-chart .rc-run-marks { transition: opacity 0.15s; }
`;

export function plotsStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS;
  return style;
}
