import type { Layout } from "./layout.js";

/** Fewer runs get bolder lines; many overlapping runs need transparency to show density. */
export function lineAlpha(count: number): number {
  return Math.max(0.08, Math.min(0.85, 1.3 - 0.25 * Math.log10(Math.max(count, 1))));
}

export function clear(context: CanvasRenderingContext2D, layout: Layout) {
  context.clearRect(0, 0, layout.width, layout.height);
}

/** One run, outlined so it stands out over any colour: the hovered or soloed line, over what is drawn. */
export function drawOutlined(context: CanvasRenderingContext2D, layout: Layout, row: number, color: string, outline: string) {
  const path = runPath(layout, row);
  context.lineJoin = "round";
  for (const [width, style] of [
    [5, outline],
    [2.5, color],
  ] as const) {
    context.lineWidth = width;
    context.strokeStyle = style;
    context.stroke(path);
  }
}

/** How far the veil over the other lines dims them while a run is hovered. */
const VEIL_OPACITY = 0.6;

/**
 * The hovered run, so that it stands out in any theme: the other lines dimmed under a veil of
 * the background, then the run in its colour with an outline of the text colour, and a dot
 * where it crosses each axis.
 */
export function drawHovered(context: CanvasRenderingContext2D, layout: Layout, row: number, color: string, theme: { background: string; foreground: string }) {
  context.globalAlpha = VEIL_OPACITY;
  context.fillStyle = theme.background;
  context.fillRect(0, 0, layout.width, layout.height);
  context.globalAlpha = 1;
  drawOutlined(context, layout, row, color, theme.foreground);
  const d = layout.axes.length;
  context.fillStyle = color;
  context.strokeStyle = theme.foreground;
  context.lineWidth = 1.5;
  layout.axes.forEach((axis, a) => {
    context.beginPath();
    context.arc(axis.x, layout.ys[row * d + a], 4, 0, 2 * Math.PI);
    context.fill();
    context.stroke();
  });
}

function runPath(layout: Layout, row: number): Path2D {
  const d = layout.axes.length;
  const xs = layout.axes.map((axis) => axis.x);
  const ys = layout.ys.subarray(row * d, (row + 1) * d);
  const path = new Path2D();
  if (d === 1) {
    path.moveTo(xs[0] - 10, ys[0]);
    path.lineTo(xs[0] + 10, ys[0]);
  } else {
    path.moveTo(xs[0], ys[0]);
    for (let a = 1; a < d; a++) path.lineTo(xs[a], ys[a]);
  }
  return path;
}
