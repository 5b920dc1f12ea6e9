// Three browser bundles, each one ES module:
// - the widget loader, a few hundred bytes: every widget's _esm, so in each saved view's state;
// - the view code for widgets (d3 and apache-arrow inside), which the kernel sends to pages
//   that have no JupyterLab extension, once per page;
// - the public API (src/index.ts), for pages that import runcompare without a bundler.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

const bundle = (name, entry, outputDir) => ({
  name,
  entry: { [name]: entry },
  target: "web",
  devtool: false,
  experiments: { outputModule: true },
  output: { path: path.join(here, outputDir), filename: "[name].js", library: { type: "module" } },
  resolve: { extensions: [".ts", ".js"], extensionAlias: { ".js": [".ts", ".js"] } },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        options: { configFile: "tsconfig.json", onlyCompileBundledFiles: true, compilerOptions: { declaration: false, sourceMap: false } },
      },
    ],
  },
  performance: { hints: false },
});

export default [
  bundle("loader", "./src/widget/loader.ts", "python/runcompare/static"),
  bundle("widget", "./src/widget/index.ts", "python/runcompare/static"),
  bundle("runcompare", "./src/index.ts", "dist"),
];
