/// <reference types="node" />
import { JSDOM } from "jsdom";
import { THEMES } from "../render/publication.js";
import { measureText } from "./measure.js";

/**
 * A page for the views in Node: jsdom's DOM as the globals a browser has, with what jsdom does
 * not do and the views need. Text is measured with font metrics (measure.ts) where a browser's
 * canvas measures it; a canvas draws nothing (the exports are SVG built from the data, not from
 * the pixels); CSS custom properties resolve their var() against the theme; and elements are as
 * wide as a browser would lay them out in a page `width` pixels wide (blocks fill their parent,
 * the views' `repeat(auto-fill, minmax(...))` grids make their columns).
 */

export interface Page {
  readonly window: Window;
  /** A host element `width` pixels wide for a view. */
  readonly host: HTMLElement;
  close(): void;
}

/** A canvas 2D context that draws nothing and measures text with the font metrics. */
function inertContext(): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = { font: "10px sans-serif", globalAlpha: 1, lineWidth: 1 };
  const pixels = (width: number, height: number) => ({ data: new Uint8ClampedArray(4 * width * height), width, height });
  const methods: Record<string, unknown> = {
    measureText: (text: string) => ({ width: measureText(text, String(state.font)) }),
    getImageData: (_x: number, _y: number, width: number, height: number) => pixels(width, height),
    createImageData: (width: number, height: number) => pixels(width, height),
    createLinearGradient: () => ({ addColorStop() {} }),
    createRadialGradient: () => ({ addColorStop() {} }),
    createPattern: () => null,
    getTransform: () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }),
    isPointInPath: () => false,
  };
  return new Proxy(state, {
    get: (target, key) => (key in target ? target[key] : key in methods ? methods[key as string] : () => undefined),
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

/** `var(--name, fallback)` resolved, the custom properties looked up by `lookup`. */
function resolveVars(value: string, lookup: (name: string) => string, depth = 0): string {
  if (depth > 8 || !value.includes("var(")) return value;
  // The innermost var() first: its fallback holds no var() of its own.
  const resolved = value.replace(
    /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g,
    (_, name: string, fallback = "") => lookup(name) || fallback.trim(),
  );
  return resolveVars(resolved, lookup, depth + 1);
}

/**
 * The font of an element where jsdom computes none: it drops the views' `font: 11px var(--rc-font)`
 * shorthands (a var() inside), so their sizes and family are those rules' (SVG text 11px, the
 * rest 12px, in --rc-font).
 */
const FONT: Record<string, (element: Element, property: (name: string) => string) => string> = {
  fontSize: (element) => (element.namespaceURI === "http://www.w3.org/2000/svg" ? "11px" : "12px"),
  fontFamily: (_, property) => property("--rc-font") || "sans-serif",
  fontStyle: () => "normal",
  fontWeight: () => "400",
};

/** Makes a page `width` pixels wide in the theme and puts its window's names on the global object. */
export function openPage(width: number, theme: "light" | "dark"): Page {
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { pretendToBeVisual: true, url: "http://localhost/" });
  const window = dom.window as unknown as Window & typeof globalThis;
  const global = globalThis as unknown as Record<string, unknown>;
  const added: string[] = [];
  // Node has Event and CustomEvent of its own, which jsdom's elements refuse to dispatch: the page's take their place.
  const replaced = Object.fromEntries(["Event", "CustomEvent"].map((name) => [name, global[name]]));
  for (const name of Object.getOwnPropertyNames(window)) {
    if ((name in globalThis && !(name in replaced)) || name === "localStorage" || name === "sessionStorage") continue;
    Object.defineProperty(globalThis, name, { value: (window as unknown as Record<string, unknown>)[name], configurable: true, writable: true });
    added.push(name);
  }
  const themeVars = THEMES[theme];
  const computed = window.getComputedStyle.bind(window);
  // A custom property: the nearest element's declaration, else the theme's, with its var()s resolved.
  const customProperty = (element: Element | null, name: string, depth = 0): string => {
    for (let at = element; at && depth < 8; at = at.parentElement) {
      const declared = computed(at).getPropertyValue(name).trim();
      if (declared) return resolveVars(declared, (inner) => customProperty(at, inner, depth + 1));
    }
    return themeVars[name] ?? "";
  };
  const styleOf = (element: Element) => {
    const style = computed(element);
    return new Proxy(style, {
      get(target, key) {
        if (key === "getPropertyValue")
          return (name: string) =>
            name.startsWith("--") ? customProperty(element, name) : resolveVars(target.getPropertyValue(name), (n) => customProperty(element, n));
        const value = Reflect.get(target, key) as unknown;
        if (typeof value === "function") return value.bind(target);
        if (value === "" && typeof key === "string" && key in FONT) return FONT[key](element, (n) => customProperty(element, n));
        return typeof value === "string" ? resolveVars(value, (n) => customProperty(element, n)) : value;
      },
    });
  };
  global.getComputedStyle = styleOf;
  window.getComputedStyle = styleOf as typeof window.getComputedStyle;
  const canvas = window.HTMLCanvasElement.prototype as unknown as { getContext(): unknown; contexts?: WeakMap<object, unknown> };
  const contexts = new WeakMap<object, CanvasRenderingContext2D>();
  canvas.getContext = function (this: object) {
    let context = contexts.get(this);
    if (!context) contexts.set(this, (context = inertContext()));
    return context;
  };
  global.OffscreenCanvas = class {
    getContext() {
      return inertContext();
    }
  };
  global.ImageData = class {
    data: Uint8ClampedArray;
    width: number;
    height: number;
    constructor(data: Uint8ClampedArray | number, width: number, height?: number) {
      if (typeof data === "number") [this.data, this.width, this.height] = [new Uint8ClampedArray(4 * data * width), data, width];
      else [this.data, this.width, this.height] = [data, width, height ?? data.length / 4 / width];
    }
  };
  // As a browser's, an observer reports each element once it is laid out (a view made before it
  // is put in the page sizes itself then); nothing resizes afterwards.
  global.ResizeObserver = class {
    private stopped = false;
    constructor(private readonly report: (entries: object[], observer: object) => void) {}
    observe(target: HTMLElement) {
      setTimeout(() => {
        if (!this.stopped && target.isConnected) this.report([{ target, contentRect: { width: target.clientWidth, height: 0 } }], this);
      }, 0);
    }
    unobserve() {}
    disconnect() {
      this.stopped = true;
    }
  };
  layOut(window, width);
  const host = window.document.createElement("div");
  host.className = "rc-headless-page";
  window.document.body.append(host);
  return {
    window,
    host,
    close() {
      window.close();
      for (const name of added) delete global[name];
      Object.assign(global, replaced);
    },
  };
}

/** Pixels of a CSS length ("12px"), 0 for anything else. */
const pixels = (value: string) => Number.parseFloat(value) || 0;

/**
 * clientWidth as a browser's layout gives it, for what the views ask of it: the page's host is
 * `width` wide, a block fills its parent less the parent's padding, a child of a grid of
 * `repeat(auto-fill, minmax(Apx, 1fr))` columns is one column wide.
 */
function layOut(window: Window, width: number) {
  const style = (element: Element) => window.getComputedStyle(element);
  const inner = (element: Element): number => {
    const own = style(element);
    return Math.max(0, outer(element) - pixels(own.paddingLeft) - pixels(own.paddingRight));
  };
  const outer = (element: Element): number => {
    if (element.classList.contains("rc-headless-page")) return width;
    const parent = element.parentElement;
    if (!parent || parent === window.document.body) return width;
    const declared = pixels(style(element).width);
    if (declared && style(element).width.endsWith("px")) return declared;
    const room = inner(parent);
    const columns = /repeat\(\s*auto-fill\s*,\s*minmax\(\s*([\d.]+)px/.exec(style(parent).gridTemplateColumns ?? "");
    if (style(parent).display === "grid" && columns) {
      const gap = pixels(style(parent).columnGap || style(parent).gap);
      const count = Math.max(1, Math.floor((room + gap) / (Number(columns[1]) + gap)));
      return (room - gap * (count - 1)) / count;
    }
    return room;
  };
  Object.defineProperty((window as unknown as typeof globalThis).HTMLElement.prototype, "clientWidth", {
    configurable: true,
    get(this: HTMLElement) {
      return this.isConnected ? Math.floor(inner(this)) : 0;
    },
  });
}
