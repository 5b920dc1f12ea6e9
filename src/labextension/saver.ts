import type { JupyterFrontEnd } from "@jupyterlab/application";
import { PathExt } from "@jupyterlab/coreutils";
import type { Saver } from "../render/export.js";

/** The path of the document (notebook or run file) that shows `node`, or "" when none does. */
export function documentPath(app: JupyterFrontEnd, node: Node): string {
  for (const widget of app.shell.widgets("main")) {
    const path = (widget as { context?: { path?: string } }).context?.path;
    if (path !== undefined && widget.node.contains(node)) return path;
  }
  return "";
}

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Writes exports next to the document that shows the view, as <document>-<view>.<extension>
 * (then -2, -3, ... rather than overwrite), through the server's contents API.
 */
export function labSaver(app: JupyterFrontEnd): Saver {
  const contents = app.serviceManager.contents;
  const exists = (path: string) =>
    contents.get(path, { content: false }).then(
      () => true,
      () => false,
    );
  return async (view, { base, extension, name }, content) => {
    const document = documentPath(app, view);
    const folder = PathExt.dirname(document);
    const stem = document ? PathExt.basename(document, PathExt.extname(document)) : "runcompare";
    let path = PathExt.join(folder, name ?? `${stem}-${base}.${extension}`);
    for (let n = 2; !name && (await exists(path)); n++) path = PathExt.join(folder, `${stem}-${base}-${n}.${extension}`);
    const text = extension === "svg" || extension === "csv" || extension === "json";
    await contents.save(path, { type: "file", format: text ? "text" : "base64", content: text ? await content.text() : await base64(content) });
    const where = document ? `next to ${PathExt.basename(document)}` : "in the home folder";
    return { path, notice: `Saved ${PathExt.basename(path)} ${where}` };
  };
}
