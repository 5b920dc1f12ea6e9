// Bundles entry.js as a user's app would, with runcompare from this folder's node_modules.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export default {
  mode: "production",
  context: here,
  entry: "./entry.js",
  target: "web",
  experiments: { outputModule: true },
  output: { path: here, filename: "bundle.js", module: true },
  resolve: { modules: [path.join(here, "node_modules")] },
  performance: { hints: false },
};
