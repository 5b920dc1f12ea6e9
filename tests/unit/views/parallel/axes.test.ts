import { columnResolver } from "../../../../src/data/resolve";
import { readRuns, type CategoricalColumn } from "../../../../src/data/runs";
import { estimateWidth } from "../../../../src/render/text";
import { shownCategories } from "../../../../src/views/parallel/categories";
import { axesNote, chooseDimensions, MAX_AXES } from "../../../../src/views/parallel/dimensions";
import { axesThatFit, layOut } from "../../../../src/views/parallel/layout";

/** Runs with `params` varying params, a constant one, and two metrics, one missing for half the runs. */
function sweep(count: number, params: number) {
  return readRuns(
    Array.from({ length: count }, (_, i) => {
      const row: Record<string, unknown> = { run_id: `r${i}`, "params.batch": "64" };
      for (let p = 0; p < params; p++) row[`params.p${p}`] = String(i % (p + 2));
      row["metrics.sparse"] = i % 2 ? 0.5 + i / 100 : NaN;
      row["metrics.acc"] = i / count;
      return row;
    }),
  );
}
const choose = (runs: ReturnType<typeof readRuns>, choice = {}, room = Infinity) => chooseDimensions(runs, columnResolver(runs, null), choice, room);
const names = (chosen: ReturnType<typeof choose>) => chosen.dimensions.map((d) => d.column.name);

describe("the axes a view chooses by itself", () => {
  test("params that vary, then metrics; the constant param left out and named", () => {
    const chosen = choose(sweep(10, 3));
    expect(names(chosen)).toEqual(["params.p0", "params.p1", "params.p2", "metrics.sparse", "metrics.acc"]);
    expect(chosen.constant.map((c) => c.name)).toEqual(["params.batch"]);
    expect(axesNote(chosen, () => "64")).toEqual({ text: '1 param has one value in every run and is left out: "batch".', details: "batch = 64" });
  });

  test("as many as the room holds: a third for the metrics with the most values, the rest params in table order", () => {
    const chosen = choose(sweep(10, 20), {}, 6);
    expect(names(chosen)).toEqual(["params.p0", "params.p1", "params.p2", "params.p3", "metrics.sparse", "metrics.acc"]);
    expect(chosen.metrics).toEqual({ shown: 2, of: 2 });
    expect(chosen.params).toEqual({ shown: 4, of: 20 });
    // Room for one metric: acc, which every run has (sparse: half of them).
    const three = choose(sweep(10, 20), {}, 3);
    expect(names(three)).toEqual(["params.p0", "params.p1", "metrics.acc"]);
    expect(axesNote(three, () => "64")!.text).toBe(
      'Showing 2 of 20 params that vary and 1 of 2 metrics: choose others under "Axes". 1 param has one value in every run and is left out: "batch".',
    );
  });

  test("params with a crowd of categories come after those with few", () => {
    const runs = readRuns(
      Array.from({ length: 30 }, (_, i) => ({ run_id: `r${i}`, "params.path": `/data/${i}`, "params.opt": i % 2 ? "adam" : "sgd", "metrics.acc": i })),
    );
    expect(names(choose(runs, {}, 2))).toEqual(["params.opt", "metrics.acc"]);
  });

  test("when no param varies (one run), every param shows", () => {
    const one = readRuns([{ run_id: "a", "params.lr": 0.1, "params.opt": "adam", "metrics.acc": 0.9 }]);
    const chosen = choose(one);
    expect(names(chosen)).toEqual(["params.lr", "params.opt", "metrics.acc"]);
    expect(axesNote(chosen, () => "")).toBeNull();
  });

  test("named axes are all shown, whatever the room, up to the most a chart holds", () => {
    const runs = sweep(5, 70);
    const params = runs.columns.filter((c) => c.role === "param").map((c) => c.name);
    const chosen = choose(runs, { params: params.slice(0, 10), metrics: ["acc"] }, 3);
    expect(chosen.dimensions).toHaveLength(11);
    const all = choose(runs, { params, metrics: ["acc"] }, 3);
    expect(all.dimensions).toHaveLength(MAX_AXES);
    expect(all.beyondMax).toBe(params.length + 1 - MAX_AXES);
  });

  test("the room of a width: one axis per 100 pixels beyond 24 at each end, at least two", () => {
    expect([300, 600, 1000, 1600].map(axesThatFit)).toEqual([3, 6, 10, 16]);
  });
});

describe("categorical axes with more values than fit", () => {
  const column = (values: (string | null)[]) => readRuns(values.map((v, i) => ({ run_id: `r${i}`, "params.c": v }))).column("c") as CategoricalColumn;

  test("all values when they fit", () => {
    const shown = shownCategories(column(["b", "a", "b", null]), 5);
    expect([shown.domain, shown.folded]).toEqual([["a", "b"], 0]);
  });

  test("the most frequent, ties in sorted order, in sorted order, then the other slot for the rest", () => {
    const values = ["d", "d", "d", "a", "c", "c", "b", "b", "e", null];
    const shown = shownCategories(column(values), 4);
    // d (3), then b and c (2 each); a and e (1 each) fold into the other slot.
    expect(shown.domain).toEqual(["b", "c", "d", shown.other]);
    expect(shown.folded).toBe(2);
    expect(["a", "b", "e"].map(shown.has)).toEqual([false, true, false]);
  });

  test("the other slot's key is no category's text, whatever text the categories hold", () => {
    const values = ["\u0000other", "\u0000other", "\u0000other\u0000", "\u0000other\u0000", "a", "b", "c"];
    const shown = shownCategories(column(values), 3);
    expect(values).not.toContain(shown.other);
    expect(shown.domain).toEqual(["\u0000other", "\u0000other\u0000", shown.other]);
    expect(new Set(shown.domain).size).toBe(3);
  });
});

describe("layout", () => {
  const text = { tick: estimateWidth, title: estimateWidth };
  const runs = sweep(20, 12);
  const dimensions = (chosen: ReturnType<typeof choose>) => chosen.dimensions;

  test("the axes a width chooses fit it: no wider chart, titles no wider than the room between axes", () => {
    for (const width of [600, 1000, 1600]) {
      const layout = layOut(dimensions(choose(runs, {}, axesThatFit(width))), runs.count, width, 360, text);
      expect(layout.width).toBe(width);
      const spacing = layout.axes[1].x - layout.axes[0].x;
      for (const axis of layout.axes) {
        expect(axis.title.lines.length).toBeLessThanOrEqual(2);
        expect(axis.title.width).toBeLessThanOrEqual(spacing - 10);
      }
      const first = layout.axes[0];
      expect(first.x).toBeGreaterThanOrEqual(9 + Math.max(...first.ticks.map((t) => t.width)));
      expect(first.x).toBeGreaterThanOrEqual(first.title.width / 2);
      const last = layout.axes[layout.axes.length - 1];
      expect(width - last.x).toBeGreaterThanOrEqual(last.title.width / 2);
    }
  });

  test("more axes than the width holds make a wider chart, never axes closer than their labels allow", () => {
    const all = choose(runs, { params: runs.columns.filter((c) => c.role === "param").map((c) => c.name) });
    const layout = layOut(all.dimensions, runs.count, 600, 360, text);
    expect(layout.width).toBeGreaterThan(600);
    const spacing = layout.axes[1].x - layout.axes[0].x;
    for (const axis of layout.axes.slice(1)) expect(spacing).toBeGreaterThanOrEqual(9 + Math.max(...axis.ticks.map((t) => t.width)) + 6);
  });

  test("runs of a category folded into the other slot cross its axis there", () => {
    const many = readRuns(Array.from({ length: 60 }, (_, i) => ({ run_id: `r${i}`, "params.c": `v${i % 30}`, "metrics.m": i })));
    const layout = layOut(dimensions(choose(many, { params: ["c"], metrics: ["m"] })), many.count, 600, 360, text);
    const axis = layout.axes[0];
    expect(axis.categories!.folded).toBeGreaterThan(0);
    const otherY = (axis.scale as (v: string) => number)(axis.categories!.other);
    const column = many.column("c") as CategoricalColumn;
    column.values.forEach((value, row) => {
      const y = layout.ys[row * 2];
      if (axis.categories!.has(value!)) expect(y).not.toBe(otherY);
      else expect(y).toBe(Math.fround(otherY));
    });
    expect(axis.ticks.at(-1)!.label).toBe(`other (${axis.categories!.folded})`);
  });
});
