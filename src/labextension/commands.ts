import type { JupyterFrontEnd } from "@jupyterlab/application";
import type { ICommandPalette } from "@jupyterlab/apputils";
import { PathExt } from "@jupyterlab/coreutils";
import { svgToPng, type Exportable } from "../render/export.js";

type ExportableView = HTMLElement & Exportable;

export const COMMANDS = {
  svg: "runcompare:export-svg",
  png: "runcompare:export-png",
  copyPng: "runcompare:copy-png",
  csv: "runcompare:export-csv",
} as const;

/** The view a command acts on: the one right-clicked, else the first in the current tab. */
function viewTracker(app: JupyterFrontEnd) {
  let clicked: ExportableView | null = null;
  document.addEventListener("contextmenu", (event) => {
    clicked = ((event.target as Element).closest?.(".rc-view") as ExportableView | null) ?? null;
  }, true);
  return {
    fromMenu: () => clicked,
    current: () => (app.shell.currentWidget?.node.querySelector(".rc-view") as ExportableView | null) ?? null,
  };
}

/** The folder of the current notebook or file, where exports are written. */
function currentFolder(app: JupyterFrontEnd): { folder: string; stem: string } {
  const path = (app.shell.currentWidget as { context?: { path: string } } | null)?.context?.path ?? "";
  return { folder: PathExt.dirname(path), stem: path ? PathExt.basename(path, PathExt.extname(path)) : "runcompare" };
}

function viewName(view: HTMLElement): string {
  const kind = [...view.classList].find((name) => name.startsWith("rc-") && name !== "rc-view");
  return kind ? kind.slice(3) : "view";
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function addCommands(app: JupyterFrontEnd, palette: ICommandPalette | null, exportScale: () => number) {
  const views = viewTracker(app);
  const contents = app.serviceManager.contents;

  /** A path that names no existing file: quickstart-parallel.svg, then quickstart-parallel-2.svg, ... */
  const freePath = async (folder: string, base: string, extension: string) => {
    for (let n = 1; ; n++) {
      const path = PathExt.join(folder, `${base}${n > 1 ? `-${n}` : ""}.${extension}`);
      try {
        await contents.get(path, { content: false });
      } catch {
        return path;
      }
    }
  };

  const save = async (view: ExportableView, extension: string, format: "text" | "base64", content: string) => {
    const { folder, stem } = currentFolder(app);
    const path = await freePath(folder, `${stem}-${viewName(view)}`, extension);
    await contents.save(path, { type: "file", format, content });
    return path;
  };

  const png = async (view: ExportableView) => new Uint8Array(await (await svgToPng(view.exportSVG(), exportScale())).arrayBuffer());

  const add = (id: string, label: string, action: (view: ExportableView) => Promise<unknown>) => {
    app.commands.addCommand(id, {
      label,
      caption: `${label} (runcompare)`,
      isEnabled: () => !!(views.fromMenu() ?? views.current()),
      execute: async () => {
        const view = views.fromMenu() ?? views.current();
        return view ? action(view) : undefined;
      },
    });
    app.contextMenu.addItem({ command: id, selector: ".rc-view", rank: 50 });
    palette?.addItem({ command: id, category: "Run comparison" });
  };

  add(COMMANDS.svg, "Export view as SVG", (view) => save(view, "svg", "text", view.exportSVG()));
  add(COMMANDS.png, "Export view as PNG", async (view) => save(view, "png", "base64", base64(await png(view))));
  add(COMMANDS.copyPng, "Copy view as PNG", async (view) => {
    const blob = new Blob([(await png(view)) as BlobPart], { type: "image/png" });
    await navigator.clipboard.write([new ClipboardItem({ "image/png": blob })]);
  });
  add(COMMANDS.csv, "Export data as CSV", (view) => save(view, "csv", "text", view.exportCSV()));
}
