import type { ReduceMethod } from "../../data/reduce.js";
import { plotColumns, type Frame } from "./axes.js";
import type { LegendEntry, Line } from "./model.js";
import type { ReducedLine, Reducer } from "./reduced.js";

/** Canvas contexts and d3-path both take these, so one tracing serves the screen and SVG export. */
export interface Pen {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
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
}

/** Lines of many runs overlap: the more there are, the more transparent each. */
export function lineAlpha(count: number): number {
  return Math.max(0.15, Math.min(1, 1.25 - 0.3 * Math.log10(Math.max(count, 1))));
}

/**
 * Traces one series' reduced points (indices into x and y) onto a pen: NaN points lift the pen,
 * and a point alone between gaps becomes a dot (with round caps) so that it still shows.
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
    if (Number.isNaN(py)) {
      if (run === 1) pen.lineTo(lastX + 0.01, lastY);
      run = 0;
      continue;
    }
    const px = map.x(x[i]);
    if (run === 0) pen.moveTo(px, py);
    else pen.lineTo(px, py);
    lastX = px;
    lastY = py;
    run++;
  }
  if (run === 1) pen.lineTo(lastX + 0.01, lastY);
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
 * Clears the canvas for a frame's drawing; returns the function that ends it, which clears what
 * was drawn outside the plot area. That leaves the same pixels as a clip to the plot area, and
 * Skia draws clipped hairlines with round caps some 15% slower.
 */
function begin(context: CanvasRenderingContext2D, frame: Frame): () => void {
  context.clearRect(0, 0, frame.width, frame.height);
  context.save();
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
): number {
  const groups = batches(lines, color, style.dashes);
  for (const batch of groups) {
    context.globalAlpha = style.opacity;
    context.lineWidth = style.width;
    context.strokeStyle = batch.color;
    context.setLineDash(batch.dash);
    context.beginPath();
    for (const line of batch.lines) traceSeries(context, line.x, values(line), reduce(line, values(line)), frame);
    context.stroke();
  }
  return groups.length;
}

/** The bottom layer: raw series, faintly, where smoothing is on (it does not change with the smoothing). */
export function drawRaw(context: CanvasRenderingContext2D, frame: Frame, lines: readonly Line[], look: LineLook, reduce: Reducer): number {
  const end = begin(context, frame);
  let paths = 0;
  if (look.raw) {
    const { front, back, alpha, widths } = plan(frame, lines, look);
    const style = { width: widths.thin, dashes: false };
    paths += strokeLines(context, frame, back, (l) => l.raw, () => look.faded, { ...style, opacity: 0.35 * alpha }, reduce);
    paths += strokeLines(context, frame, front, (l) => l.raw, (l) => l.entry.color, { ...style, opacity: 0.3 * alpha }, reduce);
  }
  end();
  return paths;
}

/** The top layer: groups' bands, then the smoothed series, emphasised ones over the faded rest. */
export function drawSmoothed(context: CanvasRenderingContext2D, frame: Frame, lines: readonly Line[], look: LineLook, reduce: Reducer): DrawnStats {
  const end = begin(context, frame);
  const { shown, front, back, alpha, widths } = plan(frame, lines, look);
  for (const line of front) {
    if (!line.low || !line.high) continue;
    context.globalAlpha = 0.16;
    context.fillStyle = line.entry.color;
    context.beginPath();
    traceBand(context, line.x, line.low, line.high, frame);
    context.fill();
  }
  const style = { dashes: true };
  let paths = strokeLines(context, frame, back, (l) => l.smoothed, () => look.faded, { ...style, width: widths.thin, opacity: Math.min(0.8, alpha) }, reduce);
  paths += strokeLines(context, frame, front, (l) => l.smoothed, (l) => l.entry.color, { ...style, width: widths.main, opacity: look.emphasis ? 1 : alpha }, reduce);
  end();
  return { lines: shown.length, emphasised: look.emphasis ? front.length : 0, paths };
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
