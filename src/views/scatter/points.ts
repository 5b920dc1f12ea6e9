import type { RunColors } from "../../render/color.js";
import { clipRects, isShown, type Frame } from "./layout.js";
import type { DrawnPoints } from "./index.js";
import type { PlacedPoints } from "./pick.js";

/** How the points look; colours resolved from the theme. */
export interface PointStyle {
  /** Colours by a column, or null to draw every point in `accent`. */
  readonly colors: RunColors | null;
  readonly accent: string;
  readonly faded: string;
  /** The outline that keeps overlapping points apart. */
  readonly background: string;
}

/** Fewer points are drawn solid; many overlapping ones need transparency to show density. */
export function pointAlpha(count: number): number {
  return Math.max(0.3, Math.min(0.9, 1.3 - 0.2 * Math.log10(Math.max(count, 1))));
}

/** A run's fill colour. */
export function pointFill(style: PointStyle): (row: number) => string {
  const { colors, accent } = style;
  if (!colors) return () => accent;
  return (row) => (colors.paletteIndex[row] < 0 ? colors.missingColor : colors.palette[colors.paletteIndex[row]]);
}

/** Drawn rows grouped by fill colour, so each colour goes out as one canvas path. */
export function rowsByFill(rows: Int32Array, fill: (row: number) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const color = fill(row);
    const group = groups.get(color);
    if (group) group.push(row);
    else groups.set(color, [row]);
  }
  return groups;
}

/** Draws the points inside the view; with a selection, the others first, faded. */
export function drawPoints(
  context: CanvasRenderingContext2D,
  f: Frame,
  placed: PlacedPoints,
  radii: Float32Array,
  groups: Map<string, number[]>,
  style: PointStyle,
  emphasis: Uint8Array | null,
): DrawnPoints {
  context.clearRect(0, 0, f.width, f.height);
  context.save();
  context.beginPath();
  for (const [x, y, width, height] of clipRects(f)) context.rect(x, y, width, height);
  context.clip();
  const alpha = pointAlpha(placed.rows.length);
  // Outlines separate overlapping points; with thousands they would only grey the plot.
  const outline = placed.rows.length <= 2000;
  const fill = (rows: Iterable<number>, color: string, include: (row: number) => boolean) => {
    let drawn = 0;
    context.beginPath();
    for (const row of rows) {
      if (!include(row)) continue;
      const x = placed.xs[row];
      const y = placed.ys[row];
      if (!isShown(f, x, y)) continue;
      context.moveTo(x + radii[row], y);
      context.arc(x, y, radii[row], 0, 2 * Math.PI);
      drawn++;
    }
    context.fillStyle = color;
    context.fill();
    if (outline) {
      context.globalAlpha = 1;
      context.lineWidth = 0.75;
      context.strokeStyle = style.background;
      context.stroke();
    }
    return drawn;
  };
  let faded = 0;
  if (emphasis) {
    context.globalAlpha = Math.min(0.6, alpha);
    faded = fill(placed.rows, style.faded, (row) => !emphasis[row]);
  }
  let emphasised = 0;
  for (const [color, rows] of groups) {
    context.globalAlpha = alpha;
    emphasised += fill(rows, color, emphasis ? (row) => emphasis[row] === 1 : () => true);
  }
  context.restore();
  return { points: faded + emphasised, emphasised: emphasis ? emphasised : 0 };
}
