import { setChildren } from "../../render/dom.js";
import type { LegendEntry } from "./model.js";
import { thousands } from "../../data/thousands.js";

export interface LegendHandlers {
  /** Show or hide entries' lines. */
  toggle(entries: readonly LegendEntry[], shown: boolean): void;
  /** Select an entry's runs; additive with shift, ctrl or cmd. */
  pick(entry: LegendEntry, additive: boolean): void;
  /** The pointer is over an entry's row, or left it (null). */
  hover(entry: LegendEntry | null): void;
}

/**
 * Entries the legend lists at most: a list of 150,000 runs is of no use to read, and its layout
 * cost seconds on every frame that reads a colour. The rest follow "show all" and "hide all".
 */
const MAX_ROWS = 2000;

function moreLine(count: number): HTMLElement {
  const line = document.createElement("div");
  line.className = "rc-run-legend-more";
  line.textContent = `… and ${thousands(count)} more, shown and hidden with the buttons above`;
  return line;
}

/**
 * The run (or group) legend: a check box that shows or hides each entry's lines, and its name,
 * which selects its runs when clicked. Names go in as text.
 */
export class Legend {
  readonly element = document.createElement("div");
  private readonly list = document.createElement("div");
  private readonly status = document.createElement("span");
  private rows = new Map<LegendEntry, { row: HTMLElement; box: HTMLInputElement }>();
  private entries: readonly LegendEntry[] = [];
  private hovered: HTMLElement | null = null;

  constructor(private readonly handlers: LegendHandlers) {
    this.element.className = "rc-run-legend";
    const header = document.createElement("div");
    header.className = "rc-run-legend-header";
    this.status.className = "rc-status";
    header.append(this.button("show all", true), this.button("hide all", false), this.status);
    this.list.className = "rc-run-legend-list";
    this.element.append(header, this.list);
  }

  setEntries(entries: readonly LegendEntry[]) {
    this.entries = entries;
    this.rows.clear();
    this.hovered = null;
    const rows: HTMLElement[] = entries.slice(0, MAX_ROWS).map((entry) => {
      const row = document.createElement("label");
      row.className = "rc-run-legend-entry";
      const box = document.createElement("input");
      box.type = "checkbox";
      box.addEventListener("change", () => this.handlers.toggle([entry], box.checked));
      const swatch = document.createElement("span");
      swatch.className = "rc-swatch";
      swatch.style.background = entry.color;
      const name = document.createElement("span");
      name.className = "rc-run-legend-name";
      const group = entry.runs.length > 1 || entry.key !== entry.runs[0];
      // A group's label says what sets it apart, so it is shown whole; a run's name may be cut, with the whole on hover.
      if (group) row.classList.add("rc-group-entry");
      name.textContent = group ? `${entry.label} (${entry.runs.length})` : entry.label;
      name.title = group ? `${entry.label}: ${entry.runs.length} runs` : entry.label;
      row.addEventListener("pointerenter", () => this.handlers.hover(entry));
      row.addEventListener("pointerleave", () => this.handlers.hover(null));
      name.addEventListener("click", (event) => {
        // The name selects; only the box toggles visibility.
        event.preventDefault();
        this.handlers.pick(entry, event.shiftKey || event.ctrlKey || event.metaKey);
      });
      row.append(box, swatch, name);
      this.rows.set(entry, { row, box });
      return row;
    });
    if (entries.length > MAX_ROWS) rows.push(moreLine(entries.length - MAX_ROWS));
    setChildren(this.list, rows);
  }

  /** Marks the entry under the pointer (in a chart or here). */
  setHovered(entry: LegendEntry | null) {
    this.hovered?.classList.remove("rc-hovered");
    this.hovered = (entry && this.rows.get(entry)?.row) ?? null;
    this.hovered?.classList.add("rc-hovered");
  }

  /** Reflects which entries are shown and which stand out as selected. */
  sync(shown: (entry: LegendEntry) => boolean, selected: ReadonlySet<LegendEntry> | null, status: string) {
    for (const [entry, { row, box }] of this.rows) {
      box.checked = shown(entry);
      row.classList.toggle("rc-selected", !!selected?.has(entry));
    }
    // The same text set again would still replace the text node, and lay out the legend again.
    if (this.status.textContent !== status) this.status.textContent = status;
  }

  private button(label: string, shown: boolean): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", () => this.handlers.toggle(this.entries, shown));
    return button;
  }
}
