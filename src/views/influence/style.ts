/** The parameter importance bars' own rules, on top of the shared view style (src/render/style.ts). */
const CSS = `
.rc-influence-container { padding: 4px 8px; max-width: 100%; overflow-x: auto; }
.rc-influence { display: block; }
.rc-influence-row { cursor: pointer; }
.rc-influence-bar { fill: var(--rc-accent); }
.rc-influence-chance { stroke: var(--rc-fg); stroke-width: 2; }
.rc-view svg text.rc-influence-numbers, .rc-view svg text.rc-influence-caption { fill: var(--rc-fg-muted); font-variant-numeric: tabular-nums; }
.rc-influence-row:hover .rc-row-hit { fill: color-mix(in srgb, var(--rc-accent) 12%, transparent); }
.rc-view svg .rc-influence-row.rc-selected text.rc-influence-label { font-weight: 700; fill: var(--rc-accent); }
.rc-influence-row.rc-selected .rc-row-hit { fill: color-mix(in srgb, var(--rc-accent) 20%, transparent); }
`;

export function influenceStyle(): HTMLStyleElement {
  const style = document.createElement("style");
  style.textContent = CSS;
  return style;
}
