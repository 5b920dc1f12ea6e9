import { RunsDataError, messages } from "../../data/errors.js";
import type { RunsInput } from "../../data/input.js";
import { readRuns } from "../../data/runs.js";
import { readScalars, type ScalarsInput } from "../../data/scalars.js";
import { SUMMARIES, type Summary } from "../../data/summaries.js";
import { errorBox } from "../../render/error.js";
import { viewStyle } from "../../render/style.js";
import { RUNS_AS, type RunsAs } from "./grid.js";
import { valuesStyle } from "./style.js";
import { ownInputEventsOnly } from "../../render/view.js";
import { ValuesData, type Settings } from "./data.js";
import { ValuesTable } from "./drawing.js";

export interface ValuesOptions {
  /** A runs table: its runs that reported a value are shown, in its order, by their names. Else the scalars' runs. */
  runs?: RunsInput | null;
  /** Which value of each series a cell shows; the switch in the view changes it too. */
  summary?: Summary;
  /** Highlight each series' highest and lowest values, and keep them in view beside it. */
  extremes?: boolean;
  /**
   * A run per row ("rows") or per column ("columns"); null (the default) takes rows when there
   * are more runs than series, so the table grows downwards. The view has a switch for it.
   */
  runsAs?: RunsAs | null;
  /**
   * The column whose values order the rows: a run id when runs are columns, a series when runs
   * are rows; null keeps the original order.
   */
  sortBy?: string | null;
  descending?: boolean;
  /** Run ids to highlight, as set from outside (Python's `w.selected`). */
  selected?: readonly string[];
}

export interface ValuesElement extends HTMLElement {
  /** The selected run ids: chosen by clicking run names, or set from outside. */
  value: string[];
  update(options: Partial<ValuesOptions>): void;
  destroy(): void;
  /** The error shown in place of the table, if the data could not be shown. */
  readonly error: string | null;
  /** The whole table (every run and series, as sorted and laid out) as a standalone SVG document. */
  exportSVG(): string;
  /** The values at full precision, laid out and ordered as shown. */
  exportCSV(): string;
}

/** A table of each run's last, min or max value of every series of the scalars. */
export function values(scalars: ScalarsInput, options: ValuesOptions = {}): ValuesElement {
  const root = document.createElement("div") as unknown as ValuesElement;
  root.className = "rc-view rc-values";
  ownInputEventsOnly(root);
  root.append(viewStyle(), valuesStyle());
  let { selected = [], runs = null, ...rest } = options;
  let settings: Settings = { summary: "last", extremes: true, descending: false, runsAs: null, ...rest };
  let data: ValuesData | null = null;
  let table: ValuesTable | null = null;
  let error: string | null = null;

  const clearError = () => {
    error = null;
    root.querySelector(".rc-error")?.remove();
  };
  const fail = (e: unknown) => {
    table?.destroy();
    table = null;
    error = e instanceof Error ? e.message : String(e);
    root.append(errorBox(error));
  };
  const load = () => {
    data = null;
    clearError();
    try {
      data = new ValuesData(readScalars(scalars), runs ? readRuns(runs) : null);
    } catch (e) {
      fail(e);
    }
  };
  const show = () => {
    if (!data) return;
    clearError();
    try {
      checkSettings(settings, data);
      table ??= new ValuesTable(root, data, {
        select: (ids) => {
          selected = ids;
          table!.show(settings, selected);
          root.dispatchEvent(new Event("input", { bubbles: true }));
        },
        change: (changes) => {
          settings = { ...settings, ...changes };
          table!.show(settings, selected);
        },
      });
      table.show(settings, selected);
    } catch (e) {
      fail(e);
    }
  };

  Object.defineProperties(root, {
    value: {
      get: () => selected,
      set: (ids: readonly string[]) => {
        selected = [...ids];
        table?.show(settings, selected);
      },
    },
    error: { get: () => error },
  });
  root.update = (changes) => {
    const { selected: ids, runs: newRuns, ...changed } = changes;
    if (ids) selected = [...ids];
    settings = { ...settings, ...changed };
    if (newRuns !== undefined) {
      runs = newRuns;
      table?.destroy();
      table = null;
      load();
    }
    show();
  };
  root.exportSVG = () => (table ? table.exportSVG() : "");
  root.exportCSV = () => (table ? table.exportCSV() : "");
  root.destroy = () => {
    table?.destroy();
    table = null;
    root.replaceChildren();
  };
  load();
  show();
  return root;
}

function checkSettings(settings: Settings, data: ValuesData) {
  if (!SUMMARIES.includes(settings.summary)) throw new RunsDataError(messages.unknownSummary(settings.summary));
  if (settings.runsAs != null && !RUNS_AS.includes(settings.runsAs)) throw new RunsDataError(messages.badOption("runsAs", RUNS_AS, settings.runsAs));
  if (settings.sortBy == null) return;
  if (data.runsAs(settings) === "columns") {
    if (!data.columns.ids.includes(settings.sortBy)) throw new RunsDataError(messages.unknownSortRun(settings.sortBy, data.columns.ids));
  } else if (!data.keys.includes(settings.sortBy)) {
    throw new RunsDataError(messages.unknownSortSeries(settings.sortBy, data.keys));
  }
}
