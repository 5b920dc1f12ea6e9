import type { AppendedRows } from "../../data/append.js";
import type { RunsInput } from "../../data/input.js";
import { openRunTable, type RunTable, type TableColumn } from "../../data/run-table.js";
import { button } from "../../render/controls.js";
import { csvBlob, saveFile } from "../../render/export.js";
import { textWidth } from "../values/text.js";
import { shownText, type CellContext } from "./cells.js";
import { columnChooser } from "./chooser.js";
import { filterChips } from "./chips.js";
import { tableCSV, tableSVG, type ExportedRows } from "./export.js";
import { filterEditor } from "./filter-editor.js";
import { Grid, type GridColumn } from "./grid.js";
import { keyAction } from "./keys.js";
import { Popover } from "./popover.js";
import { RowOrder, type ShownRows } from "./rows.js";
import { clampWidth, columnWidth, initialState, nextSort, type TableState } from "./state.js";
import type { Drawing, Hooks, Settled } from "../../render/view.js";
import type { TableOptions } from "./index.js";
import { thousands } from "../../data/thousands.js";

/** Sample of rows measured when a column is fitted to its contents by a double-click. */
const FIT_SAMPLE = 2000;
/** One drawing of the table for one set of data and options; the user's changes update it in place. */
export class TableDrawing implements Drawing<TableOptions> {
  private current: TableState;
  private rows: ShownRows;
  private order: RowOrder;
  private selected: Uint8Array;
  /** Position (in the order shown) of the last row checked by hand, where a shift-click range starts. */
  private anchor = -1;
  private context: CellContext;
  private readonly container = document.createElement("div");
  private readonly search = document.createElement("input");
  private columnsButton!: HTMLButtonElement;
  private selectButton!: HTMLButtonElement;
  private readonly topK = document.createElement("label");
  private readonly topKInput = document.createElement("input");
  private readonly status = document.createElement("span");
  private readonly chips = document.createElement("div");
  private readonly grid: Grid;
  private readonly popover: Popover;
  private columns: GridColumn[] = [];
  private name!: GridColumn;
  private layout = "";
  private searchFrame = 0;

  constructor(
    private readonly root: HTMLElement,
    private table: RunTable,
    options: Settled<TableOptions>,
    private readonly hooks: Hooks<TableOptions>,
  ) {
    this.current = initialState(table, options);
    this.order = new RowOrder(table);
    this.selected = new Uint8Array(table.count);
    this.context = { table, now: Date.now(), progress: table.progress() };
    this.popover = new Popover(root);
    this.grid = new Grid(
      {
        sortBy: (id, additive) => this.set({ sort: nextSort(this.current.sort, id, additive) }),
        openFilter: (id, anchor) => this.openFilter(id, anchor),
        resize: (id, width, done) => this.set({ widths: { ...this.current.widths, [id]: clampWidth(width) } }, done),
        fit: (id) => this.set({ widths: { ...this.current.widths, [id]: this.fittedWidth(id) } }),
        move: (id, index) => {
          const others = this.current.columns.filter((c) => c !== id);
          this.set({ columns: [...others.slice(0, index), id, ...others.slice(index)] });
        },
        check: (position, event) => this.check(position, event.shiftKey),
        checkAll: () => this.checkShown(),
        point: (position) => (this.anchor = position),
      },
      options.height,
    );
    this.rows = this.order.rows(this.current);
    this.buildControls();
    this.container.className = "rc-table-body";
    this.chips.className = "rc-chips";
    this.container.append(this.chips, this.grid.scroller);
    root.append(this.container);
    this.grid.scroller.addEventListener("keydown", (event) => this.key(event));
    root.addEventListener("keydown", this.slash);
    this.show();
  }

  highlight(ids: readonly string[]) {
    this.selected.fill(0);
    for (const id of ids) {
      const row = this.table.rowOf(id);
      if (row >= 0) this.selected[row] = 1;
    }
    this.grid.refreshSelection();
    this.updateStatus();
  }

  /**
   * Rows appended (new runs, a run's row as it is now, new reports): the table shows the runs
   * as they are now, its sort, filters, columns, scroll and checked runs as they were; columns
   * new to the table join those shown.
   */
  append(_added: AppendedRows, options: Settled<TableOptions>, runs: RunsInput | null): boolean {
    const [before, checked] = [this.table, this.checkedIds()];
    this.table = openRunTable(runs!, options.scalars ?? null);
    const added = this.table.columns.filter((c) => !c.hidden && c.id !== "name" && !before.column(c.id)).map((c) => c.id);
    this.current = { ...this.current, columns: [...this.current.columns, ...added] };
    this.order = new RowOrder(this.table);
    this.selected = new Uint8Array(this.table.count);
    this.context = { table: this.table, now: Date.now(), progress: this.table.progress() };
    this.rows = this.order.rows(this.current);
    this.layout = "";
    this.highlight(checked);
    this.show();
    return true;
  }

  state(): TableState {
    return this.current;
  }

  /** The ids of the first `limit` runs shown (passing the filters and the search), in the order shown. */
  shownIds(limit: number): string[] {
    return Array.from(this.rows.order.subarray(0, limit), (row) => this.table.ids[row]);
  }

  get shown() {
    const rows = this.grid.scroller.querySelectorAll(".rc-row");
    return { runs: this.rows.order.length, rows: rows.length, cells: this.grid.scroller.querySelectorAll(".rc-row .rc-cell").length };
  }

  exportCSV(): string {
    return tableCSV(this.shownColumns(), this.exported(0, this.rows.order.length), this.context);
  }

  exportScreenCSV(): string {
    return tableCSV(this.shownColumns(), this.exported(...this.grid.rowsOnScreen()), this.context);
  }

  exportSVG(): string {
    const [from, to] = this.grid.rowsOnScreen();
    // Off the page nothing is on screen: the first rows stand in.
    const rows = to > from ? this.exported(from, to) : this.exported(0, Math.min(30, this.rows.order.length));
    const columns = this.grid.columnsOnScreen();
    return tableSVG([this.name, ...(columns.length ? columns : this.columns.slice(0, 8))], rows, this.context, this.root);
  }

  destroy() {
    cancelAnimationFrame(this.searchFrame);
    this.popover.destroy();
    this.root.removeEventListener("keydown", this.slash);
    this.grid.destroy();
    this.container.remove();
  }

  /** A change made with the table's controls: shown at once, reported once `done` (a resize reports when let go). */
  private set(changes: Partial<TableState>, done = true) {
    this.current = { ...this.current, ...changes };
    if ("filters" in changes || "search" in changes || "sort" in changes) this.rows = this.order.rows(this.current);
    this.show();
    if (done) this.hooks.stateChanged();
  }

  private show() {
    const state = this.current;
    // New column objects only when columns or widths change: the grid keeps its rows' cells otherwise.
    const layout = JSON.stringify([state.columns, state.widths]);
    if (layout !== this.layout) {
      this.layout = layout;
      this.name = { column: this.table.column("name")!, width: columnWidth(state, this.table.column("name")!) };
      this.columns = state.columns.map((id) => this.table.column(id)!).map((column) => ({ column, width: columnWidth(state, column) }));
    }
    this.grid.show({
      name: this.name,
      columns: this.columns,
      rows: this.rows,
      selected: this.selected,
      sort: state.sort,
      filtered: new Set(state.filters.map((f) => f.column)),
      topK: state.topK,
      context: this.context,
    });
    if (this.search.value !== state.search && this.root.ownerDocument.activeElement !== this.search) this.search.value = state.search;
    // The pinned name column is not counted: it is always shown.
    this.columnsButton.textContent = `Columns (${state.columns.length} of ${this.table.columns.length - 1})`;
    this.topK.hidden = !this.rows.ranks;
    this.topKInput.value = String(state.topK);
    this.chips.replaceChildren(
      ...filterChips(this.table, state.filters, state.search, {
        edit: (column, chip) => this.openFilter(column, chip),
        remove: (column) => this.set({ filters: state.filters.filter((f) => f.column !== column) }),
        clearSearch: () => this.set({ search: "" }),
        clearAll: () => this.set({ filters: [], search: "" }),
      }),
    );
    this.updateStatus();
  }

  private buildControls() {
    const screenCSV = button(
      "CSV (screen)",
      "Download the rows on screen as CSV (the CSV button gives every run that passes the filters)",
      () => void saveFile(this.root, "table-screen", "csv", csvBlob(this.exportScreenCSV())),
    );
    this.hooks.exports.append(screenCSV);

    this.search.type = "search";
    this.search.className = "rc-search";
    this.search.placeholder = "Search names and tags ( / )";
    this.search.setAttribute("aria-label", "Search run names and tags, as text or /regex/");
    this.search.addEventListener("input", () => {
      cancelAnimationFrame(this.searchFrame);
      this.searchFrame = requestAnimationFrame(() => this.set({ search: this.search.value }));
    });
    this.columnsButton = button("", "Choose and find the columns shown", () => this.popover.toggle("columns", this.columnsButton, () => this.chooser()));
    this.selectButton = button("Select ▾", "Select all runs, the runs shown, the top k, or none", () =>
      this.popover.toggle("select", this.selectButton, () => this.selectMenu()),
    );
    this.topK.className = "rc-topk";
    this.topK.title = "Highlight the runs ranked this high or better by the first sort column";
    this.topKInput.type = "number";
    this.topKInput.min = "0";
    this.topKInput.max = "999";
    this.topKInput.addEventListener("change", () => {
      const k = Math.round(this.topKInput.valueAsNumber);
      if (Number.isFinite(k) && k >= 0) this.set({ topK: k });
    });
    this.topK.append("top", this.topKInput);
    this.status.className = "rc-status";
    this.hooks.controls.append(this.search, this.columnsButton, this.selectButton, this.topK, this.status);
  }

  private updateStatus() {
    let chosen = 0;
    for (let row = 0; row < this.selected.length; row++) chosen += this.selected[row];
    const shown = this.rows.order.length;
    const runs = shown === this.table.count ? `${thousands(shown)} runs` : `${thousands(shown)} of ${thousands(this.table.count)} runs`;
    this.status.textContent = chosen ? `${runs} · ${thousands(chosen)} selected` : runs;
  }

  private shownColumns(): TableColumn[] {
    return this.columns.map((c) => c.column);
  }

  private exported(from: number, to: number): ExportedRows {
    return { order: this.rows.order, ranks: this.rows.ranks, from, to };
  }

  private chooser(): HTMLElement {
    return columnChooser({
      columns: this.table.columns,
      shown: this.current.columns,
      defaults: this.table.columns.filter((c) => !c.hidden && c.id !== "name").map((c) => c.id),
      apply: (shown) => this.set({ columns: shown }),
    });
  }

  private openFilter(id: string, anchor: HTMLElement) {
    const column = this.table.column(id)!;
    const keptByOthers = this.order.keptExcept(this.current, id);
    this.popover.toggle(`filter:${id}`, anchor, () =>
      filterEditor({
        column,
        filter: this.current.filters.find((f) => f.column === id),
        keptByOthers,
        apply: (filter) => {
          const rest = this.current.filters.filter((f) => f.column !== id);
          this.set({ filters: filter ? [...rest, filter] : rest });
        },
      }),
    );
  }

  private selectMenu(): HTMLElement {
    const menu = document.createElement("div");
    menu.className = "rc-menu";
    const item = (text: string, rows: () => Iterable<number>) =>
      menu.append(
        button(text, `Select ${text.toLowerCase()}`, () => {
          this.selected.fill(0);
          for (const row of rows()) this.selected[row] = 1;
          this.popover.close();
          this.selectionChanged();
        }),
      );
    const { order, ranks } = this.rows;
    item(`All runs (${thousands(this.table.count)})`, () => this.table.ids.keys());
    item(`All shown (${thousands(order.length)}, passing the filters)`, () => order);
    if (ranks) item(`Top ${this.current.topK}`, () => [...order].filter((_, i) => ranks[i] > 0 && ranks[i] <= this.current.topK));
    item("None", () => []);
    return menu;
  }

  /** A click on a row's box: toggles it; with shift, every row from the last one clicked takes its new state. */
  private check(position: number, range: boolean) {
    const { order } = this.rows;
    const value = this.selected[order[position]] ? 0 : 1;
    if (range && this.anchor >= 0 && this.anchor < order.length) {
      const [from, to] = [Math.min(this.anchor, position), Math.max(this.anchor, position)];
      for (let i = from; i <= to; i++) this.selected[order[i]] = value;
    } else {
      this.selected[order[position]] = value;
    }
    this.anchor = position;
    this.selectionChanged();
  }

  /** The header's box: selects every run shown, or clears them when all are. */
  private checkShown() {
    const { order } = this.rows;
    const all = order.length > 0 && order.every((row) => this.selected[row] === 1);
    for (const row of order) this.selected[row] = all ? 0 : 1;
    this.selectionChanged();
  }

  private checkedIds(): string[] {
    const ids: string[] = [];
    for (let row = 0; row < this.selected.length; row++) if (this.selected[row]) ids.push(this.table.ids[row]);
    return ids;
  }

  private selectionChanged() {
    this.grid.refreshSelection();
    this.updateStatus();
    const ids = this.checkedIds();
    this.hooks.select(ids);
  }

  private key(event: KeyboardEvent) {
    const action = keyAction(event, this.grid.cursorPosition, this.rows.order.length, this.grid.pageRows);
    if (!action) return;
    event.preventDefault();
    if (action.kind === "columns") {
      this.grid.scrollColumns(action.direction);
      return;
    }
    if (action.kind === "toggle") {
      if (action.position >= 0) this.check(action.position, action.range);
      return;
    }
    const from = this.grid.cursorPosition;
    this.grid.moveCursor(action.position);
    if (action.extend && from >= 0) {
      const to = this.grid.cursorPosition;
      const { order } = this.rows;
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) this.selected[order[i]] = 1;
      this.selectionChanged();
    }
  }

  /** "/" anywhere in the view but a text box moves to the search box. */
  private readonly slash = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.key !== "/" || target.closest("input, textarea, select")) return;
    event.preventDefault();
    this.search.focus();
    this.search.select();
  };

  /** The width that shows a column's header and the widest of its values among the first rows shown and those on screen. */
  private fittedWidth(id: string): number {
    const column = this.table.column(id)!;
    const style = getComputedStyle(this.grid.scroller);
    const font = `12px ${style.fontFamily || "sans-serif"}`;
    const { order } = this.rows;
    const [from, to] = this.grid.rowsOnScreen();
    const positions = new Set<number>();
    for (let i = 0; i < Math.min(order.length, FIT_SAMPLE); i++) positions.add(i);
    for (let i = from; i < to; i++) positions.add(i);
    // Chips and the status dot take room besides their text.
    const extra = column.kind === "tags" ? 18 : column.kind === "status" ? 60 : 0;
    let widest = textWidth(column.label, `600 ${font}`) + 24;
    for (const position of positions) {
      const row = order[position];
      const chips = column.kind === "tags" ? column.tags(row).length * extra : extra;
      widest = Math.max(widest, textWidth(shownText(column, row, this.context), font) + chips);
    }
    return clampWidth(widest + 14);
  }
}
