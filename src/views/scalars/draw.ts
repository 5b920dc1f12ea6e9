import type { ReduceMethod } from "../../data/reduce.js";
import { plotColumns, type Frame } from "./axes.js";
import type { LegendEntry, Line } from "./model.js";
import type { ReducedLine, Reducer } from "./reduced.js";

/** Canvas contexts and d3-path both take these, so one tracing serves the screen and SVG export. */
export interface Pen {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  closePath(): void;
}

/** Dash patterns of a chart's variants: the first solid, then dashed, dotted, dash-dot. */
export const DASHES: readonly number[][] = [[], [6, 3], [1.5, 2.5], [8, 3, 2, 3]];

export interface LineLook {
  /** Changes whenever what follows changes, so a layer can tell it need not be drawn again. */
  version: number;
  /** Whether an entry's lines are drawn at all (the legend's check boxes). */
  shown(entry: LegendEntry): boolean;
  /** Entries drawn in colour over the others, or null when none stands out. */
  emphasis: ReadonlySet<LegendEntry> | null;
  /** Raw series go faintly under the smoothed ones when smoothing is on. */
  raw: boolean;
  reduce: ReduceMethod;
  faded: string;
  /** The page's background, drawn around the hovered run's lines to lift them off the rest. */
  background: string;
}

/** Lines of many runs overlap: the more there are, the more transparent each. */
export function lineAlpha(count: number): number {
  return Math.max(0.15, Math.min(1, 1.25 - 0.3 * Math.log10(Math.max(count, 1))));
}

/** The radius of the ring a point alone is drawn as, in CSS pixels. */
export const LONE_POINT_RADIUS = 2;

/** A point with no neighbour to join: a small ring, which shows at any stroke width (a dot of a hairline's caps does not). */
function traceLonePoint(pen: Pen, x: number, y: number) {
  pen.moveTo(x + LONE_POINT_RADIUS, y);
  pen.arc(x, y, LONE_POINT_RADIUS, 0, 2 * Math.PI);
}

/**
 * Traces one series' reduced points (indices into x and y) onto a pen: NaN points (a NaN value,
 * or no x: a report without a time on a time axis) lift the pen, and a point alone between gaps
 * (a metric logged once, say) becomes a small ring so that it still shows.
 */
export function traceSeries(pen: Pen, x: Float64Array, y: Float64Array, reduced: ReducedLine, frame: Frame) {
  const { map } = frame;
  const { indices } = reduced;
  let run = 0;
  let lastX = 0;
  let lastY = 0;
  for (let k = 0; k < reduced.length; k++) {
    const i = indices[k];
    const py = i >= 0 ? map.y(y[i]) : NaN;
    const px = i >= 0 ? map.x(x[i]) : NaN;
    if (Number.isNaN(py) || Number.isNaN(px)) {
      if (run === 1) traceLonePoint(pen, lastX, lastY);
      run = 0;
      continue;
    }
    if (run === 0) pen.moveTo(px, py);
    else pen.lineTo(px, py);
    lastX = px;
    lastY = py;
    run++;
  }
  if (run === 1) traceLonePoint(pen, lastX, lastY);
}

/** The size of the triangle that marks points beyond the y domain, in CSS pixels. */
const MARK = { half: 3.5, height: 5 };

/**
 * Points of some lines beyond a chart's y domain (outliers left out of its fit): one mark per
 * pixel column and edge, a small triangle at the edge pointing the way the values went.
 */
export class ClippedMarks {
  private readonly seen = new Set<number>();
  private readonly marks: number[] = [];

  /**
   * Adds the reduced points of a series beyond the frame's y domain. A pass of its own, so that
   * traceSeries, the hot loop of every frame, stays as small as the JIT likes it.
   */
  addBeyond(x: Float64Array, y: Float64Array, reduced: ReducedLine, frame: Frame) {
    const [low, high] = frame.yScale.domain();
    const { indices } = reduced;
    for (let k = 0; k < reduced.length; k++) {
      const i = indices[k];
      if (i < 0) continue;
      const v = y[i];
      if (Number.isNaN(x[i])) continue;
      if (v > high) this.add(frame.map.x(x[i]), true);
      else if (v < low) this.add(frame.map.x(x[i]), false);
    }
  }

  add(px: number, above: boolean) {
    const column = Math.round(px);
    const key = column * 2 + (above ? 1 : 0);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.marks.push(column, above ? 1 : 0);
  }

  get count(): number {
    return this.marks.length / 2;
  }

  trace(pen: Pen, frame: Frame) {
    for (let k = 0; k < this.marks.length; k += 2) {
      const x = this.marks[k];
      const [tip, base] = this.marks[k + 1] ? [frame.top + 0.5, frame.top + 0.5 + MARK.height] : [frame.bottom - 0.5, frame.bottom - 0.5 - MARK.height];
      pen.moveTo(x, tip);
      pen.lineTo(x + MARK.half, base);
      pen.lineTo(x - MARK.half, base);
      pen.closePath();
    }
  }
}

/** Traces a band as closed polygons, one per stretch where both bounds are defined. */
export function traceBand(pen: Pen, x: Float64Array, low: Float64Array, high: Float64Array, frame: Frame) {
  const { map } = frame;
  const defined = (i: number) => !Number.isNaN(map.y(low[i])) && !Number.isNaN(map.y(high[i])) && Number.isFinite(x[i]);
  let i = 0;
  while (i < x.length) {
    if (!defined(i)) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < x.length && defined(end + 1)) end++;
    pen.moveTo(map.x(x[i]), map.y(high[i]));
    for (let k = i + 1; k <= end; k++) pen.lineTo(map.x(x[k]), map.y(high[k]));
    for (let k = end; k >= i; k--) pen.lineTo(map.x(x[k]), map.y(low[k]));
    pen.closePath();
    i = end + 1;
  }
}

export interface DrawnStats {
  /** Lines drawn (smoothed, or raw with no smoothing). */
  lines: number;
  /** Of those, drawn in colour over the faded ones. */
  emphasised: number;
  /** Canvas paths stroked for the smoothed lines (one per colour and dash, faded and in colour). */
  paths: number;
  /** Marks of points beyond the y domain (smoothed lines; raw ones add theirs below them). */
  clippedMarks: number;
}

/** Which lines a frame draws, and how: the parts both layers agree on. */
interface Plan {
  shown: Line[];
  /** Lines in colour, and (when some are emphasised) the faded rest under them. */
  front: Line[];
  back: Line[];
  columns: number;
  alpha: number;
  widths: { thin: number; main: number };
}

function plan(frame: Frame, lines: readonly Line[], look: LineLook): Plan {
  const shown = lines.filter((line) => look.shown(line.entry));
  const emphasis = look.emphasis;
  const [front, back] = emphasis ? [shown.filter((l) => emphasis.has(l.entry)), shown.filter((l) => !emphasis.has(l.entry))] : [shown, []];
  const ratio = window.devicePixelRatio || 1;
  const columns = plotColumns(frame.width, ratio);
  return { shown, front, back, columns, alpha: lineAlpha(shown.length), widths: lineWidths(segmentCount(front, columns), ratio, emphasis !== null) };
}

/**
 * Clears the canvas for a frame's drawing, or only a strip of its plot area (what lines grew by
 * is drawn again there, clipped to it); returns the function that ends it, which clears what was
 * drawn outside the plot area. That leaves the same pixels as a clip to the plot area, and Skia
 * draws clipped hairlines with round caps some 15% slower.
 */
function begin(context: CanvasRenderingContext2D, frame: Frame, grown: Growth | null = null): () => void {
  if (!grown) context.clearRect(0, 0, frame.width, frame.height);
  context.save();
  if (grown) {
    const [left, right] = grown.strip;
    context.clearRect(left, frame.top, right - left, frame.bottom - frame.top);
    context.beginPath();
    context.rect(left, frame.top, right - left, frame.bottom - frame.top);
    context.clip();
  }
  context.lineJoin = "round";
  context.lineCap = "round";
  return () => {
    context.restore();
    context.globalAlpha = 1;
    context.setLineDash([]);
    const { width, height, left, right, top, bottom } = frame;
    context.clearRect(0, 0, width, top);
    context.clearRect(0, bottom, width, height - bottom);
    context.clearRect(0, top, left, bottom - top);
    context.clearRect(right, top, width - right, bottom - top);
  };
}

/** Strokes lines one path per colour and dash; returns the number of paths. */
function strokeLines(
  context: CanvasRenderingContext2D,
  frame: Frame,
  lines: readonly Line[],
  values: (line: Line) => Float64Array,
  color: (line: Line) => string,
  style: { width: number; opacity: number; dashes: boolean },
  reduce: Reducer,
): { paths: number; marks: number } {
  const groups = batches(lines, color, style.dashes);
  let marks = 0;
  for (const batch of groups) {
    context.globalAlpha = style.opacity;
    context.lineWidth = style.width;
    context.strokeStyle = batch.color;
    context.setLineDash(batch.dash);
    context.beginPath();
    for (const line of batch.lines) traceSeries(context, line.x, values(line), reduce(line, values(line)), frame);
    context.stroke();
    const clipped = frame.clipped ? new ClippedMarks() : null;
    if (clipped) for (const line of batch.lines) clipped.addBeyond(line.x, values(line), reduce(line, values(line)), frame);
    if (clipped?.count) {
      context.globalAlpha = Math.max(0.6, style.opacity);
      context.fillStyle = batch.color;
      context.beginPath();
      clipped.trace(context, frame);
      context.fill();
      marks += clipped.count;
    }
  }
  return { paths: groups.length, marks };
}

/**
 * What lines grew by since a layer was drawn, to draw again only the strip of the plot they reach
 * into (the rest of its pixels stay): the strip, from a little before the first new point to the
 * plot's right edge, is cleared and every line that reaches into it stroked again there, clipped
 * to it, from a point far enough before it that the strokes in it are those a whole drawing makes.
 */
export interface Growth {
  readonly lines: ReadonlySet<Line>;
  readonly reduce: Reducer;
  /** The strip's left and right edges, in CSS pixels (on device pixels). */
  readonly strip: readonly [number, number];
}

/** How a line of a frame stands to the line of the same key drawn before: the same, the same with points added, or new. */
export type LineChange = "same" | "grown" | "new";

/** Wider than any stroke's half width (with its round cap) in CSS pixels: a point this far before the strip paints nothing in it. */
const STROKE_REACH = 3;

/**
 * What lines grew by, as `values` (their raw or smoothed values) reduced: the strip from the
 * point before the first that is new (of a grown line, the reduction's point before
 * ReducedLine.grownFrom; all of a new line), and of every line its reduction's points from the
 * last one at least STROKE_REACH before the strip. Null when a grown line's reduction does not
 * say what is new (the layer is drawn whole).
 */
export function growth(
  lines: readonly Line[],
  change: (line: Line) => LineChange,
  reduce: Reducer,
  values: (line: Line) => Float64Array,
  frame: Frame,
): Growth | null {
  const at = (line: Line, reduced: ReducedLine, k: number) => frame.map.x(line.x[pointOf(reduced.indices[k])]);
  let first = Infinity;
  for (const line of lines) {
    const how = change(line);
    if (how === "same") continue;
    const reduced = reduce(line, values(line));
    const from = how === "new" ? 0 : reduced.grownFrom !== undefined ? Math.max(0, reduced.grownFrom - 1) : changedFrom(line, values(line), reduced);
    if (from === null) return null;
    if (!line.xAscending) first = frame.left;
    if (from < reduced.length) first = Math.min(first, at(line, reduced, from));
  }
  const ratio = window.devicePixelRatio || 1;
  const left = Math.max(frame.left, Math.floor((first - STROKE_REACH) * ratio) / ratio);
  const tails = new Map<Float64Array, ReducedLine>();
  const drawn = new Set<Line>();
  if (left >= frame.right) return { lines: drawn, reduce, strip: [frame.right, frame.right] };
  for (const line of lines) {
    const reduced = reduce(line, values(line));
    if (!reduced.length) continue;
    // The last point at least STROKE_REACH before the strip (x ascends along the reduction), or the first.
    let k = 0;
    if (line.xAscending) {
      if (at(line, reduced, reduced.length - 1) <= left - STROKE_REACH) continue;
      let [lo, hi] = [0, reduced.length - 1];
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (at(line, reduced, mid) <= left - STROKE_REACH) lo = mid;
        else hi = mid - 1;
      }
      k = lo;
    }
    tails.set(values(line), { indices: reduced.indices.subarray(k), length: reduced.length - k, yRange: reduced.yRange });
    drawn.add(line);
  }
  return { lines: drawn, reduce: (line, of) => tails.get(of) ?? reduce(line, of), strip: [left, frame.right] };
}

/**
 * Of a grown line whose smoothed values changed before its new points (a windowed smoothing), the
 * last of its reduction's points before the first that changed; null for anything else.
 */
function changedFrom(line: Line, values: Float64Array, reduced: ReducedLine): number | null {
  if (values !== line.smoothed || !line.before || line.before.smoothed) return null;
  const changed = line.before.smoothedFrom;
  // Reduced points are in the line's order: the last before `changed`.
  let [lo, hi] = [0, reduced.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pointOf(reduced.indices[mid]) < changed) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** The point a reduced index stands for (a gap at i is written -1 - i). */
function pointOf(index: number): number {
  return index >= 0 ? index : -1 - index;
}

/** What decides how a frame's lines look (their opacity, widths and which stand out): a layer drawn with another must be drawn whole. */
export function planKey(frame: Frame, lines: readonly Line[], look: LineLook): string {
  const { shown, front, alpha, widths } = plan(frame, lines, look);
  return JSON.stringify([shown.length, front.length, alpha, widths]);
}

/** A frame's plan, its lines in front and behind only those that grew when drawn over a layer; `emphasised` counts all in front. */
function planned(frame: Frame, lines: readonly Line[], look: LineLook, grown: Growth | null): Plan & { emphasised: number } {
  const whole = plan(frame, lines, look);
  const only = (of: Line[]) => (grown ? of.filter((line) => grown.lines.has(line)) : of);
  return { ...whole, front: only(whole.front), back: only(whole.back), emphasised: whole.front.length };
}

/** The bottom layer: raw series, faintly, where smoothing is on (it does not change with the smoothing). */
export function drawRaw(
  context: CanvasRenderingContext2D,
  frame: Frame,
  lines: readonly Line[],
  look: LineLook,
  reduce: Reducer,
  grown: Growth | null = null,
): number {
  const end = begin(context, frame, grown);
  let paths = 0;
  if (look.raw) {
    const { alpha, widths, front, back } = planned(frame, lines, look, grown);
    reduce = grown?.reduce ?? reduce;
    const style = { width: widths.thin, dashes: false };
    paths += strokeLines(
      context,
      frame,
      back,
      (l) => l.raw,
      () => look.faded,
      { ...style, opacity: 0.35 * alpha },
      reduce,
    ).paths;
    paths += strokeLines(
      context,
      frame,
      front,
      (l) => l.raw,
      (l) => l.entry.color,
      { ...style, opacity: 0.3 * alpha },
      reduce,
    ).paths;
  }
  end();
  return paths;
}

/** The top layer: groups' bands, then the smoothed series, emphasised ones over the faded rest. */
export function drawSmoothed(
  context: CanvasRenderingContext2D,
  frame: Frame,
  lines: readonly Line[],
  look: LineLook,
  reduce: Reducer,
  grown: Growth | null = null,
): DrawnStats {
  const end = begin(context, frame, grown);
  const { shown, alpha, widths, front, back, emphasised } = planned(frame, lines, look, grown);
  reduce = grown?.reduce ?? reduce;
  for (const line of front) {
    if (!line.low || !line.high) continue;
    context.globalAlpha = 0.16;
    context.fillStyle = line.entry.color;
    context.beginPath();
    traceBand(context, line.x, line.low, line.high, frame);
    context.fill();
  }
  const style = { dashes: true };
  const faded = strokeLines(
    context,
    frame,
    back,
    (l) => l.smoothed,
    () => look.faded,
    { ...style, width: widths.thin, opacity: Math.min(0.8, alpha) },
    reduce,
  );
  const vivid = strokeLines(
    context,
    frame,
    front,
    (l) => l.smoothed,
    (l) => l.entry.color,
    { ...style, width: widths.main, opacity: look.emphasis ? 1 : alpha },
    reduce,
  );
  end();
  return {
    lines: shown.length,
    emphasised: look.emphasis ? emphasised : 0,
    paths: faded.paths + vivid.paths,
    clippedMarks: faded.marks + vivid.marks,
  };
}

/**
 * The top layer: the lines of the entry under the pointer (in a chart or the legend), wide and in
 * colour over a border of the background, so that one run stands out among hundreds.
 */
export function drawHovered(
  context: CanvasRenderingContext2D,
  frame: Frame,
  lines: readonly Line[],
  entry: LegendEntry | null,
  look: LineLook,
  reduce: Reducer,
): number {
  const end = begin(context, frame);
  const hovered = entry && look.shown(entry) ? lines.filter((line) => line.entry === entry) : [];
  for (const [color, width] of [
    [look.background, 4.5],
    [entry?.color ?? "", 2.25],
  ] as const) {
    for (const line of hovered) {
      context.strokeStyle = color;
      context.lineWidth = width;
      context.setLineDash(DASHES[line.dash % DASHES.length]);
      context.beginPath();
      traceSeries(context, line.x, line.smoothed, reduce(line, line.smoothed), frame);
      context.stroke();
    }
  }
  end();
  return hovered.length;
}

/** Up to about this many segments, the smoothed lines are drawn 1.5 pixels wide. */
const WIDE_SEGMENTS = 15_000;

/**
 * Stroke widths in CSS pixels. Canvas draws lines under one device pixel wide as hairlines,
 * some thirty times faster than wider strokes: raw and faded lines always are, and smoothed ones
 * too once there are more segments than a wide stroke draws quickly. That keeps a thousand runs
 * of ten thousand steps interactive.
 */
export function lineWidths(segments: number, ratio: number, emphasis: boolean): { thin: number; main: number } {
  const thin = 0.999 / ratio;
  const wide = segments <= WIDE_SEGMENTS;
  return { thin, main: wide ? (emphasis ? 2.25 : 1.5) : emphasis ? 2 * thin : thin };
}

/** About how many segments drawing these lines takes: at most four points per pixel column. */
export function segmentCount(lines: readonly Line[], columns: number): number {
  let count = 0;
  for (const line of lines) count += Math.min(line.x.length, 4 * columns);
  return count;
}

/** Lines grouped by stroke colour and dash, so each group is one path. */
export function batches(lines: readonly Line[], color: (line: Line) => string, dashes: boolean): { color: string; dash: number[]; lines: Line[] }[] {
  const byKey = new Map<string, { color: string; dash: number[]; lines: Line[] }>();
  for (const line of lines) {
    const dash = dashes ? line.dash % DASHES.length : 0;
    const key = `${color(line)}|${dash}`;
    let batch = byKey.get(key);
    if (!batch) byKey.set(key, (batch = { color: color(line), dash: DASHES[dash], lines: [] }));
    batch.lines.push(line);
  }
  return [...byKey.values()];
}
