import fc from "fast-check";
import { readScalars } from "../../../../src/data/scalars";
import { repeatedSteps, splitTraces } from "../../../../src/views/scalars/traces";

fc.configureGlobal({ seed: 20261122 });

type Row = { run_id: string; metric: string; step: number; time: number; value: number };

/** Each (series, run)'s points by step, then time, then row order: written out with plain arrays. */
function reference(rows: Row[]) {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.metric} ${row.run_id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  for (const points of byKey.values()) points.sort((a, b) => a.step - b.step || a.time - b.time);
  return byKey;
}

/** The traces as the same map: "series run" -> [step, value, time] per point. */
function traced(rows: Row[]) {
  const scalars = readScalars(rows);
  const out = new Map<string, number[][]>();
  splitTraces(scalars).forEach((traces, series) => {
    traces.runs.forEach((run, t) => {
      const points = [];
      for (let i = traces.offsets[t]; i < traces.offsets[t + 1]; i++) points.push([traces.steps[i], traces.values[i], traces.times![i]]);
      out.set(`${scalars.series[series].key} ${scalars.runIds[run]}`, points);
    });
  });
  return out;
}

const row = fc.record({
  run_id: fc.constantFrom("a", "b", "c"),
  metric: fc.constantFrom("loss", "acc"),
  step: fc.integer({ min: 0, max: 6 }),
  time: fc.integer({ min: 0, max: 3 }),
  value: fc.double({ noNaN: true }),
});

describe("splitting scalars into traces", () => {
  test("rows in any order: every trace in step order, ties by time, then row order", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const expected = reference(rows);
        const actual = traced(rows);
        expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [key, points] of expected) expect(actual.get(key)).toEqual(points.map((p) => [p.step, p.value, p.time * 1000]));
      }),
    );
  });

  test("rows already grouped by series and run, in step order: the same traces, as views of the table's arrays", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        // Sorted as a logger writes them: by metric (in order of first appearance), run, step and time.
        const metricOrder = [...new Set(rows.map((r) => r.metric))];
        const runOrder = [...new Set(rows.map((r) => r.run_id))];
        const ordered = [...rows].sort(
          (a, b) =>
            metricOrder.indexOf(a.metric) - metricOrder.indexOf(b.metric) ||
            runOrder.indexOf(a.run_id) - runOrder.indexOf(b.run_id) ||
            a.step - b.step ||
            a.time - b.time,
        );
        const expected = reference(ordered);
        const actual = traced(ordered);
        for (const [key, points] of expected) expect(actual.get(key)).toEqual(points.map((p) => [p.step, p.value, p.time * 1000]));
      }),
    );
  });

  test("in trace order, no copy is made; out of order, the traces are copies", () => {
    const rows = [
      { run_id: "a", metric: "loss", step: 1, value: 1 },
      { run_id: "a", metric: "loss", step: 2, value: 2 },
      { run_id: "b", metric: "loss", step: 1, value: 3 },
      { run_id: "a", metric: "acc", step: 1, value: 4 },
    ];
    const scalars = readScalars(rows);
    const [loss, acc] = splitTraces(scalars);
    expect(loss.values.buffer).toBe(scalars.values.buffer);
    expect(Array.from(loss.offsets)).toEqual([0, 2, 3]);
    expect(Array.from(acc.values)).toEqual([4]);
    const shuffled = readScalars([rows[1], rows[0], rows[2], rows[3]]);
    const [again] = splitTraces(shuffled);
    expect(again.values.buffer).not.toBe(shuffled.values.buffer);
    expect(Array.from(again.values)).toEqual([1, 2, 3]);
  });
});

describe("reports that repeat a step", () => {
  const report = (run_id: string, metric: string, step: number, value = 1) => ({ run_id, metric, step, value });

  test("are counted, in order or not, and the first named; none: no note", () => {
    const rows = [
      report("a", "loss", 2),
      report("a", "loss", 1),
      report("b", "loss", 1),
      report("a", "loss", 2, 5),
      report("a", "loss", 1, 3),
      report("b", "acc", 1),
    ];
    const scalars = readScalars(rows);
    expect(repeatedSteps(splitTraces(scalars), scalars)).toBe(
      `2 reports repeat a step already reported for its run and series (first: run "a", "loss", step 1): each is drawn, and a series' last value is its latest report, as in MLflow.`,
    );
    const distinct = readScalars(rows.slice(0, 3));
    expect(repeatedSteps(splitTraces(distinct), distinct)).toBeNull();
  });

  test("a run and a metric whose names share a separator are told apart", () => {
    // Keyed by text, "loss" of run "a\0b" and "loss\0a" of run "b" were once one trace.
    const scalars = readScalars([report("a\u0000b", "loss", 1), report("b", "loss\u0000a", 1)]);
    expect(repeatedSteps(splitTraces(scalars), scalars)).toBeNull();
  });
});
