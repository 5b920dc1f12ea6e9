/** The diff table's own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-diff {
  --rc-changed: var(--rc-diff-changed, var(--jp-warn-color1, #d4a72c));
  --rc-line-added: var(--rc-diff-added, var(--jp-success-color1, #2da44e));
  --rc-line-removed: var(--rc-diff-removed, var(--jp-error-color1, #cf222e));
  --rc-section-bg: var(--jp-layout-color2, #f6f8fa);
  --rc-code-font: var(--jp-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
}
.rc-diff:focus { outline: none; }
.rc-diff .rc-diff-lineage { margin: 4px 8px; padding: 6px 8px; border-left: 4px solid var(--rc-changed); background: color-mix(in srgb, var(--rc-changed) 18%, transparent); overflow-wrap: anywhere; }
.rc-diff .rc-diff-lineage[hidden] { display: none; }
.rc-diff:focus-visible { outline: 2px solid var(--rc-accent); outline-offset: -2px; }
.rc-diff .rc-diff-controls { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; padding: 4px 8px; }
.rc-diff .rc-diff-controls .rc-status { margin-left: 0; }
.rc-diff .rc-diff-tools { display: flex; align-items: center; gap: 8px; margin-left: auto; }
.rc-diff .rc-search { display: inline-flex; align-items: center; gap: 2px; }
.rc-diff .rc-search input { width: 180px; }
.rc-diff .rc-match-status { color: var(--rc-fg-muted); min-width: 64px; padding-left: 4px; }
.rc-diff .rc-diff-scroll { position: relative; overflow: auto; border-top: 1px solid var(--rc-grid); border-bottom: 1px solid var(--rc-grid); }
.rc-diff .rc-diff-head { position: sticky; top: 0; z-index: 3; display: flex; width: max-content; min-width: 100%; background: var(--rc-bg); border-bottom: 1px solid var(--rc-grid); }
.rc-diff .rc-diff-body { position: relative; }
.rc-diff .rc-diff-row { position: absolute; left: 0; right: 0; display: flex; contain: layout style; box-sizing: border-box; border-bottom: 1px solid color-mix(in srgb, var(--rc-grid) 60%, transparent); }
.rc-diff .rc-name {
  position: sticky; left: 0; z-index: 1; flex: none; box-sizing: border-box; width: var(--rc-diff-name);
  display: flex; align-items: center; gap: 4px; padding-right: 6px; overflow: hidden; white-space: nowrap;
  background: var(--rc-bg); border-right: 1px solid var(--rc-grid);
}
.rc-diff .rc-field-label { overflow: hidden; text-overflow: ellipsis; }
.rc-diff .rc-corner { z-index: 4; align-items: flex-end; padding: 4px 6px; font-weight: 600; color: var(--rc-fg-muted); }
.rc-diff .rc-run {
  flex: none; box-sizing: border-box; width: var(--rc-diff-column); padding: 4px 6px; cursor: grab;
  border-right: 1px solid color-mix(in srgb, var(--rc-grid) 60%, transparent);
}
.rc-diff .rc-run.rc-dragging { opacity: 0.5; }
.rc-diff .rc-run.rc-drop-before { box-shadow: inset 3px 0 var(--rc-accent); }
.rc-diff .rc-run.rc-drop-after { box-shadow: inset -3px 0 var(--rc-accent); }
.rc-diff .rc-run-actions { display: flex; justify-content: space-between; align-items: center; gap: 4px; min-height: 20px; }
.rc-diff .rc-run-actions button { padding: 0 5px; font-size: 11px; }
.rc-diff .rc-base-badge { color: var(--rc-accent); font-weight: 700; font-size: 10px; letter-spacing: 0.06em; text-transform: uppercase; }
.rc-diff .rc-run-name { font-weight: 600; overflow: hidden; overflow-wrap: anywhere; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.rc-diff .rc-base-head .rc-run-name { color: var(--rc-accent); }
.rc-diff .rc-cell {
  flex: none; box-sizing: border-box; width: var(--rc-diff-column); display: flex; align-items: center; gap: 6px;
  padding: 0 6px; overflow: hidden; white-space: nowrap; font-family: var(--rc-code-font); font-size: 12px;
  border-right: 1px solid color-mix(in srgb, var(--rc-grid) 60%, transparent);
}
.rc-diff .rc-value { overflow: hidden; text-overflow: ellipsis; min-width: 0; }
/* The base column stays on screen beside the names while the other runs scroll past. */
.rc-diff .rc-cell.rc-base, .rc-diff .rc-base-head {
  position: sticky; left: var(--rc-diff-name); z-index: 1; background-color: var(--rc-bg);
  box-shadow: inset 2px 0 color-mix(in srgb, var(--rc-accent) 60%, transparent), 2px 0 0 var(--rc-grid);
}
.rc-diff .rc-base-head { z-index: 2; }
.rc-diff .rc-gap { flex: none; }
.rc-diff .rc-cell.rc-changed { background: color-mix(in srgb, var(--rc-changed) 26%, transparent); }
.rc-diff .rc-cell[data-comparison="absent"], .rc-diff .rc-cell[data-comparison="added"] {
  background: repeating-linear-gradient(135deg, color-mix(in srgb, var(--rc-changed) 26%, transparent) 0 6px, color-mix(in srgb, var(--rc-changed) 12%, transparent) 6px 12px);
}
.rc-diff .rc-absent, .rc-diff .rc-empty { color: var(--rc-fg-muted); font-style: italic; font-family: var(--rc-font); }
.rc-diff .rc-empty { border: 1px dashed var(--rc-grid); border-radius: 3px; padding: 0 4px; }
.rc-diff .rc-badge { flex: none; margin-left: auto; padding: 0 5px; border: 1px solid var(--rc-grid); border-radius: 8px; font: 10px var(--rc-font); color: var(--rc-fg-muted); }
.rc-diff .rc-diff-row[data-kind="section"] { background: var(--rc-section-bg); }
.rc-diff .rc-diff-row[data-kind="section"] .rc-name { width: auto; min-width: var(--rc-diff-name); background: var(--rc-section-bg); border-right: none; }
.rc-diff button.rc-section-toggle { all: unset; display: inline-flex; align-items: center; gap: 6px; cursor: pointer; font-weight: 600; }
.rc-diff button.rc-section-toggle:focus-visible, .rc-diff button.rc-expand:focus-visible { outline: 2px solid var(--rc-accent); }
.rc-diff .rc-caret { display: inline-block; width: 10px; color: var(--rc-fg-muted); }
.rc-diff .rc-section-counts { font-weight: 400; color: var(--rc-fg-muted); }
.rc-diff .rc-diff-marker { color: var(--rc-changed); font-size: 10px; }
.rc-diff button.rc-expand { all: unset; cursor: pointer; width: 12px; color: var(--rc-fg-muted); text-align: center; }
.rc-diff .rc-diff-row[data-kind="text"] .rc-cell { align-items: stretch; padding: 3px; white-space: normal; }
.rc-diff .rc-text { flex: 1; overflow: auto; font: 12px/17px var(--rc-code-font); border: 1px solid var(--rc-grid); border-radius: 3px; background: var(--rc-bg); }
.rc-diff .rc-text.rc-absent { padding: 0 4px; }
.rc-diff .rc-line { white-space: pre; min-width: max-content; padding-right: 6px; }
.rc-diff .rc-sign { display: inline-block; width: 1.4em; text-align: center; color: var(--rc-fg-muted); user-select: none; }
.rc-diff .rc-line-added { background: color-mix(in srgb, var(--rc-line-added) 22%, transparent); }
.rc-diff .rc-line-removed { background: color-mix(in srgb, var(--rc-line-removed) 20%, transparent); }
.rc-diff .rc-line-changed { background: color-mix(in srgb, var(--rc-changed) 24%, transparent); }
.rc-diff .rc-line-skipped { color: var(--rc-fg-muted); font-style: italic; }
.rc-diff mark { background: color-mix(in srgb, var(--rc-accent) 32%, transparent); color: inherit; border-radius: 2px; }
.rc-diff .rc-diff-row.rc-focused > * { background-image: linear-gradient(color-mix(in srgb, var(--rc-accent) 14%, transparent), color-mix(in srgb, var(--rc-accent) 14%, transparent)); }
/* A match may lie past the first line of a long value, where no <mark> shows: the row says so. */
.rc-diff .rc-diff-row.rc-match .rc-name { box-shadow: inset 3px 0 color-mix(in srgb, var(--rc-accent) 45%, transparent); }
.rc-diff .rc-diff-row.rc-focused .rc-name { box-shadow: inset 3px 0 var(--rc-accent); }
.rc-diff .rc-diff-row.rc-flash::after {
  content: ""; position: absolute; inset: 0; z-index: 2; pointer-events: none;
  background: var(--rc-accent); opacity: 0; animation: rc-diff-flash 1.2s ease-out;
}
@keyframes rc-diff-flash { from { opacity: 0.35; } to { opacity: 0; } }
.rc-diff .rc-empty-table { padding: 12px; color: var(--rc-fg-muted); }
`;

export function diffStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS;
  return style;
}
