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

/** The text cut with an ellipsis to fit a width. */
export function fitText(text: string, width: number, font: string): string {
  if (textWidth(text, font) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(text.slice(0, middle) + "…", font) <= width) low = middle;
    else high = middle - 1;
  }
  return text.slice(0, low) + "…";
}

/** The text cut in the middle with an ellipsis to fit a width: names that differ at the end stay told apart. */
export function fitMiddle(text: string, width: number, font: string): string {
  if (textWidth(text, font) <= width) return text;
  let low = 0;
  let high = text.length;
  const cut = (keep: number) => text.slice(0, Math.ceil(keep / 2)) + "…" + text.slice(text.length - Math.floor(keep / 2));
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(cut(middle), font) <= width) low = middle;
    else high = middle - 1;
  }
  return cut(low);
}

/** The text broken at spaces into lines that fit a width, at most maxLines, the last cut with an ellipsis if need be. */
export function wrapText(text: string, width: number, font: string, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (textWidth(joined, font) <= width || !line) {
      line = joined;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line || !lines.length) lines.push(line);
  // A word wider than the line is cut; the lines beyond the last are cut into it.
  const kept = lines.length > maxLines ? [...lines.slice(0, maxLines - 1), lines.slice(maxLines - 1).join(" ")] : lines;
  return kept.map((l) => fitText(l, width, font));
}

/** The narrowest width, in steps from min up to max, at which the text wraps onto at most maxLines whole lines; max if none. */
export function widthForLines(text: string, font: string, maxLines: number, min: number, max: number, step = 8): number {
  for (let width = min; width < max; width += step) {
    const lines = wrapText(text, width, font, Infinity);
    if (lines.length <= maxLines && !lines.some((line) => line.endsWith("…"))) return width;
  }
  return max;
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
