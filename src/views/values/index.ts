import { max } from "d3";
import { failExport } from "../../render/export.js";
import { RunsDataError, messages } from "../../data/errors.js";
import type { RunsInput } from "../../data/input.js";
import { readRuns } from "../../data/runs.js";
import { readScalars, type Scalars, type ScalarsInput } from "../../data/scalars.js";
import { SUMMARIES, type Summary } from "../../data/summaries.js";
import { errorBox } from "../../render/error.js";
import { viewStyle } from "../../render/style.js";
import { toolbar } from "../../render/toolbar.js";
import { rowExtremes } from "./extremes.js";
import { valuesCSV, valuesSVG } from "./export.js";
import { RUNS_AS, columnCount, columnHeading, defaultRunsAs, sortValues, type Grid, type RunsAs } from "./grid.js";
import { reportCounts, runColumns, valueRows, type RunColumns, type ValueRow } from "./matrix.js";
import { nextSelection } from "./selection.js";
import { nextDirection, sortedRows, type SortDirection } from "./sort.js";
import { valuesStyle } from "./style.js";
import { ROW_HEIGHT, columnWidth, renderTable, type TableGeometry } from "./table.js";
import { textWidth } from "./text.js";
import { visibleColumns } from "./window.js";
import { ownInputEventsOnly } from "../../render/view.js";

export interface ValuesOptions {
  /** A runs table: its runs that reported a value are shown, in its order, by their names. Else the scalars' runs. */
  runs?: RunsInput | null;
  /** Which value of each series a cell shows; the switch in the view changes it too. */
  summary?: Summary;
  /** Highlight each series' highest and lowest values, and keep them in view beside it. */
  extremes?: boolean;
  /**
   * A run per row ("rows") or per column ("columns"); null (the default) takes rows when there
   * are more runs than series, so the table grows downwards. The view has a switch for it.
   */
  runsAs?: RunsAs | null;
  /**
   * The column whose values order the rows: a run id when runs are columns, a series when runs
   * are rows; null keeps the original order.
   */
  sortBy?: string | null;
  descending?: boolean;
  /** Run ids to highlight, as set from outside (Python's `w.selected`). */
  selected?: readonly string[];
}

export interface ValuesElement extends HTMLElement {
  /** The selected run ids: chosen by clicking run names, or set from outside. */
  value: string[];
  update(options: Partial<ValuesOptions>): void;
  destroy(): void;
  /** The error shown in place of the table, if the data could not be shown. */
  readonly error: string | null;
  /** The whole table (every run and series, as sorted and laid out) as a standalone SVG document. */
  exportSVG(): string;
  /** The values at full precision, laid out and ordered as shown. */
  exportCSV(): string;
}

type Settings = Required<Pick<ValuesOptions, "summary" | "extremes" | "descending">> & Pick<ValuesOptions, "sortBy" | "runsAs">;

/** A table of each run's last, min or max value of every series of the scalars. */
export function values(scalars: ScalarsInput, options: ValuesOptions = {}): ValuesElement {
  const root = document.createElement("div") as unknown as ValuesElement;
  root.className = "rc-view rc-values";
  ownInputEventsOnly(root);
  root.append(viewStyle(), valuesStyle());
  let { selected = [], runs = null, ...rest } = options;
  let settings: Settings = { summary: "last", extremes: true, descending: false, runsAs: null, ...rest };
  let data: ValuesData | null = null;
  let table: ValuesTable | null = null;
  let error: string | null = null;

  const clearError = () => {
    error = null;
    root.querySelector(".rc-error")?.remove();
  };
  const fail = (e: unknown) => {
    table?.destroy();
    table = null;
    error = e instanceof Error ? e.message : String(e);

    root.append(errorBox(error));
  };
  const load = () => {
    data = null;
    clearError();
    try {
      data = new ValuesData(readScalars(scalars), runs ? readRuns(runs) : null);
    } catch (e) {
      fail(e);
    }
  };
  const show = () => {
    if (!data) return;
    clearError();
    try {
      checkSettings(settings, data);
      table ??= new ValuesTable(root, data, {
        select: (ids) => {
          selected = ids;
          table!.show(settings, selected);
          root.dispatchEvent(new Event("input", { bubbles: true }));
        },
        change: (changes) => {
          settings = { ...settings, ...changes };
          table!.show(settings, selected);
        },
      });
      table.show(settings, selected);
    } catch (e) {
      fail(e);
    }
  };

  Object.defineProperties(root, {
    value: {
      get: () => selected,
      set: (ids: readonly string[]) => {
        selected = [...ids];
        table?.show(settings, selected);
      },
    },
    error: { get: () => error },
  });
  root.update = (changes) => {
    const { selected: ids, runs: newRuns, ...changed } = changes;
    if (ids) selected = [...ids];
    settings = { ...settings, ...changed };
    if (newRuns !== undefined) {
      runs = newRuns;
      table?.destroy();
      table = null;
      load();
    }
    show();
  };
  const shown = () => table ?? failExport(error);
  root.exportSVG = () => shown().exportSVG();
  root.exportCSV = () => shown().exportCSV();
  root.destroy = () => {
    table?.destroy();
    table = null;
    root.replaceChildren();
  };
  load();
  show();
  return root;
}

function checkSettings(settings: Settings, data: ValuesData) {
  if (!SUMMARIES.includes(settings.summary)) throw new RunsDataError(messages.unknownSummary(settings.summary));
  if (settings.runsAs != null && !RUNS_AS.includes(settings.runsAs)) throw new RunsDataError(messages.badOption("runsAs", RUNS_AS, settings.runsAs));
  if (settings.sortBy == null) return;
  if (data.runsAs(settings) === "columns") {
    if (!data.columns.ids.includes(settings.sortBy)) throw new RunsDataError(messages.unknownSortRun(settings.sortBy, data.columns.ids));
  } else if (!data.keys.includes(settings.sortBy)) {
    throw new RunsDataError(messages.unknownSortSeries(settings.sortBy, data.keys));
  }
}

/** The tables read once; each summary's rows computed the first time they are shown. */
class ValuesData {
  readonly columns: RunColumns;
  readonly keys: readonly string[];
  private readonly counts: Int32Array;
  private readonly rowsBySummary = new Map<Summary, ValueRow[]>();

  constructor(
    private readonly scalars: Scalars,
    runs: ReturnType<typeof readRuns> | null,
  ) {
    this.columns = runColumns(scalars, runs);
    this.keys = scalars.series.map((series) => series.key);
    this.counts = reportCounts(scalars);
  }

  rows(summary: Summary): ValueRow[] {
    let rows = this.rowsBySummary.get(summary);
    if (!rows) {
      rows = valueRows(this.scalars, this.columns, this.counts, summary);
      this.rowsBySummary.set(summary, rows);
    }
    return rows;
  }

  runsAs(settings: Settings): RunsAs {
    return settings.runsAs ?? defaultRunsAs(this.columns.ids.length, this.keys.length);
  }
}

interface TableListener {
  select(ids: string[]): void;
  change(settings: Partial<Settings>): void;
}

const SUMMARY_TITLES = {
  last: "Each run's value at its last step",
  min: "Each run's minimum over all steps, NaN ignored",
  max: "Each run's maximum over all steps, NaN ignored",
} as const;
const HEADING = { min: 120, max: 320, padding: 16 };
const EXTREMES_WIDTH = 156;
const FLASH_MS = 1200;

/** The controls and the scrolling table for one set of data. */
class ValuesTable {
  private readonly container = document.createElement("div");
  private readonly switchButtons: HTMLButtonElement[];
  private readonly runsAsButtons: HTMLButtonElement[];
  private readonly extremesBox = document.createElement("input");
  private readonly extremesKey = document.createElement("span");
  private readonly status = document.createElement("span");
  private readonly scroller = document.createElement("div");
  private readonly table = document.createElement("table");
  private readonly measures = new Map<RunsAs, { longest: number; columnWidth: number }>();
  private readonly resizeObserver: ResizeObserver;
  private readonly fontFamily: string;
  private grid: Grid | null = null;
  private selectedIds: readonly string[] = [];
  private range = "";
  private frame = 0;
  private hovered = -1;
  private flashed = -1;
  private flashTimer = 0;

  constructor(
    root: HTMLElement,
    private readonly data: ValuesData,
    private readonly listener: TableListener,
  ) {
    const { bar, controls } = toolbar({ exportSVG: () => this.exportSVG(), exportCSV: () => this.exportCSV() }, "values");
    const group = document.createElement("div");
    group.className = "rc-switch";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Value of each series");
    this.switchButtons = SUMMARIES.map((summary) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = summary.toUpperCase();
      button.title = SUMMARY_TITLES[summary];
      button.addEventListener("click", () => listener.change({ summary }));
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
      button.addEventListener("click", () => listener.change({ runsAs, sortBy: null, descending: false }));
      layout.append(button);
      return button;
    });
    const toggle = document.createElement("label");
    this.extremesBox.type = "checkbox";
    this.extremesBox.addEventListener("change", () => listener.change({ extremes: this.extremesBox.checked }));
    toggle.append(this.extremesBox, "highlight extremes");
    this.extremesKey.className = "rc-extremes-key";
    this.extremesKey.append(keyEntry("max", "▲ max"), keyEntry("min", "▼ min"));
    this.status.className = "rc-status";
    const runsAs = document.createElement("span");
    runsAs.className = "rc-runs-as";
    runsAs.append(caption, layout);
    controls.append(group, runsAs, toggle, this.extremesKey, this.status);

    // Before the element is on the page its font is unknown; JupyterLab's is close to this one.
    this.fontFamily = getComputedStyle(root).fontFamily || "system-ui, sans-serif";
    this.table.className = "rc-values-table";
    this.scroller.className = "rc-values-scroll";
    this.scroller.append(this.table);
    this.scroller.addEventListener("scroll", () => this.requestRender());
    this.table.addEventListener("click", (event) => this.clicked(event));
    this.table.addEventListener("pointerover", (event) => this.hover(runOf(event.target)));
    this.table.addEventListener("pointerleave", () => this.hover(-1));
    this.container.append(bar, this.scroller);
    root.append(this.container);
    this.resizeObserver = new ResizeObserver(() => this.requestRender());
    this.resizeObserver.observe(this.scroller);
  }

  show(settings: Settings, selectedIds: readonly string[]) {
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
    this.render();
  }

  exportSVG(): string {
    return this.grid ? valuesSVG(this.grid, this.container) : "";
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
      const font = `600 12px ${this.fontFamily}`;
      measure = {
        longest: Math.max(textWidth(runsAs === "rows" ? "run" : "metric", font), max(new Set(headings), (text) => textWidth(text, font)) ?? 0),
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
    // Before the element is on the page it has no size: fill a large screen's worth.
    const width = this.scroller.clientWidth || 1600;
    const height = this.scroller.clientHeight || 1200;
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
      this.listener.change({ sortBy: next ? id : null, descending: next === "descending" });
      return;
    }
    const name = target.closest(".rc-run-name");
    const run = runOf(target);
    if (!name || run < 0) return;
    this.listener.select(nextSelection(this.selectedIds, this.data.columns.ids[run], event.shiftKey));
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
