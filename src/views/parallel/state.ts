import { defaultAxisKind } from "../../data/axes.js";
import type { AxisFilter } from "../../data/filter.js";
import type { ColumnResolver } from "../../data/resolve.js";
import type { RunColumn, Runs } from "../../data/runs.js";
import { dimensionOf, type Dimension } from "./dimensions.js";

/** What the user changed in parallel coordinates, as JSON: the `state` the view gives and takes. */
export interface ParallelState {
  /** The column that colours the lines; null for the default. */
  readonly color: string | null;
  /** The axes in order once the user moved, added, removed, inverted or rescaled one; null while they follow the options and the width. */
  readonly axes: readonly AxisState[] | null;
  /** The brushes, by the column of their axis. */
  readonly brushes: readonly BrushState[];
  /** Run ids hidden with the run list. */
  readonly hidden: readonly string[];
}

export interface AxisState {
  readonly column: string;
  readonly inverted?: boolean;
  readonly log?: boolean;
}

/** A brush: the numbers from range[0] to range[1] (null: none of them), or the categories kept (null for a missing value); `missing` keeps runs without a value. */
export interface BrushState {
  readonly column: string;
  readonly range?: readonly number[] | null;
  readonly values?: readonly (string | null)[];
  readonly missing?: boolean;
}

/** A column by the name a state gives it, or null where this data has none (a state from other runs). */
function known(columns: ColumnResolver, name: string): RunColumn | null {
  try {
    return columns.resolve(name);
  } catch {
    return null;
  }
}

export function axesState(dimensions: readonly Dimension[], columns: ColumnResolver): AxisState[] {
  return dimensions.map((d) => ({ column: columns.nameOf(d.column), inverted: d.inverted, log: d.kind === "log" }));
}

/** The axes a state names, leaving out the columns this data lacks; null when it names none. */
export function restoreAxes(axes: readonly AxisState[] | null | undefined, columns: ColumnResolver): Dimension[] | null {
  if (!axes) return null;
  const restored = axes.flatMap(({ column: name, inverted = false, log }) => {
    const column = known(columns, name);
    if (!column) return [];
    const kind = column.kind === "categorical" ? "categorical" : log === undefined ? defaultAxisKind(column) : log ? "log" : "linear";
    return [{ ...dimensionOf(column), kind, inverted }];
  });
  const unique = restored.filter((d, i) => restored.findIndex((other) => other.column === d.column) === i);
  return unique.length ? unique : null;
}

export function brushesState(filters: ReadonlyMap<string, AxisFilter>, dimensions: readonly Dimension[], columns: ColumnResolver): BrushState[] {
  return dimensions.flatMap(({ column }): BrushState[] => {
    const filter = filters.get(column.name);
    if (!filter) return [];
    const name = columns.nameOf(column);
    if (filter.kind === "set") return [{ column: name, values: [...filter.keep] }];
    // JSON has no Infinity: a brush below every value keeps no numbers.
    return [{ column: name, range: filter.min <= filter.max ? [filter.min, filter.max] : null, missing: filter.keepMissing }];
  });
}

/** The filters of the brushes a state gives, on the axes shown (a brush of another kind of column, or of no axis, is left out). */
export function restoreBrushes(brushes: readonly BrushState[] | undefined, dimensions: readonly Dimension[], columns: ColumnResolver): Map<string, AxisFilter> {
  const filters = new Map<string, AxisFilter>();
  for (const brush of brushes ?? []) {
    const column = known(columns, brush.column);
    const dimension = column && dimensions.find((d) => d.column === column);
    if (!dimension) continue;
    if (dimension.column.kind === "categorical" && brush.values) {
      filters.set(dimension.column.name, { kind: "set", values: dimension.column.values, keep: new Set(brush.values) });
    } else if (dimension.column.kind === "numeric" && !brush.values) {
      const [min, max] = brush.range ?? [Infinity, -Infinity];
      filters.set(dimension.column.name, {
        kind: "range",
        values: dimension.column.values,
        min,
        max,
        log: dimension.kind === "log",
        keepMissing: brush.missing ?? false,
      });
    }
  }
  return filters;
}

export function hiddenState(runs: Runs, hidden: Uint8Array): string[] {
  const ids: string[] = [];
  hidden.forEach((off, row) => off && ids.push(runs.ids[row]));
  return ids;
}

export function restoreHidden(runs: Runs, ids: readonly string[] | undefined, hidden: Uint8Array): number {
  let count = 0;
  for (const id of ids ?? []) {
    const row = runs.rowOf(id);
    if (row >= 0 && !hidden[row]) {
      hidden[row] = 1;
      count++;
    }
  }
  return count;
}
