import { fontMeasure, type Measure } from "../../render/text.js";

/** The width of a text in pixels in a CSS font (render/text.ts measures it). */
export function textWidth(text: string, font: string): number {
  return fontMeasure(font)(text);
}

/**
 * The width of the widest of many texts (a thousand run names). When the font's digits are all
 * as wide (tabular figures, as UI fonts have them by default), texts that differ only in their
 * digits are as wide too, so each such shape is measured once: "run-0001" stands for
 * "run-0002" and the rest.
 */
export function widestText(texts: Iterable<string>, measure: Measure): number {
  const digit = measure("0");
  const evenDigits = [..."123456789"].every((d) => measure(d) === digit);
  const shapes = new Set<string>();
  for (const text of texts) shapes.add(evenDigits ? text.replace(DIGITS, "0") : text);
  let widest = 0;
  for (const shape of shapes) widest = Math.max(widest, measure(shape));
  return widest;
}
const DIGITS = /[0-9]/g;

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
