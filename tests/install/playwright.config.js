import { chromium, defineConfig } from "@playwright/test";
import { quietLaunchOptions } from "../chromium.js";

// runcompare as users get it: the wheel installed into a clean venv (RC_WHEEL_VENV), run in
// JupyterLab, Notebook 7 and marimo; the npm tarball installed into an empty folder
// (RC_CONSUMER), its pages served on their own. `make test-install` prepares both.
const venv = process.env.RC_WHEEL_VENV;
const consumer = process.env.RC_CONSUMER;
if (!venv || !consumer) throw new Error("run these tests with `make test-install`, which installs the wheel and the npm tarball first");
const ports = {
  lab: Number(process.env.RC_LAB_PORT ?? 8899),
  notebook: Number(process.env.RC_NOTEBOOK_PORT ?? 8894),
  marimo: Number(process.env.RC_MARIMO_PORT ?? 8895),
  pages: Number(process.env.RC_TEST_PORT ?? 8765),
};
const env = { ...process.env, RC_VENV: venv };
const server = (command, port, path) => ({ command, cwd: "../..", env, url: `http://127.0.0.1:${port}${path}`, timeout: 120_000, reuseExistingServer: false });

export default defineConfig({
  testDir: ".",
  outputDir: "../output/install-results",
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [["list"]],
  use: { browserName: "chromium", launchOptions: await quietLaunchOptions(chromium), viewport: { width: 1280, height: 900 } },
  projects: [
    { name: "jupyterlab", testMatch: "lab.spec.js", use: { baseURL: `http://127.0.0.1:${ports.lab}` } },
    { name: "notebook7", testMatch: "notebook7.spec.js", use: { baseURL: `http://127.0.0.1:${ports.notebook}` } },
    { name: "marimo", testMatch: "marimo.spec.js", use: { baseURL: `http://127.0.0.1:${ports.marimo}` } },
    { name: "npm", testMatch: "npm.spec.js", use: { baseURL: `http://127.0.0.1:${ports.pages}` } },
  ],
  webServer: [
    server(`bash tests/jupyter/start-lab.sh ${ports.lab} lab`, ports.lab, "/lab"),
    server(`bash tests/jupyter/start-lab.sh ${ports.notebook} notebook`, ports.notebook, "/tree"),
    server(`bash tests/install/start-marimo.sh ${ports.marimo}`, ports.marimo, "/"),
    server(`node tests/serve.mjs ${ports.pages} ${consumer}`, ports.pages, "/package.json"),
  ],
});
