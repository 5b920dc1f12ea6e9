import type { AnyModel } from "@anywidget/types";

/**
 * What the widgets and the JupyterLab extension of one page share, on a global both reach:
 * the widget loader comes with the kernel's runcompare, the extension with the JupyterLab
 * server's, so neither can import the other. Versions keep two runcompares on a page apart.
 */
export interface WidgetModule {
  render(props: { model: AnyModel; el: HTMLElement }): (() => void) | void;
}

/** A widget model, by the key its Python object also puts in its output (View._key). */
export interface PageModel {
  model: AnyModel;
  /** The runcompare version whose loader registered it, which its traits and messages follow. */
  version: string;
}

interface Page {
  models: Map<string, PageModel>;
  /** Called with the key of each model registered or closed. */
  listeners: Set<(key: string) => void>;
  /** The view code of each version: the extension's, or one loaded from a kernel. */
  code: Map<string, Promise<WidgetModule>>;
}

const KEY = Symbol.for("runcompare.page.v1");

export function page(): Page {
  const root = globalThis as unknown as Record<symbol, Page | undefined>;
  return (root[KEY] ??= { models: new Map(), listeners: new Set(), code: new Map() });
}

/** Registers a model under its key; the returned function unregisters it. */
export function registerModel(model: AnyModel, version: string): () => void {
  const key = model.get("_key") as string;
  const shared = page();
  shared.models.set(key, { model, version });
  shared.listeners.forEach((listener) => listener(key));
  return () => {
    if (shared.models.get(key)?.model !== model) return;
    shared.models.delete(key);
    shared.listeners.forEach((listener) => listener(key));
  };
}

/** Calls `listener` with each key registered or closed from now on; returns the unsubscribe. */
export function watchModels(listener: (key: string) => void): () => void {
  const shared = page();
  shared.listeners.add(listener);
  return () => shared.listeners.delete(listener);
}

/** How long a page without the extension waits for the kernel to send the view code. */
export const CODE_PATIENCE_MS = 15_000;
export const NO_CODE = "No kernel sent runcompare's view code: run the cell again to show the view.";

/**
 * The view code for `version`: the JupyterLab extension's when it is that version, else asked
 * of the kernel through `model`, once per page and version (the kernel sends the bundle its
 * runcompare ships). A failed request is forgotten, so a later view asks again.
 */
export function widgetCode(model: AnyModel, version: string): Promise<WidgetModule> {
  const code = page().code;
  let found = code.get(version);
  if (!found) {
    found = codeFromKernel(model);
    code.set(version, found);
    found.catch(() => code.get(version) === found && code.delete(version));
  }
  return found;
}

interface CodeMessage {
  type: "code";
  error?: string;
}

function codeFromKernel(model: AnyModel): Promise<WidgetModule> {
  return new Promise<WidgetModule>((resolve, reject) => {
    const patience = setTimeout(() => finish(() => reject(new Error(NO_CODE))), CODE_PATIENCE_MS);
    const onMessage = (message: CodeMessage, buffers: DataView[]) => {
      if (message?.type !== "code") return;
      finish(() => {
        if (message.error || !buffers?.length) return reject(new Error(message.error ?? NO_CODE));
        const url = URL.createObjectURL(new Blob([buffers[0] as BlobPart], { type: "text/javascript" }));
        import(/* webpackIgnore: true */ url).then((module) => resolve(module.default as WidgetModule), reject).finally(() => URL.revokeObjectURL(url));
      });
    };
    const finish = (then: () => void) => {
      clearTimeout(patience);
      model.off("msg:custom", onMessage);
      then();
    };
    model.on("msg:custom", onMessage);
    try {
      model.send({ type: "code" });
    } catch {
      finish(() => reject(new Error(NO_CODE)));
    }
  });
}
