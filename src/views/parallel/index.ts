import { select } from "d3";
import { filterRows, type AxisFilter } from "../../data/filter.js";
import { readRuns, type Runs } from "../../data/runs.js";
import type { RunsInput } from "../../data/input.js";
import { sizeCanvas } from "../../render/canvas.js";
import { runColors, type RunColors } from "../../render/color.js";
import { errorBox } from "../../render/error.js";
import { colorLegend } from "../../render/legend.js";
import { themeColor, viewStyle } from "../../render/style.js";
import { brushFilter, drawAxes, type AxesLayer } from "./axes.js";
import { columnResolver } from "../../data/resolve.js";
import { readScalars, type ScalarsInput } from "../../data/scalars.js";
import { chooseDimensions, type Dimension, type DimensionChoice } from "./dimensions.js";
import { layOut, type Layout } from "./layout.js";
import { drawLines, rowsByColor, type DrawnLines } from "./lines.js";

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

export interface ParallelElement extends HTMLElement {
  /** The selected run ids: those inside every brush, or those set from outside. */
  value: string[];
  update(options: Partial<ParallelOptions>): void;
  destroy(): void;
  /** The error shown in place of the chart, if the data could not be drawn. */
  readonly error: string | null;
  /** What the last frame drew, for tests and benchmarks. */
  readonly drawn: DrawnLines;
}

const DEFAULT_WIDTH = 720;

/** Parallel coordinates: one axis per param and metric, one line per run. */
export function parallel(data: RunsInput, options: ParallelOptions = {}): ParallelElement {
  const root = document.createElement("div") as unknown as ParallelElement;
  root.className = "rc-view rc-parallel";
  root.append(viewStyle());
  let state: ParallelState | null = null;
  let error: string | null = null;
  let selected: string[] = [...(options.selected ?? [])];
  let current = { height: 360, ...options };

  const rebuild = () => {
    state?.destroy();
    state = null;
    error = null;
    root.querySelector(".rc-error")?.remove();
    try {
      state = new ParallelState(root, readRuns(data), current, (ids) => {
        selected = ids;
        root.dispatchEvent(new Event("input", { bubbles: true }));
      });
      state.highlight(selected);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      root.append(errorBox(error));
    }
  };

  Object.defineProperties(root, {
    value: {
      get: () => selected,
      set: (ids: readonly string[]) => {
        // The widget echoes back what a brush selected: keep that brush.
        if (sameMembers(ids, selected)) return;
        selected = [...ids];
        state?.highlight(selected);
      },
    },
    error: { get: () => error },
    drawn: { get: () => state?.drawn ?? { lines: 0, emphasised: 0 } },
  });
  root.update = (changes) => {
    const { selected: ids, ...rest } = changes;
    if (Object.keys(rest).length) {
      current = { ...current, ...rest };
      rebuild();
    }
    if (ids) root.value = [...ids];
  };
  root.destroy = () => {
    state?.destroy();
    state = null;
    root.replaceChildren();
  };
  rebuild();
  return root;
}

/** A drawn chart for one set of runs and options; rebuilt when they change. */
class ParallelState {
  drawn: DrawnLines = { lines: 0, emphasised: 0 };
  private readonly dimensions: Dimension[];
  private readonly colors: RunColors;
  private readonly groups: Int32Array[];
  private readonly container = document.createElement("div");
  private readonly status = document.createElement("span");
  private readonly plot = document.createElement("div");
  private readonly canvas = document.createElement("canvas");
  private readonly svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
  private readonly filters = new Map<number, AxisFilter>();
  private readonly resizeObserver: ResizeObserver;
  private layout: Layout | null = null;
  private axes: AxesLayer | null = null;
  private emphasis: Uint8Array | null = null;
  private frame = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly runs: Runs,
    private readonly options: ParallelOptions & { height: number },
    private readonly onSelect: (ids: string[]) => void,
  ) {
    const columns = columnResolver(runs, options.scalars ? readScalars(options.scalars) : null);
    this.dimensions = chooseDimensions(runs, columns, options);
    const colorColumn = options.color ? columns.resolve(options.color) : defaultColorColumn(this.dimensions);
    this.colors = runColors(colorColumn);
    this.groups = rowsByColor(this.colors);

    const legend = document.createElement("div");
    legend.className = "rc-legend";
    this.status.className = "rc-status";
    legend.append(colorLegend(this.colors, colorColumn.key), this.status);
    this.plot.className = "rc-plot";
    this.plot.append(this.canvas, this.svg.node()!);
    this.container.append(legend, this.plot);
    root.append(this.container);

    this.svg.on("click.clear", (event: MouseEvent) => {
      if (event.target === this.svg.node()) this.clearBrushes();
    });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(root);
    this.resize();
  }

  highlight(ids: readonly string[]) {
    this.filters.clear();
    this.axes?.clearBrushes();
    if (ids.length === 0) {
      this.emphasis = null;
    } else {
      this.emphasis = new Uint8Array(this.runs.count);
      for (const id of ids) {
        const row = this.runs.rowOf(id);
        if (row >= 0) this.emphasis[row] = 1;
      }
    }
    this.requestDraw();
  }

  destroy() {
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
    this.container.remove();
  }

  private width() {
    return this.options.width ?? (this.root.clientWidth || DEFAULT_WIDTH);
  }

  private resize() {
    const width = this.width();
    if (this.layout && this.layout.width === width) return;
    this.layout = layOut(this.dimensions, this.runs.count, width, this.options.height);
    this.plot.style.height = `${this.options.height}px`;
    this.axes = drawAxes(this.svg, this.layout, (axis, span, final) => this.brushed(axis, span, final));
    this.filters.clear();
    this.draw();
  }

  private brushed(axisIndex: number, span: [number, number] | null, final: boolean) {
    const layout = this.layout!;
    if (span) this.filters.set(axisIndex, brushFilter(layout.axes[axisIndex], layout, span));
    else this.filters.delete(axisIndex);
    this.emphasis = this.filters.size ? filterRows(this.runs.count, [...this.filters.values()]) : null;
    this.requestDraw();
    if (final) this.onSelect(this.selectedIds());
  }

  private clearBrushes() {
    if (!this.filters.size) return;
    this.axes?.clearBrushes();
    this.filters.clear();
    this.emphasis = null;
    this.requestDraw();
    this.onSelect([]);
  }

  private selectedIds(): string[] {
    if (!this.emphasis) return [];
    const ids: string[] = [];
    this.emphasis.forEach((kept, row) => kept && ids.push(this.runs.ids[row]));
    return ids;
  }

  private requestDraw() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  private draw() {
    if (!this.layout) return;
    const context = sizeCanvas(this.canvas, this.layout.width, this.layout.height);
    const faded = themeColor(this.root, "--rc-faded", "#d0d7de");
    this.drawn = drawLines(context, this.layout, this.colors, this.groups, this.emphasis, faded);
    const selected = this.drawn.emphasised;
    this.status.textContent = `${this.runs.count} runs` + (this.emphasis ? ` · ${selected} selected` : "");
  }
}

function sameMembers(a: readonly string[], b: readonly string[]) {
  if (a.length !== b.length) return false;
  const members = new Set(a);
  return b.every((id) => members.has(id));
}

function defaultColorColumn(dimensions: readonly Dimension[]) {
  return (dimensions.find((d) => d.column.role === "metric") ?? dimensions[dimensions.length - 1]).column;
}
