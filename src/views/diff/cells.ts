import type { Comparison } from "../../data/diff.js";
import { appendMarked } from "./marks.js";
import { shownNumber } from "./numbers.js";
import type { DisplayRow } from "./rows.js";

/** The indent of a field or section per level of nesting, in pixels. */
const INDENT = 14;
const MAX_TITLE = 2000;

const COMPARISON_TITLE: Record<Exclude<Comparison, "identical">, string> = {
  different: "differs from the base",
  absent: "absent here, present in the base",
  added: "present here, absent in the base",
};

/** The sticky first cell of a row: a section's toggle and counts, or a field's name. */
export function nameCell(row: Exclude<DisplayRow, { kind: "text" }>, path: string, pattern: RegExp | null, long: boolean, expanded: boolean): HTMLElement {
  const cell = document.createElement("div");
  cell.className = "rc-name";
  cell.style.paddingLeft = `${6 + row.depth * INDENT}px`;
  if (row.kind === "section") {
    cell.setAttribute("role", "rowheader");
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "rc-section-toggle";
    toggle.dataset.action = "section";
    toggle.dataset.section = row.key;
    toggle.setAttribute("aria-expanded", String(!row.collapsed));
    toggle.title = row.collapsed ? "Show this section's fields" : "Hide this section's fields";
    const caret = document.createElement("span");
    caret.className = "rc-caret";
    caret.setAttribute("aria-hidden", "true");
    caret.textContent = row.collapsed ? "▸" : "▾";
    const label = document.createElement("span");
    label.className = "rc-section-label";
    appendMarked(label, row.label, pattern);
    const counts = document.createElement("span");
    counts.className = "rc-section-counts";
    counts.textContent = `${row.fields} field${row.fields === 1 ? "" : "s"}${row.differing ? ` · ${row.differing} differ` : ""}`;
    toggle.append(caret, label, counts);
    if (row.differing) {
      const marker = document.createElement("span");
      marker.className = "rc-diff-marker";
      marker.title = `${row.differing} differing field${row.differing === 1 ? "" : "s"} inside`;
      marker.textContent = "●";
      toggle.append(marker);
    }
    cell.append(toggle);
    return cell;
  }
  cell.setAttribute("role", "rowheader");
  cell.title = path;
  if (long) {
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "rc-expand";
    toggle.dataset.action = "expand";
    toggle.dataset.field = String(row.field);
    toggle.setAttribute("aria-expanded", String(expanded));
    toggle.title = expanded ? "Hide the line diff" : "Compare line by line with the base";
    toggle.textContent = expanded ? "▾" : "▸";
    cell.append(toggle);
  }
  const label = document.createElement("span");
  label.className = "rc-field-label";
  appendMarked(label, row.label, pattern);
  cell.append(label);
  return cell;
}

/**
 * A run's value of a field: its text (the first line of a long one, with a summary; a number to
 * the field's `digits`, see numbers.ts), "absent" or "empty". The title has the whole text.
 */
export function valueCell(
  value: string | null,
  comparison: Comparison | "base",
  summary: string | null,
  pattern: RegExp | null,
  column: number,
  digits: number | null,
): HTMLElement {
  const cell = document.createElement("div");
  cell.className = "rc-cell";
  cell.setAttribute("role", "gridcell");
  cell.setAttribute("aria-colindex", String(column + 2));
  if (comparison === "base") cell.classList.add("rc-base");
  else if (comparison !== "identical") {
    cell.classList.add("rc-changed");
    cell.dataset.comparison = comparison;
  }
  const reason = comparison === "base" || comparison === "identical" ? "" : COMPARISON_TITLE[comparison];
  if (value === null) {
    cell.append(muted("rc-absent", "absent"));
    cell.title = reason || "this run has no such field";
    return cell;
  }
  if (value === "") {
    cell.append(muted("rc-empty", "empty"));
    cell.title = reason ? `empty text; ${reason}` : "empty text";
    return cell;
  }
  const text = document.createElement("span");
  text.className = "rc-value";
  const firstLine = summary === null ? shownNumber(value, digits) : value.split(/\r\n|\n|\r/, 1)[0];
  appendMarked(text, firstLine, pattern);
  cell.append(text);
  if (summary !== null) {
    const badge = document.createElement("span");
    badge.className = "rc-badge";
    badge.textContent = summary;
    cell.append(badge);
  }
  const shown = value.length > MAX_TITLE ? value.slice(0, MAX_TITLE) + "…" : value;
  cell.title = reason ? `${shown}\n(${reason})` : shown;
  return cell;
}

function muted(className: string, text: string): HTMLElement {
  const span = document.createElement("span");
  span.className = className;
  span.textContent = text;
  return span;
}
