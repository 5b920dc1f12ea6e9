import { pointer, select, type Selection } from "d3";
import { sizeCanvas } from "../../render/canvas.js";
import { finished } from "../../data/significance.js";
import { inIdleTime } from "../../render/idle.js";
import { drawAxes, makeFrame, plotColumns, type Frame } from "./axes.js";
import { DASHES, drawHovered, drawRaw, drawSmoothed, growth, planKey, type DrawnStats, type LineChange, type LineLook } from "./draw.js";
import type { ChartSpec, LegendEntry, Line } from "./model.js";
import type { Settings } from "./options.js";
import { fitY, KeptSample, xDomainAhead, xExtent } from "./ranges.js";
import { ReducedLines } from "./reduced.js";
import { formatX, hoverRows, renderTooltip, visibleWindow, type HoverRow } from "./tooltip.js";

const SVG = "http://www.w3.org/2000/svg";
/** A drag shorter than this is a click; a drag flatter than this zooms x only. */
const CLICK_PX = 4;
const FLAT_PX = 8;
/** How near the cursor a line must pass for a click to select it. */
const PICK_PX = 10;

/** What a chart needs from its view. */
export interface ChartHost {
  settings(): Settings;
  look(): LineLook;
  /** The user clicked a line's entry (null: empty space); additive with shift, ctrl or cmd. */
  pick(entry: LegendEntry | null, additive: boolean): void;
  /** The pointer came near a line's entry, or left every line (null). */
  hover(entry: LegendEntry | null): void;
  /** With groups, the chart's groups compared with the base at a step, as an element to show under it (null without groups), a group at a time. */
  compare(spec: ChartSpec, step: number): Generator<void, HTMLElement | null, void>;
}

/** How long the pointer rests on a step before the groups are compared there (each comparison bootstraps). */
const COMPARE_MS = 150;
/** The longest a drawing's comparison at the last step waits for the page to be idle. */
const COMPARE_IDLE_MS = 200;

/** One small multiple: a canvas of lines under an SVG of axes, crosshair, zoom box and tooltip. */
export class Chart {
  readonly element = document.createElement("div");
  drawn: DrawnStats & { grown: boolean } = { lines: 0, emphasised: 0, paths: 0, clippedMarks: 0, grown: false };
  frame: Frame | null = null;
  lines: readonly Line[] = [];
  private readonly plot = document.createElement("div");
  /** Raw series below, smoothed above: a new smoothing redraws only the upper canvas. */
  private readonly rawCanvas = document.createElement("canvas");
  private readonly canvas = document.createElement("canvas");
  /** The hovered entry's lines, over everything: a new hover redraws only this. */
  private readonly hoverCanvas = document.createElement("canvas");
  private hovered: LegendEntry | null = null;
  /** Whether the hover layer holds a drawing (else a frame with nothing hovered leaves it alone). */
  private hoverPainted = false;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly axes: Selection<SVGGElement, unknown, null, undefined>;
  private readonly overlay: Selection<SVGGElement, unknown, null, undefined>;
  private readonly tooltip = document.createElement("div");
  /** The groups compared with the base at the step under the cursor, else at the last step. */
  private readonly comparison = document.createElement("div");
  /** What the comparison shown was made for: the step, the lines and the settings. */
  private comparedAt = "";
  /** What the comparison waiting to be shown is for. */
  private comparing = "";
  private compareTimer = 0;
  private cancelIdleComparison = () => {};
  /** Its lines' reductions to pixel columns, kept between frames. */
  readonly reduced = new ReducedLines();
  /** The sample of the points drawn that says which are outliers, kept while lines only grow. */
  private readonly outliers = new KeptSample();
  private width = 0;
  private xZoom: [number, number] | null = null;
  private yZoom: [number, number] | null = null;
  private hoverX: number | null = null;
  /** Counts the sets of lines whose raw values differ from the last set's. */
  private rawVersion = 0;
  /** What the raw layer was last drawn for. */
  private rawDrawn = "";
  /** What the axes were last drawn for: a new smoothing mostly keeps them. */
  private axesDrawn = "";
  /** What both layers were last drawn for but the lines: lines that only grew since are drawn over them, if it stays the same. */
  private layersDrawn = "";
  /** The lines the layers show. */
  private drawnLines: readonly Line[] = [];
  /** Set by lines appended to those drawn: how each stands to the line of its key drawn. */
  private changes: ((line: Line) => LineChange) | null = null;

  constructor(
    readonly spec: ChartSpec,
    private readonly host: ChartHost,
    variants: readonly (string | null)[],
  ) {
    this.element.className = "rc-chart";
    const header = document.createElement("div");
    header.className = "rc-chart-title";
    const title = document.createElement("span");
    title.className = "rc-chart-name";
    title.textContent = spec.title;
    title.title = spec.title;
    header.append(title);
    if (variants.length > 1) header.append(...variants.map((variant, i) => dashKey(variant ?? "", i)));
    this.plot.className = "rc-plot";
    this.tooltip.className = "rc-curve-tooltip";
    this.tooltip.hidden = true;
    this.svg = select(document.createElementNS(SVG, "svg") as SVGSVGElement);
    this.axes = this.svg.append("g").attr("class", "rc-axes");
    this.overlay = this.svg.append("g").attr("class", "rc-overlay");
    this.plot.append(this.rawCanvas, this.canvas, this.hoverCanvas, this.svg.node()!, this.tooltip);
    this.comparison.className = "rc-chart-comparison";
    this.element.append(header, this.plot, this.comparison);
    this.listen();
  }

  /**
   * New lines; `sameRaw` when only their smoothed values changed (a new smoothing); `appended`
   * when rows were appended: lines that only grew (Line.before) or are new are then drawn over
   * the layers as they are, where the next frame keeps their look.
   */
  setLines(lines: readonly Line[], sameRaw = false, appended = false) {
    this.changes = appended && this.lines === this.drawnLines ? changesFrom(this.lines, lines) : null;
    this.lines = lines;
    if (!sameRaw) this.rawVersion++;
  }

  /** Lays out for a width (CSS pixels) and draws. */
  draw(width = this.width) {
    this.width = width;
    const { x, y, height, ignoreOutliers } = this.host.settings();
    const look = this.host.look();
    const shown = this.lines.filter((line) => look.shown(line.entry));
    const xDomain = this.xZoom ?? xDomainAhead(xExtent(shown), x);
    const ratio = window.devicePixelRatio || 1;
    this.reduced.setFrame(xDomain, plotColumns(width, ratio), look.reduce);
    // The min/max reduction keeps each line's extremes, so an unzoomed linear y range needs no other pass over the values.
    const known = y === "linear" && look.reduce === "minmax" ? (line: Line, values: Float64Array) => this.reduced.of(line, values).yRange : null;
    this.outliers.setKey(JSON.stringify([this.reduced.frameKey, look.raw, y]));
    const fit = this.yZoom
      ? { domain: this.yZoom, clipped: false }
      : fitY(shown, xDomain, look.raw, y === "log", known, ignoreOutliers ? this.reduced.of : null, this.outliers);
    const yDomain = fit.domain;
    this.frame = makeFrame(width, height, x, y, xDomain, yDomain, fit.clipped);
    this.plot.style.height = `${height}px`;
    this.svg.attr("width", width).attr("height", height);
    const axesKey = JSON.stringify([width, height, x, y, this.frame.xDomain, yDomain]);
    if (axesKey !== this.axesDrawn) {
      drawAxes(this.axes, this.frame);
      this.axesDrawn = axesKey;
    }
    const layersKey = JSON.stringify([look.version, look.raw, look.reduce, width, height, ratio, y, this.frame.xDomain, yDomain, fit.clipped]);
    const rawKey = JSON.stringify([this.rawVersion, layersKey]);
    if (!this.drawGrown(layersKey + planKey(this.frame, this.lines, look), look)) {
      if (rawKey !== this.rawDrawn) drawRaw(sizeCanvas(this.rawCanvas, width, height, ratio), this.frame, this.lines, look, this.reduced.of);
      this.drawn = { ...drawSmoothed(sizeCanvas(this.canvas, width, height, ratio), this.frame, this.lines, look, this.reduced.of), grown: false };
      this.layersDrawn = layersKey + planKey(this.frame, this.lines, look);
    }
    this.rawDrawn = rawKey;
    this.drawnLines = this.lines;
    this.paintHovered();
    if (this.hoverX !== null) this.hover(this.hoverX, null);
    else this.compareAt(this.lastStep(), "idle");
  }

  /**
   * Draws what appended lines add in a strip of each layer (growth), the smoothed layer whole when
   * its lines do not say where their values changed; false when both must be drawn whole (the
   * frame or the lines' look changed).
   */
  private drawGrown(layersKey: string, look: LineLook): boolean {
    const changes = this.changes;
    this.changes = null;
    if (!changes || layersKey !== this.layersDrawn || this.frame!.clipped) return false;
    const [frame, lines, reduce] = [this.frame!, this.lines, this.reduced.of];
    const raw = look.raw ? growth(lines, changes, reduce, (line) => line.raw, frame) : null;
    if (look.raw && !raw) return false;
    const smoothed = growth(lines, changes, reduce, (line) => line.smoothed, frame);
    if (raw) drawRaw(this.rawCanvas.getContext("2d")!, frame, lines, look, reduce, raw);
    this.drawn = { ...drawSmoothed(this.canvas.getContext("2d")!, frame, lines, look, reduce, smoothed), grown: smoothed !== null };
    return true;
  }

  /**
   * The groups compared at a step, shown under the chart: in the page's idle time after the frame
   * that draws the lines, for a drawing's last step, a few groups in each idle period (31 groups,
   * each bootstrapped 9,999 times, took 150 ms: the lines show first, and a view made meanwhile
   * is not kept waiting); else all at once when the pointer rests there; not again for the same
   * step, lines and settings.
   */
  private compareAt(step: number, when: "idle" | "rest" = "rest") {
    const { groupBy, pairBy, base, test } = this.host.settings();
    const key = JSON.stringify([step, this.rawVersion, groupBy, pairBy, base, test]);
    if (key === this.comparedAt || key === this.comparing) return;
    this.cancelComparison();
    this.comparing = key;
    const steps = Number.isFinite(step) ? this.host.compare(this.spec, step) : null;
    const show = (block: HTMLElement | null) => {
      this.comparedAt = key;
      this.comparing = "";
      this.comparison.replaceChildren(...(block ? [block] : []));
    };
    const compareOne = () => {
      const next = steps!.next();
      if (next.done) show(next.value);
      return !next.done;
    };
    if (!steps) show(null);
    else if (when === "idle") this.cancelIdleComparison = inIdleTime(compareOne, { timeout: COMPARE_IDLE_MS });
    else this.compareTimer = window.setTimeout(() => show(finished(steps)), COMPARE_MS);
  }

  private cancelComparison() {
    clearTimeout(this.compareTimer);
    this.cancelIdleComparison();
    this.comparing = "";
  }

  /** The last step any line reaches. */
  private lastStep(): number {
    let last = -Infinity;
    for (const line of this.lines) if (line.steps.length) last = Math.max(last, line.steps[line.steps.length - 1]);
    return last;
  }

  /** Makes an entry's lines stand out (null: none), as the pointer moves over lines or legend names. */
  setHovered(entry: LegendEntry | null) {
    if (entry === this.hovered) return;
    this.hovered = entry;
    this.paintHovered();
  }

  private paintHovered() {
    if (!this.frame || (!this.hovered && !this.hoverPainted)) return;
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = this.frame;
    this.hoverPainted =
      drawHovered(sizeCanvas(this.hoverCanvas, width, height, ratio), this.frame, this.lines, this.hovered, this.host.look(), this.reduced.of) > 0;
  }

  /** Back to the whole x range and the fitted y range, from the next draw on. */
  resetZoom() {
    this.xZoom = this.yZoom = null;
  }

  destroy() {
    this.cancelComparison();
    this.svg.on(".chart", null);
    this.element.remove();
  }

  /** The rows the tooltip lists at a data x, for tests and export: visible lines only. */
  rowsAt(x: number): HoverRow[] {
    const look = this.host.look();
    return hoverRows(
      this.lines.filter((line) => look.shown(line.entry)),
      x,
    );
  }

  private listen() {
    let start: [number, number] | null = null;
    const zoomBox = () => this.overlay.selectAll<SVGRectElement, unknown>("rect.rc-zoom").data([0]).join("rect").attr("class", "rc-zoom");
    this.svg
      .on("pointerdown.chart", (event: PointerEvent) => {
        if (event.button !== 0 || !this.frame) return;
        start = pointer(event, this.svg.node());
        this.svg.node()!.setPointerCapture?.(event.pointerId);
      })
      .on("pointermove.chart", (event: PointerEvent) => {
        const [mx, my] = pointer(event, this.svg.node());
        const frame = this.frame;
        if (!frame) return;
        if (start && Math.hypot(mx - start[0], my - start[1]) > CLICK_PX) {
          const [x0, x1] = [Math.max(frame.left, Math.min(start[0], mx)), Math.min(frame.right, Math.max(start[0], mx))];
          const flat = Math.abs(my - start[1]) < FLAT_PX;
          const [y0, y1] = flat ? [frame.top, frame.bottom] : [Math.max(frame.top, Math.min(start[1], my)), Math.min(frame.bottom, Math.max(start[1], my))];
          zoomBox()
            .attr("x", x0)
            .attr("y", y0)
            .attr("width", x1 - x0)
            .attr("height", y1 - y0);
        }
        if (mx < frame.left || mx > frame.right || my < frame.top || my > frame.bottom) return this.leave();
        this.hover(Number(frame.xScale.invert(mx)), my);
      })
      .on("pointerup.chart", (event: PointerEvent) => {
        if (!start || !this.frame) return;
        const [mx, my] = pointer(event, this.svg.node());
        const from = start;
        start = null;
        this.overlay.selectAll("rect.rc-zoom").remove();
        if (Math.hypot(mx - from[0], my - from[1]) <= CLICK_PX) return this.click(mx, my, event.shiftKey || event.ctrlKey || event.metaKey);
        this.zoomTo(from, [mx, my]);
      })
      .on("pointerleave.chart", () => {
        if (!start) this.leave();
      })
      .on("dblclick.chart", () => {
        this.resetZoom();
        this.draw();
      });
  }

  private zoomTo([ax, ay]: [number, number], [bx, by]: [number, number]) {
    const frame = this.frame!;
    const clampX = (v: number) => Math.max(frame.left, Math.min(frame.right, v));
    const clampY = (v: number) => Math.max(frame.top, Math.min(frame.bottom, v));
    const [x0, x1] = [clampX(Math.min(ax, bx)), clampX(Math.max(ax, bx))];
    if (x1 - x0 < 2) return;
    this.xZoom = [Number(frame.xScale.invert(x0)), Number(frame.xScale.invert(x1))];
    if (Math.abs(by - ay) >= FLAT_PX) {
      const [y0, y1] = [clampY(Math.max(ay, by)), clampY(Math.min(ay, by))];
      if (y0 - y1 >= 2) this.yZoom = [frame.yScale.invert(y0), frame.yScale.invert(y1)];
    }
    this.draw();
  }

  private click(mx: number, my: number, additive: boolean) {
    const frame = this.frame!;
    this.host.pick(nearestRow(this.rowsAt(Number(frame.xScale.invert(mx))), frame, mx, my)?.line.entry ?? null, additive);
  }

  /** Crosshair at data x, dots on each listed line, and the tooltip beside the cursor. */
  private hover(x: number, my: number | null) {
    const frame = this.frame!;
    this.hoverX = x;
    const rows = this.rowsAt(x);
    // The crosshair and the header snap to the data point nearest the cursor.
    const snapped = rows.reduce(
      (best, row) => (Math.abs(row.line.x[row.index] - x) < Math.abs(best - x) ? row.line.x[row.index] : best),
      rows.length ? Infinity : x,
    );
    const px = frame.map.x(snapped);
    const cursorY = my ?? Number(this.tooltip.dataset.cursorY ?? frame.top);
    this.tooltip.dataset.cursorY = String(cursorY);
    const cursorValue = frame.yScale.invert(cursorY);
    const { from, to } = visibleWindow(rows, cursorValue);
    this.overlay
      .selectAll("line.rc-crosshair")
      .data([0])
      .join("line")
      .attr("class", "rc-crosshair")
      .attr("x1", px)
      .attr("x2", px)
      .attr("y1", frame.top)
      .attr("y2", frame.bottom);
    this.overlay
      .selectAll("circle.rc-dot")
      .data(rows.slice(from, to))
      .join("circle")
      .attr("class", "rc-dot")
      .attr("r", 3)
      .attr("cx", (row) => frame.map.x(row.line.x[row.index]))
      .attr("cy", (row) => dotY(frame, row.value))
      .attr("fill", (row) => row.line.entry.color);
    if (my !== null) this.host.hover(nearestRow(rows, frame, frame.map.x(x), my)?.line.entry ?? null);
    const [x0, x1] = frame.xScale.domain().map(Number);
    renderTooltip(this.tooltip, rows, formatX(frame.kind, snapped, x1 - x0), cursorValue, this.host.look().raw, this.hovered);
    const at = rows.find((row) => row.line.x[row.index] === snapped);
    if (at) this.compareAt(at.line.steps[at.index]);
    this.tooltip.hidden = false;
    this.placeTooltip(px);
  }

  /** Beside the cursor: right of it where the view has room, else left of it, else at the view's left edge. */
  private placeTooltip(px: number) {
    const view = (this.element.closest(".rc-view") ?? this.element).getBoundingClientRect();
    const plot = this.plot.getBoundingClientRect();
    const width = this.tooltip.offsetWidth;
    const cursor = plot.left + px;
    let left = cursor + 14;
    if (left + width > view.right) left = cursor - 14 - width >= view.left ? cursor - 14 - width : Math.max(view.left, view.right - width);
    this.tooltip.style.left = `${left - plot.left}px`;
    this.tooltip.style.top = `${this.frame!.top}px`;
  }

  private leave() {
    if (this.hoverX !== null) this.host.hover(null);
    this.hoverX = null;
    this.tooltip.hidden = true;
    this.overlay.selectAll("line.rc-crosshair, circle.rc-dot").remove();
    this.compareAt(this.lastStep());
  }
}

/**
 * How each of `lines` stands to the line of its key among `drawn`, or null when some of them
 * cannot be drawn over those (a line left out, or changed otherwise than by points added).
 */
function changesFrom(drawn: readonly Line[], lines: readonly Line[]): ((line: Line) => LineChange) | null {
  const before = new Map(drawn.map((line) => [line.key, line]));
  const keys = new Set(lines.map((line) => line.key));
  if (drawn.some((line) => !keys.has(line.key))) return null;
  const change = (line: Line): LineChange | null => {
    const prior = before.get(line.key);
    if (!prior) return "new";
    if (prior.entry.color !== line.entry.color || prior.dash !== line.dash) return null;
    if (prior.x === line.x && prior.raw === line.raw && prior.smoothed === line.smoothed) return "same";
    const { x, raw, smoothed } = line.before ?? {};
    // Smoothed values that changed before the new points (smoothed === null) are drawn whole.
    return x === prior.x && raw === prior.raw && (smoothed === prior.smoothed || smoothed === null) ? "grown" : null;
  };
  const changes = new Map(lines.map((line) => [line, change(line)]));
  if ([...changes.values()].includes(null)) return null;
  return (line) => changes.get(line)!;
}

/** The row whose point lies nearest (mx, my), within PICK_PX, or null. */
function nearestRow(rows: readonly HoverRow[], frame: Frame, mx: number, my: number): HoverRow | null {
  let best: HoverRow | null = null;
  let bestDistance = PICK_PX;
  for (const row of rows) {
    const distance = Math.hypot(frame.map.x(row.line.x[row.index]) - mx, dotY(frame, row.value) - my);
    if (distance <= bestDistance) {
      best = row;
      bestDistance = distance;
    }
  }
  return best;
}

/** A short sample of a variant's dash pattern and its name, for the chart's title row. */
function dashKey(variant: string, index: number): HTMLElement {
  const key = document.createElement("span");
  key.className = "rc-dash-key";
  const sample = select(document.createElementNS(SVG, "svg") as SVGSVGElement)
    .attr("width", 22)
    .attr("height", 8);
  sample
    .append("line")
    .attr("x1", 1)
    .attr("x2", 21)
    .attr("y1", 4)
    .attr("y2", 4)
    .attr("stroke", "currentColor")
    .attr("stroke-width", 1.5)
    .attr("stroke-dasharray", DASHES[index % DASHES.length].join(" ") || null);
  const label = document.createElement("span");
  label.textContent = variant;
  key.append(sample.node()!, label);
  return key;
}

/** Where a hovered point's dot goes: an infinite value has no place, and sits at the plot's edge. */
function dotY(frame: Frame, value: number): number {
  if (value === Infinity) return frame.top;
  if (value === -Infinity) return frame.bottom;
  return frame.map.y(value);
}
