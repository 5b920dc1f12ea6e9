import type { Samples } from "../../data/samples.js";

/**
 * Where the bytes of samples that carry neither data nor url come from: the widget asks the
 * kernel (src/widget/samples.ts); an ES module user may pass any function. One entry per row
 * asked, in order: the bytes, or why there are none.
 */
export type SampleSource = (rows: readonly number[]) => Promise<readonly (Uint8Array | { error: string })[]>;

/** A sample's content as far as the view has it. */
export type Content = { readonly bytes: Uint8Array } | { readonly text: string } | { readonly url: string } | { readonly error: string };

export interface StoreLimits {
  /** A sample larger than this many bytes is not shown. */
  readonly maxBytes: number;
  /** Bytes fetched from the source are kept up to this total, the least recently shown dropped first. */
  readonly cacheBytes: number;
}

/** Rows asked of the source at once. */
const BATCH = 48;

/**
 * The samples' contents: those in the table at once, others fetched from the source in batches,
 * each fetched once (while in flight, or while in the bounded cache).
 */
export class SampleStore {
  private readonly cache = new Map<number, Uint8Array>();
  private cached = 0;
  private readonly waiting = new Map<number, Promise<Content>>();
  private readonly queue: { row: number; resolve: (content: Content) => void }[] = [];
  private scheduled = false;
  private destroyed = false;

  constructor(
    private readonly samples: Samples,
    private readonly source: SampleSource | null,
    readonly limits: StoreLimits,
  ) {}

  /** The content when it needs no fetching (table data, an address, the cache, a reason it cannot be had), else null. */
  peek(row: number): Content | null {
    const size = this.samples.size(row);
    if (size > this.limits.maxBytes) return { error: `not shown: ${megabytes(size)}, more than the ${megabytes(this.limits.maxBytes)} a sample may take` };
    const data = this.samples.data(row);
    if (typeof data === "string") return { text: data };
    if (data) return { bytes: data };
    const url = this.samples.url(row);
    if (url !== null) return { url };
    const cached = this.cache.get(row);
    if (cached) {
      // Shown again: last to be dropped.
      this.cache.delete(row);
      this.cache.set(row, cached);
      return { bytes: cached };
    }
    if (!this.source) {
      const path = this.samples.path(row);
      return {
        error: `not shown: the file ${JSON.stringify(path)} is read by the Python kernel; show the view from Python (rc.samples), or give the sample data or a url`,
      };
    }
    return null;
  }

  /** The content, fetched if need be. */
  load(row: number): Promise<Content> {
    const known = this.peek(row);
    if (known) return Promise.resolve(known);
    let pending = this.waiting.get(row);
    if (!pending) {
      pending = new Promise<Content>((resolve) => this.queue.push({ row, resolve }));
      this.waiting.set(row, pending);
      this.schedule();
    }
    return pending;
  }

  /** The bytes or text of a row the view has (for exports), or null. */
  had(row: number): Uint8Array | string | null {
    return this.samples.data(row) ?? this.cache.get(row) ?? null;
  }

  destroy() {
    this.destroyed = true;
    this.cache.clear();
    for (const { resolve } of this.queue.splice(0)) resolve({ error: "the view was closed" });
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    // One request for every cell that asks in the same frame.
    queueMicrotask(() => {
      this.scheduled = false;
      while (this.queue.length) void this.fetch(this.queue.splice(0, BATCH));
    });
  }

  private async fetch(batch: { row: number; resolve: (content: Content) => void }[]) {
    let answers: readonly (Uint8Array | { error: string })[];
    try {
      answers = await this.source!(batch.map((entry) => entry.row));
    } catch (error) {
      answers = batch.map(() => ({ error: `not shown: ${error instanceof Error ? error.message : String(error)}` }));
    }
    batch.forEach(({ row, resolve }, i) => {
      this.waiting.delete(row);
      const answer = answers[i] ?? { error: "not shown: no bytes came for this sample" };
      if (answer instanceof Uint8Array) {
        if (answer.byteLength > this.limits.maxBytes)
          return resolve({ error: `not shown: ${megabytes(answer.byteLength)}, more than the ${megabytes(this.limits.maxBytes)} a sample may take` });
        if (!this.destroyed) this.keep(row, answer);
        resolve({ bytes: answer });
      } else {
        resolve({ error: answer.error });
      }
    });
  }

  private keep(row: number, bytes: Uint8Array) {
    this.cache.set(row, bytes);
    this.cached += bytes.byteLength;
    for (const [old, kept] of this.cache) {
      if (this.cached <= this.limits.cacheBytes || old === row) break;
      this.cache.delete(old);
      this.cached -= kept.byteLength;
    }
  }
}

export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
