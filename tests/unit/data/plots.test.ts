import reference from "../../contract/plots.json";
import { averagePrecision, trapezoidArea } from "../../../src/data/curves";
import { alignMatrices, difference, rowNormalised } from "../../../src/data/matrices";
import { plotPanels } from "../../../src/data/plot-panels";
import { readPlots, type Matrix } from "../../../src/data/plots";

// scikit-learn's numbers (tests/python/test_plots.py writes the file): AUC, average precision, confusion matrices.
const curves = reference.curves;

test.each(curves)("ROC AUC of $run_id is roc_auc_score's", ({ fpr, tpr, auc }) => {
  expect(trapezoidArea(fpr, tpr)).toBeCloseTo(auc, 12);
  // Order does not matter: the points are taken by rising false positive rate.
  expect(trapezoidArea([...fpr].reverse(), [...tpr].reverse())).toBeCloseTo(auc, 12);
});

test.each(curves)("average precision of $run_id is average_precision_score's", ({ recall, precision, average_precision }) => {
  expect(averagePrecision(recall, precision)).toBeCloseTo(average_precision, 12);
  expect(averagePrecision([...recall].reverse(), [...precision].reverse())).toBeCloseTo(average_precision, 12);
});

test("AUC and AP reach the legend through the panels, per run", () => {
  const rows = curves.flatMap((c) => [
    { run_id: c.run_id, metric: "roc", step: 5, kind: "roc", data: { fpr: c.fpr, tpr: c.tpr } },
    { run_id: c.run_id, metric: "pr", step: 5, kind: "pr", data: { recall: c.recall, precision: c.precision } },
  ]);
  const plots = readPlots(rows);
  const panels = plotPanels(
    plots,
    [0, 1],
    Int32Array.from(plots.runIds, (_, i) => i),
  );
  expect(panels[0].entries.map((e) => e.score)).toEqual(curves.map((c) => expect.closeTo(c.auc, 12)));
  expect(panels[1].entries.map((e) => e.score)).toEqual(curves.map((c) => expect.closeTo(c.average_precision, 12)));
});

const matrix = (labels: string[], values: number[][]): Matrix => ({ rows: labels, columns: labels, values: Float64Array.from(values.flat()) });

test("confusion-matrix differences to the base, and rows as shares, are scikit-learn's", () => {
  const matrices = reference.matrices.map((m) => matrix(m.labels, m.matrix));
  const aligned = alignMatrices(matrices);
  reference.matrices.forEach((m, i) => {
    expect(Array.from(difference(aligned[i], aligned[0]).values)).toEqual(m.difference.flat());
    Array.from(rowNormalised(aligned[i]).values).forEach((share, k) => expect(share).toBeCloseTo(m.shares.flat()[k], 12));
  });
});

test("matrices with other labels are compared on the union of labels, the missing cells empty", () => {
  const [a, b] = alignMatrices([
    matrix(
      ["x", "y"],
      [
        [1, 2],
        [3, 4],
      ],
    ),
    matrix(
      ["y", "z"],
      [
        [5, 6],
        [7, 8],
      ],
    ),
  ]);
  expect(a.rows).toEqual(["x", "y", "z"]);
  expect(Array.from(a.values)).toEqual([1, 2, NaN, 3, 4, NaN, NaN, NaN, NaN]);
  expect(Array.from(b.values)).toEqual([NaN, NaN, NaN, NaN, 5, 6, NaN, 7, 8]);
  expect(Array.from(difference(b, a).values).map((v) => (Number.isNaN(v) ? null : v))).toEqual([null, null, null, null, 1, null, null, null, null]);
});

test("panels merge each series' plots, one per run: the last step, or the last at or before the step asked", () => {
  const plot = (run_id: string, step: number, y: number, metric = "loss") => ({ run_id, metric, step, kind: "line", data: { y: [y] } });
  const plots = readPlots([plot("a", 1, 10), plot("a", 3, 30), plot("b", 2, 20), plot("a", 2, 21), plot("c", 5, 50), plot("b", 1, 1, "acc")]);
  const columns = Int32Array.from([1, 0, -1]); // runs b, a shown (in that order); c left out
  const [loss, acc] = plotPanels(plots, [0, 1], columns);
  const lastY = (panel: typeof loss) => panel.entries.map((e) => [e.column, e.plot.step, e.plot.data.shape === "xy" ? e.plot.data.y[0] : null]);
  expect(lastY(loss)).toEqual([
    [0, 2, 20],
    [1, 3, 30],
  ]);
  expect(loss.steps).toEqual([1, 2, 3]);
  expect(lastY(acc)).toEqual([[0, 1, 1]]);
  const [early] = plotPanels(plots, [0], columns, 1);
  expect(lastY(early)).toEqual([
    [0, 2, 20],
    [1, 1, 10],
  ]);
});
