import { columnStarts, minMaxFrom, reduceToIndices, ReduceScratch, visibleRange, type ReduceMethod } from "../../data/reduce.js";
import type { Line } from "./model.js";
import { xRangeOf } from "./ranges.js";

/** A line's values reduced to the chart's pixel columns: indices of the kept points (-1 - i for a gap at i). */
export interface ReducedLine {
  readonly indices: Int32Array;
  readonly length: number;
  /** The exact range of the finite values looked at, when the method keeps it (minmax). */
  readonly yRange: readonly [number, number] | null;
  /** When it extends the reduction of the line before an append: the first of its indices that differ from that one's (else absent). */
  readonly grownFrom?: number;
}

/** What is kept of a reduction: for whose frame and x, and (minmax) what a reduction of more points takes up from. */
interface Kept extends ReducedLine {
  readonly key: string;
  readonly x: Float64Array;
  readonly lo: number;
  readonly hi: number;
  readonly lastColumn: { readonly start: number; readonly kept: number } | null;
}

/** Reduces one line's values (its raw or smoothed ones); both layers and the y range ask for the same reductions. */
export type Reducer = (line: Line, values: Float64Array) => ReducedLine;

/**
 * A chart's reductions, kept per values array until the x domain, the columns or the method
 * change: the raw layer is reduced once per zoom and width, not once per frame, and the smoothed
 * values once per smoothing; the y range of an unzoomed chart comes from them too.
 */
export class ReducedLines {
  private readonly scratch = new ReduceScratch();
  private readonly kept = new WeakMap<Float64Array, Kept>();
  private domain: [number, number] = [0, 1];
  private columns = 1;
  private method: ReduceMethod = "minmax";
  private key = "";

  /** What the next reductions are for. */
  setFrame(domain: [number, number], columns: number, method: ReduceMethod) {
    this.domain = domain;
    this.columns = columns;
    this.method = method;
    this.key = `${domain[0]}|${domain[1]}|${columns}|${method}`;
  }

  /** What the reductions are now for: a reduction made elsewhere for this key can be adopted. */
  get frameKey(): string {
    return this.key;
  }

  /** Where each pixel column's points begin along a line's x, for minMax to reduce its values elsewhere. */
  columnStarts(line: Line): Int32Array {
    return columnStarts(line.x, this.domain, this.columns, this.scratch, xRangeOf(line).sorted);
  }

  /** A line's values reduced elsewhere (minMax over columnStarts) for the frame `key`; ignored if the frame changed since. */
  adopt(line: Line, values: Float64Array, key: string, reduced: ReducedLine) {
    if (key === this.key && this.method === "minmax") this.kept.set(values, { key, x: line.x, ...reduced, lo: -1, hi: -1, lastColumn: null });
  }

  readonly of: Reducer = (line, values) => {
    const known = this.kept.get(values);
    if (known && known.key === this.key && known.x === line.x) return known;
    const grown = this.grown(line, values);
    if (grown) return grown;
    const sorted = xRangeOf(line).sorted;
    const reduced = reduceToIndices(line.x, values, this.domain, this.columns, this.method, this.scratch, sorted);
    const [lo, hi] = sorted ? visibleRange(line.x, ...this.domain) : [-1, -1];
    // Room for a few more points' indices, which a reduction grown by an append writes after these.
    const indices = new Int32Array(reduced.length + 16);
    indices.set(reduced.indices.subarray(0, reduced.length));
    const entry = { key: this.key, x: line.x, indices, length: reduced.length, yRange: reduced.yRange, lo, hi, lastColumn: reduced.lastColumn ?? null };
    this.kept.set(values, entry);
    return entry;
  };

  /**
   * The reduction of a line that extends the line before an append (Line.before), taken up from
   * the last column of that one's: only the new points and those of that column are looked at.
   * The same indices as reducing the line whole. Null when there is none to take up.
   */
  private grown(line: Line, values: Float64Array): Kept | null {
    const before = line.before;
    const prior = !before ? null : values === line.raw ? before.raw : values === line.smoothed ? before.smoothed : null;
    const known = prior && this.kept.get(prior);
    if (!known || known.key !== this.key || known.x !== before!.x || !known.lastColumn || !line.xAscending) return null;
    const [lo, hi] = visibleRange(line.x, ...this.domain);
    if (lo !== known.lo) return null;
    this.kept.delete(prior);
    if (hi === known.hi) {
      const same = { ...known, x: line.x, grownFrom: known.length };
      this.kept.set(values, same);
      return same;
    }
    const { start, kept: count } = known.lastColumn;
    let indices = known.indices;
    // At most one index per point looked at.
    if (indices.length < count + hi - start + 1) {
      indices = new Int32Array(count + hi - start + 1 + 256);
      indices.set(known.indices.subarray(0, count));
    }
    const tail = minMaxFrom(line.x, values, this.domain, this.columns, start, hi, indices, count);
    const yRange = mergedRange(known.yRange, tail.yRange);
    const entry = { key: this.key, x: line.x, indices, length: tail.length, yRange, lo, hi, lastColumn: tail.lastColumn ?? null, grownFrom: count };
    this.kept.set(values, entry);
    return entry;
  }
}

function mergedRange(a: readonly [number, number] | null, b: readonly [number, number] | null): readonly [number, number] | null {
  if (!a || !b) return a ?? b;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}
