import plugin from "../../schema/lab/plugin.json" with { type: "json" };

/**
 * The look of every view, as CSS custom properties that fall back to JupyterLab's theme
 * variables, so light, dark and high-contrast themes apply without any code.
 */
const CSS = `
.rc-view {
  --rc-fg: var(--jp-ui-font-color1, #1f2328);
  --rc-fg-muted: var(--jp-ui-font-color2, #59636e);
  --rc-bg: var(--jp-layout-color0, #ffffff);
  --rc-grid: var(--jp-border-color2, #d0d7de);
  --rc-faded: var(--jp-border-color2, #d0d7de);
  --rc-accent: var(--jp-brand-color1, #0969da);
  --rc-error-bg: var(--jp-error-color3, #ffebe9);
  --rc-error-fg: var(--jp-error-color1, #cf222e);
  --rc-font: var(--jp-ui-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  font: 12px var(--rc-font);
  color: var(--rc-fg);
  background: var(--rc-bg);
  position: relative;
  box-sizing: border-box;
  max-width: 100%;
}
.rc-view svg text { fill: var(--rc-fg); font: 11px var(--rc-font); }
.rc-view svg .domain, .rc-view svg .tick line { stroke: var(--rc-fg-muted); }
.rc-view .rc-plot { position: relative; }
.rc-view .rc-plot canvas, .rc-view .rc-plot svg { position: absolute; left: 0; top: 0; }
.rc-view .rc-axis-label { font-weight: 600; cursor: default; }
/* Labels drawn over lines keep a rim of the background, so they read over any colour. */
.rc-view.rc-parallel .tick text, .rc-view.rc-parallel .rc-missing-label {
  paint-order: stroke; stroke: var(--rc-bg); stroke-width: 3px; stroke-linejoin: round;
}
.rc-view .rc-toolbar select { max-width: 16em; }
.rc-view .rc-missing-label { fill: var(--rc-fg-muted); font-style: italic; }
.rc-view .rc-legend { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; min-height: 24px; padding: 2px 8px; }
.rc-view .rc-legend-title { font-weight: 600; }
.rc-view .rc-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
.rc-view .rc-status { color: var(--rc-fg-muted); margin-left: auto; }
.rc-view .selection { fill: var(--rc-accent); fill-opacity: 0.15; stroke: var(--rc-accent); }
.rc-view .rc-toolbar { display: flex; align-items: center; gap: 8px; padding: 4px 8px; flex-wrap: wrap; }
.rc-view .rc-controls { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; flex: 1; }
.rc-view .rc-exports { display: flex; gap: 4px; }
.rc-view .rc-own-exports { display: contents; }
.rc-view .rc-export-notice { color: var(--rc-fg-muted); font-size: 12px; }
.rc-view button, .rc-view select, .rc-view input {
  font: 12px var(--rc-font); color: var(--rc-fg); background: var(--jp-layout-color1, #f6f8fa);
  border: 1px solid var(--rc-grid); border-radius: 3px; padding: 2px 6px;
}
.rc-view button:hover { border-color: var(--rc-accent); cursor: pointer; }
.rc-view button:disabled { opacity: 0.5; cursor: default; }
.rc-view .rc-toggle { display: inline-flex; }
.rc-view .rc-toggle button { border-radius: 0; margin-left: -1px; }
.rc-view .rc-toggle button:first-child { border-radius: 3px 0 0 3px; margin-left: 0; }
.rc-view .rc-toggle button:last-child { border-radius: 0 3px 3px 0; }
.rc-view .rc-toggle button[aria-pressed="true"] { background: var(--rc-accent); color: var(--jp-ui-inverse-font-color1, #ffffff); border-color: var(--rc-accent); }
.rc-view label { display: inline-flex; align-items: center; gap: 4px; color: var(--rc-fg-muted); }
.rc-view .rc-tooltip {
  position: absolute; pointer-events: none; z-index: 10; max-width: 360px; padding: 6px 8px;
  background: var(--jp-layout-color1, #ffffff); color: var(--rc-fg); border: 1px solid var(--rc-grid);
  border-radius: 4px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18); font: 12px var(--rc-font);
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.rc-view .rc-tooltip-title { font-weight: 600; margin-bottom: 2px; overflow: hidden; text-overflow: ellipsis; }
.rc-view .rc-tooltip-row { display: flex; justify-content: space-between; gap: 12px; }
.rc-view .rc-tooltip-row span:first-child { color: var(--rc-fg-muted); }
.rc-view .rc-hint { color: var(--rc-fg-muted); padding: 2px 8px; }
.rc-view .rc-runlist { padding: 2px 8px; }
.rc-view .rc-runlist summary { cursor: pointer; color: var(--rc-fg-muted); }
.rc-view .rc-runlist ul { list-style: none; margin: 4px 0; padding: 0; max-height: 180px; overflow: auto; columns: 3 220px; }
.rc-view .rc-runlist li { cursor: pointer; padding: 1px 2px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rc-view .rc-runlist li:hover { background: var(--jp-layout-color2, #eaeef2); }
.rc-view .rc-runlist li.rc-hidden { opacity: 0.4; text-decoration: line-through; }
.rc-view .rc-axis-action text { fill: var(--rc-fg-muted); font-size: 11px; }
.rc-view .rc-axis-action:hover text { fill: var(--rc-accent); }
.rc-view .rc-notes { color: var(--rc-fg-muted); padding: 0 8px; }
.rc-view .rc-notes-line { margin: 2px 0; }
.rc-view .rc-scroll { overflow-x: auto; overflow-y: hidden; }
.rc-view .rc-frame { position: relative; }
.rc-view .rc-popover { position: relative; display: inline-block; }
.rc-view .rc-popover-panel {
  position: absolute; z-index: 20; top: calc(100% + 4px); left: 0; width: 340px; max-width: 80vw; padding: 6px;
  background: var(--jp-layout-color1, #ffffff); color: var(--rc-fg); border: 1px solid var(--rc-grid); border-radius: 4px;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18);
}
.rc-view .rc-popover-panel[hidden] { display: none; }
.rc-view .rc-export-dialog { position: relative; }
.rc-view .rc-export-dialog summary { cursor: pointer; color: var(--rc-fg); list-style: none; border: 1px solid var(--rc-grid); border-radius: 3px; padding: 0 6px; }
.rc-view .rc-export-form {
  position: absolute; z-index: 20; top: calc(100% + 4px); right: 0; width: 280px; max-width: 80vw; padding: 8px;
  display: grid; gap: 4px; background: var(--jp-layout-color1, #ffffff); color: var(--rc-fg);
  border: 1px solid var(--rc-grid); border-radius: 4px; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18);
}
.rc-view .rc-export-field { display: grid; grid-template-columns: 7em 1fr; align-items: center; gap: 6px; color: var(--rc-fg); }
.rc-view .rc-export-field input:not([type="checkbox"]), .rc-view .rc-export-field select { min-width: 0; }
.rc-view .rc-export-field input[type="checkbox"] { justify-self: start; }
.rc-view .rc-export-error { color: var(--rc-error-fg); margin: 0; white-space: pre-wrap; }
.rc-view .rc-export-error:empty { display: none; }
.rc-view .rc-column-picker input[type="search"] { width: 100%; box-sizing: border-box; }
.rc-view .rc-column-list { max-height: 280px; overflow-y: auto; margin-top: 4px; }
.rc-view .rc-column-list label { display: flex; gap: 6px; color: var(--rc-fg); padding: 1px 2px; }
.rc-view .rc-column-list [hidden] { display: none; }
.rc-view .rc-column-name { overflow-wrap: anywhere; }
.rc-view .rc-column-hint { color: var(--rc-fg-muted); margin-left: auto; white-space: nowrap; }
.rc-view .rc-column-group { font-weight: 600; margin: 6px 0 2px; }
.rc-view .rc-error { background: var(--rc-error-bg); color: var(--rc-error-fg); padding: 8px 12px; border-radius: 4px; white-space: pre-wrap; }
`;

/** A <style> for a view's root; each view carries its own so it works in any page or shadow root. */
export function viewStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS;
  return style;
}

/** A theme colour as the browser resolved it, for drawing on canvas. */
export function themeColor(element: Element, property: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(property).trim() || fallback;
}

/**
 * Calls back when the page's theme may have changed: JupyterLab switches themes by attributes
 * on <body> and by the CSS variables of its stylesheets, which canvases do not follow by themselves.
 */
export function watchTheme(changed: () => void): MutationObserver {
  const observer = new MutationObserver(changed);
  const attributes = { attributes: true, attributeFilter: ["class", "style", "data-jp-theme-name", "data-jp-theme-light"] };
  observer.observe(document.body, attributes);
  observer.observe(document.documentElement, attributes);
  return observer;
}

/** The default smoothing the JupyterLab extension's setting puts on the page (--rc-smoothing), else the setting's default. */
export function preferredSmoothing(): number {
  const { minimum, maximum, default: fallback } = plugin.properties.smoothing;
  if (typeof document === "undefined") return fallback;
  const value = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--rc-smoothing"));
  return value >= minimum && value <= maximum ? value : fallback;
}
