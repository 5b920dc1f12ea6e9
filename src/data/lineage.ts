/**
 * Lineage in the details: the fields that record a run's code (git commit, branch, uncommitted
 * diff, entry point), data (dataset names, versions, digests) and environment (Python and package
 * versions). A metric that changed between runs whose lineage differs may owe the change to the
 * code, the data or the packages rather than to the hyperparameters; the diff says so first.
 */
import type { Details } from "./details.js";
import { pathSegments } from "./details.js";
import type { Comparisons } from "./diff.js";

export type LineageKind = "code" | "data" | "environment";
export const LINEAGE_KINDS: readonly LineageKind[] = ["code", "data", "environment"];

// Top-level sections (and the sections under "lineage") by the kind they record; lower case.
const SECTIONS: Readonly<Record<string, LineageKind>> = {
  code: "code",
  git: "code",
  source: "code",
  data: "data",
  dataset: "data",
  datasets: "data",
  environment: "environment",
  env: "environment",
  packages: "environment",
  requirements: "environment",
  python: "environment",
  models: "environment",
};

/**
 * The kind of lineage a field records, or null: sections named as above at the top or under
 * "lineage" (the MLflow loader's "lineage/git/commit", "lineage/datasets/<name>/digest"), and
 * MLflow's own tags kept as they are ("tags/mlflow.source.git.commit").
 */
export function lineageKind(path: string): LineageKind | null {
  const segments = pathSegments(path).map((s) => s.toLowerCase());
  const section = segments[0] === "lineage" ? segments[1] : segments[0];
  const kind = section === undefined ? undefined : SECTIONS[section];
  if (kind) return kind;
  const field = segments.at(-1)!;
  if (field.startsWith("mlflow.source.")) return "code";
  return null;
}

/** Every lineage field first, code then data then environment, each in its order; the other fields after them as they were. */
export function lineageFirst(details: Details): Details {
  const rank = (field: number) => {
    const kind = lineageKind(details.paths[field]);
    return kind === null ? LINEAGE_KINDS.length : LINEAGE_KINDS.indexOf(kind);
  };
  const order = details.paths.map((_, field) => field).sort((a, b) => rank(a) - rank(b) || a - b);
  if (order.every((field, i) => field === i)) return details;
  return { ...details, paths: order.map((field) => details.paths[field]), values: order.map((field) => details.values[field]) };
}

/** A kind of lineage in which the compared runs differ, and the fields that differ. */
export interface LineageDifference {
  readonly kind: LineageKind;
  readonly paths: readonly string[];
}

/** The kinds of lineage in which some compared run differs from the base (a value, or having one at all), in kind order. */
export function lineageDifferences(details: Details, comparisons: Pick<Comparisons, "differing">): LineageDifference[] {
  const byKind = new Map<LineageKind, string[]>();
  for (const field of comparisons.differing) {
    const kind = lineageKind(details.paths[field]);
    if (kind === null) continue;
    const paths = byKind.get(kind) ?? [];
    paths.push(details.paths[field]);
    byKind.set(kind, paths);
  }
  return LINEAGE_KINDS.filter((kind) => byKind.has(kind)).map((kind) => ({ kind, paths: byKind.get(kind)! }));
}

const KIND_WORDS: Readonly<Record<LineageKind, string>> = { code: "code", data: "data", environment: "environment" };

/** The banner's words: "The compared runs differ in their code (lineage/git/commit) and data (…): a change in a metric may come from these, not only from the params." */
export function lineageWarning(differences: readonly LineageDifference[], most = 3): string | null {
  if (!differences.length) return null;
  const parts = differences.map(({ kind, paths }) => {
    const named = paths.slice(0, most).join(", ") + (paths.length > most ? `, ${paths.length - most} more` : "");
    return `${KIND_WORDS[kind]} (${named})`;
  });
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `The compared runs differ in their ${listed}: a change in a metric may come from these, not only from the params.`;
}
