import type { Details } from "../../data/details.js";
import { withBase } from "../../data/diff.js";
import { MAX_DIFF_RUNS, RunsDataError, messages } from "../../data/errors.js";

/** The runs to compare, as column indexes into the details: those the options name (else all), the base first. */
export function chooseRuns(details: Details, ids: readonly string[] | null | undefined, base: string | null | undefined): number[] {
  if (ids && ids.length === 0) throw new RunsDataError(messages.diffNoRuns());
  const runs = ids ? [...new Set(ids.map((id) => runIndex(details, "runs", id)))] : details.ids.map((_, run) => run);
  if (runs.length > MAX_DIFF_RUNS) throw new RunsDataError(messages.diffTooManyRuns(runs.length));
  return base == null ? runs : withBase(runs, runIndex(details, "base", base));
}

function runIndex(details: Details, option: string, id: string): number {
  const run = details.ids.indexOf(id);
  if (run < 0) throw new RunsDataError(messages.diffUnknownRun(option, id, details.ids));
  return run;
}
