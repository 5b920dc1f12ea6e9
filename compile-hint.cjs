/**
 * Chromium's explicit compile hint (V8, Chrome 136 on): every function of a file that starts
 * with it is compiled while the file streams in, off the main thread, instead of on its first
 * call. A view's first drawing calls hundreds of functions once each (Arrow's reader, the bounds
 * checks, d3, the view's own), and compiling them there, on the main thread, was a third of its
 * time (docs/BENCHMARKS.md, issue 23). Other engines read it as a comment.
 *
 * `bundler` is webpack (the ES module bundles) or rspack (the JupyterLab extension's build), whose
 * BannerPlugins take the same options. The banner goes in after minifying, which drops comments,
 * and before content hashes are taken.
 */
module.exports = (bundler) =>
  new bundler.BannerPlugin({
    banner: "//# allFunctionsCalledOnLoad",
    raw: true,
    // The extension's chunks are named "534.<hash>.js?v=<hash>".
    test: /\.js($|\?)/,
    stage: bundler.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1,
  });
