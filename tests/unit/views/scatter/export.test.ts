import { columnResolver } from "../../../../src/data/resolve";
import { readRuns } from "../../../../src/data/runs";
import { chooseChannels } from "../../../../src/views/scatter/channels";
import { scatterCSV } from "../../../../src/views/scatter/export";
import { frame, positionScale, project } from "../../../../src/views/scatter/layout";
import { axisPositions, drawnRows } from "../../../../src/views/scatter/positions";
import { pointSizes, sizeLegendEntries } from "../../../../src/views/scatter/size";

test("point areas grow with the size column from zero; missing sizes get the smallest dot", () => {
  const runs = readRuns([
    { run_id: "a", "params.h": 16 },
    { run_id: "b", "params.h": 64 },
    { run_id: "c", "params.h": null },
    { run_id: "d", "params.h": 0 },
  ]);
  const { radii, scale } = pointSizes(runs.column("h") as never, 4);
  // sqrt scale from 0 to 64 onto 0..10 px: 16 -> 10 * sqrt(1/4) = 5; 0 and missing -> the 2 px floor.
  expect(Array.from(radii)).toEqual([5, 10, 2, 2]);
  // Legend: d3's four ticks of [0, 64] are 0, 20, 40, 60; zero has no area and is left out.
  expect(sizeLegendEntries(scale!)).toEqual(
    [
      { label: "20", radius: 10 * Math.sqrt(20 / 64) },
      { label: "40", radius: 10 * Math.sqrt(40 / 64) },
      { label: "60", radius: 10 * Math.sqrt(60 / 64) },
    ].map(({ label, radius }) => ({ label, radius: expect.closeTo(radius, 6) })),
  );
});

test("negative sizes keep their order: smallest value, smallest dot", () => {
  const runs = readRuns([
    { run_id: "a", "metrics.m": -2 },
    { run_id: "b", "metrics.m": 2 },
    { run_id: "c", "metrics.m": 0 },
  ]);
  const { radii } = pointSizes(runs.column("m") as never, 3);
  expect(radii[0]).toBeCloseTo(2);
  expect(radii[1]).toBeCloseTo(10);
  expect(radii[2]).toBeGreaterThan(radii[0]);
  expect(radii[2]).toBeLessThan(radii[1]);
});

test("without a size column every point has the default radius", () => {
  expect(Array.from(pointSizes(null, 3).radii)).toEqual([4, 4, 4]);
});

test("CSV lists the drawn runs with their x, y, colour and size values (each column once), quoted where needed", () => {
  const runs = readRuns([
    { run_id: "a", name: 'say "hi", <img src=x onerror=alert(1)>', "params.lr": 0.001, "params.opt": "adam", "metrics.acc": 0.5 },
    { run_id: "b", name: "b", "params.lr": 0.01, "params.opt": null, "metrics.acc": NaN },
    { run_id: "c", name: "c", "params.lr": 0.1, "params.opt": "sgd", "metrics.acc": 0.75 },
  ]);
  const channels = chooseChannels(runs, columnResolver(runs, null), { x: "lr", y: "acc", color: "opt", size: "acc" });
  const x = axisPositions(channels.x, 3);
  const y = axisPositions(channels.y, 3);
  const f = frame(400, 300, x, y, 40, 10);
  const placed = { xs: new Float32Array(3), ys: new Float32Array(3), rows: drawnRows(x, y) };
  project(x, positionScale(channels.x, x, [f.plot.left, f.plot.right]), f.xBand, placed.xs);
  project(y, positionScale(channels.y, y, [f.plot.bottom, f.plot.top]), f.yBand, placed.ys);
  const shown = { runs, channels, frame: f, placed, radii: new Float32Array(3), fill: () => "red", colors: null, sizeScale: null };
  expect(scatterCSV({ ...shown, emphasis: null })).toBe(
    "run_id,name,params.lr,metrics.acc,params.opt,selected\r\n" + 'a,"say ""hi"", <img src=x onerror=alert(1)>",0.001,0.5,adam,\r\n' + "c,c,0.1,0.75,sgd,\r\n",
  );
  expect(
    scatterCSV({ ...shown, emphasis: Uint8Array.from([0, 0, 1]) })
      .split("\r\n")
      .slice(0, 3),
  ).toEqual([
    "run_id,name,params.lr,metrics.acc,params.opt,selected",
    'a,"say ""hi"", <img src=x onerror=alert(1)>",0.001,0.5,adam,false',
    "c,c,0.1,0.75,sgd,true",
  ]);
});
