import { byPresence, defaultAxisKind, varies, type AxisKind } from "../../data/axes.js";
import { RunsDataError, listNames, messages, quote } from "../../data/errors.js";
import type { ColumnResolver } from "../../data/resolve.js";
import type { RunColumn, Runs } from "../../data/runs.js";

/** One vertical axis: a column, how it is scaled, and whether high values are at the bottom. */
export interface Dimension {
  readonly column: RunColumn;
  readonly kind: AxisKind;
  readonly label: string;
  readonly inverted: boolean;
}

export interface DimensionChoice {
  /**
   * Column names or keys; null or undefined for the params that vary between runs, as many as
   * the width shows (the others can be added from the view's axis picker).
   */
  params?: readonly string[] | null;
  /**
   * Metrics columns, or series of the scalars with :last, :min or :max ("loss/validation:min");
   * null or undefined for the metrics.* columns (else every series' last value), those with the
   * most values first, as many as the width leaves room for.
   */
  metrics?: readonly string[] | null;
}

/** The axes, and what was left off and why, for the view's note. */
export interface ChosenAxes {
  readonly dimensions: Dimension[];
  /** Params with one value in every run, left off by default. */
  readonly constant: readonly RunColumn[];
  /** Params and metrics that vary but found no room, counted against all that could show. */
  readonly params: { readonly shown: number; readonly of: number };
  readonly metrics: { readonly shown: number; readonly of: number };
  /** Axes asked for beyond MAX_AXES, left off. */
  readonly beyondMax: number;
}

/** More axes than this would make a chart too wide to draw (each needs some 60 to 100 pixels). */
export const MAX_AXES = 60;
/** A categorical param with more values than this says little on an axis: shown after the others. */
const MANY_CATEGORIES = 20;

/**
 * The axes, params first then metrics, each column once. Left to the view, params are those that
 * vary and metrics those reported by the most runs, both as many as `room` axes hold (a third of
 * them at least for metrics).
 */
export function chooseDimensions(runs: Runs, columns: ColumnResolver, choice: DimensionChoice, room = Infinity): ChosenAxes {
  const allParams = runs.columns.filter((c) => c.role === "param");
  const varying = allParams.filter((c) => varies(c));
  // When no param varies (a single run, say), they all show: there is nothing else to see.
  const candidates = choice.params == null ? (varying.length ? varying : allParams) : choice.params.map(columns.resolve);
  const constant = choice.params == null && varying.length ? allParams.filter((c) => !varying.includes(c)) : [];
  const metricCandidates = choice.metrics == null ? defaultMetrics(runs, columns) : choice.metrics.map(columns.resolve);

  const metricRoom = choice.metrics == null ? Math.max(1, Math.ceil(room / 3), room - candidates.length) : Infinity;
  const metrics = choice.metrics == null ? byPresence(metricCandidates).slice(0, metricRoom) : metricCandidates;
  const paramRoom = choice.params == null ? Math.max(1, room - metrics.length) : Infinity;
  const params = choice.params == null ? inTableOrder(byUsefulness(candidates).slice(0, paramRoom), candidates) : candidates;

  const chosen = [...new Set([...params, ...inTableOrder(metrics, metricCandidates)])];
  if (chosen.length === 0) throw new RunsDataError(messages.nothingToPlot());
  const dimensions = chosen.slice(0, MAX_AXES).map(dimensionOf);
  return {
    dimensions,
    constant,
    params: { shown: params.length, of: candidates.length },
    metrics: { shown: metrics.length, of: metricCandidates.length },
    beyondMax: chosen.length - dimensions.length,
  };
}

export function dimensionOf(column: RunColumn): Dimension {
  return { column, kind: defaultAxisKind(column), label: column.label, inverted: false };
}

/** What the view says about the axes it left off: a line of text, and a longer text for its hover title. */
export function axesNote(chosen: ChosenAxes, valueText: (column: RunColumn, row: number) => string): { text: string; details: string } | null {
  const parts: string[] = [];
  const { params, metrics, constant, beyondMax } = chosen;
  const counted = (shown: number, of: number, noun: string) => (shown < of ? `${shown} of ${of} ${noun}` : "");
  const shown = [counted(params.shown, params.of, "params that vary"), counted(metrics.shown, metrics.of, "metrics")].filter(Boolean);
  if (shown.length) parts.push(`Showing ${shown.join(" and ")}: choose others under "Axes".`);
  if (constant.length) {
    const one = constant.length === 1;
    parts.push(
      `${constant.length} ${one ? "param has" : "params have"} one value in every run and ${one ? "is" : "are"} left out: ${listNames(constant.map((c) => quote(c.label)))}.`,
    );
  }
  if (beyondMax) parts.push(`${beyondMax} more axes than the ${MAX_AXES} a chart can hold are left out.`);
  if (!parts.length) return null;
  const details = constant.map((c) => `${c.label} = ${valueText(c, 0)}`).join("\n");
  return { text: parts.join(" "), details };
}

function defaultMetrics(runs: Runs, columns: ColumnResolver): RunColumn[] {
  const fromRuns = runs.columns.filter((c) => c.role === "metric");
  return fromRuns.length ? fromRuns : columns.scalarSummaries();
}

/** Params worth an axis first: numbers and categories with few values, then by how many runs have them. */
function byUsefulness(columns: readonly RunColumn[]): RunColumn[] {
  const crowded = (c: RunColumn) => (c.kind === "categorical" && c.categories.length > MANY_CATEGORIES ? 1 : 0);
  return byPresence(columns).sort((a, b) => crowded(a) - crowded(b));
}

function inTableOrder(chosen: readonly RunColumn[], order: readonly RunColumn[]): RunColumn[] {
  const kept = new Set(chosen);
  return order.filter((c) => kept.has(c));
}
