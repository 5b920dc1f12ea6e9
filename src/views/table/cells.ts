import { schemeTableau10 } from "d3";
import type { RunTable, TableColumn } from "../../data/run-table.js";
import { durationText, exactTime, numberText, relativeTime } from "./format.js";

/** What every cell of one drawing shares. */
export interface CellContext {
  readonly table: RunTable;
  /** Relative times are counted from this epoch time. */
  readonly now: number;
  readonly progress: Float64Array | null;
}

/** Fills a cell with a run's value of a column, all as text; its title gives what the cell shortens. */
export function fillCell(cell: HTMLElement, column: TableColumn, row: number, context: CellContext) {
  cell.title = "";
  switch (column.kind) {
    case "number": {
      const value = column.numbers()[row];
      cell.textContent = numberText(value);
      if (cell.textContent !== String(value) && !Number.isNaN(value)) cell.title = String(value);
      return;
    }
    case "time": {
      const value = column.numbers()[row];
      cell.textContent = relativeTime(value, context.now);
      cell.title = exactTime(value);
      return;
    }
    case "duration": {
      const value = column.numbers()[row];
      cell.textContent = durationText(value);
      if (!Number.isNaN(value)) cell.title = `${(value / 1000).toFixed(1)} s`;
      return;
    }
    case "status":
      cell.replaceChildren(...statusMarks(column.texts()[row], context.progress?.[row] ?? NaN));
      cell.title = statusTitle(column.texts()[row], context.progress?.[row] ?? NaN);
      return;
    case "tags": {
      const tags = column.tags(row);
      cell.replaceChildren(...tags.map(chip));
      cell.title = tags.join(", ");
      return;
    }
    default: {
      const text = column.texts()[row];
      cell.textContent = text ?? "";
      cell.title = text ?? "";
    }
  }
}

/** A run's value as CSV gives it: numbers in full, times as ISO 8601, durations in seconds, tags joined by "; ". */
export function csvValue(column: TableColumn, row: number): string | number | null {
  switch (column.kind) {
    case "number": {
      const value = column.numbers()[row];
      return Number.isNaN(value) ? null : value;
    }
    case "time": {
      const value = column.numbers()[row];
      return Number.isFinite(value) ? new Date(value).toISOString() : null;
    }
    case "duration": {
      const value = column.numbers()[row];
      return Number.isNaN(value) ? null : value / 1000;
    }
    case "tags":
      return column.texts()[row] === null ? null : column.tags(row).join("; ");
    default:
      return column.texts()[row];
  }
}

/** A run's value as the cell shows it, for the SVG export. */
export function shownText(column: TableColumn, row: number, context: CellContext): string {
  switch (column.kind) {
    case "number":
      return numberText(column.numbers()[row]);
    case "time":
      return relativeTime(column.numbers()[row], context.now);
    case "duration":
      return durationText(column.numbers()[row]);
    case "tags":
      return column.tags(row).join(", ");
    default:
      return column.texts()[row] ?? "";
  }
}

/** The colour class of a status, in the words MLflow, ClearML and W&B use. */
export function statusClass(status: string | null): string {
  const word = (status ?? "").toLowerCase();
  if (/^(finished|completed|complete|published|success|succeeded|done)$/.test(word)) return "rc-status-ok";
  if (/^(running|in_progress|active|started)$/.test(word)) return "rc-status-running";
  if (/^(failed|failure|error|crashed)$/.test(word)) return "rc-status-failed";
  if (/^(killed|stopped|aborted|cancelled|canceled|closed)$/.test(word)) return "rc-status-stopped";
  return "rc-status-other";
}

function statusMarks(status: string | null, progress: number): HTMLElement[] {
  if (status === null) return [];
  const dot = document.createElement("span");
  dot.className = `rc-dot ${statusClass(status)}`;
  const text = document.createElement("span");
  text.className = "rc-status-text";
  text.textContent = status;
  const marks = [dot, text];
  if (Number.isFinite(progress) && statusClass(status) === "rc-status-running") {
    const bar = document.createElement("span");
    bar.className = "rc-progress";
    const fill = document.createElement("span");
    fill.style.width = `${Math.round(Math.min(1, Math.max(0, progress)) * 100)}%`;
    bar.append(fill);
    marks.push(bar);
  }
  return marks;
}

function statusTitle(status: string | null, progress: number): string {
  if (status === null) return "";
  return Number.isFinite(progress) ? `${status}, ${Math.round(progress * 100)}% done` : status;
}

/** A tag as a chip, coloured by its text, so one tag has one colour in every row. */
function chip(tag: string): HTMLElement {
  const element = document.createElement("span");
  element.className = "rc-chip";
  element.textContent = tag;
  element.style.setProperty("--rc-chip", tagColor(tag));
  return element;
}

export function tagColor(tag: string): string {
  let hash = 0;
  for (let i = 0; i < tag.length; i++) hash = (Math.imul(hash, 31) + tag.charCodeAt(i)) | 0;
  return schemeTableau10[Math.abs(hash) % schemeTableau10.length];
}
