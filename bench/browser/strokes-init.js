// Runs before HiPlot's page scripts, after frames-init.js. Counts canvas strokes (HiPlot strokes
// each line on its own, a few hundred per frame) and notes, from a frame loop of its own, the
// first frame that began after the first stroke and after the latest one: the page records
// them itself, so a harness that attaches after HiPlot has drawn still reads when it drew.
(() => {
  const stroke = CanvasRenderingContext2D.prototype.stroke;
  const strokes = (window.__benchStrokes = { count: 0, first: 0, last: 0, firstShown: 0, lastShown: 0 });
  CanvasRenderingContext2D.prototype.stroke = function (...args) {
    strokes.last = performance.now();
    if (strokes.count++ === 0) strokes.first = strokes.last;
    return stroke.apply(this, args);
  };
  let shownFor = 0;
  const tick = (time) => {
    if (strokes.count && shownFor !== strokes.last && strokes.last < time) {
      if (!strokes.firstShown) strokes.firstShown = performance.now();
      strokes.lastShown = performance.now();
      shownFor = strokes.last;
    }
    window.__benchFrame(tick);
  };
  window.__benchFrame(tick);
})();
