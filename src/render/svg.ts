import { appendAll } from "./dom.js";

export const SVG_NS = "http://www.w3.org/2000/svg";

export function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** The colours a standalone file needs, read from the view's resolved CSS. */
export interface ExportTheme {
  foreground: string;
  muted: string;
  background: string;
  font: string;
}

export function exportTheme(element: Element): ExportTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    foreground: read("--rc-fg", "#1f2328"),
    muted: read("--rc-fg-muted", "#59636e"),
    background: read("--rc-bg", "#ffffff"),
    font: style.fontFamily || "sans-serif",
  };
}

/** A standalone SVG document: background, default text style, and the given content. */
export function svgDocument(width: number, height: number, theme: ExportTheme, content: readonly Element[]): string {
  return serializeSVG(svgRoot(width, height, theme, content));
}

/** The root of a standalone SVG document, `width` by `height`: its background, default text style and colours, and the content. */
export function svgRoot(width: number, height: number, theme: ExportTheme, content: readonly Element[]): SVGSVGElement {
  // No xmlns attribute: the serializer declares the namespace of an element made in it (jsdom's
  // wrote a set one a second time, which no XML parser reads).
  const svg = svgElement("svg", { width, height, viewBox: `0 0 ${width} ${height}`, "font-family": theme.font, "font-size": 11 });
  svg.append(svgElement("rect", { width, height, fill: theme.background }));
  appendAll(svg, content);
  inlineCurrentColor(svg, theme.foreground);
  for (const text of svg.querySelectorAll("text")) if (!text.hasAttribute("fill")) text.setAttribute("fill", theme.foreground);
  return svg;
}

/** An SVG element as the text of a file. */
export const serializeSVG = (svg: Element) => xmlSafe(new XMLSerializer().serializeToString(svg));

/**
 * Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE and
 * U+FFFF) replaced by U+FFFD: the browser's serializer writes them as they are, and a file with
 * one is not an image (the PNG export could not decode it).
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what it replaces
  return text.replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/gu, "\uFFFD");
}

/** d3 axes draw in currentColor, which a file opened on its own does not know. */
function inlineCurrentColor(svg: SVGSVGElement, color: string) {
  for (const attribute of ["fill", "stroke"]) {
    for (const element of svg.querySelectorAll(`[${attribute}="currentColor"]`)) element.setAttribute(attribute, color);
  }
}
