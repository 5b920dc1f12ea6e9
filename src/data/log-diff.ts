import { diffArrays } from "diff";
import { splitLines } from "./diff.js";

/**
 * Two console logs side by side, line against line. Lines are matched by their shape (the line
 * with every number as "0"), so two runs that print the same things with other numbers line up:
 * a pair of lines is the same, differs only in its numbers, or differs (a replaced line); lines
 * one log has alone are added or removed. The match is a patience diff (lines unique to both
 * anchor it, in order) with Myers' algorithm (jsdiff) between anchors, which keeps 100,000-line
 * logs fast when they differ throughout.
 */
export const LOG_ROW = { same: 0, numbers: 1, changed: 2, removed: 3, added: 4 } as const;
export type LogRowKind = keyof typeof LOG_ROW;
const KINDS = Object.keys(LOG_ROW) as LogRowKind[];

export interface LogDiff {
  readonly left: readonly string[];
  readonly right: readonly string[];
  /** Per row: the line index on each side (-1 where that side has none) and the row's kind (LOG_ROW). */
  readonly leftLine: Int32Array;
  readonly rightLine: Int32Array;
  readonly kinds: Uint8Array;
  readonly counts: Readonly<Record<LogRowKind, number>>;
  /** First rows of each stretch of differing rows: with numbers counted, and with them ignored. */
  readonly hunks: { readonly all: Int32Array; readonly ignoringNumbers: Int32Array };
}

export function kindOfRow(diff: LogDiff, row: number): LogRowKind {
  return KINDS[diff.kinds[row]];
}

/** A range between anchors is left to Myers' algorithm only up to this many edits; past it, its lines are paired as replaced. */
const MAX_EDITS = 400;

export function logDiff(leftText: string, rightText: string): LogDiff {
  const left = leftText === "" ? [] : splitLines(leftText);
  const right = rightText === "" ? [] : splitLines(rightText);
  const codes = new Map<string, number>();
  const code = (line: string) => {
    const key = shape(line);
    let value = codes.get(key);
    if (value === undefined) codes.set(key, (value = codes.size));
    return value;
  };
  const a = Int32Array.from(left, code);
  const b = Int32Array.from(right, code);
  const rows = new RowBuilder(left.length + right.length);
  align(a, b, rows, left, right);
  const built = rows.done();
  return { left, right, ...built, hunks: hunksOf(built.kinds) };
}

/** The line with each number (digits, a sign, a decimal point, an exponent; hex too) as "0". */
export function shape(line: string): string {
  return line.replace(/0x[0-9a-f]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi, "0");
}

class RowBuilder {
  private leftLine: Int32Array;
  private rightLine: Int32Array;
  private kinds: Uint8Array;
  private length = 0;
  private readonly counts: Record<LogRowKind, number> = { same: 0, numbers: 0, changed: 0, removed: 0, added: 0 };

  constructor(capacity: number) {
    this.leftLine = new Int32Array(capacity);
    this.rightLine = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
  }

  push(left: number, right: number, kind: LogRowKind) {
    this.leftLine[this.length] = left;
    this.rightLine[this.length] = right;
    this.kinds[this.length] = LOG_ROW[kind];
    this.counts[kind]++;
    this.length++;
  }

  done() {
    return {
      leftLine: this.leftLine.slice(0, this.length),
      rightLine: this.rightLine.slice(0, this.length),
      kinds: this.kinds.slice(0, this.length),
      counts: this.counts,
    };
  }
}

/** Ranges still to align, as [a from, a to, b from, b to); worked through in order from the top, so rows come out in order. */
type Range = [number, number, number, number];

function align(a: Int32Array, b: Int32Array, rows: RowBuilder, left: readonly string[], right: readonly string[]) {
  const matched = (i: number, j: number) => rows.push(i, j, left[i] === right[j] ? "same" : "numbers");
  const stack: (Range | [number, number, "match"])[] = [[0, a.length, 0, b.length]];
  while (stack.length) {
    const item = stack.pop()!;
    if (item[2] === "match") {
      matched(item[0], item[1]);
      continue;
    }
    let [aFrom, aTo, bFrom, bTo] = item as Range;
    // Common ends first: most of two logs of the same script.
    const head: [number, number][] = [];
    while (aFrom < aTo && bFrom < bTo && a[aFrom] === b[bFrom]) head.push([aFrom++, bFrom++]);
    let tail = 0;
    while (aFrom < aTo - tail && bFrom < bTo - tail && a[aTo - 1 - tail] === b[bTo - 1 - tail]) tail++;
    for (const [i, j] of head) matched(i, j);
    // Pushed in reverse: the tail's matches come out after the middle.
    for (let k = 0; k < tail; k++) stack.push([aTo - 1 - k, bTo - 1 - k, "match"]);
    aTo -= tail;
    bTo -= tail;
    if (aFrom === aTo || bFrom === bTo) {
      replaced(aFrom, aTo, bFrom, bTo, rows);
      continue;
    }
    const anchors = uniqueAnchors(a, b, aFrom, aTo, bFrom, bTo);
    if (anchors.length === 0) {
      myers(a, b, aFrom, aTo, bFrom, bTo, rows, matched);
      continue;
    }
    // Between anchors, in reverse so the first range is worked first.
    const ranges: (Range | [number, number, "match"])[] = [];
    let i = aFrom;
    let j = bFrom;
    for (const [ai, bj] of anchors) {
      ranges.push([i, ai, j, bj], [ai, bj, "match"]);
      i = ai + 1;
      j = bj + 1;
    }
    ranges.push([i, aTo, j, bTo]);
    for (let k = ranges.length - 1; k >= 0; k--) stack.push(ranges[k]);
  }
}

/** Lines that occur once in each range, in the longest order both share (patience sorting). */
function uniqueAnchors(a: Int32Array, b: Int32Array, aFrom: number, aTo: number, bFrom: number, bTo: number): [number, number][] {
  const inA = new Map<number, number>();
  for (let i = aFrom; i < aTo; i++) inA.set(a[i], inA.has(a[i]) ? -1 : i);
  const inB = new Map<number, number>();
  for (let j = bFrom; j < bTo; j++) if (inA.has(b[j]) && inA.get(b[j])! >= 0) inB.set(b[j], inB.has(b[j]) ? -1 : j);
  const pairs: [number, number][] = [];
  for (let j = bFrom; j < bTo; j++) {
    const at = inB.get(b[j]);
    if (at === j) pairs.push([inA.get(b[j])!, j]);
  }
  return longestIncreasing(pairs);
}

/** The longest run of pairs (in b's order) whose a indices rise. */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tails[mid]][0] < pairs[k][0]) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[k] = tails[low - 1];
    tails[low] = k;
  }
  const out: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) out.push(pairs[k]);
  return out.reverse();
}

function myers(
  a: Int32Array,
  b: Int32Array,
  aFrom: number,
  aTo: number,
  bFrom: number,
  bTo: number,
  rows: RowBuilder,
  matched: (i: number, j: number) => void,
) {
  const changes = diffArrays(Array.from(a.subarray(aFrom, aTo)), Array.from(b.subarray(bFrom, bTo)), { maxEditLength: MAX_EDITS });
  if (!changes) {
    replaced(aFrom, aTo, bFrom, bTo, rows);
    return;
  }
  let i = aFrom;
  let j = bFrom;
  let removed = 0;
  let added = 0;
  const flush = () => {
    replaced(i - removed, i, j - added, j, rows);
    removed = added = 0;
  };
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      removed += count;
      i += count;
    } else if (change.added) {
      added += count;
      j += count;
    } else {
      flush();
      for (let k = 0; k < count; k++) matched(i++, j++);
    }
  }
  flush();
}

/** Lines of a on one side and of b on the other where neither matches: paired as changed rows, the longer side's rest added or removed. */
function replaced(aFrom: number, aTo: number, bFrom: number, bTo: number, rows: RowBuilder) {
  const paired = Math.min(aTo - aFrom, bTo - bFrom);
  for (let k = 0; k < paired; k++) rows.push(aFrom + k, bFrom + k, "changed");
  for (let i = aFrom + paired; i < aTo; i++) rows.push(i, -1, "removed");
  for (let j = bFrom + paired; j < bTo; j++) rows.push(-1, j, "added");
}

function hunksOf(kinds: Uint8Array): LogDiff["hunks"] {
  const starts = (differs: (kind: number) => boolean) => {
    const out: number[] = [];
    for (let row = 0; row < kinds.length; row++) if (differs(kinds[row]) && (row === 0 || !differs(kinds[row - 1]))) out.push(row);
    return Int32Array.from(out);
  };
  return { all: starts((kind) => kind !== LOG_ROW.same), ignoringNumbers: starts((kind) => kind > LOG_ROW.numbers) };
}
