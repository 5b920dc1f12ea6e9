import { format, select } from "d3";
import { filterRows, type AxisFilter } from "../../data/filter.js";
import type { RunsInput } from "../../data/input.js";
import { columnResolver, type ColumnResolver } from "../../data/resolve.js";
import { readRuns, type RunColumn, type Runs } from "../../data/runs.js";
import { readScalars, type ScalarsInput } from "../../data/scalars.js";
import { sizeCanvas } from "../../render/canvas.js";
import { onDarkBackground, runColors, type RunColors } from "../../render/color.js";
import { picker } from "../../render/controls.js";
import { colorLegend } from "../../render/legend.js";
import { themeColor, watchTheme } from "../../render/style.js";
import { toolbar } from "../../render/toolbar.js";
import { tooltip, type Tooltip } from "../../render/tooltip.js";
import { redrawnView, type RedrawnView } from "../../render/view.js";
import { defaultAxisKind } from "../../data/axes.js";
import { brushFilter, drawAxes, filterSpan, type AxesLayer, type AxisEvents, type Span } from "./axes.js";
import { chooseDimensions, type Dimension, type DimensionChoice } from "./dimensions.js";
import { parallelCSV, parallelSVG, type ShownRuns } from "./export.js";
import { nearestRun } from "./hover.js";
import { layOut, type Layout } from "./layout.js";
import { LineLayers, rowColors } from "./layers.js";
import { clear, drawOutlined } from "./lines.js";
import { runList } from "./runlist.js";

export interface ParallelOptions extends DimensionChoice {
  /** A scalars table to summarise metrics from (last, min or max of each run's series). */
  scalars?: ScalarsInput | null;
  /** Column that colours the lines; defaults to the first metric axis (else the last axis). */
  color?: string | null;
  /** Width in CSS pixels; defaults to the width of the container. */
  width?: number | null;
  height?: number;
  /** Run ids to highlight, as set from outside (Python's `w.selected`); brushes nothing. */
  selected?: readonly string[];
}

/** What the last frame drew: runs drawn in all, those in colour over the faded rest, and by how many threads. */
export interface DrawnLines {
  lines: number;
  emphasised: number;
  threads: number;
}

/** The element; its value is the ids inside every brush, or those set from outside. */
export interface ParallelElement extends RedrawnView<ParallelOptions> {
  readonly drawn: DrawnLines;
}

const DEFAULT_WIDTH = 720;

/** Parallel coordinates: one axis per param and metric, one line per run. */
export function parallel(data: RunsInput, options: ParallelOptions = {}): ParallelElement {
  let runs: Runs | null = null;
  const { root, drawing } = redrawnView("parallel", { height: 360, ...options }, (root, current, hooks) => {
    runs ??= readRuns(data);
    return new ParallelChart(root, runs, current, hooks.select);
  });
  Object.defineProperty(root, "drawn", { get: () => drawing()?.drawn ?? { lines: 0, emphasised: 0, threads: 0 } });
  return root as ParallelElement;
}

/** A drawn chart for one set of runs and options; rebuilt when the options change. */
class ParallelChart {
  drawn: DrawnLines = { lines: 0, emphasised: 0, threads: 0 };
  private readonly columns: ColumnResolver;
  private dimensions: Dimension[];
  private colorColumn: RunColumn;
  private colors: RunColors;
  private lines: LineLayers | null = null;
  private readonly hidden: Uint8Array;
  private hiddenCount = 0;
  /** Brushes, by column name so they survive moving, inverting and re-scaling axes. */
  private readonly filters = new Map<string, AxisFilter>();
  private highlighted: Uint8Array | null = null;
  private solo: number | null = null;

  private readonly container = document.createElement("div");
  private readonly legend = document.createElement("div");
  private readonly status = document.createElement("span");
  private readonly plot = document.createElement("div");
  private readonly canvas = document.createElement("canvas");
  private readonly hover = document.createElement("canvas");
  private readonly svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
  private readonly tooltip: Tooltip;
  private readonly resizeObserver: ResizeObserver;
  private readonly themeObserver: MutationObserver;
  private readonly controls: HTMLElement;
  private layout: Layout | null = null;
  private axes: AxesLayer | null = null;
  private frame = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly runs: Runs,
    private readonly options: ParallelOptions & { height: number },
    private readonly onSelect: (ids: string[]) => void,
  ) {
    this.columns = columnResolver(runs, options.scalars ? readScalars(options.scalars) : null);
    this.dimensions = chooseDimensions(runs, this.columns, options);
    this.colorColumn = options.color ? this.columns.resolve(options.color) : defaultColorColumn(this.dimensions);
    this.colors = runColors(this.colorColumn);
    this.hidden = new Uint8Array(runs.count);

    const { bar, controls } = toolbar({ exportSVG: () => this.exportSVG(), exportCSV: () => this.exportCSV() }, "parallel");
    this.controls = controls;
    this.legend.className = "rc-legend";
    this.status.className = "rc-status";
    this.plot.className = "rc-plot";
    this.canvas.className = "rc-lines";
    this.hover.className = "rc-hover-layer";
    this.plot.append(this.canvas, this.hover, this.svg.node()!);
    this.tooltip = tooltip(this.plot);
    const hint = document.createElement("div");
    hint.className = "rc-hint";
    hint.textContent = "Drag on an axis to select runs (several axes combine); click the background to clear. Drag a label to move its axis, double-click it to invert.";
    const list = runList(runs, this.colors, this.hidden, { hover: (row) => this.setSolo(row), toggle: (row) => this.toggleHidden(row) });
    this.container.append(bar, this.legend, this.plot, hint, list);
    root.append(this.container);
    this.renderControls();
    this.renderLegend();

    this.svg.on("click.clear", (event: MouseEvent) => event.target === this.svg.node() && this.clearSelection());
    this.svg.on("mousemove.hover", (event: MouseEvent) => this.pointerMoved(event));
    this.svg.on("mouseleave.hover", () => this.setHovered(-1));
    this.resizeObserver = new ResizeObserver(() => this.width() !== this.layout?.width && this.relayout());
    this.resizeObserver.observe(root);
    this.themeObserver = watchTheme(() => this.requestDraw());
    this.relayout();
  }

  /** Highlights runs chosen outside the view; brushes are cleared. */
  highlight(ids: readonly string[]) {
    this.filters.clear();
    this.axes?.clearBrushes();
    this.highlighted = ids.length ? new Uint8Array(this.runs.count) : null;
    for (const id of ids) {
      const row = this.runs.rowOf(id);
      if (row >= 0) this.highlighted![row] = 1;
    }
    this.requestDraw();
  }

  exportSVG(): string {
    return this.layout ? parallelSVG(this.root, this.svg.node()!, this.shown()) : "";
  }

  exportCSV(): string {
    return this.layout ? parallelCSV(this.shown()) : "";
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.themeObserver.disconnect();
    cancelAnimationFrame(this.frame);
    this.svg.on(".clear", null).on(".hover", null);
    this.container.remove();
  }

  private shown(): ShownRuns {
    return { runs: this.runs, layout: this.layout!, colors: this.colors, colorTitle: this.colorColumn.key, emphasis: this.emphasis(), hidden: this.hidden };
  }

  private emphasis(): Uint8Array | null {
    if (this.filters.size) return filterRows(this.runs.count, [...this.filters.values()]);
    return this.highlighted;
  }

  private width() {
    return this.options.width ?? (this.root.clientWidth || DEFAULT_WIDTH);
  }

  private relayout() {
    this.layout = layOut(this.dimensions, this.runs.count, this.width(), this.options.height);
    this.plot.style.height = `${this.options.height}px`;
    const events: AxisEvents = {
      brushed: (axis, span, final) => this.brushed(axis, span, final),
      reorder: (from, to) => this.changeAxes(() => this.dimensions.splice(to, 0, ...this.dimensions.splice(from, 1))),
      invert: (axis) => this.changeAxes(() => (this.dimensions[axis] = { ...this.dimensions[axis], inverted: !this.dimensions[axis].inverted })),
      toggleLog: (axis) => this.changeAxes(() => {
        const dimension = this.dimensions[axis];
        this.dimensions[axis] = { ...dimension, kind: dimension.kind === "log" ? "linear" : "log" };
      }),
      remove: (axis) => this.removeAxis(axis),
    };
    this.axes = drawAxes(this.svg, this.layout, events);
    this.layout.axes.forEach((axis, index) => {
      const filter = this.filters.get(axis.dimension.column.name);
      const span = filter && filterSpan(axis, this.layout!, filter);
      if (span) this.axes!.setBrush(index, span);
    });
    this.lines = null;
    this.draw();
  }

  private changeAxes(change: () => void) {
    change();
    this.setHovered(-1);
    this.relayout();
    this.renderControls();
  }

  private removeAxis(axis: number) {
    const removed = this.dimensions[axis].column.name;
    const hadFilter = this.filters.delete(removed);
    this.changeAxes(() => this.dimensions.splice(axis, 1));
    if (hadFilter) this.selectionChanged();
  }

  private brushed(axis: number, span: Span | null, final: boolean) {
    const placed = this.layout!.axes[axis];
    if (span) this.filters.set(placed.dimension.column.name, brushFilter(placed, this.layout!, span));
    else this.filters.delete(placed.dimension.column.name);
    if (this.filters.size) this.highlighted = null;
    // Drawn now, not in the next animation frame: browsers send pointer moves once per frame
    // already, and the lines then show a frame sooner.
    cancelAnimationFrame(this.frame);
    this.draw();
    if (final) this.selectionChanged();
  }

  private selectionChanged() {
    const emphasis = this.emphasis();
    const ids: string[] = [];
    emphasis?.forEach((kept, row) => kept && ids.push(this.runs.ids[row]));
    this.onSelect(ids);
  }

  private clearSelection() {
    if (!this.filters.size && !this.highlighted) return;
    this.axes?.clearBrushes();
    this.filters.clear();
    this.highlighted = null;
    this.requestDraw();
    this.onSelect([]);
  }

  private setColor(name: string) {
    this.colorColumn = this.columns.resolve(name);
    this.colors = runColors(this.colorColumn, undefined, this.root.isConnected && onDarkBackground(this.root));
    this.lines = null;
    this.renderLegend();
    this.requestDraw();
  }

  private addAxis(name: string) {
    const column = this.columns.resolve(name);
    this.changeAxes(() => this.dimensions.push({ column, kind: defaultAxisKind(column), label: column.key, inverted: false }));
  }

  private toggleHidden(row: number) {
    this.hidden[row] = this.hidden[row] ? 0 : 1;
    this.hiddenCount += this.hidden[row] ? 1 : -1;
    this.lines?.hiddenChanged(row);
    this.requestDraw();
  }

  private setSolo(row: number | null) {
    this.solo = row;
    this.requestDraw();
  }

  private pointerMoved(event: MouseEvent) {
    if (!this.layout || event.buttons) return;
    const [x, y] = [event.offsetX, event.offsetY];
    const emphasis = this.emphasis();
    const row = nearestRun(this.layout, x, y, this.runs.count, (r) => !this.hidden[r] && (!emphasis || emphasis[r] === 1));
    this.setHovered(row, x, y);
  }

  private setHovered(row: number, x = 0, y = 0) {
    if (!this.layout) return;
    const context = sizeCanvas(this.hover, this.layout.width, this.layout.height);
    clear(context, this.layout);
    if (row < 0) {
      this.tooltip.hide();
      return;
    }
    drawOutlined(context, this.layout, row, this.colorOf(row), themeColor(this.root, "--rc-bg", "#ffffff"));
    const rows = this.layout.axes.map((axis) => [axis.dimension.label, valueText(axis.dimension.column, row)] as const);
    if (!this.dimensions.some((d) => d.column === this.colorColumn)) rows.push([this.colorColumn.key, valueText(this.colorColumn, row)]);
    this.tooltip.show(x, y, this.runs.names[row], [["run_id", this.runs.ids[row]], ...rows]);
  }

  private colorOf(row: number) {
    const index = this.colors.paletteIndex[row];
    return index < 0 ? this.colors.missingColor : this.colors.palette[index];
  }

  private requestDraw() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  private draw() {
    if (!this.layout) return;
    // The theme can change under a view (JupyterLab's light/dark switch): keep colours readable.
    if (this.root.isConnected && onDarkBackground(this.root) !== this.colors.dark) this.setColor(this.colorColumn.name);
    const ratio = window.devicePixelRatio || 1;
    if (this.lines?.ratio !== ratio) {
      const lines = new LineLayers(this.layout, ratio, rowColors(this.colors), this.hidden);
      lines.ready?.then(() => lines === this.lines && this.requestDraw());
      this.lines = lines;
    }
    // Until a worker's share of the lines arrives, the canvas keeps what it showed.
    if (!this.lines.drawable) return;
    const lines = this.lines;
    const layout = this.layout;
    const emphasis = this.emphasis();
    const solo = this.solo;
    const faded = themeColor(this.root, "--rc-faded", "#d0d7de");
    lines.show({ emphasis: solo === null ? emphasis : null, allFaded: solo !== null, faded }, (image, emphasisedRuns) => {
      if (lines !== this.lines) return;
      const context = sizeCanvas(this.canvas, layout.width, layout.height, ratio);
      context.putImageData(image, 0, 0);
      if (solo !== null) drawOutlined(context, layout, solo, this.colorOf(solo), themeColor(this.root, "--rc-bg", "#ffffff"));
      this.showDrawn(emphasis ? emphasisedRuns : null, solo !== null);
    });
  }

  /** Records and reports what the canvas shows: `selected` runs (null with no selection), in colour unless a run is soloed. */
  private showDrawn(selected: number | null, soloed: boolean) {
    const hiddenCount = this.hiddenCount;
    this.drawn = { lines: this.runs.count - hiddenCount, emphasised: soloed ? 0 : selected ?? 0, threads: this.lines!.threads };
    this.status.textContent = [
      `${this.runs.count} runs`,
      selected !== null ? `${selected} selected` : "",
      hiddenCount ? `${hiddenCount} hidden` : "",
    ].filter(Boolean).join(" · ");
  }

  private renderLegend() {
    this.legend.replaceChildren(colorLegend(this.colors, this.colorColumn.key), this.status);
  }

  /** Colour and add-axis pickers, listing every column that can serve. */
  private renderControls() {
    const all = [...this.runs.columns, ...this.dimensions.map((d) => d.column).filter((c) => !this.runs.columns.includes(c))];
    const colorPicker = picker("Colour by", all.map((c) => c.name), this.colorColumn.name, (name) => this.setColor(name));
    const onAxes = new Set(this.dimensions.map((d) => d.column));
    const addable = this.runs.columns.filter((c) => !onAxes.has(c)).map((c) => c.name);
    const axisPicker = picker("Add axis", addable, "", (name) => name && this.addAxis(name), "choose…");
    this.controls.replaceChildren(colorPicker, ...(addable.length ? [axisPicker] : []));
  }
}

const formatValue = format(".6~g");

function valueText(column: RunColumn, row: number): string {
  if (column.kind === "categorical") return column.values[row] ?? "missing";
  const value = column.values[row];
  if (Number.isNaN(value)) return "missing";
  if (column.temporal) return new Date(value).toISOString();
  return Number.isInteger(value) ? String(value) : formatValue(value);
}

function defaultColorColumn(dimensions: readonly Dimension[]) {
  return (dimensions.find((d) => d.column.role === "metric") ?? dimensions[dimensions.length - 1]).column;
}
