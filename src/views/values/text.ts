import { fontMeasure } from "../../render/text.js";

/** The width of a text in pixels in a CSS font (render/text.ts measures it). */
export function textWidth(text: string, font: string): number {
  return fontMeasure(font)(text);
}

/**
 * Appends a name as text with a line-break opportunity (<wbr>) after each "/", "_", "-" and ".",
 * so that long metric and run names wrap where a reader expects; the text itself is unchanged.
 */
export function appendBreakable(element: HTMLElement, name: string) {
  const parts = name.split(/(?<=[/_.-])(?=\S)/);
  parts.forEach((part, i) => {
    if (i) element.append(document.createElement("wbr"));
    element.append(part);
  });
}
