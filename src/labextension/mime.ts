import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import { parallel, type ParallelElement, type ParallelOptions } from "../views/parallel/index.js";

/**
 * A view as notebook output that needs no widget comm: any kernel can display it, and it
 * renders again from the saved notebook with no kernel at all.
 */
export const MIME_TYPE = "application/vnd.runcompare.v1+json";

export interface RuncompareBundle {
  view: "parallel";
  /** The runs table as base64 Arrow IPC stream bytes. */
  runs: string;
  options?: ParallelOptions;
}

const views = { parallel };

export function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

class ViewRenderer extends Widget implements IRenderMime.IRenderer {
  private element: ParallelElement | null = null;

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const bundle = model.data[MIME_TYPE] as unknown as RuncompareBundle;
    this.element?.destroy();
    const view = views[bundle.view] ?? parallel;
    this.element = view(base64Bytes(bundle.runs), bundle.options ?? {});
    this.node.replaceChildren(this.element);
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
