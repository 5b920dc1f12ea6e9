import { chromium, defineConfig } from "@playwright/test";
import { quietLaunchOptions } from "../chromium.js";

const port = Number(process.env.RC_LAB_PORT ?? 8899);

export default defineConfig({
  testDir: ".",
  outputDir: "../output/jupyter-results",
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: await quietLaunchOptions(chromium),
    viewport: { width: 1280, height: 900 },
  },
  webServer: {
    command: `bash tests/jupyter/start-lab.sh ${port}`,
    cwd: "../..",
    url: `http://127.0.0.1:${port}/lab`,
    timeout: 120_000,
    reuseExistingServer: false,
  },
});
