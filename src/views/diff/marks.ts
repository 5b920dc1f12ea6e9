import { matchRanges } from "../../data/search.js";

/** Appends text to an element as text nodes, with the search pattern's matches in <mark>. */
export function appendMarked(parent: HTMLElement, text: string, pattern: RegExp | null) {
  if (!pattern) {
    parent.append(text);
    return;
  }
  let at = 0;
  for (const [start, end] of matchRanges(text, pattern)) {
    if (start > at) parent.append(text.slice(at, start));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    at = end;
  }
  if (at < text.length) parent.append(text.slice(at));
}
