import { setChildren } from "../../render/dom.js";
import { max } from "d3";
import { type Details } from "../../data/details.js";
import { lineageDifferences, lineageWarning } from "../../data/lineage.js";
import { compareRuns, isLongText, moveRun, withBase, type Comparisons } from "../../data/diff.js";
import { findMatches, searchPattern, stepThrough } from "../../data/search.js";
import { saveFile } from "../../render/export.js";
import { nameCell, valueCell } from "./cells.js";
import { fieldDigits } from "./numbers.js";
import { controls, type Controls } from "./controls.js";
import { diffCSV, diffJSON, diffSVG, type DiffContent } from "./export.js";
import { headerRow } from "./header.js";
import { layOutRows, sectionKeys, visibleColumns, visibleRows, type RowLayout } from "./rows.js";
import { panelLines, panelSummary, renderPanel, textPanel, type TextPanel } from "./text.js";
import type { Hooks, Settled } from "../../render/view.js";
import type { DiffOptions, DiffState } from "./index.js";
import { chooseRuns } from "./runs.js";

interface Shown {
  rows: [number, number];
  columns: [number, number];
}

const ROW_HEIGHT = 26;
const LINE_HEIGHT = 17;
const MAX_TEXT_LINES = 24;
const NAME_WIDTH = 260;
const MIN_COLUMN = 180;
const MAX_COLUMN = 560;
const FLASH_MS = 1200;

/** The table for one details input: its controls, header and virtualised rows; changed options are shown in place. */
export class DiffTable {
  runs: number[] = [];
  /** The runs the options chose; those the user removed since can be restored. */
  private chosen: number[] = [];
  private comparisons!: Comparisons;
  private layout!: RowLayout;
  private hideIdentical: boolean;
  private readonly collapsed = new Set<string>();
  private readonly expanded = new Set<number>();
  private pattern: RegExp | null = null;
  /** Fields that match the search, in order. */
  private matches: number[] = [];
  private matchedFields = new Set<number>();
  private focused: number | null = null;
  private flashed: number | null = null;
  private flashTimer = 0;
  private frame = 0;
  /** The rows and the non-base run columns in the DOM, as [first, end) each. */
  private shown: Shown = { rows: [0, 0], columns: [1, 1] };
  private columnWidth = MIN_COLUMN;
  private readonly longFields = new Map<number, boolean>();
  /** Per field, the significant digits its numbers are shown to (null: as written). */
  private readonly digits = new Map<number, number | null>();
  /** Expanded text panels by "field:run", for the current base. */
  private readonly panels = new Map<string, TextPanel>();
  private readonly controls: Controls;
  private header: ReturnType<typeof headerRow> | null = null;
  private readonly container = document.createElement("div");
  /** Says first when the compared runs differ in code, data or environment. */
  private readonly banner = document.createElement("div");
  private readonly scroller = document.createElement("div");
  private readonly body = document.createElement("div");
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly root: HTMLElement,
    private readonly details: Details,
    settings: Settled<DiffOptions>,
    private readonly hooks: Hooks<DiffOptions>,
  ) {
    // Checked first: the runs named may not be in the details, and nothing is drawn then.
    const runs = chooseRuns(details, settings.runs as readonly string[] | null, settings.base);
    this.hideIdentical = settings.hideIdentical;
    for (const key of settings.state.collapsed ?? []) this.collapsed.add(key);
    this.controls = controls({
      hideIdentical: (hide) => {
        this.setHideIdentical(hide);
        hooks.record({ hideIdentical: hide });
      },
      difference: (step) => this.step(this.comparisons.differing, step),
      search: (query) => {
        const found = this.setSearch(query);
        if (found) hooks.record({ search: query });
        return found;
      },
      match: (step) => this.step(this.matches, step),
      exportJSON: () => void saveFile(this.root, "diff", "json", new Blob([this.exportJSON()], { type: "application/json" })).catch(() => {}),
      restoreRuns: () => this.setRuns([...this.runs, ...this.removedRuns()], true),
    });
    this.controls.hideBox.checked = this.hideIdentical;
    this.controls.searchBox.value = settings.search;
    this.pattern = searchPattern(settings.search);
    this.container.className = "rc-diff-table";
    this.container.style.setProperty("--rc-diff-name", `${NAME_WIDTH}px`);
    this.scroller.className = "rc-diff-scroll";
    this.scroller.setAttribute("role", "grid");
    this.scroller.setAttribute("aria-label", "Fields of each run, compared with the base run");
    this.body.className = "rc-diff-body";
    this.body.setAttribute("role", "rowgroup");
    this.scroller.append(this.body);
    this.setHeight(settings.height);
    hooks.controls.append(this.controls.bar);
    hooks.exports.append(this.controls.exportJSON);
    this.banner.className = "rc-diff-lineage";
    this.banner.setAttribute("role", "status");
    this.container.append(this.banner, this.scroller, this.controls.hint);
    root.append(this.container);

    this.scroller.addEventListener("scroll", this.scrolled);
    this.body.addEventListener("click", this.clicked);
    root.addEventListener("keydown", this.keydown);
    this.resizeObserver = new ResizeObserver(() => this.resized());
    this.resizeObserver.observe(this.scroller);
    this.setRuns(runs, false);
  }

  /** The runs compared, set from outside: those of these ids this data has, in their order; the base stays the base when among them, else the first is. */
  highlight(ids: readonly string[]) {
    const runs = [...new Set(ids.map((id) => this.details.ids.indexOf(id)).filter((run) => run >= 0))];
    if (!runs.length || sameRuns(runs, this.runs)) return;
    const base = this.runs[0];
    this.setRuns(runs.includes(base) ? withBase(runs, base) : runs, false);
    this.hooks.record(this.shownRuns());
  }

  /** The runs compared, the base first. */
  selection(): string[] {
    return this.runs.map((run) => this.details.ids[run]);
  }

  /** The runs compared and the base as shown, and the sections collapsed. */
  state(): Pick<DiffState, "runs" | "base" | "collapsed"> {
    return { ...this.shownRuns(), collapsed: [...this.collapsed] };
  }

  private shownRuns(): { runs: string[]; base: string } {
    const runs = this.selection();
    return { runs, base: runs[0] };
  }

  update(changes: Partial<DiffOptions>, options: Settled<DiffOptions>): boolean {
    if ("runs" in changes || "base" in changes) this.setRuns(chooseRuns(this.details, options.runs as readonly string[] | null, options.base), false);
    if ("hideIdentical" in changes) this.setHideIdentical(options.hideIdentical);
    if ("search" in changes) this.setSearch(options.search);
    if ("height" in changes) this.setHeight(options.height);
    return true;
  }

  private setRuns(runs: number[], byUser: boolean) {
    const baseChanged = runs[0] !== this.runs[0];
    this.runs = runs;
    if (!byUser) this.chosen = runs;
    if (baseChanged) this.panels.clear();
    this.comparisons = compareRuns(this.details, runs);
    const warning = lineageWarning(lineageDifferences(this.details, this.comparisons));
    this.banner.textContent = warning ?? "";
    this.banner.hidden = warning === null;
    this.fitColumns();
    this.header?.row.remove();
    this.header?.destroy();
    this.header = headerRow(
      runs.map((run) => ({ id: this.details.ids[run], name: this.details.names[run] })),
      {
        makeBase: (column) => this.setRuns(withBase(this.runs, this.runs[column]), true),
        remove: (column) =>
          this.runs.length > 1 &&
          this.setRuns(
            this.runs.filter((_, c) => c !== column),
            true,
          ),
        move: (from, to) => this.setRuns(moveRun(this.runs, from, to), true),
      },
    );
    this.scroller.insertBefore(this.header.row, this.body);
    this.relayout();
    if (!byUser) return;
    this.hooks.select(this.selection());
    this.hooks.record(this.shownRuns());
  }

  private setHideIdentical(hide: boolean) {
    this.hideIdentical = hide;
    this.controls.hideBox.checked = hide;
    this.relayout();
  }

  /** Finds the text and focuses its first match; false when it is the text already found. */
  private setSearch(query: string): boolean {
    if (this.controls.searchBox.value !== query) this.controls.searchBox.value = query;
    const pattern = searchPattern(query);
    if (pattern?.source === this.pattern?.source) return false;
    this.pattern = pattern;
    this.findMatches();
    const first = this.matches.find((field) => this.focused === null || field >= this.focused) ?? this.matches[0];
    if (first !== undefined) this.reveal(first);
    else this.renderRows();
    this.showStatus();
    return true;
  }

  private setHeight(height: number) {
    this.scroller.style.maxHeight = `${height}px`;
    this.requestRender();
  }

  exportCSV(): string {
    return diffCSV(this.content());
  }

  exportJSON(): string {
    return diffJSON(this.content());
  }

  exportSVG(): string {
    return diffSVG(this.content(), this.layout.rows, this.root);
  }

  destroy() {
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.flashTimer);
    this.controls.destroy();
    this.header?.destroy();
    this.scroller.removeEventListener("scroll", this.scrolled);
    this.body.removeEventListener("click", this.clicked);
    this.root.removeEventListener("keydown", this.keydown);
    this.container.remove();
  }

  private content(): DiffContent {
    return { details: this.details, comparisons: this.comparisons, fields: this.layout.fields };
  }

  private removedRuns(): number[] {
    const shown = new Set(this.runs);
    return this.chosen.filter((run) => !shown.has(run));
  }

  /** Rebuilds the rows after the runs, the filter, a section or an expanded field changed. */
  private relayout() {
    this.layout = layOutRows({
      paths: this.details.paths,
      status: this.comparisons.status,
      hideIdentical: this.hideIdentical,
      collapsed: this.collapsed,
      expanded: this.expanded,
      rowHeight: ROW_HEIGHT,
      textHeight: (field) => this.textHeight(field),
    });
    this.body.style.height = `${this.layout.offsets[this.layout.rows.length]}px`;
    this.scroller.setAttribute("aria-rowcount", String(this.layout.rows.length + 1));
    this.findMatches();
    this.renderRows();
    this.showStatus();
  }

  private findMatches() {
    this.matches = this.pattern ? findMatches(this.details, this.layout.fields, this.runs, this.pattern) : [];
    this.matchedFields = new Set(this.matches);
  }

  /** Moves the focus to the next or previous field of a list, opening its sections and scrolling it into view. */
  private step(fields: readonly number[], direction: 1 | -1) {
    const field = stepThrough(fields, this.focused, direction);
    if (field !== null) this.reveal(field);
  }

  private reveal(field: number) {
    let opened = false;
    for (const key of sectionKeys(this.details.paths[field])) opened = this.collapsed.delete(key) || opened;
    if (opened) {
      this.relayout();
      this.hooks.stateChanged();
    }
    this.focused = field;
    this.flashed = field;
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => {
      this.flashed = null;
      this.body.querySelector(".rc-flash")?.classList.remove("rc-flash");
    }, FLASH_MS);
    const row = this.layout.rowOfField.get(field);
    if (row !== undefined) this.scrollToRow(row);
    this.renderRows();
    this.showStatus();
  }

  private scrollToRow(row: number) {
    const headHeight = this.header?.row.offsetHeight ?? 0;
    const top = this.layout.offsets[row] + this.body.offsetTop;
    const bottom = this.layout.offsets[row + 1] + this.body.offsetTop;
    const viewport = this.scroller.clientHeight;
    if (top - headHeight >= this.scroller.scrollTop && bottom <= this.scroller.scrollTop + viewport) return;
    this.scroller.scrollTop = Math.max(0, top - headHeight - (viewport - headHeight) / 3);
  }

  private showStatus() {
    const { differing } = this.comparisons;
    const total = this.details.paths.length;
    const hidden = this.hideIdentical ? total - this.layout.fields.length : 0;
    const at = this.focused === null ? -1 : differing.indexOf(this.focused);
    const removed = this.removedRuns().length;
    this.controls.status.textContent = [
      `${differing.length} of ${total} fields differ`,
      at >= 0 ? `difference ${at + 1} of ${differing.length}` : "",
      hidden ? `${hidden} identical hidden` : "",
      removed ? `${removed} run${removed === 1 ? "" : "s"} removed` : "",
    ]
      .filter(Boolean)
      .join(" · ");
    this.controls.restore.hidden = removed === 0;
    const matchAt = this.focused === null ? -1 : this.matches.indexOf(this.focused);
    this.controls.matchStatus.textContent = !this.pattern
      ? ""
      : this.matches.length === 0
        ? "no match"
        : matchAt >= 0
          ? `${matchAt + 1} of ${this.matches.length}`
          : `${this.matches.length} match${this.matches.length === 1 ? "" : "es"}`;
  }

  private isLong(field: number): boolean {
    let long = this.longFields.get(field);
    if (long === undefined) {
      long = this.details.values[field].some(isLongText);
      this.longFields.set(field, long);
    }
    return long;
  }

  private panel(field: number, column: number): TextPanel {
    const run = this.runs[column];
    const key = `${field}:${run}`;
    let panel = this.panels.get(key);
    if (!panel) {
      const values = this.details.values[field];
      panel = textPanel(this.details.paths[field], values[run], values[this.runs[0]], column === 0);
      this.panels.set(key, panel);
    }
    return panel;
  }

  private textHeight(field: number): number {
    const lines = max(this.runs, (_, column) => panelLines(this.panel(field, column))) ?? 0;
    return Math.min(lines, MAX_TEXT_LINES) * LINE_HEIGHT + 10;
  }

  /** Columns share the width there is, within bounds: two runs get wide columns, fifty scroll. */
  private fitColumns() {
    const available = (this.scroller.clientWidth || 960) - NAME_WIDTH - 2;
    this.columnWidth = Math.round(Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, available / this.runs.length)));
    this.container.style.setProperty("--rc-diff-column", `${this.columnWidth}px`);
    const width = `${NAME_WIDTH + this.runs.length * this.columnWidth}px`;
    this.body.style.width = width;
  }

  private resized() {
    const before = this.columnWidth;
    this.fitColumns();
    if (before !== this.columnWidth) this.renderRows();
    else this.requestRender();
  }

  private readonly scrolled = () => this.requestRender();

  private requestRender() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const { rows, columns } = this.visibleWindow();
      const same = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];
      if (!same(rows, this.shown.rows) || !same(columns, this.shown.columns)) this.renderRows();
    });
  }

  /** The rows in the viewport, and the run columns right of the base (which stays on screen, as do the names). */
  private visibleWindow(): Shown {
    const top = Math.max(0, this.scroller.scrollTop - this.body.offsetTop);
    // Before the element is on the page it has no size: fill the largest size it may take.
    const height = this.scroller.clientHeight || Number.parseFloat(this.scroller.style.maxHeight) || 560;
    const width = this.scroller.clientWidth || 1600;
    const left = this.scroller.scrollLeft + this.columnWidth;
    const [first, end] = visibleColumns(left, width - NAME_WIDTH - this.columnWidth, this.columnWidth, this.runs.length);
    return { rows: visibleRows(this.layout.offsets, top, top + height), columns: [Math.max(1, first), Math.max(1, end)] };
  }

  private renderRows() {
    this.shown = this.visibleWindow();
    const rows: HTMLElement[] = [];
    for (let index = this.shown.rows[0]; index < this.shown.rows[1]; index++) rows.push(this.rowElement(index));
    if (this.layout.rows.length === 0) rows.push(this.emptyNote());
    setChildren(this.body, rows);
  }

  private emptyNote(): HTMLElement {
    const note = document.createElement("div");
    note.className = "rc-empty-table";
    note.textContent = this.hideIdentical ? "Every field is identical to the base." : "The runs have no fields.";
    return note;
  }

  private rowElement(index: number): HTMLElement {
    const row = this.layout.rows[index];
    const element = document.createElement("div");
    element.className = "rc-diff-row";
    element.setAttribute("role", "row");
    element.setAttribute("aria-rowindex", String(index + 2));
    element.dataset.kind = row.kind;
    element.style.top = `${this.layout.offsets[index]}px`;
    element.style.height = `${this.layout.offsets[index + 1] - this.layout.offsets[index]}px`;
    if (row.kind === "section") {
      element.append(nameCell(row, row.key, this.pattern, false, false));
      return element;
    }
    const { field } = row;
    const path = this.details.paths[field];
    const values = this.details.values[field];
    element.dataset.path = path;
    element.dataset.status = this.comparisons.status[field];
    if (row.kind === "text") {
      const spacer = document.createElement("div");
      spacer.className = "rc-name";
      element.append(spacer, ...this.shownColumns((column) => this.textCell(field, column)));
      return element;
    }
    if (field === this.focused) {
      element.classList.add("rc-focused");
      element.setAttribute("aria-current", "true");
    }
    if (field === this.flashed) element.classList.add("rc-flash");
    if (this.matchedFields.has(field)) element.classList.add("rc-match");
    const long = this.isLong(field);
    if (!this.digits.has(field)) this.digits.set(field, fieldDigits(values));
    const digits = this.digits.get(field)!;
    element.append(nameCell(row, path, this.pattern, long, this.expanded.has(field)));
    element.append(
      ...this.shownColumns((column) => {
        const run = this.runs[column];
        const comparison = column === 0 ? "base" : this.comparisons.cell(field, column);
        const summary = long && values[run] !== null ? panelSummary(this.panel(field, column)) : null;
        return valueCell(values[run], comparison, summary, this.pattern, column, digits);
      }),
    );
    return element;
  }

  /** Cells of the base and of the columns in view, with a gap standing in for those scrolled past. */
  private shownColumns(cell: (column: number) => HTMLElement): HTMLElement[] {
    const [first, end] = this.shown.columns;
    const cells = [cell(0)];
    if (first > 1) {
      const gap = document.createElement("div");
      gap.className = "rc-gap";
      gap.style.width = `${(first - 1) * this.columnWidth}px`;
      cells.push(gap);
    }
    for (let column = first; column < end; column++) cells.push(cell(column));
    return cells;
  }

  private textCell(field: number, column: number): HTMLElement {
    const cell = document.createElement("div");
    cell.className = column === 0 ? "rc-cell rc-base" : "rc-cell";
    cell.setAttribute("role", "gridcell");
    cell.setAttribute("aria-colindex", String(column + 2));
    cell.append(renderPanel(this.panel(field, column), this.pattern));
    return cell;
  }

  private readonly clicked = (event: MouseEvent) => {
    const target = event.target as Element;
    const action = target.closest<HTMLElement>("[data-action]");
    if (action?.dataset.action === "section") {
      const key = action.dataset.section!;
      if (!this.collapsed.delete(key)) this.collapsed.add(key);
      this.relayout();
      this.hooks.stateChanged();
      return;
    }
    if (action?.dataset.action === "expand") {
      const field = Number(action.dataset.field);
      if (!this.expanded.delete(field)) this.expanded.add(field);
      this.focused = field;
      this.relayout();
      return;
    }
    const row = target.closest<HTMLElement>(".rc-diff-row[data-kind='field']");
    if (row) {
      this.focused = fieldOfRow(this.layout, row);
      this.renderRows();
      this.showStatus();
    }
  };

  private readonly keydown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as Element).closest("input, textarea, select, [contenteditable='true']")) return;
    const actions: Record<string, () => void> = {
      n: () => this.step(this.comparisons.differing, 1),
      j: () => this.step(this.comparisons.differing, 1),
      p: () => this.step(this.comparisons.differing, -1),
      k: () => this.step(this.comparisons.differing, -1),
      "/": () => this.controls.searchBox.focus(),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };
}

function fieldOfRow(layout: RowLayout, element: HTMLElement): number | null {
  const row = layout.rows[Number(element.getAttribute("aria-rowindex")) - 2];
  return row && row.kind !== "section" ? row.field : null;
}

function sameRuns(a: readonly number[], b: readonly number[]) {
  return a.length === b.length && a.every((run, i) => run === b[i]);
}
