import { RunsDataError } from "../../data/errors.js";
import { readColumns, type RunsInput } from "../../data/input.js";
import { distinctNames } from "../../data/names.js";
import { readRuns } from "../../data/runs.js";
import { rowsOfRuns, rowsOfRunsAt } from "../../data/subset.js";
import { categoricalColor } from "../../render/color.js";
import { button } from "../../render/controls.js";
import type { AppendedRows } from "../../data/append.js";
import { sameIds, type Drawing, type Hooks, type Settled, type ViewElement } from "../../render/view.js";
import type { SampleSource } from "../samples/store.js";
import { table, type TableElement } from "../table/index.js";
import type { AxisState } from "../parallel/state.js";
import { TABS, type ComparedTables, type Significance, type Tab, type TabView } from "./tabs.js";
import type { CompareOptions, CompareState, PageTables } from "./index.js";
import { counted } from "../../render/text.js";
import { thousands } from "../../data/thousands.js";

/** The runs compared when none are checked: the first rows the table shows (as ClearML does). */
export const FIRST_SHOWN = 100;

type TabName = Tab["name"];

/** The page's options that say how the Scalars tab's views compare groups of runs. */
const SIGNIFICANCE = ["groupBy", "pairBy", "baseGroup", "test"] as const;

function significanceOf(options: Settled<CompareOptions>): Significance {
  return { groupBy: options.groupBy, pairBy: options.pairBy, base: options.baseGroup, test: options.test };
}

/** The samples of the runs compared, asked of the page's source by their rows in the whole table (`rows`: the tab's rows there). */
function rowsOfSource(source: SampleSource, rows: readonly number[]): SampleSource {
  return (asked) => source(asked.map((row) => rows[row]));
}

/** A view a tab has built, and whether the runs it shows are still the page's. */
interface Built {
  readonly element: ViewElement;
  readonly spec: TabView;
}

/**
 * The comparison page: the runs table in a pane that folds away, the runs compared (checked, or
 * the first shown) as chips with their colour, and a tab per kind of data, each tab building its
 * views on its first visit and anew when the runs compared change. The page keeps what they
 * share: the base run, the colours, the hidden runs and the selection.
 */
export class CompareDrawing implements Drawing<CompareOptions> {
  private readonly page = document.createElement("div");
  private readonly pane = document.createElement("details");
  private readonly runsTable: TableElement;
  private readonly selectionStyle = document.createElement("style");
  private readonly bar = document.createElement("div");
  private readonly chips = document.createElement("div");
  private readonly tabBar = document.createElement("div");
  private readonly panels = new Map<TabName, { panel: HTMLElement; switcher: HTMLElement; host: HTMLElement }>();
  private readonly built = new Map<string, Built>();
  private readonly tabs: readonly Tab[];
  private params: readonly string[] = [];
  private metrics: readonly string[] = [];
  /** Each run's name as the views show it (its name column, MLflow's run name, else its id; names runs share told apart by their ids), by id. */
  private names = new Map<string, string>();
  private tab: TabName;
  private base: string | null;
  private hidden: Set<string>;
  private shownViews: Record<string, string>;
  private viewStates: Record<string, object>;
  private significance: Significance;
  /** The params clicked in the importance bars, each added as a parallel axis. */
  private axisParams: readonly string[];
  private selected: readonly string[] = [];
  private compared: string[] = [];
  private tables: ComparedTables | null = null;

  constructor(
    root: HTMLElement,
    private data: PageTables,
    options: Settled<CompareOptions>,
    private readonly hooks: Hooks<CompareOptions>,
  ) {
    const state = options.state as Partial<CompareState>;
    this.readRuns();
    const given: ComparedTables = { ...data, params: this.params, metrics: this.metrics };
    this.tabs = TABS.filter((tab) => tab.has(given)).map((tab) => ({ ...tab, views: tab.views.filter((view) => view.has?.(given) ?? true) }));
    this.tab = this.tabs.some((tab) => tab.name === options.tab) ? options.tab : this.tabs[0].name;
    this.base = options.base;
    this.hidden = new Set(state.hidden ?? []);
    this.shownViews = { ...state.shown };
    this.viewStates = { ...state.views };
    this.significance = significanceOf(options);
    this.axisParams = state.params ?? [];

    this.page.className = "rc-compare-page";
    this.pane.className = "rc-compare-pane";
    this.pane.open = state.pane ?? true;
    const summary = document.createElement("summary");
    this.pane.append(summary);
    this.runsTable = table(data.runs, { scalars: data.scalars, height: 320, selected: state.compared ?? [], state: state.table });
    // A runs table that cannot be shown is the page's error, not a pane's.
    if (this.runsTable.error !== null) throw new RunsDataError(this.runsTable.error);
    this.pane.append(this.selectionStyle, this.runsTable);
    this.pane.addEventListener("toggle", () => {
      this.markSelectedRows();
      this.hooks.stateChanged();
    });
    this.runsTable.addEventListener("input", () => this.compareChanged());
    this.runsTable.addEventListener("statechange", () => {
      // Sorting or filtering changes which runs are the first shown, when none are checked.
      if (this.runsTable.value.length === 0) this.compareChanged();
      else this.hooks.stateChanged();
    });
    this.bar.className = "rc-compare-bar";
    this.chips.className = "rc-compare-runs";
    this.tabBar.className = "rc-compare-tabs";
    this.tabBar.setAttribute("role", "tablist");
    for (const tab of this.tabs) this.addTab(tab);
    this.page.append(this.pane, this.bar, this.chips, this.tabBar, ...[...this.panels.values()].map(({ panel }) => panel));
    root.append(this.page);
    this.compareChanged(false);
  }

  /** The runs table's params and metrics columns, and each run's name. */
  private readRuns() {
    const columns = readColumns(this.data.runs, "runs").columns.map((column) => column.name);
    this.params = columns.filter((name) => name.startsWith("params."));
    this.metrics = columns.filter((name) => name.startsWith("metrics."));
    const all = readRuns(this.data.runs);
    const names = distinctNames(all.names, all.ids);
    this.names = new Map(all.ids.map((id, row) => [id, names[row]]));
  }

  /**
   * Rows appended (`view.append`, Python's `w.append`): the table pane shows them in place and
   * the runs compared follow it (new runs take the next colours). Reports of runs already
   * compared join the views built, in place where they can; new or changed runs make the views
   * anew, their states and the selection kept. Scalars for a page that had none: drawn anew, with
   * its Scalars tab.
   */
  append(added: AppendedRows, options: Settled<CompareOptions>, runs: RunsInput | null): boolean {
    if (added.scalars && this.data.scalars === null) return false;
    this.data = { ...this.data, runs: runs!, scalars: options.scalars ?? null };
    if (added.runs) this.readRuns();
    this.runsTable.append(added);
    const before = this.compared;
    this.compared = this.comparedIds();
    if (added.runs || !sameIds(before, this.compared)) this.rebuild();
    else {
      const shown = this.shownRuns();
      this.tables = this.comparedTables(shown);
      const scalars = rowsOfRuns(added.scalars!, shown, "scalars");
      for (const { element } of this.built.values()) element.append({ scalars });
    }
    this.hooks.stateChanged();
    return true;
  }

  private shownRuns(): Set<string> {
    return new Set(this.compared.filter((id) => !this.hidden.has(id)));
  }

  /** The runs the tabs compare: the checked rows, else the first shown. */
  private comparedIds(): string[] {
    const checked = this.runsTable.value;
    return checked.length ? [...checked] : this.runsTable.shownIds(FIRST_SHOWN);
  }

  /** The runs compared changed (checks, + or x, the table's order): the chips, and the tabs' views made anew. */
  private compareChanged(tell = true) {
    const compared = this.comparedIds();
    const same = sameIds(compared, this.compared);
    this.compared = compared;
    if (!same || !this.tables) this.rebuild();
    if (tell) this.hooks.stateChanged();
  }

  private rebuild() {
    const shown = this.shownRuns();
    this.tables = this.comparedTables(shown);
    if (this.base === null || !shown.has(this.base)) this.base = [...shown][0] ?? null;
    for (const name of [...this.built.keys()]) this.drop(name);
    for (const { host } of this.panels.values()) host.replaceChildren();
    this.drawChips();
    this.showTab(this.tab, false);
  }

  /** Every table cut to the rows of these runs. */
  private comparedTables(shown: ReadonlySet<string>): ComparedTables {
    const { runs, scalars, details, samples, plots, source } = this.data;
    const only = <T>(input: T | null, name: "scalars" | "details" | "samples" | "plots") =>
      input === null ? null : (rowsOfRuns(input as RunsInput, shown, name) as T);
    return {
      runs: rowsOfRuns(runs, shown, "runs"),
      scalars: only(scalars, "scalars"),
      details: only(details, "details"),
      samples: only(samples, "samples"),
      plots: only(plots, "plots"),
      source: samples === null || source === null ? null : rowsOfSource(source, rowsOfRunsAt(samples, shown, "samples") ?? []),
      params: this.params,
      metrics: this.metrics,
    };
  }

  /** Each compared run's colour, the same in every tab: by its place among the runs compared, hidden ones too, so hiding a run recolours none. */
  private colors(): Record<string, string> {
    return Object.fromEntries(this.compared.map((id, i) => [id, categoricalColor(i)]));
  }

  private drawChips() {
    const colors = this.colors();
    const chips = this.compared.map((id) => {
      const chip = document.createElement("span");
      chip.className = "rc-compare-run";
      chip.dataset.run = id;
      chip.classList.toggle("rc-hidden-run", this.hidden.has(id));
      const swatch = document.createElement("span");
      swatch.className = "rc-swatch";
      swatch.style.background = colors[id];
      const name = document.createElement("span");
      name.className = "rc-compare-name";
      name.textContent = this.names.get(id) ?? id;
      name.title = id;
      const hidden = this.hidden.has(id);
      const eye = button(hidden ? "show" : "hide", hidden ? "Show this run in every tab" : "Hide this run in every tab", () => this.toggleHidden(id));
      eye.className = "rc-compare-eye";
      const remove = button("×", "Stop comparing this run", () => this.setCompared(this.compared.filter((other) => other !== id)));
      remove.className = "rc-compare-remove";
      chip.append(swatch, name, eye, remove);
      return chip;
    });
    const label = document.createElement("span");
    label.className = "rc-compare-label";
    label.textContent = `Comparing ${counted(this.compared.length, "run")}${this.runsTable.value.length ? "" : ` (the first ${FIRST_SHOWN} shown; check rows to choose)`}`;
    this.bar.replaceChildren(label, this.adder(), this.basePicker());
    this.chips.replaceChildren(...chips);
    const summary = this.pane.querySelector("summary")!;
    summary.textContent = `Runs table (${thousands(this.runsTable.shown.runs)} shown, ${thousands(this.runsTable.value.length)} checked)`;
  }

  /** "+": a run of the table not compared yet, picked by id (the list is made when opened: there may be thousands). */
  private adder(): HTMLElement {
    const select = document.createElement("select");
    select.className = "rc-compare-add";
    select.title = "Add a run to the comparison";
    select.append(new Option("+ add run", ""));
    select.addEventListener("focus", () => {
      if (select.options.length > 1) return;
      const compared = new Set(this.compared);
      for (const id of this.runsTable.shownIds()) if (!compared.has(id)) select.append(new Option(this.names.get(id) ?? id, id));
    });
    select.addEventListener("change", () => select.value && this.setCompared([...this.compared, select.value]));
    return select;
  }

  private basePicker(): HTMLElement {
    const label = document.createElement("label");
    label.append("Base run ");
    const select = document.createElement("select");
    select.className = "rc-compare-base";
    for (const id of this.compared) if (!this.hidden.has(id)) select.append(new Option(this.names.get(id) ?? id, id, false, id === this.base));
    select.addEventListener("change", () => this.setBase(select.value));
    label.append(select);
    return label;
  }

  /** + and x check exactly the runs compared, so what was the first shown becomes checked rows. */
  private setCompared(ids: string[]) {
    this.runsTable.value = ids;
    this.compareChanged();
  }

  private toggleHidden(id: string) {
    if (!this.hidden.delete(id)) this.hidden.add(id);
    this.rebuild();
    this.hooks.stateChanged();
  }

  /** The base run of every tab: the diff's first column, the plots' and samples' base. */
  private setBase(id: string | null) {
    if (id === this.base) return;
    this.base = id;
    for (const { element, spec } of this.built.values()) if ("base" in element.state) element.update({ base: spec.base ? spec.base(this.tables!, id) : id });
    this.drawChips();
    this.hooks.record({ base: id });
  }

  private addTab(tab: Tab) {
    const tabButton = button(tab.label, `Show ${tab.label}`, () => this.showTab(tab.name));
    tabButton.setAttribute("role", "tab");
    tabButton.dataset.tab = tab.name;
    this.tabBar.append(tabButton);
    const panel = document.createElement("div");
    panel.className = "rc-compare-panel";
    panel.dataset.tab = tab.name;
    panel.setAttribute("role", "tabpanel");
    const switcher = document.createElement("div");
    switcher.className = "rc-toggle rc-compare-switch";
    if (tab.views.length > 1) {
      for (const view of tab.views) {
        const choice = button(view.label, `Show ${view.label}`, () => this.showView(tab, view.name));
        choice.dataset.view = view.name;
        switcher.append(choice);
      }
    }
    const host = document.createElement("div");
    host.className = "rc-compare-host";
    panel.append(switcher, host);
    this.panels.set(tab.name, { panel, switcher, host });
  }

  /** Shows a tab, building its view on the first visit (a tab never visited costs nothing). */
  private showTab(name: TabName, tell = true) {
    this.tab = name;
    for (const [tabName, { panel }] of this.panels) panel.hidden = tabName !== name;
    for (const tabButton of this.tabBar.querySelectorAll<HTMLElement>("[data-tab]"))
      tabButton.setAttribute("aria-selected", String(tabButton.dataset.tab === name));
    const tab = this.tabs.find((t) => t.name === name)!;
    this.showView(tab, this.shownViews[name] ?? tab.views[0].name, false);
    if (tell) this.hooks.record({ tab: name });
  }

  private showView(tab: Tab, name: string, tell = true) {
    const spec = tab.views.find((view) => view.name === name) ?? tab.views[0];
    if (tab.views.length > 1) this.shownViews[tab.name] = spec.name;
    const { switcher, host } = this.panels.get(tab.name)!;
    for (const choice of switcher.querySelectorAll<HTMLElement>("[data-view]")) choice.setAttribute("aria-pressed", String(choice.dataset.view === spec.name));
    for (const child of host.children) (child as HTMLElement).hidden = (child as HTMLElement).dataset.view !== spec.name;
    const built = this.built.get(spec.name);
    if (!built) this.build(spec, host);
    else if (spec.value === "selection") built.element.value = [...this.selected];
    if (tell) this.hooks.stateChanged();
  }

  /** Builds a view in its tab's host (hidden unless it is the one the tab shows); null when there are no runs to show. */
  private build(spec: TabView, host: HTMLElement): ViewElement | null {
    if (this.tables === null) return null;
    if (!this.compared.some((id) => !this.hidden.has(id))) {
      host.querySelector(".rc-compare-empty")?.remove();
      const note = document.createElement("p");
      note.className = "rc-compare-empty";
      note.textContent = this.compared.length
        ? "Every run compared is hidden: show one with its chip above."
        : "No runs to compare: the table's filters leave none.";
      host.append(note);
      return null;
    }
    const element = spec.make(this.tables, {
      base: this.base,
      colors: this.colors(),
      significance: this.significance,
      params: this.axisParams,
      state: this.viewStates[spec.name],
    });
    if (spec.value === "selection") {
      // A view restored with a brush (or checked rows) selects its runs: they become the page's selection.
      if (element.value.length && !sameIds(element.value, this.selected)) this.select([...element.value], element);
      else element.value = [...this.selected];
      element.addEventListener("input", () => this.select(element.value, element));
    } else if (spec.value === "params") {
      element.addEventListener("input", () => this.chooseParams(element.value));
    } else {
      // The diff's value is the runs it compares: a run removed there stops being compared.
      element.addEventListener("input", () => {
        const kept = new Set(element.value);
        const removed = new Set(this.compared.filter((id) => !this.hidden.has(id) && !kept.has(id)));
        if (removed.size) this.setCompared(this.compared.filter((id) => !removed.has(id)));
      });
    }
    element.addEventListener("statechange", () => this.viewStateChanged(spec, element));
    element.dataset.view = spec.name;
    element.hidden = (this.shownViews[this.tabOf(spec).name] ?? this.tabOf(spec).views[0].name) !== spec.name;
    host.append(element);
    this.built.set(spec.name, { element, spec });
    return element;
  }

  private tabOf(spec: TabView): Tab {
    return this.tabs.find((tab) => tab.views.includes(spec))!;
  }

  /** Params clicked in the importance bars: each not yet an axis of the parallel coordinates becomes one, after their last param axis. */
  private chooseParams(chosen: readonly string[]) {
    this.axisParams = [...chosen];
    const tab = this.tabs.find((t) => t.name === "hyperparameters")!;
    const spec = tab.views.find((view) => view.name === "parallel")!;
    const parallel = this.built.get(spec.name)?.element ?? this.build(spec, this.panels.get(tab.name)!.host);
    if (parallel && parallel.error === null) {
      const kept = (parallel.state as { axes?: AxisState[] | null }).axes;
      const axes: AxisState[] = kept ?? [...parallel.querySelectorAll<SVGElement>(".rc-axis[data-column]")].map((axis) => ({ column: axis.dataset.column! }));
      const missing = chosen.filter((param) => !axes.some((axis) => axis.column === param));
      if (missing.length) {
        const at = axes.reduce((after, axis, i) => (axis.column.startsWith("params.") ? i + 1 : after), 0);
        parallel.update({ state: { ...parallel.state, axes: [...axes.slice(0, at), ...missing.map((column) => ({ column })), ...axes.slice(at)] } });
      }
    }
    this.hooks.stateChanged();
  }

  private viewStateChanged(spec: TabView, element: ViewElement) {
    this.keepState(spec.name, element);
    const base = (element.state as { base?: unknown }).base;
    // The diff's "set as base" sets the page's base run.
    if (typeof base === "string" && base !== this.base) this.setBase(base);
    else this.hooks.stateChanged();
  }

  /** A view's state, kept for the view made anew; the page's own (the base, the runs a diff compares) left out. */
  private keepState(name: string, element: ViewElement) {
    if (element.error !== null) return;
    const { base: _base, runs: _runs, ...own } = element.state as Record<string, unknown>;
    this.viewStates[name] = own;
  }

  private drop(name: string) {
    const { element } = this.built.get(name)!;
    this.keepState(name, element);
    element.destroy();
    element.remove();
    this.built.delete(name);
  }

  /** The user selected runs in a view: every other view, and the table's rows, show them. */
  private select(ids: string[], from: ViewElement) {
    this.show(ids, from);
    this.hooks.select([...ids]);
  }

  /**
   * The selection shown by the view on screen and the open table pane at once; the views out of
   * sight take it when shown (showView), so a brush at 10,000 runs redraws one view, not six.
   */
  private show(ids: readonly string[], from: ViewElement | null) {
    this.selected = ids;
    for (const { element, spec } of this.built.values()) if (spec.value === "selection" && element !== from && this.onScreen(element)) element.value = [...ids];
    this.markSelectedRows();
  }

  private onScreen(element: HTMLElement) {
    return !element.hidden && !(element.closest(".rc-compare-panel") as HTMLElement).hidden;
  }

  /** The pane's rows of selected runs stand out (a rule by run id: the table draws only the rows in view, and redraws them as it scrolls). */
  private markSelectedRows() {
    const ids = this.pane.open ? this.selected : [];
    this.selectionStyle.textContent = ids.length
      ? `${ids.map((id) => `.rc-compare-pane .rc-row[data-run="${CSS.escape(id)}"]`).join(",\n")} { box-shadow: inset 4px 0 0 var(--rc-accent); font-weight: 600; }`
      : "";
  }

  /** How groups are compared, changed from outside: the Scalars tab's views made anew, without the test or grouping their controls had chosen. */
  update(changes: Partial<CompareOptions>, current: Settled<CompareOptions>): boolean {
    if (!SIGNIFICANCE.some((key) => key in changes)) return false;
    this.significance = significanceOf(current);
    for (const view of this.tabs.find((tab) => tab.name === "scalars")?.views ?? []) {
      if (this.built.has(view.name)) this.drop(view.name);
      const { groupBy: _groupBy, test: _test, ...own } = (this.viewStates[view.name] ?? {}) as Record<string, unknown>;
      this.viewStates[view.name] = own;
    }
    if (this.tab === "scalars") this.showTab("scalars", false);
    return true;
  }

  /** The runs the views drawn select (a brush their restored state holds). */
  selection(): string[] | null {
    return this.selected.length ? [...this.selected] : null;
  }

  highlight(ids: readonly string[]) {
    this.show(ids, null);
  }

  state(): Omit<CompareState, "base"> {
    for (const [name, { element }] of this.built) this.keepState(name, element);
    return {
      // The tab shown: a tab the state named that has no data is not.
      tab: this.tab,
      compared: [...this.runsTable.value],
      hidden: [...this.hidden],
      pane: this.pane.open,
      params: [...this.axisParams],
      shown: { ...this.shownViews },
      table: this.runsTable.state,
      views: { ...this.viewStates },
    };
  }

  /** The view shown, whose exports the page's are. */
  private current(): ViewElement {
    const name = this.shownViews[this.tab] ?? this.tabs.find((t) => t.name === this.tab)!.views[0].name;
    return this.built.get(name)?.element ?? this.runsTable;
  }

  exportSVG(): string {
    return this.current().exportSVG();
  }

  exportCSV(): string {
    return this.current().exportCSV();
  }

  destroy() {
    for (const name of [...this.built.keys()]) this.drop(name);
    this.runsTable.destroy();
    this.page.remove();
  }
}
