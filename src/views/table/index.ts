import json from "../../../schema/views/table.json" with { type: "json" };
import type { RunsInput } from "../../data/input.js";
import { memoLast } from "../../data/memo.js";
import { openRunTable } from "../../data/run-table.js";
import type { ViewSchema } from "../../data/schema.js";
import type { ScalarsInput } from "../../data/scalars.js";
import { makeView, type ViewElement, type ViewOptions } from "../../render/view.js";
import { TableDrawing } from "./drawing.js";
import { type StateOptions, type TableState } from "./state.js";
import { tableStyle } from "./style.js";

export type { TableState } from "./state.js";
export type { RowFilter } from "../../data/row-filters.js";

/** The options of schema/views/table.json, which says more of each; `state` wins over the rest. */
export interface TableOptions extends StateOptions, ViewOptions<TableState> {
  /** A scalars table: each series' last, min and max become columns, and each run's last step one more. */
  scalars?: ScalarsInput | null;
  /** The most the table grows to, in CSS pixels, before it scrolls. */
  height?: number;
}

/** The element; its value is the ids of the checked runs. */
export interface TableElement extends ViewElement<TableOptions, TableState> {
  /** CSV of the columns shown, for every run that passes the filters (the default) or only the rows on screen. */
  exportCSV(rows?: "filtered" | "screen"): string;
  /** What the table shows now, for tests and benchmarks: runs passing the filters, DOM rows and cells. */
  readonly shown: { runs: number; rows: number; cells: number };
  /** The ids of the first `limit` runs shown (passing the filters and the search), in the order shown; none while the table shows an error. */
  shownIds(limit?: number): string[];
}

export const tableSchema = json as ViewSchema;

/**
 * The runs table: one row per run, any column (params by section, metrics, a series' last, min
 * or max, status, tags, times), sorted, filtered and searched; check runs to select them.
 */
export function table(data: RunsInput, options: TableOptions = {}): TableElement {
  const tableOf = memoLast(openRunTable);
  const { root, drawing, shown } = makeView<TableOptions, TableState, TableDrawing>(
    {
      schema: tableSchema,
      styles: () => [tableStyle()],
      data,
      draw: (root, current, hooks, runs) => new TableDrawing(root, tableOf(runs!, current.scalars ?? null), current, hooks),
    },
    options,
  );
  const allRows = root.exportCSV;
  root.exportCSV = (rows: "filtered" | "screen" = "filtered") => (rows === "screen" ? shown().exportScreenCSV() : allRows());
  (root as TableElement).shownIds = (limit = Infinity) => drawing()?.shownIds(limit) ?? [];
  Object.defineProperty(root, "shown", { get: () => drawing()?.shown ?? { runs: 0, rows: 0, cells: 0 } });
  return root as TableElement;
}
