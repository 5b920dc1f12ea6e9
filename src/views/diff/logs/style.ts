import { LOG_ROW_HEIGHT } from "./pane.js";

/** The logs view's own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-logs {
  --rc-line-added: var(--rc-diff-added, var(--jp-success-color1, #2da44e));
  --rc-line-removed: var(--rc-diff-removed, var(--jp-error-color1, #cf222e));
  --rc-changed: var(--rc-diff-changed, var(--jp-warn-color1, #bf8700));
  outline: none;
}
.rc-logs .rc-log-panes { display: flex; gap: 2px; border-top: 1px solid var(--rc-grid); }
.rc-logs .rc-log-pane { position: relative; flex: 1; min-width: 0; overflow: auto; outline: none; overscroll-behavior: contain; }
.rc-logs .rc-log-pane:focus-visible { box-shadow: inset 0 0 0 2px var(--rc-accent); }
.rc-logs .rc-log-left { border-right: 1px solid var(--rc-grid); }
.rc-logs .rc-log-body { position: relative; min-width: 100%; }
.rc-logs .rc-log-row { position: absolute; left: 0; right: 0; height: ${LOG_ROW_HEIGHT}px; line-height: ${LOG_ROW_HEIGHT}px; white-space: pre; font: 12px/${LOG_ROW_HEIGHT}px var(--jp-code-font-family, ui-monospace, monospace); contain: layout style; }
.rc-logs .rc-log-number { display: inline-block; width: 48px; padding-right: 8px; text-align: right; color: var(--rc-fg-muted); user-select: none; }
.rc-logs .rc-log-removed { background: color-mix(in srgb, var(--rc-line-removed) 20%, transparent); }
.rc-logs .rc-log-added { background: color-mix(in srgb, var(--rc-line-added) 22%, transparent); }
.rc-logs .rc-log-changed { background: color-mix(in srgb, var(--rc-changed) 20%, transparent); }
.rc-logs .rc-log-numbers { background: color-mix(in srgb, var(--rc-changed) 7%, transparent); }
.rc-logs .rc-log-blank { background: repeating-linear-gradient(135deg, transparent 0 4px, color-mix(in srgb, var(--rc-fg) 7%, transparent) 4px 6px); }
.rc-logs .rc-log-row mark { background: color-mix(in srgb, var(--rc-changed) 45%, transparent); color: inherit; border-radius: 2px; }
.rc-logs .rc-log-focused { box-shadow: inset 3px 0 0 var(--rc-accent); }
`;

export function logsStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS;
  return style;
}
