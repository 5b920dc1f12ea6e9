/** Unit tests run under ts-jest; ESM-only packages (d3, arquero) are compiled to CommonJS too. */
const esmPackages = [
  "arquero",
  "@uwdata",
  "d3",
  "d3-[a-z-]+",
  "internmap",
  "delaunator",
  "robust-predicates",
  "acorn",
  "hyparquet",
  "hyparquet-compressors",
  "hysnappy",
];

module.exports = {
  testEnvironment: "node",
  // Property tests run hundreds of cases; a loaded CI machine must not time them out.
  testTimeout: 30_000,
  roots: ["<rootDir>/tests/unit"],
  transform: {
    "^.+\\.m?[tj]s$": [
      "ts-jest",
      {
        tsconfig: { module: "commonjs", esModuleInterop: true, resolveJsonModule: true, allowJs: true, types: ["jest", "node"] },
        diagnostics: { ignoreCodes: [151002, 2823] },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join("|")})/)`],
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    // arquero's Node entry loads node-fetch; the views only ever run its browser entry.
    "^arquero$": "<rootDir>/node_modules/arquero/src/index-browser.js",
  },
};
