/**
 * What a view's output is saved with, for readers who cannot draw the view: a small picture and
 * a line of text, as text/html (GitHub, nbconvert) and text/plain.
 */
export interface Saved {
  /** The picture, as a data: URL, or null when there is none (a view whose data is not saved). */
  image: string | null;
  plain: string;
}

/** The picture above the line, built as elements, never from strings. */
export function savedFigure({ image, plain }: Saved): HTMLElement {
  const figure = document.createElement("figure");
  if (image) {
    const img = document.createElement("img");
    img.src = image;
    img.alt = "A picture of the runcompare view";
    img.style.maxWidth = "100%";
    figure.append(img);
  }
  const caption = document.createElement("figcaption");
  caption.textContent = plain;
  figure.append(caption);
  return figure;
}

/** The figure as saved in text/html. */
export const figureHTML = (saved: Saved) => savedFigure(saved).outerHTML;

/** The picture an output was saved with, read back from its text/html (only a data: image is taken). */
export function savedImage(html: unknown): string | null {
  if (typeof html !== "string") return null;
  const src = new DOMParser().parseFromString(html, "text/html").querySelector("img")?.getAttribute("src") ?? "";
  return src.startsWith("data:image/") ? src : null;
}
