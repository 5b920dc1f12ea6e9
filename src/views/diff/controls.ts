/** What the controls above the table ask of it. */
export interface ControlEvents {
  hideIdentical(hide: boolean): void;
  difference(step: 1 | -1): void;
  /** Runs a search; false when the text is the one already searched. */
  search(query: string): boolean;
  match(step: 1 | -1): void;
  exportJSON(): void;
  restoreRuns(): void;
}

export interface Controls {
  readonly bar: HTMLElement;
  /** The JSON export, for the toolbar's exports. */
  readonly exportJSON: HTMLButtonElement;
  readonly hint: HTMLElement;
  readonly hideBox: HTMLInputElement;
  readonly searchBox: HTMLInputElement;
  /** "3 of 120 fields differ", and which difference is focused. */
  readonly status: HTMLElement;
  readonly matchStatus: HTMLElement;
  readonly restore: HTMLButtonElement;
  destroy(): void;
}

// Typing pauses this long before the search runs: each search reads every value.
const SEARCH_DELAY = 120;

export const KEY_HINT =
  "Keys: n or j next difference, p or k previous; / search, Enter or Shift+Enter next or previous match, Esc clears it. " +
  "The leftmost run is the base: drag a run's header to reorder, or press its “set as base”.";

export function controls(events: ControlEvents): Controls {
  const bar = document.createElement("div");
  bar.className = "rc-diff-controls";

  const hideLabel = document.createElement("label");
  const hideBox = document.createElement("input");
  hideBox.type = "checkbox";
  hideBox.addEventListener("change", () => events.hideIdentical(hideBox.checked));
  hideLabel.append(hideBox, "Hide identical fields");

  const previous = button("↑ Previous difference", "Previous difference (p or k)", () => events.difference(-1));
  const next = button("↓ Next difference", "Next difference (n or j)", () => events.difference(1));
  const status = document.createElement("span");
  status.className = "rc-status";
  status.setAttribute("aria-live", "polite");
  const restore = button("restore", "Show the removed runs again", () => events.restoreRuns());
  restore.hidden = true;

  const search = document.createElement("div");
  search.className = "rc-search";
  search.setAttribute("role", "search");
  const searchBox = document.createElement("input");
  searchBox.type = "search";
  searchBox.placeholder = "Search fields and values";
  searchBox.setAttribute("aria-label", "Search field names and values");
  let timer = 0;
  const runSearch = () => {
    clearTimeout(timer);
    return events.search(searchBox.value);
  };
  // A new text first shows its first match; the same text steps to the next (or previous) one.
  const findNext = (step: 1 | -1) => runSearch() || events.match(step);
  searchBox.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(runSearch, SEARCH_DELAY);
  });
  searchBox.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      findNext(event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      searchBox.value = "";
      runSearch();
      searchBox.blur();
    }
  });
  const matchStatus = document.createElement("span");
  matchStatus.className = "rc-match-status";
  matchStatus.setAttribute("aria-live", "polite");
  search.append(
    searchBox,
    button("↑", "Previous match (Shift+Enter)", () => findNext(-1), "Previous match"),
    button("↓", "Next match (Enter)", () => findNext(1), "Next match"),
    matchStatus,
  );

  const exportJSON = button("JSON", "Save the fields that differ from the base, with every run's value, as JSON", () => events.exportJSON());
  const tools = document.createElement("div");
  tools.className = "rc-diff-tools";
  tools.append(search);
  bar.append(hideLabel, previous, next, status, restore, tools);

  const hint = document.createElement("div");
  hint.className = "rc-hint";
  hint.textContent = KEY_HINT;
  return { bar, exportJSON, hint, hideBox, searchBox, status, matchStatus, restore, destroy: () => clearTimeout(timer) };
}

function button(text: string, title: string, action: () => void, label?: string): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = text;
  element.title = title;
  if (label) element.setAttribute("aria-label", label);
  element.addEventListener("click", action);
  return element;
}
