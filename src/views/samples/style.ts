import { HEADER_HEIGHT, LABEL_WIDTH } from "./geometry.js";

/** The samples view's own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-samples { --rc-panel: var(--jp-layout-color1, var(--rc-bg)); --rc-selected: color-mix(in srgb, var(--rc-accent) 14%, var(--rc-bg)); }
.rc-samples .rc-samples-grid { position: relative; overflow: auto; border-top: 1px solid var(--rc-grid); overscroll-behavior: contain; }
.rc-samples .rc-samples-canvas { position: relative; }
.rc-samples .rc-samples-head { position: sticky; top: 0; z-index: 3; height: ${HEADER_HEIGHT}px; background: var(--rc-bg); border-bottom: 1px solid var(--rc-grid); box-sizing: border-box; }
.rc-samples .rc-samples-corner { position: sticky; left: 0; z-index: 4; width: ${LABEL_WIDTH}px; height: 100%; background: var(--rc-bg); border-right: 1px solid var(--rc-grid); box-sizing: border-box; padding: 6px 8px; color: var(--rc-fg-muted); }
.rc-samples .rc-run-head { position: absolute; top: 0; height: ${HEADER_HEIGHT}px; display: flex; align-items: center; gap: 4px; padding: 0 6px; box-sizing: border-box; overflow: hidden; white-space: nowrap; font-weight: 600; cursor: pointer; border-right: 1px solid color-mix(in srgb, var(--rc-grid) 50%, transparent); }
.rc-samples .rc-run-head .rc-run-name { overflow: hidden; text-overflow: ellipsis; }
.rc-samples .rc-run-head .rc-base-mark { color: var(--rc-fg-muted); font-weight: 400; flex: none; }
.rc-samples .rc-run-head.rc-selected, .rc-samples .rc-sample-cell.rc-selected { background: var(--rc-selected); }
.rc-samples .rc-series-labels { position: sticky; left: 0; z-index: 2; width: ${LABEL_WIDTH}px; background: var(--rc-bg); border-right: 1px solid var(--rc-grid); box-sizing: border-box; }
.rc-samples .rc-series-label { position: absolute; left: 0; width: ${LABEL_WIDTH}px; padding: 6px 8px; box-sizing: border-box; font-weight: 600; overflow-wrap: anywhere; overflow: hidden; border-bottom: 1px solid color-mix(in srgb, var(--rc-grid) 50%, transparent); }
.rc-samples .rc-series-label .rc-variant { display: block; font-weight: 400; color: var(--rc-fg-muted); }
.rc-samples .rc-samples-cells { position: absolute; left: ${LABEL_WIDTH}px; top: ${HEADER_HEIGHT}px; }
.rc-samples .rc-sample-cell { position: absolute; box-sizing: border-box; padding: 4px 6px; display: flex; flex-direction: column; gap: 2px; contain: strict; border-right: 1px solid color-mix(in srgb, var(--rc-grid) 50%, transparent); border-bottom: 1px solid color-mix(in srgb, var(--rc-grid) 50%, transparent); outline: none; }
.rc-samples .rc-sample-cell:focus-visible { box-shadow: inset 0 0 0 2px var(--rc-accent); }
.rc-samples .rc-cell-steps { display: flex; align-items: center; gap: 2px; height: 22px; }
.rc-samples .rc-cell-steps[hidden] { visibility: hidden; display: flex; }
.rc-samples .rc-cell-steps button { padding: 0 5px; font-size: 12px; line-height: 16px; }
.rc-samples .rc-cell-steps input[type="range"] { flex: 1; min-width: 20px; padding: 0; margin: 0 2px; border: none; background: none; }
.rc-samples .rc-cell-media { flex: 1; display: flex; align-items: center; justify-content: center; overflow: hidden; min-height: 0; background: color-mix(in srgb, var(--rc-fg) 4%, transparent); border-radius: 3px; }
.rc-samples .rc-cell-media[data-loading] { background: repeating-linear-gradient(45deg, transparent 0 6px, color-mix(in srgb, var(--rc-fg) 6%, transparent) 6px 12px); }
.rc-samples .rc-sample-media { width: 100%; height: 100%; display: flex; align-items: center; justify-content: center; }
.rc-samples .rc-sample-image img { width: 100%; height: 100%; object-fit: contain; cursor: zoom-in; }
.rc-samples .rc-sample-image img.rc-pixelated { image-rendering: pixelated; }
.rc-samples .rc-sample-audio audio { width: 100%; }
.rc-samples .rc-sample-video video { max-width: 100%; max-height: 100%; }
.rc-samples .rc-sample-text { align-self: stretch; width: 100%; margin: 0; padding: 4px; box-sizing: border-box; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; font: 11px/1.35 var(--jp-code-font-family, ui-monospace, monospace); color: var(--rc-fg); }
.rc-samples .rc-sample-text ins { background: color-mix(in srgb, #2da44e 28%, transparent); text-decoration: none; }
.rc-samples .rc-sample-text del { background: color-mix(in srgb, #cf222e 22%, transparent); text-decoration: line-through; }
.rc-samples .rc-sample-more { color: var(--rc-fg-muted); }
.rc-samples .rc-sample-placeholder { padding: 8px; color: var(--rc-fg-muted); font-style: italic; text-align: center; overflow-wrap: anywhere; overflow: hidden; max-height: 100%; }
.rc-samples .rc-cell-caption { height: 16px; color: var(--rc-fg-muted); font-size: 11px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.rc-samples .rc-size input { width: 90px; }
.rc-samples .rc-sample-viewer { position: absolute; inset: 0; z-index: 30; display: flex; flex-direction: column; min-height: 420px; background: var(--rc-bg); border: 1px solid var(--rc-grid); box-shadow: 0 4px 18px rgba(0, 0, 0, 0.25); outline: none; }
.rc-samples .rc-viewer-bar { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; padding: 4px 8px; border-bottom: 1px solid var(--rc-grid); }
.rc-samples .rc-viewer-title { font-weight: 600; max-width: 40%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rc-samples .rc-viewer-readout { margin-left: auto; color: var(--rc-fg-muted); font-variant-numeric: tabular-nums; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 50%; }
.rc-samples .rc-viewer-stage { flex: 1; display: flex; gap: 4px; min-height: 0; cursor: grab; touch-action: none; }
.rc-samples .rc-viewer-pane { position: relative; flex: 1; overflow: hidden; background: repeating-conic-gradient(color-mix(in srgb, var(--rc-fg) 8%, transparent) 0 25%, transparent 0 50%) 0 0 / 16px 16px; }
.rc-samples .rc-viewer-canvas { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
.rc-samples .rc-viewer-canvas.rc-pixelated { image-rendering: pixelated; }
`;

export function samplesStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS;
  return style;
}
