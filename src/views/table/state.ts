import tableJson from "../../../schema/views/table.json" with { type: "json" };
import { RunsDataError, messages } from "../../data/errors.js";
import type { RowFilter } from "../../data/row-filters.js";
import type { CellKind, RunTable, TableColumn } from "../../data/run-table.js";
import { parseSummarySpec } from "../../data/summaries.js";
import { textWidth } from "../values/text.js";

export interface SortSpec {
  readonly column: string;
  readonly descending: boolean;
}

/** Everything the table's own controls change: one JSON object, as `.state` gives it and the `state` option restores it. */
export interface TableState {
  /** The columns shown after the pinned name, in order. */
  readonly columns: readonly string[];
  /** Widths in CSS pixels of the columns resized by hand ("name" included). */
  readonly widths: Readonly<Record<string, number>>;
  /** Sort keys, the first first. */
  readonly sort: readonly SortSpec[];
  readonly filters: readonly RowFilter[];
  /** The search box: runs whose name or tags contain this text (or match /regex/). */
  readonly search: string;
  /** Rows ranked this high or better are highlighted while the table is sorted by a number column; 0 for none. */
  readonly topK: number;
}

/** What the options may say about the table's first state; `state` wins over the rest. */
export interface StateOptions {
  /** The columns to show, by name ("params.lr", or "lr"), or series summaries ("loss/validation:min"); null for the defaults. */
  columns?: readonly string[] | null;
  /** Column names to sort by, the first first; a leading "-" sorts that column descending ("-metrics.accuracy"). */
  sort?: string | readonly string[] | null;
  filters?: readonly RowFilter[] | null;
  search?: string;
  topK?: number;
  state?: Partial<TableState> | null;
}

export const DEFAULT_TOP_K: number = tableJson.properties.topK.default;
export const MIN_WIDTH = 48;
export const MAX_WIDTH = 800;
const DEFAULT_WIDTHS: Record<CellKind, number> = { text: 140, number: 96, time: 104, duration: 96, status: 124, tags: 180 };
/** The name column fits the longest of the first names, within these bounds. */
const NAME_WIDTHS = { min: 140, max: 360, sample: 500 };

/**
 * The state the table opens with: the options (checked against the schema before) with the
 * columns they name found (unknown columns are errors), then the state passed in laid over them
 * (what it names that this data lacks is dropped).
 */
export function initialState(table: RunTable, options: StateOptions): TableState {
  const resolve = (name: string) => resolveColumn(table, name).id;
  const sortNames = typeof options.sort === "string" ? [options.sort] : (options.sort ?? []);
  const fromOptions: TableState = {
    columns: options.columns ? unique(options.columns.map(resolve)).filter((id) => id !== "name") : defaultColumns(table),
    widths: {},
    sort: sortNames.map((name) => {
      const descending = name.startsWith("-") && !table.column(name);
      return { column: resolve(descending ? name.slice(1) : name), descending };
    }),
    filters: (options.filters ?? []).map((filter) => ({ ...filter, column: resolve(filter.column) })),
    search: options.search ?? "",
    topK: options.topK ?? DEFAULT_TOP_K,
  };
  return restoreState(table, fromOptions, options.state ?? {});
}

/** `saved` laid over `base`, keeping only what names columns of this table. */
export function restoreState(table: RunTable, base: TableState, saved: Partial<TableState>): TableState {
  const known = (id: string) => table.column(id) !== undefined;
  return {
    columns: saved.columns ? unique(saved.columns.filter((id) => known(id) && id !== "name")) : base.columns,
    widths: saved.widths
      ? Object.fromEntries(
          Object.entries(saved.widths)
            .filter(([id, width]) => known(id) && Number.isFinite(width))
            .map(([id, width]) => [id, clampWidth(width)]),
        )
      : base.widths,
    sort: saved.sort ? saved.sort.filter((key) => known(key.column)) : base.sort,
    filters: saved.filters ? saved.filters.filter((filter) => known(filter.column)) : base.filters,
    search: saved.search ?? base.search,
    topK: saved.topK ?? base.topK,
  };
}

function defaultColumns(table: RunTable): string[] {
  return table.columns.filter((c) => !c.hidden && c.id !== "name").map((c) => c.id);
}

/** A column by the name a user gives: its id, a params./metrics. key without its prefix, or a series (":last" when no summary is named). */
export function resolveColumn(table: RunTable, name: string): TableColumn {
  const found = table.column(name) ?? table.column(`params.${name}`) ?? table.column(`metrics.${name}`);
  if (found) return found;
  const { series, summary } = parseSummarySpec(name);
  const summarised = table.column(`${series}:${summary}`);
  if (summarised) return summarised;
  const seriesKeys = [...new Set(table.columns.filter((c) => c.series).map((c) => c.series!.key))];
  if (seriesKeys.length) throw new RunsDataError(messages.unknownSeries(name, seriesKeys));
  throw new RunsDataError(messages.unknownColumn(name, table.runColumns));
}

/** Header labels are measured in about the font they are drawn in, before the view is on the page. */
const HEADER_FONT = "600 12px system-ui, -apple-system, 'Segoe UI', sans-serif";
/** Room beside a header's label for the sort mark, the filter button and padding. */
const HEADER_CHROME = 40;
const LABEL_FIT_LIMIT = 200;
const labelWidths = new Map<string, number>();

/**
 * A column's width: as resized, else wide enough for its label (up to a limit) and no narrower
 * than its kind's default. The likely kind, as the kind itself would read the values of every
 * column shown, not only those in view.
 */
export function columnWidth(state: TableState, column: TableColumn): number {
  const resized = Object.hasOwn(state.widths, column.id) ? state.widths[column.id] : undefined;
  if (resized !== undefined) return resized;
  if (column.id === "name") return nameWidth(column);
  let measured = labelWidths.get(column.label);
  if (measured === undefined) labelWidths.set(column.label, (measured = Math.ceil(textWidth(column.label, HEADER_FONT))));
  const label = Math.min(LABEL_FIT_LIMIT, measured + HEADER_CHROME);
  return Math.max(DEFAULT_WIDTHS[column.likelyKind], label);
}

export const clampWidth = (width: number) => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));

const nameWidths = new WeakMap<TableColumn, number>();

function nameWidth(column: TableColumn): number {
  let width = nameWidths.get(column);
  if (width === undefined) {
    const names = column.texts().slice(0, NAME_WIDTHS.sample);
    const widest = Math.max(0, ...names.map((name) => textWidth(name ?? "", HEADER_FONT)));
    width = Math.round(Math.min(NAME_WIDTHS.max, Math.max(NAME_WIDTHS.min, widest + 16)));
    nameWidths.set(column, width);
  }
  return width;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/**
 * The sort after a click on a column's header: a plain click sorts by that column alone
 * (ascending, then descending, then unsorted); a shift-click adds it as the next key, or turns it
 * (then drops it) where it already is one.
 */
export function nextSort(sort: readonly SortSpec[], column: string, additive: boolean): SortSpec[] {
  const current = sort.find((key) => key.column === column);
  const turned: SortSpec | null = !current ? { column, descending: false } : !current.descending ? { column, descending: true } : null;
  if (!additive && sort.length > 1) return [{ column, descending: false }];
  if (!additive) return turned ? [turned] : [];
  if (!current) return [...sort, turned!];
  return sort.flatMap((key) => (key.column !== column ? [key] : turned ? [turned] : []));
}
