import type { Extreme } from "./extremes.js";
import { cellText } from "./format.js";
import { cellAt, columnCount, columnHeading, cornerText, extremeLabel, extremeRun, rowHeading, type Grid, type Heading } from "./grid.js";
import { fontMeasure, narrowestFit } from "../../render/text.js";
import { appendBreakable } from "./text.js";

export interface TableGeometry {
  /** The sticky first column: series keys, or run names. */
  readonly headingWidth: number;
  /** Every other column. */
  readonly columnWidth: number;
  /** The sticky last column of each series' extremes, when runs are columns. */
  readonly extremesWidth: number;
}

/** Every body row is this tall (CSS pixels), so the rows in view follow from the scroll position. */
export const ROW_HEIGHT = 24;
/** Padding, the sort button and the gap beside a name in its header. */
const HEADER_CHROME = 30;
const NAME_LINES = 3;

/**
 * One width for all the columns but the first: the narrowest, in 8px steps from `minimum` to
 * 136px of text, at which the longest headings (run names, or series keys) wrap onto three
 * lines where names break (render/text.ts). Longer headings take more lines on screen: a header
 * is as tall as its longest name needs, never cut.
 */
export function columnWidth(headings: readonly string[], fontFamily: string, minimum = 64): number {
  const longest = [...new Set(headings)].sort((a, b) => b.length - a.length).slice(0, 50);
  return narrowestFit(longest, fontMeasure(`600 12px ${fontFamily}`), NAME_LINES, minimum, 136) + HEADER_CHROME;
}

export const MARK = { max: "▲", min: "▼" } as const;
const SORT_GLYPH = { ascending: "↑", descending: "↓" } as const;

/**
 * Fills the table with rows [firstRow, endRow) and columns [first, end) of the grid; spacer
 * rows and cells stand in for the rest, so the table keeps its full size and the scroll bars
 * their meaning. The first column and the header row stay in place (sticky).
 */
export function renderTable(
  table: HTMLTableElement,
  grid: Grid,
  geometry: TableGeometry,
  [first, end]: [number, number],
  [firstRow, endRow]: [number, number],
) {
  const total = columnCount(grid);
  const extremesColumn = grid.runsAs === "columns" && grid.extremes !== null;
  table.style.width = `${geometry.headingWidth + total * geometry.columnWidth + (extremesColumn ? geometry.extremesWidth : 0)}px`;
  table.setAttribute("aria-colcount", String(total + 1));
  table.setAttribute("aria-rowcount", String(grid.order.length + 1));
  table.dataset.runsAs = grid.runsAs;
  const spacers = (kind: "th" | "td") => [
    first > 0 ? spacer(kind, first * geometry.columnWidth) : null,
    end < total ? spacer(kind, (total - end) * geometry.columnWidth) : null,
  ];

  const head = document.createElement("tr");
  const corner = cell("th", "rc-heading rc-corner", cornerText(grid));
  corner.style.width = `${geometry.headingWidth}px`;
  corner.scope = "col";
  const [headBefore, headAfter] = spacers("th");
  head.append(corner, ...(headBefore ? [headBefore] : []));
  for (let column = first; column < end; column++) head.append(columnHeader(grid, column, geometry.columnWidth));
  if (headAfter) head.append(headAfter);
  if (extremesColumn) {
    const key = cell("th", "rc-extremes", "extremes");
    key.style.width = `${geometry.extremesWidth}px`;
    key.title = "Each series' highest and lowest value: click one to show its run";
    head.append(key);
  }
  const thead = document.createElement("thead");
  thead.append(head);

  const tbody = document.createElement("tbody");
  const width = total + 1 + (extremesColumn ? 1 : 0);
  if (firstRow > 0) tbody.append(spacerRow(firstRow * ROW_HEIGHT, width));
  for (let row = firstRow; row < endRow; row++) {
    const heading = rowHeading(grid, row);
    const tr = document.createElement("tr");
    tr.setAttribute("aria-rowindex", String(row + 2));
    const label = cell("th", "rc-heading");
    label.scope = "row";
    label.setAttribute("aria-colindex", "1");
    if (heading.run >= 0) {
      tr.dataset.run = String(heading.run);
      if (grid.selected.has(heading.run)) tr.classList.add("rc-selected");
      label.append(runButton(heading, grid.selected.has(heading.run), false));
      label.title = runTitle(heading);
    } else {
      label.textContent = heading.text;
      label.title = heading.text;
    }
    const [before, after] = spacers("td");
    tr.append(label, ...(before ? [before] : []));
    for (let column = first; column < end; column++) tr.append(valueCell(grid, row, column));
    if (after) tr.append(after);
    if (extremesColumn) tr.append(extremesCell("td", grid, grid.order[row]));
    tbody.append(tr);
  }
  if (endRow < grid.order.length) tbody.append(spacerRow((grid.order.length - endRow) * ROW_HEIGHT, width));
  table.replaceChildren(thead, tbody);
}

function columnHeader(grid: Grid, column: number, width: number): HTMLTableCellElement {
  const heading = columnHeading(grid, column);
  const th = cell("th", heading.run >= 0 ? "rc-column rc-run" : "rc-column rc-series");
  th.scope = "col";
  th.style.width = `${width}px`;
  th.dataset.column = String(column);
  th.setAttribute("aria-colindex", String(column + 2));
  const direction = grid.sort?.column === column ? grid.sort.direction : null;
  th.setAttribute("aria-sort", direction ?? "none");

  let label: HTMLElement;
  if (heading.run >= 0) {
    th.dataset.run = String(heading.run);
    th.title = runTitle(heading);
    if (grid.selected.has(heading.run)) th.classList.add("rc-selected");
    label = runButton(heading, grid.selected.has(heading.run), true);
  } else {
    th.title = heading.text;
    label = document.createElement("span");
    label.className = "rc-series-name";
    appendBreakable(label, heading.text);
  }
  const sort = document.createElement("button");
  sort.type = "button";
  sort.className = "rc-sort";
  sort.textContent = direction ? SORT_GLYPH[direction] : "↕";
  if (direction) sort.dataset.direction = direction;
  const by = heading.run >= 0 ? "this run" : "this series";
  const action = direction === "ascending" ? `Sort rows by ${by}, descending` : direction ? "Restore the original row order" : `Sort rows by ${by}, ascending`;
  sort.title = action;
  sort.setAttribute("aria-label", `${action}: ${heading.text}`);
  const box = document.createElement("div");
  box.className = "rc-column-head";
  box.append(label, sort);
  th.append(box);
  // Runs down the rows: each series' extremes stay in view under its name.
  if (heading.run < 0 && grid.extremes) th.append(extremesCell("div", grid, column));
  return th;
}

/** A series' highest and lowest value, each a button that brings its run into view. */
function extremesCell<K extends "td" | "div">(kind: K, grid: Grid, series: number): HTMLElementTagNameMap[K] {
  const element = document.createElement(kind);
  element.className = "rc-extremes";
  for (const extreme of ["max", "min"] as const) {
    const run = extremeRun(grid, series, extreme);
    if (run < 0) continue;
    const value = grid.series[series].values[run];
    const button = document.createElement("button");
    button.type = "button";
    button.className = `rc-${extreme}`;
    button.dataset.action = "extreme";
    button.dataset.run = String(run);
    button.textContent = `${MARK[extreme]} ${cellText(value, true)}`;
    const label = `${extreme === "max" ? "Highest" : "Lowest"} ${grid.series[series].key}: ${value} (${grid.runs.names[run]}); click to show the run`;
    button.title = label;
    button.setAttribute("aria-label", label);
    element.append(button);
  }
  return element;
}

/** A run's name, which selects it; `wraps` in a column header, on one line (cut, whole on hover) in a row. */
function runButton(heading: Heading, selected: boolean, wraps: boolean): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "rc-run-name";
  // Chrome breaks at <wbr> even where white-space forbids wrapping.
  if (wraps) appendBreakable(button, heading.text);
  else button.textContent = heading.text;
  button.setAttribute("aria-pressed", String(selected));
  return button;
}

function runTitle(heading: Heading): string {
  return heading.text === heading.id ? heading.id : `${heading.text}\n${heading.id}`;
}

function valueCell(grid: Grid, row: number, column: number): HTMLTableCellElement {
  const { value, reported, run, extreme } = cellAt(grid, row, column);
  const td = cell("td");
  td.setAttribute("aria-colindex", String(column + 2));
  if (grid.runsAs === "columns") {
    td.dataset.run = String(run);
    if (grid.selected.has(run)) td.classList.add("rc-selected");
  }
  const text = document.createElement("span");
  text.className = "rc-value";
  text.textContent = cellText(value, reported);
  if (!reported) {
    td.classList.add("rc-missing");
    td.title = "not reported";
  } else if (text.textContent !== String(value)) {
    td.title = String(value);
  }
  if (extreme) {
    td.classList.add(`rc-${extreme}`);
    td.append(mark(extreme), text, hidden(` (${extremeLabel(grid.runsAs, extreme)})`));
  } else {
    td.append(text);
  }
  return td;
}

function mark(extreme: Extreme): HTMLElement {
  const span = document.createElement("span");
  span.className = "rc-mark";
  span.setAttribute("aria-hidden", "true");
  span.textContent = MARK[extreme];
  return span;
}

function hidden(text: string): HTMLElement {
  const span = document.createElement("span");
  span.className = "rc-visually-hidden";
  span.textContent = text;
  return span;
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

function spacerRow(height: number, columns: number): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.className = "rc-spacer-row";
  tr.setAttribute("aria-hidden", "true");
  const td = cell("td", "rc-spacer");
  td.colSpan = columns;
  td.style.height = `${height}px`;
  tr.append(td);
  return tr;
}
