import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "../chromium.js";

export default defineConfig({
  testDir: ".",
  outputDir: "../output/browser/results",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: "http://127.0.0.1:8765",
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1000, height: 700 },
  },
  webServer: { command: "node tests/serve.mjs 8765", cwd: "../..", url: "http://127.0.0.1:8765/package.json", reuseExistingServer: false },
});
