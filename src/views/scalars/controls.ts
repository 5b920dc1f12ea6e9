import type { Aggregate, Band } from "../../data/align.js";
import { MAX_SMOOTHING, type SmoothingType } from "../../data/smoothing.js";
import type { Settings, ScalarsOptions, Variants, XAxis, YScale } from "./options.js";

const SMOOTHING_LABELS: Record<SmoothingType, string> = {
  ema: "EMA (TensorBoard)",
  time_ema: "time-weighted EMA (W&B)",
  gaussian: "Gaussian",
  running_average: "running average",
};
const X_LABELS: Record<XAxis, string> = { step: "step", relative: "relative time", wall: "wall time" };
const Y_LABELS: Record<YScale, string> = { linear: "linear", log: "log" };
const VARIANT_LABELS: Record<Variants, string> = { separate: "metric & variant", together: "metric" };
const AGGREGATE_LABELS: Record<Aggregate, string> = { mean: "mean", median: "median" };
const BAND_LABELS: Record<Band, string> = { none: "no band", minmax: "min – max", std: "± std", stderr: "± std err", ci95: "95% CI" };

/**
 * The view's own controls (not the shared export toolbar): chart filter, one chart per series or
 * per metric, x and y axes, smoothing, grouping and colour.
 */
export class Controls {
  private readonly filter = document.createElement("input");
  private readonly variants = select(VARIANT_LABELS);
  private readonly x = select(X_LABELS);
  private readonly y = select(Y_LABELS);
  private readonly smoothingType = select(SMOOTHING_LABELS);
  private readonly smoothing = document.createElement("input");
  private readonly smoothingText = document.createElement("output");
  private readonly group = document.createElement("details");
  private readonly groupSummary = document.createElement("summary");
  private readonly groupBoxes = new Map<string, HTMLInputElement>();
  private readonly aggregate = select(AGGREGATE_LABELS);
  private readonly band = select(BAND_LABELS);
  private readonly color = document.createElement("select");

  /** Puts the controls into `container` (the shared toolbar's place for a view's own controls). */
  constructor(container: HTMLElement, columns: readonly string[], hasTimes: boolean, onChange: (changes: ScalarsOptions) => void) {
    this.filter.type = "search";
    this.filter.placeholder = "filter charts (text or /regex/)";
    this.filter.className = "rc-filter";
    this.filter.addEventListener("input", () => onChange({ filter: this.filter.value }));
    this.variants.addEventListener("change", () => onChange({ variants: this.variants.value as Variants }));
    for (const option of this.x.options) option.disabled = option.value !== "step" && !hasTimes;
    this.x.addEventListener("change", () => onChange({ x: this.x.value as XAxis }));
    this.y.addEventListener("change", () => onChange({ y: this.y.value as YScale }));
    this.smoothingType.addEventListener("change", () => onChange({ smoothingType: this.smoothingType.value as SmoothingType }));
    Object.assign(this.smoothing, { type: "range", min: "0", max: String(MAX_SMOOTHING), step: "0.001", className: "rc-smoothing" });
    this.smoothing.addEventListener("input", () => onChange({ smoothing: Number(this.smoothing.value) }));
    this.group.className = "rc-group";
    const boxes = columns.map((name) => {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = name;
      box.addEventListener("change", () => onChange({ groupBy: [...this.groupBoxes].filter(([, b]) => b.checked).map(([n]) => n) }));
      this.groupBoxes.set(name, box);
      label.append(box, document.createTextNode(name));
      return label;
    });
    const list = document.createElement("div");
    list.className = "rc-group-list";
    list.append(...boxes);
    this.group.append(this.groupSummary, list);
    this.aggregate.addEventListener("change", () => onChange({ aggregate: this.aggregate.value as Aggregate }));
    this.band.addEventListener("change", () => onChange({ band: this.band.value as Band }));
    this.color.append(new Option("one colour per run", ""), ...columns.map((name) => new Option(name, name)));
    this.color.addEventListener("change", () => onChange({ color: this.color.value || null }));
    container.append(
      this.filter,
      labelled("charts per", this.variants),
      labelled("x", this.x),
      labelled("y", this.y),
      labelled("smoothing", this.smoothingType, this.smoothing, this.smoothingText),
      this.group,
      this.aggregate,
      this.band,
      labelled("colour", this.color),
    );
  }

  /** Shows the settings (after an update from outside, or a change here). */
  sync(settings: Settings, filterError: string | null) {
    if (this.filter.value !== settings.filter) this.filter.value = settings.filter;
    this.filter.classList.toggle("rc-invalid", filterError !== null);
    this.filter.title = filterError ?? "";
    this.variants.value = settings.variants;
    this.x.value = settings.x;
    this.y.value = settings.y;
    this.smoothingType.value = settings.smoothingType;
    this.smoothing.value = String(settings.smoothing);
    this.smoothingText.value = settings.smoothing.toFixed(3);
    const grouped = settings.groupBy.length > 0;
    for (const [name, box] of this.groupBoxes) box.checked = settings.groupBy.includes(name);
    this.groupSummary.textContent = grouped ? `group by ${settings.groupBy.join(", ")}` : "group by …";
    this.aggregate.value = settings.aggregate;
    this.band.value = settings.band;
    this.aggregate.disabled = this.band.disabled = !grouped;
    this.color.value = settings.color ?? "";
    this.color.disabled = grouped;
  }
}

function select<T extends string>(labels: Record<T, string>): HTMLSelectElement {
  const element = document.createElement("select");
  for (const [value, label] of Object.entries(labels) as [T, string][]) element.append(new Option(label, value));
  return element;
}

function labelled(text: string, ...controls: HTMLElement[]): HTMLElement {
  const label = document.createElement("label");
  label.className = "rc-control";
  const caption = document.createElement("span");
  caption.textContent = text;
  label.append(caption, ...controls);
  return label;
}
