import { exportDialog } from "./export-dialog.js";
import { exportView, type ExportFormat, type Exportable } from "./export.js";

/**
 * The row atop a view: its own controls first, then SVG / PNG / CSV exports of `view` named
 * after it, `name` (see exportView: next to the notebook in JupyterLab, else downloads), the
 * "Export…" panel of publication options, and the exports of the view's own. Returns the row, the
 * places for the controls and the exports of the view's own, and what stops the panel's listeners.
 * While the view shows an error its exports say so, in the notice.
 */
export function toolbar(view: Exportable & HTMLElement, name: string): { bar: HTMLElement; controls: HTMLElement; exports: HTMLElement; destroy: () => void } {
  const bar = document.createElement("div");
  bar.className = "rc-toolbar";
  const controls = document.createElement("div");
  controls.className = "rc-controls";
  const group = document.createElement("div");
  group.className = "rc-exports";
  const exports = document.createElement("span");
  exports.className = "rc-own-exports";
  const button = (format: ExportFormat, title: string) => {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = format.toUpperCase();
    element.title = title;
    // The notice says what failed; nothing is left to catch.
    element.addEventListener("click", () => void exportView(view, view, format, name).catch(() => {}));
    return element;
  };
  const dialog = exportDialog(view, name);
  group.append(
    button("svg", "Save the view as SVG (vector)"),
    button("png", "Save the view as PNG"),
    button("csv", "Save the values shown as CSV"),
    dialog.element,
    exports,
  );
  bar.append(controls, group);
  return { bar, controls, exports, destroy: dialog.destroy };
}
