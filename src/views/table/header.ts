import { follow } from "./drag.js";
import { CHECK_WIDTH, RANK_WIDTH } from "./geometry.js";
import type { GridColumn, GridContent } from "./grid.js";

/** What the header's controls ask of the table. */
export interface HeaderHandlers {
  /** A click on a column's header: sort by it (shift: add it as the next key). */
  sortBy(id: string, additive: boolean): void;
  openFilter(id: string, anchor: HTMLElement): void;
  /** A column's width while its edge is dragged; `done` when let go. */
  resize(id: string, width: number, done: boolean): void;
  /** Double-click on a column's edge: fit its width to its contents. */
  fit(id: string): void;
  /** A header dragged `dx` pixels along; `done` when let go. */
  drag(id: string, dx: number, done: boolean): void;
}

const ARROWS = { ascending: "▲", descending: "▼" } as const;

/** The pinned part of the header: the select-all box, the rank and the name column. */
export function pinnedHeader(content: GridContent, check: HTMLInputElement, handlers: HeaderHandlers): HTMLElement {
  const pinned = document.createElement("div");
  pinned.className = "rc-pinned";
  const box = document.createElement("div");
  box.className = "rc-head-cell rc-check";
  box.style.width = `${CHECK_WIDTH}px`;
  box.append(check);
  pinned.append(box);
  if (content.rows.ranks) {
    const rank = document.createElement("div");
    rank.className = "rc-head-cell rc-rank";
    rank.style.width = `${RANK_WIDTH}px`;
    rank.setAttribute("role", "columnheader");
    rank.title = `Rank by ${content.sort[0].column}, ties sharing the better rank`;
    const label = document.createElement("span");
    label.className = "rc-head-label";
    label.textContent = "#";
    rank.append(spacer(), label);
    pinned.append(rank);
  }
  const name = headerCell(content, content.name, handlers, false);
  name.style.width = `${content.name.width}px`;
  pinned.append(name);
  return pinned;
}

/** A column's header: its section and label, sort mark, filter button and resize edge. */
export function headerCell(content: GridContent, { column, width }: GridColumn, handlers: HeaderHandlers, movable = true): HTMLElement {
  const cell = document.createElement("div");
  cell.className = `rc-head-cell rc-kind-${column.kind}`;
  cell.dataset.column = column.id;
  cell.setAttribute("role", "columnheader");
  cell.style.width = `${width}px`;
  const sortIndex = content.sort.findIndex((key) => key.column === column.id);
  const sort = sortIndex >= 0 ? content.sort[sortIndex] : null;
  cell.setAttribute("aria-sort", sort ? (sort.descending ? "descending" : "ascending") : "none");
  cell.title = `${column.id}\nClick to sort, shift-click to add a sort key${movable ? ", drag to move" : ""}`;

  const section = document.createElement("div");
  section.className = "rc-head-section";
  section.textContent = column.section[0] === "run" ? "" : column.section.join(" › ");
  const main = document.createElement("div");
  main.className = "rc-head-main";
  const label = document.createElement("span");
  label.className = "rc-head-label";
  label.textContent = column.label;
  main.append(label);
  if (sort) {
    const mark = document.createElement("span");
    mark.className = "rc-sort-mark";
    mark.textContent = ARROWS[sort.descending ? "descending" : "ascending"] + (content.sort.length > 1 ? String(sortIndex + 1) : "");
    main.append(mark);
  }
  const filter = document.createElement("button");
  filter.type = "button";
  filter.className = "rc-filter-button";
  filter.textContent = "▾";
  const filtered = content.filtered.has(column.id);
  filter.setAttribute("aria-pressed", String(filtered));
  filter.title = filtered ? `Change the filter on ${column.label}` : `Filter by ${column.label}`;
  filter.setAttribute("aria-label", filter.title);
  filter.addEventListener("click", (event) => {
    event.stopPropagation();
    handlers.openFilter(column.id, cell);
  });
  filter.addEventListener("pointerdown", (event) => event.stopPropagation());
  main.append(filter);

  const edge = document.createElement("div");
  edge.className = "rc-resize";
  edge.title = "Drag to resize, double-click to fit";
  edge.addEventListener("pointerdown", (event) => {
    event.stopPropagation();
    follow(event, edge, { move: (dx) => handlers.resize(column.id, width + dx, false), drop: (dx) => handlers.resize(column.id, width + dx, true) }, 0);
  });
  edge.addEventListener("dblclick", (event) => {
    event.stopPropagation();
    handlers.fit(column.id);
  });
  edge.addEventListener("click", (event) => event.stopPropagation());

  cell.addEventListener("pointerdown", (event) => {
    follow(event, cell, {
      move: (dx) => {
        if (!movable) return;
        cell.classList.add("rc-dragging");
        cell.style.transform = `translateX(${dx}px)`;
        handlers.drag(column.id, dx, false);
      },
      drop: (dx) => movable && handlers.drag(column.id, dx, true),
      click: (e) => handlers.sortBy(column.id, e.shiftKey),
    });
  });
  cell.append(section, main, edge);
  return cell;
}

function spacer(): HTMLElement {
  const element = document.createElement("div");
  element.className = "rc-head-section";
  return element;
}
