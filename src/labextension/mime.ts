import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import { errorBox } from "../render/error.js";
import { viewStyle } from "../render/style.js";
import { noteLine } from "../widget/note.js";
import { views, type ViewElement } from "../widget/views.js";

/**
 * A view as notebook output that needs no widget comm: any kernel can display it, and it
 * renders again from the saved notebook with no kernel at all.
 */
export const MIME_TYPE = "application/vnd.runcompare.v1+json";

export interface RuncompareBundle {
  view: string;
  /** The runs table as base64 Arrow IPC stream bytes. */
  runs: string;
  /** The scalars table likewise, or null. */
  scalars?: string | null;
  options?: Record<string, unknown>;
  /** A line shown above the view, such as how the curves were reduced. */
  note?: string;
}

export function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

class ViewRenderer extends Widget implements IRenderMime.IRenderer {
  private element: ViewElement | null = null;

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const bundle = model.data[MIME_TYPE] as unknown as RuncompareBundle;
    this.element?.destroy();
    this.element = null;
    const make = views[bundle.view];
    if (!make) {
      const box = document.createElement("div");
      box.className = "rc-view";
      box.append(viewStyle(), errorBox(`runcompare has no view "${bundle.view}": update the runcompare JupyterLab extension.`));
      this.node.replaceChildren(box);
      return;
    }
    const tables = { runs: base64Bytes(bundle.runs), scalars: bundle.scalars ? base64Bytes(bundle.scalars) : null };
    this.element = make(tables, bundle.options ?? {});
    this.node.replaceChildren(...[noteLine(bundle.note), this.element].filter((child) => child !== null));
  }

  dispose(): void {
    this.element?.destroy();
    this.element = null;
    super.dispose();
  }
}

const extension: IRenderMime.IExtension = {
  id: "runcompare:mime-renderer",
  rendererFactory: {
    safe: true,
    mimeTypes: [MIME_TYPE],
    createRenderer: () => new ViewRenderer(),
  },
  rank: 0,
  dataType: "json",
};

export default extension;
