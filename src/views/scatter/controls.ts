import type { Runs } from "../../data/runs.js";
import { parseSummarySpec, SUMMARIES } from "../../data/summaries.js";
import { picker, toggleGroup } from "../../render/controls.js";
import type { ChannelChoice, Channels } from "./channels.js";

/** A summary column's name, "loss/validation (min)", split into its series and summary. */
const SUMMARY_NAME = /^(.*) \((last|min|max)\)$/s;

/**
 * The toolbar's pickers: x, y (with LAST / MIN / MAX when y is a series of the scalars) and
 * colour. Each change asks the view to redraw with that option.
 */
export function scatterControls(runs: Runs, series: readonly string[], channels: Channels, change: (choice: ChannelChoice) => void): HTMLElement[] {
  const runsColumns = runs.columns.map((c) => c.name);
  const yName = channels.y.column.name;
  const fromScalars = !runs.columns.includes(channels.y.column) ? SUMMARY_NAME.exec(yName) : null;
  const ySeries = fromScalars ? fromScalars[1] : yName;
  const summary = fromScalars ? fromScalars[2] : "last";
  // Numbers first, as y is mostly a metric; categories too, which y can show as x does.
  const byKind = [...runs.columns].sort((a, b) => Number(a.kind !== "numeric") - Number(b.kind !== "numeric")).map((c) => c.name);
  const yChoices = [...byKind, ...series.filter((key) => !runsColumns.includes(key))];
  const controls: HTMLElement[] = [
    picker("x", runsColumns, channels.x.column.name, (x) => change({ x })),
    picker("y", yChoices, ySeries, (y) => change({ y: series.includes(y) && !runsColumns.includes(y) ? `${y}:${summary}` : y })),
  ];
  if (series.length) {
    controls.push(toggleGroup("summary of y", SUMMARIES, summary, (s) => change({ y: `${parseSummarySpec(ySeries).series}:${s}` }), !!fromScalars));
  }
  controls.push(picker("colour", runsColumns, channels.color?.name ?? "", (color) => change({ color: color || null }), "none"));
  return controls;
}
