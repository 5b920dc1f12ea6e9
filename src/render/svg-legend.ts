import type { RunColors } from "./color.js";
import { svgElement, svgRoot, serializeSVG, type ExportTheme } from "./svg.js";
import { fontMeasure } from "./text.js";
import { thousands } from "../data/thousands.js";

/**
 * The legends of exported figures, placed in one place for every view: a view exports its drawing
 * (the body, its size given) and its legend as blocks of entries, `svgFigure` lays the legend out
 * where the view puts it ("auto"), and `placeLegend` lays it out anew where the publication options
 * ask (top, right, bottom, left or none) and in their font, measuring its text in that font. The
 * legend never covers the body: the figure grows by the legend's box on that side.
 *
 *   <svg> <rect/> <g class="rc-body" data-width data-height>…</g>
 *         <g class="rc-legend" data-auto="top"> <g class="rc-legend-block" data-flow="grid|inline">
 *           <g class="rc-legend-entry" data-lead="14" data-key-height="10"> <g class="rc-legend-key">…</g> <text/> </g> …
 */

export type LegendPosition = "auto" | "top" | "right" | "bottom" | "left" | "none";
export type LegendSide = Exclude<LegendPosition, "auto" | "none">;

/** A legend row's height at the views' 11px labels; it grows with the font. */
const ROW = 16;
/** Between the legend and the body, and between the legend's columns. */
const GAP = 12;
/** The legend's distance from the figure's edge. */
const MARGIN = 8;
/** Between a key and its label. */
const KEY_GAP = 4;
/** A legend of swatches (a categorical colour key, the runs of the curves) lists this many entries at most, then how many more there are. */
const MAX_ENTRIES = 40;
const LABEL_SIZE = 11;

/**
 * One legend entry: a key `lead` pixels wide and `keyHeight` high (a swatch, a circle; none for a
 * heading or a number), then its label as text.
 */
export function legendEntry(key: readonly Element[], lead: number, label: string, { heading = false, keyHeight = 10 } = {}): SVGGElement {
  const entry = svgElement("g", { class: heading ? "rc-legend-entry rc-legend-heading" : "rc-legend-entry", "data-lead": lead, "data-key-height": keyHeight });
  const keyGroup = svgElement("g", { class: "rc-legend-key" });
  keyGroup.append(...key);
  const text = svgElement("text", { x: lead ? lead + KEY_GAP : 0 });
  if (heading) text.setAttribute("font-weight", "600");
  text.textContent = label;
  entry.append(keyGroup, text);
  return entry;
}

/** A colour swatch's entry. */
export const swatchEntry = (color: string, label: string) => legendEntry([svgElement("rect", { width: 10, height: 10, rx: 2, fill: color })], 10, label);

/** A block of entries under an optional heading: laid out in a grid of equal columns, or inline (each its own width, kept on one row). */
export function legendBlock(heading: string | null, entries: readonly SVGGElement[], flow: "grid" | "inline" = "grid"): SVGGElement {
  const block = svgElement("g", { class: "rc-legend-block", "data-flow": flow });
  if (heading) block.append(legendEntry([], 0, heading, { heading: true }));
  block.append(...entries);
  return block;
}

/** The colour key: a gradient bar between its ends for a numeric column, swatches for categories. */
export function svgColorLegend(colors: RunColors, title: string): SVGGElement {
  if (colors.legend.kind === "continuous") {
    const { domain, stops, format, log } = colors.legend;
    const id = "rc-legend-gradient";
    const gradient = svgElement("linearGradient", { id });
    stops.forEach((color, i) => gradient.append(svgElement("stop", { offset: `${(100 * i) / (stops.length - 1)}%`, "stop-color": color })));
    const defs = svgElement("defs");
    defs.append(gradient);
    const bar = legendEntry([defs, svgElement("rect", { width: 120, height: 10, rx: 2, fill: `url(#${id})` })], 120, "");
    return legendBlock(title, [legendEntry([], 0, format(domain[0])), bar, legendEntry([], 0, format(domain[1]) + (log ? " (log)" : ""))], "inline");
  }
  return legendBlock(title, swatchEntries(colors.legend.entries));
}

/** A swatch entry for each of `entries` up to MAX_ENTRIES, then how many more there are. */
export function swatchEntries(entries: readonly { readonly color: string; readonly label: string }[]): SVGGElement[] {
  const shown = entries.slice(0, MAX_ENTRIES).map(({ label, color }) => swatchEntry(color, label));
  if (entries.length > MAX_ENTRIES) shown.push(legendEntry([], 0, `and ${thousands(entries.length - MAX_ENTRIES)} more`));
  return shown;
}

/**
 * A figure with a legend as a standalone SVG document: the body (`width` by `height`, its marks
 * and axis labels inside that box) and the legend's blocks placed on the view's side `auto`.
 */
export function svgFigure(
  theme: ExportTheme,
  body: { width: number; height: number; content: readonly Element[] },
  blocks: readonly SVGGElement[],
  auto: LegendSide,
): string {
  const bodyGroup = svgElement("g", { class: "rc-body", "data-width": body.width, "data-height": body.height });
  bodyGroup.append(...body.content);
  const legend = svgElement("g", { class: "rc-legend", "data-auto": auto });
  legend.append(...blocks);
  const root = svgRoot(body.width, body.height, theme, [bodyGroup, legend]);
  placeLegend(root, "auto");
  return serializeSVG(root);
}

/** A cell of the legend's layout: an entry, its width and height, and where it goes. */
interface Cell {
  entry: Element;
  width: number;
  height: number;
  x: number;
  y: number;
}

/**
 * Lays out the legend of an exported figure (made by `svgFigure`) at `position`, in the font its
 * root now gives, and sizes the figure to the body and the legend. Returns false for a figure
 * without one (a view that has no legend): nothing is changed.
 */
export function placeLegend(root: Element, position: LegendPosition): boolean {
  const body = root.querySelector(":scope > .rc-body");
  const legend = root.querySelector(":scope > .rc-legend");
  if (!body || !legend) return false;
  const bodyWidth = Number(body.getAttribute("data-width"));
  const bodyHeight = Number(body.getAttribute("data-height"));
  const side = (position === "auto" ? legend.getAttribute("data-auto") : position) as LegendSide | "none";
  const blocks = [...legend.querySelectorAll(":scope > .rc-legend-block")].filter((block) => block.children.length);
  if (side === "none" || !blocks.length) {
    legend.remove();
    body.removeAttribute("transform");
    sizeRoot(root, bodyWidth, bodyHeight);
    return true;
  }
  const size = Number.parseFloat(root.getAttribute("font-size") ?? "") || LABEL_SIZE;
  const row = Math.max(ROW, Math.ceil(size * 1.45));
  const family = root.getAttribute("font-family") ?? "sans-serif";
  const measures = [400, 600].map((weight) => fontMeasure(`${weight} ${size}px ${family}`));
  const cells = blocks.map((block) =>
    [...block.children].map((entry): Cell => {
      const lead = Number(entry.getAttribute("data-lead"));
      const label = entry.querySelector(":scope > text")!;
      const text = label.textContent ? measures[label.hasAttribute("font-weight") ? 1 : 0](label.textContent) : 0;
      const keyHeight = Number(entry.getAttribute("data-key-height"));
      return { entry, width: lead + (lead && text ? KEY_GAP : 0) + text, height: Math.max(row, keyHeight + 4), x: 0, y: 0 };
    }),
  );
  const across = side === "top" || side === "bottom";
  const box = across ? flowAcross(blocks, cells, Math.max(bodyWidth - 2 * MARGIN, 120)) : flowDown(blocks, cells, Math.max(bodyHeight - 2 * MARGIN, row));
  for (const cell of cells.flat()) {
    cell.entry.setAttribute("transform", `translate(${round(cell.x)},${round(cell.y)})`);
    const keyHeight = Number(cell.entry.getAttribute("data-key-height"));
    cell.entry.querySelector(":scope > .rc-legend-key")!.setAttribute("transform", `translate(0,${round((cell.height - keyHeight) / 2)})`);
    cell.entry.querySelector(":scope > text")!.setAttribute("y", String(round(cell.height / 2 + size * 0.35)));
  }
  const legendAt = { top: [MARGIN, MARGIN], bottom: [MARGIN, bodyHeight + GAP / 2], left: [MARGIN, MARGIN], right: [bodyWidth + GAP, MARGIN] }[side];
  const bodyAt = { top: [0, box.height + MARGIN + GAP / 2], bottom: [0, 0], left: [MARGIN + box.width + GAP, 0], right: [0, 0] }[side];
  legend.setAttribute("transform", `translate(${round(legendAt[0])},${round(legendAt[1])})`);
  if (bodyAt[0] || bodyAt[1]) body.setAttribute("transform", `translate(${round(bodyAt[0])},${round(bodyAt[1])})`);
  else body.removeAttribute("transform");
  const width = across ? Math.max(bodyWidth, box.width + 2 * MARGIN) : bodyWidth + box.width + GAP + MARGIN;
  const height = across ? bodyHeight + box.height + MARGIN + GAP / 2 : Math.max(bodyHeight, box.height + 2 * MARGIN);
  sizeRoot(root, Math.ceil(width), Math.ceil(height));
  return true;
}

/**
 * Above or below the body: each block from a new row, its heading first and its entries after it
 * in a grid of columns as wide as the widest (inline: each its own width), wrapping at `width`.
 */
function flowAcross(blocks: readonly Element[], cells: readonly Cell[][], width: number): { width: number; height: number } {
  let y = 0;
  let right = 0;
  blocks.forEach((block, b) => {
    const [first, ...rest] = cells[b];
    const heading = block.firstElementChild?.classList.contains("rc-legend-heading") ? first : null;
    const entries = heading ? rest : cells[b];
    const rowHeight = Math.max(...cells[b].map((cell) => cell.height));
    let left = 0;
    if (heading) {
      heading.y = y;
      left = heading.width + GAP;
      right = Math.max(right, heading.width);
      // A heading wider than half the room: its entries start on the row below it.
      if (left > width / 2 && entries.length) {
        left = 0;
        y += rowHeight;
      }
    }
    const inline = block.getAttribute("data-flow") === "inline";
    const column = Math.max(...entries.map((cell) => cell.width), 0) + GAP;
    let x = left;
    let rows = entries.length || heading ? 1 : 0;
    for (const cell of entries) {
      const step = inline ? cell.width + GAP / 2 : column;
      if (x > left && x + step - GAP > width) {
        x = left;
        rows++;
      }
      cell.x = x;
      cell.y = y + (rows - 1) * rowHeight;
      right = Math.max(right, x + cell.width);
      x += step;
    }
    y += rows * rowHeight;
  });
  return { width: right, height: y };
}

/**
 * Beside the body: one entry a row (an inline block's entries on one row), in columns no taller
 * than `height`, each as wide as its widest entry.
 */
function flowDown(blocks: readonly Element[], cells: readonly Cell[][], height: number): { width: number; height: number } {
  // The rows in order: an inline block's entries share one.
  const rows: Cell[][] = [];
  blocks.forEach((block, b) => {
    if (block.getAttribute("data-flow") !== "inline") for (const cell of cells[b]) rows.push([cell]);
    else {
      const [first, ...rest] = cells[b];
      const heading = block.firstElementChild?.classList.contains("rc-legend-heading");
      if (heading) rows.push([first]);
      if (rest.length || !heading) rows.push(heading ? rest : cells[b]);
    }
  });
  let x = 0;
  let y = 0;
  let columnWidth = 0;
  let bottom = 0;
  for (const row of rows) {
    const rowHeight = Math.max(...row.map((cell) => cell.height));
    if (y > 0 && y + rowHeight > height) {
      x += columnWidth + GAP;
      y = 0;
      columnWidth = 0;
    }
    let left = x;
    for (const cell of row) {
      cell.x = left;
      cell.y = y;
      left += cell.width + GAP / 2;
    }
    columnWidth = Math.max(columnWidth, left - GAP / 2 - x);
    y += rowHeight;
    bottom = Math.max(bottom, y);
  }
  return { width: x + columnWidth, height: bottom };
}

/** The root's size, view box and background rect set to `width` by `height`. */
export function sizeRoot(root: Element, width: number, height: number) {
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const background = root.querySelector(":scope > rect");
  background?.setAttribute("width", String(width));
  background?.setAttribute("height", String(height));
}

const round = (v: number) => Math.round(v * 10) / 10;
