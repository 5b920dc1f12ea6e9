import { minMax } from "../../data/reduce.js";
import { smoothTraces } from "../../data/smoothing.js";
import type { Chart } from "./chart.js";
import type { LineLook } from "./draw.js";
import type { Line, ScalarsData } from "./model.js";
import type { Settings } from "./options.js";
import { sharedSmoothingWorker, smoothAndReduce, type ColumnStarts, type Kernels, type SmoothingReply, type SmoothingWorker } from "./smoothing-worker.js";

/** From this many points in the charts, a new smoothing is shared with a worker; below, one thread is quick enough. */
export const SHARE_FROM_POINTS = 1_000_000;

/** Some traces of a chart's series, smoothed and reduced to the chart's frame (here or by the worker). */
interface Part {
  readonly chart: Chart;
  readonly series: number;
  /** The first of the traces. */
  readonly first: number;
  readonly frameKey: string;
  readonly reply: SmoothingReply;
}

/** What the worker keeps of a series: its traces from `split` on, which positions it has, and for which frame it has the column starts. */
interface KeptShare {
  readonly id: number;
  readonly split: number;
  x: Float64Array | null;
  columnsFor: string;
}

const KERNELS: Kernels = { smoothTraces, minMax };

/** Names shares in the worker, which every view of the page uses. */
let nextShareId = 0;

/** A view collected without being destroyed lets the worker drop its shares too. */
const unused = new FinalizationRegistry<{ worker: SmoothingWorker; ids: number[] }>(({ worker, ids }) => worker.forget(ids));

/**
 * A new smoothing of many points, shared between this thread and a worker: each smooths half of
 * each series' traces and reduces them to the chart's pixel columns. This thread writes into a
 * second buffer, so the lines on screen keep their values until the new ones are complete.
 */
export class SharedSmoothing {
  private worker: SmoothingWorker | null = null;
  private readonly kept = new WeakMap<Float64Array, KeptShare>();
  /** The shares this view gave the worker. */
  private readonly shareIds: number[] = [];
  /** Per series values array, the buffer the next smoothing fills (the one the last replaced). */
  private readonly spares = new WeakMap<Float64Array, Float64Array>();
  /** The worker's last replies, which the lines read until the new ones are made: to give back then. */
  private readonly replaced: { shareId: number; memory: ArrayBuffer }[] = [];
  /** Per chart and series, the column starts of the traces this thread reduces, for the frame they were found for. */
  private readonly headColumns = new WeakMap<Chart, Map<number, { key: string; columns: ColumnStarts }>>();

  /** Starts the worker once a view has enough points for it to pay: it starts only once this thread is free. */
  prepare(points: number) {
    if (points < SHARE_FROM_POINTS || this.worker) return;
    this.worker = sharedSmoothingWorker();
    unused.register(this, { worker: this.worker, ids: this.shareIds }, this);
  }

  /** Lets the worker drop what it keeps for this view. */
  dispose() {
    if (!this.worker) return;
    unused.unregister(this);
    this.worker.forget(this.shareIds.splice(0));
  }

  /**
   * Smooths the charts' series with `settings`, sharing the work with the worker, and resolves
   * once `data` holds the new values: then `settle`, once the charts have their new lines. Null
   * when sharing would not pay or cannot start (too few points, a worker not running, a
   * reduction or grouping the worker does not do): smooth on this thread. Resolves with null if
   * the worker failed meanwhile.
   */
  start(data: ScalarsData, charts: readonly Chart[], settings: Settings, look: LineLook, grouped: boolean): Promise<Part[] | null> | null {
    const worker = this.worker;
    if (!worker?.running || grouped || look.reduce !== "minmax" || charts.some((chart) => !chart.frame)) return null;
    const work = charts.flatMap((chart) =>
      chart.spec.series.map((series) => ({ chart, series, lines: linesOf(chart, data, series), frameKey: chart.reduced.frameKey })),
    );
    if (work.reduce((sum, { series }) => sum + data.traces[series].values.length, 0) < SHARE_FROM_POINTS) return null;
    // The worker takes the later half of each series' traces; a series of one trace stays here.
    const splits = work.map(({ lines }) => lines.length >> 1 || lines.length);
    const replies = work.map(({ chart, series, lines }, i) =>
      splits[i] === lines.length ? null : this.post(worker, data, chart, series, lines, splits[i], settings),
    );
    const parts: Part[] = [];
    const filled = work.map(({ chart, series, lines, frameKey }, i) => {
      const { out, reply } = this.smoothHead(data, chart, series, lines, splits[i], settings);
      parts.push({ chart, series, first: 0, frameKey, reply });
      return out;
    });
    return Promise.all(replies).then((got) => {
      if (got.some((reply, i) => reply === null && replies[i] !== null)) return null;
      work.forEach(({ chart, series, frameKey }, i) => {
        const { values, offsets } = data.traces[series];
        const reply = got[i];
        // The worker's traces stay in the memory it sent them in: the lines view them there.
        const tail = reply && { from: offsets[splits[i]], values: reply.smoothed };
        if (reply) parts.push({ chart, series, first: splits[i], frameKey, reply });
        const replaced = data.adoptSmoothed(series, settings, filled[i], tail);
        if (replaced) this.spares.set(values, replaced.values);
        if (replaced?.tail) this.replaced.push({ shareId: this.kept.get(values)!.id, memory: replaced.tail.values.buffer as ArrayBuffer });
      });
      return parts;
    });
  }

  /**
   * Gives the charts' new lines (made from the new values) the reductions made with them, and the
   * worker the memory of its last replies, which no line reads any more.
   */
  settle(parts: readonly Part[], data: ScalarsData) {
    for (const { shareId, memory } of this.replaced.splice(0)) this.worker?.recycle(shareId, memory);
    for (const { chart, series, first, frameKey, reply } of parts) {
      const lines = linesOf(chart, data, series);
      for (let t = 0; t + 1 < reply.indexOffsets.length; t++) {
        const [from, to] = [reply.indexOffsets[t], reply.indexOffsets[t + 1]];
        const [low, high] = [reply.yRanges[2 * t], reply.yRanges[2 * t + 1]];
        const line = lines[first + t];
        chart.reduced.adopt(line, line.smoothed, frameKey, {
          indices: reply.indices.subarray(from, to),
          length: to - from,
          yRange: Number.isNaN(low) ? null : [low, high],
        });
      }
    }
  }

  /** Posts the worker's job for a series' traces from `split` on: its share the first time, then only where the columns begin. */
  private post(worker: SmoothingWorker, data: ScalarsData, chart: Chart, series: number, lines: readonly Line[], split: number, settings: Settings) {
    const { values, x, offsets, ends, span } = data.smoothingInput(series, settings);
    const needsX = settings.smoothingType === "time_ema" || settings.smoothingType === "gaussian";
    const from = offsets[split];
    let kept = this.kept.get(values);
    let share = null;
    if (!kept || kept.split !== split) {
      if (kept) worker.forget(this.shareIds.splice(this.shareIds.indexOf(kept.id), 1));
      kept = { id: nextShareId++, split, x: null, columnsFor: "" };
      this.shareIds.push(kept.id);
      this.kept.set(values, kept);
      share = { values: values.slice(from), x: null, offsets: offsets.slice(split).map((o) => o - from), ends: ends.slice(split).map((o) => o - from) };
    }
    const sendX = needsX && kept.x !== x;
    if (sendX) kept.x = x;
    // The columns' starts change with the chart's frame, not with the smoothing.
    const sendColumns = kept.columnsFor !== chart.reduced.frameKey;
    kept.columnsFor = chart.reduced.frameKey;
    const columns = sendColumns ? columnStartsOf(chart, lines.slice(split)) : null;
    return worker.smooth({ shareId: kept.id, share, x: sendX ? x.slice(from) : null, type: settings.smoothingType, weight: settings.smoothing, span, columns });
  }

  /** The series' traces before `split`, smoothed and reduced here into a buffer the lines on screen do not use. */
  private smoothHead(data: ScalarsData, chart: Chart, series: number, lines: readonly Line[], split: number, settings: Settings) {
    const { values, x, offsets, ends, span } = data.smoothingInput(series, settings);
    const spare = this.spares.get(values);
    this.spares.delete(values);
    const end = offsets[split];
    // Only this thread's traces: the worker's stay in the memory they come back in.
    const out = spare && spare.length === end ? spare : new Float64Array(end);
    const share = { values: values.subarray(0, end), x: x.subarray(0, end), offsets: offsets.subarray(0, split + 1), ends: ends.subarray(0, split) };
    const reply = smoothAndReduce(
      KERNELS,
      share,
      { type: settings.smoothingType, weight: settings.smoothing, span },
      this.headColumnsOf(chart, series, lines.slice(0, split)),
      out.subarray(0, end),
    );
    return { out, reply };
  }

  private headColumnsOf(chart: Chart, series: number, lines: readonly Line[]): ColumnStarts {
    let ofChart = this.headColumns.get(chart);
    if (!ofChart) this.headColumns.set(chart, (ofChart = new Map()));
    const key = `${chart.reduced.frameKey}|${lines.length}`;
    let known = ofChart.get(series);
    if (known?.key !== key) ofChart.set(series, (known = { key, columns: columnStartsOf(chart, lines) }));
    return known.columns;
  }
}

/** Where each line's pixel columns begin in the chart's current frame, one after the other. */
function columnStartsOf(chart: Chart, lines: readonly Line[]): ColumnStarts {
  const each = lines.map((line) => chart.reduced.columnStarts(line).slice());
  const startOffsets = new Int32Array(each.length + 1);
  each.forEach((s, i) => (startOffsets[i + 1] = startOffsets[i] + s.length));
  const starts = new Int32Array(startOffsets[each.length]);
  each.forEach((s, i) => starts.set(s, startOffsets[i]));
  return { starts, startOffsets };
}

/** A chart's lines of one series, in trace order (as ScalarsData.lines makes them). */
function linesOf(chart: Chart, data: ScalarsData, series: number): Line[] {
  const info = data.series[series];
  return chart.lines.filter((line) => line.series === info);
}
