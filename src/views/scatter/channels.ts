import { byPresence, defaultAxisKind, isMissingOn, varies, type AxisKind } from "../../data/axes.js";
import { RunsDataError, messages } from "../../data/errors.js";
import type { ColumnResolver } from "../../data/resolve.js";
import type { NumericColumn, RunColumn, Runs } from "../../data/runs.js";

export type ScaleChoice = "linear" | "log";

/** One position axis: a column and how it is scaled. */
export interface Axis {
  readonly column: RunColumn;
  readonly kind: AxisKind;
  readonly label: string;
}

/** What the points show: position, colour, size, and the extra tooltip lines. */
export interface Channels {
  readonly x: Axis;
  readonly y: Axis;
  readonly color: RunColumn | null;
  readonly size: NumericColumn | null;
  readonly tooltip: readonly RunColumn[];
}

export interface ChannelChoice {
  /** Any runs column; defaults to the param that varies with values for the most runs among those with a y (else the first param; without params, the first metric other than y). */
  x?: string | null;
  /** A runs column or a scalars series with :last, :min or :max; defaults to the first metrics.* column, else the first series' last value. */
  y?: string | null;
  color?: string | null;
  /** A numeric column; point areas grow with its values. */
  size?: string | null;
  /** More columns to list in the tooltip. */
  tooltip?: readonly string[] | null;
  /** Defaults to log where the values span more than two decades and are all positive. */
  xScale?: ScaleChoice | null;
  yScale?: ScaleChoice | null;
}

export function chooseChannels(runs: Runs, columns: ColumnResolver, choice: ChannelChoice): Channels {
  const named = choice.x ? columns.resolve(choice.x) : null;
  // By default the metric most runs have (ties: the first): a store's first metric is often one a single run logged.
  const y = choice.y ? columns.resolve(choice.y) : (byPresence(runs.columns.filter((c) => c.role === "metric"))[0] ?? columns.scalarSummaries()[0]);
  if (!y) throw new RunsDataError(messages.scatterNoY());
  const x = named ?? defaultX(runs, y);
  if (!x) throw new RunsDataError(messages.scatterNoX(runs.columns.map((c) => c.name)));
  const size = choice.size ? columns.resolve(choice.size) : null;
  if (size && size.kind !== "numeric") throw new RunsDataError(messages.sizeNotNumeric(size.name));
  return {
    x: axis(x, "xScale", choice.xScale),
    y: axis(y, "yScale", choice.yScale),
    color: choice.color ? columns.resolve(choice.color) : null,
    size,
    tooltip: (choice.tooltip ?? []).map(columns.resolve),
  };
}

/**
 * Among the runs with a y, the param with two values or more, set for the most of them (ties:
 * the first), else the first param: a param with one value for every point would stack them.
 * Runs without params (a store of losses alone) put their first other metric on x.
 */
function defaultX(runs: Runs, y: RunColumn): RunColumn | undefined {
  if (!runs.columns.some((c) => c.role === "param")) return runs.columns.find((c) => c.role === "metric" && c.name !== y.name);
  const placed = (column: RunColumn) => {
    // The kind once per column: it reads every value, so once per row would be quadratic.
    const kind = defaultAxisKind(column);
    return (row: number) => !isMissingOn(column, kind, row);
  };
  const rows = Array.from({ length: runs.count }, (_, row) => row).filter(placed(y));
  const params = runs.columns.filter((c) => c.role === "param");
  const spread = params.filter((c) => varies(c, rows.filter(placed(c))));
  return byPresence(spread, rows)[0] ?? params[0];
}

const SCALES: readonly ScaleChoice[] = ["linear", "log"];

function axis(column: RunColumn, option: string, scale: ScaleChoice | null | undefined): Axis {
  if (scale != null && !SCALES.includes(scale)) throw new RunsDataError(messages.badOption(option, SCALES, scale));
  // Categories have no order of magnitude: a log choice does not apply to them.
  const kind = column.kind === "categorical" ? "categorical" : (scale ?? defaultAxisKind(column));
  return { column, kind, label: column.label };
}
