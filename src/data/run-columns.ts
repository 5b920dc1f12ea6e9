import { RunsDataError } from "./errors.js";
import { distinctNames } from "./names.js";

/**
 * The runs a view of a long table (scalars, samples, plots) shows: those of the runs table that
 * have rows in it, in its order, named by it; else the long table's own run ids.
 */
export interface RunColumns {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** For each run of the long table (its runIds order), its index here, or -1 when it is not shown. */
  readonly columnOfScalarRun: Int32Array;
  /** Runs of the runs table left out for having no rows. */
  readonly withoutValues: number;
}

/** The part of a runs table this needs (readRuns' and openRuns' results both have it). */
export interface RunNames {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly count: number;
  rowOf(id: string): number;
}

/** `noRuns` gives the message for a long table none of whose runs is in the runs table. */
export function shownRuns(runIds: readonly string[], runs: RunNames | null, noRuns: () => string): RunColumns {
  if (!runs) return { ids: runIds, names: runIds, columnOfScalarRun: Int32Array.from(runIds, (_, i) => i), withoutValues: 0 };
  const rowOfRun = new Int32Array(runIds.length);
  const indexOfRow = new Int32Array(runs.count).fill(-1);
  for (let run = 0; run < runIds.length; run++) {
    const row = runs.rowOf(runIds[run]);
    rowOfRun[run] = row;
    if (row >= 0) indexOfRow[row] = 0;
  }
  // The shown runs in the runs table's order: number the rows that have values.
  const ids: string[] = [];
  const names: string[] = [];
  for (let row = 0; row < runs.count; row++) {
    if (indexOfRow[row] < 0) continue;
    indexOfRow[row] = ids.length;
    ids.push(runs.ids[row]);
    names.push(runs.names[row]);
  }
  if (ids.length === 0) throw new RunsDataError(noRuns());
  const columnOfScalarRun = rowOfRun.map((row) => (row >= 0 ? indexOfRow[row] : -1));
  return {
    ids,
    names: distinctNames(names, ids),
    columnOfScalarRun,
    withoutValues: runs.count - ids.length,
  };
}
