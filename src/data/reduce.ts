/**
 * Long series cut down to what a chart can show, one pixel column at a time, before drawing.
 * Every run keeps its line: only points that fall in the same pixel column are thinned.
 */
export type ReduceMethod = "minmax" | "lttb";
export const REDUCE_METHODS: readonly ReduceMethod[] = ["minmax", "lttb"];

/** Reduced points: views into the scratch buffers, valid until the next call with them. */
export interface Reduced {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly length: number;
}

/**
 * Reduced points as indices into the series, in order along the line; a gap (a non-finite value
 * at index i) is written -1 - i. A view into the scratch buffer, valid until the next call.
 */
export interface ReducedIndices {
  readonly indices: Int32Array;
  readonly length: number;
  /**
   * The lowest and highest finite value of the points looked at (every point in the domain and
   * the nearest beyond each end), exact: "minmax" keeps both. Null for "lttb", which need not.
   */
  readonly yRange: readonly [number, number] | null;
  /** For "minmax": where the last column's points begin, and how many indices were kept before it (what a reduction of more points after these takes up). */
  readonly lastColumn?: { readonly start: number; readonly kept: number };
}

/** Column starts of one x array for one domain and width, kept while they are asked for again. */
interface ColumnSpans {
  x0: number;
  perUnit: number;
  lo: number;
  hi: number;
  starts: Int32Array;
}

/** Buffers reused between calls, so drawing a thousand runs allocates once. */
export class ReduceScratch {
  x = new Float64Array(0);
  y = new Float64Array(0);
  starts = new Int32Array(0);
  kept = new Int32Array(0);
  /** Where each pixel column begins, per ascending x array: a new y over the same x (a new smoothing) skips the search. */
  readonly spans = new WeakMap<object, ColumnSpans>();
  ensure(size: number) {
    if (this.x.length >= size) return;
    const capacity = Math.max(size, 2 * this.x.length);
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.starts = new Int32Array(capacity + 1);
    this.kept = new Int32Array(capacity);
  }
}

/**
 * The points of a series (x ascending, y) that draw the same picture over [x0, x1] on `width`
 * pixel columns:
 * - "minmax" keeps, in each column, the first, lowest, highest and last point (M4), so every
 *   spike and the line's way in and out of the column survive;
 * - "lttb" keeps one point per column, the one spanning the largest triangle with the point
 *   kept before and the mean of the next column (largest-triangle-three-buckets), plus the
 *   first and last point of every stretch between gaps.
 * Non-finite values split the line: each comes out as one NaN point, a gap in the drawing. The
 * nearest point beyond each end of the domain is kept, so lines run to the chart's edges.
 * Unsorted x still gives a faithful picture (columns are runs of consecutive points), only
 * without the clipping to the domain. Callers that know whether x ascends can say so (`sorted`)
 * and spare the check.
 */
export function reduceSeries(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  domain: readonly [number, number],
  width: number,
  method: ReduceMethod,
  scratch = new ReduceScratch(),
  sorted = isSorted(x),
): Reduced {
  const { indices, length } = reduceToIndices(x, y, domain, width, method, scratch, sorted);
  const { x: outX, y: outY } = scratch;
  for (let k = 0; k < length; k++) {
    const i = indices[k];
    outX[k] = x[i >= 0 ? i : -1 - i];
    outY[k] = i >= 0 ? y[i] : NaN;
  }
  return { x: outX.subarray(0, length), y: outY.subarray(0, length), length };
}

/** reduceSeries as indices of the kept points, with the range of the values looked at. */
export function reduceToIndices(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  [x0, x1]: readonly [number, number],
  width: number,
  method: ReduceMethod,
  scratch = new ReduceScratch(),
  sorted = isSorted(x),
): ReducedIndices {
  if (method === "lttb") {
    const { lo, hi, columns } = pointsLookedAt(x, [x0, x1], width, scratch, sorted);
    return { indices: scratch.kept, length: lttb(x, y, lo, hi, columns, scratch), yRange: null };
  }
  return minMax(y, columnStarts(x, [x0, x1], width, scratch, sorted), scratch.kept);
}

/**
 * Where each pixel column's points begin, for "minmax": indices into x, the last one past the
 * points looked at. A view into the scratch buffers when x is not sorted; kept per x array when it is.
 */
export function columnStarts(x: ArrayLike<number>, domain: readonly [number, number], width: number, scratch: ReduceScratch, sorted: boolean): Int32Array {
  const { lo, hi, columns } = pointsLookedAt(x, domain, width, scratch, sorted);
  return sorted ? sortedSpans(x, lo, hi, columns, scratch) : scannedSpans(x, lo, hi, columns, scratch.starts);
}

/** The points a reduction looks at (lo to hi: all, or the domain's and one beyond each end when x is sorted), with scratch room for them. */
function pointsLookedAt(x: ArrayLike<number>, [x0, x1]: readonly [number, number], width: number, scratch: ReduceScratch, sorted: boolean) {
  const [lo, hi] = sorted ? visibleRange(x, x0, x1) : [0, x.length - 1];
  scratch.ensure(hi - lo + 1);
  const columns: Columns = { x0, perUnit: width / (x1 - x0 || 1) };
  return { lo, hi, columns };
}

/** Pixel column c holds the x with floor((x - x0) * perUnit) = c. */
interface Columns {
  x0: number;
  perUnit: number;
}

/**
 * Where each column's points begin among [lo, hi] of an ascending x, ending with hi + 1: one
 * binary search per column (the column of x never decreases along it), kept per x array.
 */
function sortedSpans(x: ArrayLike<number>, lo: number, hi: number, { x0, perUnit }: Columns, scratch: ReduceScratch): Int32Array {
  const known = scratch.spans.get(x);
  if (known && known.x0 === x0 && known.perUnit === perUnit && known.lo === lo && known.hi === hi) return known.starts;
  const starts = scratch.starts;
  let count = 0;
  for (let i = lo; i <= hi;) {
    starts[count++] = i;
    const column = Math.floor((x[i] - x0) * perUnit);
    // The first index past i in a later column.
    let a = i + 1;
    let b = hi + 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (Math.floor((x[mid] - x0) * perUnit) > column) b = mid;
      else a = mid + 1;
    }
    i = a;
  }
  starts[count] = hi + 1;
  const kept = starts.slice(0, count + 1);
  scratch.spans.set(x, { x0, perUnit, lo, hi, starts: kept });
  return kept;
}

/** The same for x in any order: a column is a run of consecutive points in one column. */
function scannedSpans(x: ArrayLike<number>, lo: number, hi: number, { x0, perUnit }: Columns, starts: Int32Array): Int32Array {
  let count = 0;
  let column = NaN;
  for (let i = lo; i <= hi; i++) {
    const c = Math.floor((x[i] - x0) * perUnit);
    if (c !== column) starts[count++] = i;
    column = c;
  }
  starts[count] = hi + 1;
  return starts.subarray(0, count + 1);
}

/**
 * M4 over each column's points, starts[k] to starts[k + 1]: first, lowest, highest and last of
 * every stretch of finite values within a column, each once and in their order along the line.
 * Self-contained: a worker is built from its source (scalars/smoothing-worker.ts).
 */
export function minMax(y: ArrayLike<number>, starts: Int32Array, kept: Int32Array, count = 0): ReducedIndices {
  let low = Infinity;
  let high = -Infinity;
  let lastColumn = { start: 0, kept: count };
  for (let span = 0; span + 1 < starts.length; span++) {
    const end = starts[span + 1];
    let i = starts[span];
    if (span + 2 === starts.length) lastColumn = { start: i, kept: count };
    while (i < end) {
      let v = y[i];
      if (!(v > -Infinity && v < Infinity)) {
        if (count > 0 && kept[count - 1] >= 0) kept[count++] = -1 - i;
        i++;
        continue;
      }
      // One stretch of finite values, scanned in a loop of its own: most points are neither a new
      // lowest nor a new highest, and take two comparisons and a NaN check. An infinity can only
      // pass for a new extreme, so it is checked for only there.
      const first = i;
      let min = i;
      let max = i;
      let minValue = v;
      let maxValue = v;
      for (i++; i < end; i++) {
        v = y[i];
        if (v < minValue) {
          if (v === -Infinity) break;
          min = i;
          minValue = v;
        } else if (v > maxValue) {
          if (v === Infinity) break;
          max = i;
          maxValue = v;
        } else if (v !== v) {
          break;
        }
      }
      const last = i - 1;
      // first <= min, max <= last: each once, in their order along the line.
      const a = min < max ? min : max;
      const b = min < max ? max : min;
      kept[count++] = first;
      if (a !== first) kept[count++] = a;
      if (b !== a) kept[count++] = b;
      if (last !== b) kept[count++] = last;
      if (minValue < low) low = minValue;
      if (maxValue > high) high = maxValue;
    }
  }
  return { indices: kept, length: count, yRange: low <= high ? [low, high] : null, lastColumn };
}

/**
 * The "minmax" reduction of an ascending x's points from `start` (where a column begins) to `hi`,
 * written after `count` indices kept of the points before it: with those, what reduceToIndices
 * keeps. A reduction grown by points appended to its series takes up from its last column.
 */
export function minMaxFrom(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  [x0, x1]: readonly [number, number],
  width: number,
  start: number,
  hi: number,
  kept: Int32Array,
  count: number,
): ReducedIndices {
  const perUnit = width / (x1 - x0 || 1);
  const starts: number[] = [];
  let column = NaN;
  for (let i = start; i <= hi; i++) {
    const c = Math.floor((x[i] - x0) * perUnit);
    if (c !== column) starts.push(i);
    column = c;
  }
  starts.push(hi + 1);
  return minMax(y, Int32Array.from(starts), kept, count);
}

function lttb(x: ArrayLike<number>, y: ArrayLike<number>, lo: number, hi: number, { x0, perUnit }: Columns, scratch: ReduceScratch): number {
  const kept = scratch.kept;
  let count = 0;
  const emit = (i: number) => {
    kept[count++] = i;
  };
  let i = lo;
  while (i <= hi) {
    if (!Number.isFinite(y[i])) {
      if (count > 0 && kept[count - 1] >= 0) kept[count++] = -1 - i;
      i++;
      continue;
    }
    // One stretch of finite values, split into columns: starts[b] is where column b begins.
    const starts = scratch.starts;
    let buckets = 0;
    let column = NaN;
    let end = i;
    for (; end <= hi && Number.isFinite(y[end]); end++) {
      const c = Math.floor((x[end] - x0) * perUnit);
      if (c !== column) {
        starts[buckets++] = end;
        column = c;
      }
    }
    starts[buckets] = end;
    lttbStretch(x, y, starts, buckets, emit);
    i = end;
  }
  return count;
}

/** Largest-triangle-three-buckets over one stretch whose columns start at starts[0..buckets]. */
function lttbStretch(x: ArrayLike<number>, y: ArrayLike<number>, starts: Int32Array, buckets: number, emit: (i: number) => void) {
  const first = starts[0];
  const last = starts[buckets] - 1;
  emit(first);
  if (last === first) return;
  // A column's points [from, to), leaving out the stretch's ends, which are kept anyway.
  const from = (b: number) => (b === 0 ? first + 1 : starts[b]);
  const to = (b: number) => (b === buckets - 1 ? last : starts[b + 1]);
  let a = first;
  for (let b = 0; b < buckets; b++) {
    if (from(b) >= to(b)) continue;
    // The third corner: the mean of the next column, or the stretch's last point.
    let cx = x[last];
    let cy = y[last];
    if (b + 1 < buckets && to(b + 1) > from(b + 1)) {
      cx = 0;
      cy = 0;
      for (let j = from(b + 1); j < to(b + 1); j++) {
        cx += x[j];
        cy += y[j];
      }
      cx /= to(b + 1) - from(b + 1);
      cy /= to(b + 1) - from(b + 1);
    }
    let best = from(b);
    let bestArea = -1;
    for (let j = from(b); j < to(b); j++) {
      const area = Math.abs((x[a] - cx) * (y[j] - y[a]) - (x[a] - x[j]) * (cy - y[a]));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    emit(best);
    a = best;
  }
  emit(last);
}

function isSorted(x: ArrayLike<number>): boolean {
  for (let i = 1; i < x.length; i++) if (!(x[i] >= x[i - 1])) return false;
  return true;
}

/** Indices [lo, hi] of the points within [x0, x1] plus the nearest one beyond each end. */
export function visibleRange(x: ArrayLike<number>, x0: number, x1: number): [number, number] {
  const start = lowerBound(x, x0);
  const end = lowerBound(x, x1, true);
  return [Math.max(0, start - 1), Math.min(x.length - 1, end)];
}

/** The first index whose x is >= value (> value when strict). */
export function lowerBound(x: ArrayLike<number>, value: number, strict = false): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid] < value || (strict && x[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
