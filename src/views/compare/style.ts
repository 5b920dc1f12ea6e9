/** The comparison page's own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-compare .rc-compare-pane { border: 1px solid var(--rc-grid); border-radius: 4px; margin: 4px 8px; }
.rc-compare .rc-compare-pane > summary { cursor: pointer; padding: 4px 8px; font-weight: 600; }
.rc-compare .rc-compare-runs { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; padding: 4px 8px; max-height: 96px; overflow-y: auto; }
.rc-compare .rc-compare-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; padding: 4px 8px 0; }
.rc-compare .rc-compare-label { color: var(--rc-fg-muted); }
.rc-compare .rc-compare-run { display: inline-flex; align-items: center; gap: 2px; border: 1px solid var(--rc-grid); border-radius: 10px; padding: 0 2px 0 6px; max-width: 22em; }
.rc-compare .rc-compare-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rc-compare .rc-compare-run.rc-hidden-run .rc-compare-name { text-decoration: line-through; color: var(--rc-fg-muted); }
.rc-compare .rc-compare-run button { border: none; background: none; padding: 0 3px; color: var(--rc-fg-muted); }
.rc-compare .rc-compare-tabs { display: flex; gap: 2px; padding: 4px 8px 0; border-bottom: 1px solid var(--rc-grid); }
.rc-compare .rc-compare-tabs button { border-radius: 4px 4px 0 0; border-bottom: none; background: none; }
.rc-compare .rc-compare-tabs button[aria-selected="true"] { background: var(--rc-bg); color: var(--rc-accent); border-color: var(--rc-grid); font-weight: 600; position: relative; top: 1px; }
.rc-compare .rc-compare-switch { padding: 6px 8px 0; }
.rc-compare .rc-compare-switch:empty { display: none; }
.rc-compare .rc-compare-empty { color: var(--rc-fg-muted); padding: 16px 8px; }
/* Tabs and views out of sight keep their width (they are clipped, not taken out of the layout), so showing one again draws nothing anew. */
.rc-compare .rc-compare-panel[hidden], .rc-compare .rc-compare-host > [hidden] { display: block; visibility: hidden; height: 0; overflow: hidden; }
`;

export function compareStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS;
  return style;
}
