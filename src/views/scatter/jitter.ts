/**
 * A run's offset from its category's centre, in [-halfWidth, halfWidth], seeded by its row: the
 * same input always jitters the same, so points stay put across redraws and exports.
 */
export function jitter(row: number, halfWidth: number): number {
  return (2 * unitHash(row) - 1) * halfWidth;
}

/**
 * A well-mixed number in [0, 1) from an integer (mulberry32's output step). A linear
 * congruential generator seeded with consecutive rows (d3.randomLcg) would give nearly equal
 * first draws, lining the points up.
 */
function unitHash(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
