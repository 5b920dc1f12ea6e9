import { popover, type Popover } from "./popover.js";

/** One column the picker lists. */
export interface PickableColumn {
  readonly name: string;
  /** A short word after the name, such as "one value" for a constant column. */
  readonly hint?: string;
}

export interface ColumnGroup {
  readonly title: string;
  readonly columns: readonly PickableColumn[];
}

/**
 * A "choose columns" button for tables with hundreds of columns: a panel with a search box and
 * one checkbox per column, in groups (params, metrics, others). `toggle` is called with a
 * column's name and whether it is now chosen; `isChosen` is asked each time the panel opens.
 */
export function columnPicker(
  label: string,
  groups: readonly ColumnGroup[],
  isChosen: (name: string) => boolean,
  toggle: (name: string, chosen: boolean) => void,
): Popover {
  const panel = document.createElement("div");
  panel.className = "rc-column-picker";
  const search = document.createElement("input");
  search.type = "search";
  search.placeholder = "search columns";
  search.setAttribute("aria-label", "search columns");
  const count = document.createElement("div");
  count.className = "rc-hint";
  const list = document.createElement("div");
  list.className = "rc-column-list";
  const boxes: { box: HTMLInputElement; row: HTMLLabelElement; text: string }[] = [];
  const headings: { heading: HTMLElement; rows: HTMLLabelElement[] }[] = [];
  for (const group of groups) {
    if (!group.columns.length) continue;
    const heading = document.createElement("div");
    heading.className = "rc-column-group";
    heading.textContent = group.title;
    list.append(heading);
    const rows: HTMLLabelElement[] = [];
    headings.push({ heading, rows });
    for (const column of group.columns) {
      const row = document.createElement("label");
      row.title = column.name;
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = column.name;
      box.addEventListener("change", () => toggle(column.name, box.checked));
      const name = document.createElement("span");
      name.className = "rc-column-name";
      name.textContent = column.name;
      row.append(box, name);
      if (column.hint) {
        const hint = document.createElement("span");
        hint.className = "rc-column-hint";
        hint.textContent = column.hint;
        row.append(hint);
      }
      list.append(row);
      rows.push(row);
      boxes.push({ box, row, text: column.name.toLowerCase() });
    }
  }
  const filter = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const { row, text } of boxes) {
      row.hidden = !words.every((word) => text.includes(word));
      if (!row.hidden) shown++;
    }
    for (const { heading, rows } of headings) heading.hidden = rows.every((row) => row.hidden);
    count.textContent = words.length ? `${shown} of ${boxes.length} columns match` : `${boxes.length} columns`;
  };
  search.addEventListener("input", filter);
  filter();
  panel.append(search, count, list);
  const opened = popover(label, panel, () => {
    for (const { box } of boxes) box.checked = isChosen(box.value);
    search.focus();
  });
  return opened;
}
