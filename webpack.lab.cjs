// Merged by `jupyter labextension build` (@jupyter/builder, rspack) into the extension's build.
const rspack = require("@rspack/core");
const compileHint = require("./compile-hint.cjs");

module.exports = { plugins: [compileHint(rspack)] };
