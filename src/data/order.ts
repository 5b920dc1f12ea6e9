/** One key of a sort: a number per row (NaN for missing) and its direction. */
export interface SortKey {
  readonly values: ArrayLike<number>;
  readonly descending: boolean;
}

/**
 * Row indices ordered by the keys, the first key first: missing values (NaN) last whichever the
 * direction, -0 equal to 0, and rows whose keys all tie in their original order.
 *
 * A stable radix sort on the bits of each double, least significant key first: a few linear
 * passes over typed arrays, where a comparison sort of 100,000 rows calls its comparator two
 * million times (docs/BENCHMARKS.md compares it with arquero's orderby).
 */
export function sortRows(keys: readonly SortKey[], count: number): Uint32Array {
  let order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let scratch = new Uint32Array(count);
  const high = new Uint32Array(count);
  const low = new Uint32Array(count);
  for (let k = keys.length - 1; k >= 0; k--) {
    sortableBits(keys[k], high, low);
    // Two 16-bit digits of each half, the low half first: each pass keeps the order of the last.
    for (const [words, shift] of [
      [low, 0],
      [low, 16],
      [high, 0],
      [high, 16],
    ] as const) {
      if (radixPass(order, scratch, words, shift)) [order, scratch] = [scratch, order];
    }
  }
  return order;
}

const doubles = new Float64Array(1);
const halves = new Uint32Array(doubles.buffer);
// Typed arrays use the platform's byte order; every browser's is little-endian, but check.
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Each row's key as two unsigned words that order as the numbers do: the sign bit flipped for
 * positives, every bit for negatives; NaN as the largest of all, after +Infinity.
 */
function sortableBits({ values, descending }: SortKey, high: Uint32Array, low: Uint32Array) {
  for (let row = 0; row < high.length; row++) {
    const v = values[row];
    if (v !== v) {
      high[row] = 0xffffffff;
      low[row] = 0xffffffff;
      continue;
    }
    doubles[0] = descending ? -v : v;
    if (doubles[0] === 0) doubles[0] = 0;
    const h = halves[HIGH];
    const l = halves[1 - HIGH];
    if (h & 0x80000000) {
      high[row] = ~h >>> 0;
      low[row] = ~l >>> 0;
    } else {
      high[row] = (h | 0x80000000) >>> 0;
      low[row] = l;
    }
  }
}

const counts = new Uint32Array(65536);

/** One counting pass on a 16-bit digit, from `order` into `out`; false (and nothing moved) when every row has the same digit. */
function radixPass(order: Uint32Array, out: Uint32Array, words: Uint32Array, shift: number): boolean {
  counts.fill(0);
  const n = order.length;
  for (let i = 0; i < n; i++) counts[(words[order[i]] >>> shift) & 0xffff]++;
  if (n === 0 || counts[(words[order[0]] >>> shift) & 0xffff] === n) return false;
  let total = 0;
  for (let digit = 0; digit < 65536; digit++) {
    const c = counts[digit];
    counts[digit] = total;
    total += c;
  }
  for (let i = 0; i < n; i++) {
    const row = order[i];
    out[counts[(words[row] >>> shift) & 0xffff]++] = row;
  }
  return true;
}

/**
 * Leaderboard ranks of rows in the order shown, by one key: 1, 2, 2, 4 (ties share the better
 * rank, as competition ranking does); 0 for rows without a value.
 */
export function ranks(order: ArrayLike<number>, values: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(order.length);
  let previous = NaN;
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    const v = values[order[i]];
    if (v !== v) continue;
    if (!(v === previous)) rank = i + 1;
    previous = v;
    out[i] = rank;
  }
  return out;
}
