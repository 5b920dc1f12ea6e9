import { messages } from "../../data/errors.js";
import type { RunsInput } from "../../data/input.js";
import { sampleKind } from "../../data/media.js";
import { shownRuns, type RunColumns } from "../../data/run-columns.js";
import { openRuns } from "../../data/runs.js";
import { readSamples, type Samples, type SamplesInput } from "../../data/samples.js";
import { chooseSeries } from "../../data/series.js";
import { estimateWidth, fitText, textMeasure, type Measure } from "../../render/text.js";
import type { ViewSchema } from "../../data/schema.js";
import { makeView, type Drawing, type Hooks, type Settled, type ViewElement, type ViewOptions } from "../../render/view.js";
import json from "../../../schema/views/samples.json" with { type: "json" };
import { SampleCell, type CellHooks } from "./cell.js";
import { samplesCSV, samplesSVG, type ExportedCell, type ExportedGrid } from "./export.js";
import { HEADER_HEIGHT, LABEL_WIDTH, cellSize, visibleRange } from "./geometry.js";
import { cellKey, initialState, positionAt, SIZE_LIMITS, type SamplesState, type StateOptions } from "./state.js";
import { SampleStore, type Content, type SampleSource } from "./store.js";
import { samplesStyle } from "./style.js";
import { Viewer, type ViewerImage } from "./viewer.js";
import { nextSelection } from "../values/selection.js";
import { appendBreakable } from "../values/text.js";
import { thousands } from "../../data/thousands.js";

export type { SamplesState } from "./state.js";
export type { SampleSource } from "./store.js";

/** The options of schema/views/samples.json, which says more of each. */
export interface SamplesOptions extends StateOptions, ViewOptions<SamplesState> {
  /** A runs table: its runs that have samples are the columns, in its order, by their names. Else the samples' runs. */
  runs?: RunsInput | null;
  /** The metrics ("image": each of its variants) or series ("image/val") shown; null for all. */
  metrics?: readonly string[] | null;
  /** The most height, in CSS pixels, the grid takes before it scrolls. */
  height?: number;
  /** A sample larger than this many bytes is not shown (50 MB by default). */
  maxBytes?: number;
  /** Fetched bytes are kept up to this total (128 MB by default); what is off screen is dropped first. */
  cacheBytes?: number;
  /** Where samples that have neither data nor url get their bytes (the widget asks the kernel). */
  source?: SampleSource | null;
}

export const samplesSchema = json as ViewSchema;

/** The element; its value is the runs selected by clicking their names. */
export interface SamplesElement extends ViewElement<SamplesOptions, SamplesState> {
  /** What the grid has in the page now, for tests and benchmarks. */
  readonly shown: { cells: number; decoded: number; placeholders: number };
}

/**
 * Debug samples compared across runs: a column per run, a row per metric/variant, in each cell a
 * sample with a step slider (oldest, older, newer, newest); "sync" puts every cell at one step.
 * Images open in a viewer (zoom, pan, pixel values; side by side, flicker or difference with
 * another run's); audio and video play; text shows its word diff against the base run's.
 */
export function samples(data: SamplesInput, options: SamplesOptions = {}): SamplesElement {
  let read: Samples | null = null;
  const { root, drawing } = makeView<SamplesOptions, SamplesState, SamplesDrawing>(
    {
      schema: samplesSchema,
      styles: () => [samplesStyle()],
      draw: (root, current, hooks) => {
        read ??= readSamples(data, !!current.source);
        return new SamplesDrawing(root, read, current, hooks);
      },
    },
    options,
  );
  Object.defineProperty(root, "shown", { get: () => drawing()?.shown ?? { cells: 0, decoded: 0, placeholders: 0 } });
  return root as SamplesElement;
}

class SamplesDrawing implements Drawing<SamplesOptions> {
  private readonly runs: RunColumns;
  /** For each column, the samples' index of its run. */
  private readonly runOfColumn: Int32Array;
  private readonly seriesShown: number[];
  private readonly store: SampleStore;
  private current: SamplesState;
  private selected = new Set<string>();
  private readonly container = document.createElement("div");
  private readonly scroller = document.createElement("div");
  private readonly canvas = document.createElement("div");
  private readonly head = document.createElement("div");
  private readonly labels = document.createElement("div");
  private readonly cellsLayer = document.createElement("div");
  private readonly status = document.createElement("span");
  private readonly syncBox = document.createElement("input");
  private readonly sizeInput = document.createElement("input");
  private readonly baseSelect = document.createElement("select");
  private readonly cells = new Map<string, SampleCell>();
  private readonly heads = new Map<number, HTMLElement>();
  private readonly cellHooks: CellHooks;
  private readonly resizeObserver: ResizeObserver;
  private viewer: Viewer | null = null;
  private measure: Measure | null = null;
  private frame = 0;
  private window = "";

  constructor(
    private readonly root: HTMLElement,
    private readonly samples: Samples,
    options: Settled<SamplesOptions>,
    private readonly hooks: Hooks<SamplesOptions>,
  ) {
    const runs = options.runs ? openRuns(options.runs) : null;
    this.runs = shownRuns(samples.runIds, runs, () => messages.unknownRunsOf("samples", samples.runIds[0], runs!.ids[0]));
    this.runOfColumn = new Int32Array(this.runs.ids.length).fill(-1);
    this.runs.columnOfScalarRun.forEach((column, run) => column >= 0 && (this.runOfColumn[column] = run));
    this.seriesShown = chooseSeries(samples.series, options.metrics, "samples");
    this.current = initialState(options, this.runs.ids);
    this.store = new SampleStore(samples, options.source ?? null, { maxBytes: options.maxBytes, cacheBytes: options.cacheBytes });
    this.cellHooks = {
      moved: (cell, position) => this.moved(cell, position),
      open: (cell) => this.open(cell),
      mime: (row) => samples.mime(row),
      step: (row) => samples.steps[row],
      size: (row) => samples.size(row),
      peek: (row) => this.store.peek(row),
      load: (row) => this.store.load(row),
      baseText: (cell) => this.baseText(cell),
    };
    this.buildToolbar();
    this.scroller.className = "rc-samples-grid";
    this.scroller.style.maxHeight = `${options.height}px`;
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute("role", "grid");
    this.scroller.setAttribute("aria-label", "Samples: a column per run, a row per metric");
    this.canvas.className = "rc-samples-canvas";
    this.head.className = "rc-samples-head";
    const corner = document.createElement("div");
    corner.className = "rc-samples-corner";
    corner.textContent = "metric";
    this.head.append(corner);
    this.labels.className = "rc-series-labels";
    this.cellsLayer.className = "rc-samples-cells";
    this.canvas.append(this.head, this.labels, this.cellsLayer);
    this.scroller.append(this.canvas);
    this.container.append(this.scroller);
    root.append(this.container);
    this.scroller.addEventListener("scroll", this.requestRender);
    this.head.addEventListener("click", this.headClicked);
    this.resizeObserver = new ResizeObserver(this.requestRender);
    this.resizeObserver.observe(this.scroller);
    this.layOut();
  }

  get shown() {
    const cells = [...this.cells.values()];
    return {
      cells: cells.length,
      decoded: cells.filter((cell) => cell.element.dataset.decoded === "true").length,
      placeholders: this.cellsLayer.querySelectorAll(".rc-sample-placeholder").length,
    };
  }

  highlight(ids: readonly string[]) {
    this.selected = new Set(ids);
    for (const [column, head] of this.heads) head.classList.toggle("rc-selected", this.selected.has(this.runs.ids[column]));
    for (const cell of this.cells.values()) cell.element.classList.toggle("rc-selected", this.selected.has(this.runs.ids[cell.column]));
    this.showStatus();
  }

  state(): SamplesState {
    return this.current;
  }

  exportCSV(): string {
    const every = this.seriesShown.flatMap((series) => this.runs.ids.map((_, column) => this.exportedCell(series, column)));
    return samplesCSV(
      this.exported(
        this.seriesShown,
        this.runs.ids.map((_, i) => i),
        every,
      ),
    );
  }

  exportSVG(): string {
    // What is on screen; off the page, the first rows and columns stand in.
    const [rows, columns] = this.cells.size
      ? this.visible()
      : [[0, Math.min(4, this.seriesShown.length)] as const, [0, Math.min(6, this.runs.ids.length)] as const];
    const shownRows = this.seriesShown.slice(rows[0], rows[1]);
    const shownColumns = range(columns[0], columns[1]);
    const cells = shownRows.flatMap((series) => shownColumns.map((column) => this.exportedCell(series, column)));
    return samplesSVG(this.exported(shownRows, shownColumns, cells), this.root);
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.viewer?.close();
    for (const cell of this.cells.values()) cell.dispose();
    this.cells.clear();
    this.store.destroy();
    this.container.remove();
  }

  private exported(rows: readonly number[], columns: readonly number[], cells: ExportedCell[]): ExportedGrid {
    return {
      samples: this.samples,
      runIds: this.runs.ids,
      names: this.runs.names,
      seriesKeys: this.samples.series.map((s) => s.key),
      rows,
      columns,
      cells,
      size: this.current.size,
      had: (row) => this.store.had(row),
    };
  }

  private exportedCell(series: number, column: number): ExportedCell {
    const rows = this.rowsOf(series, column);
    return { series, column, row: rows.length ? rows[this.positionOf(series, column, rows)] : -1 };
  }

  private buildToolbar() {
    const { controls } = this.hooks;
    const sync = document.createElement("label");
    sync.title = "Move every cell to the same step when one moves";
    this.syncBox.type = "checkbox";
    this.syncBox.checked = this.current.sync;
    this.syncBox.addEventListener("change", () => this.setSync(this.syncBox.checked));
    sync.append(this.syncBox, "sync");
    const size = document.createElement("label");
    size.className = "rc-size";
    size.append("size");
    this.sizeInput.type = "range";
    this.sizeInput.min = String(SIZE_LIMITS[0]);
    this.sizeInput.max = String(Math.min(SIZE_LIMITS[1], 480));
    this.sizeInput.step = "8";
    this.sizeInput.value = String(this.current.size);
    this.sizeInput.setAttribute("aria-label", "sample size");
    this.sizeInput.addEventListener("input", () => this.set({ size: this.sizeInput.valueAsNumber }));
    size.append(this.sizeInput);
    const base = document.createElement("label");
    base.title = "The run whose text samples the others are compared with, word by word";
    base.append("base");
    this.runs.ids.forEach((id, column) => this.baseSelect.append(new Option(this.runs.names[column], id, false, id === this.baseId())));
    this.baseSelect.addEventListener("change", () => this.set({ base: this.baseSelect.value }));
    base.append(this.baseSelect);
    this.status.className = "rc-status";
    controls.append(sync, size, base, this.status);
  }

  private showStatus() {
    const chosen = this.selected.size ? ` · ${this.selected.size} selected` : "";
    const series = this.seriesShown.length;
    const withheld = this.runs.withoutValues ? ` (${this.runs.withoutValues} without samples left out)` : "";
    this.status.textContent =
      `${series} ${series === 1 ? "metric" : "metrics"} × ${this.runs.ids.length} runs${withheld} · ${thousands(this.samples.rowCount)} samples` +
      (this.current.sync ? ` · synced at ${this.current.step === null ? "newest" : `step ${thousands(this.current.step)}`}` : "") +
      chosen;
  }

  private baseId(): string {
    return this.current.base ?? this.runs.ids[0];
  }

  /** Options the controls change (size, sync, step, base), shown in place. */
  private set(changes: Partial<Pick<SamplesState, "size" | "sync" | "step" | "base">>) {
    const resized = "size" in changes && changes.size !== this.current.size;
    const rebased = "base" in changes && changes.base !== this.baseId();
    this.current = { ...this.current, ...changes };
    if (resized) this.layOut();
    else this.refresh(rebased);
    this.hooks.record(changes);
  }

  private setSync(sync: boolean) {
    // Synced from where the user stands: the newest step any shown cell is at.
    let step: number | null = null;
    if (sync) for (const cell of this.cells.values()) if (cell.row >= 0) step = Math.max(step ?? -Infinity, this.samples.steps[cell.row]);
    this.set({ sync, step: sync ? step : this.current.step });
  }

  private rowsOf(series: number, column: number): Int32Array {
    const run = this.runOfColumn[column];
    return this.samples.rowsOf(series, run);
  }

  private positionOf(series: number, column: number, rows: Int32Array): number {
    const { sync, step, steps } = this.current;
    const chosen = sync ? step : steps[cellKey(this.samples.series[series].key, this.runs.ids[column])];
    return positionAt(rows, this.samples.steps, chosen ?? null);
  }

  private moved(cell: SampleCell, position: number) {
    const step = this.samples.steps[cell.rows[position]];
    if (this.current.sync) {
      this.current = { ...this.current, step };
      this.refresh(false);
      cell.show(position);
    } else {
      const key = cellKey(this.samples.series[cell.series].key, this.runs.ids[cell.column]);
      this.current = { ...this.current, steps: { ...this.current.steps, [key]: step } };
      cell.show(position);
    }
    this.showStatus();
    if (this.current.sync) this.hooks.record({ step });
    else this.hooks.stateChanged();
  }

  /** Every cell in the page at its position; text cells again when the base changed. */
  private refresh(rebased: boolean) {
    this.syncBox.checked = this.current.sync;
    this.baseSelect.value = this.baseId();
    for (const cell of this.cells.values()) {
      const text = cell.row >= 0 && sampleKind(this.samples.mime(cell.row)) === "text";
      cell.show(this.positionOf(cell.series, cell.column, cell.rows), rebased && text);
    }
    this.renderHeads(true);
    this.showStatus();
  }

  private async baseText(cell: SampleCell): Promise<string | null> {
    const base = this.runs.ids.indexOf(this.baseId());
    if (cell.column === base || base < 0) return null;
    const rows = this.rowsOf(cell.series, base);
    if (!rows.length) return null;
    // The base's sample at (or before) the step this cell shows.
    const row = rows[positionAt(rows, this.samples.steps, this.samples.steps[cell.row])];
    if (sampleKind(this.samples.mime(row)) !== "text") return null;
    const content = await this.store.load(row);
    return "text" in content ? content.text : "bytes" in content ? new TextDecoder().decode(content.bytes) : null;
  }

  private readonly requestRender = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.render());
  };

  /** Sizes the grid for the sample size, then draws what is in view. */
  private layOut() {
    const { width, height } = cellSize(this.current.size);
    this.canvas.style.width = `${LABEL_WIDTH + this.runs.ids.length * width}px`;
    this.canvas.style.height = `${HEADER_HEIGHT + this.seriesShown.length * height}px`;
    this.labels.style.height = `${this.seriesShown.length * height}px`;
    this.sizeInput.value = String(this.current.size);
    for (const cell of this.cells.values()) cell.dispose();
    this.cells.clear();
    this.window = "";
    this.renderLabels();
    this.render();
    this.refresh(false);
  }

  private visible(): [[number, number], [number, number]] {
    const { width, height } = cellSize(this.current.size);
    // Before the element is in a page it has no size: fill the largest it may take.
    const viewWidth = (this.scroller.clientWidth || 1200) - LABEL_WIDTH;
    const viewHeight = (this.scroller.clientHeight || Number.parseFloat(this.scroller.style.maxHeight) || 600) - HEADER_HEIGHT;
    return [
      visibleRange(this.scroller.scrollTop, viewHeight, height, this.seriesShown.length),
      visibleRange(this.scroller.scrollLeft, viewWidth, width, this.runs.ids.length),
    ];
  }

  /** Makes the cells in view (and one more each side), and drops those that left it. */
  private render() {
    const [rows, columns] = this.visible();
    const window = `${rows}:${columns}`;
    // The same window again draws nothing new, unless the run names still wait to be measured in the page's font.
    if (window === this.window && this.measure) return;
    this.window = window;
    const { width, height } = cellSize(this.current.size);
    const wanted = new Set<string>();
    for (let i = rows[0]; i < rows[1]; i++) {
      const series = this.seriesShown[i];
      for (let column = columns[0]; column < columns[1]; column++) {
        const key = `${series}:${column}`;
        wanted.add(key);
        if (this.cells.has(key)) continue;
        const cell = new SampleCell(series, column, this.rowsOf(series, column), this.cellHooks);
        cell.element.style.cssText = `left:${column * width}px;top:${i * height}px;width:${width}px;height:${height}px`;
        cell.element.setAttribute("role", "gridcell");
        cell.element.dataset.run = this.runs.ids[column];
        cell.element.dataset.series = this.samples.series[series].key;
        cell.element.classList.toggle("rc-selected", this.selected.has(this.runs.ids[column]));
        this.cells.set(key, cell);
        this.cellsLayer.append(cell.element);
        cell.show(this.positionOf(series, column, cell.rows));
      }
    }
    for (const [key, cell] of this.cells) {
      if (wanted.has(key)) continue;
      cell.dispose();
      this.cells.delete(key);
    }
    this.renderHeads(false, columns);
  }

  private renderLabels() {
    const { height } = cellSize(this.current.size);
    this.labels.replaceChildren(
      ...this.seriesShown.map((series, i) => {
        const info = this.samples.series[series];
        const label = document.createElement("div");
        label.className = "rc-series-label";
        label.style.top = `${i * height}px`;
        label.style.height = `${height}px`;
        appendBreakable(label, info.metric);
        label.title = info.key;
        if (info.variant !== null) {
          const variant = document.createElement("span");
          variant.className = "rc-variant";
          variant.textContent = info.variant;
          label.append(variant);
        }
        return label;
      }),
    );
  }

  /** Run names over the columns in view: a click selects the run (shift adds it). */
  private renderHeads(again: boolean, columns = this.visible()[1]) {
    const { width } = cellSize(this.current.size);
    // Heads made before the view was in the page were fitted on estimated widths: fitted again once it is.
    if (again || (!this.measure && this.head.isConnected)) {
      for (const head of this.heads.values()) head.remove();
      this.heads.clear();
    }
    const base = this.baseId();
    for (const [column, head] of this.heads) {
      if (column >= columns[0] && column < columns[1]) continue;
      head.remove();
      this.heads.delete(column);
    }
    for (let column = columns[0]; column < columns[1]; column++) {
      if (this.heads.has(column)) continue;
      const id = this.runs.ids[column];
      const head = document.createElement("div");
      head.className = "rc-run-head";
      head.dataset.column = String(column);
      head.dataset.run = id;
      head.style.left = `${LABEL_WIDTH + column * width}px`;
      head.style.width = `${width}px`;
      head.title = `${this.runs.names[column]}${id !== this.runs.names[column] ? ` (${id})` : ""}: click to select, shift-click to add`;
      const name = document.createElement("span");
      name.className = "rc-run-name";
      head.append(name);
      this.head.append(head);
      // Long names that share a start ("archive/experiments/Exp_1…") keep both ends.
      if (!this.measure && name.isConnected) this.measure = textMeasure(name);
      name.textContent = fitText(this.runs.names[column], width - (id === base ? 60 : 16), this.measure ?? estimateWidth).lines[0];
      if (id === base) {
        const mark = document.createElement("span");
        mark.className = "rc-base-mark";
        mark.textContent = "(base)";
        head.append(mark);
      }
      head.classList.toggle("rc-selected", this.selected.has(id));
      this.heads.set(column, head);
    }
  }

  private readonly headClicked = (event: MouseEvent) => {
    const head = (event.target as Element).closest<HTMLElement>(".rc-run-head");
    if (!head) return;
    const ids = nextSelection([...this.selected], head.dataset.run!, event.shiftKey);
    this.highlight(ids);
    this.hooks.select(ids);
  };

  /** The viewer for an image cell, with every other run's image of the series at the step its cell shows. */
  private open(cell: SampleCell) {
    this.viewer?.close();
    const image = (column: number, row: number): ViewerImage => ({
      id: this.runs.ids[column],
      label: this.runs.names[column],
      load: () => this.decodedImage(row),
    });
    const titleOf = (row: number) => `${this.runs.names[cell.column]} · ${this.samples.series[cell.series].key} · step ${thousands(this.samples.steps[row])}`;
    const others = this.runs.ids.flatMap((_, column) => {
      const rows = column === cell.column ? null : this.rowsOf(cell.series, column);
      if (!rows?.length) return [];
      const row = rows[this.positionOf(cell.series, column, rows)];
      return sampleKind(this.samples.mime(row)) === "image" ? [image(column, row)] : [];
    });
    const base = this.baseId();
    this.viewer = new Viewer(this.root, {
      title: titleOf(cell.row),
      current: image(cell.column, cell.row),
      others,
      compareWith: others.find((other) => other.id === base)?.id ?? others[0]?.id ?? null,
      mode: "single",
      step: (direction) => {
        const position = cell.position + direction;
        if (position < 0 || position >= cell.rows.length) return null;
        this.moved(cell, position);
        return { title: titleOf(cell.row), current: image(cell.column, cell.row) };
      },
      closed: () => {
        this.viewer = null;
        cell.element.focus();
      },
    });
  }

  private async decodedImage(row: number): Promise<HTMLImageElement | { error: string }> {
    const content: Content = await this.store.load(row);
    if ("error" in content) return content;
    if ("text" in content) return { error: "a text sample, not an image" };
    const image = new Image();
    const url = "url" in content ? content.url : URL.createObjectURL(new Blob([content.bytes as Uint8Array<ArrayBuffer>], { type: this.samples.mime(row) }));
    try {
      image.src = url;
      await image.decode();
      return image;
    } catch {
      return { error: `could not be decoded as ${this.samples.mime(row)}` };
    } finally {
      if (!("url" in content)) URL.revokeObjectURL(url);
    }
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
