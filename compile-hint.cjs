// Chromium's explicit compile hint (V8, Chrome 136 on): every function of a script that starts
// with this line is compiled while the script streams in, on a background thread, instead of on
// its first call. Other engines read it as a comment. The JupyterLab extension's build adds it
// (webpack.lab.cjs); the benchmarks add it to copies of the ES module bundle to measure what it
// changes (bench/views.mjs, bench/import.mjs).
module.exports = "//# allFunctionsCalledOnLoad";
