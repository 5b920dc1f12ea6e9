// The runs table's sorting and filtering, two ways, on the same 100,000 x 300 table: arquero
// (orderby / filter on aq.fromArrow) and runcompare's typed-array code (src/data/order.ts,
// src/data/filter.ts), which the table uses. Run in Node (the same V8 as Chromium) from
// bench/run.mjs --only table, or alone: node bench/table-engine.mjs [--runs 100000]
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import * as aq from "arquero";
import { makeWideRuns, wideRunsTable } from "./data.mjs";
import { median } from "./report.mjs";

const REPEATS = 7;

/** Milliseconds of each of `repeats` calls, after one untimed call (V8 compiles the code first). */
function time(fn, repeats = REPEATS) {
  fn();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Each task's times with arquero and with the typed arrays, and a check that both give the same
 * rows (the same order for sorts: ties and missing values broken the same way).
 */
export async function compareEngines(count = 100_000, { lib = "../lib", log = console.log } = {}) {
  const { openRuns } = await import(`${lib}/data/runs.js`);
  const { sortRows } = await import(`${lib}/data/order.js`);
  const { filterRows } = await import(`${lib}/data/filter.js`);
  const { searchPattern } = await import(`${lib}/data/search.js`);
  log(`table engines: ${count.toLocaleString("en")} runs x 300 columns`);
  const arrow = wideRunsTable(makeWideRuns(count));
  const table = aq.fromArrow(arrow);
  const runs = openRuns(arrow);
  const numbers = (name) => runs.column(name).values;
  // A categorical column's sort key: the rank of its value among the sorted categories.
  const rankKey = (name) => {
    const { values, categories } = runs.column(name);
    const rank = new Map(categories.map((c, i) => [c, i]));
    return Float64Array.from(values, (v) => (v === null ? NaN : rank.get(v)));
  };
  const optimizer = runs.column("params.optimizer");
  const optimizerRank = rankKey("params.optimizer");
  const pattern = searchPattern("adamw-lr1");
  const tasks = [
    {
      task: "sort by a metric, descending",
      arquero: () => table.orderby(aq.desc("metrics.val/acc")).indices(),
      typed: () => sortRows([{ values: numbers("metrics.val/acc"), descending: true }], count),
    },
    {
      task: "sort by a category, then a metric",
      arquero: () => table.orderby("params.optimizer", aq.desc("metrics.val/loss")).indices(),
      typed: () =>
        sortRows(
          [
            { values: optimizerRank, descending: false },
            { values: numbers("metrics.val/loss"), descending: true },
          ],
          count,
        ),
    },
    {
      task: "filter: numeric range",
      arquero: () =>
        table
          .params({ lo: 1e-4, hi: 1e-3 })
          .filter((d, $) => d["params.lr"] >= $.lo && d["params.lr"] <= $.hi)
          .indices(),
      typed: () => filterRows(count, [{ kind: "range", values: numbers("params.lr"), min: 1e-4, max: 1e-3, log: false, keepMissing: false }]),
    },
    {
      task: "filter: value set",
      arquero: () =>
        table
          .params({ keep: ["adam", "sgd"] })
          .filter((d, $) => aq.op.includes($.keep, d["params.optimizer"]))
          .indices(),
      typed: () => filterRows(count, [{ kind: "set", values: optimizer.values, keep: new Set(["adam", "sgd"]) }]),
    },
    {
      task: "filter: text in names",
      arquero: () =>
        table
          .params({ text: "adamw-lr1" })
          .filter((d, $) => aq.op.includes(aq.op.lower(d.name), $.text))
          .indices(),
      typed: () => filterRows(count, [{ kind: "set", values: runs.names, keep: new Set(runs.names.filter((name) => pattern.test(name))) }]),
    },
    {
      task: "three filters and a sort",
      arquero: () =>
        table
          .params({ lo: 1e-4, hi: 1e-2, keep: ["adam", "sgd", "adamw"] })
          .filter((d, $) => d["params.lr"] >= $.lo && d["params.lr"] <= $.hi && aq.op.includes($.keep, d["params.optimizer"]) && d["metrics.val/acc"] > 0.5)
          .orderby(aq.desc("metrics.val/acc"))
          .indices(),
      typed: () => {
        const kept = filterRows(count, [
          { kind: "range", values: numbers("params.lr"), min: 1e-4, max: 1e-2, log: false, keepMissing: false },
          { kind: "set", values: optimizer.values, keep: new Set(["adam", "sgd", "adamw"]) },
          { kind: "range", values: numbers("metrics.val/acc"), min: 0.5, max: Infinity, log: false, keepMissing: false },
        ]);
        return sortRows([{ values: numbers("metrics.val/acc"), descending: true }], count).filter((row) => kept[row]);
      },
    },
  ];
  const rows = [];
  for (const { task, arquero, typed } of tasks) {
    const a = arquero();
    const t = typed();
    const same = t instanceof Uint8Array ? sameRows(a, t) : sameOrder(a, t);
    const result = { task, arquero: time(arquero), typed: time(typed), same };
    log(`  ${task}: arquero ${median(result.arquero).toFixed(1)} ms, typed arrays ${median(result.typed).toFixed(1)} ms${same ? "" : " (DIFFERENT ROWS)"}`);
    rows.push(result);
  }
  return rows;
}

/** Whether arquero's kept rows are the rows a mask keeps. */
function sameRows(indices, mask) {
  const kept = [...mask.keys()].filter((row) => mask[row]);
  return indices.length === kept.length && [...indices].sort((a, b) => a - b).every((row, i) => row === kept[i]);
}

/** Whether two orders agree, up to rows arquero orders differently only among missing values (nulls and NaN). */
function sameOrder(a, b) {
  return a.length === b.length && a.every((row, i) => row === b[i]);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "100000" } } });
  await compareEngines(Number(values.runs));
}
