import { appendAll } from "./dom.js";
import type { RunColors } from "./color.js";

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
  // No xmlns attribute: the serializer declares the namespace of an element made in it (jsdom's
  // wrote a set one a second time, which no XML parser reads).
  const svg = svgElement("svg", { width, height, viewBox: `0 0 ${width} ${height}`, "font-family": theme.font, "font-size": 11 });
  svg.append(svgElement("rect", { width, height, fill: theme.background }));
  appendAll(svg, content);
  inlineCurrentColor(svg, theme.foreground);
  for (const text of svg.querySelectorAll("text")) if (!text.hasAttribute("fill")) text.setAttribute("fill", theme.foreground);
  return xmlSafe(new XMLSerializer().serializeToString(svg));
}

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

/** The colour key as SVG: a gradient bar with its ends, or swatches with labels. */
export function svgLegend(colors: RunColors, title: string, theme: ExportTheme, width: number): SVGGElement {
  const g = svgElement("g", { class: "legend", transform: "translate(8,16)" });
  const heading = svgElement("text", { "font-weight": 600, fill: theme.foreground });
  heading.textContent = title;
  g.append(heading);
  let x = Math.min(width / 3, 8 + title.length * 7);
  if (colors.legend.kind === "continuous") {
    const { domain, stops, format, log } = colors.legend;
    const id = "rc-legend-gradient";
    const gradient = svgElement("linearGradient", { id });
    stops.forEach((color, i) => gradient.append(svgElement("stop", { offset: `${(100 * i) / (stops.length - 1)}%`, "stop-color": color })));
    const defs = svgElement("defs");
    defs.append(gradient);
    const low = svgElement("text", { x, fill: theme.foreground });
    low.textContent = format(domain[0]);
    x += 8 + low.textContent.length * 6.5;
    const bar = svgElement("rect", { x, y: -9, width: 120, height: 10, rx: 2, fill: `url(#${id})` });
    const high = svgElement("text", { x: x + 128, fill: theme.foreground });
    high.textContent = format(domain[1]) + (log ? " (log)" : "");
    g.append(defs, low, bar, high);
    return g;
  }
  for (const { label, color } of colors.legend.entries) {
    if (x > width - 60) break;
    g.append(svgElement("rect", { x, y: -9, width: 10, height: 10, rx: 2, fill: color }));
    const text = svgElement("text", { x: x + 14, fill: theme.foreground });
    text.textContent = label;
    g.append(text);
    x += 24 + Math.min(label.length, 24) * 6.5;
  }
  return g;
}
