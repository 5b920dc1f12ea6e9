import { minMax } from "../../data/reduce.js";
import { MAX_SMOOTHING, smoothingKernels, type smoothTraces, type SmoothingType } from "../../data/smoothing.js";
import { BlobWorker } from "../../render/blob-worker.js";

/** Some traces of a series, for a worker to keep: the values and positions it smooths again at each new weight. */
export interface TraceShare {
  readonly values: Float64Array;
  /** Where each value lies, for the kinds that weigh by it (time_ema, gaussian); null for the others. */
  readonly x: Float64Array | null;
  /** Trace t holds [offsets[t], ends[t]) of values and x. */
  readonly offsets: Int32Array;
  readonly ends: Int32Array;
}

export interface SmoothingJob {
  /** Names the share the worker keeps; `share` comes with the first job that names it. */
  readonly shareId: number;
  readonly share: TraceShare | null;
  /** Positions for a share kept without them, when this kind needs them. */
  readonly x: Float64Array | null;
  readonly type: SmoothingType;
  readonly weight: number;
  /** The x range of the series' chart, for time_ema (NaN for the others). */
  readonly span: number;
  /**
   * Where trace t's pixel columns begin: starts[startOffsets[t]] up to startOffsets[t + 1] (see
   * minMax); null for the ones sent last for this share (the chart's frame is the same).
   */
  readonly columns: ColumnStarts | null;
}

export interface ColumnStarts {
  readonly starts: Int32Array;
  readonly startOffsets: Int32Array;
}

export interface SmoothingReply {
  /** The share's values smoothed: trace t at [offsets[t], ends[t]). */
  readonly smoothed: Float64Array;
  /** Trace t's reduction: indices[indexOffsets[t]] up to indexOffsets[t + 1], as minMax gives them. */
  readonly indices: Int32Array;
  readonly indexOffsets: Int32Array;
  /** Trace t's yRange at 2t and 2t + 1; NaN for none. */
  readonly yRanges: Float64Array;
}

/**
 * A worker that smooths traces of a series and reduces them to pixel columns (minMax), the two
 * steps of a new smoothing that take most of its time; the page's thread does the same for the
 * other traces meanwhile. It keeps the traces it was given and their columns' starts, so a new
 * weight sends little more than the weight.
 */
export class SmoothingWorker {
  private readonly worker = new BlobWorker<SmoothingJob | { forget: readonly number[] } | { recycle: number; memory: ArrayBuffer }, SmoothingReply | null>(
    WORKER_SOURCE,
  );

  get running(): boolean {
    return this.worker.running;
  }

  /** The job's share and positions (when given) are handed over to the worker, and empty after the call. */
  smooth(job: SmoothingJob): Promise<SmoothingReply | null> {
    const transfer: ArrayBuffer[] = job.columns ? [job.columns.starts.buffer as ArrayBuffer, job.columns.startOffsets.buffer as ArrayBuffer] : [];
    if (job.share) transfer.push(...[job.share.values, job.share.x, job.share.offsets, job.share.ends].flatMap((a) => (a ? [a.buffer as ArrayBuffer] : [])));
    if (job.x) transfer.push(job.x.buffer as ArrayBuffer);
    return this.worker.request(job, transfer) as Promise<SmoothingReply | null>;
  }

  /**
   * Gives a share's last reply memory back, once nothing reads it, for the next reply: fresh memory
   * costs the worker page faults. It is handed over, and empty after the call.
   */
  recycle(shareId: number, memory: ArrayBuffer) {
    void this.worker.request({ recycle: shareId, memory }, [memory]);
  }

  /** Lets the worker drop shares no view will smooth again. */
  forget(shareIds: readonly number[]) {
    if (shareIds.length) void this.worker.request({ forget: shareIds });
  }
}

/** What smoothAndReduce calls: passed in, since the worker is built from its source alone. */
export interface Kernels {
  readonly smoothTraces: typeof smoothTraces;
  readonly minMax: typeof minMax;
}

/**
 * Smooths a share's traces into `out` and reduces each to the chart's pixel columns (minMax over
 * trace t's column starts): the worker's job, and the page's for its own traces. Self-contained,
 * for the worker's source.
 */
export function smoothAndReduce(
  { smoothTraces, minMax }: Kernels,
  share: TraceShare,
  { type, weight, span }: Pick<SmoothingJob, "type" | "weight" | "span">,
  { starts, startOffsets }: ColumnStarts,
  out: Float64Array,
): SmoothingReply {
  const { values, offsets, ends } = share;
  const traces = ends.length;
  smoothTraces(type, values, share.x ?? values, offsets, ends, weight, out, span);
  let longest = 0;
  for (let t = 0; t < traces; t++) longest = Math.max(longest, ends[t] - offsets[t]);
  const kept = new Int32Array(longest + 1);
  const parts: Int32Array[] = [];
  const indexOffsets = new Int32Array(traces + 1);
  const yRanges = new Float64Array(2 * traces).fill(NaN);
  for (let t = 0; t < traces; t++) {
    const reduced = minMax(out.subarray(offsets[t], ends[t]), starts.subarray(startOffsets[t], startOffsets[t + 1]), kept);
    parts.push(kept.slice(0, reduced.length));
    indexOffsets[t + 1] = indexOffsets[t] + reduced.length;
    if (reduced.yRange) [yRanges[2 * t], yRanges[2 * t + 1]] = reduced.yRange;
  }
  const indices = new Int32Array(indexOffsets[traces]);
  parts.forEach((part, t) => indices.set(part, indexOffsets[t]));
  return { smoothed: out, indices, indexOffsets, yRanges };
}

const WORKER_SOURCE = `"use strict";
const kernels = { smoothTraces: (${smoothingKernels.toString()})(${MAX_SMOOTHING}).smoothTraces, minMax: ${minMax.toString()} };
const smoothAndReduce = ${smoothAndReduce.toString()};
const shares = new Map();
onmessage = ({ data: { id, request: job } }) => {
  if (job.recycle !== undefined) {
    const share = shares.get(job.recycle);
    if (share) share.spare = job.memory;
    postMessage({ id, reply: null });
    return;
  }
  if (job.forget) {
    for (const shareId of job.forget) shares.delete(shareId);
    postMessage({ id, reply: null });
    return;
  }
  if (job.share) shares.set(job.shareId, { ...job.share });
  const share = shares.get(job.shareId);
  if (job.x) share.x = job.x;
  if (job.columns) share.columns = job.columns;
  const size = share.values.length;
  const out = share.spare && share.spare.byteLength === size * 8 ? new Float64Array(share.spare) : new Float64Array(size);
  share.spare = null;
  const reply = smoothAndReduce(kernels, share, job, share.columns, out);
  postMessage({ id, reply }, [reply.smoothed.buffer, reply.indices.buffer, reply.indexOffsets.buffer, reply.yRanges.buffer]);
};
postMessage("started");`;

let shared: SmoothingWorker | null = null;

/** One worker for the page, started by the first large view and kept for the next ones. */
export function sharedSmoothingWorker(): SmoothingWorker {
  shared ??= new SmoothingWorker();
  return shared;
}
