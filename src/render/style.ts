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
.rc-view .rc-missing-label { fill: var(--rc-fg-muted); font-style: italic; }
.rc-view .rc-legend { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; min-height: 24px; padding: 2px 8px; }
.rc-view .rc-legend-title { font-weight: 600; }
.rc-view .rc-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
.rc-view .rc-status { color: var(--rc-fg-muted); margin-left: auto; }
.rc-view .selection { fill: var(--rc-accent); fill-opacity: 0.15; stroke: var(--rc-accent); }
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
