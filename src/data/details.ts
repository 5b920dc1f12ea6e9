import { MAX_DETAILS_DEPTH, RunsDataError, messages } from "./errors.js";
import { readColumns, readIpc, type ColumnSource, type RunsInput, type SourceColumn } from "./input.js";
import { readRuns, roleOf } from "./runs.js";
import { categoryText } from "./values.js";

/**
 * Every run's config fields as text, for the side-by-side diff: a field per path
 * ("section/sub/key"), a column per run.
 */
export interface Details {
  /** Run ids in order of first appearance, and their labels. */
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Field paths, a section's fields together, in order of first appearance. */
  readonly paths: readonly string[];
  /** values[field][run]: the field's text in that run, or null where the run has no such field. */
  readonly values: readonly (readonly (string | null)[])[];
}

/** Each run's fields as nested objects: `{ "run-a": { optimizer: { lr: 0.1 } }, ... }`. */
export type FieldTrees = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * A details table (run_id, path, value; an optional name column labels runs), a runs table
 * (its params.*, metrics.*, tags.* and other columns become sections), or nested objects per run.
 */
export type DetailsInput = RunsInput | FieldTrees;

const REQUIRED = ["run_id", "path", "value"] as const;

export function readDetails(input: DetailsInput): Details {
  if (input === null || typeof input !== "object") throw new RunsDataError(messages.detailsNotInput(describe(input)));
  if (isFieldTrees(input)) return fromFieldTrees(input);
  const table = input instanceof Uint8Array || input instanceof ArrayBuffer ? readIpc(input, "details") : input;
  const source = readColumns(table, "details");
  if (source.rowCount === 0) throw new RunsDataError(messages.detailsEmpty());
  return source.columns.some((c) => c.name === "path") ? fromDetailsTable(source) : fromRunsTable(table, source);
}

/** The segments of a path that name sections and the field; empty ones ("a//b") are skipped. */
export function pathSegments(path: string): string[] {
  const segments = path.split("/").filter(Boolean);
  return segments.length ? segments : [path];
}

function fromDetailsTable(source: ColumnSource): Details {
  const byName = new Map(source.columns.map((c) => [c.name, c]));
  for (const name of REQUIRED) {
    if (!byName.has(name))
      throw new RunsDataError(
        messages.detailsNoColumn(
          name,
          source.columns.map((c) => c.name),
        ),
      );
  }
  const [runIds, paths, values] = REQUIRED.map((name) => byName.get(name)!);
  for (const column of [runIds, paths]) {
    if (column.type !== "strings" && column.type !== null) throw new RunsDataError(messages.detailsColumnType(column.name, column.type));
  }
  if (values.type === "binary") throw new RunsDataError(messages.detailsColumnType("value", values.type));
  const names = byName.get("name");
  const fields = new FieldCollector();
  for (let row = 0; row < source.rowCount; row++) {
    const id = runIds.get(row) as string | null | undefined;
    if (id === null || id === undefined) throw new RunsDataError(messages.detailsMissing("run_id", row));
    const path = paths.get(row) as string | null | undefined;
    if (path === null || path === undefined || path === "") throw new RunsDataError(messages.detailsMissing("path", row));
    const run = fields.run(id, names ? categoryText(names.get(row)) : null);
    if (!fields.set(run, path, cellText(values, row))) {
      const first = firstRowOf(runIds, paths, id, path, row);
      throw new RunsDataError(messages.detailsDuplicate(id, path, first, row));
    }
  }
  return fields.details();
}

function firstRowOf(runIds: SourceColumn, paths: SourceColumn, id: string, path: string, before: number): number {
  for (let row = 0; row < before; row++) if (runIds.get(row) === id && paths.get(row) === path) return row;
  return -1;
}

/** A runs table's columns as fields: params.*, metrics.* and tags.* under their own section, the rest under "general". */
function fromRunsTable(table: Exclude<RunsInput, Uint8Array | ArrayBuffer>, source: ColumnSource): Details {
  const runs = readRuns(table);
  const fields = new FieldCollector();
  runs.ids.forEach((id, row) => fields.run(id, runs.names[row]));
  for (const column of source.columns) {
    if (column.name === "run_id" || column.name === "name" || column.type === "binary") continue;
    const { role, key } = roleOf(column.name);
    const path = role === "attribute" ? `general/${key}` : `${role}s/${key}`;
    for (let row = 0; row < source.rowCount; row++) fields.set(row, path, cellText(column, row));
  }
  return fields.details();
}

function fromFieldTrees(trees: FieldTrees): Details {
  const fields = new FieldCollector();
  const ids = Object.keys(trees);
  if (ids.length === 0) throw new RunsDataError(messages.detailsEmpty());
  for (const id of ids) {
    const tree = trees[id];
    if (!isPlainObject(tree)) throw new RunsDataError(messages.detailsNotFields(id, describe(tree)));
    const run = fields.run(id, null);
    try {
      addTree(fields, run, tree, "", 1);
    } catch (error) {
      // Nested too deep, or holding itself (JSON.stringify's TypeError on a cycle, RangeError past the stack).
      if (error instanceof RunsDataError) throw error;
      throw new RunsDataError(messages.detailsTooDeep(id));
    }
    if (!fields.hasAny(run)) throw new RunsDataError(messages.detailsNoFields(id));
  }
  return fields.details();
}

function addTree(fields: FieldCollector, run: number, tree: Readonly<Record<string, unknown>>, prefix: string, depth: number) {
  if (depth > MAX_DETAILS_DEPTH) throw new Error("too deep");
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (isPlainObject(value) && Object.keys(value).length > 0) addTree(fields, run, value, `${path}/`, depth + 1);
    else fields.set(run, path, fieldText(value, false));
  }
}

function cellText(column: SourceColumn, row: number): string | null {
  const value = column.get(row);
  if (column.type === "timestamps" && value !== null && value !== undefined) return new Date(Number(value)).toISOString();
  return fieldText(value, true);
}

/** A value as the text a diff compares; null when missing (NaN too, in a table column, as pandas marks missing numbers). */
function fieldText(value: unknown, nanIsMissing: boolean): string | null {
  if (typeof value === "number" && Number.isNaN(value) && nanIsMissing) return null;
  if (value instanceof Date) return value.toISOString();
  return categoryText(value);
}

/** Collects (run, path, text) and orders the paths so that each section's fields are together. */
class FieldCollector {
  private readonly ids: string[] = [];
  private readonly names: string[] = [];
  private readonly runOfId = new Map<string, number>();
  private readonly paths: string[] = [];
  private readonly fieldOfPath = new Map<string, number>();
  /** Per field, per run: undefined until set; null once set to a missing value. */
  private readonly values: (string | null | undefined)[][] = [];
  /** How many fields each run has a value for. */
  private readonly fieldCounts: number[] = [];

  run(id: string, name: string | null): number {
    let run = this.runOfId.get(id);
    if (run === undefined) {
      run = this.ids.length;
      this.ids.push(id);
      this.names.push(name ?? id);
      this.fieldCounts.push(0);
      this.runOfId.set(id, run);
    } else if (name !== null && this.names[run] === id) {
      this.names[run] = name;
    }
    return run;
  }

  hasAny(run: number): boolean {
    return this.fieldCounts[run] > 0;
  }

  /** False when the run already has a value at this path. */
  set(run: number, path: string, text: string | null): boolean {
    let field = this.fieldOfPath.get(path);
    if (field === undefined) {
      field = this.paths.length;
      this.paths.push(path);
      this.values.push([]);
      this.fieldOfPath.set(path, field);
    }
    if (this.values[field][run] !== undefined) return false;
    this.values[field][run] = text;
    this.fieldCounts[run]++;
    return true;
  }

  details(): Details {
    const order = sectionOrder(this.paths);
    const runCount = this.ids.length;
    return {
      ids: this.ids,
      names: this.names,
      paths: order.map((field) => this.paths[field]),
      values: order.map((field) => Array.from({ length: runCount }, (_, run) => this.values[field][run] ?? null)),
    };
  }
}

/** A section's fields and subsections, in order of first appearance. */
interface SectionNode {
  entries: (number | SectionNode)[];
  sections: Map<string, SectionNode>;
}

/**
 * Field indices depth first through the section tree, siblings in order of first appearance.
 * A field is an entry of its own beside the sections, so no key made of a path's text can
 * stand for it (a path is any text, NUL bytes too); the tree is walked with a stack, not
 * recursion, so paths of any depth and sections of any size are ordered.
 */
function sectionOrder(paths: readonly string[]): number[] {
  const root: SectionNode = { entries: [], sections: new Map() };
  paths.forEach((path, field) => {
    let node = root;
    const segments = pathSegments(path);
    for (let i = 0; i < segments.length - 1; i++) {
      let child = node.sections.get(segments[i]);
      if (!child) {
        child = { entries: [], sections: new Map() };
        node.sections.set(segments[i], child);
        node.entries.push(child);
      }
      node = child;
    }
    node.entries.push(field);
  });
  const order: number[] = [];
  const stack: { node: SectionNode; next: number }[] = [{ node: root, next: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next === top.node.entries.length) {
      stack.pop();
      continue;
    }
    const entry = top.node.entries[top.next++];
    if (typeof entry === "number") order.push(entry);
    else stack.push({ node: entry, next: 0 });
  }
  return order;
}

/** Nested objects per run (not a table). */
export function isFieldTrees(input: unknown): input is FieldTrees {
  return isPlainObject(input);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value !== "object") return typeof value;
  return value.constructor?.name ?? "object";
}
