import { pointer, select } from "d3";
import { categoricalColor } from "../../render/color.js";
import type { RunsInput } from "../../data/input.js";
import { readRuns, type Runs } from "../../data/runs.js";
import { readScalars, type ScalarsInput } from "../../data/scalars.js";
import { toolbar } from "../../render/toolbar.js";
import { tooltip, type Tooltip } from "../../render/tooltip.js";
import { redrawnView, type RedrawnView } from "../../render/view.js";
import { cellText } from "../values/format.js";
import { nextSelection } from "../values/selection.js";
import { drawBars } from "./bars.js";
import { summaryCSV, summarySVG } from "./export.js";
import { clusterLayout, slotAt, type ClusterLayout } from "./layout.js";
import { chooseBarMetrics, type BarMetric } from "./metrics.js";
import { summaryStyle } from "./style.js";

export interface SummaryOptions {
  /**
   * Runs columns, series of the scalars reported once per run, or any series with :last, :min
   * or :max ("loss/validation:min"); null or undefined for every single-value metric.
   */
  metrics?: readonly string[] | null;
  /** A scalars table whose series reported once per run (a test accuracy) become metrics. */
  scalars?: ScalarsInput | null;
  /** Width in CSS pixels; defaults to the width of the container. */
  width?: number | null;
  height?: number;
  /** Run ids to highlight, as set from outside (Python's `w.selected`). */
  selected?: readonly string[];
}

/** The element; its value is the runs chosen by clicking bars or legend entries, or set from outside. */
export interface SummaryElement extends RedrawnView<SummaryOptions> {
  /** Bars the last frame drew, for tests. */
  readonly drawn: { bars: number };
}

const DEFAULT_WIDTH = 720;

/** Single-value metrics of runs as one clustered bar chart: a cluster per metric, a bar per run. */
export function summary(runs: RunsInput, options: SummaryOptions = {}): SummaryElement {
  let table: Runs | null = null;
  const { root, drawing } = redrawnView("summary", { height: 300, ...options }, (root, current, hooks) => {
    table ??= readRuns(runs);
    const metrics = chooseBarMetrics(table, current.scalars ? readScalars(current.scalars) : null, current.metrics);
    return new SummaryState(root, table, metrics, current, hooks.select);
  }, [summaryStyle()]);
  Object.defineProperty(root, "drawn", { get: () => ({ bars: drawing()?.bars ?? 0 }) });
  return root as SummaryElement;
}

/** A drawn chart for one set of runs and metrics; rebuilt when they change. */
class SummaryState {
  bars = 0;
  private readonly colors: string[];
  private readonly container = document.createElement("div");
  private readonly status = document.createElement("span");
  private readonly scroller = document.createElement("div");
  private readonly svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
  private readonly legend = document.createElement("div");
  private readonly tooltip: Tooltip;
  private readonly resizeObserver: ResizeObserver;
  private layout: ClusterLayout | null = null;
  /** The width the layout was made for (the chart itself can be narrower or wider). */
  private laidOutFor = 0;
  private selected: ReadonlySet<number> = new Set();
  private selectedIds: readonly string[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly runs: Runs,
    private readonly metrics: readonly BarMetric[],
    private readonly options: SummaryOptions & { height: number },
    private readonly onSelect: (ids: string[]) => void,
  ) {
    this.colors = runs.ids.map((_, row) => categoricalColor(row));
    const { bar, controls } = toolbar({ exportSVG: () => this.exportSVG(), exportCSV: () => this.exportCSV() }, "summary");
    this.status.className = "rc-status";
    controls.append(this.status);
    this.svg.attr("class", "rc-bars").attr("role", "img").attr("aria-label", `Bars of ${metrics.map((m) => m.label).join(", ")} per run`);
    this.scroller.className = "rc-bars-scroll";
    this.scroller.append(this.svg.node()!);
    this.legend.className = "rc-run-legend";
    this.legend.setAttribute("aria-label", "Runs");
    this.legend.append(...runs.ids.map((id, row) => this.legendEntry(id, row)));
    this.container.append(bar, this.scroller, this.legend);
    root.append(this.container);
    this.tooltip = tooltip(root);

    this.svg.on("mousemove", (event: MouseEvent) => this.hover(event));
    this.svg.on("mouseleave", () => this.hover(null));
    this.svg.on("click", (event: MouseEvent) => {
      const slot = this.slotOf(event);
      if (slot) this.choose(nextSelection(this.selectedIds, runs.ids[slot.run], event.shiftKey));
      else if (this.selectedIds.length) this.choose([]);
    });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(root);
    this.resize();
  }

  /** The user's choice: shown at once, then reported. */
  private choose(ids: string[]) {
    this.highlight(ids);
    this.onSelect(ids);
  }

  highlight(ids: readonly string[]) {
    this.selectedIds = ids;
    this.selected = new Set(ids.map((id) => this.runs.rowOf(id)).filter((row) => row >= 0));
    const faded = (run: number) => this.selected.size > 0 && !this.selected.has(run);
    this.svg.selectAll<SVGElement, unknown>("[data-run]").each(function () {
      this.classList.toggle("rc-faded", faded(Number(this.dataset.run)));
    });
    this.legend.querySelectorAll<HTMLButtonElement>("button").forEach((button, run) => {
      button.setAttribute("aria-pressed", String(this.selected.has(run)));
      button.classList.toggle("rc-faded", faded(run));
    });
    const chosen = this.selected.size ? ` · ${this.selected.size} selected` : "";
    this.status.textContent = `${this.metrics.length} ${this.metrics.length === 1 ? "metric" : "metrics"} × ${this.runs.count} runs${chosen}`;
  }

  exportSVG(): string {
    const faded = this.selected.size ? new Set(this.runs.ids.map((_, run) => run).filter((run) => !this.selected.has(run))) : null;
    return summarySVG(this.root, this.svg.node()!, this.runs.names, this.colors, faded);
  }

  exportCSV(): string {
    return summaryCSV(this.runs.ids, this.runs.names, this.metrics);
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.tooltip.element.remove();
    this.container.remove();
  }

  private resize() {
    const width = this.options.width ?? (this.root.clientWidth || DEFAULT_WIDTH);
    if (this.layout && this.laidOutFor === width) return;
    this.laidOutFor = width;
    this.layout = clusterLayout(this.metrics.map((m) => m.values), this.runs.count, width, this.options.height);
    this.bars = drawBars(this.svg, this.layout, this.metrics, this.colors);
    this.highlight(this.selectedIds);
  }

  private slotOf(event: MouseEvent) {
    if (!this.layout) return null;
    const [x, y] = pointer(event, this.svg.node());
    if (y < this.layout.top - 4 || y > this.layout.bottom + 4) return null;
    const slot = slotAt(this.layout, x, this.runs.count);
    return slot && { ...slot, x, y };
  }

  private hover(event: MouseEvent | null) {
    const slot = event && this.slotOf(event);
    this.svg.selectAll(".rc-hover").classed("rc-hover", false);
    if (!slot) {
      this.tooltip.hide();
      return;
    }
    select(this.svg.selectAll<SVGGElement, unknown>(".rc-cluster").nodes()[slot.panel]).select(`rect[data-run="${slot.run}"]`).classed("rc-hover", true);
    const metric = this.metrics[slot.panel];
    const value = metric.values[slot.run];
    const id = this.runs.ids[slot.run];
    const name = this.runs.names[slot.run];
    const rows: [string, string][] = [
      ["metric", metric.label],
      ["value", Number.isNaN(value) ? "no value" : cellText(value, true)],
    ];
    if (name !== id) rows.push(["run_id", id]);
    const [x, y] = pointer(event!, this.root);
    this.tooltip.show(x, y, name, rows);
  }

  private legendEntry(id: string, row: number): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.title = id;
    const swatch = document.createElement("span");
    swatch.className = "rc-swatch";
    swatch.style.background = this.colors[row];
    button.append(swatch, this.runs.names[row]);
    button.addEventListener("click", (event) => this.choose(nextSelection(this.selectedIds, id, event.shiftKey)));
    return button;
  }
}
