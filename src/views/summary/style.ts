/** The summary bars' own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-summary .rc-bars-scroll { overflow-x: auto; overflow-y: hidden; }
.rc-summary .rc-bars { display: block; }
.rc-summary .rc-bar { cursor: pointer; }
.rc-summary .rc-bar.rc-hover { stroke: var(--rc-fg); stroke-width: 1.5; }
.rc-summary .rc-no-bar { fill: var(--rc-fg-muted); }
.rc-summary .rc-zero { stroke: var(--rc-fg-muted); }
.rc-summary .rc-cluster-label { font-weight: 600; }
.rc-summary .rc-faded { opacity: 0.22; }
.rc-summary .rc-run-legend { display: flex; flex-wrap: wrap; gap: 2px 10px; padding: 4px 8px; max-height: 88px; overflow-y: auto; }
.rc-summary .rc-run-legend button { all: unset; cursor: pointer; white-space: nowrap; color: var(--rc-fg); }
.rc-summary .rc-run-legend button:focus-visible { outline: 2px solid var(--rc-accent); }
.rc-summary .rc-run-legend button[aria-pressed="true"] { font-weight: 600; color: var(--rc-accent); }
.rc-summary .rc-run-legend button.rc-faded { opacity: 0.45; }
`;

export function summaryStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS;
  return style;
}
