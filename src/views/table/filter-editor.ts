import { brushX, scaleLinear, scaleLog, select, type D3BrushEvent } from "d3";
import { histogram, patternError, textPattern, valueCounts, type RowFilter } from "../../data/row-filters.js";
import type { TableColumn } from "../../data/run-table.js";
import { button } from "../../render/controls.js";
import { durationText, exactTime, numberText } from "./format.js";
import { thousands } from "../../data/thousands.js";

/** Values listed at most; typing narrows the list to the others. */
const LISTED = 200;
/** Number columns with at most this many values get a list of them besides the range. */
const LISTED_NUMBERS = 24;
const HISTOGRAM = { width: 240, height: 56, bottom: 2 };
const SVG = "http://www.w3.org/2000/svg";

export interface FilterEditorInput {
  readonly column: TableColumn;
  readonly filter: RowFilter | undefined;
  /** Runs kept by every other filter and the search: counts and the bright bars are of these. */
  readonly keptByOthers: Uint8Array;
  /** Sets the column's filter, or removes it (null). */
  apply(filter: RowFilter | null): void;
}

/** The filter panel of one column: a range over a histogram for numbers and times, text or a set of values with counts for text and tags. */
export function filterEditor(input: FilterEditorInput): HTMLElement {
  const panel = document.createElement("div");
  panel.className = "rc-filter-editor";
  const title = document.createElement("div");
  title.className = "rc-popover-title";
  title.textContent = [...input.column.section.filter((s) => s !== "run"), input.column.label].join(" › ");
  panel.append(title);
  const numeric = input.column.kind === "number" || input.column.kind === "time" || input.column.kind === "duration";
  panel.append(numeric ? rangeEditor(input) : textEditor(input));
  // A number column of a few values (batch sizes, layer counts) can also be filtered value by value.
  if (input.column.kind === "number" && fewValues(input.column.numbers())) panel.append(valueList(input, () => "").element);
  const clear = button("Clear filter", "Show the runs this filter leaves out", () => input.apply(null));
  const actions = document.createElement("div");
  actions.className = "rc-popover-actions";
  actions.append(clear);
  panel.append(actions);
  return panel;
}

function rangeEditor({ column, filter, keptByOthers, apply }: FilterEditorInput): HTMLElement {
  const box = document.createElement("div");
  box.className = "rc-range-editor";
  const values = column.numbers();
  const bins = histogram(values, keptByOthers);
  if (!bins.edges.length) {
    box.append(note("No values to filter by."));
    return box;
  }
  const range = filter?.kind === "range" ? filter : null;
  const lo = bins.edges[0];
  const hi = bins.edges[bins.edges.length - 1];
  const format = column.kind === "time" ? exactTime : column.kind === "duration" ? durationText : numberText;
  const x = (bins.log ? scaleLog() : scaleLinear()).domain([lo, hi === lo ? lo + 1 : hi]).range([0, HISTOGRAM.width]);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", String(HISTOGRAM.width));
  svg.setAttribute("height", String(HISTOGRAM.height));
  svg.setAttribute("class", "rc-histogram");
  svg.setAttribute("role", "img");
  const tallest = Math.max(1, ...bins.all);
  const barHeight = (count: number) => (count / tallest) * (HISTOGRAM.height - HISTOGRAM.bottom);
  bins.all.forEach((count, i) => {
    const left = x(bins.edges[i]);
    const width = Math.max(1, x(bins.edges[i + 1]) - left - 1);
    for (const [kind, n] of [
      ["all", count],
      ["kept", bins.kept[i]],
    ] as const) {
      const bar = document.createElementNS(SVG, "rect");
      bar.setAttribute("class", `rc-bar-${kind}`);
      bar.setAttribute("x", String(left));
      bar.setAttribute("width", String(width));
      bar.setAttribute("y", String(HISTOGRAM.height - HISTOGRAM.bottom - barHeight(n)));
      bar.setAttribute("height", String(barHeight(n)));
      svg.append(bar);
    }
  });
  svg.setAttribute("aria-label", `Histogram of ${column.label} from ${format(lo)} to ${format(hi)}`);

  const bounds = document.createElement("div");
  bounds.className = "rc-range-bounds";
  const minInput = numberInput("min", range?.min ?? null, lo);
  const maxInput = numberInput("max", range?.max ?? null, hi);
  const shown = document.createElement("div");
  shown.className = "rc-range-text";
  const describe = (min: number | null, max: number | null) => {
    shown.textContent = `${format(min ?? lo)} – ${format(max ?? hi)}`;
  };
  describe(range?.min ?? null, range?.max ?? null);
  const applyRange = (min: number | null, max: number | null) => {
    describe(min, max);
    apply(min === null && max === null ? null : { column: column.id, kind: "range", min, max });
  };
  // Number columns take typed bounds; times and durations are chosen on the histogram.
  if (column.kind === "number") {
    bounds.append(minInput.label, maxInput.label);
    const typed = () => applyRange(minInput.value(), maxInput.value());
    minInput.input.addEventListener("change", typed);
    maxInput.input.addEventListener("change", typed);
  }

  const brush = brushX<unknown>().extent([
    [0, 0],
    [HISTOGRAM.width, HISTOGRAM.height],
  ]);
  const group = select(svg).append("g").attr("class", "rc-histogram-brush");
  group.call(brush);
  if (range) group.call(brush.move, [x(range.min ?? lo), x(range.max ?? hi)]);
  brush.on("brush end", (event: D3BrushEvent<unknown>) => {
    if (!event.sourceEvent) return;
    if (!event.selection) {
      if (event.type === "end") applyRange(null, null);
      return;
    }
    const [a, b] = (event.selection as [number, number]).map((px) => x.invert(px));
    minInput.set(a);
    maxInput.set(b);
    if (event.type === "end") applyRange(a, b);
    else describe(a, b);
  });
  box.append(svg, shown, bounds);
  return box;
}

function numberInput(label: string, value: number | null, placeholder: number) {
  const wrapper = document.createElement("label");
  wrapper.append(label);
  const input = document.createElement("input");
  input.type = "number";
  input.step = "any";
  input.placeholder = numberText(placeholder);
  if (value !== null) input.value = String(value);
  wrapper.append(input);
  return {
    label: wrapper,
    input,
    value: () => (input.value.trim() === "" || !Number.isFinite(input.valueAsNumber) ? null : input.valueAsNumber),
    set: (v: number) => (input.value = String(Number(v.toPrecision(6)))),
  };
}

function textEditor({ column, filter, keptByOthers, apply }: FilterEditorInput): HTMLElement {
  const box = document.createElement("div");
  box.className = "rc-text-editor";
  const input = document.createElement("input");
  input.type = "search";
  input.placeholder = column.id === "name" ? "Text or /regex/" : "Search values, or text or /regex/";
  input.setAttribute("aria-label", `Filter ${column.label} by text`);
  input.value = filter?.kind === "text" ? filter.text : "";
  const problem = document.createElement("div");
  problem.className = "rc-filter-problem";
  problem.setAttribute("role", "status");
  const matchButton = button("", "Keep the runs whose value contains this text or matches this /regex/", () => applyText());
  const applyText = () => {
    const error = patternError(input.value);
    problem.textContent = error ?? "";
    if (error) return;
    apply(input.value.trim() ? { column: column.id, kind: "text", text: input.value } : null);
  };
  box.append(input, problem);

  // Names are one per run: they get the text filter alone, applied as it is typed.
  if (column.id === "name") {
    input.addEventListener("input", applyText);
    return box;
  }
  const list = valueList({ column, filter, keptByOthers, apply }, () => input.value.trim());
  const showList = () => {
    const text = input.value.trim();
    const error = text ? patternError(text) : null;
    problem.textContent = error ?? "";
    matchButton.hidden = !text || error !== null;
    matchButton.textContent = `Keep runs matching “${text}”`;
    list.refresh();
  };
  input.addEventListener("input", showList);
  input.addEventListener("keydown", (event) => event.key === "Enter" && applyText());
  showList();
  box.append(matchButton, list.element);
  return box;
}

/** The values of a column with their counts among the runs the other filters keep, a box each; `narrow` gives the text (or /regex/) they must match. */
function valueList({ column, filter, keptByOthers, apply }: FilterEditorInput, narrow: () => string): { element: HTMLElement; refresh(): void } {
  const box = document.createElement("div");
  const chosen = new Set<string | null>(filter?.kind === "values" ? filter.values : []);
  const counts = valueCounts(column, keptByOthers);
  const list = document.createElement("div");
  list.className = "rc-value-list";
  list.setAttribute("role", "group");
  list.setAttribute("aria-label", `Values of ${column.label}`);
  const more = note("");
  const applyValues = () => apply(chosen.size ? { column: column.id, kind: "values", values: [...chosen] } : null);
  const refresh = () => {
    const text = narrow();
    const pattern = text && !patternError(text) ? textPattern(text) : null;
    const matching = counts.filter(({ value }) => !pattern || (value !== null && pattern.test(value)));
    list.replaceChildren(...matching.slice(0, LISTED).map(({ value, count }) => valueRow(value, count, chosen, applyValues)));
    more.textContent =
      matching.length > LISTED ? `${matching.length - LISTED} more values: type to narrow the list.` : matching.length ? "" : "No value matches.";
  };
  box.append(list, more);
  refresh();
  return { element: box, refresh };
}

/** Whether a number column holds few distinct values (stops counting once it is past them). */
function fewValues(values: Float64Array, few = LISTED_NUMBERS): boolean {
  const seen = new Set<number>();
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    seen.add(v);
    if (seen.size > few) return false;
  }
  return seen.size > 0;
}

function valueRow(value: string | null, count: number, chosen: Set<string | null>, changed: () => void): HTMLElement {
  const row = document.createElement("label");
  row.className = "rc-value-row";
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = chosen.has(value);
  box.addEventListener("change", () => {
    if (box.checked) chosen.add(value);
    else chosen.delete(value);
    changed();
  });
  const text = document.createElement("span");
  text.className = value === null ? "rc-value-text rc-missing" : "rc-value-text";
  text.textContent = value ?? "(no value)";
  text.title = value ?? "";
  const number = document.createElement("span");
  number.className = "rc-value-count";
  number.textContent = thousands(count);
  row.append(box, text, number);
  return row;
}

function note(text: string): HTMLElement {
  const element = document.createElement("div");
  element.className = "rc-note-line";
  element.textContent = text;
  return element;
}
