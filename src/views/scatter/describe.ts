import { format } from "d3";
import type { RunColumn, Runs } from "../../data/runs.js";
import type { Channels } from "./channels.js";

const number = format(".6~g");

/** A value as the tooltip shows it: numbers to six significant digits, times in UTC, "–" when missing. */
export function valueText(column: RunColumn, row: number): string {
  if (column.kind === "categorical") return column.values[row] ?? "–";
  const v = column.values[row];
  if (Number.isNaN(v)) return "–";
  if (column.temporal)
    return new Date(v)
      .toISOString()
      .replace("T", " ")
      .replace(/\.000Z$|Z$/, " UTC");
  return number(v);
}

/** A value as CSV holds it: full precision, ISO times, empty when missing. */
export function csvValue(column: RunColumn, row: number): string | null {
  if (column.kind === "categorical") return column.values[row];
  const v = column.values[row];
  if (Number.isNaN(v)) return null;
  return column.temporal ? new Date(v).toISOString() : String(v);
}

/** The columns a run's tooltip lists: x, y, colour, size, then the extra ones, each once. */
export function tooltipColumns(channels: Channels): RunColumn[] {
  const all = [channels.x.column, channels.y.column, channels.color, channels.size, ...channels.tooltip];
  return [...new Set(all.filter((c): c is RunColumn => c !== null))];
}

/** A run's tooltip: its name as the title, then its id (when the name differs) and one row per column. */
export function tooltipContent(runs: Runs, columns: readonly RunColumn[], row: number): { title: string; rows: [string, string][] } {
  const rows: [string, string][] = columns.map((column) => [column.label, valueText(column, row)]);
  if (runs.names[row] !== runs.ids[row]) rows.unshift(["run_id", runs.ids[row]]);
  return { title: runs.names[row], rows };
}
