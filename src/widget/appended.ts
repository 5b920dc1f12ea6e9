import type { AnyModel } from "@anywidget/types";
import { withRows, type AppendableTable, type AppendedRows } from "../data/append.js";

/**
 * Rows the kernel appended to a view (Python's `w.append`): a message `{ type: "append", tables }`
 * with one buffer of Arrow IPC bytes per table it names, only the new rows. Every view of the
 * model shows them; the model keeps them, in the `appended` trait when its tables are saved in
 * the notebook (set here, not sent back: the kernel's trait holds the same), so a view drawn
 * later, or the notebook reopened, shows the tables with every batch appended, in order.
 */
export interface AppendMessage {
  type: "append";
  tables: AppendableTable[];
}

type Batch = Partial<Record<AppendableTable, Uint8Array>>;

const unstored = new WeakMap<AnyModel, Batch[]>();
const recorded = new WeakSet<object>();

export function isAppendMessage(message: unknown): message is AppendMessage {
  return (message as AppendMessage)?.type === "append" && Array.isArray((message as AppendMessage).tables);
}

/** The batch a message carries, kept by its model once, however many views hear the message. */
export function receiveAppended(model: AnyModel, message: AppendMessage, buffers: DataView[], stored: boolean): Batch {
  const batch: Batch = Object.fromEntries(message.tables.map((table, i) => [table, asBytes(buffers[i])]));
  if (!recorded.has(message)) {
    recorded.add(message);
    const kept = [...appendedTo(model, stored), batch];
    if (stored) model.set("appended", kept);
    else unstored.set(model, kept);
  }
  return batch;
}

/** Every batch appended to the model so far, as one: runs merged by run_id, scalars in order; null when none. */
export function allAppended(model: AnyModel, stored: boolean): AppendedRows | null {
  const kept = appendedTo(model, stored);
  if (!kept.length) return null;
  const all: AppendedRows = {};
  for (const batch of kept)
    for (const table of ["runs", "scalars"] as const) {
      const rows = batch[table];
      if (rows) all[table] = withRows(all[table] ?? null, rows, table);
    }
  return all;
}

/** How many batches the model has had appended since its tables were sent. */
export function appendedCount(model: AnyModel): number {
  return ((model.get("appended") as unknown[] | undefined) ?? []).length;
}

/** The batches so far: in the model's trait (which the kernel empties when it sends new tables), or, for a model whose tables are not saved, here. */
function appendedTo(model: AnyModel, stored: boolean): Batch[] {
  if (!stored) return unstored.get(model) ?? [];
  const saved = (model.get("appended") ?? []) as Partial<Record<AppendableTable, DataView | Uint8Array>>[];
  return saved.map((batch) => Object.fromEntries(Object.entries(batch).map(([table, view]) => [table, asBytes(view)])));
}

function asBytes(view: DataView | Uint8Array): Uint8Array {
  return view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
