import { aggregate, groupRuns, interpolateOnto, textOf, unionGrid, type RunGroups } from "../../data/align.js";
import { RunsDataError, messages } from "../../data/errors.js";
import { distinctNames } from "../../data/names.js";
import { checkUniqueKeys } from "../../data/series.js";
import { readRuns, type RunColumn, type Runs } from "../../data/runs.js";
import type { Scalars, SeriesInfo } from "../../data/scalars.js";
import { smoothTraces } from "../../data/smoothing.js";
import { categoricalColor, runColor, runColors } from "../../render/color.js";
import type { RunsInput } from "../../data/input.js";
import type { Settings, XAxis } from "./options.js";
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
  /** The x range of a chart's series on an x axis (time_ema's decay unit), by axis and series. */
  private readonly spanCache = new Map<string, number>();

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
      if (trace !== this.traces[s]) return;
      const smoothed = this.smoothedCache.get(s);
      if (smoothed) grown.smoothedCache.set(s, smoothed);
      if (!sameOrigins) return;
      const [x, views] = [this.xCache.get(s), this.viewCache.get(s)];
      if (x) grown.xCache.set(s, x);
      if (views) grown.viewCache.set(s, views);
    });
    return grown;
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
      const columns = settings.groupBy.map((name) => groupingColumn(runs, name));
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
    const { runs: traceRuns, offsets, steps, values } = this.traces[series];
    const at = [step];
    traceRuns.forEach((run, t) => {
      const row = this.rowOfRun[run];
      // As the group lines align runs: the value there, or between the reports either side.
      if (row >= 0) out[row] = interpolateOnto(steps.subarray(offsets[t], offsets[t + 1]), values.subarray(offsets[t], offsets[t + 1]), at)[0];
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
    this.smoothedCache.set(series, { key: this.smoothedKey(series, settings), values: whole, tail: null });
    return whole;
  }

  /** A series' smoothed values, as computed here or adopted: its later traces may be in an array of their own. */
  private smoothedValues(series: number, settings: Settings): SmoothedValues {
    const key = this.smoothedKey(series, settings);
    const cached = this.smoothedCache.get(series);
    if (cached?.key === key) return cached;
    const { values, x, offsets, span } = this.smoothingInput(series, settings);
    const out = cached?.values.length === values.length ? cached.values : new Float64Array(values.length);
    smoothTraces(settings.smoothingType, values, x, offsets, settings.smoothing, out, span);
    const made = { key, values: out, tail: null };
    this.smoothedCache.set(series, made);
    return made;
  }

  /**
   * What smoothing a series takes: its values, where they lie (the weights of time_ema and
   * gaussian), its traces, and for time_ema the x range of its chart. The time-weighted EMA
   * decays along the chart's x axis, as W&B's does; the Gaussian weighs by steps.
   */
  smoothingInput(series: number, settings: Settings): { values: Float64Array; x: Float64Array; offsets: Int32Array; span: number } {
    const { offsets, steps, values } = this.traces[series];
    if (settings.smoothingType !== "time_ema") return { values, x: steps, offsets, span: NaN };
    return { values, x: this.positions(series, settings.x), offsets, span: this.chartSpan(series, settings) };
  }

  /** The x range of every point in the chart that shows the series (all its runs and variants). */
  private chartSpan(series: number, settings: Settings): number {
    const shown = this.charts(settings).find((spec) => spec.series.includes(series))?.series ?? [series];
    const key = `${settings.x}:${shown.join(",")}`;
    const known = this.spanCache.get(key);
    if (known !== undefined) return known;
    let low = Infinity;
    let high = -Infinity;
    for (const s of shown) {
      const x = this.positions(s, settings.x);
      for (let i = 0; i < x.length; i++) {
        if (x[i] < low) low = x[i];
        if (x[i] > high) high = x[i];
      }
    }
    const span = high > low ? high - low : 0;
    this.spanCache.set(key, span);
    return span;
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
    this.smoothedCache.set(series, { key: this.smoothedKey(series, settings), values, tail });
    return replaced;
  }

  /** A series' x positions: steps, ms since the run's first report, or epoch ms. */
  positions(series: number, x: XAxis): Float64Array {
    const { runs, offsets, steps, times } = this.traces[series];
    if (x === "step") return steps;
    if (!times) throw new RunsDataError(messages.scalarsNoTime(x));
    if (x === "wall") return times;
    const cached = this.xCache.get(series);
    if (cached?.key === x) return cached.values;
    const out = new Float64Array(times.length);
    for (let t = 0; t < runs.length; t++) {
      const origin = this.firstTime[runs[t]];
      for (let i = offsets[t]; i < offsets[t + 1]; i++) out[i] = times[i] - origin;
    }
    this.xCache.set(series, { key: x, values: out });
    return out;
  }

  private runLines(series: number, settings: Settings, entries: Entries, variant: string | null, dash: number): Line[] {
    const { runs, offsets } = this.traces[series];
    const { values: smoothed, tail } = this.smoothedValues(series, settings);
    const smoothedOf = (t: number) =>
      tail && offsets[t] >= tail.from
        ? tail.values.subarray(offsets[t] - tail.from, offsets[t + 1] - tail.from)
        : smoothed.subarray(offsets[t], offsets[t + 1]);
    const views = this.views(series, settings.x);
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
      smoothed: smoothedOf(t),
      low: null,
      high: null,
      counts: null,
    }));
  }

  /**
   * Each trace's steps, x positions, times and raw values as views into the series' arrays, made
   * once: lines rebuilt for a new smoothing share them, and so do the ranges computed from them.
   */
  private views(series: number, x: XAxis): TraceViews {
    const cached = this.viewCache.get(series);
    if (cached?.x === x) return cached.views;
    const { runs, offsets, steps, times, values } = this.traces[series];
    const positions = this.positions(series, x);
    const slice = (of: Float64Array) => Array.from(runs, (_, t) => of.subarray(offsets[t], offsets[t + 1]));
    const views = { steps: slice(steps), x: slice(positions), times: times ? slice(times) : Array.from(runs, () => null), raw: slice(values) };
    this.viewCache.set(series, { x, views });
    return views;
  }

  /**
   * Each group's runs aligned on the union of their steps (linear interpolation within each
   * run's range), then the mean or median of the smoothed values with the band, and of the raw
   * values. On a time axis a group's x at a step is the mean of its runs' times there.
   */
  private groupLines(series: number, settings: Settings, entries: Entries, variant: string | null, dash: number): Line[] {
    const { runs, offsets, steps, values } = this.traces[series];
    const smoothed = this.smoothed(series, settings);
    const x = this.positions(series, settings.x);
    const groups = entries.groups!;
    const members: number[][] = groups.labels.map(() => []);
    runs.forEach((run, t) => members[groups.groupOfRun[run]].push(t));
    const lines: Line[] = [];
    members.forEach((traces, g) => {
      if (!traces.length) return;
      const span = (t: number, of: Float64Array) => of.subarray(offsets[t], offsets[t + 1]);
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
    const colors = runColors(this.requireColumn(column));
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

  private requireColumn(name: string): RunColumn {
    const runs = this.requireRuns();
    const column = runs.column(name);
    if (!column)
      throw new RunsDataError(
        messages.unknownColumn(
          name,
          runs.columns.map((c) => c.name),
        ),
      );
    return column;
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

function groupingColumn(runs: Runs, name: string): RunColumn {
  const column = runs.column(name);
  if (!column)
    throw new RunsDataError(
      messages.unknownColumn(
        name,
        runs.columns.map((c) => c.name),
      ),
    );
  return column;
}
