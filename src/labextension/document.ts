import { ABCWidgetFactory, DocumentWidget, type DocumentRegistry, type IDocumentWidget } from "@jupyterlab/docregistry";
import { Widget } from "@lumino/widgets";
import { loadTable, type LoadedTable, type TableKind } from "../data/files.js";
import { errorBox } from "../render/error.js";
import { viewStyle } from "../render/style.js";
import { parallel } from "../views/parallel/index.js";
import { diff } from "../views/diff/index.js";
import { scalars } from "../views/scalars/index.js";
import { scatter } from "../views/scatter/index.js";
import { summary } from "../views/summary/index.js";
import { table } from "../views/table/index.js";
import { values } from "../views/values/index.js";
import { base64Bytes } from "./mime.js";

interface ViewElement extends HTMLElement {
  destroy(): void;
}

/** The views a file of each kind can open as, first one by default. */
const FILE_VIEWS: Record<TableKind, Record<string, (table: LoadedTable) => ViewElement>> = {
  runs: {
    "Parallel coordinates": (table) => parallel(table.data),
    Scatter: (table) => scatter(table.data),
    "Summary bars": (table) => summary(table.data),
    "Side-by-side diff": (table) => diff(table.data),
    "Runs table": (loaded) => table(loaded.data),
  },
  scalars: {
    "Learning curves": (table) => scalars(table.data),
    "Values table": (table) => values(table.data),
  },
};

/** A runs or scalars file (Arrow IPC or Parquet) shown as a comparison view, with a picker for the view. */
export class ComparisonPanel extends Widget {
  readonly picker = document.createElement("select");
  private view: ViewElement | null = null;
  private table: LoadedTable | null = null;

  constructor(private readonly context: DocumentRegistry.IContext<DocumentRegistry.IModel>) {
    super();
    this.addClass("rc-document");
    this.node.style.overflow = "auto";
    this.node.style.padding = "8px";
    this.picker.title = "Show the file as";
    this.picker.addEventListener("change", () => this.showView(this.picker.value));
    void context.ready.then(() => this.load());
    context.model.contentChanged.connect(() => void this.load());
  }

  private async load() {
    try {
      this.table = await loadTable(base64Bytes(this.context.model.toString()));
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    const names = Object.keys(FILE_VIEWS[this.table.kind]);
    this.picker.replaceChildren(...names.map((name) => new Option(name, name)));
    this.showView(names[0]);
  }

  private showView(name: string) {
    this.view?.destroy();
    this.view = FILE_VIEWS[this.table!.kind][name](this.table!);
    this.node.replaceChildren(this.view);
  }

  private fail(message: string) {
    this.view?.destroy();
    this.view = null;
    const wrapper = document.createElement("div");
    wrapper.className = "rc-view";
    wrapper.append(viewStyle(), errorBox(message));
    this.node.replaceChildren(wrapper);
  }

  dispose(): void {
    this.view?.destroy();
    super.dispose();
  }
}

export const FACTORY_NAME = "Run comparison";

export class ComparisonFactory extends ABCWidgetFactory<IDocumentWidget<ComparisonPanel>> {
  protected createNewWidget(context: DocumentRegistry.IContext<DocumentRegistry.IModel>): IDocumentWidget<ComparisonPanel> {
    const content = new ComparisonPanel(context);
    const widget = new DocumentWidget({ content, context });
    widget.toolbar.addItem("view", new Widget({ node: content.picker }));
    return widget;
  }
}
