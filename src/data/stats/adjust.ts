/**
 * Holm's step-down adjustment of p-values for comparing many groups at once: the i-th smallest of
 * m p-values becomes max over j ≤ i of min(1, (m - j + 1) p_(j)). NaN p-values stay NaN and do not count in m.
 */
export function holm(p: readonly number[]): number[] {
  const order = p
    .map((_, i) => i)
    .filter((i) => !Number.isNaN(p[i]))
    .sort((i, j) => p[i] - p[j]);
  const out = p.map(() => NaN);
  let running = 0;
  order.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (order.length - rank) * p[i]));
    out[i] = running;
  });
  return out;
}
