import { SIGNIFICANCE_CSS } from "../../render/significance.js";

/** The summary bars' own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-summary .rc-bar-panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(var(--rc-panel-min, 300px), 100%), 1fr)); gap: 12px 16px; padding: 4px 8px; }
.rc-summary .rc-bar-panel { min-width: 0; }
.rc-summary .rc-bar-title { font-weight: 600; overflow-wrap: anywhere; padding: 2px; }
.rc-summary .rc-bar-axis-svg { display: block; }
.rc-summary .rc-bar-scroll { overflow-y: auto; overflow-x: hidden; border-top: 1px solid var(--rc-grid); }
.rc-summary .rc-bars { display: block; }
.rc-summary .rc-bar-row { cursor: pointer; }
.rc-summary .rc-bar-row .rc-bar-value, .rc-summary .rc-bar-row .rc-no-bar { fill: var(--rc-fg-muted); font-variant-numeric: tabular-nums; }
.rc-summary .rc-bar-row.rc-faded { opacity: 0.35; }
.rc-summary .rc-bar-row.rc-selected .rc-bar-label { font-weight: 700; fill: var(--rc-accent); }
/* The run under the pointer, in every panel: a tint behind its row, its bar outlined, its name bold. */
.rc-summary .rc-bar-row.rc-hovered { opacity: 1; }
.rc-summary .rc-bar-row.rc-hovered .rc-row-hit { fill: color-mix(in srgb, var(--rc-accent) 16%, transparent); }
.rc-summary .rc-bar-row.rc-hovered .rc-bar { stroke: var(--rc-fg); stroke-width: 1.5; }
.rc-summary .rc-bar-row.rc-hovered .rc-bar-label, .rc-summary .rc-bar-row.rc-hovered .rc-bar-value { font-weight: 700; fill: var(--rc-fg); }
.rc-summary .rc-controls label { gap: 6px; }
`;

export function summaryStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS + SIGNIFICANCE_CSS;
  return style;
}
