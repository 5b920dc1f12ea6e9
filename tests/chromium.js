// How every browser test and benchmark starts Chromium: Debian's build, headless, with nothing
// that reaches for the network (this machine has none).
export const chromiumLaunchOptions = {
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
