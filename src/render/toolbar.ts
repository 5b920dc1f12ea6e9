import { csvBlob, download, svgBlob, svgToPng, type Exportable } from "./export.js";

/**
 * The row above a view: its own controls first, then SVG / PNG / CSV downloads named after
 * the view. Returns the row and the element where a view puts its controls.
 */
export function toolbar(view: Exportable, name: string): { bar: HTMLElement; controls: HTMLElement } {
  const bar = document.createElement("div");
  bar.className = "rc-toolbar";
  const controls = document.createElement("div");
  controls.className = "rc-controls";
  const exports = document.createElement("div");
  exports.className = "rc-exports";
  const button = (label: string, title: string, action: () => Promise<void> | void) => {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    element.title = title;
    element.addEventListener("click", () => void action());
    exports.append(element);
  };
  button("SVG", "Download the view as SVG (vector)", () => download(`${name}.svg`, svgBlob(view.exportSVG())));
  button("PNG", "Download the view as PNG (2x pixel ratio)", async () => download(`${name}.png`, await svgToPng(view.exportSVG())));
  button("CSV", "Download the values shown as CSV", () => download(`${name}.csv`, csvBlob(view.exportCSV())));
  bar.append(controls, exports);
  return { bar, controls };
}
