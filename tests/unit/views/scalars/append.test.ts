import { readScalars } from "../../../../src/data/scalars";
import { smooth, SMOOTHING_TYPES } from "../../../../src/data/smoothing";
import { ScalarsData } from "../../../../src/views/scalars/model";
import { settingsOf } from "../../../../src/views/scalars/options";

type Row = { run_id: string; metric: string; step: number; time: number; value: number };

// Run "a" reports a constant loss for 20 steps, then a varying one: smoothing that went on from
// where the first 20 points left it (a constant series is smoothed as itself) would differ.
const all: Row[] = [
  ...Array.from({ length: 60 }, (_, step) => ({ run_id: "a", metric: "loss", step, time: 1000 + step, value: step < 20 ? 1 : Math.sin(step) + 2 })),
  ...Array.from({ length: 30 }, (_, step) => ({ run_id: "b", metric: "loss", step: step * 2, time: 2000 + step, value: Math.cos(step) })),
  ...Array.from({ length: 30 }, (_, step) => ({ run_id: "b", metric: "acc", step, time: 2000 + step, value: step / 30 })),
];
all.push({ run_id: "a", metric: "loss", step: 60, time: 1100, value: NaN });
// A report that repeats a step (a resumed run), and one that repeats it late.
all.push({ run_id: "b", metric: "acc", step: 3, time: 2003.5, value: 0.5 }, { run_id: "b", metric: "acc", step: 29, time: 2100, value: 0.9 });

/** The rows in batches as a live run reports them: by time, some batches with a point for a step already passed. */
function batches(rows: Row[], size: number): Row[][] {
  const byTime = [...rows].sort((x, y) => x.time - y.time);
  const late = byTime.splice(5, 1)[0];
  byTime.splice(40, 0, late);
  return Array.from({ length: Math.ceil(byTime.length / size) }, (_, i) => byTime.slice(i * size, (i + 1) * size));
}

/** `shown`: the lines are made after each append, as a view draws them, so what is kept of series that did not grow is used. */
function grown(parts: Row[][], shown?: ReturnType<typeof settingsOf>): ScalarsData {
  let data = new ScalarsData(readScalars(parts[0]), null);
  for (const part of parts.slice(1)) {
    if (shown) linesOf(data, shown);
    data = data.appended(readScalars(part), null);
  }
  return data;
}

function linesOf(data: ScalarsData, settings: ReturnType<typeof settingsOf>) {
  const entries = data.entries(settings);
  return data
    .charts(settings)
    .flatMap((chart) =>
      data
        .lines(chart, settings, entries)
        .map((line) => ({ run: line.entry.key, series: line.series.key, steps: [...line.steps], raw: [...line.raw], smoothed: [...line.smoothed] })),
    );
}

test.each(SMOOTHING_TYPES)("a series grown by appends is smoothed (%s) as the whole series at once", (smoothingType) => {
  const settings = settingsOf({ smoothingType, smoothing: 0.8 });
  const whole = new ScalarsData(readScalars(all), null);
  for (const size of [1, 7, 50]) {
    const data = grown(batches(all, size), settings);
    const lines = linesOf(data, settings);
    const sorted = (list: typeof lines) => [...list].sort((x, y) => (x.run + x.series).localeCompare(y.run + y.series));
    expect(sorted(lines)).toEqual(sorted(linesOf(whole, settings)));
    for (const line of lines) {
      if (smoothingType === "time_ema") continue; // its weights depend on the chart's span: compared with the whole above
      const expected = smooth(smoothingType, line.raw, line.steps, 0.8);
      expect(line.smoothed).toEqual([...expected]);
    }
  }
});

test("the note of repeated steps counts them as in the whole series", () => {
  const whole = new ScalarsData(readScalars(all), null);
  expect(whole.notes).toHaveLength(1);
  for (const size of [1, 7, 50]) expect(grown(batches(all, size)).notes[0].split(" ")[0]).toBe(whole.notes[0].split(" ")[0]);
});

test("points for a step already passed go in step order; new runs and series follow the others", () => {
  const data = grown(batches(all, 10));
  expect(data.runIds).toEqual(["a", "b"]);
  expect(data.series.map((s) => s.key)).toEqual(["loss", "acc"]);
  const a = data.traces[0];
  const steps = [...a.steps.subarray(a.offsets[0], a.ends[0])];
  expect(steps).toEqual([...steps].sort((x, y) => x - y));
  expect(steps).toHaveLength(61);
});

test("appended scalars must have a time column exactly when the first had one", () => {
  const data = new ScalarsData(readScalars(all.slice(0, 5)), null);
  expect(() => data.appended(readScalars([{ run_id: "a", metric: "loss", step: 99, value: 1 }]), null)).toThrow(/time column exactly when/);
});

test.each(SMOOTHING_TYPES)("%s: a point appended within the chart's x range extends each line, and its smoothed values where they stayed", (smoothingType) => {
  // Steps 0 to 88: the axis runs on to 90 (its tick), and so does the time-weighted EMA's range.
  const rows = (from: number, to: number) =>
    ["a", "b"].flatMap((run_id, r) =>
      Array.from({ length: to - from }, (_, k) => ({ run_id, metric: "loss", step: from + k, time: 1000 + from + k, value: Math.sin((from + k) * (r + 1)) })),
    );
  const settings = settingsOf({ smoothingType, smoothing: 0.8 });
  const lines = (data: ScalarsData) => data.lines(data.charts(settings)[0], settings, data.entries(settings));
  // The first append lays the traces out with room; the next writes into it.
  const first = new ScalarsData(readScalars(rows(0, 88)), null).appended(readScalars(rows(88, 89)), null);
  const before = lines(first);
  const grown = first.appended(readScalars(rows(89, 90)), null);
  const after = lines(grown);
  after.forEach((line, i) => {
    expect(line.before?.x).toBe(before[i].x);
    expect(line.before?.raw).toBe(before[i].raw);
    // The EMAs go on over the new point; the windowed smoothings change the values before it.
    expect(line.before?.smoothed).toBe(smoothingType.endsWith("ema") ? before[i].smoothed : null);
    expect([...line.smoothed]).toEqual([...smooth(smoothingType, line.raw, line.x, 0.8, undefined, smoothingType === "time_ema" ? 90 : NaN)]);
  });
});
