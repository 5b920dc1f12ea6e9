import { max, scaleLinear, scaleLog, scalePoint, scaleUtc, type ScaleLinear, type ScaleLogarithmic, type ScalePoint, type ScaleTime } from "d3";
import { finiteExtent, isMissingOn } from "../../data/axes.js";
import { fitText, type FittedText, type Measure } from "../../render/text.js";
import { fittedTick, numericTicks, type AxisText, type Tick } from "../../render/ticks.js";
import { shownCategories, type ShownCategories } from "./categories.js";
import type { Dimension } from "./dimensions.js";

/** Room above the axes for two lines of title, and below them for the missing slot and the buttons. */
export const MARGIN = { top: 44, bottom: 44 };
/** Gap between an axis' bottom and the slot where runs missing that value are drawn. */
const MISSING_GAP = 22;
export const TITLE_LINE_HEIGHT = 13;
const TITLE_LINES = 2;
/** Space kept free between two axes' titles. */
const TITLE_GAP = 10;
/** Categories stand at least this far apart, so their labels do not touch. */
const CATEGORY_SPACING = 14;
/** From an axis to its tick labels' right end: d3's tick (6) and padding (3). */
const TICK_REACH = 9;
/** Space kept free between an axis' tick labels and the axis on their left. */
const LABEL_GAP = 6;
/**
 * Numbers take at most this share of the room between two axes, wider ones written shorter (40G,
 * 4e+10, the full number on hover): labels that fill the gap read as the next axis' labels.
 */
const NUMBER_SHARE = 0.55;
/** The "missing" label starts this far right of its axis. */
export const MISSING_LABEL_X = 7;
export const MISSING_LABEL = "missing";
/** Half the row of buttons under an axis (⇅, log, ✕). */
export const ACTIONS_HALF_WIDTH = 27;
/** Axes never stand closer than this: the buttons of two neighbours need it. */
const MIN_SPACING = 2 * ACTIONS_HALF_WIDTH + 6;
/** How far apart axes stand when the view chooses how many to show: labels of any axis fit. */
export const COMFORTABLE_SPACING = 100;
/**
 * A category's label may be from 45 to 160 pixels wide, as the room between axes allows (45 fits
 * between the closest axes, 80 the spacing the view chooses axes by); longer ones are shortened,
 * in full on hover. Below 80 only when that spares scrolling sideways.
 */
const CATEGORY_LABEL_RANGE = [MIN_SPACING - TICK_REACH - LABEL_GAP, COMFORTABLE_SPACING - 20, 160] as const;
/** Room at either end of the chart beyond the outer axes, at the least. */
const EDGE = 24;

export type AxisScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number> | ScaleTime<number, number> | ScalePoint<string>;

export interface PlacedAxis {
  readonly dimension: Dimension;
  readonly x: number;
  readonly scale: AxisScale;
  readonly hasMissing: boolean;
  readonly ticks: readonly Tick[];
  /** The title as drawn above the axis: one or two lines, shortened if even two do not hold it. */
  readonly title: FittedText;
  /** On a categorical axis, the categories with a place of their own (the rest share its `other` slot). */
  readonly categories: ShownCategories | null;
}

/** Where every axis stands and where every run crosses it. */
export interface Layout {
  /** The chart's width: the view's, or more when its axes need more room (the chart then scrolls sideways). */
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly bottom: number;
  readonly missingY: number;
  readonly axes: readonly PlacedAxis[];
  /** ys[row * axes.length + axis]: the y where a run crosses an axis (the missing slot if it has no value). */
  readonly ys: Float32Array;
}

/** How many axes a chart `width` wide shows with room for any axis' labels. */
export function axesThatFit(width: number): number {
  return Math.max(2, Math.floor((width - 2 * EDGE) / COMFORTABLE_SPACING) + 1);
}

/** The title text of an axis: its label, and an arrow when it is upside down. */
export function titleText(dimension: Dimension): string {
  return dimension.label + (dimension.inverted ? " ↓" : "");
}

/**
 * Axes spread over `width`, no closer than their tick labels, "missing" labels and buttons
 * need (the chart is then wider than `width`); titles wrapped or shortened to the room between
 * axes; the outer axes far enough in for their labels and titles.
 */
export function layOut(dimensions: readonly Dimension[], count: number, width: number, height: number, text: AxisText): Layout {
  const top = MARGIN.top;
  const missingY = height - MARGIN.bottom;
  const bottom = missingY - MISSING_GAP;
  const places = Math.max(2, Math.floor((bottom - top) / CATEGORY_SPACING));
  const tickCount = Math.max(2, Math.floor((bottom - top) / 36));
  const rough = dimensions.length > 1 ? (width - 2 * EDGE) / (dimensions.length - 1) : width;
  const numberRoom = Math.max(MIN_SPACING, rough) * NUMBER_SHARE;
  const axes = dimensions.map((dimension) => {
    const range: [number, number] = dimension.inverted ? [top, bottom] : [bottom, top];
    const categories = dimension.column.kind === "categorical" ? shownCategories(dimension.column, places) : null;
    const scale = categories ? scalePoint(categories.domain, range).padding(0.5) : numericScale(dimension, range);
    const ticks = categories ? [] : numericTicks(dimension, scale as ScaleLinear<number, number>, tickCount, text.tick, numberRoom);
    return { dimension, scale, ticks, categories, hasMissing: anyMissing(dimension, count) };
  });
  // Category labels as wide as the room between axes allows: narrower until the axes fit the width;
  // when they never do, the chart scrolls, and its labels keep a comfortable room.
  const [least, comfortable, most] = CATEGORY_LABEL_RANGE;
  const withLabels = (room: number) =>
    spread(
      axes.map((axis) => (axis.categories ? { ...axis, ticks: categoryTicks(axis.categories, room, text.tick) } : axis)),
      width,
      text,
    );
  let room = Math.min(most, Math.max(least, rough - 24));
  let { placed, chartWidth } = withLabels(room);
  while (chartWidth > width) {
    if (room === least) {
      ({ placed, chartWidth } = withLabels(comfortable));
      break;
    }
    room = Math.max(least, Math.floor(room * 0.8));
    ({ placed, chartWidth } = withLabels(room));
  }
  const ys = new Float32Array(count * placed.length);
  placed.forEach((axis, a) => placeRuns(axis, count, missingY, ys, a, placed.length));
  return { width: chartWidth, height, top, bottom, missingY, axes: placed, ys };
}

/**
 * Where the axes stand: evenly over `width`, or further apart when their labels need it (the
 * chart then is wider); the outer ones in by their labels and half their titles; the titles
 * fitted to the room between axes.
 */
function spread(axes: readonly Omit<PlacedAxis, "x" | "title">[], width: number, text: AxisText): { placed: PlacedAxis[]; chartWidth: number } {
  const n = axes.length;
  const tickReach = axes.map((axis) => TICK_REACH + Math.max(0, ...axis.ticks.map((tick) => tick.width)));
  const missingReach = axes.map((axis) => (axis.hasMissing ? MISSING_LABEL_X + text.tick(MISSING_LABEL) : 0));
  const minSpacing = Math.max(MIN_SPACING, (max(tickReach.slice(1)) ?? 0) + LABEL_GAP, (max(missingReach) ?? 0) + 8);
  const titles = axes.map((axis) => titleText(axis.dimension));

  // The titles fit the spacing, which the outer titles' margins change: two rounds settle it,
  // the last fitting titles to the final room.
  const leftLabels = Math.max(EDGE, tickReach[0] + 2);
  const rightLabels = Math.max(EDGE, ACTIONS_HALF_WIDTH + 2, missingReach[n - 1] + 4);
  let left = leftLabels;
  let right = rightLabels;
  let spacing = 0;
  let fitted: FittedText[] = [];
  for (let round = 0; round < 2; round++) {
    spacing = n > 1 ? Math.max(minSpacing, (width - left - right) / (n - 1)) : 0;
    const room = n > 1 ? spacing - TITLE_GAP : width - 2 * EDGE;
    fitted = titles.map((title) => fitText(title, room, text.title, TITLE_LINES));
    left = Math.max(leftLabels, fitted[0].width / 2 + 2);
    right = Math.max(rightLabels, fitted[n - 1].width / 2 + 2);
  }
  if (n > 1) {
    spacing = Math.max(minSpacing, (width - left - right) / (n - 1));
    const room = spacing - TITLE_GAP;
    fitted = titles.map((title, i) => {
      const edge = i === 0 ? left : i === n - 1 ? right : Infinity;
      return fitText(title, Math.min(room, 2 * (edge - 2)), text.title, TITLE_LINES);
    });
  }
  const chartWidth = n > 1 ? Math.max(width, Math.ceil(left + right + spacing * (n - 1))) : width;
  const placed = axes.map((axis, i): PlacedAxis => ({ ...axis, x: n > 1 ? left + i * spacing : width / 2, title: fitted[i] }));
  return { placed, chartWidth };
}

/** A categorical axis' ticks: every shown category, and the slot of the rest, "other (N)". */
function categoryTicks(shown: ShownCategories, room: number, measure: Measure): Tick[] {
  return shown.domain.map((category) =>
    category === shown.other
      ? fittedTick(category, `other (${shown.folded})`, room, measure, `${shown.folded} less frequent values`)
      : fittedTick(category, category, room, measure),
  );
}

function anyMissing({ column, kind }: Dimension, count: number): boolean {
  for (let row = 0; row < count; row++) if (isMissingOn(column, kind, row)) return true;
  return false;
}

function numericScale({ column, kind }: Dimension, range: [number, number]): AxisScale {
  if (column.kind !== "numeric") throw new Error("a categorical column has no numeric scale");
  const extent = (kind === "log" ? positiveExtent(column.values) : finiteExtent(column.values)) ?? [1, 10];
  if (kind === "log") return scaleLog(extent, range).nice();
  const [lo, hi] = extent;
  // A column with one value still gets an axis, with that value in the middle.
  const domain: [number, number] = lo === hi ? [lo - (Math.abs(lo) || 1), hi + (Math.abs(hi) || 1)] : [lo, hi];
  return column.temporal ? scaleUtc(domain, range).nice() : scaleLinear(domain, range).nice();
}

/** Finite positive values' [min, max] (a log axis' extent), or undefined when there are none. */
function positiveExtent(values: Float64Array): [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > 0) || v === Infinity) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : undefined;
}

/** Writes where every run crosses one axis into ys[row * stride + offset]. */
function placeRuns(axis: PlacedAxis, count: number, missingY: number, ys: Float32Array, offset: number, stride: number) {
  const { column, kind } = axis.dimension;
  if (column.kind === "categorical") {
    const scale = axis.scale as ScalePoint<string>;
    const otherY = scale(axis.categories!.other) ?? missingY;
    const yOf = new Map(column.categories.map((category) => [category, axis.categories!.has(category) ? scale(category)! : otherY]));
    for (let row = 0; row < count; row++) {
      const v = column.values[row];
      ys[row * stride + offset] = v === null ? missingY : yOf.get(v)!;
    }
    return;
  }
  const y = numericPosition(axis.scale as ScaleLinear<number, number>, kind === "log");
  const values = column.values;
  for (let row = 0; row < count; row++) {
    const v = values[row];
    ys[row * stride + offset] = !Number.isFinite(v) || (kind === "log" && v <= 0) ? missingY : y(v);
  }
}

/**
 * A numeric scale's own arithmetic (d3's continuous scale: the value, through the log for a log
 * axis, normalised in the domain, then interpolated in the range) without the scale's wrapping
 * calls per value: the same numbers, several times faster over 100,000 runs.
 */
function numericPosition(scale: ScaleLinear<number, number>, log: boolean): (v: number) => number {
  const transform = log ? Math.log : (v: number) => v;
  // Number(): a time scale's domain holds Dates.
  const [d0, d1] = scale.domain().map((v) => transform(Number(v)));
  const [r0, r1] = scale.range();
  if (d1 < d0 || !(d1 - d0)) return (v) => scale(v);
  return (v) => {
    const t = (transform(v) - d0) / (d1 - d0);
    return r0 * (1 - t) + r1 * t;
  };
}
