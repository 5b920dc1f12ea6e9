// Merged by `jupyter labextension build` (@jupyter/builder, rspack) into the extension's build.
//
// Every script starts with Chromium's compile hint (compile-hint.cjs). A view's first drawing
// calls hundreds of functions once each (Arrow's reader, the bounds checks, d3, the view's own);
// compiling them then, on the main thread, was a third of its time. JupyterLab loads the
// extension when it starts, long before a cell makes a view, so the hint moves that work out of
// the wait for the view. The widget module (sent over the comm) and the ES module bundle are not
// hinted: they load when the first view is asked for, and compiling all of their code then took
// longer than the first view saves (bench/import.mjs, docs/BENCHMARKS.md).
const rspack = require("@rspack/core");
const COMPILE_HINT = require("./compile-hint.cjs");

const compileHint = new rspack.BannerPlugin({
  banner: COMPILE_HINT,
  raw: true,
  // The chunks are named "534.<hash>.js?v=<hash>"; the banner goes in after minifying (which
  // drops comments) and before the content hashes are taken.
  test: /\.js($|\?)/,
  stage: rspack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1,
});

module.exports = { plugins: [compileHint] };
