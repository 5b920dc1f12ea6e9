// eslint: JavaScript's and typescript-eslint's recommended rules on the sources, tests and benchmarks.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["lib/", "dist/", "dist-py/", "dist-npm/", "python/", "tests/output/", ".venv*/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Unused arguments named _x are deliberate (a callback's signature).
      // A destructuring whose other names are reassigned stays one `let`.
      "prefer-const": ["error", { destructuring: "all" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  { files: ["tests/**/*.{js,ts}", "bench/**/*.{js,mjs}"], languageOptions: { globals: { ...globals.jest } } },
  // CommonJS on purpose: the JupyterLab extension's builder require()s its webpack config.
  { files: ["*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
);
