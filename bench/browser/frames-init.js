// Runs before any page script (Playwright's addInitScript). Counts the animation-frame callbacks
// the page has asked for and not yet run, and notes when the last one ended, so the benchmark can
// tell when a library that draws in chunks, one per frame (Plotly's parcoords), has finished.
// The harness's own frames go through window.__benchFrame and are not counted.
(() => {
  const request = window.requestAnimationFrame.bind(window);
  const cancel = window.cancelAnimationFrame.bind(window);
  const pending = new Set();
  window.requestAnimationFrame = (callback) => {
    const id = request((time) => {
      pending.delete(id);
      callback(time);
      window.__benchLastWorkAt = performance.now();
    });
    pending.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    pending.delete(id);
    cancel(id);
  };
  window.__benchPendingFrames = () => pending.size;
  window.__benchLastWorkAt = 0;
  window.__benchFrame = request;
  document.addEventListener("DOMContentLoaded", () => (window.__benchDOMContentLoaded = performance.now()));
})();
