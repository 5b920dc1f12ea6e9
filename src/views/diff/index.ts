import { readDetails, type Details, type DetailsInput } from "../../data/details.js";
import { withBase } from "../../data/diff.js";
import { RunsDataError, messages } from "../../data/errors.js";
import { errorBox } from "../../render/error.js";
import { viewStyle } from "../../render/style.js";
import { diffStyle } from "./style.js";
import { ownInputEventsOnly } from "../../render/view.js";
import { DiffTable, type Settings } from "./drawing.js";

export interface DiffOptions {
  /** Run ids to compare, in column order; defaults to every run, in the details' order. */
  runs?: readonly string[] | null;
  /** The run every other is compared with; it becomes the leftmost column. Defaults to the first run. */
  base?: string | null;
  /** Show only the fields where some run differs from the base. */
  hideIdentical?: boolean;
  /** Text to find in field names and values. */
  search?: string;
  /** The table's largest height in CSS pixels; it scrolls beyond. */
  height?: number;
}

export interface DiffElement extends HTMLElement {
  /** The base run's id; setting it makes that run the base. */
  value: string;
  update(options: Partial<DiffOptions>): void;
  destroy(): void;
  /** The error shown in place of the table, if the data could not be shown. */
  readonly error: string | null;
  /** The rows as shown (sections, fields' first lines) as a standalone SVG document. */
  exportSVG(): string;
  /** Every field that passes the filter: its status and each run's value. */
  exportCSV(): string;
  /** The fields that differ from the base, with each run's value, as JSON. */
  exportJSON(): string;
}

/**
 * Side-by-side diff: a column per run, each config field on a row, grouped in collapsible
 * sections; every value that differs from the base run's is highlighted.
 */
export function diff(data: DetailsInput, options: DiffOptions = {}): DiffElement {
  const root = document.createElement("div") as unknown as DiffElement;
  root.className = "rc-view rc-diff";
  ownInputEventsOnly(root);
  root.tabIndex = 0;
  // JupyterLab's command-mode keys (j, k, ...) would act on the notebook while the view has focus.
  root.setAttribute("data-lm-suppress-shortcuts", "true");
  root.append(viewStyle(), diffStyle());
  let settings: Settings = { hideIdentical: false, search: "", height: 560, ...options };
  let details: Details | null = null;
  let table: DiffTable | null = null;
  let error: string | null = null;

  const fail = (e: unknown) => {
    table?.destroy();
    table = null;
    error = e instanceof Error ? e.message : String(e);
    root.querySelector(".rc-error")?.remove();
    root.append(errorBox(error));
  };
  const build = () => {
    error = null;
    root.querySelector(".rc-error")?.remove();
    try {
      details ??= readDetails(data);
      const runs = chooseRuns(details, settings.runs, settings.base);
      table = new DiffTable(root, details, runs, settings, () => root.dispatchEvent(new Event("input", { bubbles: true })));
    } catch (e) {
      fail(e);
    }
  };

  Object.defineProperties(root, {
    value: {
      // Configurable: the widget adapter (selection.ts) shows the base as a list of one.
      configurable: true,
      get: () => (table && details ? details.ids[table.runs[0]] : ""),
      set: (id: string) => {
        const run = details?.ids.indexOf(id) ?? -1;
        if (table && run >= 0) table.setRuns(withBase(table.runs, run), false);
      },
    },
    error: { get: () => error },
  });
  root.update = (changes) => {
    settings = { ...settings, ...changes };
    if (!table || !details) return build();
    try {
      if (changes.runs !== undefined) table.setRuns(chooseRuns(details, settings.runs, changes.base ?? null), false);
      else if (changes.base != null) table.setRuns(withBase(table.runs, runIndex(details, "base", changes.base)), false);
      if (changes.hideIdentical !== undefined) table.setHideIdentical(changes.hideIdentical);
      if (changes.search !== undefined) table.setSearch(changes.search);
      if (changes.height !== undefined) table.setHeight(changes.height);
    } catch (e) {
      fail(e);
    }
  };
  root.exportSVG = () => table?.exportSVG() ?? "";
  root.exportCSV = () => table?.exportCSV() ?? "";
  root.exportJSON = () => table?.exportJSON() ?? "";
  root.destroy = () => {
    table?.destroy();
    table = null;
    root.replaceChildren();
  };
  build();
  return root;
}

function chooseRuns(details: Details, ids: readonly string[] | null | undefined, base: string | null | undefined): number[] {
  if (ids && ids.length === 0) throw new RunsDataError(messages.diffNoRuns());
  const runs = ids ? [...new Set(ids.map((id) => runIndex(details, "runs", id)))] : details.ids.map((_, run) => run);
  return base == null ? runs : withBase(runs, runIndex(details, "base", base));
}

function runIndex(details: Details, option: string, id: string): number {
  const run = details.ids.indexOf(id);
  if (run < 0) throw new RunsDataError(messages.diffUnknownRun(option, id, details.ids));
  return run;
}
