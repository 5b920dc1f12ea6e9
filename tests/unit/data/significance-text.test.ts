import { comparisonTexts, differenceText, pText } from "../../../src/data/significance-text";
import type { Comparison } from "../../../src/data/significance";

/** The texts with their no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\u00a0/g, " ");

const comparison = (values: Partial<Comparison>): Comparison =>
  ({
    group: "lr=0.001",
    base: "lr=0.01",
    n: 5,
    nBase: 5,
    paired: false,
    center: 0.81,
    baseCenter: 0.8,
    difference: 0.0096,
    relative: 0.012,
    low: 0.0032,
    high: 0.016,
    test: "Welch",
    p: 0.00312,
    pHolm: 0.00624,
    rankTest: "Mann-Whitney U",
    rankP: 0.0079,
    rankPHolm: 0.0158,
    note: null,
    ...values,
  }) as Comparison;

test("the difference relative to the base with its interval, p to two digits, the test and the sizes", () => {
  const [made] = comparisonTexts([comparison({})], "t");
  expect({ ...made, text: plain(made.text) }).toEqual({ group: "lr=0.001", text: "+1.2% [0.4, 2.0], p = 0.0031, Welch, n = 5 vs 5", note: null, p: 0.00312 });
  expect(made.text).toContain("p\u00a0=\u00a00.0031");
  expect(plain(comparisonTexts([comparison({})], "rank")[0].text)).toBe("+1.2% [0.4, 2.0], p = 0.0079, Mann-Whitney, n = 5 vs 5");
});

test("Holm's p, named, when several groups are compared; pairs and the rank test of pairs", () => {
  const paired = comparison({ paired: true, n: 4, test: "paired t", rankTest: "Wilcoxon signed-rank", group: "b" });
  const [one, two] = comparisonTexts([comparison({}), paired], "rank");
  expect(plain(one.text)).toBe("+1.2% [0.4, 2.0], Holm p = 0.016, Mann-Whitney, n = 5 vs 5");
  expect(plain(two.text)).toBe("+1.2% [0.4, 2.0], Holm p = 0.016, Wilcoxon, n = 4 pairs");
});

test("a base centred on 0 gives the plain difference; a missing test says so; tiny p is bounded", () => {
  expect(differenceText({ difference: -0.0352, low: -0.048, high: -0.023, baseCenter: 0 })).toBe("−0.035 [−0.048, −0.023]");
  const [untested] = comparisonTexts([comparison({ p: NaN, pHolm: NaN, n: 1, note: "too few" })], "t");
  expect([plain(untested.text), untested.note]).toEqual(["+1.2% [0.4, 2.0], no test, n = 1 vs 5", "too few"]);
  expect(plain(pText(3e-7))).toBe("< 0.0001");
  expect(plain(pText(0.42))).toBe("= 0.42");
});
