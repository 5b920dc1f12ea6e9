/** The values table's own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-values {
  --rc-max: var(--rc-values-max, #e8590c);
  --rc-min: var(--rc-values-min, #1c7ed6);
}
.rc-values .rc-switch { display: inline-flex; }
.rc-values .rc-switch button { border-radius: 0; margin-left: -1px; min-width: 44px; }
.rc-values .rc-switch button:first-child { border-radius: 3px 0 0 3px; margin-left: 0; }
.rc-values .rc-switch button:last-child { border-radius: 0 3px 3px 0; }
.rc-values .rc-switch button[aria-pressed="true"] { background: var(--rc-accent); border-color: var(--rc-accent); color: var(--rc-bg); font-weight: 600; }
.rc-values .rc-extremes-key { color: var(--rc-fg-muted); display: inline-flex; gap: 10px; }
.rc-values .rc-extremes-key[hidden] { display: none; }
.rc-values .rc-extremes-key span { padding: 0 4px; border-radius: 2px; }
/* Positioned, so the visually hidden labels of cells scrolled out of view are clipped with them. */
.rc-values .rc-values-scroll { position: relative; overflow: auto; max-height: 520px; border-top: 1px solid var(--rc-grid); }
.rc-values table { border-collapse: separate; border-spacing: 0; table-layout: fixed; font-variant-numeric: tabular-nums; }
.rc-values th, .rc-values td { padding: 3px 6px; border-bottom: 1px solid var(--rc-grid); overflow: hidden; white-space: nowrap; text-overflow: ellipsis; box-sizing: border-box; }
.rc-values td { text-align: right; }
.rc-values tbody th, .rc-values tbody td { height: 24px; line-height: 16px; }
.rc-values td.rc-spacer, .rc-values th.rc-spacer { padding: 0; }
.rc-values thead th { position: sticky; top: 0; z-index: 2; background: var(--rc-bg); vertical-align: bottom; font-weight: 600; text-align: right; }
.rc-values .rc-metric { position: sticky; left: 0; z-index: 1; background: var(--rc-bg); text-align: left; font-weight: 600; border-right: 1px solid var(--rc-grid); }
.rc-values thead .rc-metric { z-index: 3; }
.rc-values .rc-run { cursor: pointer; white-space: normal; }
.rc-values .rc-run-head { display: flex; align-items: flex-end; justify-content: flex-end; gap: 2px; }
.rc-values .rc-run-name {
  all: unset; cursor: pointer; overflow: hidden; text-align: right; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical;
}
.rc-values .rc-run-name:focus-visible, .rc-values .rc-sort:focus-visible { outline: 2px solid var(--rc-accent); }
.rc-values .rc-values-table button.rc-sort { border: none; background: none; padding: 0 2px; color: var(--rc-fg-muted); flex: none; }
.rc-values .rc-values-table button.rc-sort[data-direction] { color: var(--rc-accent); }
.rc-values .rc-selected { box-shadow: inset 2px 0 var(--rc-accent), inset -2px 0 var(--rc-accent); }
.rc-values thead .rc-selected { color: var(--rc-accent); box-shadow: inset 2px 0 var(--rc-accent), inset -2px 0 var(--rc-accent), inset 0 2px var(--rc-accent); }
.rc-values .rc-max { background: color-mix(in srgb, var(--rc-max) 24%, transparent); }
.rc-values .rc-min { background: color-mix(in srgb, var(--rc-min) 24%, transparent); }
.rc-values .rc-mark { float: left; font-size: 9px; line-height: 16px; }
.rc-values .rc-max .rc-mark, .rc-values .rc-extremes-key .rc-max { color: var(--rc-max); }
.rc-values .rc-min .rc-mark, .rc-values .rc-extremes-key .rc-min { color: var(--rc-min); }
.rc-values .rc-missing { color: var(--rc-fg-muted); }
.rc-values .rc-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

export function valuesStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS;
  return style;
}
