import { readRuns } from "../../src/data/runs";
import { readScalars } from "../../src/data/scalars";
import { barX, clusterLayout, slotAt } from "../../src/views/summary/layout";
import { chooseBarMetrics } from "../../src/views/summary/metrics";
import { noBarMark } from "../../src/views/summary/bars";

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

describe("the clusters' layout", () => {
  // Two metrics, three runs, 354px: 114px go to two axes (44 each), one gap (18) and the right
  // margin (8), leaving 240px for six slots of 40px.
  const layout = clusterLayout([[0.2, -0.1, NaN], [5, 10, Infinity]], 3, 354, 200);

  test("each cluster a slot per run after its axis", () => {
    expect(layout.slotWidth).toBe(40);
    expect(layout.barWidth).toBe(32);
    expect(layout.panels.map((p) => [p.x, p.width])).toEqual([[44, 120], [226, 120]]);
    expect(layout.width).toBe(354);
    expect(barX(layout, layout.panels[0], 1)).toBe(88);
  });

  test("a few runs get bars no wider than 48px slots, in a chart narrower than asked", () => {
    const few = clusterLayout([[1, 2, 3], [1, 2, 3]], 3, 1000, 200);
    expect(few.slotWidth).toBe(48);
    expect(few.width).toBe(114 + 6 * 48);
  });

  test("each cluster its own axis from zero, over the finite values", () => {
    expect(layout.panels[0].scale.domain()).toEqual([-0.1, 0.2]);
    expect(layout.panels[1].scale.domain()).toEqual([0, 10]);
    // 0 is a third of the way up from -0.1 to 0.2, between y = 166 and y = 12.
    expect(layout.panels[0].scale(0)).toBeCloseTo(166 - 154 / 3, 9);
    expect(clusterLayout([[NaN]], 1, 400, 200).panels[0].scale.domain()).toEqual([0, 1]);
  });

  test("too many bars for the width widen the chart instead of thinning bars below 2px", () => {
    const wide = clusterLayout([new Float64Array(100), new Float64Array(100)], 100, 414, 200);
    expect(wide.slotWidth).toBe(2);
    expect(wide.width).toBe(114 + 2 * 100 * 2);
  });

  test("a point finds the slot under it, none between clusters", () => {
    expect(slotAt(layout, 88, 3)).toEqual({ panel: 0, run: 1 });
    expect(slotAt(layout, 200, 3)).toBeNull();
    expect(slotAt(layout, 226 + 100, 3)).toEqual({ panel: 1, run: 2 });
  });

  test("a slot without a bar is marked, infinities as such", () => {
    expect([NaN, Infinity, -Infinity].map(noBarMark)).toEqual(["—", "∞", "-∞"]);
  });
});
