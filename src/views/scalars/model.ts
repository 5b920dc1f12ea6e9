import { aggregate, groupRuns, interpolateOnto, textOf, unionGrid, type RunGroups } from "../../data/align.js";
import { RunsDataError, messages } from "../../data/errors.js";
import { distinctNames } from "../../data/names.js";
import { checkUniqueKeys } from "../../data/series.js";
import { readRuns, requireColumn, type Runs } from "../../data/runs.js";
import type { Scalars, SeriesInfo } from "../../data/scalars.js";
import { continueTraces, TRACE_STATE, smoothTraces } from "../../data/smoothing.js";
import { categoricalColor, runColor, runColors } from "../../render/color.js";
import type { RunsInput } from "../../data/input.js";
import type { Settings, XAxis } from "./options.js";
import { xDomainAhead } from "./ranges.js";
import { appendTraces, firstTimes, repeatedSteps, splitTraces, type SeriesTraces } from "./traces.js";

/** One drawn line: a run's series, or a group's aggregate of it. */
export interface Line {
  /** Unique among every chart's lines: the series' and the run's (or group's) index, never their names. */
  readonly key: string;
  /** The legend entry it belongs to (a run id, or a group). */
  readonly entry: LegendEntry;
  readonly series: SeriesInfo;
  /** The series' variant, when a chart holds several (else null). */
  readonly variant: string | null;
  /** Dash pattern index: 0 solid, then one per further variant of the chart. */
  readonly dash: number;
  readonly steps: Float64Array;
  /** Where each point sits on the x axis: steps, or milliseconds (relative or epoch). */
  readonly x: Float64Array;
  /** Whether x is known to ascend (steps do: traces are in step order); times need checking. */
  readonly xAscending: boolean;
  /** Epoch milliseconds of each point, when the scalars have times. */
  readonly times: Float64Array | null;
  readonly raw: Float64Array;
  readonly smoothed: Float64Array;
  /** A group's band around the smoothed centre, and how many runs have a value at each step. */
  readonly low: Float64Array | null;
  readonly high: Float64Array | null;
  readonly counts: Int32Array | null;
  /**
   * The line of the same key as it was before rows were appended, when this one is it with
   * points added after its last: its x and raw values (the first of this line's, unchanged), and
   * its smoothed values when those are unchanged too (else null). What was reduced and drawn of
   * it can be kept.
   */
  readonly before?: LineBefore;
}

export interface LineBefore {
  readonly x: Float64Array;
  readonly raw: Float64Array;
  readonly smoothed: Float64Array | null;
  /** Where this line's smoothed values begin to differ from those before (their length when they do not; 0 when not known). */
  readonly smoothedFrom: number;
}

export interface LegendEntry {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  /** The run ids it stands for: one run, or a group's runs. */
  readonly runs: readonly string[];
}

export interface ChartSpec {
  readonly key: string;
  readonly title: string;
  /** Series indices, one per variant shown in the chart. */
  readonly series: readonly number[];
}

/**
 * The scalars of a set of runs, ready to chart: traces split once, smoothing and x positions
 * computed per series on demand and kept until the settings that made them change.
 */
export class ScalarsData {
  readonly traces: SeriesTraces[];
  readonly series: readonly SeriesInfo[];
  readonly runIds: readonly string[];
  readonly names: readonly string[];
  readonly runs: Runs | null;
  readonly hasTimes: boolean;
  /** How the time column's numbers were read, and reports that repeat a step: what the view says of its data. */
  readonly notes: readonly string[];
  /** Each scalar run's row in the runs table, -1 when absent. */
  private readonly rowOfRun: Int32Array;
  private readonly firstTime: Float64Array;
  private readonly timeNote: string | null;
  private readonly smoothedCache = new Map<number, SmoothedValues>();
  private readonly xCache = new Map<number, { key: XAxis; values: Float64Array }>();
  private readonly viewCache = new Map<number, { x: XAxis; views: TraceViews }>();
  /** Each trace's smoothed values as views, made once per smoothing (so that their reductions are kept). */
  private readonly smoothedViews = new WeakMap<SmoothedValues, Float64Array[]>();
  /** Of a series whose traces grew in place (by appendTraces), its traces' ends before, and the views made of them. */
  private readonly grownFrom = new Map<
    number,
    { ends: Int32Array; views: { x: XAxis; views: TraceViews } | null; smoothed: (Float64Array | null)[] | null; changed: Int32Array | null }
  >();
  /** The x extent of a series' points on an x axis (what time_ema's decay unit is made of), by axis and series. */
  private readonly extents = new Map<string, [number, number]>();

  // The scalars table itself is not kept: the traces hold its values, sorted, and millions of
  // rows should not be held twice.
  constructor(scalars: Scalars | TracedScalars, runsInput: RunsInput | null | undefined) {
    const traced =
      "traces" in scalars ? scalars : { ...scalars, traces: splitTraces(scalars), firstTime: firstTimes(scalars), hasTimes: scalars.times !== null };
    this.traces = traced.traces;
    this.series = traced.series;
    this.runIds = traced.runIds;
    this.hasTimes = traced.hasTimes;
    this.timeNote = traced.timeNote;
    this.notes = [traced.timeNote, repeatedSteps(this.traces, traced)].filter((note) => note !== null);
    this.firstTime = traced.firstTime;
    this.runs = runsInput ? readRuns(runsInput) : null;
    const runs = this.runs;
    this.rowOfRun = Int32Array.from(scalars.runIds, (id) => (runs ? runs.rowOf(id) : -1));
    if (runs && !this.rowOfRun.some((row) => row >= 0)) throw new RunsDataError(messages.scalarsNoRuns(scalars.runIds[0], runs.ids[0]));
    this.names = distinctNames(
      scalars.runIds.map((id, run) => (this.rowOfRun[run] >= 0 ? runs!.names[this.rowOfRun[run]] : id)),
      scalars.runIds,
    );
  }

  /**
   * These scalars with more reports (null: none) and the runs table as it is now: new runs and
   * series follow those there (so new runs take the next colours). What was computed for a
   * series that got no report is kept.
   */
  appended(added: Scalars | null, runsInput: RunsInput | null | undefined): ScalarsData {
    if (added && (added.times !== null) !== this.hasTimes) throw new RunsDataError(messages.appendTimes());
    const runIds = [...this.runIds];
    const series = [...this.series];
    const known = new Map(runIds.map((id, run) => [id, run]));
    const runOf = Int32Array.from(added?.runIds ?? [], (id) => known.get(id) ?? runIds.push(id) - 1);
    const seriesOf = Int32Array.from(added?.series ?? [], (info) => {
      const at = series.findIndex((s) => s.metric === info.metric && s.variant === info.variant);
      return at >= 0 ? at : series.push(info) - 1;
    });
    checkUniqueKeys(series, "scalars");
    const firstTime = new Float64Array(runIds.length).fill(NaN);
    firstTime.set(this.firstTime);
    if (added) firstTimes(added).forEach((time, run) => (firstTime[runOf[run]] = earliest(time, firstTime[runOf[run]])));
    const traces = added ? appendTraces(this.traces, added, runOf, seriesOf, series.length) : this.traces;
    const grown = new ScalarsData(
      { traces, series, runIds, hasTimes: this.hasTimes, timeNote: this.timeNote ?? added?.timeNote ?? null, firstTime },
      runsInput,
    );
    const sameOrigins = this.firstTime.every((time, run) => Object.is(time, firstTime[run]));
    traces.forEach((trace, s) => {
      const before = this.traces[s];
      if (trace === before) {
        const smoothed = this.smoothedCache.get(s);
        if (smoothed) grown.smoothedCache.set(s, smoothed);
        if (!sameOrigins) return;
        const [x, views] = [this.xCache.get(s), this.viewCache.get(s)];
        if (x) grown.xCache.set(s, x);
        if (views) grown.viewCache.set(s, views);
      } else if (before && trace.offsets === before.offsets) grown.grewInPlace(s, this, sameOrigins);
    });
    // The x extents measured, taken on over the new points (relative x only from the same origins).
    for (const [key, extent] of this.extents) {
      const [x, s] = key.split(":") as [XAxis, string];
      const [trace, before] = [traces[Number(s)], this.traces[Number(s)]];
      if (x === "relative" && !sameOrigins) continue;
      if (trace === before) grown.extents.set(key, extent);
      else if (trace.offsets === before.offsets) grown.extents.set(key, extentFrom(extent, grown.positions(Number(s), x), before.ends, trace.ends));
    }
    return grown;
  }

  /**
   * Takes over what `was` computed of a series whose traces grew in place: the smoothing goes on
   * over the new points when next asked for (continueTraces), relative x positions are added for
   * them, and the lines made next know the lines they extend.
   */
  private grewInPlace(series: number, was: ScalarsData, sameOrigins: boolean) {
    const { ends: before } = was.traces[series];
    const { runs, ends, times } = this.traces[series];
    // Values smoothed in two parts (shared with the worker) are smoothed anew, whole.
    const smoothed = was.smoothedCache.get(series);
    const oldViews = smoothed ? (was.smoothedViews.get(smoothed) ?? null) : null;
    if (smoothed && !smoothed.tail) {
      const values = new Float64Array(smoothed.values.buffer, smoothed.values.byteOffset, this.traces[series].values.length);
      this.smoothedCache.set(series, { ...smoothed, values, grownFrom: before, changed: null });
    }
    const x = was.xCache.get(series);
    if (x && times && sameOrigins) {
      const values = new Float64Array(x.values.buffer, 0, times.length);
      for (let t = 0; t < runs.length; t++) for (let i = before[t]; i < ends[t]; i++) values[i] = times[i] - this.firstTime[runs[t]];
      this.xCache.set(series, { key: x.key, values });
    }
    const views = sameOrigins ? (was.viewCache.get(series) ?? null) : null;
    this.grownFrom.set(series, { ends: before, views, smoothed: smoothed && !smoothed.tail ? oldViews : null, changed: null });
  }

  /** The charts the settings ask for, in the order the series first appear. */
  charts(settings: Settings): ChartSpec[] {
    const chosen = chosenSeries(this.series, settings.metrics);
    if (settings.variants === "separate") return chosen.map((s) => ({ key: `series:${s}`, title: this.series[s].key, series: [s] }));
    const byMetric = new Map<string, number[]>();
    for (const s of chosen) byMetric.set(this.series[s].metric, [...(byMetric.get(this.series[s].metric) ?? []), s]);
    return [...byMetric].map(([metric, series]) => ({ key: `metric:${metric}`, title: metric, series }));
  }

  /** The lines of one chart: one per run and series, or one per group and series. */
  lines(chart: ChartSpec, settings: Settings, entries: Entries): Line[] {
    const lines: Line[] = [];
    chart.series.forEach((series, dash) => {
      const variant = chart.series.length > 1 ? this.series[series].variant : null;
      const made = entries.groups ? this.groupLines(series, settings, entries, variant, dash) : this.runLines(series, settings, entries, variant, dash);
      for (const line of made) lines.push(line);
    });
    return lines;
  }

  /** Legend entries and colours: one per run, or one per group when the settings group runs. */
  entries(settings: Settings): Entries {
    if (settings.groupBy.length) {
      const runs = this.requireRuns();
      const columns = settings.groupBy.map((name) => requireColumn(runs, name));
      const values = columns.map((column) => ({
        name: column.key,
        values: Array.from(this.rowOfRun, (row) => (row >= 0 ? textOf(column, row) : null)),
      }));
      const groups = groupRuns(values, this.runIds.length);
      const members: string[][] = groups.labels.map(() => []);
      groups.groupOfRun.forEach((group, run) => members[group].push(this.runIds[run]));
      const list = groups.labels.map((label, g) => ({ key: `group:${g}`, label, color: categoricalColor(g), runs: members[g] }));
      return { list, ofRun: Array.from(groups.groupOfRun, (g) => list[g]), groups };
    }
    const colorOf = this.runColorer(settings.color, settings.colors);
    const list = this.runIds.map((id, run) => ({ key: id, label: this.names[run], color: colorOf(run), runs: [id] }));
    return { list, ofRun: list, groups: null };
  }

  /** Each run's reported value of a series at a step (NaN where it has none), by the runs table's rows: what the groups are compared on. */
  valuesAtStep(series: number, step: number): Float64Array {
    const runs = this.requireRuns();
    const out = new Float64Array(runs.count).fill(NaN);
    const { runs: traceRuns, offsets, ends, steps, values } = this.traces[series];
    const at = [step];
    traceRuns.forEach((run, t) => {
      const row = this.rowOfRun[run];
      // As the group lines align runs: the value there, or between the reports either side.
      if (row >= 0) out[row] = interpolateOnto(steps.subarray(offsets[t], ends[t]), values.subarray(offsets[t], ends[t]), at)[0];
    });
    return out;
  }

  /** A series' smoothed values, all traces in one array (as traces.values). */
  smoothed(series: number, settings: Settings): Float64Array {
    const { values, tail } = this.smoothedValues(series, settings);
    if (!tail) return values;
    const whole = new Float64Array(this.traces[series].values.length);
    whole.set(values.subarray(0, tail.from));
    whole.set(tail.values, tail.from);
    this.smoothedCache.set(series, { key: this.smoothedKey(series, settings), values: whole, tail: null, state: null, grownFrom: null, changed: null });
    return whole;
  }

  /** A series' smoothed values, as computed here or adopted: its later traces may be in an array of their own. */
  private smoothedValues(series: number, settings: Settings): SmoothedValues {
    const key = this.smoothedKey(series, settings);
    const cached = this.smoothedCache.get(series);
    const { values, x, offsets, ends, span } = this.smoothingInput(series, settings);
    if (cached?.key === key && cached.grownFrom) {
      // Smoothed before rows were appended: from where the new points change it, as smoothing them all would.
      const changed = continueTraces(settings.smoothingType, values, x, offsets, ends, cached.grownFrom, settings.smoothing, cached.values, span, cached.state);
      const made = { ...cached, grownFrom: null, changed };
      this.smoothedCache.set(series, made);
      return made;
    }
    if (cached?.key === key) return cached;
    const out = cached?.values.length === values.length ? cached.values : new Float64Array(values.length);
    const state = new Float64Array(ends.length * TRACE_STATE);
    smoothTraces(settings.smoothingType, values, x, offsets, ends, settings.smoothing, out, span, state);
    const made = { key, values: out, tail: null, state, grownFrom: null, changed: null };
    this.smoothedCache.set(series, made);
    return made;
  }

  /**
   * What smoothing a series takes: its values, where they lie (the weights of time_ema and
   * gaussian), its traces, and for time_ema the x range of its chart. The time-weighted EMA
   * decays along the chart's x axis, as W&B's does; the Gaussian weighs by steps.
   */
  smoothingInput(series: number, settings: Settings): { values: Float64Array; x: Float64Array; offsets: Int32Array; ends: Int32Array; span: number } {
    const { offsets, ends, steps, values } = this.traces[series];
    if (settings.smoothingType !== "time_ema") return { values, x: steps, offsets, ends, span: NaN };
    return { values, x: this.positions(series, settings.x), offsets, ends, span: this.chartSpan(series, settings) };
  }

  /**
   * The x range of the chart that shows the series, unzoomed: from its first point to the tick
   * its axis runs on to (xDomainAhead), over all its runs and variants. Points appended within
   * it leave it (and the time-weighted EMA) as it was.
   */
  private chartSpan(series: number, settings: Settings): number {
    const shown = this.charts(settings).find((spec) => spec.series.includes(series))?.series ?? [series];
    let low = Infinity;
    let high = -Infinity;
    for (const s of shown) {
      const [a, b] = this.extentOf(s, settings.x);
      low = Math.min(low, a);
      high = Math.max(high, b);
    }
    if (!(high > low)) return 0;
    const [start, end] = xDomainAhead([low, high], settings.x);
    return end - start;
  }

  /** The lowest and highest x of a series' points on an x axis. */
  private extentOf(series: number, x: XAxis): [number, number] {
    let extent = this.extents.get(`${x}:${series}`);
    if (!extent) {
      const { offsets, ends } = this.traces[series];
      this.extents.set(`${x}:${series}`, (extent = extentFrom([Infinity, -Infinity], this.positions(series, x), offsets, ends)));
    }
    return extent;
  }

  /** What a series' smoothed values depend on: the settings' smoothing, and for time_ema its chart's x axis and range. */
  private smoothedKey(series: number, settings: Settings): string {
    if (settings.smoothingType !== "time_ema") return smoothingKey(settings);
    return `${smoothingKey(settings)}:${this.chartSpan(series, settings)}`;
  }

  /**
   * Takes a series' values smoothed elsewhere (by smoothTraces with these settings), those from
   * `tail.from` on in an array of their own; returns the arrays they replace, if any, which
   * nothing of this model's uses any more once its lines are made again.
   */
  adoptSmoothed(series: number, settings: Settings, values: Float64Array, tail: SmoothedValues["tail"]): SmoothedValues | null {
    const replaced = this.smoothedCache.get(series) ?? null;
    this.smoothedCache.set(series, { key: this.smoothedKey(series, settings), values, tail, state: null, grownFrom: null, changed: null });
    return replaced;
  }

  /** A series' x positions: steps, ms since the run's first report, or epoch ms. */
  positions(series: number, x: XAxis): Float64Array {
    const { runs, offsets, ends, steps, times } = this.traces[series];
    if (x === "step") return steps;
    if (!times) throw new RunsDataError(messages.scalarsNoTime(x));
    if (x === "wall") return times;
    const cached = this.xCache.get(series);
    if (cached?.key === x) return cached.values;
    const out = new Float64Array(times.length);
    for (let t = 0; t < runs.length; t++) {
      const origin = this.firstTime[runs[t]];
      for (let i = offsets[t]; i < ends[t]; i++) out[i] = times[i] - origin;
    }
    this.xCache.set(series, { key: x, values: out });
    return out;
  }

  private runLines(series: number, settings: Settings, entries: Entries, variant: string | null, dash: number): Line[] {
    const { runs, offsets, ends } = this.traces[series];
    const smoothed = this.smoothedViewsOf(series, settings);
    const views = this.views(series, settings.x);
    const grown = this.grownFrom.get(series);
    const before = (t: number): LineBefore | undefined => {
      if (!grown?.views || grown.views.x !== settings.x || grown.ends[t] === ends[t]) return undefined;
      const smoothedFrom = grown.changed ? grown.changed[t] - offsets[t] : 0;
      return { x: grown.views.views.x[t], raw: grown.views.views.raw[t], smoothed: grown.smoothed?.[t] ?? null, smoothedFrom };
    };
    return Array.from(runs, (run, t) => ({
      key: `${series}:${run}`,
      entry: entries.ofRun[run],
      series: this.series[series],
      variant,
      dash,
      steps: views.steps[t],
      x: views.x[t],
      xAscending: settings.x === "step",
      times: views.times[t],
      raw: views.raw[t],
      smoothed: smoothed[t],
      low: null,
      high: null,
      counts: null,
      before: before(t),
    }));
  }

  /**
   * Each trace's smoothed values as views, made once per smoothing. After an append the traces
   * that did not grow keep their views, and those whose smoothing went on (the EMA's) are known
   * to extend the views before.
   */
  private smoothedViewsOf(series: number, settings: Settings): Float64Array[] {
    const smoothed = this.smoothedValues(series, settings);
    const known = this.smoothedViews.get(smoothed);
    if (known) return known;
    const { values, tail } = smoothed;
    const { offsets, ends } = this.traces[series];
    const grown = this.grownFrom.get(series);
    const { changed } = smoothed;
    const same = grown?.smoothed && changed && grown.smoothed.length === ends.length ? grown.smoothed : null;
    // A grown line extends the line before where its smoothed values before the new points stayed the same.
    if (grown) grown.smoothed = same && same.map((view, t) => (changed![t] >= grown.ends[t] ? view : null));
    if (grown) grown.changed = same && changed;
    const views = Array.from(ends, (end, t) => {
      if (same && grown!.ends[t] === end) return same[t]!;
      return tail && offsets[t] >= tail.from ? tail.values.subarray(offsets[t] - tail.from, end - tail.from) : values.subarray(offsets[t], end);
    });
    this.smoothedViews.set(smoothed, views);
    return views;
  }

  /**
   * Each trace's steps, x positions, times and raw values as views into the series' arrays, made
   * once: lines rebuilt for a new smoothing share them, and so do the ranges computed from them.
   */
  private views(series: number, x: XAxis): TraceViews {
    const cached = this.viewCache.get(series);
    if (cached?.x === x) return cached.views;
    const { runs, offsets, ends, steps, times, values } = this.traces[series];
    const positions = this.positions(series, x);
    // Traces that did not grow since the last append keep their views (and what was measured of them).
    const grown = this.grownFrom.get(series);
    const before = grown?.views?.x === x ? grown.views.views : null;
    const slice = (of: Float64Array, kept: Float64Array[] | undefined) =>
      Array.from(runs, (_, t) => (kept && grown!.ends[t] === ends[t] ? kept[t] : of.subarray(offsets[t], ends[t])));
    const views = {
      steps: slice(steps, before?.steps),
      x: slice(positions, before?.x),
      times: times ? slice(times, before?.times as Float64Array[] | undefined) : Array.from(runs, () => null),
      raw: slice(values, before?.raw),
    };
    this.viewCache.set(series, { x, views });
    return views;
  }

  /**
   * Each group's runs aligned on the union of their steps (linear interpolation within each
   * run's range), then the mean or median of the smoothed values with the band, and of the raw
   * values. On a time axis a group's x at a step is the mean of its runs' times there.
   */
  private groupLines(series: number, settings: Settings, entries: Entries, variant: string | null, dash: number): Line[] {
    const { runs, offsets, ends, steps, values } = this.traces[series];
    const smoothed = this.smoothed(series, settings);
    const x = this.positions(series, settings.x);
    const groups = entries.groups!;
    const members: number[][] = groups.labels.map(() => []);
    runs.forEach((run, t) => members[groups.groupOfRun[run]].push(t));
    const lines: Line[] = [];
    members.forEach((traces, g) => {
      if (!traces.length) return;
      const span = (t: number, of: Float64Array) => of.subarray(offsets[t], ends[t]);
      const grid = unionGrid(traces.map((t) => span(t, steps)));
      const onGrid = (of: Float64Array) => traces.map((t) => interpolateOnto(span(t, steps), span(t, of), grid));
      const center = aggregate(onGrid(smoothed), grid.length, settings.aggregate, settings.band);
      const raw = aggregate(onGrid(values), grid.length, settings.aggregate, "none");
      const positions = settings.x === "step" ? grid : aggregate(onGrid(x), grid.length, "mean", "none").center;
      const times = this.traces[series].times;
      lines.push({
        key: `${series}:group:${g}`,
        entry: entries.list[g],
        series: this.series[series],
        variant,
        dash,
        steps: grid,
        x: positions,
        xAscending: settings.x === "step",
        times: times ? aggregate(onGrid(times), grid.length, "mean", "none").center : null,
        raw: raw.center,
        smoothed: center.center,
        low: settings.band === "none" ? null : center.low,
        high: settings.band === "none" ? null : center.high,
        counts: center.count,
      });
    });
    return lines;
  }

  private runColorer(column: string | null, page: Settings["colors"]): (run: number) => string {
    if (!column) return (run) => runColor(page, this.runIds[run], run);
    const colors = runColors(requireColumn(this.requireRuns(), column));
    return (run) => {
      const row = this.rowOfRun[run];
      const index = row >= 0 ? colors.paletteIndex[row] : -1;
      return index >= 0 ? colors.palette[index] : colors.missingColor;
    };
  }

  private requireRuns(): Runs {
    // Without a runs table there are only run ids, and no column to group or colour by.
    return this.runs ?? readRuns(this.runIds.map((run_id) => ({ run_id })));
  }
}

/** Scalars split into traces, with what the model keeps of them besides. */
interface TracedScalars {
  readonly traces: SeriesTraces[];
  readonly series: readonly SeriesInfo[];
  readonly runIds: readonly string[];
  readonly hasTimes: boolean;
  readonly timeNote: string | null;
  readonly firstTime: Float64Array;
}

export interface SmoothedValues {
  readonly key: string;
  readonly values: Float64Array;
  /** Where the values from `from` on are, when they were smoothed elsewhere (see adoptSmoothed); `values` then ends at `from`. */
  readonly tail: { readonly from: number; readonly values: Float64Array } | null;
  /** What the smoothing left of each trace (continueTraces goes on from it); null when smoothed elsewhere. */
  readonly state: Float64Array | null;
  /** Set when the traces grew since they were smoothed: each trace's end then; its points from there are not smoothed yet. */
  readonly grownFrom: Int32Array | null;
  /** Set when they were smoothed on from there: where each trace's smoothed values begin to differ from those before. */
  readonly changed: Int32Array | null;
}

interface TraceViews {
  readonly steps: Float64Array[];
  readonly x: Float64Array[];
  readonly times: (Float64Array | null)[];
  readonly raw: Float64Array[];
}

export interface Entries {
  readonly list: readonly LegendEntry[];
  /** The entry of each scalar run. */
  readonly ofRun: readonly LegendEntry[];
  readonly groups: RunGroups | null;
}

/** What a series' smoothed values depend on, but for its chart's x range (time_ema's decay unit). */
export function smoothingKey(settings: Settings): string {
  const key = `${settings.smoothingType}:${settings.smoothing}`;
  return settings.smoothingType === "time_ema" ? `${key}:${settings.x}` : key;
}

/** An extent [low, high] taken on over the points [from[t], ends[t]) of each trace t of x. */
function extentFrom([low, high]: [number, number], x: Float64Array, from: ArrayLike<number>, ends: ArrayLike<number>): [number, number] {
  for (let t = 0; t < ends.length; t++) {
    for (let i = from[t]; i < ends[t]; i++) {
      if (x[i] < low) low = x[i];
      if (x[i] > high) high = x[i];
    }
  }
  return [low, high];
}

/** The earlier of two times, either NaN for none. */
function earliest(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b);
}

/** The series the metrics option names: a metric names all its variants, "metric/variant" one. */
function chosenSeries(series: readonly SeriesInfo[], metrics: readonly string[] | null): number[] {
  if (metrics === null) return series.map((_, i) => i);
  const chosen = new Set<number>();
  for (const name of metrics) {
    const matches = series.flatMap((s, i) => (s.key === name || s.metric === name ? [i] : []));
    if (!matches.length)
      throw new RunsDataError(
        messages.scalarsUnknownMetric(
          name,
          series.map((s) => s.key),
        ),
      );
    for (const i of matches) chosen.add(i);
  }
  return [...chosen].sort((a, b) => a - b);
}
