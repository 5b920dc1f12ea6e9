import { fieldDigits, shownNumber } from "../../../../src/views/diff/numbers";

const shown = (values: (string | null)[]) => {
  const digits = fieldDigits(values);
  return values.map((v) => (v === null ? null : shownNumber(v, digits)));
};

describe("numbers in the diff", () => {
  test("long floats to four significant digits, when four tell the runs apart", () => {
    expect(shown(["0.0066000684198951574", "0.09509025363814999", "0.00002428486445522920"])).toEqual(["0.0066", "0.09509", "0.00002428"]);
  });

  test("more digits where runs differ further down: every distinct value reads differently", () => {
    expect(shown(["0.123456789", "0.123456123", "0.5"])).toEqual(["0.123457", "0.123456", "0.5"]);
    expect(fieldDigits(["0.123456789", "0.123456123"])).toBe(6);
  });

  test("short numbers, whole numbers, texts and missing values are shown as written", () => {
    expect(fieldDigits(["0.1", "1e-05", "64", "adam", null])).toBeNull();
    expect(shown(["1709251200000", "0.3333333333333333", "adam", "nan", null])).toEqual(["1709251200000", "0.3333", "adam", "nan", null]);
    expect(shown(["[1, 2]", "0.1234567891"])).toEqual(["[1, 2]", "0.1235"]);
  });

  test("never rounded into the digits before the point; e-notation read too", () => {
    expect(shown(["123456.78912", "2.5e-7", "6.02214076e+23"])).toEqual(["123457", "2.5e-7", "6.022e+23"]);
    expect(shown(["-3.14159265358979", "-2.71828182845905"])).toEqual(["-3.142", "-2.718"]);
  });
});
