import type { RowFilter } from "../../data/row-filters.js";
import type { RunTable } from "../../data/run-table.js";
import { durationText, exactTime, numberText } from "./format.js";

export interface ChipHandlers {
  /** A filter's chip was clicked: open its editor. */
  edit(column: string, chip: HTMLElement): void;
  remove(column: string): void;
  clearSearch(): void;
  clearAll(): void;
}

/** The filters and the search in force, as removable chips; empty when there are none. */
export function filterChips(table: RunTable, filters: readonly RowFilter[], search: string, handlers: ChipHandlers): HTMLElement[] {
  const chips = filters.map((filter) =>
    chip(
      describeFilter(table, filter),
      () => handlers.remove(filter.column),
      (element) => handlers.edit(filter.column, element),
    ),
  );
  if (search.trim()) chips.push(chip(`name or tags: ${search.trim()}`, handlers.clearSearch));
  if (chips.length > 1) {
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "rc-clear-filters";
    clear.textContent = "Clear all";
    clear.addEventListener("click", handlers.clearAll);
    chips.push(clear);
  }
  return chips;
}

/** A filter in words: "lr: 0.001 – 0.01", "optimizer: adam, sgd", "name ~ /^bert/". */
export function describeFilter(table: RunTable, filter: RowFilter): string {
  const column = table.column(filter.column);
  const label = column?.label ?? filter.column;
  if (filter.kind === "text") return `${label} ~ ${filter.text}`;
  if (filter.kind === "values") {
    const shown = filter.values
      .slice(0, 3)
      .map((v) => v ?? "(no value)")
      .join(", ");
    return `${label}: ${shown}${filter.values.length > 3 ? ` +${filter.values.length - 3}` : ""}`;
  }
  const format = column?.kind === "time" ? exactTime : column?.kind === "duration" ? durationText : numberText;
  if (filter.min === null) return `${label} ≤ ${format(filter.max!)}`;
  if (filter.max === null) return `${label} ≥ ${format(filter.min)}`;
  return `${label}: ${format(filter.min)} – ${format(filter.max)}`;
}

function chip(text: string, remove: () => void, edit?: (element: HTMLElement) => void): HTMLElement {
  const element = document.createElement("span");
  element.className = "rc-filter-chip";
  const label = document.createElement(edit ? "button" : "span");
  label.className = "rc-filter-chip-label";
  label.textContent = text;
  label.title = text;
  if (edit && label instanceof HTMLButtonElement) {
    label.type = "button";
    label.addEventListener("click", () => edit(element));
  }
  const close = document.createElement("button");
  close.type = "button";
  close.className = "rc-filter-chip-remove";
  close.textContent = "×";
  close.title = `Remove the filter ${text}`;
  close.setAttribute("aria-label", close.title);
  close.addEventListener("click", remove);
  element.append(label, close);
  return element;
}
