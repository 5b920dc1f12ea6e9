import { appendAll } from "../../render/dom.js";
import type { Aggregate, Band } from "../../data/align.js";
import { MAX_SMOOTHING, type SmoothingType } from "../../data/smoothing.js";
import { popup } from "../../render/popup.js";
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
  private readonly outliers = document.createElement("input");
  private readonly smoothingType = select(SMOOTHING_LABELS);
  private readonly smoothing = document.createElement("input");
  private readonly smoothingText = document.createElement("output");
  private readonly group = document.createElement("details");
  private readonly groupSummary = document.createElement("summary");
  private readonly groupBoxes = new Map<string, HTMLInputElement>();
  private readonly aggregate = select(AGGREGATE_LABELS);
  private readonly band = select(BAND_LABELS);
  private readonly color = document.createElement("select");
  /** The grouping shown: the names as the settings give them, and as full column names (a setting may leave out the prefix). */
  private grouping: { given: string; column: string }[] = [];
  private readonly closePopup: () => void;
  private readonly groupList = document.createElement("div");
  /** null until the first call of setColumns, which fills the menus even with no columns. */
  private columns: readonly string[] | null = null;
  private columnLabels: HTMLElement[] = [];
  /** What the column finder holds, lower case. */
  private needle = "";
  private readonly onGroup: (name: string, checked: boolean) => void;

  /**
   * Puts the controls into `container` (the shared toolbar's place for a view's own controls).
   * `columnOf` gives the full name of a runs column named with or without its prefix.
   */
  constructor(
    container: HTMLElement,
    columns: readonly string[],
    private readonly columnOf: (name: string) => string | undefined,
    hasTimes: boolean,
    onChange: (changes: ScalarsOptions) => void,
  ) {
    this.filter.type = "search";
    this.filter.placeholder = "filter charts (text or /regex/)";
    this.filter.className = "rc-filter";
    this.filter.addEventListener("input", () => onChange({ filter: this.filter.value }));
    this.variants.addEventListener("change", () => onChange({ variants: this.variants.value as Variants }));
    for (const option of this.x.options) option.disabled = option.value !== "step" && !hasTimes;
    this.x.addEventListener("change", () => onChange({ x: this.x.value as XAxis }));
    this.y.addEventListener("change", () => onChange({ y: this.y.value as YScale }));
    this.outliers.type = "checkbox";
    this.outliers.addEventListener("change", () => onChange({ ignoreOutliers: this.outliers.checked }));
    this.smoothingType.addEventListener("change", () => onChange({ smoothingType: this.smoothingType.value as SmoothingType }));
    Object.assign(this.smoothing, { type: "range", min: "0", max: String(MAX_SMOOTHING), step: "0.001", className: "rc-smoothing" });
    this.smoothingType.setAttribute("aria-label", "smoothing method");
    this.smoothing.setAttribute("aria-label", "smoothing weight");
    this.smoothingText.setAttribute("aria-label", "smoothing weight");
    this.smoothing.addEventListener("input", () => onChange({ smoothing: Number(this.smoothing.value) }));
    this.group.className = "rc-group";
    this.onGroup = (name, checked) => {
      const kept = this.grouping.filter(({ column }) => column !== name).map(({ given }) => given);
      onChange({ groupBy: checked ? [...kept, name] : kept });
    };
    const find = document.createElement("input");
    find.type = "search";
    find.placeholder = "find a column";
    find.setAttribute("aria-label", "Find a column to group by");
    find.addEventListener("input", () => {
      this.needle = find.value.trim().toLowerCase();
      for (const label of this.columnLabels) label.hidden = !!this.needle && !label.title.toLowerCase().includes(this.needle);
    });
    const clear = document.createElement("button");
    clear.type = "button";
    clear.textContent = "no grouping";
    clear.addEventListener("click", () => onChange({ groupBy: [] }));
    const head = document.createElement("div");
    head.className = "rc-group-head";
    head.append(find, clear);
    this.groupList.className = "rc-group-list";
    this.groupList.append(head);
    this.group.append(this.groupSummary, this.groupList);
    this.closePopup = popup(this.group);
    this.aggregate.addEventListener("change", () => onChange({ aggregate: this.aggregate.value as Aggregate }));
    this.band.addEventListener("change", () => onChange({ band: this.band.value as Band }));
    this.setColumns(columns);
    this.color.addEventListener("change", () => onChange({ color: this.color.value || null }));
    container.append(
      this.filter,
      labelled("charts per", this.variants),
      labelled("x", this.x),
      labelled("y", this.y),
      labelled("ignore outliers", this.outliers),
      labelled("smoothing", this.smoothingType, this.smoothing, this.smoothingText),
      this.group,
      labelled("aggregate", this.aggregate),
      labelled("band", this.band),
      labelled("colour", this.color),
    );
    this.outliers.title = "Fit the y axis to the values that are not outliers; points beyond it are marked at its edge";
  }

  destroy() {
    this.closePopup();
  }

  /** The runs table's columns, which the group and colour menus list (again when appended runs bring new ones). */
  setColumns(columns: readonly string[]) {
    if (this.columns && columns.join("\n") === this.columns.join("\n")) return;
    this.columns = columns;
    this.groupBoxes.clear();
    this.columnLabels = columns.map((name) => {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = name;
      // Ticking adds a column to the grouping (after those there), unticking takes it out.
      box.addEventListener("change", () => this.onGroup(name, box.checked));
      this.groupBoxes.set(name, box);
      label.append(box, document.createTextNode(name));
      label.title = name;
      label.hidden = !!this.needle && !name.toLowerCase().includes(this.needle);
      return label;
    });
    this.groupList.replaceChildren(this.groupList.firstElementChild!);
    appendAll(this.groupList, this.columnLabels);
    const chosen = this.color.value;
    this.color.replaceChildren(new Option("one colour per run", ""));
    appendAll(
      this.color,
      columns.map((name) => new Option(name, name)),
    );
    this.color.value = chosen;
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
    this.outliers.checked = settings.ignoreOutliers;
    this.grouping = settings.groupBy.map((given) => ({ given, column: this.columnOf(given) ?? given }));
    const grouped = this.grouping.length > 0;
    for (const [name, box] of this.groupBoxes) box.checked = this.grouping.some(({ column }) => column === name);
    // The same text set again would still replace the text node, and lay the controls out again.
    const summary = grouped ? `group by ${settings.groupBy.join(", ")}` : "group by …";
    if (this.groupSummary.textContent !== summary) this.groupSummary.textContent = summary;
    this.groupSummary.title = grouped ? `Runs are grouped by ${settings.groupBy.join(", ")}` : "Group runs by columns of the runs table";
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

/** Controls after a caption; each control is named by the caption (or its own aria-label) for assistive technology. */
function labelled(text: string, ...controls: HTMLElement[]): HTMLElement {
  for (const control of controls) if (!control.hasAttribute("aria-label")) control.setAttribute("aria-label", text);
  const label = document.createElement("label");
  label.className = "rc-control";
  const caption = document.createElement("span");
  caption.textContent = text;
  label.append(caption, ...controls);
  return label;
}
