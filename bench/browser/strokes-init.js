// Runs before HiPlot's page scripts: counts canvas strokes and notes when the first and the last were made.
// HiPlot strokes each line on its own, a few hundred per frame, so the count says how many it drew.
(() => {
  const stroke = CanvasRenderingContext2D.prototype.stroke;
  window.__benchStrokes = { count: 0, first: 0, last: 0 };
  CanvasRenderingContext2D.prototype.stroke = function (...args) {
    const strokes = window.__benchStrokes;
    strokes.last = performance.now();
    if (strokes.count++ === 0) strokes.first = strokes.last;
    return stroke.apply(this, args);
  };
})();
