import { rgb } from "d3";
import type { RunColors } from "../../render/color.js";
import { addLines, lineSums, paintLayer, type LineSums, type Polylines, type SumsLayer } from "./density.js";
import type { Layout } from "./layout.js";
import { lineAlpha } from "./lines.js";
import { sharedRasterWorker } from "./raster-worker.js";

/** Up to this many runs lines are anti-aliased; past it they are dense enough to hide jagged edges, and drawn twice as fast. */
const SMOOTH_UP_TO = 5000;
/** From this many runs a worker draws half the gaps between axes while this thread draws the rest. */
const WORKER_FROM = 20_000;

/** What the lines show this frame. */
export interface LinesLook {
  /** Rows to draw in colour over every shown run in the faded colour; null draws all in colour. */
  readonly emphasis: Uint8Array | null;
  /** Every shown run in the faded colour (a run is soloed, drawn on top by the caller). */
  readonly allFaded: boolean;
  readonly faded: string;
}

/**
 * The lines of one layout and colouring, as per-pixel sums of every shown run and of the
 * emphasised ones. A change of brush or of hidden runs adds and takes away only the runs that
 * changed, never redrawing the rest.
 */
export class LineLayers {
  private readonly lines: Polylines;
  private readonly smooth: boolean;
  private readonly shown: LineSums;
  private emphasised: LineSums | null = null;
  /** Rows whose lines are in `emphasised`. */
  private emphasisedRows: Uint8Array;
  private emphasisedCount = 0;
  private readonly image: ImageData;
  /** Every shown run in the faded colour, painted: it stays while a brush moves. */
  private fadedPixels: { color: string; pixels: Uint8ClampedArray } | null = null;

  /** Until it resolves (a worker draws part of the lines), the sums are incomplete and `paint` must wait. */
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
    const rows = rowsWhere(hidden.length, (row) => !hidden[row]);
    const axes = layout.axes.length;
    // A new worker starts only once this thread is free: the first large view draws all its
    // lines itself, and starts the worker for the next ones.
    const worker = hidden.length >= WORKER_FROM && axes >= 3 ? sharedRasterWorker() : null;
    if (!worker?.running) {
      this.add(this.shown, rows, 1);
      this.complete = true;
      return;
    }
    // The worker draws the gaps between the later axes while this thread draws the others.
    const split = Math.ceil(axes / 2);
    const theirs = worker.rasterise({ width, height, lines: this.lines, rows, rgb: colors, smooth: this.smooth, gaps: [split, axes] });
    this.add(this.shown, rows, 1, [1, split]);
    this.ready = theirs.then((sums) => {
      if (sums) addInto(this.shown.data, sums);
      else this.add(this.shown, rows, 1, [split, axes]);
      this.threads = sums ? 2 : 1;
      this.complete = true;
    });
  }

  /** Whether every shown run is in the sums, so the lines can be painted. */
  get drawable() {
    return this.complete;
  }

  /** Runs drawn in colour in the last look with an emphasis. */
  get emphasisedRuns() {
    return this.emphasisedCount;
  }

  /** Call after `hidden[row]` changed; the emphasised lines follow at the next paint. */
  hiddenChanged(row: number) {
    this.add(this.shown, [row], this.hidden[row] ? -1 : 1);
    this.fadedPixels = null;
  }

  /** Paints the look into the canvas, whose size must be the layout's at this ratio. */
  paint(context: CanvasRenderingContext2D, look: LinesLook) {
    const count = this.hidden.length;
    const pixels = this.image.data;
    if (look.allFaded || look.emphasis) pixels.set(this.faded(look.faded));
    else pixels.fill(0);
    if (look.emphasis && !look.allFaded) {
      this.emphasise(look.emphasis);
      paintLayer(pixels, { sums: this.emphasised!, color: null, alpha: Math.min(0.95, lineAlpha(count) + 0.35), copies: this.copies(2) });
    } else if (!look.allFaded) {
      paintLayer(pixels, { sums: this.shown, color: null, alpha: lineAlpha(count), copies: this.copies(1.25) });
    }
    context.putImageData(this.image, 0, 0);
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
  private emphasise(emphasis: Uint8Array) {
    const current = this.emphasisedRows;
    const target = new Uint8Array(current.length);
    const entering: number[] = [];
    const leaving: number[] = [];
    let count = 0;
    for (let row = 0; row < target.length; row++) {
      const wanted = emphasis[row] === 1 && !this.hidden[row] ? 1 : 0;
      target[row] = wanted;
      count += wanted;
      if (wanted !== current[row]) (wanted ? entering : leaving).push(row);
    }
    if (!this.emphasised || count < entering.length + leaving.length) {
      this.emphasised ??= lineSums(this.shown.width, this.shown.height);
      this.emphasised.data.fill(0);
      this.add(this.emphasised, rowsWhere(target.length, (row) => target[row] === 1), 1);
    } else {
      this.add(this.emphasised, entering, 1);
      this.add(this.emphasised, leaving, -1);
    }
    this.emphasisedRows = target;
    this.emphasisedCount = count;
  }

  private add(sums: LineSums, rows: ArrayLike<number>, sign: 1 | -1, gaps?: readonly [number, number]) {
    addLines(sums, this.lines, rows, this.colors, sign, this.smooth, gaps);
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

/** Adds another thread's sums into these (wrapping, as the sums do). */
function addInto(data: Int32Array, more: Int32Array) {
  for (let i = 0; i < data.length; i++) data[i] += more[i];
}

function rowsWhere(count: number, keep: (row: number) => boolean): Int32Array {
  const rows = new Int32Array(count);
  let kept = 0;
  for (let row = 0; row < count; row++) if (keep(row)) rows[kept++] = row;
  return rows.subarray(0, kept);
}
