import { lineRasterizer, type Polylines } from "./density.js";

/** What a worker rasterises: every given run, between some of the axes, into sums of its own. */
export interface RasterJob {
  readonly width: number;
  readonly height: number;
  readonly lines: Polylines;
  readonly rows: Int32Array;
  readonly rgb: Uint8Array;
  readonly smooth: boolean;
  readonly gaps: readonly [number, number];
}

/**
 * A worker that runs lineRasterizer, made from its source (a blob, so it works from any bundle,
 * page or notebook output with no file to serve). Where workers are not allowed, jobs resolve
 * with null and the caller draws on its own thread.
 */
export class RasterWorker {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, (data: Int32Array | null) => void>();
  /** Whether the worker has started: until then, a job would wait for it. */
  running = false;

  constructor() {
    // The worker loads its script once this thread is free: the URL must live until it has started.
    let url = "";
    try {
      url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
      this.worker = new Worker(url);
    } catch {
      if (url) URL.revokeObjectURL(url);
      return;
    }
    this.worker.onmessage = ({ data }: MessageEvent<{ id: number; data: Int32Array } | "started">) => {
      if (data === "started") {
        this.running = true;
        URL.revokeObjectURL(url);
        return;
      }
      this.pending.get(data.id)?.(data.data);
      this.pending.delete(data.id);
    };
    // A content security policy that forbids blob workers fails here, after construction:
    // the callers draw the pending lines themselves.
    this.worker.onerror = (event) => {
      event.preventDefault();
      URL.revokeObjectURL(url);
      this.worker?.terminate();
      this.worker = null;
      this.running = false;
      for (const resolve of this.pending.values()) resolve(null);
      this.pending.clear();
    };
  }

  rasterise(job: RasterJob): Promise<Int32Array | null> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const { width, height, lines, rows, rgb, smooth, gaps } = job;
      worker.postMessage({ id, width, height, xs: Array.from(lines.xs), ys: lines.ys, ratio: lines.ratio, rows, rgb, smooth, gaps });
    });
  }
}

const WORKER_SOURCE = `"use strict";
const { addLines } = (${lineRasterizer.toString()})();
onmessage = ({ data: job }) => {
  const sums = { width: job.width, height: job.height, data: new Int32Array(job.width * job.height * 4) };
  addLines(sums, { xs: job.xs, ys: job.ys, ratio: job.ratio }, job.rows, job.rgb, 1, job.smooth, job.gaps);
  postMessage({ id: job.id, data: sums.data }, [sums.data.buffer]);
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
