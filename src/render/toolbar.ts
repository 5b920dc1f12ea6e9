import { exportView, type ExportFormat, type Exportable } from "./export.js";

/**
 * The row above a view: its own controls first, then SVG / PNG / CSV exports named after the
 * view, `name` (see exportView: next to the notebook in JupyterLab, else downloads). Returns the
 * row and the element where a view puts its controls.
 */
export function toolbar(view: Exportable, name: string): { bar: HTMLElement; controls: HTMLElement } {
  const bar = document.createElement("div");
  bar.className = "rc-toolbar";
  const controls = document.createElement("div");
  controls.className = "rc-controls";
  const exports = document.createElement("div");
  exports.className = "rc-exports";
  const button = (format: ExportFormat, title: string) => {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = format.toUpperCase();
    element.title = title;
    // The notice says what failed; nothing is left to catch.
    element.addEventListener("click", () => void exportView(bar.closest<HTMLElement>(".rc-view") ?? bar, view, format, name).catch(() => {}));
    exports.append(element);
  };
  button("svg", "Save the view as SVG (vector)");
  button("png", "Save the view as PNG");
  button("csv", "Save the values shown as CSV");
  bar.append(controls, exports);
  return { bar, controls };
}
