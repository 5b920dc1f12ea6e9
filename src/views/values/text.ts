/** Text measured in the font it is drawn in, for laying out exported SVG. */
let measureContext: CanvasRenderingContext2D | null | undefined;

/** The width of a text in pixels, measured on a canvas; estimated where there is none. */
export function textWidth(text: string, font: string): number {
  if (measureContext === undefined) {
    measureContext = typeof document === "undefined" ? null : document.createElement("canvas").getContext?.("2d") ?? null;
  }
  if (!measureContext) return text.length * 6.5;
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

/** Widths in a CSS font, for render/text.ts' fitText: measured where a canvas can, estimated elsewhere. */
export function fontMeasure(font: string): (text: string) => number {
  return (text) => textWidth(text, font);
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
