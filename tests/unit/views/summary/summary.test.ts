import { readRuns } from "../../../../src/data/runs";
import { readScalars } from "../../../../src/data/scalars";
import { beyondAxis, noBarMark, panelLayout } from "../../../../src/views/summary/layout";
import { barOrder } from "../../../../src/views/summary/sort";
import { chooseBarMetrics } from "../../../../src/views/summary/metrics";

const runs = readRuns([
  { run_id: "a", name: "A", "params.lr": 0.1, "params.opt": "adam", "metrics.acc": 0.9 },
  { run_id: "b", name: "B", "params.lr": 0.01, "params.opt": "sgd", "metrics.acc": null },
]);
// test/acc and acc are reported once per run; loss twice by run a.
const scalars = readScalars([
  { run_id: "a", metric: "test", variant: "acc", step: 9, value: 0.7 },
  { run_id: "b", metric: "test", variant: "acc", step: 9, value: 0.8 },
  { run_id: "a", metric: "acc", variant: null, step: 9, value: 0.5 },
  { run_id: "a", metric: "loss", variant: null, step: 1, value: 2 },
  { run_id: "a", metric: "loss", variant: null, step: 2, value: 1 },
  { run_id: "b", metric: "loss", variant: null, step: 1, value: 3 },
]);
const shown = (metrics: ReturnType<typeof chooseBarMetrics>) => metrics.map((m) => [m.label, Array.from(m.values)]);

describe("the metrics the bars show", () => {
  test("by default: metrics.* columns, then series reported once per run that no column already shows", () => {
    expect(shown(chooseBarMetrics(runs, scalars, null))).toEqual([
      ["acc", [0.9, NaN]],
      ["test/acc", [0.7, 0.8]],
    ]);
  });

  test("named: single-value series, summaries of any series, and numeric runs columns", () => {
    expect(shown(chooseBarMetrics(runs, scalars, ["test/acc", "loss:min", "lr"]))).toEqual([
      ["test/acc", [0.7, 0.8]],
      ["loss (min)", [1, 3]],
      ["lr", [0.1, 0.01]],
    ]);
  });

  test("a column of categories is an error", () => {
    expect(() => chooseBarMetrics(runs, scalars, ["opt"])).toThrow(
      'column "params.opt" holds categories, not numbers: summary bars need numbers; name a metrics.* column or a series of the scalars.',
    );
  });

  test("an unknown name lists the series", () => {
    expect(() => chooseBarMetrics(runs, scalars, ["f1"])).toThrow(
      'no metric "f1" in the runs or the scalars (scalars series: test/acc, acc, loss): name one of these, optionally ending in :last, :min or :max.',
    );
  });

  test("nothing single-valued is an error that says how to name metrics", () => {
    const bare = readRuns([{ run_id: "a", "params.lr": 1 }]);
    const curves = readScalars([
      { run_id: "a", metric: "loss", step: 1, value: 2 },
      { run_id: "a", metric: "loss", step: 2, value: 1 },
    ]);
    expect(() => chooseBarMetrics(bare, curves, null)).toThrow(
      'no single-value metrics to show: the runs have no metrics.* columns and no scalars series is reported once per run; name metrics with metrics=, for example "loss/validation:min".',
    );
    expect(shown(chooseBarMetrics(bare, curves, ["loss:min"]))).toEqual([["loss (min)", [1]]]);
  });
});

describe("a metric's panel", () => {
  test("names on the left as wide as the longest, up to half the panel; values in a column on the right", () => {
    const narrow = panelLayout(400, [1, 2], 90);
    expect([narrow.labelWidth, narrow.barLeft, narrow.barRight, narrow.valueRight]).toEqual([90, 96, 330, 398]);
    expect(panelLayout(400, [1, 2], 300).labelWidth).toBe(200);
    expect(panelLayout(100, [1, 2], 300).labelWidth).toBe(60);
  });

  test("each panel its own scale from zero over the finite values, so bar lengths compare", () => {
    const layout = panelLayout(400, [0.2, -0.1, NaN, Infinity], 90);
    expect(layout.scale.domain()).toEqual([-0.1, 0.2]);
    // Zero lies a third of the way from -0.1 to 0.2 along the bars.
    expect(layout.scale(0)).toBeCloseTo(96 + (330 - 96) / 3, 9);
    expect(panelLayout(400, [5, 10], 90).scale.domain()).toEqual([0, 10]);
    expect(panelLayout(400, [NaN], 90).scale.domain()).toEqual([0, 1]);
  });

  test("an outlier leaves the axis to the other values, and lies beyond it", () => {
    const values = [...Array.from({ length: 40 }, (_, i) => 0.5 + i / 100), 1e6];
    // The others run from 0.5 to 0.89: the axis from zero, made nice, ends at 0.9.
    const layout = panelLayout(400, values, 90);
    expect(layout.scale.domain()).toEqual([0, 0.9]);
    expect(beyondAxis(layout, 1e6)).toBe(true);
    expect(beyondAxis(layout, 0.89)).toBe(false);
    expect(panelLayout(400, values.slice(0, 40), 90).scale.domain()).toEqual([0, 0.9]);
  });

  test("bars sorted by value either way, runs without a finite value last in their order; or the runs table's order", () => {
    const values = [0.5, NaN, 0.9, -Infinity, 0.1, 0.9];
    expect(Array.from(barOrder(values, "descending"))).toEqual([2, 5, 0, 4, 1, 3]);
    expect(Array.from(barOrder(values, "ascending"))).toEqual([4, 0, 2, 5, 1, 3]);
    expect(Array.from(barOrder(values, "runs"))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("a run without a bar is marked, infinities as such", () => {
    expect([NaN, Infinity, -Infinity].map(noBarMark)).toEqual(["—", "∞", "-∞"]);
  });
});
