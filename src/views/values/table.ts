import { extremeOf, type RowExtremes } from "./extremes.js";
import { cellText } from "./format.js";
import type { RunColumns, ValueRow } from "./matrix.js";
import type { Summary } from "../../data/summaries.js";
import type { SortDirection } from "./sort.js";
import { widthForLines } from "./text.js";

/** Everything one frame of the table shows. */
export interface TableContent {
  readonly summary: Summary;
  readonly columns: RunColumns;
  readonly rows: readonly ValueRow[];
  /** Row indices in the order shown. */
  readonly order: Int32Array;
  /** Each row's extremes when they are highlighted, else null. */
  readonly extremes: readonly (RowExtremes | null)[] | null;
  /** Column indices of the selected runs. */
  readonly selected: ReadonlySet<number>;
  readonly sort: { readonly column: number; readonly direction: SortDirection } | null;
}

export interface TableGeometry {
  readonly metricWidth: number;
  readonly columnWidth: number;
}

/** Padding, the sort button and the gap beside a run's name in its header. */
const HEADER_CHROME = 30;
const NAME_LINES = 3;

/**
 * One width for every run column (the columns in view are computed from it): the narrowest at
 * which the longest names wrap onto three lines, from 64px to 136px of text.
 */
export function runColumnWidth(names: readonly string[], fontFamily: string): number {
  const font = `600 12px ${fontFamily}`;
  const longest = [...new Set(names)].sort((a, b) => b.length - a.length).slice(0, 50);
  return Math.max(...longest.map((name) => widthForLines(name, font, NAME_LINES, 64, 136))) + HEADER_CHROME;
}

export const MARK = { max: "▲", min: "▼" } as const;
export const EXTREME_LABEL = { max: "row maximum", min: "row minimum" } as const;
const SORT_GLYPH = { ascending: "↑", descending: "↓" } as const;

/**
 * Fills the table with the run columns [first, end) of the content; spacer cells stand in for the
 * columns either side, so the table keeps its full width and the scroll bar its meaning.
 */
export function renderTable(table: HTMLTableElement, content: TableContent, geometry: TableGeometry, [first, end]: [number, number]) {
  const { columns } = content;
  const total = columns.ids.length;
  table.style.width = `${geometry.metricWidth + total * geometry.columnWidth}px`;
  table.setAttribute("aria-colcount", String(total + 1));
  const spacers = (kind: "th" | "td") => [
    first > 0 ? spacer(kind, first * geometry.columnWidth) : null,
    end < total ? spacer(kind, (total - end) * geometry.columnWidth) : null,
  ];

  const head = document.createElement("tr");
  const corner = cell("th", "rc-metric", "metric");
  corner.style.width = `${geometry.metricWidth}px`;
  corner.scope = "col";
  const [headBefore, headAfter] = spacers("th");
  head.append(corner, ...(headBefore ? [headBefore] : []));
  for (let column = first; column < end; column++) head.append(runHeader(content, column, geometry.columnWidth));
  if (headAfter) head.append(headAfter);
  const thead = document.createElement("thead");
  thead.append(head);

  const tbody = document.createElement("tbody");
  for (const index of content.order) {
    const row = content.rows[index];
    const extremes = content.extremes?.[index] ?? null;
    const tr = document.createElement("tr");
    const label = cell("th", "rc-metric", row.key);
    label.scope = "row";
    label.title = row.key;
    label.setAttribute("aria-colindex", "1");
    const [before, after] = spacers("td");
    tr.append(label, ...(before ? [before] : []));
    for (let column = first; column < end; column++) tr.append(valueCell(row, column, extremes, content.selected.has(column)));
    if (after) tr.append(after);
    tbody.append(tr);
  }
  table.replaceChildren(thead, tbody);
}

function runHeader(content: TableContent, column: number, width: number): HTMLTableCellElement {
  const id = content.columns.ids[column];
  const name = content.columns.names[column];
  const th = cell("th", "rc-run");
  th.scope = "col";
  th.style.width = `${width}px`;
  th.dataset.column = String(column);
  th.setAttribute("aria-colindex", String(column + 2));
  th.title = name === id ? id : `${name}\n${id}`;
  const selected = content.selected.has(column);
  if (selected) th.classList.add("rc-selected");
  const direction = content.sort?.column === column ? content.sort.direction : null;
  th.setAttribute("aria-sort", direction ?? "none");

  const label = document.createElement("button");
  label.type = "button";
  label.className = "rc-run-name";
  label.textContent = name;
  label.setAttribute("aria-pressed", String(selected));
  const sort = document.createElement("button");
  sort.type = "button";
  sort.className = "rc-sort";
  sort.textContent = direction ? SORT_GLYPH[direction] : "↕";
  if (direction) sort.dataset.direction = direction;
  const action = direction === "ascending" ? "Sort rows by this run, descending" : direction ? "Restore the original row order" : "Sort rows by this run, ascending";
  sort.title = action;
  sort.setAttribute("aria-label", `${action}: ${name}`);
  const box = document.createElement("div");
  box.className = "rc-run-head";
  box.append(label, sort);
  th.append(box);
  return th;
}

function valueCell(row: ValueRow, column: number, extremes: RowExtremes | null, selected: boolean): HTMLTableCellElement {
  const value = row.values[column];
  const reported = row.reported[column] === 1;
  const td = cell("td");
  td.setAttribute("aria-colindex", String(column + 2));
  if (selected) td.classList.add("rc-selected");
  const text = document.createElement("span");
  text.className = "rc-value";
  text.textContent = cellText(value, reported);
  if (!reported) {
    td.classList.add("rc-missing");
    td.title = "not reported";
  } else if (text.textContent !== String(value)) {
    td.title = String(value);
  }
  const extreme = reported ? extremeOf(value, extremes) : null;
  if (extreme) {
    td.classList.add(`rc-${extreme}`);
    const mark = document.createElement("span");
    mark.className = "rc-mark";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = MARK[extreme];
    const label = document.createElement("span");
    label.className = "rc-visually-hidden";
    label.textContent = ` (${EXTREME_LABEL[extreme]})`;
    td.append(mark, text, label);
  } else {
    td.append(text);
  }
  return td;
}

function cell(kind: "th" | "td", className?: string, text?: string): HTMLTableCellElement {
  const element = document.createElement(kind);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function spacer(kind: "th" | "td", width: number): HTMLTableCellElement {
  const element = cell(kind, "rc-spacer");
  element.style.width = `${width}px`;
  element.setAttribute("aria-hidden", "true");
  return element;
}
