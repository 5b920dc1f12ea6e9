import EXPORT from "../../schema/export.json" with { type: "json" };
import { checkOptions, defaultOptions, type ViewSchema } from "../data/schema.js";
import { CATEGORICAL } from "./color.js";
import { SVG_NS, svgElement, xmlSafe } from "./svg.js";
import { placeLegend, type LegendPosition } from "./svg-legend.js";

/**
 * Publication options for an exported figure (schema/export.json, which Python checks alike):
 * size in px, in or cm, PNG resolution, font, title, legend, background, theme, palette. The
 * toolbar's export, the headless renderer and Python's `w.save()` all apply them here, to the
 * SVG a view exports.
 */
export interface Publication {
  width: number | null;
  height: number | null;
  unit: "px" | "in" | "cm";
  dpi: number;
  fontFamily: string | null;
  fontSize: number | null;
  title: string | null;
  legend: LegendPosition;
  transparent: boolean;
  theme: "light" | "dark" | null;
  palette: "default" | "colorblind";
}

export const exportSchema = EXPORT as unknown as ViewSchema;

/** The options given, checked against the schema (the words Python raises too), over the defaults. */
export function publication(options: Readonly<Record<string, unknown>> = {}): Publication {
  return { ...defaultOptions(exportSchema), ...checkOptions(exportSchema, options) } as unknown as Publication;
}

/**
 * JupyterLab's theme variables as the views read them: light (the views' own fallbacks) and dark
 * (those of tests/browser/helpers.js), for a figure in a theme other than the page's.
 */
export const THEMES: Record<"light" | "dark", Record<string, string>> = {
  light: {
    "--jp-layout-color0": "#ffffff",
    "--jp-layout-color1": "#f6f8fa",
    "--jp-layout-color2": "#eaeef2",
    "--jp-ui-font-color1": "#1f2328",
    "--jp-ui-font-color2": "#59636e",
    "--jp-border-color2": "#d0d7de",
    "--jp-brand-color1": "#0969da",
  },
  dark: {
    "--jp-layout-color0": "#111111",
    "--jp-layout-color1": "#1e1e1e",
    "--jp-layout-color2": "#2a2a2a",
    "--jp-ui-font-color1": "rgba(255, 255, 255, 0.87)",
    "--jp-ui-font-color2": "rgba(255, 255, 255, 0.54)",
    "--jp-border-color2": "#424242",
    "--jp-brand-color1": "#4a9eff",
  },
};

/** What `draw` returns, drawn with the view in the options' theme (the page's when null). */
export function inTheme<T>(view: HTMLElement, theme: Publication["theme"], draw: () => T): T {
  if (!theme) return draw();
  const before = view.getAttribute("style");
  for (const [name, value] of Object.entries(THEMES[theme])) view.style.setProperty(name, value);
  try {
    return draw();
  } finally {
    if (before === null) view.removeAttribute("style");
    else view.setAttribute("style", before);
  }
}

/** CSS pixels per unit. */
const PIXELS: Record<Publication["unit"], number> = { px: 1, in: 96, cm: 96 / 2.54 };

/** A length of the options in CSS pixels (null stays null). */
export const inPixels = (length: number | null, unit: Publication["unit"]) => (length === null ? null : length * PIXELS[unit]);

/** Okabe and Ito's colours but black (which a dark background hides). */
export const COLORBLIND: readonly string[] = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"];

/** The label size the views draw in, which `fontSize` scales from. */
const LABEL_SIZE = 11;
const TITLE_SIZE = 16;

/**
 * The SVG document a view exported, as the options ask: colours, font, legend, background and
 * title applied, and its outer size set in the options' unit (the drawing scaled to it).
 */
export function publish(svg: string, options: Publication): string {
  const root = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement as unknown as SVGSVGElement;
  if (options.palette === "colorblind") recolor(root);
  if (options.fontFamily) {
    root.setAttribute("font-family", options.fontFamily);
    for (const element of root.querySelectorAll("[font-family]")) element.setAttribute("font-family", options.fontFamily);
  }
  if (options.fontSize) scaleFonts(root, options.fontSize / LABEL_SIZE);
  // After the font: the legend is laid out in the one it is drawn in.
  placeLegend(root, options.legend);
  const [width, height] = (root.getAttribute("viewBox") ?? `0 0 ${root.getAttribute("width")} ${root.getAttribute("height")}`)
    .split(/\s+/)
    .slice(2)
    .map(Number);
  const background = root.querySelector(":scope > rect");
  const top = options.title ? addTitle(root, options.title, width, options.fontSize ? (TITLE_SIZE * options.fontSize) / LABEL_SIZE : TITLE_SIZE) : 0;
  const box = { width, height: height + top };
  root.setAttribute("viewBox", `0 0 ${box.width} ${box.height}`);
  if (background) {
    if (options.transparent) background.remove();
    else background.setAttribute("height", String(box.height));
  }
  const [outerWidth, outerHeight] = outerSize(box, options);
  root.setAttribute("width", outerWidth);
  root.setAttribute("height", outerHeight);
  return xmlSafe(new XMLSerializer().serializeToString(root));
}

/** The figure's size as width and height attributes: in the options' unit, the aspect kept unless both are given. */
function outerSize(box: { width: number; height: number }, { width, height, unit }: Publication): [string, string] {
  if (width === null && height === null) return [String(box.width), String(box.height)];
  const w = width ?? (height! * box.width) / box.height;
  const h = height ?? (w * box.height) / box.width;
  const text = (length: number) => `${+length.toFixed(3)}${unit === "px" ? "" : unit}`;
  return [text(w), text(h)];
}

/** The views' categorical colours swapped for Okabe and Ito's, index for index. */
function recolor(root: Element) {
  const swap = new Map(CATEGORICAL.map((color, i) => [color.toLowerCase(), COLORBLIND[i % COLORBLIND.length]]));
  for (const element of [root, ...root.querySelectorAll("*")]) {
    for (const attribute of ["fill", "stroke", "stop-color"]) {
      const color = element.getAttribute(attribute)?.toLowerCase();
      const swapped = color === undefined ? undefined : swap.get(color);
      if (swapped) element.setAttribute(attribute, swapped);
    }
  }
}

/** Every font size (the root's default, and each one set) times `factor`. */
function scaleFonts(root: Element, factor: number) {
  if (!root.hasAttribute("font-size")) root.setAttribute("font-size", String(LABEL_SIZE));
  for (const element of [root, ...root.querySelectorAll("[font-size]")]) {
    const size = Number.parseFloat(element.getAttribute("font-size")!);
    if (Number.isFinite(size)) element.setAttribute("font-size", String(+(size * factor).toFixed(2)));
  }
}

/** A title above the drawing, which moves down by the title's height; returns that height. */
function addTitle(root: Element, title: string, width: number, size: number): number {
  const height = Math.ceil(size * 1.8);
  // In the colour most of the figure's text is in: the theme's foreground.
  const fills = new Map<string, number>();
  for (const label of root.querySelectorAll("text[fill]")) fills.set(label.getAttribute("fill")!, (fills.get(label.getAttribute("fill")!) ?? 0) + 1);
  const foreground = [...fills].sort((a, b) => b[1] - a[1])[0]?.[0];
  const content = root.ownerDocument.createElementNS(SVG_NS, "g");
  content.setAttribute("transform", `translate(0,${height})`);
  const background = root.querySelector(":scope > rect");
  for (const child of [...root.childNodes]) if (child !== background && (child as Element).localName !== "defs") content.append(child);
  const text = svgElement("text", {
    class: "rc-title",
    x: width / 2,
    y: Math.round(size * 1.25),
    "text-anchor": "middle",
    "font-size": size,
    "font-weight": 600,
  });
  text.textContent = title;
  if (foreground) text.setAttribute("fill", foreground);
  root.append(root.ownerDocument.importNode(text, true), content);
  return height;
}
