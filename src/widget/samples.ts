import type { AnyModel } from "@anywidget/types";
import type { SampleSource } from "../views/samples/store.js";

/** The kernel's answer to a request for samples: the rows it sends bytes for (one buffer each, in order), and why others have none. */
interface SamplesMessage {
  type: "samples";
  rows: number[];
  errors?: Record<string, string>;
}

/** How long a request may wait for the kernel before its samples say it did not answer. */
const PATIENCE_MS = 30_000;

/**
 * Samples of a widget whose table has neither data nor url for them (python/runcompare/_samples.py
 * keeps their bytes in the kernel): asked of the kernel by row, answered in messages of a few
 * megabytes. The bytes are never part of the widget's state, so a saved notebook does not hold them.
 */
export function kernelSamples(model: AnyModel): { source: SampleSource; stop(): void } {
  type Resolve = (answer: Uint8Array | { error: string }) => void;
  const waiting = new Map<number, Set<Resolve>>();
  const answer = (row: number, value: Uint8Array | { error: string }) => {
    for (const resolve of waiting.get(row) ?? []) resolve(value);
    waiting.delete(row);
  };
  const onMessage = (message: SamplesMessage, buffers: DataView[]) => {
    if (message?.type !== "samples") return;
    message.rows.forEach((row, i) => {
      const buffer = buffers[i];
      answer(row, buffer ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : { error: "not shown: the kernel sent no bytes" });
    });
    for (const [row, error] of Object.entries(message.errors ?? {})) answer(Number(row), { error: `not shown: ${error}` });
  };
  model.on("msg:custom", onMessage as () => void);
  const source: SampleSource = (rows) => {
    const asked: [number, Resolve][] = [];
    const answers = rows.map(
      (row) =>
        new Promise<Uint8Array | { error: string }>((resolve) => {
          if (!waiting.has(row)) waiting.set(row, new Set());
          waiting.get(row)!.add(resolve);
          asked.push([row, resolve]);
        }),
    );
    model.send({ type: "send-samples", rows: [...rows] });
    // Only this request's rows still unanswered then (resolving twice does nothing).
    setTimeout(() => {
      for (const [row, resolve] of asked) {
        waiting.get(row)?.delete(resolve);
        resolve({ error: "not shown: the kernel did not send this sample (run the cell again)" });
      }
    }, PATIENCE_MS);
    return Promise.all(answers);
  };
  return { source, stop: () => model.off("msg:custom", onMessage as () => void) };
}
