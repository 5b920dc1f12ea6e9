import { rgb } from "d3";
import type { RunColors } from "../../render/color.js";
import { addLines, bandColumns, gapCosts, lineSums, paintLayer, type LineSums, type Polylines, type SumsLayer } from "./density.js";
import type { Layout } from "./layout.js";
import { lineAlpha } from "./lines.js";
import { sharedRasterWorker, type RasterJob, type RasterWorker } from "./raster-worker.js";

/** Up to this many runs lines are anti-aliased; past it they are dense enough to hide jagged edges, and drawn twice as fast. */
const SMOOTH_UP_TO = 5000;
/** From this many runs a worker draws some of the gaps between axes while this thread draws the rest. */
const WORKER_FROM = 20_000;
/** How long the first large view on a page waits for the worker to start before drawing alone. */
const WORKER_PATIENCE_MS = 300;
/** A brush move that adds or takes away fewer lines than this draws them all itself: not worth a message. */
const SHARE_FROM = 2000;

/** What the lines show this frame. */
export interface LinesLook {
  /** Rows to draw in colour over every shown run in the faded colour; null draws all in colour. */
  readonly emphasis: Uint8Array | null;
  /** Every shown run in the faded colour (a run is soloed, drawn on top by the caller). */
  readonly allFaded: boolean;
  readonly faded: string;
}

/** Lines drawn in part by the worker: final left of column `left` at once, everywhere once `landed` resolves (with the threads that drew them). */
interface Shared {
  readonly landed: Promise<number>;
  readonly left: number;
}

/** Called with the painted lines (device pixels, straight alpha) and the runs drawn in colour. */
export type Painted = (image: ImageData, emphasisedRuns: number) => void;

/**
 * The lines of one layout and colouring, as per-pixel sums of every shown run and of the
 * emphasised ones. A change of brush or of hidden runs adds and takes away only the runs that
 * changed, never redrawing the rest. From 20,000 runs a worker draws the gaps between the later
 * axes, for the first paint and for large brush moves.
 */
export class LineLayers {
  private readonly lines: Polylines;
  private readonly smooth: boolean;
  private readonly shown: LineSums;
  private emphasised: LineSums | null = null;
  /** Rows whose lines are in `emphasised`. */
  private emphasisedRows: Uint8Array;
  /** The rows before, kept to be written over by the next change rather than made anew. */
  private formerRows: Uint8Array | null = null;
  private emphasisedCount = 0;
  private readonly image: ImageData;
  /** Every shown run in the faded colour, painted: it stays while a brush moves. */
  private fadedPixels: { color: string; pixels: Uint8ClampedArray } | null = null;
  private readonly worker: RasterWorker | null;
  /** The latest look asked for while the worker drew part of an earlier one: shown once that one is. */
  private waiting: { look: LinesLook; painted: Painted } | null = null;
  private sharing = false;

  /** Until it resolves (a worker draws part of the lines), the sums are incomplete and nothing is shown. */
  readonly ready: Promise<void> | null = null;
  /** Threads that drew the lines: 2 when a worker drew some of them. */
  threads = 1;
  private complete = false;

  constructor(
    layout: Layout,
    readonly ratio: number,
    private readonly colors: Uint8Array,
    private readonly hidden: Uint8Array,
  ) {
    const width = Math.round(layout.width * ratio);
    const height = Math.round(layout.height * ratio);
    this.lines = { xs: layout.axes.map((axis) => axis.x), ys: layout.ys, ratio };
    this.smooth = hidden.length <= SMOOTH_UP_TO;
    this.shown = lineSums(width, height);
    this.emphasisedRows = new Uint8Array(hidden.length);
    this.image = new ImageData(width, height);
    const axes = layout.axes.length;
    this.worker = hidden.length >= WORKER_FROM && axes >= 3 ? sharedRasterWorker() : null;
    const rows = rowsWhere(hidden.length, (row) => !hidden[row]);
    if (!this.worker) {
      this.add(this.shown, rows, 1);
      this.complete = true;
      return;
    }
    // A new worker starts only once this thread is free: wait for it (a few frames) rather than
    // draw every line alone.
    this.ready = this.worker.started(WORKER_PATIENCE_MS).then(async () => {
      this.threads = (await this.addShared(this.shown, rows, [])?.landed) ?? 1;
      this.complete = true;
    });
  }

  /** Whether every shown run is in the sums, so the lines can be shown. */
  get drawable() {
    return this.complete;
  }

  /** Call after `hidden[row]` changed; the emphasised lines follow at the next look shown. */
  hiddenChanged(row: number) {
    this.add(this.shown, [row], this.hidden[row] ? -1 : 1);
    this.fadedPixels = null;
  }

  /**
   * Paints the look and hands the pixels to `painted`: at once, or when the worker's share of a
   * large brush move has arrived. A look asked for meanwhile is painted after it, in its turn.
   */
  show(look: LinesLook, painted: Painted) {
    this.waiting = { look, painted };
    if (!this.sharing) this.showWaiting();
  }

  private showWaiting() {
    const { look, painted } = this.waiting!;
    this.waiting = null;
    this.paintBackground(look);
    const shared = look.emphasis && !look.allFaded ? this.emphasise(look.emphasis) : null;
    if (!shared) {
      this.paintColumns(look, 0, this.image.width);
      painted(this.image, this.emphasisedCount);
      return;
    }
    // While the worker draws its share, paint the columns that are done.
    this.paintColumns(look, 0, shared.left);
    this.sharing = true;
    shared.landed.then(() => {
      this.sharing = false;
      this.paintColumns(look, shared.left, this.image.width);
      painted(this.image, this.emphasisedCount);
      if (this.waiting) this.showWaiting();
    });
  }

  /** What the lines are painted over: the faded layer, or nothing. */
  private paintBackground(look: LinesLook) {
    if (look.allFaded || look.emphasis) this.image.data.set(this.faded(look.faded));
    else this.image.data.fill(0);
  }

  /** Paints the look's coloured lines over the background, in columns `from` to `to` (device pixels). */
  private paintColumns(look: LinesLook, from: number, to: number) {
    const count = this.hidden.length;
    const columns = [from, to] as const;
    if (look.emphasis && !look.allFaded) {
      paintLayer(this.image.data, { sums: this.emphasised!, color: null, alpha: Math.min(0.95, lineAlpha(count) + 0.35), copies: this.copies(2) }, columns);
    } else if (!look.allFaded) {
      paintLayer(this.image.data, { sums: this.shown, color: null, alpha: lineAlpha(count), copies: this.copies(1.25) }, columns);
    }
  }

  /** Lines `width` CSS pixels wide are this many device pixels wide. */
  private copies(width: number) {
    return Math.max(1, Math.round(width * this.ratio));
  }

  private faded(color: string): Uint8ClampedArray {
    if (this.fadedPixels?.color !== color) {
      const pixels = new Uint8ClampedArray(this.image.data.length);
      const { r, g, b } = rgb(color);
      const layer: SumsLayer = { sums: this.shown, color: [r, g, b], alpha: Math.min(0.5, lineAlpha(this.hidden.length)), copies: 1 };
      paintLayer(pixels, layer);
      this.fadedPixels = { color, pixels };
    }
    return this.fadedPixels.pixels;
  }

  /** Brings the emphasised sums to the shown rows of `emphasis`, by the cheaper of a delta or a redraw. */
  private emphasise(emphasis: Uint8Array): Shared | null {
    const current = this.emphasisedRows;
    const target = this.formerRows ?? new Uint8Array(current.length);
    const entering: number[] = [];
    const leaving: number[] = [];
    let count = 0;
    const hidden = this.hidden;
    for (let row = 0; row < target.length; row++) {
      const wanted = emphasis[row] === 1 && hidden[row] === 0 ? 1 : 0;
      target[row] = wanted;
      count += wanted;
      if (wanted === current[row]) continue;
      if (wanted) entering.push(row);
      else leaving.push(row);
    }
    this.formerRows = current;
    this.emphasisedRows = target;
    this.emphasisedCount = count;
    if (!this.emphasised || count < entering.length + leaving.length) {
      this.emphasised ??= lineSums(this.shown.width, this.shown.height);
      this.emphasised.data.fill(0);
      return this.addShared(
        this.emphasised,
        rowsWhere(target.length, (row) => target[row] === 1),
        [],
        0,
      );
    }
    return this.addShared(this.emphasised, entering, leaving, SHARE_FROM);
  }

  /**
   * Adds the lines of `adding` and takes away those of `removing`, the worker drawing the later
   * gaps when it runs and there are at least `least` lines. While the worker draws, the sums are
   * final left of column `left`, and `landed` resolves with the threads that drew them once the
   * rest are in too.
   */
  private addShared(sums: LineSums, adding: ArrayLike<number>, removing: ArrayLike<number>, least = 0): Shared | null {
    const worker = this.worker?.running && adding.length + removing.length >= least ? this.worker : null;
    if (!worker) {
      this.add(sums, adding, 1);
      this.add(sums, removing, -1);
      return null;
    }
    const split = this.evenSplit(adding, removing);
    const theirs = [split, this.lines.xs.length] as const;
    const job = this.job(sums, adding, removing, theirs);
    const band = worker.rasterise(job);
    this.add(sums, adding, 1, [1, split]);
    this.add(sums, removing, -1, [1, split]);
    const landed = band.then((band) => {
      if (band) {
        addBand(sums, band);
        worker.recycle(band);
        return 2;
      }
      this.add(sums, adding, 1, theirs);
      this.add(sums, removing, -1, theirs);
      return 1;
    });
    return { landed, left: job.left };
  }

  /** The gap from which the worker draws, so that both threads have about as much to draw. */
  private evenSplit(adding: ArrayLike<number>, removing: ArrayLike<number>): number {
    const removed = gapCosts(this.lines, removing);
    const costs = gapCosts(this.lines, adding).map((cost, a) => cost + removed[a]);
    const total = costs.reduce((sum, cost) => sum + cost, 0);
    const axes = this.lines.xs.length;
    let split = 2;
    for (let before = costs[1]; split < axes - 1 && before + costs[split] / 2 < total / 2; split++) before += costs[split];
    return split;
  }

  /** The worker's job for some gaps: their band of columns, and only the runs it draws. */
  private job(sums: LineSums, adding: ArrayLike<number>, removing: ArrayLike<number>, gaps: readonly [number, number]): RasterJob {
    const { xs, ys, ratio } = this.lines;
    const colors = this.colors;
    const d = xs.length;
    const count = adding.length + removing.length;
    const theirYs = new Float32Array(count * d);
    const theirRgb = new Uint8Array(count * 3);
    for (let run = 0; run < count; run++) {
      const row = run < adding.length ? adding[run] : removing[run - adding.length];
      theirYs.set(ys.subarray(row * d, row * d + d), run * d);
      theirRgb[run * 3] = colors[row * 3];
      theirRgb[run * 3 + 1] = colors[row * 3 + 1];
      theirRgb[run * 3 + 2] = colors[row * 3 + 2];
    }
    const band = bandColumns(Array.from(xs).slice(gaps[0] - 1, gaps[1]), ratio, sums.width);
    return { ...band, height: sums.height, xs: Array.from(xs), ratio, ys: theirYs, rgb: theirRgb, adding: adding.length, smooth: this.smooth, gaps };
  }

  private add(sums: LineSums, rows: ArrayLike<number>, sign: 1 | -1, gaps?: readonly [number, number]) {
    if (rows.length) addLines(sums, this.lines, rows, this.colors, sign, this.smooth, gaps);
  }
}

/** Every run's colour as red, green and blue bytes: rgb[row * 3 + channel]. */
export function rowColors(colors: RunColors): Uint8Array {
  const channels = [...colors.palette, colors.missingColor].map((color) => {
    const { r, g, b } = rgb(color);
    return [r, g, b];
  });
  const missing = colors.palette.length;
  const out = new Uint8Array(colors.paletteIndex.length * 3);
  colors.paletteIndex.forEach((index, row) => out.set(channels[index < 0 ? missing : index], row * 3));
  return out;
}

/** Adds a band of sums (another thread's) into the chart's, wrapping as the sums do. */
function addBand(sums: LineSums, band: LineSums) {
  const rowLength = band.width * 4;
  for (let y = 0; y < band.height; y++) {
    const from = y * rowLength;
    const to = (y * sums.width + band.left) * 4;
    for (let i = 0; i < rowLength; i++) sums.data[to + i] += band.data[from + i];
  }
}

function rowsWhere(count: number, keep: (row: number) => boolean): Int32Array {
  const rows = new Int32Array(count);
  let kept = 0;
  for (let row = 0; row < count; row++) if (keep(row)) rows[kept++] = row;
  return rows.subarray(0, kept);
}
