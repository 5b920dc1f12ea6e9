import type { TableColumn } from "../../data/run-table.js";
import { inIdleTime } from "../../render/idle.js";
import { fillCell, type CellContext } from "./cells.js";
import { CHECK_WIDTH, HEADER_HEIGHT, RANK_WIDTH, ROW_HEIGHT } from "./geometry.js";
import { headerCell, pinnedHeader, type HeaderHandlers } from "./header.js";
import type { ShownRows } from "./rows.js";
import type { SortSpec } from "./state.js";

/** Rows and columns drawn beyond the visible ones, so a fast scroll shows no gap before the next frame. */
const OVERSCAN_ROWS = 8;
const OVERSCAN_COLUMNS = 2;
/** Columns either side of those drawn whose values are read when the page is idle, so a scroll across finds them read. */
const READ_AHEAD = 8;

export interface GridColumn {
  readonly column: TableColumn;
  readonly width: number;
}

/** Everything one frame of the grid shows. */
export interface GridContent {
  readonly name: GridColumn;
  /** The columns after the pinned ones, in order. */
  readonly columns: readonly GridColumn[];
  readonly rows: ShownRows;
  /** 1 for each selected row of the runs table. */
  readonly selected: Uint8Array;
  readonly sort: readonly SortSpec[];
  /** Ids of the columns with a filter. */
  readonly filtered: ReadonlySet<string>;
  readonly topK: number;
  readonly context: CellContext;
}

export interface GridHandlers extends Omit<HeaderHandlers, "drag"> {
  /** A column was dragged to another place among the columns after the pinned ones. */
  move(id: string, index: number): void;
  /** A row's checkbox was clicked: its position in the order shown. */
  check(position: number, event: MouseEvent): void;
  /** The header's checkbox was clicked. */
  checkAll(): void;
  /** A row was clicked elsewhere: it takes the keyboard cursor. */
  point(position: number): void;
}

interface LiveRow {
  readonly element: HTMLElement;
  readonly check: HTMLInputElement;
  readonly rank: HTMLElement;
  readonly name: HTMLElement;
  /** The row's cells by column index: those in the column range. */
  readonly cells: Map<number, HTMLElement>;
  row: number;
}

/**
 * The scrolling grid: a sticky header, pinned checkbox, rank and name columns, and only the rows
 * and columns in view (plus a few) in the DOM. Rows keep their element while they stay in view,
 * so a scroll fills only the rows that come into it.
 */
export class Grid {
  readonly scroller = document.createElement("div");
  private readonly canvas = document.createElement("div");
  private readonly header = document.createElement("div");
  private readonly body = document.createElement("div");
  private content: GridContent | null = null;
  /** Left edge of each column after the pinned ones, and the right edge of the last. */
  private edges = new Float64Array(1);
  private pinnedWidth = CHECK_WIDTH;
  private live = new Map<number, LiveRow>();
  private spare: LiveRow[] = [];
  private columnRange: [number, number] = [0, 0];
  private cursor = -1;
  private cancelReadAhead = () => {};
  /** How many of the runs shown are checked. */
  private checkedShown = 0;
  private readonly headerCheck: HTMLInputElement;
  private readonly headerHandlers: HeaderHandlers;
  private readonly dropMark = document.createElement("div");
  /** The header's cells by column index: those in the column range. */
  private readonly headerCells = new Map<number, HTMLElement>();

  constructor(
    private readonly handlers: GridHandlers,
    height: number,
  ) {
    this.scroller.className = "rc-grid";
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute("role", "grid");
    this.scroller.setAttribute("aria-multiselectable", "true");
    this.scroller.style.maxHeight = `${height}px`;
    this.canvas.className = "rc-grid-canvas";
    this.header.className = "rc-grid-head";
    this.header.setAttribute("role", "row");
    this.body.className = "rc-grid-body";
    this.body.setAttribute("role", "rowgroup");
    this.canvas.append(this.header, this.body);
    this.scroller.append(this.canvas);
    this.headerCheck = document.createElement("input");
    this.headerCheck.type = "checkbox";
    this.headerCheck.addEventListener("click", () => handlers.checkAll());
    this.headerHandlers = { ...handlers, drag: (id, dx, done) => this.dragged(id, dx, done) };
    this.dropMark.className = "rc-drop-mark";
    this.scroller.addEventListener("scroll", () => this.render());
    this.body.addEventListener("click", (event) => this.clicked(event));
  }

  show(content: GridContent) {
    const columnsChanged =
      !this.content || this.content.columns !== content.columns || this.content.name !== content.name || !!this.content.rows.ranks !== !!content.rows.ranks;
    const rowsChanged = !this.content || this.content.rows !== content.rows || this.content.sort !== content.sort || this.content.topK !== content.topK;
    this.content = content;
    this.pinnedWidth = CHECK_WIDTH + (content.rows.ranks ? RANK_WIDTH : 0) + content.name.width;
    this.edges = new Float64Array(content.columns.length + 1);
    content.columns.forEach((c, i) => (this.edges[i + 1] = this.edges[i] + c.width));
    const width = this.pinnedWidth + this.edges[content.columns.length];
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${HEADER_HEIGHT + content.rows.order.length * ROW_HEIGHT}px`;
    this.header.style.width = `${width}px`;
    this.scroller.setAttribute("aria-rowcount", String(content.rows.order.length + 1));
    this.scroller.setAttribute("aria-colcount", String(content.columns.length + 2));
    if (columnsChanged) this.clearRows();
    else if (rowsChanged) this.releaseRows();
    this.columnRange = [0, 0];
    this.updateHeaderCheck();
    this.render(true);
  }

  /** Shows the selection anew (rows keep their content). */
  refreshSelection() {
    if (!this.content) return;
    for (const live of this.live.values()) this.markRow(live, this.positionOf(live));
    this.updateHeaderCheck();
  }

  /** Moves the keyboard cursor to a position in the order shown, scrolling it into view. */
  moveCursor(position: number) {
    if (!this.content) return;
    const count = this.content.rows.order.length;
    this.cursor = count === 0 ? -1 : Math.min(count - 1, Math.max(0, position));
    if (this.cursor >= 0) {
      const top = this.cursor * ROW_HEIGHT;
      const visible = this.scroller.clientHeight - HEADER_HEIGHT;
      if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
      else if (top + ROW_HEIGHT > this.scroller.scrollTop + visible) this.scroller.scrollTop = top + ROW_HEIGHT - visible;
    }
    this.render();
    this.refreshSelection();
  }

  get cursorPosition(): number {
    return this.cursor;
  }

  /** Rows whose whole height is in view: [first, end) positions in the order shown. */
  rowsOnScreen(): [number, number] {
    const count = this.content?.rows.order.length ?? 0;
    const top = this.scroller.scrollTop;
    const bottom = top + Math.max(0, this.scroller.clientHeight - HEADER_HEIGHT);
    return [Math.min(count, Math.ceil(top / ROW_HEIGHT)), Math.min(count, Math.floor(bottom / ROW_HEIGHT))];
  }

  /** The columns after the pinned ones that are at least partly in view. */
  columnsOnScreen(): GridColumn[] {
    if (!this.content) return [];
    const [first, end] = this.visibleColumns(0);
    return this.content.columns.slice(first, end);
  }

  /** Rows the page shows per screen, for Page Up and Page Down. */
  get pageRows(): number {
    return Math.max(1, Math.floor((this.scroller.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  }

  /** Scrolls by whole columns (arrow keys left and right). */
  scrollColumns(direction: -1 | 1) {
    const left = this.scroller.scrollLeft;
    const edges = this.edges;
    let target = left;
    if (direction > 0) target = edges.find((edge) => edge > left + 1) ?? left;
    else
      for (let i = edges.length - 1; i >= 0; i--)
        if (edges[i] < left - 1) {
          target = edges[i];
          break;
        }
    this.scroller.scrollLeft = target;
  }

  /** A header cell's element, for anchoring a popup to it. */
  headerCellOf(id: string): HTMLElement | null {
    return [...this.header.querySelectorAll<HTMLElement>("[data-column]")].find((cell) => cell.dataset.column === id) ?? null;
  }

  destroy() {
    this.cancelReadAhead();
    this.scroller.remove();
  }

  /** Reads, when the page is idle, the values of the columns next to those drawn (a 100,000-run column takes milliseconds to read). */
  private readAheadOf([first, end]: [number, number]) {
    this.cancelReadAhead();
    const columns = this.content!.columns;
    const next: number[] = [];
    for (let i = 1; i <= READ_AHEAD; i++) next.push(end - 1 + i, first - i);
    const pending = next.filter((i) => i >= 0 && i < columns.length).map((i) => columns[i].column);
    if (!pending.length) return;
    const read = () => {
      pending.shift()!.read();
      return pending.length > 0;
    };
    this.cancelReadAhead = inIdleTime(read, { margin: 2 });
  }

  /** Every row is to show another run: rows and their cells are kept to be filled anew. */
  private releaseRows() {
    this.spare.push(...this.live.values());
    this.live.clear();
  }

  private clearRows() {
    for (const live of this.live.values()) live.element.remove();
    this.live.clear();
    this.spare = [];
  }

  private visibleColumns(overscan: number): [number, number] {
    const columns = this.content!.columns;
    const left = this.scroller.scrollLeft;
    // Before the element is on the page its width is 0: fill a wide screen's worth.
    const right = left + (this.scroller.clientWidth || 1600) - this.pinnedWidth;
    let first = 0;
    while (first < columns.length && this.edges[first + 1] <= left) first++;
    let end = first;
    while (end < columns.length && this.edges[end] < right) end++;
    return [Math.max(0, first - overscan), Math.min(columns.length, end + overscan)];
  }

  private render(force = false) {
    const content = this.content;
    if (!content) return;
    // Every read of the scroll box first: a read after the DOM changed would lay the page out again.
    const range = this.visibleColumns(OVERSCAN_COLUMNS);
    const top = this.scroller.scrollTop;
    const height = this.scroller.clientHeight || 600;
    const columnsMoved = force || range[0] !== this.columnRange[0] || range[1] !== this.columnRange[1];
    this.columnRange = range;
    if (columnsMoved) {
      this.renderHeader(force);
      for (const live of this.live.values()) this.fillCells(live, false);
    }
    if (columnsMoved) this.readAheadOf(range);
    const count = content.rows.order.length;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN_ROWS);
    const end = Math.min(count, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN_ROWS);
    for (const [position, live] of this.live) {
      if (position < first || position >= end) {
        this.live.delete(position);
        this.spare.push(live);
      }
    }
    for (let position = first; position < end; position++) {
      if (this.live.has(position)) continue;
      const live = this.spare.pop() ?? this.newRow();
      this.live.set(position, live);
      this.fillRow(live, position);
    }
    for (const live of this.spare) live.element.remove();
    this.spare.length = 0;
  }

  /**
   * The header's cells for the columns in range; `rebuild` (new content) makes them all anew,
   * else only the cells of columns that came into range are made and those that left go.
   */
  private renderHeader(rebuild: boolean) {
    const content = this.content!;
    const [first, end] = this.columnRange;
    if (rebuild) {
      const pinned = pinnedHeader(content, this.headerCheck, this.headerHandlers);
      pinned.style.width = `${this.pinnedWidth}px`;
      this.headerCells.clear();
      this.header.replaceChildren(pinned);
      this.setHeaderCheck();
    }
    for (const [i, cell] of this.headerCells) {
      if (i >= first && i < end) continue;
      cell.remove();
      this.headerCells.delete(i);
    }
    for (let i = first; i < end; i++) {
      if (this.headerCells.has(i)) continue;
      const cell = headerCell(content, content.columns[i], this.headerHandlers);
      cell.style.left = `${this.pinnedWidth + this.edges[i]}px`;
      cell.setAttribute("aria-colindex", String(i + 3));
      this.headerCells.set(i, cell);
      this.header.append(cell);
    }
  }

  /** The header's box: checked when every run shown is, mixed when some are. Counted when the selection or the rows change, not on scrolls. */
  private updateHeaderCheck() {
    const { order } = this.content!.rows;
    const selected = this.content!.selected;
    let count = 0;
    for (let i = 0; i < order.length; i++) count += selected[order[i]];
    this.checkedShown = count;
    this.setHeaderCheck();
  }

  private setHeaderCheck() {
    const { order } = this.content!.rows;
    const count = this.checkedShown;
    this.headerCheck.checked = order.length > 0 && count === order.length;
    this.headerCheck.indeterminate = count > 0 && count < order.length;
    this.headerCheck.title =
      count === order.length && count > 0 ? "Clear the selection of the runs shown" : "Select every run shown (all that pass the filters)";
    this.headerCheck.setAttribute("aria-label", this.headerCheck.title);
  }

  private newRow(): LiveRow {
    const element = document.createElement("div");
    element.className = "rc-row";
    element.setAttribute("role", "row");
    const pinned = document.createElement("div");
    pinned.className = "rc-pinned";
    const checkCell = document.createElement("div");
    checkCell.className = "rc-cell rc-check";
    const check = document.createElement("input");
    check.type = "checkbox";
    checkCell.append(check);
    const rank = document.createElement("div");
    rank.className = "rc-cell rc-rank";
    const name = document.createElement("div");
    name.className = "rc-cell rc-name";
    name.setAttribute("role", "rowheader");
    pinned.append(checkCell, rank, name);
    element.append(pinned);
    this.body.append(element);
    return { element, check, rank, name, cells: new Map(), row: -1 };
  }

  private positionOf(live: LiveRow): number {
    return Number(live.element.dataset.position);
  }

  private fillRow(live: LiveRow, position: number) {
    const content = this.content!;
    const row = content.rows.order[position];
    live.row = row;
    live.element.dataset.position = String(position);
    live.element.dataset.run = content.context.table.ids[row];
    live.element.style.top = `${position * ROW_HEIGHT}px`;
    live.element.style.width = `${this.pinnedWidth + this.edges[content.columns.length]}px`;
    live.element.setAttribute("aria-rowindex", String(position + 2));
    live.element.classList.toggle("rc-odd", position % 2 === 1);
    if (!live.element.isConnected) this.body.append(live.element);
    const pinned = live.element.firstElementChild as HTMLElement;
    pinned.style.width = `${this.pinnedWidth}px`;
    const rank = content.rows.ranks?.[position] ?? 0;
    live.rank.hidden = !content.rows.ranks;
    live.rank.textContent = rank ? String(rank) : "";
    live.rank.style.width = `${RANK_WIDTH}px`;
    live.name.style.width = `${content.name.width}px`;
    fillCell(live.name, content.name.column, row, content.context);
    live.check.setAttribute("aria-label", `Select ${content.context.table.names[row]}`);
    this.fillCells(live);
    this.markRow(live, position);
  }

  /**
   * Gives a row a cell for each column in range: cells of columns that left the range go, those
   * that came get made. `refill`: the row shows another run, so the cells kept are filled anew.
   */
  private fillCells(live: LiveRow, refill = true) {
    const content = this.content!;
    const [first, end] = this.columnRange;
    for (const [i, cell] of live.cells) {
      if (i >= first && i < end) {
        if (refill) fillCell(cell, content.columns[i].column, live.row, content.context);
        continue;
      }
      cell.remove();
      live.cells.delete(i);
    }
    for (let i = first; i < end; i++) {
      if (live.cells.has(i)) continue;
      const { column, width } = content.columns[i];
      const cell = document.createElement("div");
      cell.className = `rc-cell rc-kind-${column.kind}`;
      cell.setAttribute("role", "gridcell");
      cell.setAttribute("aria-colindex", String(i + 3));
      cell.style.left = `${this.pinnedWidth + this.edges[i]}px`;
      cell.style.width = `${width}px`;
      fillCell(cell, column, live.row, content.context);
      live.cells.set(i, cell);
      live.element.append(cell);
    }
  }

  private markRow(live: LiveRow, position: number) {
    const content = this.content!;
    const selected = content.selected[live.row] === 1;
    const rank = content.rows.ranks?.[position] ?? 0;
    live.check.checked = selected;
    live.element.setAttribute("aria-selected", String(selected));
    live.element.classList.toggle("rc-selected", selected);
    live.element.classList.toggle("rc-cursor", position === this.cursor);
    live.element.classList.toggle("rc-top", rank > 0 && rank <= content.topK);
  }

  /** Where a header dragged `dx` pixels would land: the number of other columns whose middle it passed. */
  private dragged(id: string, dx: number, done: boolean) {
    const columns = this.content!.columns;
    const from = columns.findIndex((c) => c.column.id === id);
    if (from < 0) return;
    const middle = this.edges[from] + columns[from].width / 2 + dx;
    let to = 0;
    columns.forEach((c, i) => i !== from && this.edges[i] + c.width / 2 < middle && to++);
    if (done) {
      this.dropMark.remove();
      if (to !== from) this.handlers.move(id, to);
      else this.renderHeader(true);
      return;
    }
    const edge = to <= from ? this.edges[to] : this.edges[to + 1];
    this.dropMark.style.left = `${this.pinnedWidth + edge - 1}px`;
    this.header.append(this.dropMark);
  }

  private clicked(event: MouseEvent) {
    const row = (event.target as Element).closest<HTMLElement>(".rc-row");
    if (!row) return;
    const position = Number(row.dataset.position);
    if ((event.target as Element).closest(".rc-check")) {
      this.cursor = position;
      this.handlers.check(position, event);
      return;
    }
    this.cursor = position;
    this.handlers.point(position);
    this.refreshSelection();
  }
}
