import { readRuns } from "../../../../src/data/runs";
import { chooseChannels } from "../../../../src/views/scatter/channels";
import { columnResolver } from "../../../../src/data/resolve";
import { jitter } from "../../../../src/views/scatter/jitter";
import { axisPositions, countWithoutValue, drawnRows, CATEGORY_JITTER, IN_BAND, NO_VALUE, ON_AXIS } from "../../../../src/views/scatter/positions";

const runs = readRuns([
  { run_id: "a", "params.lr": 0.001, "params.opt": "sgd", "metrics.acc": 0.5 },
  { run_id: "b", "params.lr": 0, "params.opt": "adam", "metrics.acc": NaN },
  { run_id: "c", "params.lr": 0.1, "params.opt": null, "metrics.acc": 0.9 },
  { run_id: "d", "params.lr": -1, "params.opt": "adam", "metrics.acc": 0.7 },
  { run_id: "e", "params.lr": NaN, "params.opt": "sgd", "metrics.acc": Infinity },
]);
const channels = (choice: object) => chooseChannels(runs, columnResolver(runs, null), choice);

test("jitter is the same for the same run index, every time", () => {
  const first = Array.from({ length: 500 }, (_, row) => jitter(row, 0.3));
  const second = Array.from({ length: 500 }, (_, row) => jitter(row, 0.3));
  expect(second).toEqual(first);
});

test("jitter stays within the band and spreads across it", () => {
  const offsets = Array.from({ length: 1000 }, (_, row) => jitter(row, 0.3));
  expect(Math.min(...offsets)).toBeGreaterThanOrEqual(-0.3);
  expect(Math.max(...offsets)).toBeLessThanOrEqual(0.3);
  // Spread: each tenth of the band holds some runs, and neighbouring rows do not line up.
  const tenths = new Array(10).fill(0);
  for (const offset of offsets) tenths[Math.min(9, Math.floor(((offset + 0.3) / 0.6) * 10))]++;
  expect(Math.min(...tenths)).toBeGreaterThan(50);
  const steps = offsets.slice(1).map((offset, i) => Math.abs(offset - offsets[i]));
  expect(steps.filter((step) => step < 0.01).length).toBeLessThan(50);
});

test("categories sit at their sorted index, jittered by less than the band", () => {
  const { x } = channels({ x: "opt", y: "acc" });
  expect(x.kind).toBe("categorical");
  const positions = axisPositions(x, runs.count);
  // Categories sorted: adam = 0, sgd = 1; run c has none.
  const expected = [1, 0, null, 0, 1];
  expected.forEach((index, row) => {
    if (index === null) {
      expect(positions.place[row]).toBe(NO_VALUE);
      return;
    }
    expect(positions.place[row]).toBe(ON_AXIS);
    expect(Math.abs(positions.values[row] - index)).toBeLessThanOrEqual(CATEGORY_JITTER);
    expect(positions.values[row]).toBe(index + jitter(row, CATEGORY_JITTER));
  });
  expect(positions.domain).toEqual([-0.5, 1.5]);
});

test("on a log axis zero and negatives go to the band, missing and infinite values nowhere", () => {
  const { x } = channels({ x: "lr", y: "acc", xScale: "log" });
  const positions = axisPositions(x, runs.count);
  expect(Array.from(positions.place)).toEqual([ON_AXIS, IN_BAND, ON_AXIS, IN_BAND, NO_VALUE]);
  expect(positions.hasBand).toBe(true);
  expect(positions.domain).toEqual([0.001, 0.1]);
  expect(countWithoutValue(positions)).toBe(1);
});

test("on a linear axis every finite value has a place", () => {
  const { x } = channels({ x: "lr", y: "acc" });
  expect(x.kind).toBe("linear"); // log is not offered: lr has values <= 0
  const positions = axisPositions(x, runs.count);
  expect(Array.from(positions.place)).toEqual([ON_AXIS, ON_AXIS, ON_AXIS, ON_AXIS, NO_VALUE]);
  expect(positions.hasBand).toBe(false);
  expect(positions.domain).toEqual([-1, 0.1]);
});

test("runs are drawn when they have a place on both axes", () => {
  const { x, y } = channels({ x: "lr", y: "acc", xScale: "log" });
  const rows = drawnRows(axisPositions(x, runs.count), axisPositions(y, runs.count));
  // b: acc NaN; e: lr NaN and acc infinite.
  expect(Array.from(rows)).toEqual([0, 2, 3]);
  expect(countWithoutValue(axisPositions(y, runs.count))).toBe(2);
});

test("a single value gets a domain around it", () => {
  const one = readRuns([{ run_id: "a", "params.lr": 0.01, "metrics.acc": 3 }]);
  const c = chooseChannels(one, columnResolver(one, null), { xScale: "log" });
  expect(axisPositions(c.x, 1).domain).toEqual([0.001, 0.1]);
  expect(axisPositions(c.y, 1).domain).toEqual([0, 6]);
});
