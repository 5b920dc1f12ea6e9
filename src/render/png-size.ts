import { thousands } from "../data/thousands.js";

/**
 * The largest PNG runcompare writes: Chromium's largest canvas, 32,767 pixels a side and 268
 * million in all (a larger one encodes to nothing). The headless renderer keeps to it as well, so
 * a figure saves alike from the toolbar and from w.save().
 */
const MAX_SIDE = 32_767;
const MAX_AREA = 268_435_456;

/**
 * The scale to draw a `width` × `height` figure (CSS pixels) at in a PNG: `wanted`, or less where
 * that would pass the largest PNG; a figure too large for one at its own size (the rows of 150,000
 * runs) is refused in words.
 */
export function pngScale(width: number, height: number, wanted: number): number {
  const scale = Math.min(wanted, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  if (scale < 1) {
    const size = `${thousands(Math.round(width))} × ${thousands(Math.round(height))} pixels`;
    throw new Error(`the view is ${size}, larger than a PNG can be drawn (${thousands(MAX_SIDE)} pixels a side): save it as SVG or CSV`);
  }
  return scale;
}
