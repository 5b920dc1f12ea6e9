/**
 * A worker made from source text (a blob URL), so it works from any bundle, page or notebook
 * output with no file to serve. The source answers each `{ id, request }` message with
 * `{ id, reply }`, and posts "started" once loaded. Where workers are not allowed, requests
 * resolve with null and the caller does the work on its own thread.
 */
export class BlobWorker<Request, Reply> {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, (reply: Reply | null) => void>();
  /** Whether the worker has started: until then, a request would wait for it. */
  running = false;
  private readonly startListeners = new Set<() => void>();

  constructor(source: string) {
    // The worker loads its script once this thread is free: the URL must live until it has started.
    let url = "";
    try {
      url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      this.worker = new Worker(url);
    } catch {
      if (url) URL.revokeObjectURL(url);
      return;
    }
    this.worker.onmessage = ({ data }: MessageEvent<{ id: number; reply: Reply } | "started">) => {
      if (data === "started") {
        this.running = true;
        URL.revokeObjectURL(url);
        this.settleStart();
        return;
      }
      this.pending.get(data.id)?.(data.reply);
      this.pending.delete(data.id);
    };
    // A content security policy that forbids blob workers fails here, after construction:
    // the callers do the pending work themselves.
    this.worker.onerror = (event) => {
      event.preventDefault();
      URL.revokeObjectURL(url);
      this.worker?.terminate();
      this.worker = null;
      this.running = false;
      for (const resolve of this.pending.values()) resolve(null);
      this.pending.clear();
      this.settleStart();
    };
  }

  /**
   * Resolves once the worker runs, failed, or `patience` milliseconds passed; `running` tells
   * which. A worker can only start once the page's thread is free, so a caller with much work
   * waits for it here rather than doing it all alone.
   */
  started(patience: number): Promise<void> {
    if (this.running || !this.worker) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.startListeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, patience);
      this.startListeners.add(done);
    });
  }

  /** Posts a request, handing over `transfer` (no copy); resolves with the reply, or null without a worker. */
  request(request: Request, transfer: Transferable[] = []): Promise<Reply | null> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, request }, transfer);
    });
  }

  private settleStart() {
    for (const listener of [...this.startListeners]) listener();
  }
}
