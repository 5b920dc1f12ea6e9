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

export interface DrawnLines {
  /** Runs drawn in all. */
  lines: number;
  /** Runs drawn in colour over the faded ones (0 when nothing is emphasised). */
  emphasised: number;
}

/**
 * Draws one polyline per run, one path per colour. With an emphasis mask, the other runs go
 * underneath in the faded colour.
 */
export function drawLines(
  context: CanvasRenderingContext2D,
  layout: Layout,
  colors: RunColors,
  groups: readonly Int32Array[],
  emphasis: Uint8Array | null,
  fadedColor: string,
): DrawnLines {
  context.clearRect(0, 0, layout.width, layout.height);
  const count = colors.paletteIndex.length;
  const strokeColor = (g: number) => (g < colors.palette.length ? colors.palette[g] : colors.missingColor);
  context.lineJoin = "round";
  if (!emphasis) {
    context.globalAlpha = lineAlpha(count);
    context.lineWidth = 1.25;
    groups.forEach((rows, g) => strokeRows(context, layout, rows, () => true, strokeColor(g)));
    context.globalAlpha = 1;
    return { lines: count, emphasised: 0 };
  }
  context.globalAlpha = Math.min(0.5, lineAlpha(count));
  context.lineWidth = 1;
  const faded = strokeRows(context, layout, Int32Array.from({ length: count }, (_, i) => i), (row) => !emphasis[row], fadedColor);
  context.globalAlpha = 0.95;
  context.lineWidth = 2;
  let emphasised = 0;
  groups.forEach((rows, g) => (emphasised += strokeRows(context, layout, rows, (row) => emphasis[row] === 1, strokeColor(g))));
  context.globalAlpha = 1;
  return { lines: faded + emphasised, emphasised };
}

function strokeRows(
  context: CanvasRenderingContext2D,
  layout: Layout,
  rows: Int32Array,
  include: (row: number) => boolean,
  color: string,
): number {
  const d = layout.axes.length;
  const xs = layout.axes.map((axis) => axis.x);
  const ys = layout.ys;
  let drawn = 0;
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
