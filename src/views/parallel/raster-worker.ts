import { BlobWorker } from "../../render/blob-worker.js";
import { lineRasterizer, type LineSums } from "./density.js";

/**
 * What a worker rasterises: some runs added and others taken away, between some of the axes,
 * into sums of its own for the band of columns those gaps cover.
 */
export interface RasterJob {
  /** The band, in device pixels: its first column, its width, and the chart's height. */
  readonly left: number;
  readonly width: number;
  readonly height: number;
  readonly xs: readonly number[];
  readonly ratio: number;
  /** Where the job's runs cross the axes, run by run (ys[run * xs.length + axis]); the worker takes this array. */
  readonly ys: Float32Array;
  /** Each run's red, green and blue; the worker takes this array. */
  readonly rgb: Uint8Array;
  /** The first `adding` runs are added, the rest taken away. */
  readonly adding: number;
  readonly smooth: boolean;
  readonly gaps: readonly [number, number];
}

/**
 * A worker that runs lineRasterizer (a BlobWorker made from its source). Where workers are not
 * allowed, jobs resolve with null and the caller draws on its own thread.
 */
export class RasterWorker {
  private readonly worker = new BlobWorker<{ job: RasterJob; spare: ArrayBuffer | null }, LineSums>(WORKER_SOURCE);
  /** A band's memory, given back once its sums were added: the next job draws into it. */
  private spare: ArrayBuffer | null = null;

  /** Whether the worker has started: until then, a job would wait for it. */
  get running(): boolean {
    return this.worker.running;
  }

  /** Resolves once the worker runs, failed, or `patience` milliseconds passed; `running` tells which. */
  started(patience: number): Promise<void> {
    return this.worker.started(patience);
  }

  /** The job's sums; its ys and rgb arrays are handed over to the worker (no copy) and are empty after the call. */
  rasterise(job: RasterJob): Promise<LineSums | null> {
    const spare = this.spare;
    this.spare = null;
    return this.worker.request({ job, spare }, [job.ys.buffer, job.rgb.buffer, ...(spare ? [spare] : [])]);
  }

  /**
   * Gives back a band's memory once its sums were added, for the next job: a brush move would
   * otherwise leave megabytes behind for the garbage collector each time.
   */
  recycle(band: LineSums) {
    if (!this.spare || this.spare.byteLength < band.data.buffer.byteLength) this.spare = band.data.buffer as ArrayBuffer;
  }
}

const WORKER_SOURCE = `"use strict";
const { addLines } = (${lineRasterizer.toString()})();
const range = (from, to) => Int32Array.from({ length: to - from }, (_, i) => from + i);
onmessage = ({ data: { id, request: { job, spare } } }) => {
  const size = job.width * job.height * 4;
  const data = spare && spare.byteLength >= size * 4 ? new Int32Array(spare, 0, size).fill(0) : new Int32Array(size);
  const sums = { left: job.left, width: job.width, height: job.height, data };
  const lines = { xs: job.xs, ys: job.ys, ratio: job.ratio };
  const runs = job.rgb.length / 3;
  addLines(sums, lines, range(0, job.adding), job.rgb, 1, job.smooth, job.gaps);
  addLines(sums, lines, range(job.adding, runs), job.rgb, -1, job.smooth, job.gaps);
  postMessage({ id, reply: sums }, [sums.data.buffer]);
};
postMessage("started");`;

let shared: RasterWorker | null = null;

/**
 * One worker for the page, started by the first large view and kept for the next ones: starting
 * a worker and compiling its code cost more than it saves on one view.
 */
export function sharedRasterWorker(): RasterWorker {
  shared ??= new RasterWorker();
  return shared;
}
