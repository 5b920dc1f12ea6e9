import fc from "fast-check";
import { ranks, sortRows } from "../../../src/data/order";

fc.configureGlobal({ seed: 20261203 });

const anyNumber = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1, 2, 1e-300, -1e300));

/**
 * The order a comparison sort gives, written independently of the radix sort: missing values
 * (NaN) last in either direction, -0 equal to 0, ties in row order.
 */
function reference(keys: { values: number[]; descending: boolean }[], count: number): number[] {
  const rows = Array.from({ length: count }, (_, i) => i);
  return rows.sort((a, b) => {
    for (const { values, descending } of keys) {
      const x = values[a];
      const y = values[b];
      const nx = Number.isNaN(x);
      const ny = Number.isNaN(y);
      if (nx || ny) {
        if (nx && ny) continue;
        return nx ? 1 : -1;
      }
      if (x === y) continue;
      return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    return a - b;
  });
}

describe("sortRows", () => {
  test("one key in either direction matches a comparison sort, NaN and infinities included", () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 200 }), fc.boolean(), (values, descending) => {
        const got = Array.from(sortRows([{ values: Float64Array.from(values), descending }], values.length));
        expect(got).toEqual(reference([{ values, descending }], values.length));
      }),
    );
  });

  test("several keys: the first decides, the next break its ties, row order breaks the rest", () => {
    const small = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN));
    fc.assert(
      fc.property(fc.array(fc.tuple(small, small, small), { maxLength: 120 }), fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()), (rows, directions) => {
        const keys = directions.map((descending, k) => ({ values: rows.map((row) => row[k]), descending }));
        const got = Array.from(
          sortRows(
            keys.map((k) => ({ values: Float64Array.from(k.values), descending: k.descending })),
            rows.length,
          ),
        );
        expect(got).toEqual(reference(keys, rows.length));
      }),
    );
  });

  test("by hand: missing values last both ways, ties keep row order, -0 equals 0", () => {
    const values = Float64Array.of(3, NaN, 1, -0, 0, 3, -Infinity, Infinity, NaN);
    expect(Array.from(sortRows([{ values, descending: false }], 9))).toEqual([6, 3, 4, 2, 0, 5, 7, 1, 8]);
    expect(Array.from(sortRows([{ values, descending: true }], 9))).toEqual([7, 0, 5, 2, 3, 4, 6, 1, 8]);
  });

  test("no keys keeps row order; no rows gives none", () => {
    expect(Array.from(sortRows([], 4))).toEqual([0, 1, 2, 3]);
    expect(sortRows([{ values: new Float64Array(0), descending: true }], 0)).toHaveLength(0);
  });

  test("20,000 rows sort as a comparison sort does", () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values = Float64Array.from({ length: 20_000 }, () => (random() < 0.1 ? NaN : Math.round(random() * 1000) / 10));
    const got = sortRows([{ values, descending: true }], values.length);
    expect(Array.from(got)).toEqual(reference([{ values: Array.from(values), descending: true }], values.length));
  });
});

describe("ranks", () => {
  test("ties share the better rank (1, 2, 2, 4) and rows without a value get none", () => {
    const values = Float64Array.of(0.9, 0.8, 0.8, 0.7, NaN);
    expect(Array.from(ranks([0, 1, 2, 3, 4], values))).toEqual([1, 2, 2, 4, 0]);
  });

  test("ranks follow the order shown, whatever the rows", () => {
    const values = Float64Array.of(5, 1, 5, 3);
    expect(Array.from(ranks([1, 3, 0, 2], values))).toEqual([1, 2, 3, 3]);
  });
});
