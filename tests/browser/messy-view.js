import path from "node:path";
import { applyTheme } from "./legibility.js";
import { screenshots } from "./helpers.js";

/**
 * Opens an empty page `width` pixels wide in a theme and shows one view of the generated messy
 * store (tests/browser/messy.js, made in the page): `make` is an expression over `rc` (the
 * package) and `runs`, `scalars`, `details`, e.g. "rc.scalars(scalars, { runs })". The view is
 * `window.view` once it has drawn.
 */
export async function showMessy(page, make, { width = 1000, height = 900, theme = "light" } = {}) {
  page.on("pageerror", (error) => {
    throw error;
  });
  await page.setViewportSize({ width, height });
  await page.goto("/tests/browser/blank.html");
  await applyTheme(page, theme);
  await page.evaluate(async (make) => {
    // Read by the eval below.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const rc = await import("/dist/runcompare.js");
    const { messyRuns, messyScalars, messyDetails } = await import("/tests/browser/messy.js");
    const runs = messyRuns();
    const scalars = messyScalars(runs);
    const details = messyDetails(runs);
    Object.assign(window, { messy: { runs, scalars, details } });
    const view = eval(make);
    document.body.append(view);
    window.view = view;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, make);
}

/** A full-page screenshot in tests/output/screenshots. */
export function shoot(page, name) {
  return page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}
