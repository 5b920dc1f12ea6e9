import { appendAll } from "../../render/dom.js";

/** What the run headers ask of the table. */
export interface HeaderEvents {
  makeBase(column: number): void;
  remove(column: number): void;
  /** Move the run at `from` to stand before position `to` (counted before the move). */
  move(from: number, to: number): void;
}

export interface RunHeader {
  readonly id: string;
  readonly name: string;
}

/**
 * The sticky header row: a corner over the field names, then a cell per run with its name, a
 * button that makes it the base (the base says so instead), and one that removes it. Headers
 * are dragged to reorder the runs; dropping one first makes it the base.
 */
export function headerRow(runs: readonly RunHeader[], events: HeaderEvents): { row: HTMLElement; destroy(): void } {
  const row = document.createElement("div");
  row.className = "rc-diff-head";
  row.setAttribute("role", "row");
  const corner = document.createElement("div");
  corner.className = "rc-name rc-corner";
  corner.setAttribute("role", "columnheader");
  corner.textContent = "field";
  row.append(corner);
  appendAll(
    row,
    runs.map((run, column) => runCell(run, column, runs.length)),
  );

  let dragged = -1;
  const cellOf = (event: Event) => (event.target as Element).closest<HTMLElement>(".rc-run");
  const dropIndex = (cell: HTMLElement, event: DragEvent) => {
    const box = cell.getBoundingClientRect();
    return Number(cell.dataset.column) + (event.clientX > box.left + box.width / 2 ? 1 : 0);
  };
  const clearMarks = () => row.querySelectorAll(".rc-drop-before, .rc-drop-after").forEach((cell) => cell.classList.remove("rc-drop-before", "rc-drop-after"));
  const listeners: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void } = {
    click: (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
      const cell = cellOf(event);
      if (!button || !cell) return;
      const column = Number(cell.dataset.column);
      if (button.dataset.action === "base") events.makeBase(column);
      else if (button.dataset.action === "remove") events.remove(column);
    },
    dragstart: (event) => {
      const cell = cellOf(event);
      if (!cell || !event.dataTransfer) return;
      dragged = Number(cell.dataset.column);
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", runs[dragged].id);
      cell.classList.add("rc-dragging");
    },
    dragover: (event) => {
      const cell = cellOf(event);
      if (dragged < 0 || !cell) return;
      event.preventDefault();
      clearMarks();
      const before = dropIndex(cell, event) === Number(cell.dataset.column);
      cell.classList.add(before ? "rc-drop-before" : "rc-drop-after");
    },
    drop: (event) => {
      const cell = cellOf(event);
      if (dragged < 0 || !cell) return;
      event.preventDefault();
      const to = dropIndex(cell, event);
      const from = dragged;
      dragged = -1;
      clearMarks();
      if (to !== from && to !== from + 1) events.move(from, to);
    },
    dragend: () => {
      dragged = -1;
      clearMarks();
      row.querySelector(".rc-dragging")?.classList.remove("rc-dragging");
    },
  };
  for (const [type, listener] of Object.entries(listeners)) row.addEventListener(type, listener as EventListener);
  return {
    row,
    destroy: () => {
      for (const [type, listener] of Object.entries(listeners)) row.removeEventListener(type, listener as EventListener);
    },
  };
}

function runCell(run: RunHeader, column: number, count: number): HTMLElement {
  const cell = document.createElement("div");
  cell.className = column === 0 ? "rc-run rc-base-head" : "rc-run";
  cell.setAttribute("role", "columnheader");
  cell.dataset.column = String(column);
  cell.draggable = true;
  cell.title = run.name === run.id ? `${run.id}\nDrag to reorder` : `${run.name}\n${run.id}\nDrag to reorder`;
  const actions = document.createElement("div");
  actions.className = "rc-run-actions";
  if (column === 0) {
    const badge = document.createElement("span");
    badge.className = "rc-base-badge";
    badge.textContent = "base";
    badge.title = "Every other run is compared with this one";
    actions.append(badge);
  } else {
    actions.append(button("base", "set as base", `Compare every run with ${run.name}`));
  }
  const remove = button("remove", "×", `Remove ${run.name} from the comparison`);
  remove.disabled = count === 1;
  actions.append(remove);
  const name = document.createElement("div");
  name.className = "rc-run-name";
  name.textContent = run.name;
  cell.append(actions, name);
  return cell;
}

function button(action: string, text: string, label: string): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.dataset.action = action;
  element.textContent = text;
  element.title = label;
  element.setAttribute("aria-label", label);
  return element;
}
