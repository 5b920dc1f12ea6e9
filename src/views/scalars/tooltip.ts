import { format, utcFormat } from "d3";
import { lowerBound } from "../../data/reduce.js";
import { durationUnit, formatDuration } from "./axes.js";
import type { LegendEntry, Line } from "./model.js";
import type { XAxis } from "./options.js";

/** One line's point nearest the cursor. */
export interface HoverRow {
  readonly line: Line;
  readonly index: number;
  readonly value: number;
}

/** Rows beyond this many show as the ones nearest the cursor's value, with counts of the rest. */
export const MAX_ROWS = 24;

/**
 * Each line's point nearest to x (by x), for lines that have a value there (±∞ included, as
 * reported), sorted by the smoothed value, highest first.
 */
export function hoverRows(lines: readonly Line[], x: number): HoverRow[] {
  const rows: HoverRow[] = [];
  for (const line of lines) {
    const index = nearest(line.x, x);
    if (index < 0 || Number.isNaN(line.smoothed[index])) continue;
    rows.push({ line, index, value: line.smoothed[index] });
  }
  return rows.sort((a, b) => b.value - a.value || 0);
}

function nearest(xs: Float64Array, x: number): number {
  if (xs.length === 0) return -1;
  const i = lowerBound(xs, x);
  if (i === 0) return 0;
  if (i === xs.length) return xs.length - 1;
  return x - xs[i - 1] <= xs[i] - x ? i - 1 : i;
}

/** The rows to list: all, or MAX_ROWS around where the cursor's value falls among them. */
export function visibleWindow(rows: readonly HoverRow[], cursorValue: number): { from: number; to: number } {
  if (rows.length <= MAX_ROWS) return { from: 0, to: rows.length };
  let at = rows.findIndex((row) => row.value <= cursorValue);
  if (at < 0) at = rows.length;
  const from = Math.max(0, Math.min(rows.length - MAX_ROWS, at - MAX_ROWS / 2));
  return { from, to: from + MAX_ROWS };
}

const valueFormat = format(".4~g");
const stepFormat = format(",~r");
const wallFormat = utcFormat("%Y-%m-%d %H:%M:%S");

/** A value as the tooltip shows it: ±∞ for infinities (with d3's minus sign, as the numbers have). */
export function formatValue(value: number): string {
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "\u2212∞";
  return Number.isFinite(value) ? valueFormat(value) : String(value);
}

/** The cursor's x as the header says it; relative times in the unit of the axis' span. */
export function formatX(kind: XAxis, x: number, span: number): string {
  if (kind === "step") return `step ${stepFormat(x)}`;
  if (kind === "relative") return formatDuration(x, durationUnit(span));
  return `${wallFormat(new Date(x))} UTC`;
}

/**
 * Fills the tooltip: a header with the cursor's x, then one row per line: colour, name (as text),
 * smoothed value, raw value (when smoothing), step. Every piece of data goes in as textContent.
 */
export function renderTooltip(
  tooltip: HTMLElement,
  rows: readonly HoverRow[],
  header: string,
  cursorValue: number,
  showRaw: boolean,
  hovered: LegendEntry | null = null,
) {
  const { from, to } = visibleWindow(rows, cursorValue);
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const label of ["", "name", showRaw ? "smoothed" : "value", ...(showRaw ? ["value"] : []), "step"]) {
    const th = document.createElement("th");
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  const more = (count: number, where: string) => {
    const cell = body.insertRow().insertCell();
    cell.colSpan = showRaw ? 5 : 4;
    cell.className = "rc-curve-more";
    cell.textContent = `… ${count} more ${where}`;
  };
  if (from > 0) more(from, "above");
  for (const { line, index, value } of rows.slice(from, to)) {
    const row = body.insertRow();
    row.className = line.entry === hovered ? "rc-curve-row rc-hovered" : "rc-curve-row";
    const swatch = document.createElement("span");
    swatch.className = "rc-swatch";
    swatch.style.background = line.entry.color;
    row.insertCell().append(swatch);
    const name = row.insertCell();
    name.className = "rc-curve-name";
    name.textContent = line.variant === null ? line.entry.label : `${line.entry.label} · ${line.variant}`;
    const cells = [formatValue(value), ...(showRaw ? [formatValue(line.raw[index])] : []), stepFormat(line.steps[index])];
    for (const text of cells) {
      const cell = row.insertCell();
      cell.className = "rc-curve-number";
      cell.textContent = text;
    }
  }
  if (to < rows.length) more(rows.length - to, "below");
  const title = document.createElement("div");
  title.className = "rc-curve-tooltip-title";
  title.textContent = header;
  tooltip.replaceChildren(title, table);
}
