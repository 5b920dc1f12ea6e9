import { columnStarts, reduceToIndices, ReduceScratch, type ReduceMethod } from "../../data/reduce.js";
import type { Line } from "./model.js";
import { xRangeOf } from "./ranges.js";

/** A line's values reduced to the chart's pixel columns: indices of the kept points (-1 - i for a gap at i). */
export interface ReducedLine {
  readonly indices: Int32Array;
  readonly length: number;
  /** The exact range of the finite values looked at, when the method keeps it (minmax). */
  readonly yRange: readonly [number, number] | null;
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
  private readonly kept = new WeakMap<Float64Array, ReducedLine & { key: string; x: Float64Array }>();
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
    if (key === this.key && this.method === "minmax") this.kept.set(values, { key, x: line.x, ...reduced });
  }

  readonly of: Reducer = (line, values) => {
    const known = this.kept.get(values);
    if (known && known.key === this.key && known.x === line.x) return known;
    const reduced = reduceToIndices(line.x, values, this.domain, this.columns, this.method, this.scratch, xRangeOf(line).sorted);
    const entry = { key: this.key, x: line.x, indices: reduced.indices.slice(0, reduced.length), length: reduced.length, yRange: reduced.yRange };
    this.kept.set(values, entry);
    return entry;
  };
}
