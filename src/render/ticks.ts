import { format, type Axis, type ScaleContinuousNumeric, type ScaleTime, type Selection } from "d3";
import { isIntegral, type AxisKind } from "../data/axes.js";
import type { RunColumn } from "../data/runs.js";
import { fitText, hoverTitle, textMeasure, type Measure } from "./text.js";

/** How to measure an axis' texts: tick labels and (bolder) titles. */
export interface AxisText {
  readonly tick: Measure;
  readonly title: Measure;
  /** The titles' font size in CSS pixels; NaN or absent where it is not known (the svg not in a page, measures made by hand). */
  readonly titleSize?: number;
}

/**
 * Measures for the texts of axes drawn in `svg`, in the fonts its tick labels and its titles
 * (class rc-axis-label) resolve to: the estimate while the svg is not in a page.
 */
export function axisText(svg: SVGSVGElement): AxisText {
  const probe = (className: string | null) => {
    const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
    if (className) text.setAttribute("class", className);
    svg.append(text);
    return text;
  };
  const tick = probe(null);
  const title = probe("rc-axis-label");
  const measures = {
    tick: textMeasure(tick),
    title: textMeasure(title),
    titleSize: title.isConnected ? Number.parseFloat(getComputedStyle(title).fontSize) : NaN,
  };
  tick.remove();
  title.remove();
  return measures;
}

/** One labelled tick: where it stands (a number, or a category), its text (maybe ""), and the full text when that was shortened. */
export interface Tick {
  readonly value: number | string;
  readonly label: string;
  readonly full: string | null;
  /** The label's width in CSS pixels. */
  readonly width: number;
}

export type NumericScale = ScaleContinuousNumeric<number, number> | ScaleTime<number, number>;

/**
 * Ticks of a numeric axis, about `count` of them, labelled as d3 labels them: whole numbers on
 * integral columns (with thousands separators from 100,000), dates on times, "~g" on log axes (which leave some ticks unlabelled; values
 * below 0.001 in exponent form, 1e-6). Where the widest label is wider than `room`, the labels in
 * the shortest of the compact forms (SI prefixes for whole numbers, 40G; exponents, 4e+10) that
 * tells the ticks apart, each with its full text on hover.
 */
export function numericTicks(axis: { column: RunColumn; kind: AxisKind }, scale: NumericScale, count: number, measure: Measure, room = Infinity): Tick[] {
  const ticks = plainTicks(axis, scale, count, measure);
  if (axis.column.kind === "numeric" && axis.column.temporal) return ticks;
  return widest(ticks) > room ? compactTicks(ticks, scale as ScaleContinuousNumeric<number, number>, count, axis.kind, measure, room) : ticks;
}

function plainTicks({ column, kind }: { column: RunColumn; kind: AxisKind }, scale: NumericScale, count: number, measure: Measure): Tick[] {
  const values = (scale.ticks(count) as (number | Date)[]).map(Number);
  const labelled = (value: number, label: string): Tick => ({ value, label, full: null, width: measure(label) });
  if (column.kind === "numeric" && column.temporal) {
    const formatTime = (scale as ScaleTime<number, number>).tickFormat(count);
    return values.map((value) => labelled(value, formatTime(new Date(value))));
  }
  const numeric = scale as ScaleContinuousNumeric<number, number>;
  if (kind === "log") {
    // Small powers in exponent form, as d3 writes large ones: 1e-6, not 0.000001.
    const formatLog = numeric.tickFormat(count, "~g");
    const small = format("~e");
    return values.map((value) => {
      const label = formatLog(value);
      return labelled(value, label && Math.abs(value) < 1e-3 ? small(value) : label);
    });
  }
  if (column.kind === "numeric" && isIntegral(column.values)) {
    const whole = values.filter(Number.isInteger);
    // Thousands separated from 100,000 up (40,000,000,000); years, seeds and epochs stay as written.
    const formatWhole = format(Math.max(...whole.map(Math.abs)) >= 1e5 ? ",d" : "d");
    if (whole.length >= 2) return whole.map((value) => labelled(value, formatWhole(value)));
  }
  const formatNumber = numeric.tickFormat(count);
  return values.map((value) => labelled(value, formatNumber(value)));
}

const widest = (ticks: readonly Tick[]) => Math.max(0, ...ticks.map((tick) => tick.width));

/**
 * The ticks relabelled in the first compact form whose labels fit `room` and stay apart (two
 * ticks never read the same), else the narrowest of those forms and the plain labels. SI
 * prefixes only where every tick is whole (0.5 as "500m" would mislead); d3 picks each form's
 * precision from the ticks' step. Unlabelled ticks of a log axis stay unlabelled.
 */
function compactTicks(ticks: Tick[], scale: ScaleContinuousNumeric<number, number>, count: number, kind: AxisKind, measure: Measure, room: number): Tick[] {
  const whole = ticks.every((tick) => Number.isInteger(tick.value));
  const log = kind === "log";
  const forms = [whole ? "~s" : null, "~e"].filter((form): form is string => form !== null).map((form) => (log ? format(form) : scale.tickFormat(count, form)));
  const candidates = forms.map((form) =>
    ticks.map((tick): Tick => {
      // d3 gives every tick the prefix of the largest ("0G"): zero is 0 in any unit.
      const label = tick.label && (tick.value === 0 ? "0" : form(tick.value as number));
      return label === tick.label ? tick : { ...tick, label, full: tick.label, width: measure(label) };
    }),
  );
  const distinct = candidates.filter((labels) => new Set(labels.map((tick) => tick.label).filter(Boolean)).size === labels.filter((tick) => tick.label).length);
  return distinct.find((labels) => widest(labels) <= room) ?? [ticks, ...distinct].reduce((best, labels) => (widest(labels) < widest(best) ? labels : best));
}

/** A tick whose text is fitted into `room` pixels: shortened with "…" if need be, the full text then kept for hover. */
export function fittedTick(value: number | string, text: string, room: number, measure: Measure, full: string | null = null): Tick {
  const fitted = fitText(text, room, measure);
  return { value, label: fitted.lines[0], full: fitted.shortened ? (full ?? text) : full, width: fitted.width };
}

/**
 * The ticks, with the labels that would come within `gap` of the label before them left blank
 * (the tick stays); `extent` is a label's size along the axis (its width on x, its height on y).
 */
export function spacedLabels(ticks: readonly Tick[], position: (value: number | string) => number, extent: (tick: Tick) => number, gap: number): Tick[] {
  let lastEnd = -Infinity;
  return [...ticks]
    .map((tick) => ({ tick, at: position(tick.value) }))
    .sort((a, b) => a.at - b.at)
    .map(({ tick, at }) => {
      if (!tick.label) return tick;
      const half = extent(tick) / 2;
      if (at - half < lastEnd + gap) return { ...tick, label: "", full: null };
      lastEnd = at + half;
      return tick;
    });
}

/** Draws a d3 axis with exactly these ticks, and their full texts on hover where shortened. */
export function drawTicks(group: Selection<SVGGElement, unknown, null, undefined>, generator: Axis<number | string>, ticks: readonly Tick[]) {
  const byValue = new Map(ticks.map((tick) => [tick.value, tick]));
  group.call(generator.tickValues(ticks.map((tick) => tick.value)).tickFormat((value) => byValue.get(value)!.label));
  group.selectAll<SVGTextElement, number | string>(".tick text").each(function (value) {
    const full = byValue.get(value)?.full;
    if (full) hoverTitle(this, full);
  });
}
