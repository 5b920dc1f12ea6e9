import { thousands } from "../../../src/data/thousands.js";

describe("thousands", () => {
  test("writes what toLocaleString('en') writes", () => {
    const values = [0, 1, 7, 999, 1000, 1001, 12345, 999999, 1000000, 1234567.891, 0.5, 1.25, 2.0005, 1e15, 123456789012, -1, -1234.5];
    for (const value of values) expect(thousands(value)).toBe(value.toLocaleString("en"));
  });

  test("infinite and missing numbers as toLocaleString writes them", () => {
    for (const value of [Infinity, -Infinity, NaN]) expect(thousands(value)).toBe(value.toLocaleString("en"));
  });
});
