import { CHECK_WIDTH, HEADER_HEIGHT, ROW_HEIGHT } from "./geometry.js";

/** The runs table's own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-table {
  --rc-row-alt: var(--rc-table-row-alt, color-mix(in srgb, var(--rc-fg) 3%, transparent));
  --rc-row-hover: var(--rc-table-row-hover, color-mix(in srgb, var(--rc-accent) 8%, var(--rc-bg)));
  --rc-row-selected: var(--rc-table-row-selected, color-mix(in srgb, var(--rc-accent) 16%, var(--rc-bg)));
  --rc-top: var(--rc-table-top, #bf8700);
  --rc-ok: var(--jp-success-color1, #1a7f37);
  --rc-running: var(--jp-info-color1, #0969da);
  --rc-failed: var(--jp-error-color1, #cf222e);
  --rc-stopped: var(--jp-warn-color1, #9a6700);
  --rc-panel: var(--jp-layout-color1, var(--rc-bg));
}
.rc-table .rc-search { width: 220px; }
.rc-table .rc-topk input { width: 44px; }
.rc-table .rc-topk[hidden] { display: none; }
.rc-table .rc-chips { display: flex; flex-wrap: wrap; gap: 4px; padding: 0 8px 4px; }
.rc-table .rc-chips:empty { display: none; }
.rc-table .rc-filter-chip { display: inline-flex; align-items: center; border: 1px solid var(--rc-accent); border-radius: 12px; overflow: hidden; max-width: 360px; }
.rc-table .rc-filter-chip > * { border: none; border-radius: 0; background: none; color: var(--rc-fg); padding: 1px 6px; }
.rc-table .rc-filter-chip-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rc-table .rc-filter-chip-remove { color: var(--rc-fg-muted); padding: 1px 6px 1px 2px; }
.rc-table .rc-filter-chip-remove:hover { color: var(--rc-accent); }
.rc-table .rc-grid { position: relative; overflow: auto; border-top: 1px solid var(--rc-grid); outline: none; overscroll-behavior: contain; }
.rc-table .rc-grid:focus-visible { box-shadow: inset 0 0 0 2px var(--rc-accent); }
.rc-table .rc-grid-canvas { position: relative; }
.rc-table .rc-grid-head { position: sticky; top: 0; z-index: 3; height: ${HEADER_HEIGHT}px; background: var(--rc-bg); border-bottom: 1px solid var(--rc-grid); box-sizing: border-box; }
.rc-table .rc-grid-body { position: absolute; left: 0; top: ${HEADER_HEIGHT}px; }
/* Containment keeps a scroll's new rows from laying out the others again. */
.rc-table .rc-row { position: absolute; left: 0; height: ${ROW_HEIGHT}px; background: var(--rc-bg); contain: layout style; }
.rc-table .rc-row > .rc-cell { contain: strict; }
.rc-table .rc-row.rc-odd { background: linear-gradient(var(--rc-row-alt), var(--rc-row-alt)), var(--rc-bg); }
.rc-table .rc-row:hover { background: var(--rc-row-hover); }
.rc-table .rc-row.rc-selected { background: var(--rc-row-selected); }
.rc-table .rc-row.rc-cursor { box-shadow: inset 0 0 0 1px var(--rc-accent); }
.rc-table .rc-pinned { position: sticky; left: 0; z-index: 2; display: flex; height: 100%; background: inherit; border-right: 1px solid var(--rc-grid); box-sizing: border-box; }
.rc-table .rc-grid-head .rc-pinned { z-index: 4; background: var(--rc-bg); }
.rc-table .rc-cell { position: absolute; top: 0; height: ${ROW_HEIGHT}px; line-height: ${ROW_HEIGHT}px; padding: 0 6px; box-sizing: border-box; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; border-bottom: 1px solid color-mix(in srgb, var(--rc-grid) 60%, transparent); }
.rc-table .rc-pinned .rc-cell { position: relative; flex: none; }
.rc-table .rc-check { width: ${CHECK_WIDTH}px; text-align: center; padding: 0; cursor: pointer; user-select: none; }
.rc-table .rc-check input { margin: 0; vertical-align: middle; cursor: pointer; }
.rc-table .rc-rank { text-align: right; color: var(--rc-fg-muted); font-variant-numeric: tabular-nums; }
.rc-table .rc-rank[hidden] { display: none; }
.rc-table .rc-row.rc-top .rc-rank { color: var(--rc-top); font-weight: 700; }
.rc-table .rc-row.rc-top .rc-pinned { box-shadow: inset 3px 0 var(--rc-top); }
.rc-table .rc-name { font-weight: 600; }
.rc-table .rc-kind-number, .rc-table .rc-kind-duration { text-align: right; font-variant-numeric: tabular-nums; }
.rc-table .rc-row .rc-kind-time { color: var(--rc-fg-muted); }
.rc-table .rc-head-cell { position: absolute; top: 0; height: ${HEADER_HEIGHT - 1}px; padding: 4px 6px 0; box-sizing: border-box; display: flex; flex-direction: column; justify-content: flex-end; cursor: pointer; user-select: none; touch-action: none; background: var(--rc-bg); }
.rc-table .rc-pinned .rc-head-cell { position: relative; flex: none; }
.rc-table .rc-head-cell.rc-check { justify-content: center; padding: 0; }
.rc-table .rc-head-cell.rc-dragging { z-index: 5; opacity: 0.85; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25); }
.rc-table .rc-drop-mark { position: absolute; top: 0; bottom: 0; width: 2px; background: var(--rc-accent); z-index: 6; }
.rc-table .rc-head-section { color: var(--rc-fg-muted); font-size: 10px; line-height: 14px; min-height: 14px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.rc-table .rc-head-main { display: flex; align-items: center; gap: 2px; line-height: 22px; min-width: 0; }
.rc-table .rc-head-label { font-weight: 600; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; flex: 0 1 auto; min-width: 0; }
.rc-table .rc-kind-number .rc-head-main, .rc-table .rc-kind-duration .rc-head-main { justify-content: flex-end; }
.rc-table .rc-kind-number .rc-head-section, .rc-table .rc-kind-duration .rc-head-section { text-align: right; }
.rc-table .rc-sort-mark { color: var(--rc-accent); font-size: 10px; flex: none; }
.rc-table .rc-grid-head button.rc-filter-button { flex: none; border: none; background: none; padding: 0 3px; color: var(--rc-fg-muted); line-height: 16px; }
.rc-table .rc-grid-head button.rc-filter-button[aria-pressed="true"] { color: var(--rc-bg); background: var(--rc-accent); border-radius: 3px; }
.rc-table .rc-resize { position: absolute; top: 0; right: -3px; width: 7px; height: 100%; cursor: col-resize; z-index: 1; touch-action: none; }
.rc-table .rc-resize::after { content: ""; position: absolute; left: 3px; top: 8px; bottom: 8px; width: 1px; background: var(--rc-grid); }
.rc-table .rc-resize:hover::after { background: var(--rc-accent); width: 2px; }
.rc-table .rc-dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; vertical-align: 0; background: var(--rc-fg-muted); }
.rc-table .rc-status-ok { background: var(--rc-ok); }
.rc-table .rc-status-running { background: var(--rc-running); }
.rc-table .rc-status-failed { background: var(--rc-failed); }
.rc-table .rc-status-stopped { background: var(--rc-stopped); }
.rc-table .rc-progress { display: inline-block; width: 36px; height: 5px; margin-left: 6px; border-radius: 3px; background: var(--rc-grid); vertical-align: 1px; overflow: hidden; }
.rc-table .rc-progress span { display: block; height: 100%; background: var(--rc-running); }
.rc-table .rc-chip { display: inline-block; margin-right: 4px; padding: 0 6px; line-height: 18px; border-radius: 9px; font-size: 11px; border: 1px solid var(--rc-chip); background: color-mix(in srgb, var(--rc-chip) 18%, var(--rc-bg)); color: var(--rc-fg); }
.rc-table .rc-popover { position: absolute; z-index: 20; background: var(--rc-panel); color: var(--rc-fg); border: 1px solid var(--rc-grid); border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2); padding: 8px; width: 280px; box-sizing: border-box; }
.rc-table .rc-popover input[type="search"] { width: 100%; box-sizing: border-box; }
.rc-table .rc-popover-title { font-weight: 600; margin-bottom: 6px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rc-table .rc-popover-actions { display: flex; gap: 4px; align-items: center; margin: 6px 0; flex-wrap: wrap; }
.rc-table .rc-chooser-count { color: var(--rc-fg-muted); margin-left: auto; }
.rc-table .rc-chooser-list, .rc-table .rc-value-list { max-height: 320px; overflow: auto; }
.rc-table .rc-chooser-heading { font-weight: 600; color: var(--rc-fg); margin-top: 6px; }
.rc-table .rc-chooser-row, .rc-table .rc-value-row { display: flex; align-items: center; gap: 6px; padding: 1px 0 1px 16px; color: var(--rc-fg); white-space: nowrap; }
.rc-table .rc-value-row { padding-left: 0; }
.rc-table .rc-chooser-row span, .rc-table .rc-value-text { overflow: hidden; text-overflow: ellipsis; flex: 1; min-width: 0; }
.rc-table .rc-chooser-series .rc-toggle button { padding: 0 4px; font-size: 10px; }
.rc-table .rc-value-count { color: var(--rc-fg-muted); font-variant-numeric: tabular-nums; }
.rc-table .rc-missing { color: var(--rc-fg-muted); font-style: italic; }
.rc-table .rc-note-line { color: var(--rc-fg-muted); margin: 4px 0; }
.rc-table .rc-filter-problem { color: var(--rc-error-fg); min-height: 0; }
.rc-table .rc-filter-problem:empty { display: none; }
.rc-table .rc-text-editor > button { margin: 4px 0; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rc-table .rc-histogram { display: block; margin: 4px 0; overflow: visible; }
.rc-table .rc-histogram .rc-bar-all { fill: var(--rc-faded); }
.rc-table .rc-histogram .rc-bar-kept { fill: var(--rc-accent); }
.rc-table .rc-range-text { color: var(--rc-fg-muted); font-variant-numeric: tabular-nums; }
.rc-table .rc-range-bounds { display: flex; gap: 8px; margin-top: 4px; }
.rc-table .rc-range-bounds label { flex: 1; min-width: 0; }
.rc-table .rc-range-bounds input { width: 100%; min-width: 0; box-sizing: border-box; }
.rc-table .rc-menu { display: flex; flex-direction: column; gap: 2px; }
.rc-table .rc-menu button { text-align: left; }
`;

export function tableStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS;
  return style;
}
