import { scaleLinear, scaleLog } from "d3";
import { readRuns } from "../../../src/data/runs";
import type { Measure } from "../../../src/render/text";
import { numericTicks, type NumericScale, type Tick } from "../../../src/render/ticks";

/** One pixel per character: widths anyone can count. */
const perChar: Measure = (text) => text.length;

const column = (values: number[]) => readRuns(values.map((v, i) => ({ run_id: `r${i}`, "metrics.m": v }))).column("m")!;

/** A label read back as a number: d3's minus, thousands separators and SI prefixes undone by hand. */
function readBack(label: string): number {
  const SI: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };
  const text = label.replace("−", "-").replaceAll(",", "");
  const prefix = text.at(-1)!;
  return prefix in SI ? Number(text.slice(0, -1)) * SI[prefix] : Number(text);
}
const labelled = (ticks: Tick[]) => ticks.filter((tick) => tick.label);
const linear = (domain: [number, number]) => scaleLinear(domain, [300, 0]) as unknown as NumericScale;
const valueOf = (tick: Tick) => tick.value as number;

test("labels that fit stay as d3 writes them, with nothing on hover", () => {
  const values = [0, 39_446_362_653.4];
  const ticks = numericTicks({ column: column(values), kind: "linear" }, linear([0, 4e10]), 5, perChar);
  expect(ticks.map((tick) => tick.label)).toEqual(["0", "10,000,000,000", "20,000,000,000", "30,000,000,000", "40,000,000,000"]);
  expect(ticks.every((tick) => tick.full === null)).toBe(true);
});

test("whole numbers too wide for the room get SI prefixes, the full number on hover, each the tick's own value", () => {
  const ticks = numericTicks({ column: column([0, 39_446_362_653.4]), kind: "linear" }, linear([0, 4e10]), 5, perChar, 8);
  expect(ticks.map((tick) => tick.label)).toEqual(["0", "10G", "20G", "30G", "40G"]);
  for (const tick of ticks) {
    expect(readBack(tick.label)).toBe(tick.value);
    if (tick.value !== 0) expect(readBack(tick.full!)).toBe(tick.value);
    expect(tick.width).toBe(tick.label.length);
  }
});

test("the compact labels keep ticks apart: as many digits as the step needs", () => {
  const ticks = numericTicks({ column: column([39.41e9, 39.47e9]), kind: "linear" }, linear([39.41e9, 39.47e9]), 5, perChar, 8);
  const labels = ticks.map((tick) => tick.label);
  expect(new Set(labels).size).toBe(labels.length);
  for (const tick of ticks) expect(readBack(tick.label)).toBeCloseTo(valueOf(tick), -6);
});

test("fractions are never written with milli or micro prefixes: exponents instead", () => {
  const ticks = numericTicks({ column: column([0.5e-7, 3.5e-7]), kind: "linear" }, linear([0, 4e-7]), 5, perChar, 6);
  expect(ticks.some((tick) => /[mµnp]$/.test(tick.label))).toBe(false);
  expect(ticks.map((tick) => tick.label)).toContain("2e-7");
  for (const tick of ticks) expect(Number(tick.label.replace("−", "-"))).toBeCloseTo(valueOf(tick), 12);
});

test("a log axis keeps its unlabelled ticks unlabelled; the labelled ones shortened, read back to their value", () => {
  const scale = scaleLog([1e2, 1e12], [300, 0]);
  const plain = numericTicks({ column: column([1e2, 1e12]), kind: "log" }, scale, 5, perChar);
  const compact = numericTicks({ column: column([1e2, 1e12]), kind: "log" }, scale, 5, perChar, 4);
  expect(compact.map((tick) => tick.value)).toEqual(plain.map((tick) => tick.value));
  expect(compact.map((tick) => tick.label === "")).toEqual(plain.map((tick) => tick.label === ""));
  expect(Math.max(...compact.map((tick) => tick.width))).toBeLessThanOrEqual(4);
  for (const tick of labelled(compact)) expect(readBack(tick.label)).toBeCloseTo(valueOf(tick), -3);
});

test("when no compact form fits, the narrowest is kept (the view then makes room)", () => {
  const ticks = numericTicks({ column: column([0, 4e10]), kind: "linear" }, linear([0, 4e10]), 5, perChar, 1);
  expect(Math.max(...ticks.map((tick) => tick.width))).toBe(3);
});

test("whole numbers from 100,000 up have thousands separators; years and seeds below stay bare", () => {
  const big = numericTicks({ column: column([0, 4e10]), kind: "linear" }, linear([0, 4e10]), 5, perChar);
  expect(big.map((tick) => tick.label)).toEqual(["0", "10,000,000,000", "20,000,000,000", "30,000,000,000", "40,000,000,000"]);
  const years = numericTicks({ column: column([2019, 2024]), kind: "linear" }, linear([2019, 2024]), 5, perChar);
  expect(years.map((tick) => tick.label)).toEqual(["2019", "2020", "2021", "2022", "2023", "2024"]);
});
