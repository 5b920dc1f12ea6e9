import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repo, screenshots } from "../browser/helpers.js";

// The npm tarball installed into an empty folder outside the repo (RC_CONSUMER), as a user would.
const consumer = process.env.RC_CONSUMER;
const installed = path.join(consumer, "node_modules");

function folderSize(folder) {
  let bytes = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    bytes += entry.isDirectory() ? folderSize(full) : fs.lstatSync(full).size;
  }
  return bytes;
}

test("the package installs only what the views need, with its licence and a single-file module", () => {
  const packages = fs
    .readdirSync(installed)
    .flatMap((name) => (name.startsWith("@") ? fs.readdirSync(path.join(installed, name)).map((inner) => `${name}/${inner}`) : [name]))
    .filter((name) => !name.startsWith("."));
  console.log(`npm install runcompare: ${packages.length} packages, ${(folderSize(installed) / 1e6).toFixed(1)} MB`);
  expect(packages.filter((name) => /^@jupyterlab|^@lumino|^@jupyter|^arquero|^hyparquet/.test(name))).toEqual([]);
  expect(packages.length).toBeLessThan(60);
  const own = path.join(installed, "runcompare");
  for (const file of ["LICENSE", "README.md", "dist/runcompare.js", "lib/index.js", "lib/index.d.ts"]) expect(fs.existsSync(path.join(own, file))).toBe(true);
  expect(fs.readFileSync(path.join(own, "LICENSE"), "utf-8")).toContain("BSD 3-Clause License");
  expect(fs.existsSync(path.join(own, "lib/labextension"))).toBe(false);
});

test("a TypeScript file that uses the package checks under --strict without skipLibCheck", () => {
  const tsc = path.join(repo, "node_modules/.bin/tsc");
  expect(() => execFileSync(tsc, ["-p", path.join(consumer, "tsconfig.json")], { encoding: "utf-8", stdio: "pipe" })).not.toThrow();
});

test("a page bundled with webpack draws the example", async ({ page }) => {
  await page.goto("/bundled.html");
  await expect.poll(() => page.evaluate(() => window.view?.drawn.lines)).toBe(96);
  await page.screenshot({ path: path.join(screenshots, "npm-bundled.png") });
});

test("a page with no bundler imports the single-file module and draws the example", async ({ page }) => {
  const failed = [];
  page.on("requestfailed", (request) => failed.push(request.url()));
  await page.goto("/nobundler.html");
  await expect.poll(() => page.evaluate(() => window.view?.drawn.points)).toBe(96);
  expect(failed).toEqual([]);
  await page.screenshot({ path: path.join(screenshots, "npm-nobundler.png") });
});
