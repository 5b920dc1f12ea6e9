import { format, select } from "d3";
import { filterRows, type AxisFilter } from "../../data/filter.js";
import { columnResolver, type ColumnResolver } from "../../data/resolve.js";
import { type RunColumn, type Runs } from "../../data/runs.js";
import { readScalars } from "../../data/scalars.js";
import { sizeCanvas } from "../../render/canvas.js";
import { onDarkBackground, pageRunColors, runColors, type RunColors } from "../../render/color.js";
import { columnPicker } from "../../render/column-picker.js";
import { picker } from "../../render/controls.js";
import { colorLegend } from "../../render/legend.js";
import { showNotes, type Note } from "../../render/notes.js";
import type { Popover } from "../../render/popover.js";
import { themeColor, watchTheme } from "../../render/style.js";
import { resolvedFont } from "../../render/text.js";
import { axisText } from "../../render/ticks.js";
import { tooltip, type Tooltip } from "../../render/tooltip.js";
import type { Hooks, Settled } from "../../render/view.js";
import { varies } from "../../data/axes.js";
import { brushFilter, drawAxes, filterSpan, type AxesLayer, type AxisEvents, type Span } from "./axes.js";
import { axesNote, chooseDimensions, dimensionOf, MAX_AXES, type Dimension } from "./dimensions.js";
import { parallelCSV, parallelSVG, type ShownRuns } from "./export.js";
import { nearestRun } from "./hover.js";
import { axesThatFit, layOut, type Layout } from "./layout.js";
import { LineLayers, rowColors } from "./layers.js";
import { clear, drawHovered, drawOutlined } from "./lines.js";
import { runList } from "./runlist.js";
import type { DrawnLines, ParallelOptions } from "./index.js";
import { axesState, brushesState, hiddenState, restoreAxes, restoreBrushes, restoreHidden, type ParallelState } from "./state.js";

const DEFAULT_WIDTH = 720;

/** A drawn chart for one set of runs and options; rebuilt when the options change. */
export class ParallelChart {
  drawn: DrawnLines = { lines: 0, emphasised: 0, threads: 0 };
  private readonly columns: ColumnResolver;
  private dimensions: Dimension[];
  /** Set once the user adds, removes or moves an axis: the axes then no longer follow the width. */
  private axesChanged = false;
  private axesNote: Note | null = null;
  private colorColumn: RunColumn;
  /** The page's colour per run (the `colors` option), the colours when no column is picked. */
  private readonly page: ReturnType<typeof pageRunColors>;
  private colors: RunColors;
  private lines: LineLayers | null = null;
  private readonly hidden: Uint8Array;
  private hiddenCount = 0;
  /** Brushes, by column name so they survive moving, inverting and re-scaling axes. */
  private readonly filters: Map<string, AxisFilter>;
  private highlighted: Uint8Array | null = null;
  private solo: number | null = null;

  private readonly container = document.createElement("div");
  private readonly legend = document.createElement("div");
  private readonly notes = document.createElement("div");
  private readonly status = document.createElement("span");
  /** Holds the tooltip over the scrolling plot, so the tooltip is neither scrolled nor cut. */
  private readonly frame = document.createElement("div");
  private readonly scroller = document.createElement("div");
  private readonly plot = document.createElement("div");
  private readonly canvas = document.createElement("canvas");
  private readonly hover = document.createElement("canvas");
  private readonly svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
  private readonly tooltip: Tooltip;
  private readonly resizeObserver: ResizeObserver;
  private readonly themeObserver: MutationObserver;
  private readonly axisPicker: Popover;
  /** Every column an axis or the colour can show. */
  private readonly pickable: readonly RunColumn[];
  private layout: Layout | null = null;
  /** The width the view had when the layout was made. */
  private layoutWidth = 0;
  /** The font the layout measured its texts in ("" for the estimate, before the view is in a page). */
  private measuredFont = "";
  private axes: AxesLayer | null = null;
  private frameRequest = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly runs: Runs,
    private readonly options: Settled<ParallelOptions>,
    private readonly hooks: Hooks<ParallelOptions>,
  ) {
    this.columns = columnResolver(runs, options.scalars ? readScalars(options.scalars) : null);
    const state = options.state;
    const restored = restoreAxes(state.axes, this.columns);
    this.axesChanged = restored !== null;
    this.dimensions = restored ?? this.chooseAxes();
    this.page = pageRunColors(runs, options.colors);
    this.colorColumn = options.color ? this.columns.resolve(options.color) : (this.page?.column ?? defaultColorColumn(this.dimensions));
    this.colors = this.colorsOf(this.colorColumn, false);
    this.hidden = new Uint8Array(runs.count);
    this.hiddenCount = restoreHidden(runs, state.hidden, this.hidden);
    this.filters = restoreBrushes(state.brushes, this.dimensions, this.columns);

    this.pickable = [
      ...new Set([
        ...(this.page ? [this.page.column] : []),
        ...runs.columns,
        ...this.columns.scalarSummaries(),
        ...this.dimensions.map((d) => d.column),
        this.colorColumn,
      ]),
    ];
    this.axisPicker = this.makeAxisPicker();
    hooks.controls.append(
      picker(
        "Colour by",
        this.pickable.map((c) => c.name),
        this.colorColumn.name,
        (name) => this.pickColor(this.pickableNamed(name)),
      ),
      this.axisPicker.element,
    );
    this.showAxisCount();
    this.legend.className = "rc-legend";
    this.status.className = "rc-status";
    this.frame.className = "rc-frame";
    this.scroller.className = "rc-scroll";
    this.plot.className = "rc-plot";
    this.canvas.className = "rc-lines";
    this.hover.className = "rc-hover-layer";
    this.plot.append(this.canvas, this.hover, this.svg.node()!);
    this.scroller.append(this.plot);
    this.frame.append(this.scroller);
    this.tooltip = tooltip(this.frame);
    const hint = document.createElement("div");
    hint.className = "rc-hint";
    hint.textContent =
      "Drag on an axis to select runs (several axes combine); click the background to clear. Drag a label to move its axis, double-click it to invert.";
    const list = runList(runs, this.colors, this.hidden, { hover: (row) => this.setSolo(row), toggle: (row) => this.toggleHidden(row) });
    this.container.append(this.notes, this.legend, this.frame, hint, list);
    root.append(this.container);
    this.renderLegend();

    this.svg.on("click.clear", (event: MouseEvent) => event.target === this.svg.node() && this.clearSelection());
    this.svg.on("mousemove.hover", (event: MouseEvent) => this.pointerMoved(event));
    this.svg.on("mouseleave.hover", () => this.setHovered(-1));
    this.scroller.addEventListener("scroll", () => this.setHovered(-1));
    // The axes are laid out once the view is in a page, where its width and fonts are known
    // (a view made before it is put in a page would otherwise be laid out twice), then again
    // for a new width or font.
    const stale = () => !this.layout || this.width() !== this.layoutWidth || resolvedFont(this.svg.node()!) !== this.measuredFont;
    this.resizeObserver = new ResizeObserver(() => this.root.isConnected && stale() && this.resized());
    this.resizeObserver.observe(root);
    this.themeObserver = watchTheme(() => this.requestDraw());
    if (root.isConnected) this.relayout();
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

  /** The axes, brushes and hidden runs as the user left them (the colour is an option the view keeps). */
  state(): Omit<ParallelState, "color"> {
    return {
      axes: this.axesChanged ? axesState(this.dimensions, this.columns) : null,
      brushes: brushesState(this.filters, this.dimensions, this.columns),
      hidden: hiddenState(this.runs, this.hidden),
    };
  }

  /** The runs inside the brushes a restored state drew. */
  selection(): string[] | null {
    return this.filters.size ? this.selectedIds() : null;
  }

  exportSVG(): string {
    return parallelSVG(this.root, this.svg.node()!, this.shown());
  }

  exportCSV(): string {
    return parallelCSV(this.shown());
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.themeObserver.disconnect();
    this.axisPicker.destroy();
    cancelAnimationFrame(this.frameRequest);
    this.svg.on(".clear", null).on(".hover", null);
    this.container.remove();
  }

  /** What is drawn, laid out first if the view has not been in a page yet. */
  private shown(): ShownRuns {
    if (!this.layout) this.relayout();
    return { runs: this.runs, layout: this.layout!, colors: this.colors, colorTitle: this.colorColumn.label, emphasis: this.emphasis(), hidden: this.hidden };
  }

  private emphasis(): Uint8Array | null {
    if (this.filters.size) return filterRows(this.runs.count, [...this.filters.values()]);
    return this.highlighted;
  }

  /** The width the view has; the chart is wider when its axes need it. */
  private width() {
    return this.options.width ?? (this.root.clientWidth || DEFAULT_WIDTH);
  }

  /** The axes the options name, or those the width has room for; and the note on what was left off. */
  private chooseAxes(): Dimension[] {
    const chosen = chooseDimensions(this.runs, this.columns, this.options, axesThatFit(this.width()));
    const note = axesNote(chosen, valueText);
    this.axesNote = note && { text: note.text, details: note.details };
    return chosen.dimensions;
  }

  private resized() {
    if (!this.axesChanged && (this.options.params == null || this.options.metrics == null)) {
      this.dimensions = this.chooseAxes();
      this.showAxisCount();
    }
    this.relayout();
  }

  private relayout() {
    this.layoutWidth = this.width();
    this.measuredFont = resolvedFont(this.svg.node()!);
    this.layout = layOut(this.dimensions, this.runs.count, this.layoutWidth, this.options.height, axisText(this.svg.node()!));
    this.plot.style.height = `${this.options.height}px`;
    this.plot.style.width = `${this.layout.width}px`;
    this.scroller.style.width = `${this.layoutWidth}px`;
    this.renderNotes();
    const events: AxisEvents = {
      brushed: (axis, span, final) => this.brushed(axis, span, final),
      reorder: (from, to) => this.changeAxes(() => this.dimensions.splice(to, 0, ...this.dimensions.splice(from, 1))),
      invert: (axis) => this.changeAxes(() => (this.dimensions[axis] = { ...this.dimensions[axis], inverted: !this.dimensions[axis].inverted })),
      toggleLog: (axis) =>
        this.changeAxes(() => {
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
    this.axesChanged = true;
    this.axesNote = null;
    this.setHovered(-1);
    this.relayout();
    this.showAxisCount();
    this.hooks.stateChanged();
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
    cancelAnimationFrame(this.frameRequest);
    this.draw();
    if (!final) return;
    this.selectionChanged();
    this.hooks.stateChanged();
  }

  private selectedIds(): string[] {
    const ids: string[] = [];
    this.emphasis()?.forEach((kept, row) => kept && ids.push(this.runs.ids[row]));
    return ids;
  }

  private selectionChanged() {
    this.hooks.select(this.selectedIds());
  }

  private clearSelection() {
    if (!this.filters.size && !this.highlighted) return;
    const brushed = this.filters.size > 0;
    this.axes?.clearBrushes();
    this.filters.clear();
    this.highlighted = null;
    this.requestDraw();
    this.hooks.select([]);
    if (brushed) this.hooks.stateChanged();
  }

  /** A column of the pickers by its full name (a summary of the scalars is named "loss (min)", which options write "loss:min"). */
  /** A column's colours; the page's own colour per run for its "run" column. */
  private colorsOf(column: RunColumn, dark: boolean): RunColors {
    return column === this.page?.column ? this.page.colors : runColors(column, undefined, dark);
  }

  private pickableNamed(name: string): RunColumn {
    return this.pickable.find((c) => c.name === name)!;
  }

  private pickColor(column: RunColumn) {
    this.setColor(column);
    this.hooks.record({ color: column === this.page?.column ? null : this.columns.nameOf(column) });
  }

  private setColor(column: RunColumn) {
    this.colorColumn = column;
    this.colors = this.colorsOf(this.colorColumn, this.root.isConnected && onDarkBackground(this.root));
    this.lines = null;
    this.renderLegend();
    this.requestDraw();
  }

  /** Shows or hides a column's axis, from the axis picker: a new param goes after the params, anything else at the end. */
  private toggleAxis(name: string, chosen: boolean) {
    const column = this.pickableNamed(name);
    const at = this.dimensions.findIndex((d) => d.column === column);
    if (!chosen) {
      if (at >= 0 && this.dimensions.length > 1) this.removeAxis(at);
      return;
    }
    if (at >= 0 || this.dimensions.length >= MAX_AXES) return;
    const lastParam = this.dimensions.map((d) => d.column.role).lastIndexOf("param");
    const index = column.role === "param" ? lastParam + 1 : this.dimensions.length;
    this.changeAxes(() => this.dimensions.splice(index, 0, dimensionOf(column)));
  }

  private toggleHidden(row: number) {
    this.hidden[row] = this.hidden[row] ? 0 : 1;
    this.hiddenCount += this.hidden[row] ? 1 : -1;
    this.lines?.hiddenChanged(row);
    this.requestDraw();
    this.hooks.stateChanged();
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

  /** The hovered run over everything else, which a veil dims, and its values in the tooltip. */
  private setHovered(row: number, x = 0, y = 0) {
    if (!this.layout) return;
    const context = sizeCanvas(this.hover, this.layout.width, this.layout.height);
    clear(context, this.layout);
    if (row < 0) {
      this.tooltip.hide();
      return;
    }
    const theme = { background: themeColor(this.root, "--rc-bg", "#ffffff"), foreground: themeColor(this.root, "--rc-fg", "#1f2328") };
    drawHovered(context, this.layout, row, this.colorOf(row), theme);
    const rows = this.layout.axes.map((axis) => [axis.dimension.label, valueText(axis.dimension.column, row)] as const);
    if (!this.dimensions.some((d) => d.column === this.colorColumn)) rows.push([this.colorColumn.label, valueText(this.colorColumn, row)]);
    this.tooltip.show(x - this.scroller.scrollLeft, y, this.runs.names[row], [["run_id", this.runs.ids[row]], ...rows]);
  }

  private colorOf(row: number) {
    const index = this.colors.paletteIndex[row];
    return index < 0 ? this.colors.missingColor : this.colors.palette[index];
  }

  private requestDraw() {
    cancelAnimationFrame(this.frameRequest);
    this.frameRequest = requestAnimationFrame(() => this.draw());
  }

  private draw() {
    if (!this.layout) return;
    // The theme can change under a view (JupyterLab's light/dark switch): keep colours readable.
    if (this.root.isConnected && onDarkBackground(this.root) !== this.colors.dark) this.setColor(this.colorColumn);
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
    this.drawn = { lines: this.runs.count - hiddenCount, emphasised: soloed ? 0 : (selected ?? 0), threads: this.lines!.threads };
    this.status.textContent = [`${this.runs.count} runs`, selected !== null ? `${selected} selected` : "", hiddenCount ? `${hiddenCount} hidden` : ""]
      .filter(Boolean)
      .join(" · ");
  }

  private renderLegend() {
    this.legend.replaceChildren(colorLegend(this.colors, this.colorColumn.label), this.status);
  }

  private renderNotes() {
    const scrolls = this.layout!.width > this.layoutWidth ? ["The axes need more room than the view has: scroll sideways to see them all."] : [];
    showNotes(this.notes, [...this.runs.notes, ...(this.axesNote ? [this.axesNote] : []), ...scrolls]);
  }

  /** The axis picker: every column, by role, with a search box; a tick shows or hides its axis. */
  private makeAxisPicker(): Popover {
    const entry = (c: RunColumn) => ({ name: c.name, hint: varies(c) ? undefined : "one value" });
    const byRole = (...roles: RunColumn["role"][]) => this.pickable.filter((c) => roles.includes(c.role)).map(entry);
    const groups = [
      { title: "params", columns: byRole("param") },
      { title: "metrics", columns: byRole("metric") },
      { title: "other columns", columns: byRole("tag", "attribute") },
    ];
    const shown = (name: string) => this.dimensions.some((d) => d.column.name === name);
    return columnPicker("Axes", groups, shown, (name, chosen) => this.toggleAxis(name, chosen));
  }

  private showAxisCount() {
    this.axisPicker.button.textContent = `Axes: ${this.dimensions.length} of ${this.pickable.length}`;
  }
}

const formatValue = format(".6~g");

export function valueText(column: RunColumn, row: number): string {
  if (column.kind === "categorical") return column.values[row] ?? "missing";
  const value = column.values[row];
  if (Number.isNaN(value)) return "missing";
  if (column.temporal) return Number.isFinite(value) ? new Date(value).toISOString() : String(value);
  return Number.isInteger(value) ? String(value) : formatValue(value);
}

function defaultColorColumn(dimensions: readonly Dimension[]) {
  return (dimensions.find((d) => d.column.role === "metric") ?? dimensions[dimensions.length - 1]).column;
}
