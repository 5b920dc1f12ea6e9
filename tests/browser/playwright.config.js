import { chromium, defineConfig } from "@playwright/test";
import { quietLaunchOptions } from "../chromium.js";

// Another port lets two runs share a machine: RC_TEST_PORT=8766 make test-browser
const port = Number(process.env.RC_TEST_PORT ?? 8765);

export default defineConfig({
  testDir: ".",
  outputDir: "../output/browser/results",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: await quietLaunchOptions(chromium),
    viewport: { width: 1000, height: 700 },
  },
  webServer: { command: `node tests/serve.mjs ${port}`, cwd: "../..", url: `http://127.0.0.1:${port}/package.json`, reuseExistingServer: false },
});
