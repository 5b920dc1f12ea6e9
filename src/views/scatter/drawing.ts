import { brush, pointer, select, zoom, zoomIdentity, type BrushBehavior, type D3BrushEvent, type ZoomBehavior, type ZoomTransform } from "d3";
import { columnResolver } from "../../data/resolve.js";
import { type RunColumn, type Runs } from "../../data/runs.js";
import { readScalars } from "../../data/scalars.js";
import { sizeCanvas } from "../../render/canvas.js";
import { onDarkBackground, pageRunColors, runColors, type RunColors } from "../../render/color.js";
import { cancelIdle, whenIdle } from "../../render/idle.js";
import { colorLegend } from "../../render/legend.js";
import { showNotes } from "../../render/notes.js";
import { themeColor, watchTheme } from "../../render/style.js";
import { counted, resolvedFont } from "../../render/text.js";
import { axisText } from "../../render/ticks.js";
import { tooltip, type Tooltip } from "../../render/tooltip.js";
import { drawAxes, drawNothingToShow, yLabelRoom } from "./axes.js";
import { chooseChannels, type Channels } from "./channels.js";
import { scatterControls } from "./controls.js";
import { tooltipColumns, tooltipContent } from "./describe.js";
import { scatterCSV, scatterSVG, type ShownPoints } from "./export.js";
import { frame, isShown, pointArea, positionScale, project, type Frame, type PositionScale } from "./layout.js";
import { pointFinder, rowsInRect, type PlacedPoints, type PointFinder } from "./pick.js";
import { drawPointsAsSVG, drawPointsOnCanvas, pointFill, rowsByFill, SVG_MAX_POINTS, type PointStyle, type PointsToDraw } from "./points.js";
import { countWithoutValue, plotPositions, type AxisPositions } from "./positions.js";
import { pointSizes, sizeLegend, type PointSizes } from "./size.js";
import type { Hooks, Settled } from "../../render/view.js";
import type { DrawnPoints, ScatterOptions } from "./index.js";

const DEFAULT_WIDTH = 640;
/** How close, in pixels, the pointer must come to a point to hover or click it. */
const PICK_RADIUS = 16;
/** How long a click waits to be sure it is not the first half of a double-click (which resets the zoom). */
const DOUBLE_CLICK_WAIT = 250;
const HINT =
  "Click the chart, then scroll to zoom (or hold Ctrl/⌘ while scrolling); drag to pan, double-click to reset · Shift-drag to select runs · Click a point to select it, the background to clear";
const WHEEL_HINT = "Click the chart to zoom with the wheel, or hold Ctrl (⌘ on a Mac)";
/** How long the wheel hint stays after a scroll that passed over the chart. */
const WHEEL_HINT_MS = 1500;
/** The longest a first drawing's pickers wait for the page to be idle. */
const CONTROLS_WAIT = 200;
/**
 * Events that start a gesture over the chart: a pointer comes over it before it presses, but a
 * wheel may turn over a page scrolled under a still pointer, and a page may send mouse events alone.
 */
const GESTURE_STARTS = ["pointerover", "pointerdown", "mousedown", "touchstart", "wheel"] as const;

interface Gestures {
  readonly zoom: ZoomBehavior<SVGSVGElement, unknown>;
  readonly brush: BrushBehavior<unknown>;
}
/** A drawn chart for one set of runs and options; rebuilt when they change. */
export class ScatterChart {
  drawn: DrawnPoints = { points: 0, emphasised: 0 };
  private readonly channels: Channels;
  private colors: RunColors | null;
  /** The page's colour per run (the `colors` option), when no colour column is chosen. */
  private readonly page: ReturnType<typeof pageRunColors>;
  private readonly colorLegendSlot = document.createElement("span");
  private readonly themeObserver: MutationObserver;
  private readonly sizes: PointSizes;
  private readonly x: AxisPositions;
  private readonly y: AxisPositions;
  private readonly placed: PlacedPoints;
  private readonly described: RunColumn[];
  private readonly container = document.createElement("div");
  private readonly status = document.createElement("span");
  private readonly plot = document.createElement("div");
  /** Where the points are drawn: SVG paths for a few, a canvas for many (see SVG_MAX_POINTS). */
  private readonly canvas: HTMLCanvasElement | null;
  private readonly svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
  /** Under the axes, as the canvas is under the whole SVG. */
  private readonly pointsGroup = this.svg.append("g").attr("class", "rc-points").attr("pointer-events", "none");
  private readonly axes = this.svg.append("g").attr("class", "rc-axes");
  /** The hovered point drawn again over the others, in a ring of the text colour with a rim of the background. */
  private readonly hoverMark = this.svg.append("g").attr("class", "rc-hover").attr("pointer-events", "none").style("display", "none");
  private readonly brushGroup = this.svg.append("g").attr("class", "rc-brush");
  private readonly tooltip: Tooltip;
  /** Zoom and brush, made with the chart's pointer listeners when a gesture first starts over the chart (see makeGestures). */
  private gestures: Gestures | null = null;
  private readonly resizeObserver: ResizeObserver;
  private frame: Frame | null = null;
  /** Measures of the axes' texts, in the font resolved when the frame was made ("" before the view is in a page). */
  private text = axisText(this.svg.node()!);
  private measuredFont = "";
  private baseX: PositionScale | null = null;
  private baseY: PositionScale | null = null;
  private transform: ZoomTransform = zoomIdentity;
  private finder: PointFinder | null = null;
  private fills: { accent: string; fill: (row: number) => string; groups: Map<string, number[]> } | null = null;
  private emphasis: Uint8Array | null = null;
  /** Set while this code moves the brush, so its events are not taken for the user's. */
  private movingBrush = false;
  private animation = 0;
  private clickTimer = 0;
  /** The wheel zooms only after a click in the chart (until the pointer leaves it), as maps in notebooks do: else it scrolls the page. */
  private wheelArmed = false;
  private readonly wheelHint = document.createElement("div");
  private wheelHintTimer = 0;
  private controlsPending = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly runs: Runs,
    private readonly options: Settled<ScatterOptions>,
    private readonly hooks: Hooks<ScatterOptions>,
  ) {
    const scalars = options.scalars ? readScalars(options.scalars) : null;
    const columns = columnResolver(runs, scalars);
    const chosen = chooseChannels(runs, columns, options);
    this.page = chosen.color ? null : pageRunColors(runs, options.colors);
    this.channels = this.page ? { ...chosen, color: this.page.column } : chosen;
    this.colors = this.page?.colors ?? (this.channels.color ? runColors(this.channels.color) : null);
    this.sizes = pointSizes(this.channels.size, runs.count);
    const positions = plotPositions(this.channels.x, this.channels.y, runs.count);
    this.x = positions.x;
    this.y = positions.y;
    this.placed = { xs: new Float32Array(runs.count), ys: new Float32Array(runs.count), rows: positions.rows };
    this.described = tooltipColumns(this.channels);
    this.canvas = positions.rows.length > SVG_MAX_POINTS ? document.createElement("canvas") : null;

    const legend = document.createElement("div");
    legend.className = "rc-legend";
    legend.append(this.colorLegendSlot);
    this.renderColorLegend();
    if (this.sizes.scale) legend.append(sizeLegend(this.sizes.scale, this.channels.size!.label));
    this.status.className = "rc-status";
    legend.append(this.status);
    this.plot.className = "rc-plot";
    this.wheelHint.className = "rc-wheel-hint";
    this.wheelHint.textContent = WHEEL_HINT;
    this.wheelHint.style.cssText =
      "position: absolute; inset: 0; display: none; place-items: center; pointer-events: none; font-weight: 600; background: color-mix(in srgb, var(--rc-bg) 70%, transparent);";
    if (this.canvas) this.plot.append(this.canvas);
    this.plot.append(this.svg.node()!, this.wheelHint);
    this.tooltip = tooltip(this.plot);
    const hint = document.createElement("div");
    hint.className = "rc-hint";
    hint.textContent = HINT;
    const addControls = () =>
      hooks.controls.append(...scatterControls(runs, scalars?.series.map((s) => s.key) ?? [], this.channels, (changes) => hooks.apply(changes)));
    // A view's first drawing, made before it is on the page, shows the chart first and its
    // pickers once the page is idle after that frame (their selects cost that frame more than the
    // points do); a drawing made on the page, after a pick, makes them at once, so they never blink.
    if (root.isConnected) addControls();
    else this.controlsPending = whenIdle(addControls, CONTROLS_WAIT);
    const notes = document.createElement("div");
    showNotes(notes, runs.notes);
    this.container.append(notes, legend, this.plot, hint);
    root.append(this.container);
    // Every pointer, mouse, touch or wheel gesture over the chart starts with one of these; a
    // capturing listener on the plot runs before the chart's own, so they see the same event.
    for (const type of GESTURE_STARTS) this.plot.addEventListener(type, this.makeGestures, { capture: true, passive: true });
    // Framed once the view is in a page, where its width and fonts are known, then again for a new width or font.
    this.resizeObserver = new ResizeObserver(() => this.root.isConnected && this.resize());
    this.resizeObserver.observe(root);
    this.themeObserver = watchTheme(() => this.resize());
    // A view put in the page in the task that made it (as notebooks and pages do) is framed before
    // the browser's next frame, not in its resize observer: that would lay the page out a second
    // time in the frame that shows it. A view still off the page waits for the observer.
    if (root.isConnected) this.resize();
    else queueMicrotask(() => this.container.isConnected && this.resize());
  }

  highlight(ids: readonly string[]) {
    this.clearBrush();
    this.emphasis = ids.length ? this.mask(ids.map((id) => this.runs.rowOf(id)).filter((row) => row >= 0)) : null;
    this.requestDraw();
  }

  exportSVG(): string {
    this.flush();
    return scatterSVG(this.root, this.axes.node()!, this.shownPoints());
  }

  exportCSV(): string {
    this.flush();
    return scatterCSV(this.shownPoints());
  }

  destroy() {
    for (const type of GESTURE_STARTS) this.plot.removeEventListener(type, this.makeGestures, { capture: true });
    cancelIdle(this.controlsPending);
    this.resizeObserver.disconnect();
    this.themeObserver.disconnect();
    cancelAnimationFrame(this.animation);
    clearTimeout(this.clickTimer);
    clearTimeout(this.wheelHintTimer);
    this.svg.on(".zoom", null).on(".reset", null).on(".select", null).on(".hover", null).on(".arm", null);
    this.brushGroup.on(".brush", null);
    this.container.remove();
  }

  private resize() {
    const width = this.options.width ?? (this.root.clientWidth || DEFAULT_WIDTH);
    const font = resolvedFont(this.svg.node()!);
    if (this.frame && this.frame.width === width && font === this.measuredFont) return;
    this.measuredFont = font;
    this.text = axisText(this.svg.node()!);
    // The y labels' room comes from the unzoomed y axis' labels, at about the plot's height.
    const height = this.options.height;
    const roughY = positionScale(this.channels.y, this.y, [height - 50, 12]);
    const room = yLabelRoom({ axis: this.channels.y, positions: this.y, scale: roughY }, height - 62, Math.min(160, width / 5), this.text.tick);
    const f = (this.frame = frame(width, height, this.x, this.y, room, this.sizes.largest));
    this.baseX = positionScale(this.channels.x, this.x, [f.plot.left, f.plot.right]);
    this.baseY = positionScale(this.channels.y, this.y, [f.plot.bottom, f.plot.top]);
    this.plot.style.height = `${f.height}px`;
    this.svg.attr("width", f.width).attr("height", f.height);
    if (this.gestures) {
      this.fitGestures(this.gestures, f);
      this.clearBrush();
      this.svg.call(this.gestures.zoom.transform, zoomIdentity);
    } else {
      this.zoomed(zoomIdentity, false);
    }
    // Drawn now, in the frame the new size shows in, not in the next one.
    this.flush();
  }

  /** Made on the first gesture over the chart, not with the view: a view looked at and never touched never builds them. */
  private readonly makeGestures = () => {
    // The listeners go first: they are made once.
    for (const type of GESTURE_STARTS) this.plot.removeEventListener(type, this.makeGestures, { capture: true });
    const made: Gestures = {
      zoom: zoom<SVGSVGElement, unknown>()
        .scaleExtent([0.5, 1000])
        // Shift-drag belongs to the brush; plain drag to the zoom, and the wheel once armed.
        .filter(
          (event) =>
            (!event.ctrlKey || event.type === "wheel") &&
            !event.button &&
            !(event.shiftKey && event.type !== "wheel") &&
            (event.type !== "wheel" || this.wheelZooms(event)),
        )
        .on("zoom", (event) => this.zoomed(event.transform, !!event.sourceEvent)),
      brush: brush()
        .keyModifiers(false)
        .filter((event) => event.shiftKey && !event.button)
        .on("start brush end", (event) => this.brushed(event)),
    };
    this.gestures = made;
    this.svg
      .call(made.zoom)
      .on("dblclick.zoom", null)
      .on("dblclick.reset", () => {
        clearTimeout(this.clickTimer);
        this.svg.call(made.zoom.transform, zoomIdentity);
      })
      .on("click.select", (event: MouseEvent) => this.clicked(event))
      .on("pointermove.hover", (event: PointerEvent) => this.hover(event))
      .on("pointerleave.hover", () => this.hideHover())
      .on("pointerdown.arm", () => (this.wheelArmed = true))
      .on("pointerleave.arm", () => (this.wheelArmed = false));
    if (this.frame) this.fitGestures(made, this.frame);
  };

  /** The zoom's and the brush's extents for a frame. */
  private fitGestures({ zoom, brush }: Gestures, f: Frame) {
    zoom.extent([
      [f.plot.left, f.plot.top],
      [f.plot.right, f.plot.bottom],
    ]);
    this.brushGroup.call(brush.extent(pointArea(f)));
    this.brushGroup.select(".overlay").attr("cursor", "grab");
  }

  /** Whether a wheel event zooms; one that does not leaves the page to scroll, and says how to zoom. */
  private wheelZooms(event: WheelEvent): boolean {
    if (this.wheelArmed || event.ctrlKey || event.metaKey) return true;
    this.wheelHint.style.display = "grid";
    clearTimeout(this.wheelHintTimer);
    this.wheelHintTimer = window.setTimeout(() => (this.wheelHint.style.display = "none"), WHEEL_HINT_MS);
    return false;
  }

  private zoomed(transform: ZoomTransform, byUser: boolean) {
    this.transform = transform;
    // The brush rectangle was drawn in the old view; the runs it selected stay selected.
    if (byUser) this.clearBrush();
    this.hideHover();
    this.requestDraw();
  }

  private brushed(event: D3BrushEvent<unknown>) {
    if (this.movingBrush || !event.sourceEvent) return;
    // A shift-click without a drag ends with no rectangle; the click handler deals with it.
    if (!event.selection) return;
    this.hideHover();
    this.emphasis = this.mask(rowsInRect(this.placed, event.selection as [[number, number], [number, number]]));
    this.requestDraw();
    if (event.type === "end") this.hooks.select(this.selectedIds());
  }

  private clicked(event: MouseEvent) {
    clearTimeout(this.clickTimer);
    if (event.detail > 1) return;
    const row = this.nearest(event);
    this.clickTimer = window.setTimeout(() => {
      if (row >= 0) {
        this.clearBrush();
        this.emphasis = this.mask([row]);
        this.requestDraw();
        this.hooks.select(this.selectedIds());
      } else if (this.emphasis) {
        this.clearBrush();
        this.emphasis = null;
        this.requestDraw();
        this.hooks.select([]);
      }
    }, DOUBLE_CLICK_WAIT);
  }

  private hover(event: PointerEvent) {
    const row = event.buttons ? -1 : this.nearest(event);
    if (row < 0) {
      this.hideHover();
      return;
    }
    const x = this.placed.xs[row];
    const y = this.placed.ys[row];
    const r = this.sizes.radii[row];
    const background = themeColor(this.root, "--rc-bg", "#ffffff");
    this.hoverMark.selectAll("*").remove();
    this.hoverMark.attr("transform", `translate(${x},${y})`).style("display", null);
    this.hoverMark
      .append("circle")
      .attr("r", r + 3.5)
      .attr("fill", "none")
      .attr("stroke", background)
      .attr("stroke-width", 5);
    this.hoverMark.append("circle").attr("r", r).attr("fill", this.fillsFor(this.style()).fill(row)).attr("stroke", background).attr("stroke-width", 0.75);
    this.hoverMark
      .append("circle")
      .attr("r", r + 3.5)
      .attr("fill", "none")
      .attr("stroke", "currentColor")
      .attr("stroke-width", 2);
    const { title, rows } = tooltipContent(this.runs, this.described, row);
    this.tooltip.show(x, y, title, rows);
  }

  private hideHover() {
    this.hoverMark.style("display", "none");
    this.tooltip.hide();
  }

  private nearest(event: MouseEvent): number {
    if (!this.frame) return -1;
    this.finder ??= pointFinder(this.placed, (x, y) => isShown(this.frame!, x, y));
    const [x, y] = pointer(event, this.svg.node());
    return this.finder.find(x, y, PICK_RADIUS);
  }

  private clearBrush() {
    // Before the view is framed, or touched, there is no brush to clear.
    if (!this.frame || !this.gestures) return;
    this.movingBrush = true;
    this.brushGroup.call(this.gestures.brush.move, null);
    this.movingBrush = false;
  }

  private mask(rows: Iterable<number>): Uint8Array {
    const mask = new Uint8Array(this.runs.count);
    for (const row of rows) mask[row] = 1;
    return mask;
  }

  private selectedIds(): string[] {
    if (!this.emphasis) return [];
    const ids: string[] = [];
    this.emphasis.forEach((kept, row) => kept && ids.push(this.runs.ids[row]));
    return ids;
  }

  private requestDraw() {
    cancelAnimationFrame(this.animation);
    this.animation = requestAnimationFrame(() => this.draw());
  }

  /** Draws now if a frame is waiting (framing the view first if it was never in a page), so exports see what the next frame would show. */
  private flush() {
    if (!this.frame) this.resize();
    if (!this.animation) return;
    cancelAnimationFrame(this.animation);
    this.draw();
  }

  private draw() {
    this.animation = 0;
    const f = this.frame;
    if (!f) return;
    // Rescaling by the identity would round the domain's ends and lose their ticks.
    const { k, x, y } = this.transform;
    const zoomed = k !== 1 || x !== 0 || y !== 0;
    const xScale = zoomed ? this.transform.rescaleX(this.baseX!) : this.baseX!;
    const yScale = zoomed ? this.transform.rescaleY(this.baseY!) : this.baseY!;
    // The theme's colours read before anything is drawn: reading them after would style the new axes there and then, not in the frame.
    this.followTheme();
    const style = this.style();
    drawAxes(this.axes, f, { axis: this.channels.x, positions: this.x, scale: xScale }, { axis: this.channels.y, positions: this.y, scale: yScale }, this.text);
    if (!this.placed.rows.length) drawNothingToShow(this.axes, f, this.channels.x, this.channels.y, this.text.tick);
    project(this.x, xScale, f.xBand, this.placed.xs);
    project(this.y, yScale, f.yBand, this.placed.ys);
    this.finder = null;
    const points: PointsToDraw = {
      frame: f,
      placed: this.placed,
      radii: this.sizes.radii,
      groups: this.fillsFor(style).groups,
      style,
      emphasis: this.emphasis,
    };
    this.drawn = this.canvas ? drawPointsOnCanvas(sizeCanvas(this.canvas, f.width, f.height), points) : drawPointsAsSVG(this.pointsGroup.node()!, points);
    this.status.textContent = this.statusText();
  }

  private style(): PointStyle {
    return {
      colors: this.colors,
      accent: themeColor(this.root, "--rc-accent", "#0969da"),
      faded: themeColor(this.root, "--rc-faded", "#d0d7de"),
      background: themeColor(this.root, "--rc-bg", "#ffffff"),
    };
  }

  /** On a dark page the colour scale leaves out its darkest end (and the other way round). */
  private followTheme() {
    const dark = this.root.isConnected && onDarkBackground(this.root);
    if (!this.channels.color || !this.colors || this.page || this.colors.dark === dark) return;
    this.colors = runColors(this.channels.color, undefined, dark);
    this.fills = null;
    this.renderColorLegend();
  }

  private renderColorLegend() {
    this.colorLegendSlot.replaceChildren(...(this.colors ? [colorLegend(this.colors, this.channels.color!.label)] : []));
  }

  /** Fill colours and the rows of each, kept until the theme's accent colour changes. */
  private fillsFor(style: PointStyle) {
    if (this.fills?.accent !== style.accent) {
      const fill = pointFill(style);
      this.fills = { accent: style.accent, fill, groups: rowsByFill(this.placed.rows, fill) };
    }
    return this.fills;
  }

  private statusText(): string {
    const parts = [counted(this.runs.count, "run")];
    const missing = (count: number, label: string) => count && parts.push(`${count} ${count === 1 ? "run has" : "runs have"} no value for ${label}`);
    missing(countWithoutValue(this.x), this.channels.x.label);
    if (this.channels.y.column !== this.channels.x.column) missing(countWithoutValue(this.y), this.channels.y.label);
    if (this.emphasis) parts.push(`${this.emphasis.reduce((sum, kept) => sum + kept, 0)} selected`);
    return parts.join(" · ");
  }

  private shownPoints(): ShownPoints {
    return {
      runs: this.runs,
      channels: this.channels,
      frame: this.frame!,
      placed: this.placed,
      radii: this.sizes.radii,
      fill: this.fillsFor(this.style()).fill,
      colors: this.colors,
      sizeScale: this.sizes.scale,
      emphasis: this.emphasis,
    };
  }
}
