// Live views: rows appended to a scalars view (view.append, what rc.follow sends each poll).
//  - 1,000 points (the next step of each of 1,000 runs) appended to a chart of 10 M points
//    (1,000 runs x 10,000 steps): the time to the frame that shows them, and the bytes sent
//    (the batch's Arrow IPC bytes against the whole table's);
//  - a view followed for an hour at a poll per 10 s: 360 batches (100 runs x 10 steps each) on a
//    view of 100 runs x 1,000 steps, its JS heap (after GC) against a view of the same data given at once.
//
//   node bench/live.mjs [--port 8776] [--quick]
//
// After `npx webpack --mode production`. `node bench/run.mjs --only live` runs it through
// `run(context)` and writes its block of docs/BENCHMARKS.md.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { prng } from "./data.mjs";
import { OUTPUT, outputUrl, retainedHeap, runAlone } from "./harness.mjs";
import { curvesIPC } from "./scalars.mjs";
import { median } from "./report.mjs";

const BIG = { runs: 1_000, steps: 10_000 };
const FOLLOWED = { runs: 100, steps: 1_000, polls: 360, stepsPerPoll: 10 };
const APPENDS = 5;

/** Noisy decaying losses of `runs` runs at steps [from, to), as Python's scalars_to_ipc sends them (run_id, metric, variant dictionary-encoded). */
function curves(runs, from, to, seed = 11) {
  const random = prng(seed);
  const count = runs * (to - from);
  const runCodes = new Int32Array(count);
  const steps = new BigInt64Array(count);
  const values = new Float64Array(count);
  for (let run = 0, row = 0; run < runs; run++) {
    const rate = (2 + 10 * random()) / 10_000;
    for (let step = from; step < to; step++, row++) {
      runCodes[row] = run;
      steps[row] = BigInt(step);
      values[row] = 0.1 + 2.3 * Math.exp(-rate * step) + 0.2 * (random() - 0.5);
    }
  }
  return curvesIPC(runs, runCodes, steps, values);
}

/** Byte strings one after the other in one file, and where each starts. */
function writeParts(name, parts) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, name);
  fs.writeFileSync(file, Buffer.concat(parts.map((part) => Buffer.from(part))));
  const offsets = [0];
  for (const part of parts) offsets.push(offsets.at(-1) + part.byteLength);
  fs.writeFileSync(`${file}.json`, JSON.stringify(offsets));
  return { url: outputUrl(file), offsets };
}

const evaluate = (page, fn, ...params) => page.evaluate(async ([fn, params]) => (await import("/bench/browser/live.mjs"))[fn](...params), [fn, params]);
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** context: { openPage(path), bundle?, log?, quick? }. Returns the measurements with `markdown` and `targets`. */
export async function run(context) {
  const bundle = context.bundle ?? "/dist/runcompare.js";
  context.log?.(`live: ${APPENDS} appends of 1,000 points to ${BIG.runs} x ${BIG.steps} points`);
  const whole = curves(BIG.runs, 0, BIG.steps);
  const batches = Array.from({ length: APPENDS }, (_, i) => curves(BIG.runs, BIG.steps + i, BIG.steps + i + 1, 100 + i));
  const big = writeParts("live-big.bin", [whole, ...batches]);
  let page = await context.openPage("/bench/page.html");
  const appends = await evaluate(page, "appendTimes", big, bundle);
  await page.context().close();

  context.log?.(`live: ${FOLLOWED.polls} polls of ${FOLLOWED.runs} x ${FOLLOWED.stepsPerPoll} points on ${FOLLOWED.runs} x ${FOLLOWED.steps}`);
  const polls = context.quick ? 36 : FOLLOWED.polls;
  const first = curves(FOLLOWED.runs, 0, FOLLOWED.steps);
  const polled = Array.from({ length: polls }, (_, i) =>
    curves(FOLLOWED.runs, FOLLOWED.steps + i * FOLLOWED.stepsPerPoll, FOLLOWED.steps + (i + 1) * FOLLOWED.stepsPerPoll, 1000 + i),
  );
  const followed = writeParts("live-followed.bin", [first, ...polled]);
  const all = writeParts("live-all.bin", [curves(FOLLOWED.runs, 0, FOLLOWED.steps + polls * FOLLOWED.stepsPerPoll)]);
  page = await context.openPage("/bench/page.html");
  await evaluate(page, "followed", followed, bundle);
  const followedHeap = await retainedHeap(page);
  const followedPoints = await evaluate(page, "points");
  await page.context().close();
  page = await context.openPage("/bench/page.html");
  await evaluate(page, "atOnce", all, bundle);
  const atOnceHeap = await retainedHeap(page);
  const atOncePoints = await evaluate(page, "points");
  await page.context().close();

  const batchBytes = median(batches.map((batch) => batch.byteLength));
  const result = { appends, batchBytes, wholeBytes: whole.byteLength, polls, followedHeap, atOnceHeap, followedPoints, atOncePoints };
  const rows = [
    [
      "append 1,000 points to 10 M, to the frame that shows them (median)",
      `${median(appends.times).toFixed(0)} ms`,
      `${appends.times.map((t) => t.toFixed(0)).join(", ")} ms`,
    ],
    ["of which the call (merging the rows, the grown series smoothed again)", `${median(appends.calls).toFixed(0)} ms`, ""],
    ["bytes sent per append", `${(batchBytes / 1024).toFixed(1)} KB`, `the whole table: ${mb(whole.byteLength)}`],
    [`JS heap after ${polls} polls (after GC)`, mb(followedHeap), `${followedPoints.toLocaleString("en")} points`],
    [
      "JS heap, the same data given at once",
      mb(atOnceHeap),
      `${atOncePoints.toLocaleString("en")} points; followed / at once ${(followedHeap / atOnceHeap).toFixed(2)}`,
    ],
  ];
  result.markdown = ["| measure | value | note |", "|---|---|---|", ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
  const met = (ok) => (ok ? "met" : "NOT met");
  result.targets = [
    `append of 1,000 points to 10 M points < 50 ms: ${median(appends.times).toFixed(0)} ms, ${met(median(appends.times) < 50)}`,
    `heap after ${polls} polls within 10% of the data at once: ${((followedHeap / atOnceHeap - 1) * 100).toFixed(1)}%, ${met(followedHeap <= 1.1 * atOnceHeap)}`,
  ];
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8776" }, quick: { type: "boolean", default: false } } });
  await runAlone(Number(values.port), run, { log: console.log, quick: values.quick });
}
