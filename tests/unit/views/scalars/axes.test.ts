import { scaleLinear } from "d3";
import { estimateWidth } from "../../../../src/render/text";
import { MARGIN, makeFrame, yTickFormat } from "../../../../src/views/scalars/axes";

const labels = (domain: [number, number], count = 5) => {
  const scale = scaleLinear(domain, [200, 0]);
  const label = yTickFormat(scale, count);
  return scale.ticks(count).map(label);
};

describe("the y axis' labels", () => {
  test("whole ticks from 10,000 up with SI prefixes, as the x axis writes steps", () => {
    expect(labels([0, 120_000])).toEqual(["0", "20k", "40k", "60k", "80k", "100k", "120k"]);
    expect(labels([0, 1.5e8], 3)).toEqual(["0", "50M", "100M", "150M"]);
  });

  test("others as short as their step allows", () => {
    expect(labels([0, 2.2])).toEqual(["0", "0.5", "1", "1.5", "2"]);
    expect(labels([1e-4, 2e-4])).toEqual(["0.0001", "0.00012", "0.00014", "0.00016", "0.00018", "0.0002"]);
    expect(labels([1990, 2020], 3)).toEqual(["1990", "2000", "2010", "2020"]);
    expect(labels([1e-7, 3e-7], 3)).toEqual(["1e-7", "1.5e-7", "2e-7", "2.5e-7", "3e-7"]);
    expect(labels([-2, 2], 4)).toEqual(["−2", "−1", "0", "1", "2"]);
  });

  test("a large value that barely changes: every tick reads differently", () => {
    const ticks = labels([1_234_567.1, 1_234_567.3]);
    expect(ticks).toEqual(["1234567.1", "1234567.15", "1234567.2", "1234567.25", "1234567.3"]);
  });
});

describe("the plot area's left edge", () => {
  const frame = (yDomain: [number, number], width = 500) => makeFrame(width, 240, "step", "linear", [0, 100], yDomain);

  test("the usual margin while the labels fit it", () => {
    expect(frame([0, 2.2]).left).toBe(MARGIN.left);
    expect(frame([0, 1.5e8]).left).toBe(MARGIN.left);
  });

  test("moves right for labels that need more room, up to a third of the chart", () => {
    const wide = frame([1_234_567.1, 1_234_567.3]);
    expect(wide.left).toBeGreaterThan(MARGIN.left);
    expect(wide.left).toBeGreaterThanOrEqual(estimateWidth("1234567.15") + 9);
    expect(wide.xScale(0)).toBe(wide.left);
    expect(frame([1_234_567.1, 1_234_567.3], 180).left).toBe(60);
  });
});
