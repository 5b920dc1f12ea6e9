import fc from "fast-check";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { finiteExtent } from "../../src/data/axes";
import { RunsDataError } from "../../src/data/errors";
import { filterRows } from "../../src/data/filter";
import { readRuns } from "../../src/data/runs";
import { readScalars } from "../../src/data/scalars";
import { summarize } from "../../src/data/summaries";

/** Any double, NaN and infinities included. */
const anyNumber = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0));
const anyValue = fc.oneof(anyNumber, fc.string(), fc.boolean(), fc.constant(null));

test("reading runs never throws anything but a RunsDataError, whatever the records", () => {
  fc.assert(
    fc.property(fc.array(fc.dictionary(fc.constantFrom("run_id", "name", "params.a", "metrics.b", "tags.c"), anyValue), { maxLength: 20 }), (records) => {
      try {
        const runs = readRuns(records);
        expect(runs.count).toBe(records.length);
        expect(new Set(runs.ids).size).toBe(runs.count);
      } catch (error) {
        expect(error).toBeInstanceOf(RunsDataError);
      }
    }),
  );
});

test("truncated or corrupted Arrow bytes give a RunsDataError, never a crash", () => {
  const bytes = tableToIPC(tableFromArrays({ run_id: ["a", "b", "c"], "metrics.x": Float64Array.of(1, 2, 3) }), "stream");
  fc.assert(
    fc.property(fc.nat(bytes.length - 1), fc.option(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 }))), (cut, flip) => {
      const damaged = bytes.slice(0, cut);
      if (flip && flip[0] < damaged.length) damaged[flip[0]] = flip[1];
      try {
        readRuns(damaged);
      } catch (error) {
        expect(error).toBeInstanceOf(RunsDataError);
      }
    }),
  );
});

test("the finite extent bounds every finite value", () => {
  fc.assert(
    fc.property(fc.array(anyNumber), (values) => {
      const extent = finiteExtent(Float64Array.from(values));
      const finite = values.filter(Number.isFinite);
      if (!finite.length) return expect(extent).toBeUndefined();
      // 0 and -0 tie: either may come back.
      expect(extent!.map((v) => v + 0)).toEqual([Math.min(...finite) + 0, Math.max(...finite) + 0]);
    }),
  );
});

test("min <= last <= max for every run with a finite last value, with any steps and values", () => {
  const row = fc.record({ run_id: fc.constantFrom("a", "b", "c"), metric: fc.constant("loss"), step: fc.integer({ min: 0, max: 5 }), value: anyNumber });
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
      const scalars = readScalars(rows);
      const [last, min, max] = (["last", "min", "max"] as const).map((s) => summarize(scalars, 0, s));
      scalars.runIds.forEach((_, run) => {
        if (!Number.isNaN(last[run])) {
          expect(min[run]).toBeLessThanOrEqual(last[run]);
          expect(max[run]).toBeGreaterThanOrEqual(last[run]);
        }
        const values = rows.filter((r) => r.run_id === scalars.runIds[run]).map((r) => r.value).filter((v) => !Number.isNaN(v));
        if (values.length) {
          expect(min[run] + 0).toBe(Math.min(...values) + 0);
          expect(max[run] + 0).toBe(Math.max(...values) + 0);
        }
      });
    }),
  );
});

test("filtering on more axes never keeps more rows (AND)", () => {
  const column = fc.array(anyNumber, { minLength: 8, maxLength: 8 }).map((v) => Float64Array.from(v));
  const range = fc.tuple(column, fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.boolean()).map(([values, a, b, keepMissing]) => ({
    kind: "range" as const, values, min: Math.min(a, b), max: Math.max(a, b), log: false, keepMissing,
  }));
  fc.assert(
    fc.property(fc.array(range, { minLength: 1, maxLength: 4 }), (filters) => {
      const fewer = filterRows(8, filters.slice(0, -1));
      const more = filterRows(8, filters);
      more.forEach((kept, row) => kept && expect(fewer[row]).toBe(1));
    }),
  );
});
