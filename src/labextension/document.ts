import { ABCWidgetFactory, DocumentWidget, type DocumentRegistry, type IDocumentWidget } from "@jupyterlab/docregistry";
import { Widget } from "@lumino/widgets";
import { loadTable, type LoadedTable, type TableKind } from "../data/files.js";
import { errorBox } from "../render/error.js";
import { viewStyle } from "../render/style.js";
import type { ViewElement } from "../render/view.js";
import { VIEWS, viewOf, type ViewEntry } from "../views/registry.js";
import { base64Bytes } from "./mime.js";

/** The views a file of each kind can open as (those whose first table is of that kind), by label; the first one by default. */
function fileViews(kind: TableKind): ViewEntry[] {
  return VIEWS.filter((entry) => entry.schema["x-data"].table === kind);
}

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
    const entries = fileViews(this.table.kind);
    this.picker.replaceChildren(...entries.map((entry) => new Option(entry.schema["x-label"], entry.schema.title)));
    this.showView(entries[0].schema.title);
  }

  private showView(name: string) {
    this.view?.destroy();
    this.view = viewOf(
      fileViews(this.table!.kind).find((entry) => entry.schema.title === name)!,
      this.table!.data,
    );
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
