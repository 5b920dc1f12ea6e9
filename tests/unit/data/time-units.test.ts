import fc from "fast-check";
import { convertEpoch, epochNote, epochUnit, UNITS_PER_SECOND, type EpochUnit } from "../../../src/data/time-units";

// 2024-03-01T00:00:00Z and a quarter of an hour later, written independently of the code under test.
const START_MS = Date.UTC(2024, 2, 1);
const LATER_MS = START_MS + 15 * 60 * 1000;

test("MLflow's start and end times (milliseconds) are milliseconds", () => {
  expect(epochUnit([START_MS, LATER_MS, NaN])).toBe("ms");
});

test("the same instants in seconds, microseconds and nanoseconds are told apart by size", () => {
  expect(epochUnit([START_MS / 1000, LATER_MS / 1000])).toBe("s");
  expect(epochUnit([START_MS * 1000, LATER_MS * 1000])).toBe("us");
  expect(epochUnit([START_MS * 1e6, LATER_MS * 1e6])).toBe("ns");
});

test("numbers that are not dates from 1990 to 2100 have no unit", () => {
  expect(epochUnit([0, 60, 3600])).toBeNull(); // durations in seconds
  expect(epochUnit([1, 2, 3])).toBeNull(); // steps
  expect(epochUnit([START_MS / 1000, LATER_MS])).toBeNull(); // seconds and milliseconds mixed
  expect(epochUnit([Date.UTC(1985, 0, 1)])).toBeNull();
  expect(epochUnit([Date.UTC(2150, 0, 1) / 1000])).toBeNull();
  expect(epochUnit([])).toBeNull();
  expect(epochUnit([NaN, Infinity, -Infinity])).toBeNull();
});

test("every date from 1990 to 2100 is recognised in every unit, and converts back to the same instant", () => {
  const units = Object.keys(UNITS_PER_SECOND) as EpochUnit[];
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...units), (ms, unit) => {
      const written = (ms / 1000) * UNITS_PER_SECOND[unit];
      expect(epochUnit([written])).toBe(unit);
      expect(convertEpoch([written], unit, "ms")[0]).toBeCloseTo(ms, 0);
    }),
  );
});

test("conversion keeps missing values and infinities", () => {
  expect(Array.from(convertEpoch([START_MS, NaN, Infinity], "ms", "s"))).toEqual([START_MS / 1000, NaN, Infinity]);
  expect(Array.from(convertEpoch([1.5], "s", "ns"))).toEqual([1.5e9]);
});

test("the note names the column and the unit", () => {
  expect(epochNote("start_time", "ms")).toBe('"start_time" holds milliseconds since 1970: shown as dates (UTC).');
  expect(epochNote(["start_time", "end_time"], "ms")).toBe('"start_time" and "end_time" hold milliseconds since 1970: shown as dates (UTC).');
  expect(epochNote(["a", "b", "c"], "s")).toBe('"a", "b" and "c" hold seconds since 1970: shown as dates (UTC).');
});
