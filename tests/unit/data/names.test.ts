import fc from "fast-check";
import { distinctNames } from "../../../src/data/names";

describe("run names told apart", () => {
  test("a shared name gets the start of each run's id; unique names stay as they are", () => {
    const ids = ["8927ca27bf0446c0", "2bc553cf9bb34245", "cfb1ee4014a54380", "0123456789abcdef"];
    expect(distinctNames(["Run_0", "Run_0", "Run_0", "baseline"], ids)).toEqual(["Run_0 (8927ca27)", "Run_0 (2bc553cf)", "Run_0 (cfb1ee40)", "baseline"]);
  });

  test("as many characters as it takes when ids begin alike; a name that is the id stays", () => {
    expect(distinctNames(["a", "a", "r1"], ["run-00001", "run-00002", "r1"])).toEqual(["a (run-00001)", "a (run-00002)", "r1"]);
    expect(distinctNames(["r1", "r1"], ["r1", "r1x"])).toEqual(["r1", "r1 (r1x)"]);
  });
});

describe("run names told apart, at scale", () => {
  /** The rule as first written: each id's start grows until no other id of its name begins with it. */
  function byEveryPair(names: readonly string[], ids: readonly string[]): string[] {
    return names.map((name, i) => {
      const others = names.flatMap((other, j) => (other === name && j !== i ? [j] : []));
      if (!others.length || ids[i] === name) return name;
      let length = Math.min(8, ids[i].length);
      while (length < ids[i].length && others.some((j) => ids[j].startsWith(ids[i].slice(0, length)))) length++;
      return `${name} (${ids[i].slice(0, length)})`;
    });
  }

  test("the same labels as comparing every pair", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom("a", "b", "\u0000", "é"), maxLength: 12 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        (ids, seed) => {
          const names = ids.map((_, i) => ["x", "y", ids[0]][(i * 7 + seed) % 3]);
          expect(distinctNames(names, ids)).toEqual(byEveryPair(names, ids));
        },
      ),
    );
  });

  test("150,000 runs of one name in well under a second", () => {
    const ids = Array.from({ length: 150_000 }, (_, i) => `run-${String(i).padStart(6, "0")}`);
    const start = performance.now();
    const shown = distinctNames(
      ids.map(() => "Run_0"),
      ids,
    );
    expect(performance.now() - start).toBeLessThan(2000);
    expect(shown[12_345]).toBe("Run_0 (run-012345)");
  });
});
