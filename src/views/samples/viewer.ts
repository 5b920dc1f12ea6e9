import { button, toggleGroup } from "../../render/controls.js";
import { difference, pixelAt, pixelsOf, type Difference, type Pixels } from "./pixels.js";

/** An image the viewer may show: its label, and the decoded image or why there is none. */
export interface ViewerImage {
  readonly id: string;
  readonly label: string;
  load(): Promise<HTMLImageElement | { error: string }>;
}

export const VIEWER_MODES = ["single", "side by side", "flicker", "difference"] as const;
export type ViewerMode = (typeof VIEWER_MODES)[number];

export interface ViewerOptions {
  readonly title: string;
  readonly current: ViewerImage;
  /** What it can be compared with: the other runs' samples of the same metric at the steps shown. */
  readonly others: readonly ViewerImage[];
  readonly compareWith: string | null;
  readonly mode: ViewerMode;
  /** Older (-1) or newer (+1) sample of the same cell: the viewer then shows what it gets. */
  step(direction: -1 | 1): { title: string; current: ViewerImage } | null;
  closed(): void;
}

const FLICKER_MS = 500;
const ZOOM_STEP = 1.25;
const MIN_SCALE = 1 / 32;
const MAX_SCALE = 64;

/**
 * A sample's image, large: zoom (wheel, buttons, keys + − 0), pan (drag), the pixel under the
 * pointer with its coordinates and value; compared with another run's image side by side (one
 * zoom for both), flickering between the two, or as their difference.
 */
export class Viewer {
  readonly element = document.createElement("div");
  private readonly stage = document.createElement("div");
  private readonly titleText = document.createElement("span");
  private readonly readout = document.createElement("span");
  private modes: HTMLElement;
  private readonly compare = document.createElement("select");
  private current: ViewerImage;
  private mode: ViewerMode;
  private a: Pixels | null = null;
  private b: Pixels | null = null;
  private diff: Difference | null = null;
  private panes: HTMLCanvasElement[] = [];
  private scale = 1;
  private x = 0;
  private y = 0;
  private fitted = true;
  private flicker = 0;
  private showingB = false;
  private loading = 0;
  private drag: { x: number; y: number; startX: number; startY: number } | null = null;

  constructor(
    host: HTMLElement,
    private readonly options: ViewerOptions,
  ) {
    this.current = options.current;
    this.mode = options.others.length ? options.mode : "single";
    this.element.className = "rc-sample-viewer";
    this.element.setAttribute("role", "dialog");
    this.element.setAttribute("aria-label", "Sample viewer");
    this.element.tabIndex = -1;
    const bar = document.createElement("div");
    bar.className = "rc-viewer-bar";
    this.titleText.className = "rc-viewer-title";
    this.titleText.textContent = options.title;
    this.modes = document.createElement("span");
    this.compare.setAttribute("aria-label", "compare with");
    for (const other of options.others) this.compare.append(new Option(other.label, other.id, false, other.id === options.compareWith));
    this.compare.addEventListener("change", () => void this.load());
    const compareLabel = document.createElement("label");
    compareLabel.append("with", this.compare);
    compareLabel.hidden = options.others.length === 0;
    this.readout.className = "rc-viewer-readout";
    this.readout.setAttribute("aria-live", "off");
    bar.append(
      this.titleText,
      this.modes,
      compareLabel,
      button("−", "Zoom out (−)", () => this.zoomBy(1 / ZOOM_STEP)),
      button("Fit", "Fit the image to the viewer (0)", () => this.fit()),
      button("1:1", "One image pixel per screen pixel", () => this.zoomTo(1)),
      button("+", "Zoom in (+)", () => this.zoomBy(ZOOM_STEP)),
      this.readout,
      button("×", "Close the viewer (Esc)", () => this.close()),
    );
    this.stage.className = "rc-viewer-stage";
    this.element.append(bar, this.stage);
    this.showModes();
    host.append(this.element);
    this.stage.addEventListener("wheel", this.wheel, { passive: false });
    this.stage.addEventListener("pointerdown", this.pointerDown);
    this.stage.addEventListener("pointermove", this.pointerMove);
    this.stage.addEventListener("pointerup", this.pointerUp);
    this.stage.addEventListener("pointerleave", () => (this.readout.textContent = this.summary()));
    this.element.addEventListener("keydown", this.key);
    this.element.focus();
    void this.load();
  }

  get state(): { mode: ViewerMode; compareWith: string | null; scale: number } {
    return { mode: this.mode, compareWith: this.compare.value || null, scale: this.scale };
  }

  close() {
    clearInterval(this.flicker);
    this.element.remove();
    this.options.closed();
  }

  private showModes() {
    const group = toggleGroup("comparison", VIEWER_MODES, this.mode, (mode) => {
      this.mode = mode as ViewerMode;
      // Panes of another width: the image fitted to them again.
      this.fitted = true;
      this.showModes();
      // The pressed button was replaced: keys (Esc, + −) still reach the viewer.
      this.element.focus();
      void this.load();
    });
    for (const choice of group.querySelectorAll("button")) choice.disabled = choice.textContent !== "SINGLE" && this.options.others.length === 0;
    this.modes.replaceWith(group);
    this.modes = group;
  }

  /** Decodes the images the mode needs, then lays out the panes. */
  private async load() {
    const ticket = ++this.loading;
    const other = this.mode === "single" ? null : (this.options.others.find((o) => o.id === this.compare.value) ?? null);
    const [first, second] = await Promise.all([this.current.load(), other ? other.load() : Promise.resolve(null)]);
    if (ticket !== this.loading) return;
    if (!(first instanceof HTMLImageElement)) return this.failed(first.error);
    this.a = pixelsOf(first);
    this.b = second instanceof HTMLImageElement ? pixelsOf(second) : null;
    if (second && !(second instanceof HTMLImageElement)) return this.failed(`${other!.label}: ${second.error}`);
    this.diff = this.mode === "difference" && this.b ? difference(this.a, this.b) : null;
    if (this.mode === "difference" && !this.diff) return this.failed("the pixels of an image from another site cannot be read, so no difference can be made");
    this.layOut();
  }

  private failed(reason: string) {
    clearInterval(this.flicker);
    const note = document.createElement("div");
    note.className = "rc-sample-placeholder";
    note.textContent = reason;
    this.stage.replaceChildren(note);
    this.panes = [];
  }

  private layOut() {
    clearInterval(this.flicker);
    const shown: Pixels[] =
      this.mode === "side by side" && this.b
        ? [this.a!, this.b]
        : this.mode === "difference"
          ? [this.diff!.pixels]
          : [this.mode === "flicker" && this.showingB && this.b ? this.b : this.a!];
    this.panes = shown.map((pixels) => {
      const pane = document.createElement("div");
      pane.className = "rc-viewer-pane";
      pixels.canvas.className = "rc-viewer-canvas";
      pane.append(pixels.canvas);
      return pixels.canvas;
    });
    this.stage.replaceChildren(...this.panes.map((canvas) => canvas.parentElement!));
    this.stage.dataset.mode = this.mode;
    if (this.mode === "flicker" && this.b) {
      this.flicker = window.setInterval(() => {
        this.showingB = !this.showingB;
        const pixels = this.showingB ? this.b! : this.a!;
        pixels.canvas.className = "rc-viewer-canvas";
        this.panes[0].replaceWith(pixels.canvas);
        this.panes[0] = pixels.canvas;
        this.stage.dataset.showing = this.showingB ? "b" : "a";
        this.apply();
      }, FLICKER_MS);
    }
    if (this.fitted) this.fit();
    else this.apply();
    this.readout.textContent = this.summary();
  }

  private summary(): string {
    const size = this.a ? `${this.a.width} × ${this.a.height} px` : "";
    if (this.diff)
      return `${size} · mean |Δ| ${this.diff.mean.toFixed(2)}, max ${this.diff.max} of 255${this.diff.cropped ? " · sizes differ: the common area compared" : ""}`;
    return `${size} · ${Math.round(this.scale * 100)}%`;
  }

  private fit() {
    const pane = this.panes[0]?.parentElement;
    if (!pane || !this.a) return;
    const width = pane.clientWidth || 600;
    const height = pane.clientHeight || 400;
    const image = this.diff?.pixels ?? this.a;
    this.scale = Math.min(width / image.width, height / image.height, MAX_SCALE);
    this.x = (width - image.width * this.scale) / 2;
    this.y = (height - image.height * this.scale) / 2;
    this.fitted = true;
    this.apply();
  }

  private zoomTo(scale: number, atX?: number, atY?: number) {
    const pane = this.panes[0]?.parentElement;
    if (!pane) return;
    const px = atX ?? pane.clientWidth / 2;
    const py = atY ?? pane.clientHeight / 2;
    const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
    this.x = px - ((px - this.x) * next) / this.scale;
    this.y = py - ((py - this.y) * next) / this.scale;
    this.scale = next;
    this.fitted = false;
    this.apply();
  }

  private zoomBy(factor: number, atX?: number, atY?: number) {
    this.zoomTo(this.scale * factor, atX, atY);
  }

  private apply() {
    for (const canvas of this.panes) {
      canvas.style.transform = `translate(${this.x}px, ${this.y}px) scale(${this.scale})`;
      canvas.classList.toggle("rc-pixelated", this.scale >= 2);
    }
    this.readout.textContent = this.summary();
  }

  private readonly wheel = (event: WheelEvent) => {
    event.preventDefault();
    const pane = (event.target as Element).closest(".rc-viewer-pane");
    if (!pane) return;
    const box = pane.getBoundingClientRect();
    this.zoomBy(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, event.clientX - box.left, event.clientY - box.top);
  };

  private readonly pointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    this.drag = { x: event.clientX, y: event.clientY, startX: this.x, startY: this.y };
    this.stage.setPointerCapture(event.pointerId);
  };

  private readonly pointerMove = (event: PointerEvent) => {
    if (this.drag) {
      this.x = this.drag.startX + event.clientX - this.drag.x;
      this.y = this.drag.startY + event.clientY - this.drag.y;
      this.fitted = false;
      this.apply();
      return;
    }
    const pane = (event.target as Element).closest(".rc-viewer-pane");
    if (!pane || !this.a) return;
    const box = pane.getBoundingClientRect();
    const x = Math.floor((event.clientX - box.left - this.x) / this.scale);
    const y = Math.floor((event.clientY - box.top - this.y) / this.scale);
    this.readout.textContent = this.pixelText(x, y);
  };

  private readonly pointerUp = (event: PointerEvent) => {
    this.drag = null;
    if (this.stage.hasPointerCapture(event.pointerId)) this.stage.releasePointerCapture(event.pointerId);
  };

  /** "x 12, y 40 · rgba(…)": the pixel's coordinates and value (each image's, and their difference). */
  private pixelText(x: number, y: number): string {
    const image = this.diff?.pixels ?? this.a!;
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return this.summary();
    const value = (pixels: Pixels | null) => {
      const rgba = pixels && pixelAt(pixels, x, y);
      return rgba ? `rgba(${rgba.join(", ")})` : "value not readable";
    };
    const parts = [`x ${x}, y ${y}`];
    if (this.diff) parts.push(`|Δ| rgb(${pixelAt(this.diff.pixels, x, y)!.slice(0, 3).join(", ")})`, `A ${value(this.a)}`, `B ${value(this.b)}`);
    else if (this.mode === "single" || !this.b) parts.push(value(this.a));
    else parts.push(`A ${value(this.a)}`, `B ${value(this.b)}`);
    return parts.join(" · ");
  }

  private readonly key = (event: KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      Escape: () => this.close(),
      "+": () => this.zoomBy(ZOOM_STEP),
      "=": () => this.zoomBy(ZOOM_STEP),
      "-": () => this.zoomBy(1 / ZOOM_STEP),
      "0": () => this.fit(),
      ArrowLeft: () => this.stepTo(-1),
      ArrowRight: () => this.stepTo(1),
    };
    const action = actions[event.key];
    if (!action || (event.target as Element).closest("select")) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  private stepTo(direction: -1 | 1) {
    const next = this.options.step(direction);
    if (!next) return;
    this.current = next.current;
    this.titleText.textContent = next.title;
    void this.load();
  }
}
