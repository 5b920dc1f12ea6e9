import { ranks, sortRows } from "../../data/order.js";
import { keptRows, type RowFilter } from "../../data/row-filters.js";
import type { RunTable } from "../../data/run-table.js";
import type { SortSpec, TableState } from "./state.js";

/** The rows the table shows, in order, and what they were made from. */
export interface ShownRows {
  /** Row indices of the runs table, in the order shown: kept by the filters, sorted. */
  readonly order: Uint32Array;
  /** Runs kept by the filters and the search: 1 kept. */
  readonly kept: Uint8Array;
  /** Leaderboard rank of each shown row by the first sort key (0: no value), or null when the first key is not a number column. */
  readonly ranks: Uint32Array | null;
}

/**
 * Orders and filters the runs, remembering the last sort and the last filters: a filter change
 * keeps the sorted order and only drops rows from it; a sort change keeps the filter mask.
 */
export class RowOrder {
  private sortKey = "";
  private sorted: Uint32Array | null = null;
  private filterKey = "";
  private kept: Uint8Array | null = null;

  constructor(private readonly table: RunTable) {}

  rows(state: TableState): ShownRows {
    const kept = this.keptBy(state.filters, state.search);
    const sorted = this.sortedBy(state.sort);
    let shown = 0;
    for (let row = 0; row < kept.length; row++) shown += kept[row];
    const order = new Uint32Array(shown);
    let next = 0;
    if (sorted) {
      for (let i = 0; i < sorted.length; i++) if (kept[sorted[i]]) order[next++] = sorted[i];
    } else {
      for (let row = 0; row < kept.length; row++) if (kept[row]) order[next++] = row;
    }
    const first = state.sort[0] && this.table.column(state.sort[0].column);
    const ranked = first && first.kind === "number" ? ranks(order, first.sortKey()) : null;
    return { order, kept, ranks: ranked };
  }

  /** Runs kept by the filters on every column but one, and the search: what that column's filter editor counts. */
  keptExcept(state: TableState, column: string): Uint8Array {
    return keptRows(
      this.table,
      state.filters.filter((f) => f.column !== column),
      state.search,
    );
  }

  private keptBy(filters: readonly RowFilter[], search: string): Uint8Array {
    const key = JSON.stringify([filters, search]);
    if (key !== this.filterKey || !this.kept) {
      this.kept = keptRows(this.table, filters, search);
      this.filterKey = key;
    }
    return this.kept;
  }

  private sortedBy(sort: readonly SortSpec[]): Uint32Array | null {
    const keys = sort.flatMap((key) => {
      const column = this.table.column(key.column);
      return column ? [{ values: column.sortKey(), descending: key.descending }] : [];
    });
    if (!keys.length) return null;
    const key = JSON.stringify(sort);
    if (key !== this.sortKey || !this.sorted) {
      this.sorted = sortRows(keys, this.table.count);
      this.sortKey = key;
    }
    return this.sorted;
  }
}
