import { notes } from "../../data/errors.js";
import type { Scalars } from "../../data/scalars.js";

/**
 * One series' points for every run that reported it, run after run in step order (ties: time,
 * then the order of the rows), so that each run's trace is a contiguous stretch of the arrays.
 */
export interface SeriesTraces {
  /** The run (index into scalars.runIds) of each trace. */
  readonly runs: Int32Array;
  /**
   * Trace t holds the points [offsets[t], ends[t]); up to offsets[t + 1] is room for its later
   * points, so that appends write in place (none in traces split from a table: ends[t] = offsets[t + 1]).
   */
  readonly offsets: Int32Array;
  readonly ends: Int32Array;
  readonly steps: Float64Array;
  readonly values: Float64Array;
  /** Epoch milliseconds; null when the scalars have no time column. */
  readonly times: Float64Array | null;
  /** Reports that repeat a step of their trace, and the first of them. */
  readonly repeats: Repeats;
}

export interface Repeats {
  readonly count: number;
  readonly first: { readonly run: number; readonly step: number } | null;
}

const NO_REPEATS: Repeats = { count: 0, first: null };

/**
 * The scalars as traces, one SeriesTraces per series (in scalars.series order). Rows that come
 * grouped by series and run, each run in step order (as loggers and scalars_to_ipc write them),
 * need no sorting: the traces are then views into the scalars' own arrays, not copies.
 */
export function splitTraces(scalars: Scalars): SeriesTraces[] {
  return (inTraceOrder(scalars) ?? sortedTraces(scalars)).map((trace) => ({ ...trace, repeats: repeatsIn(trace, 0, trace.runs.length) }));
}

/**
 * The repeats of traces [from, to) of a series, counting from `start` (where points were added;
 * the point before it too); steps are in order within each trace, so a repeat follows what it repeats.
 */
function repeatsIn({ runs, offsets, ends, steps }: Omit<SeriesTraces, "repeats">, from: number, to: number, start = 0, known = NO_REPEATS): Repeats {
  let { count, first } = known;
  for (let t = from; t < to; t++) {
    for (let i = Math.max(offsets[t] + 1, start); i < ends[t]; i++) {
      if (steps[i] !== steps[i - 1]) continue;
      count++;
      first ??= { run: runs[t], step: steps[i] };
    }
  }
  return { count, first };
}

/** The traces as views into the scalars' arrays, or null unless the rows are already in trace order. */
function inTraceOrder(scalars: Scalars): Omit<SeriesTraces, "repeats">[] | null {
  const { rowCount, runOfRow, seriesOfRow, steps, times, values } = scalars;
  const runCount = scalars.runIds.length;
  const seriesStarts = new Int32Array(scalars.series.length + 1).fill(-1);
  const runs: number[][] = scalars.series.map(() => []);
  const offsets: number[][] = scalars.series.map(() => []);
  let lastKey = -1;
  for (let row = 0; row < rowCount; row++) {
    const series = seriesOfRow[row];
    const key = series * runCount + runOfRow[row];
    if (key === lastKey) {
      if (steps[row] < steps[row - 1] || (times && steps[row] === steps[row - 1] && times[row] < times[row - 1])) return null;
      continue;
    }
    if (key < lastKey) return null;
    if (seriesStarts[series] < 0) seriesStarts[series] = row;
    runs[series].push(runOfRow[row]);
    offsets[series].push(row - seriesStarts[series]);
    lastKey = key;
  }
  seriesStarts[scalars.series.length] = rowCount;
  return scalars.series.map((_, series) => {
    const from = seriesStarts[series];
    // Series come in code order, and every series has rows, so the next one starts where this ends.
    const to = seriesStarts[series + 1];
    const view = (of: Float64Array) => of.subarray(from, to);
    const starts = Int32Array.from([...offsets[series], to - from]);
    return {
      runs: Int32Array.from(runs[series]),
      offsets: starts,
      ends: starts.subarray(1),
      steps: view(steps),
      values: view(values),
      times: times ? view(times) : null,
    };
  });
}

/** The traces gathered by a counting sort of the rows by (series, run), then by step where a trace is out of order. */
function sortedTraces(scalars: Scalars): Omit<SeriesTraces, "repeats">[] {
  const { rowCount, runOfRow, seriesOfRow, steps, times, values } = scalars;
  const runCount = scalars.runIds.length;
  const keys = scalars.series.length * runCount;
  // Counting sort of the rows by (series, run), stable, so rows keep their order within a trace.
  const starts = new Int32Array(keys + 1);
  for (let row = 0; row < rowCount; row++) starts[seriesOfRow[row] * runCount + runOfRow[row] + 1]++;
  for (let k = 0; k < keys; k++) starts[k + 1] += starts[k];
  const order = new Int32Array(rowCount);
  const next = starts.slice(0, keys);
  for (let row = 0; row < rowCount; row++) order[next[seriesOfRow[row] * runCount + runOfRow[row]]++] = row;
  const byStep = (a: number, b: number) => steps[a] - steps[b] || (times ? times[a] - times[b] || 0 : 0) || a - b;
  for (let k = 0; k < keys; k++) {
    const trace = order.subarray(starts[k], starts[k + 1]);
    if (!inStepOrder(trace, steps, times)) trace.sort(byStep);
  }
  return scalars.series.map((_, series) => {
    const from = starts[series * runCount];
    const to = starts[(series + 1) * runCount];
    const runs: number[] = [];
    const offsets: number[] = [0];
    for (let run = 0; run < runCount; run++) {
      const k = series * runCount + run;
      if (starts[k + 1] === starts[k]) continue;
      runs.push(run);
      offsets.push(starts[k + 1] - from);
    }
    const rows = order.subarray(from, to);
    const traceStarts = Int32Array.from(offsets);
    return {
      runs: Int32Array.from(runs),
      offsets: traceStarts,
      ends: traceStarts.subarray(1),
      steps: gather(steps, rows),
      values: gather(values, rows),
      times: times ? gather(times, rows) : null,
    };
  });
}

/**
 * What the view says of reports that repeat a step of their run and series (a resumed run,
 * a metric logged twice): how many, and the first; null when none does. Steps are in order within
 * each trace, so a repeat follows what it repeats.
 */
export function repeatedSteps(traces: readonly SeriesTraces[], scalars: Pick<Scalars, "runIds" | "series">): string | null {
  const count = traces.reduce((sum, trace) => sum + trace.repeats.count, 0);
  const series = traces.findIndex((trace) => trace.repeats.first !== null);
  if (series < 0) return null;
  const { run, step } = traces[series].repeats.first!;
  return notes.repeatedSteps(count, scalars.runIds[run], scalars.series[series].key, step);
}

/** Each run's earliest time over all its series (the origin of relative time); NaN without times. */
export function firstTimes(scalars: Scalars): Float64Array {
  const first = new Float64Array(scalars.runIds.length).fill(Infinity);
  const { times, runOfRow } = scalars;
  if (times) {
    for (let row = 0; row < scalars.rowCount; row++) if (times[row] < first[runOfRow[row]]) first[runOfRow[row]] = times[row];
  }
  return first.map((t) => (Number.isFinite(t) ? t : NaN));
}

function inStepOrder(rows: Int32Array, steps: Float64Array, times: Float64Array | null): boolean {
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    if (steps[b] < steps[a] || (times && steps[b] === steps[a] && times[b] < times[a])) return false;
  }
  return true;
}

function gather(source: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = source[rows[i]];
  return out;
}

/**
 * The traces with the reports of `added`: its runs and series are those of the traces by
 * `runOf` and `seriesOf` (new ones past the old), each trace its earlier points then its new
 * ones, in step order. A series that gets no report keeps its traces as they were.
 */
export function appendTraces(traces: readonly SeriesTraces[], added: Scalars, runOf: Int32Array, seriesOf: Int32Array, seriesCount: number): SeriesTraces[] {
  const grown = [...traces];
  const empty = {
    runs: new Int32Array(0),
    offsets: new Int32Array(1),
    ends: new Int32Array(0),
    steps: new Float64Array(0),
    values: new Float64Array(0),
    times: added.times && new Float64Array(0),
    repeats: NO_REPEATS,
  };
  while (grown.length < seriesCount) grown.push(empty);
  splitTraces(added).forEach((more, series) => {
    if (more.runs.length) grown[seriesOf[series]] = joinTraces(grown[seriesOf[series]], more, runOf);
  });
  return grown;
}

/** One series' traces and more points of it (their runs numbered by `runOf`): written into the traces' room where each has enough, else laid out anew. */
function joinTraces(old: SeriesTraces, more: SeriesTraces, runOf: Int32Array): SeriesTraces {
  return grownInPlace(old, more, runOf) ?? laidOut(old, more, runOf);
}

/**
 * The traces with more points written into the room at their ends, or null unless every trace
 * that gets points has room for them, they follow its last in step order, and no run is new. The
 * arrays are new views of the same memory (caches keyed by array see new data); the points of
 * `old` stay as they were, so its holders see no change.
 */
function grownInPlace(old: SeriesTraces, more: SeriesTraces, runOf: Int32Array): SeriesTraces | null {
  const traceOf = new Map<number, number>();
  old.runs.forEach((run, t) => traceOf.set(run, t));
  const { offsets, steps, values, times } = old;
  const targets = new Int32Array(more.runs.length);
  for (let m = 0; m < more.runs.length; m++) {
    const t = traceOf.get(runOf[more.runs[m]]);
    if (t === undefined) return null;
    const [from, to] = [more.offsets[m], more.ends[m]];
    const end = old.ends[t];
    if (end + to - from > offsets[t + 1]) return null;
    if (end > offsets[t] && !follows(more, from, steps[end - 1], times?.[end - 1] ?? NaN)) return null;
    targets[m] = t;
  }
  const ends = old.ends.slice();
  for (let m = 0; m < more.runs.length; m++) {
    const [t, from, to] = [targets[m], more.offsets[m], more.ends[m]];
    steps.set(more.steps.subarray(from, to), ends[t]);
    values.set(more.values.subarray(from, to), ends[t]);
    times?.set(more.times!.subarray(from, to), ends[t]);
    ends[t] += to - from;
  }
  const view = (of: Float64Array) => new Float64Array(of.buffer, of.byteOffset, of.length);
  const grown = { runs: old.runs, offsets, ends, steps: view(steps), values: view(values), times: times && view(times) };
  let repeats = old.repeats;
  for (const t of new Set(targets)) repeats = repeatsIn(grown, t, t + 1, old.ends[t], repeats);
  return { ...grown, repeats };
}

/** Whether a trace's point `at` comes after a point at (step, time): a later step, or the same step no earlier in time. */
function follows(trace: Omit<SeriesTraces, "repeats">, at: number, step: number, time: number): boolean {
  return trace.steps[at] > step || (trace.steps[at] === step && !(trace.times && trace.times[at] < time));
}

/** Room left at the end of a trace of `length` points: an eighth more, so that a trace grown point by point is laid out anew O(log) times. */
function roomFor(length: number): number {
  return length + Math.max(16, length >> 3);
}

/** One series' traces and more points of it laid out anew, trace by trace, each with room at its end. */
function laidOut(old: SeriesTraces, more: SeriesTraces, runOf: Int32Array): SeriesTraces {
  const parts = new Map<number, [SeriesTraces, number][]>();
  const add = (of: SeriesTraces, trace: number, run: number) => parts.set(run, [...(parts.get(run) ?? []), [of, trace]]);
  old.runs.forEach((run, trace) => add(old, trace, run));
  more.runs.forEach((run, trace) => add(more, trace, runOf[run]));
  const runs = Int32Array.from([...parts.keys()].sort((a, b) => a - b));
  const offsets = new Int32Array(runs.length + 1);
  runs.forEach((run, t) => {
    const length = parts.get(run)!.reduce((sum, [of, trace]) => sum + of.ends[trace] - of.offsets[trace], 0);
    offsets[t + 1] = offsets[t] + roomFor(length);
  });
  const capacity = offsets[runs.length];
  const steps = new Float64Array(capacity);
  const values = new Float64Array(capacity);
  const times = old.times ? new Float64Array(capacity) : null;
  const ends = new Int32Array(runs.length);
  // Where each trace's new points start (its end when it got none), and the traces put in order anew.
  const added = new Int32Array(runs.length);
  const reordered: number[] = [];
  runs.forEach((run, t) => {
    let at = offsets[t];
    let ordered = true;
    added[t] = -1;
    for (const [of, trace] of parts.get(run)!) {
      const [from, to] = [of.offsets[trace], of.ends[trace]];
      if (of === more) added[t] = at;
      // Each part is in step order: the trace is, unless a part starts before the last ends.
      if (at > offsets[t]) ordered &&= follows(of, from, steps[at - 1], times?.[at - 1] ?? NaN);
      steps.set(of.steps.subarray(from, to), at);
      values.set(of.values.subarray(from, to), at);
      times?.set(of.times!.subarray(from, to), at);
      at += to - from;
    }
    ends[t] = at;
    if (added[t] < 0) added[t] = at;
    if (!ordered) {
      sortTrace(steps.subarray(offsets[t], at), values.subarray(offsets[t], at), times?.subarray(offsets[t], at) ?? null);
      reordered.push(t);
    }
  });
  const joined = { runs, offsets, ends, steps, values, times };
  // Repeats among the new points only, unless a trace was put in order anew: then all the series'.
  let repeats = reordered.length ? repeatsIn(joined, 0, runs.length) : old.repeats;
  if (!reordered.length) for (let t = 0; t < runs.length; t++) repeats = repeatsIn(joined, t, t + 1, added[t], repeats);
  return { ...joined, repeats };
}

/** Puts a trace's points in step order (ties by time, then as they came). */
function sortTrace(steps: Float64Array, values: Float64Array, times: Float64Array | null) {
  const points = Int32Array.from(steps, (_, i) => i);
  points.sort((a, b) => steps[a] - steps[b] || (times ? times[a] - times[b] || 0 : 0) || a - b);
  for (const of of [steps, values, times]) if (of) of.set(gather(of, points));
}
