import type { AnyModel, RenderProps } from "@anywidget/types";
import { errorBox } from "../render/error.js";
import { exportBlob, exportView, type ExportFormat } from "../render/export.js";
import { publication, type Publication } from "../render/publication.js";
import { allAppended, appendedCount, isAppendMessage, receiveAppended, type AppendMessage } from "./appended.js";
import { noteLine, progressLine } from "./note.js";
import { requestTables } from "./transfer.js";
import { VIEWS } from "../views/registry.js";
import { kernelSamples } from "./samples.js";
import { sameJSON, TABLE_TRAITS, widgetTables, widgetView, type ViewElement, type ViewHost, type WidgetTables } from "./views.js";

/** The traits the Python widget syncs (python/runcompare/_widget.py). */
interface WidgetTraits {
  view: string;
  runs: DataView;
  scalars: DataView;
  /** The comparison page's other tables (empty for none); absent from other views' models. */
  details?: DataView;
  plots?: DataView;
  samples?: DataView;
  options: Record<string, unknown>;
  selected: string[];
  /** The view's state (its `.state`), which the view restores; absent from pages written before it existed. */
  state?: Record<string, unknown> | null;
  /** A line shown above the view; absent from pages written before it existed. */
  note?: string;
  /** False when the tables are not in the state but sent by the kernel on request. */
  stored?: boolean;
  /** Rows appended since the tables were sent (see appended.ts); absent from pages written before it existed. */
  appended?: Partial<Record<"runs" | "scalars", DataView>>[];
  /** True in a page of its own (rc.to_html's stand-in model): the comparison page keeps its state in the URL's hash. */
  standalone?: boolean;
}

/** How long a view waits for the kernel's first chunk before saying the data is not saved. */
const KERNEL_PATIENCE_MS = 5000;
export const NOT_STORED = "This view's data is not saved in the notebook (store=False), and no kernel sent it: run the cell again to show the view.";

function bytes(view: DataView | null | undefined): Uint8Array | null {
  if (!view || view.byteLength === 0) return null;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function storedTables(model: AnyModel<WidgetTraits>): WidgetTables {
  return widgetTables((trait) => bytes(model.get(trait)));
}

const stored = (model: AnyModel<WidgetTraits>) => model.get("stored") !== false;
const options = (model: AnyModel<WidgetTraits>) => ({ ...model.get("options"), selected: model.get("selected") });
const optionsAndState = (model: AnyModel<WidgetTraits>) => ({ ...options(model), state: model.get("state") ?? null });

/**
 * Python's `w.save()`: with `id`, the file's bytes go back to the kernel, which writes them
 * (an "exported" message, the bytes its buffer, or an error); without, the page saves the file
 * as the toolbar does. `export`: the publication options, checked by Python.
 */
interface ExportRequest {
  type: "export";
  format: ExportFormat;
  name: string | null;
  id?: string;
  export?: Record<string, unknown>;
}

/** Sends a message to the kernel, where there is one (a page from rc.to_html has none). */
function tell(model: AnyModel, content: Record<string, unknown>, buffers: ArrayBuffer[] = []) {
  const send = (model as Partial<Pick<AnyModel, "send">>).send;
  send?.call(model, content, undefined, buffers);
}

/** The views shown of each model, oldest first: the oldest answers Python's `w.save()`. */
const shown = new WeakMap<AnyModel, ViewElement[]>();

/** The anywidget entry: a thin adapter from model traits to a view function. */
function render({ model, el }: RenderProps<WidgetTraits>) {
  let element: ViewElement | null = null;
  /** The batches of `appended` the view shows. */
  let shownBatches = 0;
  let tables: WidgetTables | null = null;
  const kernel = kernelSamples(model);
  const host: ViewHost = { samples: kernel.source, hash: model.get("standalone") === true };
  const sendSelection = () => {
    model.set("selected", element!.value);
    model.save_changes();
  };
  const sendState = () => {
    model.set("state", element!.state as Record<string, unknown>);
    model.save_changes();
  };
  const unmount = () => {
    if (!element) return;
    shown.set(
      model,
      (shown.get(model) ?? []).filter((view) => view !== element),
    );
    tell(model, { type: "hidden" });
    element.destroy();
    element = null;
  };
  const mount = () => {
    unmount();
    if (stored(model)) tables = storedTables(model);
    if (!tables) return;
    element = widgetView(model.get("view"), tables, optionsAndState(model), host);
    if (!element) {
      el.replaceChildren(errorBox(`runcompare has no view "${model.get("view")}": update the runcompare package.`));
      return;
    }
    const appended = allAppended(model, stored(model));
    if (appended) element.append(appended);
    shownBatches = appendedCount(model);
    shown.set(model, [...(shown.get(model) ?? []), element]);
    // Python's `w.save()` asks the page to export while one shows the view, else draws it headless.
    tell(model, { type: "shown" });
    element.addEventListener("input", sendSelection);
    element.addEventListener("statechange", sendState);
    el.replaceChildren(...[noteLine(model.get("note")), element].filter((child) => child !== null));
    // Python sees the view as drawn from the first: its whole state (w.state), and the runs a
    // restored state selects.
    if (!sameJSON(element.value, model.get("selected"))) sendSelection();
    if (!sameJSON(element.state, model.get("state") ?? {})) sendState();
  };
  // A new note (a followed view's status line) is shown above the view as it is, not drawn anew.
  const showNote = () => {
    if (!element) return mount();
    el.querySelector(":scope > .rc-note")?.remove();
    const line = noteLine(model.get("note"));
    if (line) el.prepend(line);
  };
  // The kernel empties `appended` when it sends new tables, after them: drawn anew without the old batches.
  const appendedChanged = () => appendedCount(model) < shownBatches && mount();
  const updateOptions = () => element?.update(options(model));
  const updateSelection = () => element && (element.value = model.get("selected"));
  // The view's own changes come back here too: only another state is shown.
  const updateState = () => {
    const state = model.get("state") ?? null;
    if (element && state && !sameJSON(state, element.state)) element.update({ state });
  };
  const onMessage = (message: ExportRequest | AppendMessage, buffers: DataView[]) => {
    if (isAppendMessage(message)) {
      const batch = receiveAppended(model, message, buffers, stored(model));
      shownBatches++;
      return element?.append(batch);
    }
    if (message?.type !== "export" || !element || shown.get(model)?.[0] !== element) return;
    const view = element;
    let look: Publication | null;
    try {
      look = message.export ? publication(message.export) : null;
    } catch (error) {
      if (message.id) tell(model, { type: "exported", id: message.id, error: String((error as Error).message) });
      return;
    }
    if (!message.id) {
      void exportView(view, view, message.format, undefined, message.name, look).catch(() => {});
      return;
    }
    const id = message.id;
    exportBlob(view, message.format, look)
      .then(async (blob) => tell(model, { type: "exported", id }, [await blob.arrayBuffer()]))
      .catch((error: unknown) => tell(model, { type: "exported", id, error: error instanceof Error ? error.message : String(error) }));
  };
  const stopLoading = !stored(model) ? load(model, el, (received) => ((tables = received), mount())) : () => {};

  mount();
  const listeners: [string, () => void][] = [
    ...TABLE_TRAITS.map((trait): [string, () => void] => [`change:${trait}`, mount]),
    ["change:view", mount],
    ["change:note", showNote],
    ["change:appended", appendedChanged],
    ["change:options", updateOptions],
    ["change:selected", updateSelection],
    ["change:state", updateState],
    ["msg:custom", onMessage as () => void],
  ];
  for (const [event, listener] of listeners) model.on(event, listener);
  return () => {
    stopLoading();
    kernel.stop();
    for (const [event, listener] of listeners) model.off(event, listener);
    unmount();
  };
}

/** Shows progress while the kernel sends the tables, or, when it never does, what to do. */
function load(model: AnyModel<WidgetTraits>, el: HTMLElement, done: (tables: WidgetTables) => void): () => void {
  const progress = progressLine();
  el.replaceChildren(progress.element);
  let stopped = false;
  const patience = setTimeout(() => progress.ask(NOT_STORED), KERNEL_PATIENCE_MS);
  const request = requestTables(model, (received, total) => {
    clearTimeout(patience);
    progress.show(received, total);
  });
  request.tables.then((tables) => {
    clearTimeout(patience);
    if (!stopped) done(tables);
  });
  return () => {
    stopped = true;
    clearTimeout(patience);
    request.stop();
  };
}

export default { render };

/** Every view by name, drawn from a widget's tables as render draws it: for tests that run every view (tests/browser/corpus.spec.js). */
export const views = Object.fromEntries(
  VIEWS.map(({ schema: { title } }) => [title, (tables: WidgetTables, options: Record<string, unknown>) => widgetView(title, tables, options)]),
);
