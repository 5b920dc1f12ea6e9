import fc from "fast-check";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { finiteExtent } from "../../../src/data/axes";
import { RunsDataError } from "../../../src/data/errors";
import { filterRows } from "../../../src/data/filter";
import { decodeIpc } from "../../../src/data/input";
import { readRuns } from "../../../src/data/runs";
import { readScalars } from "../../../src/data/scalars";
import { summarize } from "../../../src/data/summaries";
import { SMOOTHING_TYPES, smooth } from "../../../src/data/smoothing";
import { aggregate } from "../../../src/data/align";
import { reduceSeries } from "../../../src/data/reduce";
import { lineDiff, packageDiff, packageList, splitLines } from "../../../src/data/diff";

// A fixed seed keeps CI repeatable. (It was fixed when one random corruption of Arrow bytes made
// Arrow JS allocate past the heap limit; decodeIpc now checks lengths first, tested below.)
fc.configureGlobal({ seed: 20261122 });

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

test("Arrow bytes with any length field or byte overwritten decode or give a RunsDataError, fast and in bounded memory", () => {
  const table = tableFromArrays({ run_id: ["a", "b", "c"], "metrics.x": Float64Array.of(1, 2, 3), "params.n": Int32Array.of(1, 2, 3) });
  const formats = { stream: tableToIPC(table, "stream"), file: tableToIPC(table, "file") };
  // Lengths are int32 and int64 fields at aligned offsets: overwrite those with any value, or one byte.
  const overwrite = fc.oneof(
    fc.record({ width: fc.constant(4 as const), slot: fc.nat(), value: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) }),
    fc.record({ width: fc.constant(8 as const), slot: fc.nat(), value: fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }) }),
    fc.record({ width: fc.constant(1 as const), slot: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  );
  const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const baseline = memory();
  fc.assert(
    fc.property(fc.constantFrom("stream", "file" as const), fc.array(overwrite, { minLength: 1, maxLength: 3 }), (format, overwrites) => {
      const bytes = formats[format as keyof typeof formats].slice();
      const view = new DataView(bytes.buffer);
      for (const { width, slot, value } of overwrites) {
        const at = (slot % Math.floor(bytes.length / width)) * width;
        if (width === 8) view.setBigInt64(at, value as bigint, true);
        else if (width === 4) view.setInt32(at, value as number, true);
        else view.setUint8(at, value as number);
      }
      const start = performance.now();
      try {
        decodeIpc(bytes, "runs");
      } catch (error) {
        expect(error).toBeInstanceOf(RunsDataError);
      }
      expect(performance.now() - start).toBeLessThan(2000);
      expect(memory() - baseline).toBeLessThan(256 * 2 ** 20);
    }),
    { numRuns: 2000 },
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
        const values = rows
          .filter((r) => r.run_id === scalars.runIds[run])
          .map((r) => r.value)
          .filter((v) => !Number.isNaN(v));
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
    kind: "range" as const,
    values,
    min: Math.min(a, b),
    max: Math.max(a, b),
    log: false,
    keepMissing,
  }));
  fc.assert(
    fc.property(fc.array(range, { minLength: 1, maxLength: 4 }), (filters) => {
      const fewer = filterRows(8, filters.slice(0, -1));
      const more = filterRows(8, filters);
      more.forEach((kept, row) => kept && expect(fewer[row]).toBe(1));
    }),
  );
});

describe("smoothing, grouping, reduction and diffs keep their invariants on any input", () => {
  const series = fc.array(anyNumber, { minLength: 1, maxLength: 60 });

  test.each(SMOOTHING_TYPES)("%s stays within the finite values' range, NaN where the input is", (type) => {
    fc.assert(
      fc.property(series, fc.double({ min: 0, max: 0.999, noNaN: true }), (values, weight) => {
        const x = values.map((_, i) => i);
        const out: Float64Array = smooth(type, Float64Array.from(values), Float64Array.from(x), weight);
        const finite = values.filter(Number.isFinite);
        const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
        out.forEach((v, i) => {
          if (!Number.isFinite(values[i])) return expect(Number.isFinite(v)).toBe(false);
          // Sums of weights carry rounding: allow a few ulps around the range.
          const slack = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
          expect(v).toBeGreaterThanOrEqual(lo - slack);
          expect(v).toBeLessThanOrEqual(hi + slack);
        });
      }),
    );
  });

  test("a group's min-max band holds its mean and every run", () => {
    const run = fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 6 }), (runs) => {
        const { center, low, high, count } = aggregate(
          runs.map((r) => Float64Array.from(r)),
          5,
          "mean",
          "minmax",
        );
        for (let i = 0; i < 5; i++) {
          const present = runs.map((r) => r[i]).filter((v) => !Number.isNaN(v));
          expect(count[i]).toBe(present.length);
          if (!present.length) continue;
          expect(low[i]).toBe(Math.min(...present));
          expect(high[i]).toBe(Math.max(...present));
          expect(center[i]).toBeGreaterThanOrEqual(low[i] - 1e-6);
          expect(center[i]).toBeLessThanOrEqual(high[i] + 1e-6);
        }
      }),
    );
  });

  test("per-pixel reduction keeps the series' extremes", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 400 }), fc.integer({ min: 2, max: 50 }), (ys, width) => {
        const x = Float64Array.from(ys, (_, i) => i);
        const reduced = reduceSeries(x, Float64Array.from(ys), [0, ys.length - 1], width, "minmax");
        const kept = Array.from(reduced.y as Float64Array);
        expect(kept).toContain(Math.min(...ys));
        expect(kept).toContain(Math.max(...ys));
      }),
    );
  });

  test("a line diff never throws and accounts for every line of both texts", () => {
    const text = fc.array(fc.constantFrom("a", "b", "c", "", "print(1)", "<b>x</b>"), { maxLength: 30 }).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(text, text, (base, other) => {
        const { lines, added, removed } = lineDiff(base, other);
        // An empty text has no lines.
        const lineCount = (text: string) => (text === "" ? 0 : splitLines(text).length);
        const kept = lines.filter((l: { kind: string }) => l.kind !== "added").length;
        expect(kept).toBe(lineCount(base));
        expect(lines.filter((l: { kind: string }) => l.kind !== "removed").length).toBe(lineCount(other));
        expect(lines.filter((l: { kind: string }) => l.kind === "added").length).toBe(added);
        expect(lines.filter((l: { kind: string }) => l.kind === "removed").length).toBe(removed);
      }),
    );
  });

  test("package diffs of any two freezes never throw", () => {
    const freeze = fc
      .array(fc.tuple(fc.constantFrom("numpy", "torch", "pandas", "tqdm"), fc.constantFrom("1.0", "2.0", "2.1")), { maxLength: 6 })
      .map((pairs) => pairs.map(([name, version]) => `${name}==${version}`).join("\n"));
    fc.assert(
      fc.property(freeze, freeze, (a, b) => {
        const [x, y] = [packageList("execution/installed_packages", a), packageList("execution/installed_packages", b)];
        if (x && y) packageDiff(x, y);
      }),
    );
  });
});
