/** The samples grid's sizes in CSS pixels: a column per run, a row per metric/variant. */
export const LABEL_WIDTH = 150;
export const HEADER_HEIGHT = 30;
/** The step controls above a sample and the caption under it, with the cell's padding. */
const CONTROLS = 24;
const CAPTION = 18;
const PADDING = 12;
/** Cells are never narrower than their step controls need. */
const MIN_WIDTH = 150;

export function cellSize(size: number): { width: number; height: number } {
  return { width: Math.max(size, MIN_WIDTH - PADDING) + PADDING, height: CONTROLS + size + CAPTION + PADDING };
}

/** The first and past-the-last indices of cells of `length` pixels in view from `offset` over `extent` pixels, one more either side. */
export function visibleRange(offset: number, extent: number, length: number, count: number): [number, number] {
  const first = Math.max(0, Math.floor(offset / length) - 1);
  const end = Math.min(count, Math.ceil((offset + extent) / length) + 1);
  return [first, Math.max(first, end)];
}
