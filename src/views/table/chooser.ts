import type { TableColumn } from "../../data/run-table.js";
import { SUMMARIES } from "../../data/summaries.js";
import { button } from "../../render/controls.js";

export interface ChooserInput {
  /** Every column the table offers, in the table's order. */
  readonly columns: readonly TableColumn[];
  /** The ids shown, in order. */
  readonly shown: readonly string[];
  /** The ids a fresh table shows. */
  readonly defaults: readonly string[];
  apply(shown: string[]): void;
}

/**
 * The column chooser: a search over every column's name, the columns grouped by section with a
 * box each (a whole section at once from its heading), and LAST / MIN / MAX per scalars series.
 */
export function columnChooser(input: ChooserInput): HTMLElement {
  let shown = [...input.shown];
  const panel = document.createElement("div");
  panel.className = "rc-chooser";
  const search = document.createElement("input");
  search.type = "search";
  search.placeholder = `Search ${input.columns.length - 1} columns`;
  search.setAttribute("aria-label", "Search columns");
  const list = document.createElement("div");
  list.className = "rc-chooser-list";
  const count = document.createElement("span");
  count.className = "rc-chooser-count";
  const matching = () => {
    const text = search.value.trim().toLowerCase();
    return input.columns.filter((c) => c.id !== "name" && (!text || c.id.toLowerCase().includes(text) || c.label.toLowerCase().includes(text)));
  };
  const set = (next: string[]) => {
    shown = next;
    input.apply(shown);
    render();
  };
  const toggle = (ids: readonly string[], on: boolean) =>
    set(on ? ids.reduce((acc, id) => withColumn(acc, id, input.columns), shown) : shown.filter((id) => !ids.includes(id)));
  const render = () => {
    const columns = matching();
    count.textContent = `${shown.length} of ${input.columns.length - 1} shown`;
    list.replaceChildren(...groups(columns).map((group) => sectionBlock(group, new Set(shown), toggle)));
    if (!columns.length) list.append(Object.assign(document.createElement("div"), { className: "rc-note-line", textContent: "No column matches." }));
  };
  search.addEventListener("input", render);
  const actions = document.createElement("div");
  actions.className = "rc-popover-actions";
  actions.append(
    button("Show all", "Show every column that matches the search", () =>
      toggle(
        matching().map((c) => c.id),
        true,
      ),
    ),
    button("Hide all", "Hide every column that matches the search", () =>
      toggle(
        matching().map((c) => c.id),
        false,
      ),
    ),
    button("Defaults", "Show the columns a new table shows", () => set([...input.defaults])),
    count,
  );
  panel.append(search, actions, list);
  render();
  return panel;
}

/** The shown ids with one more, put where it sits in the table's order among those shown. */
export function withColumn(shown: readonly string[], id: string, columns: readonly TableColumn[]): string[] {
  if (shown.includes(id)) return [...shown];
  const place = new Map(columns.map((c, i) => [c.id, i]));
  const at = shown.findIndex((other) => (place.get(other) ?? Infinity) > place.get(id)!);
  return at < 0 ? [...shown, id] : [...shown.slice(0, at), id, ...shown.slice(at)];
}

interface Group {
  readonly title: string;
  readonly columns: TableColumn[];
}

function groups(columns: readonly TableColumn[]): Group[] {
  const byTitle = new Map<string, TableColumn[]>();
  for (const column of columns) {
    const title = column.section.join(" › ");
    if (!byTitle.has(title)) byTitle.set(title, []);
    byTitle.get(title)!.push(column);
  }
  return [...byTitle].map(([title, members]) => ({ title, columns: members }));
}

function sectionBlock(group: Group, shown: ReadonlySet<string>, toggle: (ids: readonly string[], on: boolean) => void): HTMLElement {
  const block = document.createElement("div");
  block.className = "rc-chooser-section";
  const heading = document.createElement("label");
  heading.className = "rc-chooser-heading";
  const all = document.createElement("input");
  all.type = "checkbox";
  const ids = group.columns.map((c) => c.id);
  const on = ids.filter((id) => shown.has(id)).length;
  all.checked = on === ids.length;
  all.indeterminate = on > 0 && on < ids.length;
  all.addEventListener("change", () => toggle(ids, all.checked));
  const title = document.createElement("span");
  title.textContent = `${group.title} (${on}/${ids.length})`;
  heading.append(all, title);
  block.append(heading);
  const series = new Set<string>();
  for (const column of group.columns) {
    if (!column.series) block.append(columnRow(column, shown.has(column.id), toggle));
    else if (!series.has(column.series.key)) {
      series.add(column.series.key);
      block.append(seriesRow(column.series.key, shown, toggle));
    }
  }
  return block;
}

function columnRow(column: TableColumn, on: boolean, toggle: (ids: readonly string[], on: boolean) => void): HTMLElement {
  const row = document.createElement("label");
  row.className = "rc-chooser-row";
  row.title = column.id;
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = on;
  box.addEventListener("change", () => toggle([column.id], box.checked));
  const text = document.createElement("span");
  text.textContent = column.label;
  row.append(box, text);
  return row;
}

/** One series of the scalars with a button per summary. */
function seriesRow(key: string, shown: ReadonlySet<string>, toggle: (ids: readonly string[], on: boolean) => void): HTMLElement {
  const row = document.createElement("div");
  row.className = "rc-chooser-row rc-chooser-series";
  const text = document.createElement("span");
  text.textContent = key;
  text.title = key;
  const buttons = document.createElement("span");
  buttons.className = "rc-toggle";
  buttons.setAttribute("role", "group");
  buttons.setAttribute("aria-label", `Summaries of ${key}`);
  for (const summary of SUMMARIES) {
    const id = `${key}:${summary}`;
    const pressed = shown.has(id);
    buttons.append(button(summary.toUpperCase(), `${pressed ? "Hide" : "Show"} each run's ${summary} of ${key}`, () => toggle([id], !pressed), pressed));
  }
  row.append(text, buttons);
  return row;
}
