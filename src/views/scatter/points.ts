import { pathRound } from "d3";
import type { RunColors } from "../../render/color.js";
import { svgElement } from "../../render/svg.js";
import { clipRects, isShown, type Frame } from "./layout.js";
import type { DrawnPoints } from "./index.js";
import type { PlacedPoints } from "./pick.js";

/**
 * Up to this many points are drawn as SVG paths, above it on a canvas. For a few points SVG
 * shows sooner: a canvas costs a backing store to size and a compositor layer to commit, more
 * than the paths' few thousand arcs; for many, the paths' text and their rasterisation cost more.
 */
export const SVG_MAX_POINTS = 1500;
/** Outlines separate overlapping points; with thousands they would only grey the plot. */
const OUTLINE_MAX_POINTS = 2000;
const OUTLINE_WIDTH = 0.75;
/** Decimals of the SVG paths' coordinates: finer than a device pixel at any ratio a screen has. */
const PATH_DIGITS = 2;

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

/** Drawn rows grouped by fill colour, so each colour goes out as one path. */
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

/** Points drawn alike, as one path: the rows inside the view, in their fill colour and opacity. */
interface PointLayer {
  readonly color: string;
  readonly alpha: number;
  readonly rows: number[];
}

/** What a frame draws: the layers in order (with a selection, the others first, faded), and whether points are outlined. */
interface PointLayers {
  readonly layers: PointLayer[];
  readonly outline: boolean;
  readonly drawn: DrawnPoints;
}

function pointLayers(f: Frame, placed: PlacedPoints, groups: Map<string, number[]>, style: PointStyle, emphasis: Uint8Array | null): PointLayers {
  const alpha = pointAlpha(placed.rows.length);
  const shown = (rows: Iterable<number>, include: (row: number) => boolean) => {
    const kept: number[] = [];
    for (const row of rows) if (include(row) && isShown(f, placed.xs[row], placed.ys[row])) kept.push(row);
    return kept;
  };
  const layers: PointLayer[] = [];
  if (emphasis) layers.push({ color: style.faded, alpha: Math.min(0.6, alpha), rows: shown(placed.rows, (row) => !emphasis[row]) });
  const faded = layers[0]?.rows.length ?? 0;
  let emphasised = 0;
  for (const [color, rows] of groups) {
    const layer = { color, alpha, rows: shown(rows, emphasis ? (row) => emphasis[row] === 1 : () => true) };
    emphasised += layer.rows.length;
    layers.push(layer);
  }
  return {
    layers,
    outline: placed.rows.length <= OUTLINE_MAX_POINTS,
    drawn: { points: faded + emphasised, emphasised: emphasis ? emphasised : 0 },
  };
}

/** The part of a canvas context or a d3 path that draws circles. */
interface CirclePath {
  moveTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, start: number, end: number): void;
}

function traceCircles(target: CirclePath, rows: readonly number[], placed: PlacedPoints, radii: Float32Array) {
  for (const row of rows) {
    const x = placed.xs[row];
    const y = placed.ys[row];
    target.moveTo(x + radii[row], y);
    target.arc(x, y, radii[row], 0, 2 * Math.PI);
  }
}

/** What drawing the points needs, whichever way they are drawn. */
export interface PointsToDraw {
  readonly frame: Frame;
  readonly placed: PlacedPoints;
  readonly radii: Float32Array;
  readonly groups: Map<string, number[]>;
  readonly style: PointStyle;
  readonly emphasis: Uint8Array | null;
}

/** Draws the points inside the view on a canvas, clipped to where points show. */
export function drawPointsOnCanvas(context: CanvasRenderingContext2D, points: PointsToDraw): DrawnPoints {
  const { frame: f, placed, radii, groups, style, emphasis } = points;
  const { layers, outline, drawn } = pointLayers(f, placed, groups, style, emphasis);
  context.clearRect(0, 0, f.width, f.height);
  context.save();
  context.beginPath();
  for (const [x, y, width, height] of clipRects(f)) context.rect(x, y, width, height);
  context.clip();
  for (const layer of layers) {
    context.globalAlpha = layer.alpha;
    context.beginPath();
    traceCircles(context, layer.rows, placed, radii);
    context.fillStyle = layer.color;
    context.fill();
    if (outline) {
      context.globalAlpha = 1;
      context.lineWidth = OUTLINE_WIDTH;
      context.strokeStyle = style.background;
      context.stroke();
    }
  }
  context.restore();
  return drawn;
}

/** Clip ids unique in the page, even beside another copy of this module (a notebook's extension and a page's import). */
const CLIP_ID = `rc-scatter-clip-${Math.random().toString(36).slice(2, 8)}-`;
let clipCount = 0;

/**
 * Draws the points inside the view as SVG paths in `group`, one per layer, clipped as on the
 * canvas. The group holds a clip path of its own.
 */
export function drawPointsAsSVG(group: SVGGElement, points: PointsToDraw): DrawnPoints {
  const { frame: f, placed, radii, groups, style, emphasis } = points;
  const { layers, outline, drawn } = pointLayers(f, placed, groups, style, emphasis);
  const id = group.dataset.clip ?? (group.dataset.clip = `${CLIP_ID}${++clipCount}`);
  const clip = pathRound(PATH_DIGITS);
  for (const [x, y, width, height] of clipRects(f)) clip.rect(x, y, width, height);
  const clipPath = svgElement("clipPath", { id });
  clipPath.append(svgElement("path", { d: clip.toString() }));
  const paths = layers.map((layer) => {
    const d = pathRound(PATH_DIGITS);
    traceCircles(d, layer.rows, placed, radii);
    const attributes: Record<string, string | number> = { d: d.toString(), fill: layer.color, "fill-opacity": layer.alpha };
    if (outline) Object.assign(attributes, { stroke: style.background, "stroke-width": OUTLINE_WIDTH });
    return svgElement("path", attributes);
  });
  group.setAttribute("clip-path", `url(#${id})`);
  group.replaceChildren(clipPath, ...paths);
  return drawn;
}
