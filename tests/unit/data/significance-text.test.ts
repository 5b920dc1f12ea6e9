import { comparisonTexts, differenceText, pText } from "../../../src/data/significance-text";
import type { Comparison } from "../../../src/data/significance";

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
  expect(comparisonTexts([comparison({})], "t")).toEqual([
    { group: "lr=0.001", text: "+1.2% [0.4, 2.0], p = 0.0031, Welch, n = 5 vs 5", note: null, p: 0.00312 },
  ]);
  expect(comparisonTexts([comparison({})], "rank")[0].text).toBe("+1.2% [0.4, 2.0], p = 0.0079, Mann-Whitney, n = 5 vs 5");
});

test("Holm's p, named, when several groups are compared; pairs and the rank test of pairs", () => {
  const paired = comparison({ paired: true, n: 4, test: "paired t", rankTest: "Wilcoxon signed-rank", group: "b" });
  const [one, two] = comparisonTexts([comparison({}), paired], "rank");
  expect(one.text).toBe("+1.2% [0.4, 2.0], Holm p = 0.016, Mann-Whitney, n = 5 vs 5");
  expect(two.text).toBe("+1.2% [0.4, 2.0], Holm p = 0.016, Wilcoxon, n = 4 pairs");
});

test("a base centred on 0 gives the plain difference; a missing test says so; tiny p is bounded", () => {
  expect(differenceText({ difference: -0.0352, low: -0.048, high: -0.023, baseCenter: 0 })).toBe("−0.035 [−0.048, −0.023]");
  expect(comparisonTexts([comparison({ p: NaN, pHolm: NaN, n: 1, note: "too few" })], "t")[0]).toMatchObject({
    text: "+1.2% [0.4, 2.0], no test, n = 1 vs 5",
    note: "too few",
  });
  expect(pText(3e-7)).toBe("< 0.0001");
  expect(pText(0.42)).toBe("= 0.42");
});
