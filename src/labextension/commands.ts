import type { JupyterFrontEnd } from "@jupyterlab/application";
import type { ICommandPalette } from "@jupyterlab/apputils";
import { exportBlob, exportView, type Exportable, type ExportFormat } from "../render/export.js";

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
  document.addEventListener(
    "contextmenu",
    (event) => {
      clicked = ((event.target as Element).closest?.(".rc-view") as ExportableView | null) ?? null;
    },
    true,
  );
  return {
    fromMenu: () => clicked,
    current: () => (app.shell.currentWidget?.node.querySelector(".rc-view") as ExportableView | null) ?? null,
  };
}

/** The export commands, on a view's context menu and in the palette: they save as the view's toolbar does (see exportView). */
export function addCommands(app: JupyterFrontEnd, palette: ICommandPalette | null) {
  const views = viewTracker(app);

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

  const save = (format: ExportFormat) => async (view: ExportableView) => (await exportView(view, view, format)).path;
  add(COMMANDS.svg, "Export view as SVG", save("svg"));
  add(COMMANDS.png, "Export view as PNG", save("png"));
  add(COMMANDS.copyPng, "Copy view as PNG", async (view) => {
    await navigator.clipboard.write([new ClipboardItem({ "image/png": await exportBlob(view, "png") })]);
  });
  add(COMMANDS.csv, "Export data as CSV", save("csv"));
}
