/**
 * Run names as a view shows them: a name that several runs share (PyCaret names every run after
 * its model, a GAN script calls every run "Run_0") gets the start of its run id, as many
 * characters as tell it from the others of that name (eight at least), so that legends, labels
 * and headers tell the runs apart.
 */
export function distinctNames(names: readonly string[], ids: readonly string[]): string[] {
  const byName = new Map<string, number[]>();
  names.forEach((name, i) => byName.set(name, [...(byName.get(name) ?? []), i]));
  const shown = [...names];
  for (const [name, runs] of byName) {
    if (runs.length < 2) continue;
    for (const i of runs) {
      if (ids[i] === name) continue;
      let length = Math.min(8, ids[i].length);
      while (length < ids[i].length && runs.some((j) => j !== i && ids[j].startsWith(ids[i].slice(0, length)))) length++;
      shown[i] = `${name} (${ids[i].slice(0, length)})`;
    }
  }
  return shown;
}
