import { diffArrays } from "diff";
import type { Details } from "./details.js";
import { compareText } from "./text-order.js";

/**
 * How one run's value of a field compares with the base run's: the same text (or both absent),
 * other text, absent where the base has it, or present where the base has none.
 */
export type Comparison = "identical" | "different" | "absent" | "added";

/** A field over all compared runs: identical everywhere, some value differs, or only presence differs. */
export type FieldStatus = "identical" | "different" | "missing";

export function compareValue(value: string | null, base: string | null): Comparison {
  if (value === base) return "identical";
  if (value === null) return "absent";
  if (base === null) return "added";
  return "different";
}

const COMPARISONS: readonly Comparison[] = ["identical", "different", "absent", "added"];

/** Every field of the compared runs against the base, the first of `runs`. */
export interface Comparisons {
  /** Run indices into the details, in the order compared; the first is the base. */
  readonly runs: readonly number[];
  readonly status: readonly FieldStatus[];
  /** Fields that are not identical, in field order. */
  readonly differing: readonly number[];
  /** How run `runs[column]` compares with the base at a field. */
  cell(field: number, column: number): Comparison;
}

export function compareRuns(details: Details, runs: readonly number[]): Comparisons {
  const width = runs.length;
  const codes = new Uint8Array(details.paths.length * width);
  const status: FieldStatus[] = [];
  const differing: number[] = [];
  details.values.forEach((values, field) => {
    const base = values[runs[0]];
    let fieldStatus: FieldStatus = "identical";
    for (let column = 1; column < width; column++) {
      const comparison = compareValue(values[runs[column]], base);
      codes[field * width + column] = COMPARISONS.indexOf(comparison);
      if (comparison === "different") fieldStatus = "different";
      else if (comparison !== "identical" && fieldStatus === "identical") fieldStatus = "missing";
    }
    status.push(fieldStatus);
    if (fieldStatus !== "identical") differing.push(field);
  });
  return { runs, status, differing, cell: (field, column) => COMPARISONS[codes[field * width + column]] };
}

/** The runs in the same order with `run` moved to the front, as the base. */
export function withBase(runs: readonly number[], run: number): number[] {
  return [run, ...runs.filter((r) => r !== run)];
}

/** The runs with the one at position `from` moved to position `to` (counted before the move). */
export function moveRun(runs: readonly number[], from: number, to: number): number[] {
  const moved = [...runs];
  const [run] = moved.splice(from, 1);
  moved.splice(to > from ? to - 1 : to, 0, run);
  return moved;
}

export type LineKind = "same" | "added" | "removed";

export interface DiffLine {
  readonly kind: LineKind;
  readonly text: string;
}

export interface LineDiff {
  /** The base's lines and the other text's, merged: removed lines come before the added ones that replace them. */
  readonly lines: readonly DiffLine[];
  readonly added: number;
  readonly removed: number;
}

// Past this many changed lines the texts are shown as wholly replaced: an exact diff would cost
// time proportional to text length times changes.
const MAX_EDIT_LENGTH = 2000;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** The line diff of a text against the base's (Myers' algorithm, by jsdiff). */
export function lineDiff(base: string, text: string): LineDiff {
  // An empty text has no lines, not one empty line.
  const before = base === "" ? [] : splitLines(base);
  const after = text === "" ? [] : splitLines(text);
  const changes = diffArrays(before, after, { maxEditLength: MAX_EDIT_LENGTH }) ?? [
    { value: before, removed: true, added: false, count: before.length },
    { value: after, removed: false, added: true, count: after.length },
  ];
  const lines: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    const kind: LineKind = change.added ? "added" : change.removed ? "removed" : "same";
    if (kind === "added") added += change.value.length;
    if (kind === "removed") removed += change.value.length;
    for (const line of change.value) lines.push({ kind, text: line });
  }
  return { lines, added, removed };
}

/** A run of unchanged lines left out of a diff shown with context. */
export interface SkippedLines {
  readonly kind: "skipped";
  readonly count: number;
}

/** The changed lines with `context` unchanged lines around each change; longer unchanged stretches become one skip. */
export function withContext(lines: readonly DiffLine[], context = 3): (DiffLine | SkippedLines)[] {
  const near = new Uint8Array(lines.length);
  lines.forEach((line, i) => {
    if (line.kind === "same") return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) near[j] = 1;
  });
  const shown: (DiffLine | SkippedLines)[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (near[i]) {
      if (skipped) shown.push({ kind: "skipped", count: skipped });
      skipped = 0;
      shown.push(line);
    } else {
      skipped++;
    }
  });
  if (skipped) shown.push({ kind: "skipped", count: skipped });
  return shown;
}

/** A value worth comparing line by line: several lines, or one too long to read in a cell. */
export function isLongText(text: string | null): boolean {
  return text !== null && (text.length > 120 || /[\r\n]/.test(text));
}

export interface Package {
  /** The name as written in the list. */
  readonly name: string;
  /** The version, or what stands for one (a requirement such as ">=2.0", a URL, a conda build). */
  readonly version: string;
}

/** Packages by normalised name (PEP 503: case and runs of "-", "_", "." ignored). */
export type PackageList = ReadonlyMap<string, Package>;

export interface PackageDiff {
  readonly added: readonly Package[];
  readonly removed: readonly Package[];
  readonly changed: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  readonly unchanged: number;
}

const PIN = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(===|==|~=|>=|<=|!=|>|<)\s*([^\s;#]+)/;
const DIRECT_REFERENCE = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s+@\s+(\S+)/;
const EDITABLE = /^-e\s+(\S*?#egg=([A-Za-z0-9._-]+)\S*)/;
const CONDA_BUILD = /^([A-Za-z0-9][A-Za-z0-9._-]*)=([^=\s]+)=(\S+)$/;
const CONDA_PIN = /^([A-Za-z0-9][A-Za-z0-9._-]*)=([^=\s]+)$/;
const CONDA_TABLE = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s+(\S+)(?:\s+\S+){0,2}$/;
/** Field names under which loosely written lists ("numpy=1.26", conda list's table) count as package lists. */
const PACKAGE_PATH = /package|requirement|freeze|conda|pip|environment|dependenc/i;

/**
 * The packages of a pip freeze, requirements, `conda list` or `conda env export` text, or null
 * when the text is not such a list. Every non-comment line must name a package; lines such as
 * "numpy=1.26" or "numpy 1.26 py311_0" count only when the field's path says it holds packages.
 */
export function packageList(path: string, text: string): PackageList | null {
  const loose = PACKAGE_PATH.test(path);
  const packages = new Map<string, Package>();
  for (const raw of splitLines(text)) {
    const line = raw.trim().replace(/^-\s+/, "");
    if (line === "" || line.startsWith("#") || line.startsWith("--") || line === "@EXPLICIT") continue;
    const found = parsePackage(line, loose);
    if (!found) return null;
    packages.set(normalisedName(found.name), found);
  }
  return packages.size >= 2 ? packages : null;
}

function parsePackage(line: string, loose: boolean): Package | null {
  const editable = EDITABLE.exec(line);
  if (editable) return { name: editable[2], version: editable[1] };
  const pin = PIN.exec(line);
  if (pin) return { name: pin[1], version: pin[2] === "==" || pin[2] === "===" ? pin[3] : pin[2] + pin[3] };
  const reference = DIRECT_REFERENCE.exec(line);
  if (reference) return { name: reference[1], version: reference[2] };
  const build = CONDA_BUILD.exec(line);
  if (build) return { name: build[1], version: `${build[2]}=${build[3]}` };
  if (!loose) return null;
  const conda = CONDA_PIN.exec(line) ?? CONDA_TABLE.exec(line);
  return conda ? { name: conda[1], version: conda[2] } : null;
}

function normalisedName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** Which packages the other list adds, removes or has at another version than the base's; each sorted by name. */
export function packageDiff(base: PackageList, other: PackageList): PackageDiff {
  const added: Package[] = [];
  const removed: Package[] = [];
  const changed: { name: string; from: string; to: string }[] = [];
  let unchanged = 0;
  for (const [key, pkg] of other) {
    const before = base.get(key);
    if (!before) added.push(pkg);
    else if (before.version !== pkg.version) changed.push({ name: pkg.name, from: before.version, to: pkg.version });
    else unchanged++;
  }
  for (const [key, pkg] of base) if (!other.has(key)) removed.push(pkg);
  const byName = (a: { name: string }, b: { name: string }) => compareText(normalisedName(a.name), normalisedName(b.name));
  return { added: added.sort(byName), removed: removed.sort(byName), changed: changed.sort(byName), unchanged };
}
