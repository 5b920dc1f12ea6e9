import { SIGNIFICANCE_CSS } from "../../render/significance.js";

/** The table scrolls within this height (CSS pixels): no taller on the page, whatever its rows. */
export const SCROLL_MAX_HEIGHT = 520;

/** The values table's own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-values {
  --rc-max: var(--rc-values-max, #e8590c);
  --rc-min: var(--rc-values-min, #1c7ed6);
  --rc-hover-tint: linear-gradient(color-mix(in srgb, var(--rc-accent) 14%, transparent), color-mix(in srgb, var(--rc-accent) 14%, transparent));
}
.rc-values .rc-switch { display: inline-flex; }
.rc-values .rc-switch button { border-radius: 0; margin-left: -1px; min-width: 44px; }
.rc-values .rc-switch button:first-child { border-radius: 3px 0 0 3px; margin-left: 0; }
.rc-values .rc-switch button:last-child { border-radius: 0 3px 3px 0; }
.rc-values .rc-switch button[aria-pressed="true"] { background: var(--rc-accent); border-color: var(--rc-accent); color: var(--rc-bg); font-weight: 600; }
.rc-values .rc-runs-as { display: inline-flex; align-items: center; gap: 4px; }
.rc-values .rc-caption { color: var(--rc-fg-muted); }
.rc-values .rc-extremes-key { color: var(--rc-fg-muted); display: inline-flex; gap: 10px; }
.rc-values .rc-extremes-key[hidden] { display: none; }
.rc-values .rc-extremes-key span { padding: 0 4px; border-radius: 2px; }
/* Positioned, so the visually hidden labels of cells scrolled out of view are clipped with them. */
.rc-values .rc-values-scroll { position: relative; overflow: auto; max-height: ${SCROLL_MAX_HEIGHT}px; border-top: 1px solid var(--rc-grid); }
.rc-values table { border-collapse: separate; border-spacing: 0; table-layout: fixed; font-variant-numeric: tabular-nums; }
.rc-values th, .rc-values td { padding: 3px 6px; border-bottom: 1px solid var(--rc-grid); overflow: hidden; white-space: nowrap; text-overflow: ellipsis; box-sizing: border-box; }
.rc-values td { text-align: right; }
.rc-values tbody th, .rc-values tbody td { height: 24px; line-height: 16px; }
.rc-values td.rc-spacer, .rc-values th.rc-spacer { padding: 0; border: none; }
.rc-values thead th { position: sticky; top: 0; z-index: 2; background: var(--rc-bg); vertical-align: bottom; font-weight: 600; text-align: right; }
.rc-values .rc-heading { position: sticky; left: 0; z-index: 1; background: var(--rc-bg); text-align: left; font-weight: 600; border-right: 1px solid var(--rc-grid); }
.rc-values thead .rc-heading { z-index: 3; }
.rc-values .rc-column { white-space: normal; }
.rc-values .rc-column-head { display: flex; align-items: flex-end; justify-content: flex-end; gap: 2px; }
.rc-values .rc-column .rc-run-name, .rc-values .rc-series-name { all: unset; text-align: right; overflow-wrap: anywhere; min-width: 0; }
.rc-values .rc-column .rc-run-name { cursor: pointer; }
.rc-values .rc-heading .rc-run-name { all: unset; cursor: pointer; display: block; width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rc-values .rc-run-name:focus-visible, .rc-values .rc-sort:focus-visible, .rc-values .rc-extremes button:focus-visible { outline: 2px solid var(--rc-accent); }
.rc-values .rc-values-table button.rc-sort { border: none; background: none; padding: 0 2px; color: var(--rc-fg-muted); flex: none; }
.rc-values .rc-values-table button.rc-sort[data-direction] { color: var(--rc-accent); }
/* Each series' extremes stay in view: under its name (runs as rows), or in the last column, kept at the right (runs as columns). */
.rc-values .rc-extremes { display: flex; gap: 0 8px; justify-content: flex-end; flex-wrap: wrap; font-weight: normal; }
.rc-values .rc-column .rc-extremes { flex-direction: column; align-items: flex-end; margin-top: 2px; }
.rc-values td.rc-extremes, .rc-values th.rc-extremes { display: table-cell; position: sticky; right: 0; z-index: 1; background: var(--rc-bg); border-left: 1px solid var(--rc-grid); text-align: right; }
.rc-values thead th.rc-extremes { z-index: 3; color: var(--rc-fg-muted); }
.rc-values td.rc-extremes button { margin-left: 8px; }
.rc-values .rc-extremes button { all: unset; cursor: pointer; white-space: nowrap; }
.rc-values .rc-extremes button:hover { text-decoration: underline; }
.rc-values .rc-selected { box-shadow: inset 2px 0 var(--rc-accent), inset -2px 0 var(--rc-accent); }
.rc-values thead .rc-selected { color: var(--rc-accent); box-shadow: inset 2px 0 var(--rc-accent), inset -2px 0 var(--rc-accent), inset 0 2px var(--rc-accent); }
.rc-values tr.rc-selected > * { box-shadow: inset 0 2px var(--rc-accent), inset 0 -2px var(--rc-accent); }
.rc-values tr.rc-selected > .rc-heading { color: var(--rc-accent); }
/* The run under the pointer: its row, or its column. A tint over whatever background a cell has. */
.rc-values tr.rc-hovered > :not(.rc-spacer), .rc-values td.rc-hovered, .rc-values th.rc-hovered { background-image: var(--rc-hover-tint); }
.rc-values tr.rc-hovered > .rc-heading, .rc-values th.rc-column.rc-hovered { color: var(--rc-accent); }
.rc-values .rc-flash { animation: rc-values-flash 1.2s ease-out; }
@keyframes rc-values-flash { from { box-shadow: inset 0 0 0 100px color-mix(in srgb, var(--rc-accent) 40%, transparent); } to { box-shadow: none; } }
.rc-values .rc-max { background-color: color-mix(in srgb, var(--rc-max) 24%, transparent); }
.rc-values .rc-min { background-color: color-mix(in srgb, var(--rc-min) 24%, transparent); }
.rc-values .rc-extremes .rc-max, .rc-values .rc-extremes .rc-min { background: none; }
.rc-values .rc-mark { float: left; font-size: 9px; line-height: 16px; }
.rc-values .rc-max .rc-mark, .rc-values .rc-extremes-key .rc-max, .rc-values .rc-extremes .rc-max { color: var(--rc-max); }
.rc-values .rc-min .rc-mark, .rc-values .rc-extremes-key .rc-min, .rc-values .rc-extremes .rc-min { color: var(--rc-min); }
.rc-values .rc-missing { color: var(--rc-fg-muted); }
.rc-values .rc-values-significance { max-height: 260px; overflow-y: auto; padding: 0 8px; }
.rc-values .rc-values-significance[hidden] { display: none; }
.rc-values .rc-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export function valuesStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS + SIGNIFICANCE_CSS;
  return style;
}
