// Benchmark data: a synthetic sweep of fixed seed, so every run of `make bench` draws the same lines.
// 8 params (2 log-uniform, 2 linear, 2 integer, 2 categorical) and 8 metrics that depend on them.
import { Dictionary, Field, Int32, List, Table, TimestampMillisecond, Utf8, makeData, makeVector, tableToIPC, vectorFromArray } from "apache-arrow";
import { METRICS, PARAMS } from "./browser/scenario.mjs";

/** mulberry32: a tiny, fast PRNG; the same seed gives the same stream on every machine. */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = { optimizer: ["adam", "adamw", "sgd", "rmsprop"], activation: ["relu", "gelu", "silu", "tanh"] };
const BATCH_SIZES = [16, 32, 64, 128, 256, 512];

const runId = (row) => `run-${String(row).padStart(6, "0")}`;

/** The runs table as columns: { run_id: string[], "params.lr": Float64Array, ... }. */
export function makeRuns(count, seed = 42) {
  const random = prng(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const logUniform = (lo, hi) => Math.exp(Math.log(lo) + random() * (Math.log(hi) - Math.log(lo)));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const columns = { run_id: Array.from({ length: count }, (_, row) => runId(row)) };
  for (const key of PARAMS)
    columns[`params.${key}`] =
      key in CATEGORIES ? new Array(count) : key === "batch_size" || key === "layers" ? new Int32Array(count) : new Float64Array(count);
  for (const key of METRICS) columns[`metrics.${key}`] = new Float64Array(count);
  const p = (key) => columns[`params.${key}`];
  const m = (key) => columns[`metrics.${key}`];
  for (let row = 0; row < count; row++) {
    const lr = (p("lr")[row] = logUniform(1e-5, 1e-1));
    const wd = (p("weight_decay")[row] = logUniform(1e-6, 1e-2));
    const dropout = (p("dropout")[row] = random() * 0.5);
    p("momentum")[row] = 0.8 + random() * 0.19;
    const batch = (p("batch_size")[row] = pick(BATCH_SIZES));
    const layers = (p("layers")[row] = 1 + Math.floor(random() * 12));
    const optimizer = (p("optimizer")[row] = pick(CATEGORIES.optimizer));
    p("activation")[row] = pick(CATEGORIES.activation);
    // Best near lr = 1e-3, some dropout and weight decay, and not with plain SGD.
    const skill =
      -0.35 * (Math.log10(lr) + 3) ** 2 - 2 * (dropout - 0.2) ** 2 - 0.05 * (Math.log10(wd) + 4) ** 2 - (optimizer === "sgd" ? 0.3 : 0) + 0.1 * gaussian();
    const valAcc = 1 / (1 + Math.exp(-(2.5 + 2 * skill)));
    m("val/acc")[row] = valAcc;
    m("train/acc")[row] = Math.min(1, valAcc + 0.02 + 0.05 * random());
    m("test/acc")[row] = valAcc - 0.01 + 0.02 * gaussian() * 0.5;
    m("val/f1")[row] = valAcc * (0.95 + 0.04 * random());
    m("val/loss")[row] = -Math.log(Math.max(valAcc, 1e-3)) * (1 + 0.1 * random());
    m("train/loss")[row] = m("val/loss")[row] * (0.6 + 0.3 * random());
    m("epoch_time")[row] = (4 + layers * 1.5) * (256 / batch) ** 0.5 * (1 + 0.1 * random());
    m("grad_norm")[row] = Math.exp(1 + 0.8 * gaussian() + Math.log10(lr) * 0.2);
  }
  return columns;
}

/** Columns as an Arrow table: run_id utf8, categoricals dictionary-encoded, integers int32, the rest float64. */
export function runsTable(columns) {
  const vectors = {};
  for (const [name, values] of Object.entries(columns)) {
    if (name === "run_id") vectors[name] = vectorFromArray(values, new Utf8());
    else if (Array.isArray(values)) vectors[name] = dictionaryVector(values);
    else vectors[name] = makeVector(values);
  }
  return new Table(vectors);
}

/** Strings as a dictionary vector: int32 codes into the distinct values. */
function dictionaryVector(strings) {
  const dictionary = [...new Set(strings)];
  const code = new Map(dictionary.map((value, i) => [value, i]));
  const codes = Int32Array.from(strings, (value) => code.get(value));
  return makeVector(
    makeData({ type: new Dictionary(new Utf8(), new Int32()), length: codes.length, data: codes, dictionary: vectorFromArray(dictionary, new Utf8()) }),
  );
}

const STATUSES = [
  ["FINISHED", 0.8],
  ["FAILED", 0.08],
  ["RUNNING", 0.07],
  ["KILLED", 0.05],
];
const TAGS = ["baseline", "ablation", "sweep-3", "fp16", "long", "tuned", "debug", "paper", "rerun", "distill", "large", "small"];
const TEAMS = ["vision", "nlp", "speech", "rl"];
const USERS = Array.from({ length: 24 }, (_, i) => `user${i + 1}`);
const SCRIPTS = ["train.py", "train_ddp.py", "finetune.py", "sweep/launch.py"];
const AUGMENTATIONS = ["none", "flip", "crop", "mixup", "cutmix", "randaugment"];
const START = Date.UTC(2026, 0, 1);

/**
 * The runs table's benchmark sweep: `count` runs x `width` columns (300 by default), as a
 * tracker exports them: run_id, name, status, progress, a list of tags, start and end times, a
 * few tags.* columns, params in nested sections (numbers, integers, categories) and metrics with
 * a tenth missing. Built on makeRuns, so its first params and metrics are those of the sweep.
 */
export function makeWideRuns(count, width = 300, seed = 11) {
  const base = makeRuns(count, seed);
  const random = prng(seed + 1);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const columns = {
    run_id: base.run_id,
    name: new Array(count),
    status: new Array(count),
    progress: new Float64Array(count),
    tags: new Array(count),
    start_time: new Array(count),
    end_time: new Array(count),
  };
  for (let row = 0; row < count; row++) {
    let u = random();
    const status = STATUSES.find(([, share]) => (u -= share) < 0)?.[0] ?? "FINISHED";
    columns.status[row] = status;
    columns.progress[row] = status === "RUNNING" ? random() : status === "FINISHED" ? 1 : NaN;
    columns.tags[row] = TAGS.filter(() => random() < 0.12);
    const start = START + Math.floor(random() * 300 * 86_400_000);
    columns.start_time[row] = start;
    columns.end_time[row] = status === "RUNNING" ? null : start + Math.floor(600_000 + random() * 40 * 3_600_000);
    columns.name[row] = `${base["params.optimizer"][row]}-lr${base["params.lr"][row].toExponential(1)}-bs${base["params.batch_size"][row]}-${row}`;
  }
  columns["tags.team"] = Array.from({ length: count }, () => pick(TEAMS));
  columns["tags.mlflow.user"] = Array.from({ length: count }, () => pick(USERS));
  columns["tags.mlflow.source.name"] = Array.from({ length: count }, () => pick(SCRIPTS));
  for (const name of Object.keys(base)) if (name.startsWith("params.")) columns[name] = base[name];
  const fixed = Object.keys(columns).length + Object.keys(base).filter((name) => name.startsWith("metrics.")).length;
  const params = Math.max(0, Math.round((width - fixed) * 0.3));
  for (let i = 0; i < params; i++) {
    const section = ["model", "optim", "data", "trainer"][i % 4];
    const name = `params.${section}/${section === "data" ? "aug" : "p"}${i}`;
    if (section === "data") columns[name] = Array.from({ length: count }, () => pick(AUGMENTATIONS));
    else if (section === "model") columns[name] = Int32Array.from({ length: count }, () => 2 ** (4 + Math.floor(random() * 6)));
    else columns[name] = Float64Array.from({ length: count }, () => random() * 10 ** ((i % 3) - 1));
  }
  for (const name of Object.keys(base)) if (name.startsWith("metrics.")) columns[name] = base[name];
  for (let i = 0; Object.keys(columns).length < width; i++) {
    const skill = base["metrics.val/acc"];
    columns[`metrics.eval/task${String(i).padStart(3, "0")}/score`] = Float64Array.from({ length: count }, (_, row) =>
      random() < 0.1 ? NaN : skill[row] * (0.7 + 0.3 * random()),
    );
  }
  return columns;
}

/** makeWideRuns' columns as an Arrow table: times as timestamps, tags as a list of strings, text dictionary-encoded. */
export function wideRunsTable(columns) {
  const vectors = {};
  for (const [name, values] of Object.entries(columns)) {
    if (name === "run_id" || name === "name") vectors[name] = vectorFromArray(values, new Utf8());
    else if (name === "tags") vectors[name] = vectorFromArray(values, new List(new Field("item", new Utf8(), true)));
    else if (name === "start_time" || name === "end_time") vectors[name] = timestamps(values);
    else if (Array.isArray(values)) vectors[name] = dictionaryVector(values);
    else vectors[name] = makeVector(values);
  }
  return new Table(vectors);
}

/** Epoch milliseconds (null for missing) as a timestamp[ms, UTC] vector. */
function timestamps(milliseconds) {
  const valid = new Uint8Array(Math.ceil(milliseconds.length / 8));
  milliseconds.forEach((ms, row) => ms !== null && (valid[row >> 3] |= 1 << (row & 7)));
  const data = BigInt64Array.from(milliseconds, (ms) => BigInt(ms ?? 0));
  return makeVector(makeData({ type: new TimestampMillisecond("UTC"), length: milliseconds.length, data, nullBitmap: valid }));
}

/** Arrow IPC stream bytes, as the Python widget sends them. */
export const toIPC = (table) => tableToIPC(table, "stream");

/** Columns as JSON records, the shape HiPlot and Plotly users pass around. */
export function runsRecords(columns) {
  const names = Object.keys(columns);
  const count = columns.run_id.length;
  return Array.from({ length: count }, (_, row) => Object.fromEntries(names.map((name) => [name, columns[name][row]])));
}

const SCALAR_STEPS = 1000;
const SCALAR_VARIANTS = ["train", "validation"];

/**
 * The scalars table in long format: runs x SCALAR_STEPS steps x 2 series (loss/train and
 * loss/validation). Returns Arrow IPC bytes (run_id, metric, variant dictionary-encoded) and the
 * same rows as JSON records text, written row by row since the object array would not fit in memory.
 */
export function makeScalars(runCount, seed = 7) {
  const random = prng(seed);
  const rows = runCount * SCALAR_STEPS * SCALAR_VARIANTS.length;
  const runCodes = new Int32Array(rows);
  const variantCodes = new Int32Array(rows);
  const steps = new Int32Array(rows);
  const values = new Float64Array(rows);
  const json = [];
  let row = 0;
  for (let run = 0; run < runCount; run++) {
    const rate = 0.002 + 0.01 * random();
    const floor = 0.05 + 0.3 * random();
    const id = JSON.stringify(runId(run));
    for (let v = 0; v < SCALAR_VARIANTS.length; v++) {
      const gap = v === 0 ? 0 : 0.05 + 0.1 * random();
      const variant = JSON.stringify(SCALAR_VARIANTS[v]);
      for (let step = 0; step < SCALAR_STEPS; step++, row++) {
        const value = floor + gap + 2.3 * Math.exp(-rate * step) + 0.02 * (random() - 0.5);
        runCodes[row] = run;
        variantCodes[row] = v;
        steps[row] = step;
        values[row] = value;
        json.push(`{"run_id":${id},"metric":"loss","variant":${variant},"step":${step},"value":${JSON.stringify(value)}}`);
      }
    }
  }
  const columns = { runCodes, variantCodes, steps, values };
  return { rows, columns, ipc: toIPC(scalarsTable(runCount, columns)), json: Buffer.from(`[${json.join(",")}]`) };
}

/** makeScalars' columns as its Arrow table: run_id, metric and variant dictionary-encoded. */
function scalarsTable(runCount, { runCodes, variantCodes, steps, values }) {
  const dictionary = (codes, strings) =>
    makeVector(
      makeData({ type: new Dictionary(new Utf8(), new Int32()), length: codes.length, data: codes, dictionary: vectorFromArray(strings, new Utf8()) }),
    );
  return new Table({
    run_id: dictionary(
      runCodes,
      Array.from({ length: runCount }, (_, run) => runId(run)),
    ),
    metric: dictionary(new Int32Array(runCodes.length), ["loss"]),
    variant: dictionary(variantCodes, SCALAR_VARIANTS),
    step: makeVector(steps),
    value: makeVector(values),
  });
}

/**
 * Of makeScalars' rows, those that decide each series' last, min and max value, in their order:
 * what Python sends a view drawn from summaries (keep_summaries in python/runcompare/_reduce.py).
 * Its series come one after the other in step order, so a series' last row is its last value.
 * Returns them as Arrow IPC bytes and as JSON records text.
 */
export function summaryRows(runCount, { runCodes, variantCodes, steps, values }) {
  const kept = [];
  for (let start = 0; start < values.length; start += SCALAR_STEPS) {
    let min = start;
    let max = start;
    for (let row = start; row < start + SCALAR_STEPS; row++) {
      if (values[row] < values[min]) min = row;
      if (values[row] > values[max]) max = row;
    }
    kept.push(...new Set([min, max, start + SCALAR_STEPS - 1].sort((a, b) => a - b)));
  }
  const take = (array) => array.constructor.from(kept, (row) => array[row]);
  const records = kept.map((row) => ({
    run_id: runId(runCodes[row]),
    metric: "loss",
    variant: SCALAR_VARIANTS[variantCodes[row]],
    step: steps[row],
    value: values[row],
  }));
  return {
    ipc: toIPC(scalarsTable(runCount, { runCodes: take(runCodes), variantCodes: take(variantCodes), steps: take(steps), values: take(values) })),
    json: JSON.stringify(records),
  };
}
