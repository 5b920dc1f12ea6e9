import { describeGroups, type DescribedComparisons } from "../../data/significance-text.js";
import { setChildren } from "../../render/dom.js";
import { significanceBlock, testPicker } from "../../render/significance.js";
import type { ValueRow } from "./matrix.js";
import { SUMMARIES } from "../../data/summaries.js";
import type { Hooks, Settled } from "../../render/view.js";
import { rowExtremes } from "./extremes.js";
import { valuesCSV, valuesSVG } from "./export.js";
import { RUNS_AS, columnCount, columnHeading, sortValues, type Grid, type RunsAs } from "./grid.js";
import { nextSelection } from "./selection.js";
import { nextDirection, sortedRows, type SortDirection } from "./sort.js";
import { ROW_HEIGHT, columnWidth, renderTable, type TableGeometry } from "./table.js";
import { fontMeasure } from "../../render/text.js";
import { widestText } from "./text.js";
import { SCROLL_MAX_HEIGHT } from "./style.js";
import { visibleColumns } from "./window.js";
import { checkSettings, ValuesData, type Settings } from "./data.js";
import type { ValuesOptions } from "./index.js";

const SUMMARY_TITLES = {
  last: "Each run's value at its last step",
  min: "Each run's minimum over all steps, NaN ignored",
  max: "Each run's maximum over all steps, NaN ignored",
} as const;
const HEADING = { min: 120, max: 320, padding: 16 };
const EXTREMES_WIDTH = 156;
const FLASH_MS = 1200;

/** The controls and the scrolling table for one set of data; changed settings are shown in place. */
export class ValuesTable {
  private readonly container = document.createElement("div");
  private readonly switchButtons: HTMLButtonElement[];
  private readonly runsAsButtons: HTMLButtonElement[];
  private readonly extremesBox = document.createElement("input");
  private readonly extremesKey = document.createElement("span");
  private readonly status = document.createElement("span");
  private readonly scroller = document.createElement("div");
  private readonly table = document.createElement("table");
  /** Each series' groups compared with the base group, when the options group runs. */
  private readonly significance = document.createElement("div");
  private readonly measures = new Map<RunsAs, { longest: number; columnWidth: number }>();
  private readonly resizeObserver: ResizeObserver;
  private readonly fontFamily: string;
  private grid: Grid | null = null;
  private described: (DescribedComparisons & { key: string })[] = [];
  private selectedIds: readonly string[] = [];
  private range = "";
  private frame = 0;
  private hovered = -1;
  private flashed = -1;
  private flashTimer = 0;

  constructor(
    root: HTMLElement,
    private readonly data: ValuesData,
    private settings: Settings,
    private readonly hooks: Hooks<ValuesOptions>,
  ) {
    const group = document.createElement("div");
    group.className = "rc-switch";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Value of each series");
    this.switchButtons = SUMMARIES.map((summary) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = summary.toUpperCase();
      button.title = SUMMARY_TITLES[summary];
      button.addEventListener("click", () => hooks.apply({ summary }));
      group.append(button);
      return button;
    });
    const layout = document.createElement("div");
    layout.className = "rc-switch";
    layout.setAttribute("role", "group");
    layout.setAttribute("aria-label", "Runs as rows or columns");
    const caption = document.createElement("span");
    caption.className = "rc-caption";
    caption.textContent = "runs as";
    this.runsAsButtons = RUNS_AS.map((runsAs) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = runsAs;
      button.title = runsAs === "rows" ? "A row per run, a column per series" : "A column per run, a row per series";
      // Rows sorted by a column of the other layout would name a column it does not have.
      button.addEventListener("click", () => hooks.apply({ runsAs, sortBy: null, descending: false }));
      layout.append(button);
      return button;
    });
    const toggle = document.createElement("label");
    this.extremesBox.type = "checkbox";
    this.extremesBox.addEventListener("change", () => hooks.apply({ extremes: this.extremesBox.checked }));
    toggle.append(this.extremesBox, "highlight extremes");
    this.extremesKey.className = "rc-extremes-key";
    this.extremesKey.append(keyEntry("max", "▲ max"), keyEntry("min", "▼ min"));
    this.status.className = "rc-status";
    const runsAs = document.createElement("span");
    runsAs.className = "rc-runs-as";
    runsAs.append(caption, layout);
    hooks.controls.append(group, runsAs, toggle, this.extremesKey);
    if (settings.groupBy !== null) hooks.controls.append(testPicker(settings.test, (test) => hooks.apply({ test })));
    hooks.controls.append(this.status);

    // Before the element is on the page its font is unknown; JupyterLab's is close to this one.
    this.fontFamily = getComputedStyle(root).fontFamily || "system-ui, sans-serif";
    this.table.className = "rc-values-table";
    this.scroller.className = "rc-values-scroll";
    this.scroller.append(this.table);
    this.scroller.addEventListener("scroll", () => this.requestRender());
    this.table.addEventListener("click", (event) => this.clicked(event));
    this.table.addEventListener("pointerover", (event) => this.hover(runOf(event.target)));
    this.table.addEventListener("pointerleave", () => this.hover(-1));
    this.significance.className = "rc-values-significance";
    this.container.append(this.scroller, this.significance);
    root.append(this.container);
    this.resizeObserver = new ResizeObserver(() => this.requestRender());
    this.resizeObserver.observe(this.scroller);
  }

  highlight(ids: readonly string[]) {
    this.show(this.settings, ids);
  }

  /** Settings changed: shown in place, unless the runs table is another (the table is made anew). */
  update(changes: Partial<ValuesOptions>, options: Settled<ValuesOptions>): boolean {
    if ("runs" in changes || "groupBy" in changes || "pairBy" in changes || "base" in changes) return false;
    checkSettings(options, this.data);
    this.settings = options;
    this.show(options, this.selectedIds);
    return true;
  }

  private show(settings: Settings, selectedIds: readonly string[]) {
    const { columns, keys } = this.data;
    const series = this.data.rows(settings.summary);
    const runsAs = this.data.runsAs(settings);
    const headings = runsAs === "rows" ? keys : columns.ids;
    const sortColumn = settings.sortBy == null ? -1 : headings.indexOf(settings.sortBy);
    const direction: SortDirection = settings.descending ? "descending" : "ascending";
    const rowTotal = runsAs === "rows" ? columns.ids.length : series.length;
    this.selectedIds = selectedIds;
    this.grid = {
      runsAs,
      summary: settings.summary,
      series,
      runs: columns,
      order: sortColumn >= 0 ? sortedRows(sortValues(series, runsAs, sortColumn), direction) : Int32Array.from({ length: rowTotal }, (_, i) => i),
      extremes: settings.extremes ? series.map((row) => rowExtremes(row.values)) : null,
      selected: new Set(selectedIds.map((id) => columns.ids.indexOf(id)).filter((run) => run >= 0)),
      sort: sortColumn >= 0 ? { column: sortColumn, direction } : null,
    };
    this.switchButtons.forEach((button, i) => button.setAttribute("aria-pressed", String(SUMMARIES[i] === settings.summary)));
    this.runsAsButtons.forEach((button, i) => button.setAttribute("aria-pressed", String(RUNS_AS[i] === runsAs)));
    this.extremesBox.checked = settings.extremes;
    this.extremesKey.hidden = !settings.extremes;
    const left = columns.withoutValues ? ` · ${columns.withoutValues} runs with no values left out` : "";
    const chosen = this.grid.selected.size ? ` · ${this.grid.selected.size} selected` : "";
    this.status.textContent = `${series.length} series × ${columns.ids.length} runs${left}${chosen}`;
    this.showSignificance(settings, series);
    this.render();
  }

  /** Under the table, each series' groups compared with the base group, on the values the cells show. */
  private showSignificance(settings: Settings, series: readonly ValueRow[]) {
    const described =
      settings.groupBy === null ? [] : series.map((row) => ({ key: row.key, ...describeGroups(this.data.runs!, this.data.valuesOfRuns(row), settings)! }));
    this.described = described;
    this.significance.hidden = described.length === 0;
    setChildren(
      this.significance,
      described.map(({ key, base, texts }) => significanceBlock(base, texts, `${key} (${settings.summary})`)),
    );
  }

  exportSVG(): string {
    return this.grid ? valuesSVG(this.grid, this.container, this.described) : "";
  }

  exportCSV(): string {
    return this.grid ? valuesCSV(this.grid) : "";
  }

  destroy() {
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.flashTimer);
    this.container.remove();
  }

  /** The widths of the columns: the first as wide as its longest heading, up to a third of the view or 320px. */
  private geometry(runsAs: RunsAs): TableGeometry {
    let measure = this.measures.get(runsAs);
    if (!measure) {
      const { columns, keys } = this.data;
      const [headings, others] = runsAs === "rows" ? [columns.names, keys] : [keys, columns.names];
      const width = fontMeasure(`600 12px ${this.fontFamily}`);
      measure = {
        longest: widestText([runsAs === "rows" ? "run" : "metric", ...headings], width),
        // A series' column also holds its extremes under the name: "▲ 0.9543" needs some 70px.
        columnWidth: columnWidth(others, this.fontFamily, runsAs === "rows" ? 80 : 64),
      };
      this.measures.set(runsAs, measure);
    }
    const room = Math.max(HEADING.min, Math.min(HEADING.max, (this.scroller.clientWidth || 1600) / 3));
    return {
      headingWidth: Math.round(Math.min(room, Math.max(HEADING.min, measure.longest + HEADING.padding))),
      columnWidth: measure.columnWidth,
      extremesWidth: EXTREMES_WIDTH,
    };
  }

  private requestRender() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      if (this.visibleRange().key !== this.range) this.render();
    });
  }

  private visibleRange(): { columns: [number, number]; rows: [number, number]; key: string } {
    const grid = this.grid!;
    const geometry = this.geometry(grid.runsAs);
    // Before the element is on the page it has no size: fill a large screen's width, and the
    // height it will scroll in (the rows of the first paint are then those the page shows).
    const width = this.scroller.clientWidth || 1600;
    const height = this.scroller.clientHeight || SCROLL_MAX_HEIGHT;
    const columns = visibleColumns(this.scroller.scrollLeft, width, geometry.columnWidth, columnCount(grid));
    const head = this.table.tHead?.offsetHeight ?? 0;
    const rows = visibleColumns(Math.max(0, this.scroller.scrollTop - head), height, ROW_HEIGHT, grid.order.length, 8);
    return { columns, rows, key: `${grid.runsAs}:${columns}:${rows}:${geometry.headingWidth}` };
  }

  private render() {
    if (!this.grid) return;
    const { columns, rows, key } = this.visibleRange();
    this.range = key;
    renderTable(this.table, this.grid, this.geometry(this.grid.runsAs), columns, rows);
    if (this.hovered >= 0) this.markRun("rc-hovered", this.hovered, true);
    if (this.flashed >= 0) this.markRun("rc-flash", this.flashed, true);
  }

  /** The run under the pointer stands out: its row, or its column and header. */
  private hover(run: number) {
    if (run === this.hovered) return;
    if (this.hovered >= 0) this.markRun("rc-hovered", this.hovered, false);
    this.hovered = run;
    if (run >= 0) this.markRun("rc-hovered", run, true);
  }

  private markRun(className: string, run: number, on: boolean) {
    for (const element of this.table.querySelectorAll(`tr[data-run="${run}"], td[data-run="${run}"], th[data-run="${run}"]`))
      element.classList.toggle(className, on);
  }

  /** Scrolls a run's row or column into view and flashes it (a click on a series' extreme). */
  private reveal(run: number) {
    const grid = this.grid!;
    const geometry = this.geometry(grid.runsAs);
    if (grid.runsAs === "rows") {
      const row = grid.order.indexOf(run);
      const head = this.table.tHead?.offsetHeight ?? 0;
      const top = row * ROW_HEIGHT;
      const view = this.scroller.clientHeight - head;
      if (top < this.scroller.scrollTop || top + ROW_HEIGHT > this.scroller.scrollTop + view) this.scroller.scrollTop = Math.max(0, top - view / 3);
    } else {
      const left = run * geometry.columnWidth;
      const view = this.scroller.clientWidth - geometry.headingWidth - geometry.extremesWidth;
      if (left < this.scroller.scrollLeft || left + geometry.columnWidth > this.scroller.scrollLeft + view)
        this.scroller.scrollLeft = Math.max(0, left - view / 3);
    }
    if (this.flashed >= 0) this.markRun("rc-flash", this.flashed, false);
    this.flashed = run;
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => {
      this.markRun("rc-flash", this.flashed, false);
      this.flashed = -1;
    }, FLASH_MS);
    this.render();
  }

  private clicked(event: MouseEvent) {
    const target = event.target as Element;
    const grid = this.grid;
    if (!grid) return;
    const extreme = target.closest<HTMLElement>("[data-action=extreme]");
    if (extreme) return this.reveal(Number(extreme.dataset.run));
    const header = target.closest<HTMLElement>("th.rc-column");
    if (header && target.closest(".rc-sort")) {
      const column = Number(header.dataset.column);
      const current = grid.sort?.column === column ? grid.sort.direction : null;
      const next = nextDirection(current);
      const id = columnHeading(grid, column).id;
      this.hooks.apply({ sortBy: next ? id : null, descending: next === "descending" });
      return;
    }
    const name = target.closest(".rc-run-name");
    const run = runOf(target);
    if (!name || run < 0) return;
    const ids = nextSelection(this.selectedIds, this.data.columns.ids[run], event.shiftKey);
    this.show(this.settings, ids);
    this.hooks.select(ids);
  }
}

/** The run of the row, column header or cell an element lies in, or -1. */
function runOf(target: EventTarget | null): number {
  const element = (target as Element | null)?.closest?.<HTMLElement>("[data-run]");
  return element ? Number(element.dataset.run) : -1;
}

function keyEntry(extreme: "max" | "min", text: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = `rc-${extreme}`;
  span.textContent = text;
  return span;
}
