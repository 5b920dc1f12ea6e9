import { averagePrecision, trapezoidArea } from "./curves.js";
import type { Plot, PlotKind, Plots } from "./plots.js";

/** One panel of the plots view: a metric/variant, and each run's plot of it at the step shown. */
export interface PlotPanel {
  readonly series: number;
  readonly kind: PlotKind;
  /** Per run that has the series, in the runs' order: its column and its plot. */
  readonly entries: readonly PanelEntry[];
  /** Every step any run plotted the series at, rising. */
  readonly steps: readonly number[];
}

export interface PanelEntry {
  readonly column: number;
  readonly plot: Plot;
  /** The area under a ROC curve, or a PR curve's average precision; null for other kinds. */
  readonly score: number | null;
}

/**
 * Each series' plots merged as ClearML's Plots tab does: per run, the plot at the last step (or
 * at or before `step` when given; a run with none that early keeps its first), runs in column
 * order. `columnOfRun` maps the plots' run index to a column (-1: the run is not shown).
 */
export function plotPanels(plots: Plots, series: readonly number[], columnOfRun: Int32Array, step: number | null = null): PlotPanel[] {
  const bySeries = new Map<number, Plot[]>();
  for (const plot of plots.plots) {
    if (columnOfRun[plot.run] < 0) continue;
    let list = bySeries.get(plot.series);
    if (!list) bySeries.set(plot.series, (list = []));
    list.push(plot);
  }
  return series.flatMap((s) => {
    const list = bySeries.get(s);
    if (!list) return [];
    const chosen = new Map<number, Plot>();
    for (const plot of list) {
      const column = columnOfRun[plot.run];
      const kept = chosen.get(column);
      if (!kept || better(plot, kept, step)) chosen.set(column, plot);
    }
    const entries = [...chosen].sort(([a], [b]) => a - b).map(([column, plot]) => ({ column, plot, score: score(plot) }));
    const steps = [...new Set(list.map((plot) => plot.step))].sort((a, b) => a - b);
    return [{ series: s, kind: plots.kinds[s], entries, steps }];
  });
}

/** Whether `plot` is the one to show over `kept` for the step asked (null: the last; ties: the later row). */
function better(plot: Plot, kept: Plot, step: number | null): boolean {
  const fits = (p: Plot) => step === null || p.step <= step;
  if (fits(plot) !== fits(kept)) return fits(plot);
  if (!fits(plot)) return plot.step < kept.step || (plot.step === kept.step && plot.row > kept.row);
  return plot.step > kept.step || (plot.step === kept.step && plot.row > kept.row);
}

function score(plot: Plot): number | null {
  if (plot.data.shape !== "xy") return null;
  if (plot.kind === "roc") return trapezoidArea(plot.data.x, plot.data.y);
  if (plot.kind === "pr") return averagePrecision(plot.data.x, plot.data.y);
  return null;
}
