import { readScalars } from "../../../../src/data/scalars";
import { ScalarsData, smoothingKey } from "../../../../src/views/scalars/model";
import { settingsOf } from "../../../../src/views/scalars/options";

// Two runs of one metric: "dense" logs every step to 100, "sparse" every 10th step to 200.
const rows = [
  ...Array.from({ length: 101 }, (_, step) => ({ run_id: "dense", metric: "loss", step, time: 1000 + step * 2, value: Math.sin(step) + 2 })),
  ...Array.from({ length: 21 }, (_, i) => ({ run_id: "sparse", metric: "loss", step: i * 10, time: 5000 + i * 3, value: Math.cos(i) + 2 })),
];

/** W&B's documented time-weighted EMA (its sample code), rangeOfX given. */
function wandb(ys: number[], xs: number[], p: number, rangeOfX: number): number[] {
  const weight = Math.min(Math.sqrt(p), 0.999);
  let [lastY, debias] = [0, 0];
  return ys.map((y, i) => {
    const adj = Math.pow(weight, ((xs[i] - xs[i > 0 ? i - 1 : 0]) / rangeOfX) * 1000);
    lastY = lastY * adj + y;
    debias = debias * adj + 1;
    return lastY / debias;
  });
}

test("the time-weighted EMA decays along the chart's x axis, one decay unit for the whole chart", () => {
  const data = new ScalarsData(readScalars(rows), null);
  for (const x of ["step", "relative", "wall"] as const) {
    const settings = settingsOf({ smoothingType: "time_ema", smoothing: 0.9, x });
    const [chart] = data.charts(settings);
    const lines = data.lines(chart, settings, data.entries(settings));
    const all = lines.flatMap((line) => Array.from(line.x));
    const span = Math.max(...all) - Math.min(...all);
    // step: 0 to 200; relative: the longer run's 200 s (in ms); wall: from the first report (1,000 s) to the last (5,060 s).
    expect(span).toBe({ step: 200, relative: 200_000, wall: 4_060_000 }[x]);
    for (const line of lines) expect(Array.from(line.smoothed)).toEqual(wandb(Array.from(line.raw), Array.from(line.x), 0.9, span));
  }
});

test("a change of x axis is a change of the time-weighted EMA, not of the others", () => {
  const key = (smoothingType: "time_ema" | "ema", x: "step" | "wall") => smoothingKey(settingsOf({ smoothingType, x }));
  expect(key("time_ema", "step")).not.toBe(key("time_ema", "wall"));
  expect(key("ema", "step")).toBe(key("ema", "wall"));
});
