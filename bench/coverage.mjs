// What a view's first view of a page compiles: the functions of the bundle it runs for the first
// time (DevTools precise coverage, taken after the import and again after the view), summed by
// package or source folder. V8 compiles each of them on its first call, so this is where a first
// view's compile time goes.
//
//   node bench/coverage.mjs [--view values] [--runs 100] [--bundle /tests/output/bench/dev/runcompare.js] [--port 8777] [--records]
//
// --records gives the view the peers' input, the tables as JSON records already parsed, instead of IPC bytes.
//
// Needs a development build, whose module markers name the source of each function:
// npx webpack --mode development --config-name runcompare --output-path tests/output/bench/dev
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPO, launchBrowser, openPage, startServer } from "./harness.mjs";
import { writeData } from "./views.mjs";

const { values: args } = parseArgs({
  options: {
    view: { type: "string", default: "values" },
    runs: { type: "string", default: "100" },
    bundle: { type: "string", default: "/tests/output/bench/dev/runcompare.js" },
    port: { type: "string", default: "8777" },
    records: { type: "boolean", default: false },
  },
});

/** Where each module of a development bundle starts: its offset and its path, in order. */
function moduleStarts(source) {
  return [...source.matchAll(/\/\*\*\*\/ "([^"]+)"/g)].map((match) => ({ at: match.index, path: match[1] }));
}

/** The package (under node_modules) or source folder of the module holding `offset`. */
function ownerAt(starts, offset) {
  let owner = "(bundle)";
  for (const start of starts) {
    if (start.at > offset) break;
    owner = start.path;
  }
  const inPackage = owner.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  return inPackage ? inPackage[1] : owner.replace(/^\.\/(src\/[^/]+\/[^/]+).*/, "$1");
}

const files = writeData(Number(args.runs));
const server = await startServer(Number(args.port));
const browser = await launchBrowser();
try {
  const page = await openPage(browser, Number(args.port));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
  const module = "/bench/browser/views-runcompare.mjs";
  const input = args.records ? "records" : "arrow";
  await page.evaluate(async ([module, files, bundle, input]) => (await import(module)).load(files, bundle, input), [module, files, args.bundle, input]);
  // Taking coverage resets the counts: what the next take counts ran in the view alone.
  await cdp.send("Profiler.takePreciseCoverage");
  const timing = await page.evaluate(async ([module, view]) => (await import(module)).firstPaint(view), [module, args.view]);
  const { result } = await cdp.send("Profiler.takePreciseCoverage");
  const script = result.find((entry) => entry.url.endsWith(args.bundle));
  const starts = moduleStarts(fs.readFileSync(path.join(REPO, args.bundle), "utf8"));
  const totals = new Map();
  let all = { functions: 0, bytes: 0 };
  for (const fn of script.functions) {
    const [whole] = fn.ranges;
    // The module's own top level ran at import; a count now is a function called in the view.
    if (whole.count === 0 || !fn.functionName) continue;
    const owner = ownerAt(starts, whole.startOffset);
    const total = totals.get(owner) ?? { functions: 0, bytes: 0 };
    total.functions++;
    total.bytes += whole.endOffset - whole.startOffset;
    totals.set(owner, total);
    all = { functions: all.functions + 1, bytes: all.bytes + whole.endOffset - whole.startOffset };
  }
  console.log(
    `${args.view}, ${args.runs} runs, first view ${timing.shown.toFixed(1)} ms: ${all.functions} functions run, ${(all.bytes / 1024).toFixed(0)} KB of source`,
  );
  for (const [owner, total] of [...totals].sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`${(total.bytes / 1024).toFixed(1).padStart(7)} KB ${String(total.functions).padStart(5)} functions  ${owner}`);
  }
} finally {
  await browser.close();
  server.kill();
}
