// Live views: rows appended to a scalars view (view.append, what rc.follow sends each poll).
//  - 1,000 points (the next step of each of 1,000 runs) appended to a chart of 10 M points
//    (1,000 runs x 10,000 steps), APPENDS times: the time from the call to the frame after the one
//    that shows them, the call's own and the drawing frame's script, and the bytes sent (the
//    batch's Arrow IPC bytes against the whole table's). The first append lays the traces out
//    with room, the second runs the x axis on past step 10,000: both draw the chart whole; the
//    target is on the others, which write into the room and draw the new points over the chart;
//  - a view followed for an hour at a poll per 10 s: 360 batches (100 runs x 10 steps each) on a
//    view of 100 runs x 1,000 steps, its JS heap (after GC) against a view of the same data given at once.
//
//   node bench/live.mjs [--port 8776] [--quick] [--profile] [--bundle FILE] [--smoothing ema|time_ema|gaussian|running_average]
//
// After `npx webpack --mode production`. --profile prints where the appends drawn over the chart
// spend their time (DevTools CPU profile; profile a development build for readable names, see
// bench/profile.mjs); --bundle measures another build (a copy put in tests/output/bench/). `node bench/run.mjs --only live` runs it through
// `run(context)` and writes its block of docs/BENCHMARKS.md.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { prng } from "./data.mjs";
import { OUTPUT, outputUrl, retainedHeap, runAlone, selfTimes } from "./harness.mjs";
import { curvesIPC } from "./scalars.mjs";
import { median } from "./report.mjs";

const BIG = { runs: 1_000, steps: 10_000 };
const FOLLOWED = { runs: 100, steps: 1_000, polls: 360, stepsPerPoll: 10 };
const APPENDS = 12;

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

/** `action()`, with a CPU profile of the page printed (functions by self time) and written when `profile`. */
async function profiled(page, profile, action) {
  if (!profile) return action();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  const result = await action();
  const { profile: recorded } = await cdp.send("Profiler.stop");
  fs.writeFileSync(path.join(OUTPUT, "profile-live.cpuprofile"), JSON.stringify(recorded));
  console.log(`\nCPU profile of ${result.length} appends (${((recorded.endTime - recorded.startTime) / 1000).toFixed(0)} ms), self time:`);
  for (const [fn, ms] of selfTimes(recorded).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${fn}`);
  return result;
}

const evaluate = (page, fn, ...params) => page.evaluate(async ([fn, params]) => (await import("/bench/browser/live.mjs"))[fn](...params), [fn, params]);
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** context: { openPage(path), bundle?, log?, quick?, profile?, smoothingType? (of the 10 M point chart; default ema) }. Returns the measurements with `markdown` and `targets`. */
export async function run(context) {
  const bundle = context.bundle ?? "/dist/runcompare.js";
  context.log?.(`live: ${APPENDS} appends of 1,000 points to ${BIG.runs} x ${BIG.steps} points, smoothing ${context.smoothingType ?? "ema"}`);
  const whole = curves(BIG.runs, 0, BIG.steps);
  const batches = Array.from({ length: APPENDS }, (_, i) => curves(BIG.runs, BIG.steps + i, BIG.steps + i + 1, 100 + i));
  const big = writeParts("live-big.bin", [whole, ...batches]);
  let page = await context.openPage("/bench/page.html");
  await evaluate(page, "showFirst", big, bundle, context.smoothingType ?? "ema");
  // The first two appends draw the chart whole (see above); a profile takes the others.
  const appends = await evaluate(page, "appendTimes", 2);
  appends.push(...(await profiled(page, context.profile, () => evaluate(page, "appendTimes", APPENDS - 2))));
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
  const over = appends.filter((append) => append.grown);
  const of = (list, key) => list.map((append) => append[key]);
  const spread = (values) => (values.length ? `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)} ms` : "none");
  const drawnOver = median(of(over, "time"));
  const rows = [
    [
      `append 1,000 points to 10 M, drawn over the chart (${over.length} of ${appends.length} appends): call to the frame after the one that shows them`,
      `${drawnOver.toFixed(0)} ms`,
      `${spread(of(over, "time"))}; ${of(over, "frames").join(", ")} frames`,
    ],
    ["of which the call (rows merged, the series smoothed on)", `${median(of(over, "call")).toFixed(1)} ms`, spread(of(over, "call"))],
    ["and the drawing frame's script (reductions taken up, y range, new strokes)", `${median(of(over, "draw")).toFixed(1)} ms`, spread(of(over, "draw"))],
    [
      "appends drawn whole (the first lays the traces out with room; then the x axis runs on)",
      appends.length > over.length
        ? `${median(
            of(
              appends.filter((append) => !append.grown),
              "time",
            ),
          ).toFixed(0)} ms`
        : "none",
      appends
        .map((append, i) => (append.grown ? null : `#${i + 1}: ${append.time.toFixed(0)} ms (call ${append.call.toFixed(0)}, draw ${append.draw.toFixed(0)})`))
        .filter(Boolean)
        .join("; "),
    ],
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
    `append of 1,000 points to 10 M points drawn over the chart < 50 ms: ${drawnOver.toFixed(0)} ms, ${met(drawnOver < 50)}`,
    `heap after ${polls} polls within 10% of the data at once: ${((followedHeap / atOnceHeap - 1) * 100).toFixed(1)}%, ${met(followedHeap <= 1.1 * atOnceHeap)}`,
  ];
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8776" },
      quick: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      bundle: { type: "string" },
      smoothing: { type: "string", default: "ema" },
    },
  });
  await runAlone(Number(values.port), run, {
    log: console.log,
    quick: values.quick,
    profile: values.profile,
    bundle: values.bundle ? outputUrl(values.bundle) : undefined,
    smoothingType: values.smoothing,
  });
}
