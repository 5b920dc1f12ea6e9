/** The x and value ranges of lines, kept per line, and the domains a chart fits them into. */
import { nice, tickStep } from "d3";
import { InlierSample, inlierRange, type SampleSource } from "../../data/outliers.js";
import type { XAxis } from "./options.js";
import { lowerBound } from "../../data/reduce.js";
import type { Line } from "./model.js";
import type { Reducer } from "./reduced.js";

// Kept per array: raw values and x positions are shared by the lines rebuilt for each smoothing,
// so only the smoothed values are measured again when the smoothing changes, and only when asked.
const xRanges = new WeakMap<Float64Array, XRange>();
const valueRanges = new WeakMap<Float64Array, [number, number, number]>();
const mainRanges = new WeakMap<Line, [number, number, number]>();

/** A line's x range, and whether x ascends (so a zoomed range is a slice). */
export interface XRange {
  x: [number, number];
  sorted: boolean;
}

export function xRangeOf(line: Line): XRange {
  let range = xRanges.get(line.x);
  if (!range) {
    const sorted = line.xAscending || isAscending(line.x);
    // An ascending x (no NaN in it) spans from its first value to its last.
    range = { x: sorted && line.x.length > 0 ? [line.x[0], line.x[line.x.length - 1]] : extent(line.x, 0, line.x.length), sorted };
    xRanges.set(line.x, range);
  }
  return range;
}

/** The raw values' [min, max, min of positive]. */
function rawRangeOf(line: Line): [number, number, number] {
  let raw = valueRanges.get(line.raw);
  if (!raw) valueRanges.set(line.raw, (raw = valueRange([line.raw], 0, line.raw.length)));
  return raw;
}

/** The smoothed values' with the band's [min, max, min of positive]. */
function mainRangeOf(line: Line): [number, number, number] {
  let main = mainRanges.get(line);
  if (!main) mainRanges.set(line, (main = valueRange([line.smoothed, line.low, line.high], 0, line.smoothed.length)));
  return main;
}

export function xExtent(lines: readonly Line[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const line of lines) {
    const [a, b] = xRangeOf(line).x;
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  }
  if (!(lo <= hi)) return [0, 1];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/**
 * The x domain of a chart that shows lines over `extent`: from its start to the first tick step
 * at or past its end (d3's ticks, about ten to the axis), so that points appended a little
 * further on fall within it and are drawn over the chart as it is; a wall-clock axis ends at its
 * last time.
 */
export function xDomainAhead([x0, x1]: [number, number], kind: XAxis): [number, number] {
  if (kind === "wall") return [x0, x1];
  const step = tickStep(x0, x1, 10);
  const end = Math.ceil(x1 / step) * step;
  return [x0, Number.isFinite(end) && end >= x1 ? end : x1];
}

/** A chart's y domain, and whether values lie outside it (outliers left out of the fit). */
export interface YFit {
  readonly domain: [number, number];
  readonly clipped: boolean;
}

/**
 * The values' range within the x domain, padded; positive values only on a log axis. `known`
 * gives the [min, max] of a line's values when something has measured them already (a per-pixel
 * reduction), else null; it is asked only about lines wholly within the domain, and not about
 * lines with a band.
 */
export function yExtent(
  lines: readonly Line[],
  xDomain: [number, number],
  raw: boolean,
  log: boolean,
  known: ((line: Line, values: Float64Array) => readonly [number, number] | null) | null = null,
): [number, number] {
  return fitY(lines, xDomain, raw, log, known, null).domain;
}

/**
 * yExtent, or with `outliers` (the reductions the chart draws) the range of the values that are
 * not outliers (src/data/outliers.ts, estimated from the points drawn and the bands): from the
 * lowest to the highest value within its bounds, so that no value that is not an outlier lies
 * beyond the domain. Only lines that reach past the bounds are looked at again for that.
 */
export function fitY(
  lines: readonly Line[],
  [x0, x1]: [number, number],
  raw: boolean,
  log: boolean,
  known: ((line: Line, values: Float64Array) => readonly [number, number] | null) | null,
  outliers: Reducer | null,
  kept: KeptSample | null = null,
): YFit {
  let lo = Infinity;
  let hi = -Infinity;
  const sources: GrownSource[] = [];
  // Per line, its range and where its sources begin; a line's sources end where the next line's begin.
  const reaches: { lo: number; hi: number; from: number }[] = [];
  for (const line of lines) {
    let lineLo = Infinity;
    let lineHi = -Infinity;
    const take = ([min, max, minPositive]: [number, number, number]) => {
      if ((log ? minPositive : min) < lineLo) lineLo = log ? minPositive : min;
      if (max > lineHi) lineHi = max;
    };
    const { x, sorted } = xRangeOf(line);
    const whole = x[0] >= x0 && x[1] <= x1;
    const [from, to] = whole ? [0, line.x.length] : sorted ? [lowerBound(line.x, x0), lowerBound(line.x, x1, true)] : [-1, -1];
    const within = (values: (Float64Array | null)[]) => (from >= 0 ? valueRange(values, from, to) : valueRangeWhere(values, line.x, x0, x1));
    const measured = (values: Float64Array) => {
      const range = whole && known && !log ? known(line, values) : null;
      return range && ([range[0], range[1], NaN] as [number, number, number]);
    };
    const band = line.low || line.high;
    take((!band && measured(line.smoothed)) || (whole ? mainRangeOf(line) : within([line.smoothed, line.low, line.high])));
    if (raw) take(measured(line.raw) || (whole ? rawRangeOf(line) : within([line.raw])));
    if (lineLo < lo) lo = lineLo;
    if (lineHi > hi) hi = lineHi;
    if (outliers) {
      reaches.push({ lo: lineLo, hi: lineHi, from: sources.length });
      const drawn = (values: Float64Array, prior: Float64Array | null | undefined) => {
        const reduced = outliers(line, values);
        sources.push({ values, indices: reduced.indices, from: 0, to: reduced.length, prior, grownFrom: reduced.grownFrom });
      };
      drawn(line.smoothed, line.before?.smoothed);
      if (raw) drawn(line.raw, line.before?.raw);
      // Bands are drawn whole; those of lines that run past the domain count whole too.
      for (const bound of [line.low, line.high]) if (bound) sources.push({ values: bound, from: 0, to: bound.length });
    }
  }
  if (!(lo <= hi) || (log && !(hi > 0))) return { domain: log ? [1, 10] : [0, 1], clipped: false };
  const bounds = !outliers ? null : kept ? kept.range(sources, log) : inlierRange(sources, log);
  if (!bounds || (bounds[0] <= lo && bounds[1] >= hi)) return { domain: padded(lo, hi, log), clipped: false };
  let inLo = Infinity;
  let inHi = -Infinity;
  reaches.forEach((reach, i) => {
    const own = () => sources.slice(reach.from, reaches[i + 1]?.from ?? sources.length);
    const [low, high] = reach.lo >= bounds[0] && reach.hi <= bounds[1] ? [reach.lo, reach.hi] : rangeWithin(own(), bounds, log);
    if (low < inLo) inLo = low;
    if (high > inHi) inHi = high;
  });
  if (!(inLo <= inHi)) return { domain: padded(lo, hi, log), clipped: false };
  return { domain: padded(inLo, inHi, log), clipped: inLo > lo || inHi < hi };
}

/** A source of the outliers' sample: a line's values at its reduction, and the values it extends and from where (see ReducedLine.grownFrom). */
interface GrownSource extends SampleSource {
  readonly prior?: Float64Array | null;
  readonly grownFrom?: number;
}

/**
 * A chart's outliers' sample, kept from frame to frame: when the frame's lines are those sampled
 * or extend them (appended points), the points their reductions took up are added at the sample's
 * stride instead of every point drawn being sampled again. An even sample of the points drawn as
 * the whole one is, not the same one: the y range differs from that of a chart drawn at once only
 * where some value lies between the two estimates of an outlier bound.
 */
export class KeptSample {
  private key = "";
  private sample: InlierSample | null = null;
  /** The values sampled, each with the length of its reduction. */
  private sampled = new Map<Float64Array, number>();

  /** What the sources are for (the reductions' frame, the raw layer, the y scale): those of another are sampled anew. */
  setKey(key: string) {
    if (key !== this.key) this.sample = null;
    this.key = key;
  }

  range(sources: readonly GrownSource[], log: boolean): [number, number] | null {
    if (!this.sample || !this.grow(sources)) {
      this.sample = new InlierSample(sources, log);
      this.sampled = new Map(sources.map((source) => [source.values as Float64Array, source.to]));
    }
    return this.sample.range();
  }

  /** Adds what the sources add to those sampled; false when some source is neither one of those nor grown from one. */
  private grow(sources: readonly GrownSource[]): boolean {
    const sampled = new Map<Float64Array, number>();
    const added: SampleSource[] = [];
    for (const source of sources) {
      const values = source.values as Float64Array;
      const { prior, grownFrom } = source;
      if (this.sampled.get(values) !== source.to) {
        if (!prior || !this.sampled.has(prior) || grownFrom === undefined) return false;
        added.push({ ...source, from: grownFrom });
      }
      sampled.set(values, source.to);
    }
    if (sampled.size !== this.sampled.size || !this.sample!.add(added)) return false;
    this.sampled = sampled;
    return true;
  }
}

/** The lowest and highest of the sources' values within [low, high] (positive ones on a log axis). */
function rangeWithin(sources: readonly SampleSource[], [low, high]: [number, number], log: boolean): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const { values, indices, from, to } of sources) {
    for (let k = from; k < to; k++) {
      const i = indices ? indices[k] : k;
      const v = i >= 0 ? values[i] : NaN;
      if (!(v >= low && v <= high) || (log && !(v > 0))) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max];
}

/**
 * A y domain around [lo, hi]: padded by 4% of the range, and on a linear axis run on to the next
 * tick (d3's nice, about ten to the axis) either way, as TensorBoard's is: points appended within
 * it (the next values of a rising accuracy, a falling loss) are drawn over the chart as it is, not
 * with the chart drawn anew for every new extreme. A log axis stays padded only: nice there rounds
 * to whole decades.
 */
function padded(lo: number, hi: number, log: boolean): [number, number] {
  if (log) return lo === hi ? [lo / 2, hi * 2] : [lo / Math.pow(hi / lo, 0.04), hi * Math.pow(hi / lo, 0.04)];
  const pad = lo === hi ? Math.abs(lo) || 1 : (hi - lo) * 0.04;
  const [start, end] = nice(lo - pad, hi + pad, 10);
  // Past the doubles' range nice gives NaN or infinities: the padded range stays.
  return Number.isFinite(start) && Number.isFinite(end) ? [start, end] : [lo - pad, hi + pad];
}

function extent(values: Float64Array, from: number, to: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** [min, max, min of the positive values] of the finite values in [from, to). */
function valueRange(arrays: (Float64Array | null)[], from: number, to: number): [number, number, number] {
  let min = Infinity;
  let max = -Infinity;
  let minPositive = Infinity;
  for (const values of arrays) {
    if (!values) continue;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (!(v > -Infinity && v < Infinity)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
      if (v > 0 && v < minPositive) minPositive = v;
    }
  }
  return [min, max, minPositive];
}

/** valueRange over the points whose x lies in [x0, x1], for x in no order. */
function valueRangeWhere(arrays: (Float64Array | null)[], x: Float64Array, x0: number, x1: number): [number, number, number] {
  const kept = arrays.map((values) => values && values.filter((_, i) => x[i] >= x0 && x[i] <= x1));
  return valueRange(kept, 0, kept[0]?.length ?? 0);
}

function isAscending(x: Float64Array): boolean {
  for (let i = 1; i < x.length; i++) if (!(x[i] >= x[i - 1])) return false;
  return true;
}
