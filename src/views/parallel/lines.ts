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
  const { path, drawn } = linesPath(layout, allRows(count), shown);
  strokeThin(context, path, 1, color);
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
  let drawn = 0;
  groups.forEach((rows, g) => {
    const lines = linesPath(layout, rows, include);
    if (!lines.drawn) return;
    strokeThin(context, lines.path, emphasised ? 2 : 1.25, g < colors.palette.length ? colors.palette[g] : colors.missingColor);
    drawn += lines.drawn;
  });
  context.globalAlpha = 1;
  return drawn;
}

/** One run, outlined so it stands out over any colour: the hovered or soloed line. */
export function drawOutlined(context: CanvasRenderingContext2D, layout: Layout, row: number, color: string, outline: string) {
  clear(context, layout);
  const { path } = linesPath(layout, Int32Array.of(row), () => true);
  context.lineJoin = "round";
  for (const [width, style] of [[5, outline], [2.5, color]] as const) {
    context.lineWidth = width;
    context.strokeStyle = style;
    context.stroke(path);
  }
}

function allRows(count: number): Int32Array {
  return Int32Array.from({ length: count }, (_, i) => i);
}

/** The lines of the rows that pass `include`, in one path, and how many there are. */
function linesPath(layout: Layout, rows: Int32Array, include: (row: number) => boolean): { path: Path2D; drawn: number } {
  const d = layout.axes.length;
  const xs = layout.axes.map((axis) => axis.x);
  const ys = layout.ys;
  const path = new Path2D();
  let drawn = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!include(row)) continue;
    const base = row * d;
    if (d === 1) {
      path.moveTo(xs[0] - 10, ys[base]);
      path.lineTo(xs[0] + 10, ys[base]);
    } else {
      path.moveTo(xs[0], ys[base]);
      for (let a = 1; a < d; a++) path.lineTo(xs[a], ys[base + a]);
    }
    drawn++;
  }
  return { path, drawn };
}

/**
 * Strokes many lines `width` CSS pixels wide as hairlines (one device pixel wide), stacked one
 * device pixel apart. Chrome's canvas draws a hairline segment by segment; a wider stroke it
 * outlines and fills as one shape, which for thousands of crossing lines means thousands of
 * edges on every scanline: 20 to 50 times slower.
 */
function strokeThin(context: CanvasRenderingContext2D, path: Path2D, width: number, color: string) {
  const ratio = context.getTransform().a || 1; // device pixels per CSS pixel, as sizeCanvas scaled it
  const count = Math.max(1, Math.round(width * ratio));
  context.lineWidth = 1 / ratio;
  context.strokeStyle = color;
  for (let i = 0; i < count; i++) {
    context.save();
    context.translate(0, (i - (count - 1) / 2) / ratio);
    context.stroke(path);
    context.restore();
  }
}
