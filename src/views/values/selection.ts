/**
 * The selection after a click on a run: a click selects that run alone (or clears the selection
 * when it is already the only one selected); a shift-click adds the run, or takes it out again.
 */
export function nextSelection(selected: readonly string[], id: string, additive: boolean): string[] {
  if (additive) return selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
  return selected.length === 1 && selected[0] === id ? [] : [id];
}
