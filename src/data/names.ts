/**
 * Run names as a view shows them: a name that several runs share (PyCaret names every run after
 * its model, a GAN script calls every run "Run_0") gets the start of its run id, as many
 * characters as tell it from the others of that name (eight at least), so that legends, labels
 * and headers tell the runs apart.
 */
export function distinctNames(names: readonly string[], ids: readonly string[]): string[] {
  const byName = new Map<string, number[]>();
  names.forEach((name, i) => {
    const runs = byName.get(name);
    if (runs) runs.push(i);
    else byName.set(name, [i]);
  });
  const shown = [...names];
  for (const [name, runs] of byName) {
    if (runs.length < 2) continue;
    // The longest start an id shares with another is the one it shares with a neighbour in sorted
    // order: one sort per name, not a comparison of every pair (150,000 runs called "Run_0").
    const sorted = runs.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    sorted.forEach((i, k) => {
      if (ids[i] === name) return;
      const shared = Math.max(k > 0 ? commonStart(ids[i], ids[sorted[k - 1]]) : 0, k + 1 < sorted.length ? commonStart(ids[i], ids[sorted[k + 1]]) : 0);
      const length = Math.min(ids[i].length, Math.max(8, shared + 1));
      shown[i] = `${name} (${ids[i].slice(0, length)})`;
    });
  }
  return shown;
}

function commonStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
