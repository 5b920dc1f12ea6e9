/**
 * Lines drawn as per-pixel sums instead of canvas strokes: every device pixel keeps how much line
 * passes through it and the sum of those lines' colours. Sums can be taken back, so a brush that
 * moves updates only the runs that entered or left the selection, and the picture does not depend
 * on the order lines were drawn in. Chrome's canvas rasterises each stroke on the main thread
 * (in software where there is no GPU); at 100,000 runs that took seconds per layer.
 */

/**
 * Four sums per device pixel, row by row: coverage (in 1/COVERAGE_LEVELS of a line) and coverage
 * times red, green and blue. 32-bit sums wrap, but adding and then removing a line restores them
 * exactly, and read as unsigned the true sums fit up to 1,000,000 lines on one pixel. (Signed
 * storage: V8 keeps Int32Array arithmetic in integer registers, not so values past 2^31.)
 */
export interface LineSums {
  readonly width: number;
  readonly height: number;
  readonly data: Int32Array;
  /** The device-pixel column the sums begin at: a band of columns is part of a wider chart. */
  readonly left: number;
}

export function lineSums(width: number, height: number, left = 0): LineSums {
  return { width, height, left, data: new Int32Array(width * height * 4) };
}

/**
 * The device-pixel columns that lines between axes standing at `xs` (CSS pixels) can touch, in a
 * chart `width` device pixels wide: a band of sums drawn on its own must hold every column its
 * lines reach to hold exactly what the whole chart's sums would.
 */
export function bandColumns(xs: ArrayLike<number>, ratio: number, width: number): { left: number; width: number } {
  const scaled = Array.from(xs, (x) => x * ratio);
  const left = Math.max(0, Math.floor(Math.min(...scaled)) - 2);
  const right = Math.min(width, Math.ceil(Math.max(...scaled)) + 2);
  return { left, width: Math.max(0, right - left) };
}

/** Where runs cross the axes, in device pixels: ys[row * xs.length + axis]. */
export interface Polylines {
  readonly xs: ArrayLike<number>;
  readonly ys: Float32Array;
  /** Multiplies the coordinates: device pixels per CSS pixel. */
  readonly ratio: number;
}

/**
 * The rasteriser, as one function that refers to nothing outside itself: the main thread calls
 * it, and raster-worker.ts makes a worker from its source.
 */
export function lineRasterizer() {
  /** Anti-aliasing levels: a line's coverage of one pixel column or row is split into this many parts. */
  const COVERAGE_LEVELS = 16;

  /**
   * Adds the lines of `rows` (sign 1) or takes them away (sign -1), each in its colour:
   * rgb[row * 3 + channel]; only between axes gaps[0] - 1 and gaps[1] - 1 if given (gap a joins
   * axis a - 1 to axis a).
   */
  function addLines(sums: LineSums, lines: Polylines, rows: ArrayLike<number>, rgb: Uint8Array, sign: 1 | -1, smooth = true, gaps?: readonly [number, number]) {
    const d = lines.xs.length;
    const ratio = lines.ratio;
    const ys = lines.ys;
    const paint = new Int32Array(4);
    const paintRow = (row: number) => {
      paint[0] = sign;
      paint[1] = rgb[row * 3] * sign;
      paint[2] = rgb[row * 3 + 1] * sign;
      paint[3] = rgb[row * 3 + 2] * sign;
      return paint;
    };
    if (d === 1) {
      const x = lines.xs[0] * ratio;
      for (let i = 0; i < rows.length; i++) {
        const y = ys[rows[i]] * ratio;
        addSegment(sums, x - 10 * ratio, y, x + 10 * ratio, y, paintRow(rows[i]), smooth);
      }
      return;
    }
    // Gap by gap: the pixels between two axes stay in the processor's cache while every run crosses them.
    const [firstGap, endGap] = gaps ?? [1, d];
    for (let a = firstGap; a < endGap; a++) {
      const x0 = lines.xs[a - 1] * ratio;
      const x1 = lines.xs[a] * ratio;
      const merged = mergedSegments(lines, a, rows, rgb, sign);
      if (merged) {
        for (let i = 0; i < merged.count; i++)
          addSegment(sums, x0, merged.y0[i] * ratio, x1, merged.y1[i] * ratio, merged.paint.subarray(i * 4, i * 4 + 4), smooth);
        continue;
      }
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        addSegment(sums, x0, ys[row * d + a - 1] * ratio, x1, ys[row * d + a] * ratio, paintRow(row), smooth);
      }
    }
  }

  /**
   * The runs' segments in gap `a`, those with the same ends merged into one whose paint is the
   * sum of theirs (exactly what drawing each would add). Between discrete axes (categories, a few
   * integers) thousands of runs share a few dozen segments; null where a sample of the runs shows
   * that segments rarely repeat.
   */
  function mergedSegments(lines: Polylines, a: number, rows: ArrayLike<number>, rgb: Uint8Array, sign: 1 | -1) {
    if (!worthMerging(rows.length, distinctSegments(lines, a, rows))) return null;
    const d = lines.xs.length;
    const ys = lines.ys;
    const groups = new Map<number, Map<number, number>>();
    const y0 = new Float32Array(rows.length);
    const y1 = new Float32Array(rows.length);
    const paint = new Int32Array(rows.length * 4);
    let count = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const from = ys[row * d + a - 1];
      const to = ys[row * d + a];
      let ends = groups.get(from);
      if (!ends) groups.set(from, (ends = new Map()));
      let group = ends.get(to);
      if (group === undefined) {
        group = count++;
        ends.set(to, group);
        y0[group] = from;
        y1[group] = to;
      }
      paint[group * 4] += sign;
      paint[group * 4 + 1] += rgb[row * 3] * sign;
      paint[group * 4 + 2] += rgb[row * 3 + 1] * sign;
      paint[group * 4 + 3] += rgb[row * 3 + 2] * sign;
    }
    return { count, y0, y1, paint };
  }

  /** How many runs the merging and the cost estimates look at first. */
  const SAMPLE = 128;

  /** Whether to merge runs' segments in a gap, given how many differ among the first SAMPLE. */
  function worthMerging(runs: number, distinct: number) {
    return runs >= 2 * SAMPLE && distinct <= SAMPLE / 2;
  }

  /**
   * About how many different segments the first SAMPLE runs have in gap `a` (two pairs of ends
   * may rarely count as one: this only decides whether merging pays).
   */
  function distinctSegments(lines: Polylines, a: number, rows: ArrayLike<number>): number {
    const d = lines.xs.length;
    const seen = new Set<number>();
    for (let i = 0; i < Math.min(SAMPLE, rows.length); i++) seen.add(lines.ys[rows[i] * d + a - 1] * 65536 + lines.ys[rows[i] * d + a]);
    return seen.size;
  }

  /**
   * What drawing the runs of `rows` costs in each gap (costs[a] for gap a), in pixel steps,
   * estimated from the first SAMPLE runs: to share gaps between threads evenly.
   */
  function gapCosts(lines: Polylines, rows: ArrayLike<number>): Float64Array {
    // A segment costs about as much as this many steps to set up; a merged run about this many.
    const SEGMENT_STEPS = 12;
    const MERGE_STEPS = 25;
    const d = lines.xs.length;
    const costs = new Float64Array(Math.max(d, 1));
    const sample = Math.min(SAMPLE, rows.length);
    for (let a = 1; a < d && sample > 0; a++) {
      const across = Math.abs(lines.xs[a] - lines.xs[a - 1]);
      let steps = 0;
      for (let i = 0; i < sample; i++) steps += Math.max(across, Math.abs(lines.ys[rows[i] * d + a] - lines.ys[rows[i] * d + a - 1]));
      const perSegment = (steps / sample) * lines.ratio + SEGMENT_STEPS;
      const distinct = distinctSegments(lines, a, rows);
      costs[a] = worthMerging(rows.length, distinct) ? rows.length * MERGE_STEPS + distinct * perSegment : rows.length * perSegment;
    }
    return costs;
  }

  /**
   * One segment, stepped along its major axis (x for a shallow segment, y for a steep one), one
   * pixel column or row per step, half-open so a polyline's joints are not counted twice.
   * `paint` holds the run's signed contribution per unit of coverage: [1, r, g, b] times the sign.
   */
  function addSegment(sums: LineSums, x0: number, y0: number, x1: number, y1: number, paint: Int32Array, smooth: boolean) {
    const shallow = Math.abs(y1 - y0) <= Math.abs(x1 - x0);
    const forward = shallow ? x0 <= x1 : y0 <= y1;
    const u0 = shallow ? (forward ? x0 : x1) : forward ? y0 : y1;
    const u1 = shallow ? (forward ? x1 : x0) : forward ? y1 : y0;
    const v0 = shallow ? (forward ? y0 : y1) : forward ? x0 : x1;
    const v1 = shallow ? (forward ? y1 : y0) : forward ? x1 : x0;
    const slope = u1 > u0 ? (v1 - v0) / (u1 - u0) : 0;
    // Coordinates stay the chart's; only indices move by the band's first column, so a band
    // holds exactly the sums the whole chart would hold in those columns.
    const alongBase = shallow ? sums.left : 0;
    const acrossBase = shallow ? 0 : sums.left;
    const first = Math.max(alongBase, Math.ceil(u0 - 0.5));
    const last = Math.min(shallow ? sums.left + sums.width : sums.height, Math.ceil(u1 - 0.5));
    const stride = shallow ? 4 : sums.width * 4;
    const across = shallow ? sums.width * 4 : 4;
    const acrossSize = shallow ? sums.height : sums.width;
    const start = v0 + (first + 0.5 - u0) * slope; // the line's position across, at the first step's centre
    if (smooth) addSmoothSteps(sums.data, first - alongBase, last - alongBase, stride, across, acrossSize, start, acrossBase, slope, paint);
    else addRoughSteps(sums.data, first - alongBase, last - alongBase, stride, across, acrossSize, start, acrossBase, slope, paint);
  }

  /** One pixel per step, the nearest to the line: half the work, for sweeps dense enough to hide jagged edges. */
  function addRoughSteps(
    data: Int32Array,
    first: number,
    last: number,
    stride: number,
    across: number,
    acrossSize: number,
    start: number,
    acrossBase: number,
    slope: number,
    paint: Int32Array,
  ) {
    const c = paint[0] * COVERAGE_LEVELS;
    const r = paint[1] * COVERAGE_LEVELS;
    const g = paint[2] * COVERAGE_LEVELS;
    const b = paint[3] * COVERAGE_LEVELS;
    const limit = acrossSize * across;
    // 16.16 fixed point: no float-to-integer conversion per step.
    let position = Math.round(start * 65536) - acrossBase * 65536;
    const step = Math.round(slope * 65536);
    for (let along = first * stride, end = last * stride; along < end; along += stride, position += step) {
      const offset = (position >> 16) * across;
      if (offset < 0 || offset >= limit) continue;
      const at = along + offset;
      data[at] += c;
      data[at + 1] += r;
      data[at + 2] += g;
      data[at + 3] += b;
    }
  }

  /** Anti-aliased (Wu's way): each step splits the line between the two pixels it falls between. */
  function addSmoothSteps(
    data: Int32Array,
    first: number,
    last: number,
    stride: number,
    across: number,
    acrossSize: number,
    start: number,
    acrossBase: number,
    slope: number,
    paint: Int32Array,
  ) {
    const c = paint[0];
    const r = paint[1];
    const g = paint[2];
    const b = paint[3];
    const limit = acrossSize * across;
    // 16.16 fixed point, measured from pixel centres: the integer part is the pixel above (or left
    // of) the line, the fraction how far the line is towards the next one.
    let position = Math.round((start - 0.5) * 65536) - acrossBase * 65536;
    const step = Math.round(slope * 65536);
    for (let along = first * stride, end = last * stride; along < end; along += stride, position += step) {
      const far = ((position & 0xffff) * COVERAGE_LEVELS + 32768) >> 16;
      const near = COVERAGE_LEVELS - far;
      const offset = (position >> 16) * across;
      const at = along + offset;
      if (offset >= 0 && offset < limit) {
        data[at] += near * c;
        data[at + 1] += near * r;
        data[at + 2] += near * g;
        data[at + 3] += near * b;
      }
      if (offset + across >= 0 && offset + across < limit) {
        data[at + across] += far * c;
        data[at + across + 1] += far * r;
        data[at + across + 2] += far * g;
        data[at + across + 3] += far * b;
      }
    }
  }

  return { addLines, gapCosts, COVERAGE_LEVELS };
}

export const { addLines, gapCosts, COVERAGE_LEVELS } = lineRasterizer();

/** How one set of sums is painted: in the lines' own colours or in one colour, at an opacity per line. */
export interface SumsLayer {
  readonly sums: LineSums;
  /** [r, g, b] paints every line in it; null, each line in its own colour. */
  readonly color: readonly [number, number, number] | null;
  /** Opacity of one line; overlapping lines add up as if drawn one over another. */
  readonly alpha: number;
  /** How many device pixels wide a line is: copies one row apart, as stacked hairlines would be. */
  readonly copies: number;
}

/**
 * Paints a layer over RGBA pixels (an ImageData's data, not premultiplied), in columns `left` to
 * `right` (all by default). Coverage c of lines of opacity a gives an opacity of 1 - (1 - a)^c:
 * the same as c lines drawn one over another.
 */
export function paintLayer(pixels: Uint8ClampedArray, { sums, color, alpha, copies }: SumsLayer, [left, right]: readonly [number, number] = [0, sums.width]) {
  const { width, height, data } = sums;
  const opacity = opacityOfCoverage(alpha);
  const reach = copies - 1 - Math.floor((copies - 1) / 2); // copies above the line's own row
  const [firstColumn, endColumn] = [Math.max(0, left), Math.min(width, right)];
  for (let y = 0; y < height; y++) {
    const from = Math.max(0, y - reach);
    const to = Math.min(height, y - reach + copies);
    for (let x = firstColumn, at = (y * width + x) * 4; x < endColumn; x++, at += 4) {
      let coverage = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let source = from; source < to; source++) {
        const sum = (source * width + x) * 4;
        coverage += data[sum] >>> 0;
        if (!color) {
          r += data[sum + 1] >>> 0;
          g += data[sum + 2] >>> 0;
          b += data[sum + 3] >>> 0;
        }
      }
      if (coverage === 0) continue;
      const over = opacity(coverage);
      if (color) blendOver(pixels, at, color[0], color[1], color[2], over);
      else blendOver(pixels, at, r / coverage, g / coverage, b / coverage, over);
    }
  }
}

/** 1 - (1 - alpha)^(coverage / COVERAGE_LEVELS), from a table for the coverage of up to 64 lines. */
function opacityOfCoverage(alpha: number): (coverage: number) => number {
  const perCoverage = Math.log(1 - Math.min(alpha, 0.999)) / COVERAGE_LEVELS;
  const table = Float64Array.from({ length: 64 * COVERAGE_LEVELS + 1 }, (_, coverage) => 1 - Math.exp(coverage * perCoverage));
  return (coverage) => (coverage < table.length ? table[coverage] : 1 - Math.exp(coverage * perCoverage));
}

/** Source-over of one colour at opacity `over` onto straight-alpha RGBA pixels. */
function blendOver(pixels: Uint8ClampedArray, at: number, r: number, g: number, b: number, over: number) {
  const below = pixels[at + 3];
  if (below === 0) {
    pixels[at] = r;
    pixels[at + 1] = g;
    pixels[at + 2] = b;
    pixels[at + 3] = over * 255;
    return;
  }
  const under = (below / 255) * (1 - over);
  const out = over + under;
  pixels[at] = (r * over + pixels[at] * under) / out;
  pixels[at + 1] = (g * over + pixels[at + 1] * under) / out;
  pixels[at + 2] = (b * over + pixels[at + 2] * under) / out;
  pixels[at + 3] = out * 255;
}
