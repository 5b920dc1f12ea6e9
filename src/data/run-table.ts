import { RunsDataError, messages } from "./errors.js";
import type { RunsInput } from "./input.js";
import { columnResolver } from "./resolve.js";
import { openRuns, sortMixed, type OpenRuns, type RunColumn, type RunField, type Runs } from "./runs.js";
import { readScalars, type Scalars, type ScalarsInput } from "./scalars.js";
import { SUMMARIES, type Summary } from "./summaries.js";
import { categoryText } from "./values.js";

/** How a column's cells read; the table draws, sorts and filters each kind its own way. */
export type CellKind = "text" | "number" | "time" | "duration" | "status" | "tags";

/** A column the runs table can show. Its values are read the first time they are asked for. */
export interface TableColumn {
  /** The column's name in options and state: a runs column ("params.lr"), a series summary ("loss/validation:min"), or one of "name", "duration", "last_step". */
  readonly id: string;
  /** The header text: the name without its role prefix and sections. */
  readonly label: string;
  /** Where the column sits in the column chooser, outermost first: ["params", "optimizer"]. */
  readonly section: readonly string[];
  readonly kind: CellKind;
  /** The kind as far as the table's schema tells it, without reading values (text may still turn out to be numbers). */
  readonly likelyKind: CellKind;
  /** Left out of the default columns (MLflow's system tags, end times, min and max summaries). */
  readonly hidden: boolean;
  /** For scalars summaries: the series and which summary. */
  readonly series?: { readonly key: string; readonly summary: Summary };
  /** One number per run (NaN where missing): number, time (epoch ms) and duration (ms) columns. */
  numbers(): Float64Array;
  /** One text per run (null where missing): text and status columns; tags columns give their list as JSON text. */
  texts(): readonly (string | null)[];
  /** The distinct texts in order: those that are numbers first, by value, then the others in text order (numbers inside text in numeric order). */
  categories(): readonly string[];
  /** Each run's tags, for tags columns. */
  tags(row: number): readonly string[];
  /** The number a sort orders runs by: the value, or the rank of the text among the categories. */
  sortKey(): Float64Array;
  /** Reads the values now, ahead of their being shown (a table reads the columns it will scroll to when idle). */
  read(): void;
}

/** A runs table, and the scalars when given, as the columns of the runs table view. */
export interface RunTable {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly count: number;
  /** Every column the table can show, the run's own attributes first, then params, metrics, scalars summaries, tags. */
  readonly columns: readonly TableColumn[];
  column(id: string): TableColumn | undefined;
  rowOf(id: string): number;
  /** The runs table's own columns (run_id and name aside), in its order, as error messages list them. */
  readonly runColumns: readonly string[];
  /** The columns the search box reads besides names: tags lists and tags.* columns (MLflow's own left out). */
  readonly searched: readonly TableColumn[];
  /** The status column's progress per run (0 to 1, NaN where none), when the table has a progress column. */
  progress(): Float64Array | null;
}

/** Attributes a tracker adds that say little in a table (MLflow's search_runs), and those the status and duration cells show. */
const HIDDEN_ATTRIBUTES = new Set(["end_time", "progress", "experiment_id", "artifact_uri", "lifecycle_stage"]);
const ORDER: Record<string, number> = { run: 0, params: 1, metrics: 2, scalars: 3, tags: 4 };
/** Timestamps before this many epoch milliseconds are taken as seconds (the contract's unit): 1973 in milliseconds, 5138 in seconds. */
const SECONDS_BELOW = 1e11;

export function openRunTable(input: RunsInput, scalarsInput: ScalarsInput | null = null): RunTable {
  const runs = openRuns(input);
  const scalars = scalarsInput ? readScalars(scalarsInput) : null;
  const columns: TableColumn[] = [textColumn({ id: "name", label: "name", section: ["run"], kind: "text", hidden: false }, () => runs.names)];
  const byField = new Map(runs.fields.map((field) => [field.name, field]));
  for (const field of runs.fields) {
    if (field.type === "binary") {
      if (field.role === "param" || field.role === "metric") throw new RunsDataError(messages.unsupportedType(field.name, field.type));
      continue;
    }
    columns.push(runsColumn(runs, field));
    if (field.name === "start_time") columns.push(durationColumn(runs, byField));
  }
  if (scalars) for (const column of scalarsColumns(runs, scalars)) columns.push(column);
  columns.sort((a, b) => ORDER[a.section[0]] - ORDER[b.section[0]]);
  // Text metrics are checked now, so a bad one is an error before anything is drawn, not while scrolling.
  for (const column of columns) if (column.id.startsWith("metrics.") && byField.get(column.id)?.type === "strings") column.numbers();
  const byId = new Map(columns.map((c) => [c.id, c]));
  const progress = byField.has("progress") ? byId.get("progress") : undefined;
  let fractions: Float64Array | null = null;
  return {
    ids: runs.ids,
    names: runs.names,
    count: runs.count,
    columns,
    column: (id) => byId.get(id),
    rowOf: runs.rowOf,
    runColumns: runs.fields.filter((f) => f.type !== "binary").map((f) => f.name),
    // Decided from the fields, not from each column's kind, which would read every column.
    searched: columns.filter(
      (c) => (byField.get(c.id)?.type === "lists" && byField.get(c.id)?.role !== "param") || (c.id.startsWith("tags.") && !c.id.startsWith("tags.mlflow.")),
    ),
    progress: () => (progress?.kind === "number" ? (fractions ??= progressFractions(progress.numbers())) : null),
  };
}

function runsColumn(runs: OpenRuns, field: RunField): TableColumn {
  const { name, key, role, type } = field;
  const data = () => runs.column(name) ?? missingColumn(field, runs.count);
  const hidden = name.startsWith("tags.mlflow.") || HIDDEN_ATTRIBUTES.has(name);
  if (type === "lists" && role !== "param")
    return textColumn({ id: name, label: role === "tag" ? key : name, section: [role === "tag" ? "tags" : "run"], kind: "tags", hidden }, () =>
      textsOf(data()),
    );
  if (role === "attribute") {
    const head = { id: name, label: name, section: ["run"], hidden };
    if (name === "status") return textColumn({ ...head, kind: "status" }, () => textsOf(data()));
    if (type === "timestamps" || name === "start_time" || name === "end_time") return numberColumn({ ...head, kind: "time" }, () => epochMilliseconds(data()));
  }
  const section = role === "param" ? ["params", ...key.split("/").slice(0, -1)] : role === "metric" ? ["metrics"] : role === "tag" ? ["tags"] : ["run"];
  const label = role === "param" ? key.split("/").at(-1)! : key;
  return lazyKindColumn(name, label, section, hidden, type === "numbers" ? "number" : "text", data);
}

/** A column whose kind (number or text) is known only once its values are read (MLflow keeps params as text). */
function lazyKindColumn(id: string, label: string, section: string[], hidden: boolean, likelyKind: CellKind, data: () => RunColumn): TableColumn {
  let column: TableColumn | null = null;
  const head = { id, label, section, hidden };
  const typed = () =>
    (column ??=
      data().kind === "numeric"
        ? numberColumn({ ...head, kind: "number" }, () => numbersOf(data()))
        : textColumn({ ...head, kind: "text" }, () => textsOf(data())));
  return {
    id,
    label,
    section,
    hidden,
    likelyKind,
    get kind() {
      return typed().kind;
    },
    numbers: () => typed().numbers(),
    texts: () => typed().texts(),
    categories: () => typed().categories(),
    tags: (row) => typed().tags(row),
    sortKey: () => typed().sortKey(),
    read: () => typed().read(),
  };
}

/** What a column is, before its values. */
type ColumnHead = Pick<TableColumn, "id" | "label" | "section" | "kind" | "hidden" | "series">;

function numberColumn(head: ColumnHead, read: () => Float64Array): TableColumn {
  let values: Float64Array | null = null;
  let texts: (string | null)[] | null = null;
  const numbers = () => (values ??= read());
  return {
    ...head,
    likelyKind: head.kind,
    numbers,
    texts: () => (texts ??= Array.from(numbers(), (v) => (Number.isNaN(v) ? null : String(v)))),
    categories: () => [],
    tags: () => [],
    sortKey: numbers,
    read: numbers,
  };
}

function textColumn(head: ColumnHead, read: () => readonly (string | null)[]): TableColumn {
  let values: readonly (string | null)[] | null = null;
  let sorted: readonly string[] | null = null;
  let key: Float64Array | null = null;
  let lists: Map<string, readonly string[]> | null = null;
  const texts = () => (values ??= read());
  const categories = () => (sorted ??= sortMixed(texts().filter((v): v is string => v !== null)));
  return {
    ...head,
    likelyKind: head.kind,
    numbers: () => new Float64Array(texts().length).fill(NaN),
    texts,
    categories,
    read: texts,
    tags(row) {
      const text = texts()[row];
      if (text === null) return [];
      lists ??= new Map(categories().map((c) => [c, tagList(c)]));
      return lists.get(text)!;
    },
    sortKey() {
      if (!key) {
        const rank = new Map(categories().map((c, i) => [c, i]));
        key = Float64Array.from(texts(), (v) => (v === null ? NaN : rank.get(v)!));
      }
      return key;
    },
  };
}

/** The tags of one run from its list column's JSON text; text that is no JSON list is one tag. */
function tagList(text: string): readonly string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed.map((tag) => categoryText(tag)).filter((tag): tag is string => tag !== null && tag !== "");
  } catch {
    // not JSON: the text is the tag
  }
  return [text];
}

function missingColumn({ name, key, role }: RunField, count: number): RunColumn {
  return { name, key, role, label: key, kind: "categorical", values: new Array(count).fill(null), categories: [] };
}

function textsOf(column: RunColumn): readonly (string | null)[] {
  return column.kind === "categorical" ? column.values : Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v)));
}

function numbersOf(column: RunColumn): Float64Array {
  return column.kind === "numeric" ? column.values : new Float64Array(column.values.length).fill(NaN);
}

/** A time column as epoch milliseconds: timestamps as they are, plain numbers as seconds unless they are too large to be. */
function epochMilliseconds(column: RunColumn): Float64Array {
  if (column.kind !== "numeric") return new Float64Array(column.values.length).fill(NaN);
  if (column.temporal) return column.values;
  let largest = 0;
  for (const v of column.values) if (Math.abs(v) > largest) largest = Math.abs(v);
  return largest >= SECONDS_BELOW ? column.values : column.values.map((v) => v * 1000);
}

/** How long each run ran: end minus start, or until now for a run without an end that is still running. */
function durationColumn(runs: OpenRuns, fields: Map<string, RunField>): TableColumn {
  const read = () => {
    const start = epochMilliseconds(runs.column("start_time")!);
    const end = fields.has("end_time") ? epochMilliseconds(runs.column("end_time")!) : null;
    const status = fields.has("status") ? textsOf(runs.column("status")!) : null;
    const now = Date.now();
    const running = new Map<string | null, boolean>();
    const isRunning = (text: string | null) => running.get(text) ?? running.set(text, /^(running|in_progress)$/i.test(text ?? "")).get(text)!;
    return start.map((from, row) => {
      const to = end?.[row];
      if (to !== undefined && !Number.isNaN(to)) return to - from;
      return status && isRunning(status[row]) ? now - from : NaN;
    });
  };
  return numberColumn({ id: "duration", label: "duration", section: ["run"], kind: "duration", hidden: false }, read);
}

function progressFractions(values: Float64Array): Float64Array {
  const percent = values.some((v) => v > 1);
  return percent ? values.map((v) => v / 100) : values;
}

/** Each series' last, min and max, and each run's last step over all series. */
function scalarsColumns(runs: OpenRuns, scalars: Scalars): TableColumn[] {
  const resolver = columnResolver(asRuns(runs), scalars);
  const columns = scalars.series.flatMap((series) =>
    SUMMARIES.map((summary) =>
      numberColumn(
        {
          id: `${series.key}:${summary}`,
          label: `${series.key} (${summary})`,
          section: ["scalars"],
          kind: "number",
          hidden: summary !== "last",
          series: { key: series.key, summary },
        },
        () => resolver.resolve(`${series.key}:${summary}`).values as Float64Array,
      ),
    ),
  );
  const lastStep = () => {
    const steps = new Float64Array(runs.count).fill(NaN);
    const rowOfRun = scalars.runIds.map((id) => runs.rowOf(id));
    for (let i = 0; i < scalars.rowCount; i++) {
      const row = rowOfRun[scalars.runOfRow[i]];
      if (row >= 0 && !(scalars.steps[i] <= steps[row])) steps[row] = scalars.steps[i];
    }
    return steps;
  };
  return [numberColumn({ id: "last_step", label: "last step", section: ["run"], kind: "number", hidden: false }, lastStep), ...columns];
}

/** The lookups the column resolver makes of a runs table, from a lazily read one. */
function asRuns(runs: OpenRuns): Runs {
  return {
    ids: runs.ids,
    names: runs.names,
    count: runs.count,
    columns: [],
    notes: runs.notes,
    column: (name) => runs.column(name) ?? undefined,
    rowOf: runs.rowOf,
  };
}
