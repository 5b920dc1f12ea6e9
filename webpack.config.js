// Three browser bundles and a Node one, each one ES module:
// - the widget loader, a few hundred bytes: every widget's _esm, so in each saved view's state;
// - the view code for widgets (d3 and apache-arrow inside), which the kernel sends to pages
//   that have no JupyterLab extension, once per page;
// - the public API (src/index.ts), for pages that import runcompare without a bundler;
// - the headless renderer (`runcompare render`, src/headless/cli.ts) for Node, jsdom and PDFKit
//   inside, so the npm package's bin and the Python wheel run it with no node_modules.
import path from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";

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

const headless = {
  ...bundle("render", "./src/headless/cli.ts", "dist"),
  target: "node18",
  output: { path: path.join(here, "dist"), filename: "[name].mjs", library: { type: "module" }, chunkFormat: "module" },
  // jsdom's optional canvas and ws's optional native helpers are not used.
  externals: { canvas: "commonjs canvas", bufferutil: "commonjs bufferutil", "utf-8-validate": "commonjs utf-8-validate" },
  // import.meta.url stays the bundle's own, where it finds resvg.wasm and fonts/.
  module: { ...bundle("render", "", "").module, parser: { javascript: { importMeta: false } } },
  optimization: { minimize: process.env.RC_NO_MINIFY !== "1" },
  plugins: [new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true })],
  ignoreWarnings: [{ module: /node_modules\/ws\// }],
};

export default [
  bundle("loader", "./src/widget/loader.ts", "python/runcompare/static"),
  bundle("widget", "./src/widget/index.ts", "python/runcompare/static"),
  bundle("runcompare", "./src/index.ts", "dist"),
  headless,
];
