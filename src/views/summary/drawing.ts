import { appendAll } from "../../render/dom.js";
import { max, pointer } from "d3";
import { distinctNames } from "../../data/names.js";
import { type Runs } from "../../data/runs.js";
import { runColor } from "../../render/color.js";
import { svgElement } from "../../render/svg.js";
import { tooltip, type Tooltip } from "../../render/tooltip.js";
import { cellText } from "../values/format.js";
import { nextSelection } from "../values/selection.js";
import { counted, estimateWidth, textMeasure, type Measure } from "../../render/text.js";
import { AXIS_HEIGHT, drawAxis, drawRows, rowClass, type RowsLook } from "./bars.js";
import { summaryCSV, summarySVG } from "./export.js";
import { PANEL_BEYOND_NAMES, PANEL_MIN, ROW, panelLayout, type PanelLayout } from "./layout.js";
import { BAR_SORTS, barOrder, type BarSort } from "./sort.js";
import { type BarMetric } from "./metrics.js";
import type { Hooks, Settled } from "../../render/view.js";
import type { SummaryOptions } from "./index.js";
import { describeGroups, type DescribedComparisons } from "../../data/significance-text.js";
import { significanceBlock, testPicker } from "../../render/significance.js";

const SORT_LABELS: Record<BarSort, string> = { descending: "largest first", ascending: "smallest first", runs: "runs table order" };
/** Rows drawn beyond those in view, either side. */
const OVERSCAN = 10;
interface Panel {
  readonly metric: BarMetric;
  readonly significance: DescribedComparisons | null;
  readonly order: Int32Array;
  readonly element: HTMLElement;
  readonly axis: SVGGElement;
  readonly scroller: HTMLElement;
  readonly svg: SVGSVGElement;
  readonly rows: SVGGElement;
  layout: PanelLayout | null;
  shown: string;
}

/** A drawn chart for one set of runs and metrics; rebuilt when they change. */
export class SummaryChart {
  private readonly colors: string[];
  /** The runs' names, those several runs share told apart by their ids. */
  private readonly names: string[];
  private readonly container = document.createElement("div");
  private readonly status = document.createElement("span");
  private readonly grid = document.createElement("div");
  private readonly panels: Panel[];
  private readonly tooltip: Tooltip;
  private readonly resizeObserver: ResizeObserver;
  /** Widths of text in the labels' font, once the view is in a page. */
  private measure: Measure | null = null;
  private longestName = 0;
  private selected: ReadonlySet<number> = new Set();
  private selectedIds: readonly string[] = [];
  private hovered = -1;
  private frame = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly runs: Runs,
    private readonly metrics: readonly BarMetric[],
    private readonly options: Settled<SummaryOptions>,
    private readonly hooks: Hooks<SummaryOptions>,
  ) {
    this.colors = runs.ids.map((id, row) => runColor(options.colors, id, row));
    this.names = distinctNames(runs.names, runs.ids);
    const sort = document.createElement("select");
    sort.setAttribute("aria-label", "sort");
    for (const choice of BAR_SORTS) sort.append(new Option(SORT_LABELS[choice], choice, false, choice === options.sort));
    sort.addEventListener("change", () => hooks.apply({ sort: sort.value as BarSort }));
    const label = document.createElement("label");
    label.append("sort", sort);
    this.status.className = "rc-status";
    hooks.controls.append(label);
    if (options.groupBy !== null) hooks.controls.append(testPicker(options.test, (test) => hooks.apply({ test })));
    hooks.controls.append(this.status);
    this.grid.className = "rc-bar-panels";
    this.panels = metrics.map((metric) => this.panel(metric));
    appendAll(
      this.grid,
      this.panels.map((panel) => panel.element),
    );
    this.container.append(this.grid);
    if (options.width) this.container.style.width = `${options.width}px`;
    root.append(this.container);
    this.tooltip = tooltip(root);
    this.resizeObserver = new ResizeObserver(() => this.requestDraw());
    this.resizeObserver.observe(this.grid);
    // Drawn once the task that made the view has put it in the page (as notebooks and pages do),
    // at its width and in its font, not first at a guessed width and again in the next frame.
    if (root.isConnected) this.draw();
    else queueMicrotask(() => this.draw());
  }

  get drawn(): { bars: number; rows: number } {
    let bars = 0;
    let rows = 0;
    for (const panel of this.panels) {
      bars += panel.rows.querySelectorAll("rect.rc-bar").length;
      rows += panel.rows.childElementCount;
    }
    return { bars, rows };
  }

  highlight(ids: readonly string[]) {
    this.selectedIds = ids;
    this.selected = new Set(ids.map((id) => this.runs.rowOf(id)).filter((row) => row >= 0));
    const chosen = this.selected.size ? ` · ${this.selected.size} selected` : "";
    this.status.textContent = `${counted(this.metrics.length, "metric")} × ${counted(this.runs.count, "run")}${chosen}`;
    const look = this.look();
    for (const panel of this.panels) for (const row of panel.rows.children) row.setAttribute("class", rowClass(Number(row.getAttribute("data-run")), look));
  }

  exportSVG(): string {
    // Asked for in the task that made the view, before its first drawing: laid out now.
    if (!this.longestName) this.draw();
    const width = this.panels[0]?.layout?.width ?? 360;
    return summarySVG(
      this.root,
      this.panels.map((panel) => ({ metric: panel.metric, order: panel.order, significance: panel.significance })),
      { ...this.look(), hovered: -1 },
      width,
      this.longestName,
    );
  }

  exportCSV(): string {
    return summaryCSV(this.runs.ids, this.runs.names, this.metrics);
  }

  destroy() {
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
    this.tooltip.element.remove();
    this.container.remove();
  }

  private panel(metric: BarMetric): Panel {
    const element = document.createElement("div");
    element.className = "rc-bar-panel";
    const heading = document.createElement("div");
    heading.className = "rc-bar-title";
    heading.textContent = metric.label;
    const axisSvg = svgElement("svg", { class: "rc-bar-axis-svg", height: AXIS_HEIGHT });
    const axis = svgElement("g");
    axisSvg.append(axis);
    const scroller = document.createElement("div");
    scroller.className = "rc-bar-scroll";
    scroller.style.maxHeight = `${this.options.height}px`;
    const order = barOrder(metric.values, this.options.sort);
    const svg = svgElement("svg", {
      class: "rc-bars",
      role: "img",
      "aria-label": `${metric.label} of each run, ${SORT_LABELS[this.options.sort]}`,
      height: order.length * ROW,
    });
    const rows = svgElement("g");
    svg.append(rows);
    scroller.append(svg);
    element.append(heading, axisSvg, scroller);
    const significance = describeGroups(this.runs, metric.values, this.options);
    if (significance) element.append(significanceBlock(significance.base, significance.texts));
    const panel: Panel = { metric, significance, order, element, axis, scroller, svg, rows, layout: null, shown: "" };
    scroller.addEventListener("scroll", () => this.requestDraw());
    svg.addEventListener("pointermove", (event) => this.hover(panel, event));
    svg.addEventListener("pointerleave", () => this.hover(panel, null));
    svg.addEventListener("click", (event) => {
      const run = runAt(event);
      if (run >= 0) this.choose(nextSelection(this.selectedIds, this.runs.ids[run], event.shiftKey));
      else if (this.selectedIds.length) this.choose([]);
    });
    return panel;
  }

  private look(): RowsLook {
    const selected = this.selected;
    return {
      names: this.names,
      colors: this.colors,
      measure: this.measure ?? estimateWidth,
      faded: selected.size ? (run) => !selected.has(run) : null,
      selected: (run) => selected.has(run),
      hovered: this.hovered,
    };
  }

  private requestDraw() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  /** Lays out each panel for its width and draws the rows in view (plus some either side). */
  private draw() {
    // Measured once, in the labels' font; panels get room for the names and their bars.
    if (!this.longestName) {
      const probe = svgElement("text", { class: "rc-bar-label" });
      this.panels[0]?.rows.append(probe);
      this.measure = textMeasure(probe);
      probe.remove();
      const measure = this.measure;
      this.longestName = (max(this.names, measure) ?? 0) + 8;
      this.grid.style.setProperty("--rc-panel-min", `${Math.max(PANEL_MIN, Math.ceil(this.longestName) + PANEL_BEYOND_NAMES)}px`);
    }
    const look = this.look();
    // Every panel's size and scroll are read before any is drawn: a read after drawing a panel
    // would lay the page out again, once for each panel and read.
    const views = this.panels.map(({ scroller }) => ({
      width: scroller.clientWidth || 360,
      top: scroller.scrollTop,
      height: scroller.clientHeight || this.options.height,
    }));
    this.panels.forEach((panel, i) => {
      const { width, top, height } = views[i];
      if (panel.layout?.width !== width) {
        panel.layout = panelLayout(width, panel.metric.values, this.longestName);
        panel.svg.setAttribute("width", String(width));
        panel.axis.ownerSVGElement!.setAttribute("width", String(width));
        drawAxis(panel.axis, panel.layout);
        panel.shown = "";
      }
      const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
      const end = Math.min(panel.order.length, Math.ceil((top + height) / ROW) + OVERSCAN);
      const key = `${first}:${end}`;
      if (key === panel.shown) return;
      panel.shown = key;
      drawRows(panel.rows, panel.layout, panel.metric.values, panel.order, [first, end], look);
    });
  }

  /** The user's choice: shown at once, then reported. */
  private choose(ids: string[]) {
    this.highlight(ids);
    this.hooks.select(ids);
  }

  /** The run under the pointer stands out in every panel; the tooltip gives its value. */
  private hover(panel: Panel, event: PointerEvent | null) {
    const run = event ? runAt(event) : -1;
    if (run !== this.hovered) {
      for (const row of this.grid.querySelectorAll(`.rc-bar-row[data-run="${this.hovered}"]`)) row.classList.remove("rc-hovered");
      this.hovered = run;
      for (const row of this.grid.querySelectorAll(`.rc-bar-row[data-run="${run}"]`)) row.classList.add("rc-hovered");
    }
    if (run < 0 || !event) {
      this.tooltip.hide();
      return;
    }
    const value = panel.metric.values[run];
    const id = this.runs.ids[run];
    const name = this.names[run];
    const shown = cellText(value, true);
    const rows: [string, string][] = [
      ["metric", panel.metric.label],
      ["value", Number.isNaN(value) ? "no value" : shown],
    ];
    if (!Number.isNaN(value) && shown !== String(value)) rows.push(["exact", String(value)]);
    if (name !== id) rows.push(["run_id", id]);
    const [x, y] = pointer(event, this.root);
    this.tooltip.show(x, y, name, rows);
  }
}

/** The run of the row under a pointer event, or -1. */
function runAt(event: Event): number {
  const row = (event.target as Element).closest?.(".rc-bar-row");
  return row ? Number(row.getAttribute("data-run")) : -1;
}
