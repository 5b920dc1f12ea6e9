/**
 * The run columns to put in the DOM: those in the scrolled viewport plus a few either side, so
 * a thousand runs cost no more than the dozen on screen. [first, end) column indices.
 */
export function visibleColumns(scrollLeft: number, viewportWidth: number, columnWidth: number, count: number, overscan = 4): [number, number] {
  const first = Math.max(0, Math.floor(scrollLeft / columnWidth) - overscan);
  const end = Math.min(count, Math.ceil((scrollLeft + viewportWidth) / columnWidth) + overscan);
  return [first, Math.max(first, end)];
}
