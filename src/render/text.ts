import { thousands } from "../data/thousands.js";
/**
 * Text that fits the room a view has for it: widths measured in the font the text is drawn in,
 * lines broken where names break (after / . _ - : = , and spaces, and where a camelCase word
 * starts; inside a word too long for a line), and what still does not fit shortened in the
 * middle with "…", the full text kept for a hover title.
 *
 *   const measure = textMeasure(svgText);          // or estimateWidth, where nothing is drawn
 *   const fitted = fitText(label, 120, measure, 2); // { lines, shortened, width }
 *   drawLines(svgText, fitted.lines, 13);
 *   if (fitted.shortened) hoverTitle(svgText, label);
 */

/** Width of an average character of the views' 11px labels, for fitting text without measuring it. */
export const CHAR_WIDTH = 6.5;

/** The width in CSS pixels a text takes. */
export type Measure = (text: string) => number;

/** A width estimated from the number of characters: for text that is not drawn in a page (jsdom, exports). */
export const estimateWidth: Measure = (text) => text.length * CHAR_WIDTH;

/** The last code of Latin, Greek and Cyrillic letters: from a space to it, none is 1.5 em wide in any text font. */
const LAST_NARROW = 0x52f;

/**
 * Whether text in a font of `size` CSS pixels surely fits `width`, known without measuring it
 * (a canvas's first measure in a font costs milliseconds): short text in narrow letters.
 */
export function surelyFits(text: string, width: number, size: number): boolean {
  if (!(text.length * 1.5 * size <= width)) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > LAST_NARROW) return false;
  }
  return true;
}

/** Text cut with "…" to fit about `pixels` wide (never below three characters). */
export function truncate(text: string, pixels: number): string {
  const fits = Math.max(3, Math.floor(pixels / CHAR_WIDTH));
  return text.length > fits ? text.slice(0, fits - 1) + "…" : text;
}

export interface FittedText {
  /** The lines to draw, at most the number asked for. */
  readonly lines: readonly string[];
  /** Whether characters were left out for "…": the full text then belongs in a hover title. */
  readonly shortened: boolean;
  /** The widest line's width. */
  readonly width: number;
}

const ELLIPSIS = "…";
/** After these characters a line may break. */
const BREAK_AFTER = /[/._\-:=,\s]/;

/**
 * `text` in at most `maxLines` lines no wider than `width`: broken where a name breaks, and if it
 * still does not fit, the middle left out ("data/prepro…meter_name"), keeping as much as fits.
 */
export function fitText(text: string, width: number, measure: Measure, maxLines = 1): FittedText {
  // More characters than pixels of room do not fit (the views' fonts draw none narrower than a
  // pixel, zero-width joiners aside): such text is not wrapped whole nor kept longer than that,
  // which spared measuring a 100,000-character name letter by letter (14 s for the diff's header).
  const room = Math.ceil(maxLines * width);
  const whole = text.length <= room ? wrap(text, width, measure, maxLines) : null;
  if (whole) return whole;
  // The most characters kept around "…" that still fit, by bisection: fitting is monotonic in them.
  let low = 0;
  let high = Math.min(text.length - 1, room);
  let best: FittedText = { lines: [ELLIPSIS], shortened: true, width: measure(ELLIPSIS) };
  while (low <= high) {
    const kept = (low + high) >> 1;
    const fitted = wrap(middleOut(text, kept), width, measure, maxLines);
    if (fitted) {
      best = { ...fitted, shortened: true };
      low = kept + 1;
    } else {
      high = kept - 1;
    }
  }
  return best;
}

/**
 * The narrowest width, in steps of `step` pixels from `least`, at which every text fits in
 * `maxLines` lines whole: nothing left out and no word split between letters ("Discriminat" /
 * "or loss"); `most` at the widest.
 */
export function narrowestFit(texts: Iterable<string>, measure: Measure, maxLines: number, least: number, most: number, step = 8): number {
  const list = [...texts];
  const widestWord = Math.max(0, ...list.flatMap((text) => pieces(text).map((piece) => measure(piece.trim()))));
  let width = least;
  while (width < most && (width < widestWord || list.some((text) => fitText(text, width, measure, maxLines).shortened))) width += step;
  return width;
}

/** The text with all but `kept` characters left out of its middle, as "…". */
function middleOut(text: string, kept: number): string {
  const head = Math.ceil(kept / 2);
  return text.slice(0, head) + ELLIPSIS + text.slice(text.length - (kept - head));
}

/**
 * Greedy lines of the text's pieces (a piece wider than a line split between letters), or null
 * when they need more than `maxLines`.
 */
function wrap(text: string, width: number, measure: Measure, maxLines: number): FittedText | null {
  const single = measure(text);
  if (single <= width) return { lines: [text], shortened: false, width: single };
  if (maxLines < 2) return null;
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces(text).flatMap((piece) => (measure(piece.trim()) > width ? letters(piece, width, measure) : [piece]))) {
    if (!line || measure((line + piece).trimEnd()) <= width) {
      line += piece;
      continue;
    }
    lines.push(line.trimEnd());
    line = piece.trimStart();
  }
  if (line) lines.push(line.trimEnd());
  const widths = lines.map(measure);
  if (lines.length > maxLines || widths.some((w) => w > width)) return null;
  return { lines, shortened: false, width: Math.max(...widths) };
}

/** A piece cut into runs of letters no wider than `width` (a letter wider alone stays alone). */
function letters(piece: string, width: number, measure: Measure): string[] {
  const out: string[] = [];
  let run = "";
  for (const letter of piece) {
    if (run && measure(run + letter) > width) {
      out.push(run);
      run = "";
    }
    run += letter;
  }
  if (run) out.push(run);
  return out;
}

/** The text cut after each break character and where a camelCase word starts ("light|GBM|Classifier"). */
function pieces(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const lower = (c: string | undefined) => c !== undefined && /[a-z]/.test(c);
  const upper = (c: string | undefined) => c !== undefined && /[A-Z]/.test(c);
  for (let i = 1; i <= text.length; i++) {
    const camel = upper(text[i]) && (lower(text[i - 1]) || (upper(text[i - 1]) && lower(text[i + 1])));
    if (i === text.length || BREAK_AFTER.test(text[i - 1]) || camel) {
      out.push(text.slice(start, i));
      start = i;
    }
  }
  return out;
}

const measured = new Map<string, Map<string, number>>();
/** Past this many texts per font the cache starts again, so a long session does not grow it without end. */
const CACHE_LIMIT = 20_000;
let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
/** The font last given to the context: setting it again parses it again, which measuring many texts would repeat. */
let contextFont = "";

/**
 * One 2D context for every measure, of a canvas never put in the page; null in jsdom. The
 * document's canvas, not an OffscreenCanvas: it finds its fonts through the document, as the
 * page's text does, so a page's first view looks each font up once (an OffscreenCanvas looks
 * it up again on its own, a few milliseconds on a cold page).
 */
function measuringContext() {
  if (typeof document !== "undefined") return document.createElement("canvas").getContext("2d");
  return typeof OffscreenCanvas === "undefined" ? null : new OffscreenCanvas(1, 1).getContext("2d");
}

/**
 * Widths of text in the font `element` is drawn in. Where the element has no resolved font yet
 * (not in a page), the estimate.
 */
export function textMeasure(element: Element): Measure {
  const font = resolvedFont(element);
  return font ? fontMeasure(font) : estimateWidth;
}

/**
 * Widths of text in a CSS font, as a canvas takes it ("600 11px sans-serif"): measured once per
 * text and font; estimated where no canvas can measure (jsdom).
 */
export function fontMeasure(font: string): Measure {
  context ??= measuringContext();
  if (!context) return estimateWidth;
  let widths = measured.get(font);
  if (!widths) measured.set(font, (widths = new Map()));
  const cache = widths;
  const canvas = context;
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      if (contextFont !== font) {
        canvas.font = font;
        contextFont = font;
      }
      width = canvas.measureText(text).width;
      cache.set(text, width);
    }
    return width;
  };
}

/** The CSS font of an element as a canvas takes it, or "" when it has none yet. */
export function resolvedFont(element: Element): string {
  if (!element.isConnected) return "";
  const style = getComputedStyle(element);
  if (!style.fontSize || !style.fontFamily) return "";
  return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
}

/** Writes lines into an SVG <text> as <tspan>s, each `lineHeight` below the one before, starting at its y. */
export function drawLines(text: SVGTextElement, lines: readonly string[], lineHeight: number) {
  text.replaceChildren();
  const x = text.getAttribute("x") ?? "0";
  lines.forEach((line, i) => {
    const span = document.createElementNS("http://www.w3.org/2000/svg", "tspan");
    span.setAttribute("x", x);
    if (i > 0) span.setAttribute("dy", String(lineHeight));
    span.textContent = line;
    text.append(span);
  });
}

/** The full text on hover: an SVG <title> child, or the title attribute of an HTML element. */
export function hoverTitle(element: Element, full: string) {
  if (element instanceof HTMLElement) {
    element.title = full;
    return;
  }
  const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
  title.textContent = full;
  element.append(title);
}

/** A count and its noun, singular for one: "1 run", "2 runs", "1,000 runs". */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${thousands(count)} ${count === 1 ? noun : plural}`;
}
