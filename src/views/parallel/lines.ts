import type { RunColors } from "../../render/color.js";
import type { Layout } from "./layout.js";

/** Rows grouped by palette colour, the last group holding rows with no colour value. */
export function rowsByColor(colors: RunColors): Int32Array[] {
  const groups: number[][] = Array.from({ length: colors.palette.length + 1 }, () => []);
  colors.paletteIndex.forEach((index, row) => groups[index < 0 ? colors.palette.length : index].push(row));
  return groups.map((rows) => Int32Array.from(rows));
}

/** Fewer runs get bolder lines; many overlapping runs need transparency to show density. */
export function lineAlpha(count: number): number {
  return Math.max(0.08, Math.min(0.85, 1.3 - 0.25 * Math.log10(Math.max(count, 1))));
}

export function clear(context: CanvasRenderingContext2D, layout: Layout) {
  context.clearRect(0, 0, layout.width, layout.height);
}

/**
 * Every shown run in the faded colour, in one path. It changes only with the layout or the
 * hidden runs, so brushing redraws just the coloured runs on top of it.
 */
export function drawFaded(context: CanvasRenderingContext2D, layout: Layout, shown: (row: number) => boolean, count: number, color: string): number {
  clear(context, layout);
  context.globalAlpha = Math.min(0.5, lineAlpha(count));
  context.lineWidth = 1;
  const drawn = strokeRows(context, layout, allRows(count), shown, color);
  context.globalAlpha = 1;
  return drawn;
}

/** The runs that pass `include`, in their colours, one path per colour. */
export function drawColored(
  context: CanvasRenderingContext2D,
  layout: Layout,
  colors: RunColors,
  groups: readonly Int32Array[],
  include: (row: number) => boolean,
  emphasised: boolean,
  total: number,
): number {
  clear(context, layout);
  context.globalAlpha = emphasised ? Math.min(0.95, lineAlpha(total) + 0.35) : lineAlpha(total);
  context.lineWidth = emphasised ? 2 : 1.25;
  let drawn = 0;
  groups.forEach((rows, g) => {
    const color = g < colors.palette.length ? colors.palette[g] : colors.missingColor;
    drawn += strokeRows(context, layout, rows, include, color);
  });
  context.globalAlpha = 1;
  return drawn;
}

/** One run, outlined so it stands out over any colour: the hovered or soloed line. */
export function drawOutlined(context: CanvasRenderingContext2D, layout: Layout, row: number, color: string, outline: string) {
  clear(context, layout);
  const only = Int32Array.of(row);
  context.lineWidth = 5;
  strokeRows(context, layout, only, () => true, outline);
  context.lineWidth = 2.5;
  strokeRows(context, layout, only, () => true, color);
}

function allRows(count: number): Int32Array {
  return Int32Array.from({ length: count }, (_, i) => i);
}

function strokeRows(context: CanvasRenderingContext2D, layout: Layout, rows: Int32Array, include: (row: number) => boolean, color: string): number {
  const d = layout.axes.length;
  const xs = layout.axes.map((axis) => axis.x);
  const ys = layout.ys;
  let drawn = 0;
  context.lineJoin = "round";
  context.beginPath();
  for (const row of rows) {
    if (!include(row)) continue;
    const base = row * d;
    if (d === 1) {
      context.moveTo(xs[0] - 10, ys[base]);
      context.lineTo(xs[0] + 10, ys[base]);
    } else {
      context.moveTo(xs[0], ys[base]);
      for (let a = 1; a < d; a++) context.lineTo(xs[a], ys[base + a]);
    }
    drawn++;
  }
  context.strokeStyle = color;
  context.stroke();
  return drawn;
}
