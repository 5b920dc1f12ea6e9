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
import { reportCounts, runColumns, valueRows, type RunColumns, type ValueRow } from "./matrix.js";
import { nextSelection } from "./selection.js";
import { nextDirection, sortedRows, type SortDirection } from "./sort.js";
import { valuesStyle } from "./style.js";
import { renderTable, runColumnWidth, type TableContent, type TableGeometry } from "./table.js";
import { visibleColumns } from "./window.js";
import { ownInputEventsOnly } from "../../render/view.js";

export interface ValuesOptions {
  /** A runs table: its runs become the columns, in its order, headed by their names. Else the scalars' runs. */
  runs?: RunsInput | null;
  /** Which value of each series a cell shows; the switch in the view changes it too. */
  summary?: Summary;
  /** Highlight each row's highest and lowest cells. */
  extremes?: boolean;
  /** A run id whose values order the rows; null keeps the scalars' order. */
  sortBy?: string | null;
  descending?: boolean;
  /** Run ids to highlight, as set from outside (Python's `w.selected`). */
  selected?: readonly string[];
}

export interface ValuesElement extends HTMLElement {
  /** The selected run ids: chosen by clicking run headers, or set from outside. */
  value: string[];
  update(options: Partial<ValuesOptions>): void;
  destroy(): void;
  /** The error shown in place of the table, if the data could not be shown. */
  readonly error: string | null;
  /** The whole table (every run and series, as sorted) as a standalone SVG document. */
  exportSVG(): string;
  /** The values as shown: a row per series in the shown order, a column per run. */
  exportCSV(): string;
}

type Settings = Required<Pick<ValuesOptions, "summary" | "extremes" | "descending">> & Pick<ValuesOptions, "sortBy">;

/** A table of each run's last, min or max value of every series of the scalars. */
export function values(scalars: ScalarsInput, options: ValuesOptions = {}): ValuesElement {
  const root = document.createElement("div") as unknown as ValuesElement;
  root.className = "rc-view rc-values";
  ownInputEventsOnly(root);
  root.append(viewStyle(), valuesStyle());
  let { selected = [], runs = null, ...rest } = options;
  let settings: Settings = { summary: "last", extremes: true, descending: false, ...rest };
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
      checkSettings(settings, data.columns);
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
  root.exportSVG = () => (table ? table.exportSVG() : "");
  root.exportCSV = () => (table ? table.exportCSV() : "");
  root.destroy = () => {
    table?.destroy();
    table = null;
    root.replaceChildren();
  };
  load();
  show();
  return root;
}

function checkSettings(settings: Settings, columns: RunColumns) {
  if (!SUMMARIES.includes(settings.summary)) throw new RunsDataError(messages.unknownSummary(settings.summary));
  if (settings.sortBy != null && !columns.ids.includes(settings.sortBy)) {
    throw new RunsDataError(messages.unknownSortRun(settings.sortBy, columns.ids));
  }
}

/** The tables read once; each summary's rows computed the first time they are shown. */
class ValuesData {
  readonly columns: RunColumns;
  readonly keys: readonly string[];
  private readonly counts: Int32Array;
  private readonly rowsBySummary = new Map<Summary, ValueRow[]>();

  constructor(private readonly scalars: Scalars, runs: ReturnType<typeof readRuns> | null) {
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
const GEOMETRY = { minMetricWidth: 120, maxMetricWidth: 280, charWidth: 7 };

/** The controls and the scrolling table for one set of data. */
class ValuesTable {
  private readonly container = document.createElement("div");
  private readonly switchButtons: HTMLButtonElement[];
  private readonly extremesBox = document.createElement("input");
  private readonly extremesKey = document.createElement("span");
  private readonly status = document.createElement("span");
  private readonly scroller = document.createElement("div");
  private readonly table = document.createElement("table");
  private readonly geometry: TableGeometry;
  private readonly resizeObserver: ResizeObserver;
  private content: TableContent | null = null;
  private selectedIds: readonly string[] = [];
  private range: [number, number] = [0, 0];
  private frame = 0;

  constructor(root: HTMLElement, private readonly data: ValuesData, private readonly listener: TableListener) {
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
    const toggle = document.createElement("label");
    this.extremesBox.type = "checkbox";
    this.extremesBox.addEventListener("change", () => listener.change({ extremes: this.extremesBox.checked }));
    toggle.append(this.extremesBox, "show row extremes");
    this.extremesKey.className = "rc-extremes-key";
    this.extremesKey.append(keyEntry("max", "▲ max"), keyEntry("min", "▼ min"));
    this.status.className = "rc-status";
    controls.append(group, toggle, this.extremesKey, this.status);

    const longest = Math.max(...data.keys.map((key) => key.length), 6);
    const metricWidth = Math.min(GEOMETRY.maxMetricWidth, Math.max(GEOMETRY.minMetricWidth, longest * GEOMETRY.charWidth + 16));
    // Before the element is on the page its font is unknown; JupyterLab's is close to this one.
    const fontFamily = getComputedStyle(root).fontFamily || "system-ui, sans-serif";
    this.geometry = { metricWidth, columnWidth: runColumnWidth(data.columns.names, fontFamily) };
    this.table.className = "rc-values-table";
    this.scroller.className = "rc-values-scroll";
    this.scroller.append(this.table);
    this.scroller.addEventListener("scroll", () => this.requestRender());
    this.table.addEventListener("click", (event) => this.clicked(event));
    this.container.append(bar, this.scroller);
    root.append(this.container);
    this.resizeObserver = new ResizeObserver(() => this.requestRender());
    this.resizeObserver.observe(this.scroller);
  }

  show(settings: Settings, selectedIds: readonly string[]) {
    const { columns } = this.data;
    const rows = this.data.rows(settings.summary);
    const sortColumn = settings.sortBy == null ? -1 : columns.ids.indexOf(settings.sortBy);
    const direction: SortDirection = settings.descending ? "descending" : "ascending";
    this.selectedIds = selectedIds;
    const selected = new Set(selectedIds.map((id) => columns.ids.indexOf(id)).filter((column) => column >= 0));
    this.content = {
      summary: settings.summary,
      columns,
      rows,
      order: sortColumn >= 0 ? sortedRows(rows.map((row) => row.values[sortColumn]), direction) : Int32Array.from(rows, (_, i) => i),
      extremes: settings.extremes ? rows.map((row) => rowExtremes(row.values)) : null,
      selected,
      sort: sortColumn >= 0 ? { column: sortColumn, direction } : null,
    };
    this.switchButtons.forEach((button, i) => button.setAttribute("aria-pressed", String(SUMMARIES[i] === settings.summary)));
    this.extremesBox.checked = settings.extremes;
    this.extremesKey.hidden = !settings.extremes;
    const chosen = selected.size ? ` · ${selected.size} selected` : "";
    this.status.textContent = `${rows.length} series × ${columns.ids.length} runs${chosen}`;
    this.render();
  }

  exportSVG(): string {
    return this.content ? valuesSVG(this.content, this.container) : "";
  }

  exportCSV(): string {
    return this.content ? valuesCSV(this.content) : "";
  }

  destroy() {
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
    this.container.remove();
  }

  private requestRender() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const range = this.visibleRange();
      if (range[0] !== this.range[0] || range[1] !== this.range[1]) this.render();
    });
  }

  private visibleRange(): [number, number] {
    // Before the element is on the page its width is 0: fill a wide screen's worth.
    const width = this.scroller.clientWidth || 1600;
    return visibleColumns(this.scroller.scrollLeft, width, this.geometry.columnWidth, this.data.columns.ids.length);
  }

  private render() {
    if (!this.content) return;
    this.range = this.visibleRange();
    renderTable(this.table, this.content, this.geometry, this.range);
  }

  private clicked(event: MouseEvent) {
    const target = event.target as Element;
    const header = target.closest<HTMLElement>("th.rc-run");
    if (!header || !this.content) return;
    const column = Number(header.dataset.column);
    const id = this.data.columns.ids[column];
    if (target.closest(".rc-sort")) {
      const current = this.content.sort?.column === column ? this.content.sort.direction : null;
      const next = nextDirection(current);
      this.listener.change({ sortBy: next ? id : null, descending: next === "descending" });
      return;
    }
    this.listener.select(nextSelection(this.selectedIds, id, event.shiftKey));
  }
}

function keyEntry(extreme: "max" | "min", text: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = `rc-${extreme}`;
  span.textContent = text;
  return span;
}
