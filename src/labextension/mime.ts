import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import { readIpc } from "../data/input.js";
import { errorBox } from "../render/error.js";
import { viewStyle } from "../render/style.js";
import { LINE_STYLE, noteLine } from "../widget/note.js";
import { page, watchModels, widgetCode, type PageModel } from "../widget/page.js";
import { widgetTables, widgetView, type ViewElement } from "../widget/views.js";
import { describe } from "./describe.js";
import { picture } from "./picture.js";
import { figureHTML, savedFigure, savedImage, type Saved } from "./saved.js";

/**
 * runcompare's notebook output. Python puts it in two kinds of output:
 * - a widget's (rc.parallel(...) and the like): the widget's key, next to the widget view. Ranked
 *   before the widget view, this renderer draws the widget's model (registered by its loader,
 *   see widget/page.ts) and, where there is none (the notebook reopened without widget state,
 *   or before the kernel restores it), the picture and line the output was saved with;
 * - rc.display's: the tables and options, drawn with no kernel at all.
 * When the notebook is saved, each output gets a small picture of its view and a line of text
 * (text/html, text/plain), which GitHub, nbconvert and JupyterLab without widgets show.
 */
export const MIME_TYPE = "application/vnd.runcompare.v1+json";

export interface RuncompareBundle {
  view: string;
  /** A widget's key (View._key): the output of a widget. */
  key?: string;
  /** rc.display's tables: the runs table as base64 Arrow IPC stream bytes. */
  runs?: string;
  /** The scalars table likewise, or null; the comparison page's details, plots and samples too. */
  scalars?: string | null;
  details?: string | null;
  plots?: string | null;
  samples?: string | null;
  options?: Record<string, unknown>;
  /** The view's state, restored over the options (rc.display(..., state=w.state)). */
  state?: Record<string, unknown> | null;
  /** A line shown above the view, such as how the curves were reduced. */
  note?: string;
}

export function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** How long a fresh widget output waits for its model before it shows its line of text instead. */
const MODEL_PATIENCE_MS = 5000;
/** A picture is taken once the view has been left alone this long. */
const PICTURE_DELAY_MS = 800;
/**
 * Views of more runs are saved with their line only: a picture comes from the view's SVG export,
 * whose cost grows with the runs (some 100-200 ms at 1,000 runs of parallel coordinates, 8 s at
 * 100,000), and it would follow each change the user makes.
 */
const PICTURE_MAX_RUNS = 1_000;
const LIVE_AGAIN = {
  widget: "Run the cell with runcompare installed to see the live view.",
  display: "Open the notebook in JupyterLab or Notebook 7 with runcompare installed to see the live view.",
};

/** Every renderer on the page, for `writePictures` when a notebook is saved. */
const renderers = new Set<ViewRenderer>();

/** Puts each view's latest picture and line into its output, for a notebook about to be saved. */
export function writePictures(notebook: HTMLElement) {
  for (const renderer of renderers) if (notebook.contains(renderer.node)) renderer.writePicture();
}

function distinctRuns(runs: Uint8Array | DataView | null | undefined): number {
  if (!runs || runs.byteLength === 0) return 0;
  const bytes = runs instanceof Uint8Array ? runs : new Uint8Array(runs.buffer, runs.byteOffset, runs.byteLength);
  const ids = readIpc(bytes, "runs").getChild("run_id");
  return ids ? new Set(ids).size : 0;
}

class ViewRenderer extends Widget implements IRenderMime.IRenderer {
  private mimeModel: IRenderMime.IMimeModel | null = null;
  /** The entry drawn, as JSON: a model that changes only in its picture is not drawn again. */
  private shown = "";
  /** What to undo before drawing another entry. */
  private undo: (() => void)[] = [];
  private saved: Saved | null = null;

  constructor() {
    super();
    renderers.add(this);
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    this.mimeModel = model;
    const bundle = model.data[MIME_TYPE] as unknown as RuncompareBundle;
    const shown = JSON.stringify(bundle);
    if (shown === this.shown) return;
    this.shown = shown;
    this.reset();
    if (bundle.key) this.showWidget(bundle.key);
    else this.showTables(bundle);
  }

  /** Writes the latest picture and line into the output (the notebook is being saved). */
  writePicture() {
    if (!this.saved || !this.mimeModel) return;
    const data = { ...this.mimeModel.data, "text/plain": this.saved.plain, "text/html": figureHTML(this.saved) };
    if (data["text/html"] === this.mimeModel.data["text/html"] && data["text/plain"] === this.mimeModel.data["text/plain"]) return;
    this.mimeModel.setData({ data });
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.reset();
    renderers.delete(this);
    super.dispose();
  }

  private reset() {
    for (const undo of this.undo.splice(0)) undo();
    this.node.replaceChildren();
  }

  /** rc.display's output: the view from the tables it carries. */
  private showTables(bundle: RuncompareBundle) {
    const tables = widgetTables((trait) => (bundle[trait] ? base64Bytes(bundle[trait]) : null));
    const element: ViewElement | null = widgetView(bundle.view, tables, { ...bundle.options, state: bundle.state ?? null });
    if (!element) return this.showError(`runcompare has no view "${bundle.view}": update the runcompare JupyterLab extension.`);
    const box = document.createElement("div");
    box.append(...[noteLine(bundle.note), element].filter((child) => child !== null));
    this.node.replaceChildren(box);
    this.undo.push(() => element.destroy());
    this.takePictures(box, () => distinctRuns(tables.runs), LIVE_AGAIN.display);
  }

  /** A widget's output: its model's view once the model is on the page, its saved picture until then. */
  private showWidget(key: string) {
    const found = page().models.get(key);
    if (found) return this.showLive(key, found);
    const image = savedImage(this.mimeModel?.data["text/html"]);
    if (image) this.showSaved(image);
    else {
      this.node.replaceChildren(noteLine("Loading the view…")!);
      const patience = setTimeout(() => this.showSaved(null), MODEL_PATIENCE_MS);
      this.undo.push(() => clearTimeout(patience));
    }
    const stop = watchModels((changed) => {
      const registered = changed === key && page().models.get(key);
      if (!registered) return;
      this.reset();
      this.showLive(key, registered);
    });
    this.undo.push(stop);
  }

  private showLive(key: string, { model, version }: PageModel) {
    const el = document.createElement("div");
    this.node.replaceChildren(el);
    let cleanup: (() => void) | void;
    let stopped = false;
    widgetCode(model, version).then(
      (code) => {
        if (!stopped) cleanup = code.render({ model, el });
      },
      (error) => el.replaceChildren(errorBox(error instanceof Error ? error.message : String(error))),
    );
    // The model closed (the kernel restarted, or the widget was closed): back to the picture.
    const stop = watchModels((changed) => {
      if (changed !== key || page().models.has(key)) return;
      this.reset();
      this.showWidget(key);
    });
    this.undo.push(() => {
      stopped = true;
      stop();
      cleanup?.();
    });
    if (model.get("stored") === false) {
      this.saved = { image: null, plain: `runcompare ${model.get("view")}: its data is not saved in the notebook (store=False). ${LIVE_AGAIN.widget}` };
      return;
    }
    const schedule = this.takePictures(el, () => distinctRuns(model.get("runs") as DataView), LIVE_AGAIN.widget);
    const listeners: [string, () => void][] = [
      ["change:selected", () => schedule()],
      ["change:options", () => schedule()],
      ["change:runs", () => schedule(true)],
      ["change:scalars", () => schedule(true)],
    ];
    for (const [event, listener] of listeners) model.on(event, listener);
    this.undo.push(() => listeners.forEach(([event, listener]) => model.off(event, listener)));
  }

  /**
   * Keeps `saved` up to date with what `box` shows: a picture once the view has drawn, again
   * after each change the user makes in it. Returns the function that asks for a new picture
   * (of new data: the runs are counted again).
   */
  private takePictures(box: HTMLElement, countRuns: () => number, liveAgain: string): (newData?: boolean) => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let runs: number | null = null;
    const take = async () => {
      const view = box.querySelector<ViewElement>(".rc-view");
      // Tables still on their way from the kernel, or the output not yet on screen.
      if (!view || !view.isConnected) return schedule();
      runs ??= countRuns();
      const line = describe(view, runs);
      const image = runs <= PICTURE_MAX_RUNS ? await picture(view).catch(() => null) : null;
      if (!stopped) this.saved = { image, plain: `${line}. ${liveAgain}` };
    };
    const schedule = (newData = false) => {
      if (newData) runs = null;
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(() => void take(), PICTURE_DELAY_MS);
    };
    const events = ["input", "change", "pointerup", "keyup"];
    const onEvent = () => schedule();
    for (const event of events) box.addEventListener(event, onEvent, true);
    this.undo.push(() => {
      stopped = true;
      clearTimeout(timer);
      for (const event of events) box.removeEventListener(event, onEvent, true);
    });
    schedule();
    return schedule;
  }

  /** The saved picture and line, or the line alone; a widget output swaps them for the view once its model comes. */
  private showSaved(image: string | null) {
    const plain = this.mimeModel?.data["text/plain"];
    const figure = savedFigure({ image, plain: typeof plain === "string" ? plain : "A runcompare view: run the cell to see it." });
    figure.className = "rc-saved";
    figure.style.margin = "0";
    figure.querySelector("figcaption")!.style.cssText = LINE_STYLE;
    this.node.replaceChildren(figure);
  }

  private showError(message: string) {
    const box = document.createElement("div");
    box.className = "rc-view";
    box.append(viewStyle(), errorBox(message));
    this.node.replaceChildren(box);
  }
}

const extension: IRenderMime.IExtension = {
  id: "runcompare:mime-renderer",
  rendererFactory: {
    safe: true,
    mimeTypes: [MIME_TYPE],
    createRenderer: () => new ViewRenderer(),
  },
  // Before the widget view (-10), which would otherwise say "model not found" for a widget
  // whose state was not saved.
  rank: -20,
  dataType: "json",
};

export default extension;
