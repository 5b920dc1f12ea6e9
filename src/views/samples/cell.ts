import { sampleKind } from "../../data/media.js";
import { megabytes, type Content } from "./store.js";
import { placeholder, showSample, textOf, type Shown } from "./media.js";
import { thousands } from "../../data/thousands.js";

/** What a cell asks of the view. */
export interface CellHooks {
  /** The user moved this cell to another of its samples. */
  moved(cell: SampleCell, position: number): void;
  /** The user asked to see the image large. */
  open(cell: SampleCell): void;
  /** The sample's type, step, size and content. */
  mime(row: number): string;
  step(row: number): number;
  size(row: number): number;
  peek(row: number): Content | null;
  load(row: number): Promise<Content>;
  /** The base run's text to compare a text sample with, or null (this cell is the base, or the base has none). */
  baseText(cell: SampleCell): Promise<string | null>;
}

const STEP_BUTTONS: readonly [string, string, (position: number, last: number) => number][] = [
  ["«", "Oldest sample", () => 0],
  ["‹", "Older sample (←)", (position) => position - 1],
  ["›", "Newer sample (→)", (position) => position + 1],
  ["»", "Newest sample", (_, last) => last],
];

/** One run's samples of one metric/variant: a step slider, the sample shown, and its step. */
export class SampleCell {
  readonly element = document.createElement("div");
  private readonly slider = document.createElement("input");
  private readonly media = document.createElement("div");
  private readonly caption = document.createElement("div");
  private readonly buttons: HTMLButtonElement[] = [];
  private shown: Shown | null = null;
  private ticket = 0;
  position = -1;

  constructor(
    readonly series: number,
    readonly column: number,
    readonly rows: Int32Array,
    private readonly hooks: CellHooks,
  ) {
    this.element.className = "rc-sample-cell";
    this.element.tabIndex = -1;
    const controls = document.createElement("div");
    controls.className = "rc-cell-steps";
    const last = rows.length - 1;
    for (const [text, title, to] of STEP_BUTTONS) {
      const control = document.createElement("button");
      control.type = "button";
      control.textContent = text;
      control.title = title;
      control.setAttribute("aria-label", title.replace(/ \(.*\)$/, ""));
      control.addEventListener("click", () => this.moveTo(to(this.position, last)));
      this.buttons.push(control);
    }
    this.slider.type = "range";
    this.slider.min = "0";
    this.slider.max = String(Math.max(0, last));
    this.slider.step = "1";
    this.slider.setAttribute("aria-label", "step");
    this.slider.addEventListener("input", () => this.moveTo(this.slider.valueAsNumber));
    controls.append(this.buttons[0], this.buttons[1], this.slider, this.buttons[2], this.buttons[3]);
    controls.hidden = rows.length < 2;
    this.media.className = "rc-cell-media";
    this.media.addEventListener("click", (event) => {
      if ((event.target as Element).closest("img")) hooks.open(this);
    });
    this.caption.className = "rc-cell-caption";
    this.element.append(controls, this.media, this.caption);
    this.element.addEventListener("keydown", (event) => {
      const to = { ArrowLeft: this.position - 1, ArrowRight: this.position + 1, Home: 0, End: last }[event.key];
      if (to === undefined || (event.target as Element).closest("input")) return;
      event.preventDefault();
      this.moveTo(to);
    });
    if (rows.length === 0) this.media.append(placeholder("no samples"));
  }

  /** The row shown, or -1. */
  get row(): number {
    return this.position >= 0 ? this.rows[this.position] : -1;
  }

  get image(): HTMLImageElement | null {
    return this.shown?.image ?? null;
  }

  /** Shows the sample at `position` (reloading it when `force`, as when the base run's text changed). */
  show(position: number, force = false) {
    if (this.rows.length === 0 || (position === this.position && !force)) return;
    this.position = position;
    const row = this.rows[position];
    this.slider.value = String(position);
    this.buttons[0].disabled = this.buttons[1].disabled = position === 0;
    this.buttons[2].disabled = this.buttons[3].disabled = position === this.rows.length - 1;
    const size = this.hooks.size(row);
    this.caption.textContent = [
      `step ${thousands(this.hooks.step(row))}`,
      this.rows.length > 1 ? `${position + 1} of ${this.rows.length}` : "",
      Number.isFinite(size) ? megabytes(size) : "",
    ]
      .filter(Boolean)
      .join(" · ");
    this.element.dataset.row = String(row);
    delete this.element.dataset.decoded;
    this.element.dataset.step = String(this.hooks.step(row));
    const ticket = ++this.ticket;
    const mime = this.hooks.mime(row);
    const known = this.hooks.peek(row);
    const text = sampleKind(mime) === "text";
    if (known && !text) {
      this.put(showSample(known, mime, null, () => this.decoded()));
      return;
    }
    this.media.dataset.loading = "true";
    void Promise.all([known ?? this.hooks.load(row), text ? this.hooks.baseText(this) : null]).then(([content, base]) => {
      if (ticket === this.ticket) this.put(showSample(content, mime, base, () => this.decoded()));
    });
  }

  /** The sample's text, when it is one and is at hand. */
  async text(): Promise<string | null> {
    const row = this.row;
    if (row < 0 || sampleKind(this.hooks.mime(row)) !== "text") return null;
    return textOf(await this.hooks.load(row));
  }

  dispose() {
    this.ticket++;
    this.shown?.dispose();
    this.shown = null;
    this.element.remove();
  }

  private moveTo(position: number) {
    const clamped = Math.max(0, Math.min(this.rows.length - 1, position));
    if (clamped === this.position) return;
    this.hooks.moved(this, clamped);
  }

  private put(shown: Shown) {
    this.shown?.dispose();
    this.shown = shown;
    delete this.media.dataset.loading;
    this.media.replaceChildren(shown.element);
    this.element.dataset.kind = shown.element.classList.contains("rc-sample-placeholder")
      ? "placeholder"
      : (sampleKind(this.hooks.mime(this.row)) ?? "placeholder");
  }

  private decoded() {
    this.element.dataset.decoded = "true";
  }
}
