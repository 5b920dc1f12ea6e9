import type { RunColors } from "../../render/color.js";
import type { Runs } from "../../data/runs.js";
import { thousands } from "../../data/thousands.js";

/** Long lists are cut: past this many runs, a list would cost more than it helps. */
const MAX_LISTED = 2000;

export interface RunListEvents {
  /** A run under the pointer (show only it), or null when the pointer leaves. */
  hover(row: number | null): void;
  /** Hide a run, or show it again. */
  toggle(row: number): void;
}

/** The runs with their colours, folded by default: hover one to show only it, click to hide it. */
export function runList(runs: Runs, colors: RunColors, hidden: Uint8Array, events: RunListEvents): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "rc-runlist";
  const summary = document.createElement("summary");
  summary.textContent = `Runs (${runs.count}): hover to show one, click to hide or show`;
  details.append(summary);
  details.addEventListener(
    "toggle",
    () => {
      if (details.open && details.childElementCount === 1) details.append(items(runs, colors, hidden, events));
    },
    { once: false },
  );
  return details;
}

function items(runs: Runs, colors: RunColors, hidden: Uint8Array, events: RunListEvents): HTMLElement {
  const list = document.createElement("ul");
  const listed = Math.min(runs.count, MAX_LISTED);
  for (let row = 0; row < listed; row++) {
    const item = document.createElement("li");
    item.dataset.row = String(row);
    item.title = runs.ids[row];
    const swatch = document.createElement("span");
    swatch.className = "rc-swatch";
    const index = colors.paletteIndex[row];
    swatch.style.background = index < 0 ? colors.missingColor : colors.palette[index];
    item.append(swatch, runs.names[row]);
    item.classList.toggle("rc-hidden", hidden[row] === 1);
    list.append(item);
  }
  const rowOf = (event: Event) => {
    const item = (event.target as Element).closest("li");
    return item ? Number(item.dataset.row) : null;
  };
  list.addEventListener("mouseover", (event) => events.hover(rowOf(event)));
  list.addEventListener("mouseleave", () => events.hover(null));
  list.addEventListener("click", (event) => {
    const row = rowOf(event);
    if (row === null) return;
    events.toggle(row);
    (event.target as Element).closest("li")!.classList.toggle("rc-hidden", hidden[row] === 1);
  });
  const wrapper = document.createElement("div");
  wrapper.append(list);
  if (runs.count > listed) {
    const more = document.createElement("p");
    more.className = "rc-hint";
    more.textContent = `The first ${thousands(listed)} of ${thousands(runs.count)} runs are listed.`;
    wrapper.append(more);
  }
  return wrapper;
}
