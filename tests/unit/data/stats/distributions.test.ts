import reference from "../../../contract/statistics.json";
import { normalCdfStandard, tTwoSided } from "../../../../src/data/stats/distributions";

/** Within 1e-9 of scipy's number relative to the number itself, however far into the tail. */
const relativeError = (actual: number, expected: number) => (expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected));

/**
 * Where t has a closed form, that is the reference: scipy's stdtr loses digits near p = 1 (at
 * t = 1e-8 with one degree of freedom it is 3e-9 off 1 - 2 atan(t) / π).
 */
const exactTail: Record<number, (t: number) => number> = {
  1: (t) => 1 - (2 * Math.atan(Math.abs(t))) / Math.PI,
  2: (t) => 1 - Math.abs(t) / Math.sqrt(2 + t * t),
};

describe("Student's t and the normal distribution, as scipy.stats gives them", () => {
  test.each(reference.distributions.t_two_sided)("two-sided tail of t = $t with df = $df", ({ t, df, p }) => {
    expect(relativeError(tTwoSided(t, df), exactTail[df]?.(t) ?? p)).toBeLessThan(1e-9);
    expect(tTwoSided(-t, df)).toBe(tTwoSided(t, df));
  });

  test.each(reference.distributions.normal_cdf)("Φ($z)", ({ z, p }) => {
    expect(relativeError(normalCdfStandard(z), p)).toBeLessThan(1e-9);
  });

  test("NaN in, NaN out; an infinite t has no tail; infinite df is the normal", () => {
    expect(tTwoSided(NaN, 3)).toBeNaN();
    expect(tTwoSided(2, 0)).toBeNaN();
    expect(tTwoSided(Infinity, 3)).toBe(0);
    expect(relativeError(tTwoSided(1.96, Infinity), 2 * normalCdfStandard(-1.96))).toBeLessThan(1e-15);
    expect(normalCdfStandard(NaN)).toBeNaN();
  });
});
