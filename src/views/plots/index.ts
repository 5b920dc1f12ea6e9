import { format } from "d3";
import { RunsDataError, messages } from "../../data/errors.js";
import type { RunsInput } from "../../data/input.js";
import { alignMatrices, difference, rowNormalised, sharedExtent } from "../../data/matrices.js";
import { plotPanels, type PlotPanel } from "../../data/plot-panels.js";
import { readPlots, type Matrix, type Plots, type PlotsInput } from "../../data/plots.js";
import { shownRuns, type RunColumns } from "../../data/run-columns.js";
import { openRuns } from "../../data/runs.js";
import { chooseSeries } from "../../data/series.js";
import { runColor } from "../../render/color.js";
import { button } from "../../render/controls.js";
import { counted, fontMeasure } from "../../render/text.js";
import type { ViewSchema } from "../../data/schema.js";
import { makeView, type Drawing, type Hooks, type Settled, type ViewElement, type ViewOptions } from "../../render/view.js";
import json from "../../../schema/views/plots.json" with { type: "json" };
import { nextSelection } from "../values/selection.js";
import { mergedChart } from "./charts.js";
import { plotsCSV, plotsSVG } from "./export.js";
import { matrixChart, matrixLegend, type MatrixScales, type ShownMatrix } from "./matrices.js";
import { plotsStyle } from "./style.js";
import { thousands } from "../../data/thousands.js";

/** What the plots view's own controls change; the `state` option restores it. */
export interface PlotsState {
  /** The run the matrices' differences are taken against. */
  base: string | null;
  /** Matrices other than the base's as their difference to it. */
  difference: boolean;
  /** Matrices' rows divided by their sums (a confusion matrix's recall per true class). */
  normalize: boolean;
}

/** The options of schema/views/plots.json, which says more of each. */
export interface PlotsOptions extends Partial<PlotsState>, ViewOptions<PlotsState> {
  /** A runs table: its runs that have plots, in its order, by their names. Else the plots' runs. */
  runs?: RunsInput | null;
  /** The metrics or "metric/variant" series shown; null for all. */
  metrics?: readonly string[] | null;
  /** Each run's plot at (or before) this step; null for its last. */
  step?: number | null;
  /** Width of a merged chart in CSS pixels; defaults to what the view has (up to 640). */
  width?: number | null;
}

export type PlotsElement = ViewElement<PlotsOptions, PlotsState>;

export const plotsSchema = json as ViewSchema;

/**
 * Plots compared across runs, a panel per metric/variant: line, scatter, bar, box and histogram
 * plots of every run merged into one chart in run colours; PR and ROC curves overlaid with each
 * run's average precision or AUC in the legend; confusion matrices and heatmaps side by side on
 * one colour scale, or as each run's difference to the base run.
 */
export function plots(data: PlotsInput, options: PlotsOptions = {}): PlotsElement {
  let read: Plots | null = null;
  const { root } = makeView<PlotsOptions, PlotsState, PlotsDrawing>(
    {
      schema: plotsSchema,
      styles: () => [plotsStyle()],
      draw: (root, current, hooks) => {
        read ??= readPlots(data);
        return new PlotsDrawing(root, read, current, hooks);
      },
    },
    options,
  );
  return root;
}

const CHART_HEIGHT = 280;
const MAX_CHART = 640;
const score = format(".3f");

class PlotsDrawing implements Drawing<PlotsOptions> {
  private readonly runs: RunColumns;
  private readonly panels: PlotPanel[];
  private current: PlotsState;
  /** The page's colour per run, if it gives them. */
  private readonly colors: Readonly<Record<string, string>> | null;
  private selected: string[] = [];
  private readonly container = document.createElement("div");
  private readonly grid = document.createElement("div");
  private readonly status = document.createElement("span");
  private readonly resizeObserver: ResizeObserver;
  private readonly toggles: [HTMLButtonElement, "difference" | "normalize"][] = [];
  private width = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly plots: Plots,
    private readonly options: Settled<PlotsOptions>,
    private readonly hooks: Hooks<PlotsOptions>,
  ) {
    const runs = options.runs ? openRuns(options.runs) : null;
    this.runs = shownRuns(plots.runIds, runs, () => messages.unknownRunsOf("plots", plots.runIds[0], runs!.ids[0]));
    const series = chooseSeries(plots.series, options.metrics, "plots");
    this.panels = plotPanels(plots, series, this.runs.columnOfScalarRun, options.step ?? null);
    this.current = { base: options.base, difference: options.difference, normalize: options.normalize };
    this.colors = options.colors;
    if (this.current.base !== null && !this.runs.ids.includes(this.current.base)) {
      throw new RunsDataError(messages.unknownRunOption("plots", "base", this.current.base, this.runs.ids));
    }
    this.buildToolbar();
    this.grid.className = "rc-plot-panels";
    this.container.append(this.grid);
    root.append(this.container);
    this.resizeObserver = new ResizeObserver(() => {
      if (this.chartWidth() !== this.width) this.draw();
    });
    this.resizeObserver.observe(this.container);
    this.draw();
  }

  highlight(ids: readonly string[]) {
    this.selected = [...ids];
    const chosen = new Set(this.selected.map((id) => this.runs.ids.indexOf(id)));
    for (const marks of this.grid.querySelectorAll<SVGElement>(".rc-run-marks, .rc-matrix")) {
      const column = Number(marks.dataset.column);
      marks.classList.toggle("rc-faded", chosen.size > 0 && !chosen.has(column));
    }
    for (const entry of this.grid.querySelectorAll<HTMLElement>(".rc-plot-legend [data-column]")) {
      entry.classList.toggle("rc-selected", chosen.has(Number(entry.dataset.column)));
    }
    this.showStatus();
  }

  state(): PlotsState {
    return this.current;
  }

  exportSVG(): string {
    return plotsSVG([...this.grid.querySelectorAll<HTMLElement>(".rc-plot-panel")], this.root);
  }

  exportCSV(): string {
    return plotsCSV(this.panels, this.plots, this.runs);
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.container.remove();
  }

  private buildToolbar() {
    const { controls } = this.hooks;
    if (this.panels.some((panel) => panel.kind === "heatmap" || panel.kind === "confusion")) {
      const base = document.createElement("select");
      base.setAttribute("aria-label", "base run");
      this.runs.ids.forEach((id, column) => base.append(new Option(this.runs.names[column], id, false, id === this.baseId())));
      base.addEventListener("change", () => this.set({ base: base.value }));
      const baseLabel = document.createElement("label");
      baseLabel.append("base", base);
      const toggle = (label: string, title: string, key: "difference" | "normalize") => {
        const element = button(label, title, () => this.set({ [key]: !this.current[key] }), this.current[key]);
        this.toggles.push([element, key]);
        return element;
      };
      controls.append(
        baseLabel,
        toggle("difference to base", "Show every other run's matrices as their difference to the base run's", "difference"),
        toggle("rows as shares", "Divide each row by its sum (a confusion matrix: the share of each true class predicted as each class)", "normalize"),
      );
    }
    this.status.className = "rc-status";
    controls.append(this.status);
  }

  private set(changes: Partial<PlotsState>) {
    this.current = { ...this.current, ...changes };
    for (const [element, key] of this.toggles) element.setAttribute("aria-pressed", String(this.current[key]));
    this.draw();
    this.hooks.record(changes);
  }

  private showStatus() {
    const chosen = this.selected.length ? ` · ${this.selected.length} selected` : "";
    this.status.textContent = `${counted(this.panels.length, "plot")} × ${counted(this.runs.ids.length, "run")}${chosen}`;
  }

  private baseId(): string {
    return this.current.base ?? this.runs.ids[0];
  }

  private chartWidth(): number {
    return Math.round(this.options.width ?? Math.min(MAX_CHART, Math.max(320, (this.container.clientWidth || 720) - 16)));
  }

  private draw() {
    this.width = this.chartWidth();
    this.grid.replaceChildren(...this.panels.map((panel) => this.panel(panel)));
    this.highlight(this.selected);
  }

  private panel(panel: PlotPanel): HTMLElement {
    const info = this.plots.series[panel.series];
    const element = document.createElement("section");
    element.className = "rc-plot-panel";
    element.dataset.series = info.key;
    element.dataset.kind = panel.kind;
    const heading = document.createElement("div");
    heading.className = "rc-plot-title";
    heading.textContent = info.key;
    // A series named for its kind ("confusion", "val/roc") is not titled "confusion confusion".
    const words = info.key.toLowerCase().split(/[\s/._-]+/);
    if (!words.includes(panel.kind)) {
      const kind = document.createElement("span");
      kind.className = "rc-plot-kind";
      kind.textContent = panel.kind === "pr" ? "precision–recall" : panel.kind === "roc" ? "ROC" : panel.kind;
      heading.append(" ", kind);
    }
    element.append(heading);
    if (panel.kind === "heatmap" || panel.kind === "confusion") {
      element.append(...this.matrices(panel));
      return element;
    }
    element.append(
      this.legend(panel),
      mergedChart(panel, {
        width: this.width,
        height: CHART_HEIGHT,
        colorOf: (column) => this.colorOf(column),
      }),
    );
    return element;
  }

  /** Swatch and name of each run (with its AUC or average precision for PR and ROC); a click selects the run. */
  private colorOf(column: number): string {
    return runColor(this.colors, this.runs.ids[column], column);
  }

  private legend(panel: PlotPanel): HTMLElement {
    const legend = document.createElement("div");
    legend.className = "rc-plot-legend";
    for (const entry of panel.entries) {
      const item = document.createElement("button");
      item.type = "button";
      item.dataset.column = String(entry.column);
      item.title = `${this.runs.ids[entry.column]} · step ${thousands(entry.plot.step)}: click to select, shift-click to add`;
      const swatch = document.createElement("span");
      swatch.className = "rc-swatch";
      swatch.style.background = this.colorOf(entry.column);
      item.append(swatch, this.runs.names[entry.column]);
      if (entry.score !== null) {
        const value = document.createElement("span");
        value.className = "rc-score";
        value.textContent = `${panel.kind === "roc" ? "AUC" : "AP"} ${Number.isFinite(entry.score) ? score(entry.score) : "—"}`;
        item.append(value);
      }
      item.addEventListener("click", (event) => {
        const ids = nextSelection(this.selected, this.runs.ids[entry.column], event.shiftKey);
        this.highlight(ids);
        this.hooks.select(ids);
      });
      legend.append(item);
    }
    return legend;
  }

  /** The panel's matrices on one grid of labels, side by side, on one colour scale; the others as differences to the base when asked. */
  private matrices(panel: PlotPanel): HTMLElement[] {
    const raw = panel.entries.map((entry) => (entry.plot.data.shape === "matrix" ? entry.plot.data.matrix : null));
    const present = panel.entries.filter((_, i) => raw[i] !== null);
    let aligned = alignMatrices(raw.filter((m): m is Matrix => m !== null));
    if (this.current.normalize) aligned = aligned.map(rowNormalised);
    const baseColumn = this.runs.ids.indexOf(this.baseId());
    const baseIndex = present.findIndex((entry) => entry.column === baseColumn);
    const differences = this.current.difference && baseIndex >= 0;
    const shown: ShownMatrix[] = present.map((entry, i) => {
      const isBase = entry.column === baseColumn;
      const asDifference = differences && !isBase;
      return {
        column: entry.column,
        title: `${this.runs.names[entry.column]}${isBase ? " (base)" : asDifference ? " − base" : ""}`,
        matrix: asDifference ? difference(aligned[i], aligned[baseIndex]) : aligned[i],
        difference: asDifference,
      };
    });
    const plain = shown.filter((m) => !m.difference).map((m) => m.matrix);
    const [low, high] = sharedExtent(shown.filter((m) => m.difference).map((m) => m.matrix));
    const scales: MatrixScales = { values: sharedExtent(plain), differences: Math.max(Math.abs(low), Math.abs(high)) || 1 };
    const row = document.createElement("div");
    row.className = "rc-matrix-row";
    // Measured in the titles' font (SVG text is 11px; titles are bold), so that it works before the view is in the page; labels, smaller, get a little more room than they need.
    const measure = fontMeasure(`600 11px ${getComputedStyle(this.root).fontFamily || "system-ui, sans-serif"}`);
    const room = Math.min(420, Math.max(180, this.width / Math.min(shown.length, 3)));
    row.append(...shown.map((m) => matrixChart(m, scales, room, measure, panel.kind === "confusion" ? ["true", "predicted"] : null)));
    const note = document.createElement("div");
    note.className = "rc-hint";
    note.hidden = !(this.current.difference && baseIndex < 0);
    note.textContent = "The base run has no matrix here: no differences shown.";
    return [matrixLegend(scales, differences), row, note];
  }
}
