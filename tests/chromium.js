// How every browser test and benchmark starts Chromium: Debian's build, headless, with nothing
// that reaches for the network (this machine has none).
import fs from "node:fs";

const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

/**
 * The omnibox's popups are WebUI pages: every new window (each browser context) starts a
 * renderer for them, which takes some 0.6 s of CPU in the window's first second. On a two-core
 * machine that is half the machine while the page under test loads and draws its first view.
 */
const UNUSED_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

/**
 * chromiumLaunchOptions with the features above disabled as well, and `args` added. Chromium
 * keeps only the last of a repeated switch, so the one --disable-features given must also carry
 * Playwright's own: they are read off a browser Playwright starts for the purpose (Linux /proc).
 */
export async function quietLaunchOptions(chromium, args = []) {
  const server = await chromium.launchServer(chromiumLaunchOptions);
  let playwrights;
  try {
    const switches = fs.readFileSync(`/proc/${server.process().pid}/cmdline`, "utf8").split("\0");
    playwrights = switches.filter((s) => s.startsWith("--disable-features=")).flatMap((s) => s.slice("--disable-features=".length).split(","));
  } finally {
    await server.close();
  }
  const disabled = [...new Set([...playwrights, ...UNUSED_FEATURES])].filter(Boolean);
  return { ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args, ...args, `--disable-features=${disabled.join(",")}`] };
}
