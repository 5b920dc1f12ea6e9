import type { AnyModel } from "@anywidget/types";
import type { WidgetTables } from "./views.js";

/**
 * The tables of a widget made with store=False (python/runcompare/_widget.py): not in the
 * model's state, so asked of the kernel, which sends them in chunks. One transfer per model,
 * shared by every view of it; a later view of the same model gets the tables at once.
 */
type Progress = (received: number, total: number) => void;

interface Transfer {
  tables: Promise<WidgetTables>;
  listeners: Set<Progress>;
}

interface ChunkMessage {
  type: "tables";
  /** Every table's size in bytes, by trait (runs, scalars, and the comparison page's others). */
  sizes: Record<string, number>;
  table: string;
  offset: number;
}

const transfers = new WeakMap<AnyModel, Transfer>();

/** The tables, and progress reports while they arrive; `stop` ends the reports to this caller. */
export function requestTables(model: AnyModel, onProgress: Progress): { tables: Promise<WidgetTables>; stop(): void } {
  let transfer = transfers.get(model);
  if (!transfer) {
    transfer = start(model);
    transfers.set(model, transfer);
  }
  transfer.listeners.add(onProgress);
  const listeners = transfer.listeners;
  return { tables: transfer.tables, stop: () => listeners.delete(onProgress) };
}

function start(model: AnyModel): Transfer {
  const listeners = new Set<Progress>();
  const tables = new Promise<WidgetTables>((resolve) => {
    let buffers: Record<string, Uint8Array> | null = null;
    let received = 0;
    const onMessage = (message: ChunkMessage, chunks: DataView[]) => {
      if (message?.type !== "tables" || !chunks?.length) return;
      const { sizes } = message;
      buffers ??= Object.fromEntries(Object.entries(sizes).map(([table, size]) => [table, new Uint8Array(size)]));
      const chunk = chunks[0];
      buffers[message.table].set(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength), message.offset);
      received += chunk.byteLength;
      const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
      for (const listener of listeners) listener(received, total);
      if (received < total) return;
      model.off("msg:custom", onMessage);
      listeners.clear();
      const given = Object.fromEntries(Object.entries(buffers).map(([table, bytes]) => [table, bytes.byteLength ? bytes : null]));
      resolve({ ...given, runs: buffers.runs, scalars: given.scalars ?? null });
    };
    model.on("msg:custom", onMessage);
    model.send({ type: "send-tables" });
  });
  return { tables, listeners };
}
