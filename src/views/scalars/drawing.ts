import { RunsDataError } from "../../data/errors.js";
import { describingGroups } from "../../data/significance-text.js";
import { setChildren } from "../../render/dom.js";
import { significanceBlock } from "../../render/significance.js";
import { themeColor } from "../../render/style.js";
import { exportTheme } from "../../render/svg.js";
import type { Hooks, Settled } from "../../render/view.js";
import { Chart } from "./chart.js";
import { Controls } from "./controls.js";
import type { LineLook } from "./draw.js";
import { chartsToCSV, chartsToSVG } from "./export.js";
import { Legend } from "./legend.js";
import { ScalarsData, smoothingKey, type ChartSpec, type Entries, type LegendEntry } from "./model.js";
import { settingsOf, type ScalarsOptions, type Settings } from "./options.js";
import { SharedSmoothing } from "./shared-smoothing.js";
import type { DrawnCharts } from "./index.js";
import { chartFilter } from "./chart-filter.js";

/** Settings whose change calls for new legend entries (and so new lines). */
const ENTRY_SETTINGS: readonly (keyof Settings)[] = ["groupBy", "color", "colors"];
/** Settings whose change calls for new lines or a new set of charts. */
const LINE_SETTINGS: readonly (keyof Settings)[] = ["metrics", "variants", "x", "smoothing", "smoothingType", "aggregate", "band", "filter"];
/** Of those, the ones that change the raw series too (all but the smoothing). */
const RAW_SETTINGS: readonly (keyof Settings)[] = [...ENTRY_SETTINGS, "metrics", "variants", "x", "aggregate", "filter"];

/** The drawn view for one scalars table and runs table; settings change in place. */
export class ScalarsCharts {
  drawn: DrawnCharts = { frames: 0, sharedSmoothings: 0, charts: [] };
  private readonly container = document.createElement("div");
  private readonly grid = document.createElement("div");
  private readonly controls: Controls;
  private readonly legend: Legend;
  private readonly resizeObserver: ResizeObserver;
  private readonly charts = new Map<string, Chart>();
  private entries: Entries;
  /** The entries with data in the charts shown, which the legend lists. */
  private charted: readonly LegendEntry[] = [];
  private emphasis: Set<LegendEntry> | null = null;
  private selectedIds: string[] = [];
  private filterError: string | null = null;
  private frame = 0;
  /** The faded colour and the background, read from the theme once per frame (reading computed style forces a style pass). */
  private faded = "#d0d7de";
  private background = "#ffffff";
  /** The entry under the pointer, in a chart or the legend. */
  private hovered: LegendEntry | null = null;
  /** Lines wait for a new smoothing until the next frame (or export). */
  private smoothingChanged = false;
  /** Large smoothings are shared with a worker; one at a time, the lines keep the last until it lands. */
  private readonly sharing = new SharedSmoothing();
  private sharedSmoothing: Promise<void> | null = null;
  private destroyed = false;
  /** Counts changes of what is shown, selected or faded (LineLook.version). */
  private lookVersion = 0;
  /** The grid's width when the charts were last drawn: a resize that keeps it (the observer's first call, a new height) draws nothing new. */
  private drawnWidth = -1;

  constructor(
    private readonly root: HTMLElement,
    private data: ScalarsData,
    private settings: Settings,
    private readonly hidden: Set<string>,
    private readonly hooks: Hooks<ScalarsOptions>,
    /** The scalars as they are now, with the rows appended since. */
    private readonly latest: () => ScalarsData = () => data,
  ) {
    const runColumns = data.runs?.columns ?? [];
    this.controls = new Controls(
      hooks.controls,
      runColumns.map((c) => c.name),
      (name) => this.data.runs?.column(name)?.name,
      data.hasTimes,
      (changes) => hooks.apply(changes),
    );
    this.legend = new Legend({
      toggle: (entries, shown) => this.toggle(entries, shown),
      pick: (entry, additive) => this.pick(entry, additive),
      hover: (entry) => this.hover(entry),
    });
    this.grid.className = "rc-charts";
    this.container.append(...data.notes.map(hint), this.grid, this.legend.element);
    root.append(this.container);
    this.entries = data.entries(settings);
    this.syncCharts();
    this.sharing.prepare(data.traces.reduce((sum, trace) => sum + trace.values.length, 0));
    this.controls.sync(settings, this.filterError);
    if (settings.width) this.container.style.width = `${settings.width}px`;
    this.resizeObserver = new ResizeObserver(() => {
      if (this.grid.clientWidth !== this.drawnWidth) this.requestDraw();
    });
    this.resizeObserver.observe(this.grid);
  }

  /** Settings changed: shown in place, unless the runs table is another (the view is made anew). */
  update(changes: Partial<ScalarsOptions>, options: Settled<ScalarsOptions>): boolean {
    if ("runs" in changes) return false;
    this.apply(settingsOf(options), changes.hidden === undefined ? undefined : (changes.hidden ?? []));
    return true;
  }

  /**
   * Rows appended (the view's data has them): the charts keep their zoom, the legend its hidden and selected runs, and only
   * the series that grew are smoothed again (over the whole series, so the smoothing is that of
   * the series as if given at once).
   */
  append(): boolean {
    this.data = this.latest();
    this.entries = keptEntries(this.entries, this.data.entries(this.settings));
    this.syncCharts(false, this.settings, true);
    this.sharing.prepare(this.data.traces.reduce((sum, trace) => sum + trace.values.length, 0));
    this.emphasise(this.selectedIds);
    this.controls.setColumns((this.data.runs?.columns ?? []).map((column) => column.name));
    this.controls.sync(this.settings, this.filterError);
    this.requestDraw();
    return true;
  }

  /** The smoothing as drawn (the page's setting when the options leave it to the view). */
  state(): Partial<ScalarsOptions> {
    return { smoothing: this.settings.smoothing };
  }

  private apply(settings: Settings, hidden: readonly string[] | undefined) {
    const before = this.settings;
    this.settings = settings;
    const changed = (keys: readonly (keyof Settings)[]) => keys.some((key) => JSON.stringify(before[key]) !== JSON.stringify(settings[key]));
    if (hidden) {
      this.hidden.clear();
      for (const id of hidden) this.hidden.add(id);
      this.lookVersion++;
    }
    if (changed(ENTRY_SETTINGS)) {
      this.entries = this.data.entries(settings);
      this.highlight(this.selectedIds);
    }
    if (changed(ENTRY_SETTINGS) || changed(RAW_SETTINGS)) this.syncCharts();
    // A new smoothing cannot fail: it is computed when the frame is drawn, once for however many
    // slider moves came in since the last frame.
    else if (changed(LINE_SETTINGS)) this.smoothingChanged = true;
    if (changed(["y", "height", "ignoreOutliers"])) for (const chart of this.charts.values()) chart.resetZoom();
    this.container.style.width = settings.width ? `${settings.width}px` : "";
    this.controls.sync(settings, this.filterError);
    if (hidden) this.syncLegend();
    this.requestDraw();
  }

  highlight(ids: readonly string[]) {
    this.emphasise(ids);
    this.lookVersion++;
    this.requestDraw();
  }

  /** The entries of these runs stand out; the look changes (lookVersion) only when the caller says so. */
  private emphasise(ids: readonly string[]) {
    this.selectedIds = [...ids];
    const chosen = new Set(ids);
    const entries = this.entries.list.filter((entry) => entry.runs.some((id) => chosen.has(id)));
    const keys = (set: Set<LegendEntry> | null) => JSON.stringify([...(set ?? [])].map((entry) => entry.key));
    const emphasis = entries.length ? new Set(entries) : null;
    // Entries made anew for appended rows: the same runs stand out unless a new run is among them.
    if (keys(emphasis) !== keys(this.emphasis)) this.lookVersion++;
    this.emphasis = emphasis;
  }

  exportSVG(): string {
    this.finishSmoothing();
    return chartsToSVG([...this.charts.values()], this.settings, this.look(), this.charted, exportTheme(this.root), this.grid.clientWidth || 800);
  }

  exportCSV(): string {
    this.finishSmoothing();
    return chartsToCSV([...this.charts.values()], this.look(), this.entries.groups !== null);
  }

  destroy() {
    this.destroyed = true;
    this.sharing.dispose();
    this.controls.destroy();
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
    for (const chart of this.charts.values()) chart.destroy();
    this.container.remove();
  }

  /** With groups, each series of a chart compared across them at a step, on the runs' values there (not smoothed); pauses after each group. */
  private *compare(spec: ChartSpec, step: number): Generator<void, HTMLElement | null, void> {
    const settings = this.settings;
    // One group is one line: nothing to compare it with.
    if ((this.entries.groups?.labels.length ?? 0) < 2) return null;
    const block = document.createElement("div");
    for (const series of spec.series) {
      const title = `${spec.series.length > 1 ? this.data.series[series].key : spec.title} at step ${step}`;
      try {
        const described = (yield* describingGroups(this.data.runs!, this.data.valuesAtStep(series, step), settings))!;
        block.append(significanceBlock(described.base, described.texts, title));
      } catch (error) {
        // A base or pairing these runs do not have: said where the comparison would be, the curves stay.
        if (!(error instanceof RunsDataError)) throw error;
        const message = document.createElement("div");
        message.className = "rc-significance rc-error-text";
        message.textContent = `${title}: ${error.message}`;
        block.append(message);
      }
    }
    return block;
  }

  private look(): LineLook {
    return {
      version: this.lookVersion,
      shown: (entry) => entry.runs.some((id) => !this.hidden.has(id)),
      emphasis: this.emphasis,
      raw: this.settings.smoothing > 0,
      reduce: this.settings.reduce,
      faded: this.faded,
      background: this.background,
    };
  }

  /**
   * Makes the charts the settings ask for (keeping those that stay, with their zoom) and gives
   * them lines; `sameRaw` when only the smoothing changed.
   */
  private syncCharts(sameRaw = false, lineSettings = this.settings, appended = false) {
    this.smoothingChanged = false;
    const test = chartFilter(this.settings.filter);
    this.filterError = test.error;
    const specs = this.data.charts(this.settings).filter((spec) => test.matches(spec.title));
    const keep = new Set(specs.map((spec) => spec.key));
    for (const [key, chart] of this.charts) {
      if (keep.has(key)) continue;
      chart.destroy();
      this.charts.delete(key);
    }
    const host = {
      settings: () => this.settings,
      look: () => this.look(),
      pick: (entry: LegendEntry | null, additive: boolean) => this.pick(entry, additive),
      hover: (entry: LegendEntry | null) => this.hover(entry),
      compare: (spec: ChartSpec, step: number) => this.compare(spec, step),
    };
    const ordered = specs.map((spec) => {
      let chart = this.charts.get(spec.key);
      if (!chart) {
        chart = new Chart(spec, host, variantsOf(this.data, spec));
        this.charts.set(spec.key, chart);
      }
      chart.setLines(this.data.lines(spec, lineSettings, this.entries), sameRaw, appended);
      return chart;
    });
    // Map order is insertion order: keep it the order of the specs, as the grid shows them.
    this.charts.clear();
    for (const chart of ordered) this.charts.set(chart.spec.key, chart);
    // Put in place anew only when they changed: charts taken out and put back are laid out and painted anew.
    const elements = ordered.map((chart) => chart.element);
    if (elements.length !== this.grid.children.length || elements.some((element, i) => this.grid.children[i] !== element)) setChildren(this.grid, elements);
    if (!sameRaw) this.listCharted(specs);
  }

  /** Lists in the legend the entries with a line in these charts. */
  private listCharted(specs: readonly ChartSpec[]) {
    const present = new Set<LegendEntry>();
    for (const spec of specs) for (const series of spec.series) for (const run of this.data.traces[series].runs) present.add(this.entries.ofRun[run]);
    const charted = this.entries.list.filter((entry) => present.has(entry));
    if (charted.length === this.charted.length && charted.every((entry, i) => entry === this.charted[i])) return;
    this.charted = charted;
    this.legend.setEntries(charted);
  }

  /** One entry's lines stand out in every chart, and its name in the legend. */
  private hover(entry: LegendEntry | null) {
    if (entry === this.hovered) return;
    this.hovered = entry;
    for (const chart of this.charts.values()) chart.setHovered(entry);
    this.legend.setHovered(entry);
  }

  private toggle(entries: readonly LegendEntry[], shown: boolean) {
    for (const entry of entries)
      for (const id of entry.runs)
        if (shown) this.hidden.delete(id);
        else this.hidden.add(id);
    this.lookVersion++;
    this.syncLegend();
    this.requestDraw();
    this.hooks.record({ hidden: [...this.hidden] });
  }

  private pick(entry: LegendEntry | null, additive: boolean) {
    let ids: string[];
    if (!entry) {
      if (additive || this.selectedIds.length === 0) return;
      ids = [];
    } else if (additive) {
      const current = new Set(this.selectedIds);
      const all = entry.runs.every((id) => current.has(id));
      for (const id of entry.runs)
        if (all) current.delete(id);
        else current.add(id);
      ids = [...current];
    } else {
      ids = [...entry.runs];
    }
    this.highlight(ids);
    this.hooks.select(ids);
  }

  /** The legend's boxes, marks and count as the state is now: at once, not with the next frame, so a box clicked right after "hide all" is seen unchecked. */
  private syncLegend(look = this.look()) {
    const shownCount = this.charted.filter(look.shown).length;
    const noun = this.entries.groups ? "groups" : "runs";
    const selectedText = this.emphasis ? ` · ${this.selectedIds.length} runs selected` : "";
    const without = this.entries.list.length - this.charted.length;
    const withoutText = without ? ` · ${without} ${noun} without these charts` : "";
    this.legend.sync(look.shown, this.emphasis, `${shownCount} of ${this.charted.length} ${noun} shown${withoutText}${selectedText}`);
  }

  private requestDraw() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  private refreshSmoothing() {
    if (!this.smoothingChanged) return;
    this.smoothingChanged = false;
    this.syncCharts(true);
  }

  /** An export shows the settings' smoothing even while a shared one has not landed: it smooths here. */
  private finishSmoothing() {
    if (this.sharedSmoothing) this.smoothingChanged = true;
    this.refreshSmoothing();
  }

  private draw() {
    if (this.smoothingChanged && !this.sharedSmoothing && this.shareSmoothing()) return;
    if (!this.sharedSmoothing) this.refreshSmoothing();
    this.paint();
  }

  /**
   * Starts the new smoothing shared with the worker, and draws when it lands (then the next, if
   * the slider moved meanwhile); false when it is not worth sharing, and this thread smooths alone.
   */
  private shareSmoothing(): boolean {
    const [settings, data] = [this.settings, this.data];
    const started = this.sharing.start(this.data, [...this.charts.values()], settings, this.look(), this.entries.groups !== null);
    if (!started) return false;
    this.smoothingChanged = false;
    this.sharedSmoothing = started.then((parts) => {
      this.sharedSmoothing = null;
      if (this.destroyed) return;
      // A time-weighted EMA made for another x axis decays along the wrong one: made again below.
      if (settings.smoothingType === "time_ema" && settings.x !== this.settings.x) parts = null;
      // Smoothed before rows were appended: made again below, for the series as they are now.
      if (data !== this.data) parts = null;
      if (parts) {
        // Lines with the smoothing that landed, and whatever else the settings say by now.
        this.syncCharts(true, { ...this.settings, smoothingType: settings.smoothingType, smoothing: settings.smoothing });
        this.sharing.settle(parts, this.data);
      }
      // The worker failed (smooth here), or the slider moved on meanwhile.
      if (!parts || smoothingKey(this.settings) !== smoothingKey(settings)) this.smoothingChanged = true;
      if (parts) this.paint(true);
      if (this.smoothingChanged) this.requestDraw();
    });
    return true;
  }

  private paint(shared = false) {
    const faded = themeColor(this.root, "--rc-faded", this.faded);
    if (faded !== this.faded) this.lookVersion++;
    this.faded = faded;
    this.background = themeColor(this.root, "--rc-bg", this.background);
    const look = this.look();
    const charts = [...this.charts.values()];
    this.drawnWidth = this.grid.clientWidth;
    for (const chart of charts) chart.draw(chart.element.clientWidth || 320);
    this.syncLegend(look);
    this.drawn = {
      frames: this.drawn.frames + 1,
      sharedSmoothings: this.drawn.sharedSmoothings + (shared ? 1 : 0),
      charts: charts.map((chart) => ({ title: chart.spec.title, ...chart.drawn })),
    };
  }
}

/** New entries, each the entry before where that one is the same (the legend, the lines and the selection keep it). */
function keptEntries(before: Entries, entries: Entries): Entries {
  const known = new Map(before.list.map((entry) => [entry.key, entry]));
  const kept = (entry: LegendEntry) => {
    const old = known.get(entry.key);
    const same = old && old.label === entry.label && old.color === entry.color && old.runs.join("\n") === entry.runs.join("\n");
    return same ? old : entry;
  };
  return { ...entries, list: entries.list.map(kept), ofRun: entries.ofRun.map(kept) };
}

function hint(text: string): HTMLElement {
  const element = document.createElement("div");
  element.className = "rc-hint";
  element.textContent = text;
  return element;
}

function variantsOf(data: ScalarsData, spec: ChartSpec): (string | null)[] {
  return spec.series.map((s) => data.series[s].variant);
}
