/**
 * A generated messy store, shaped like the real public MLflow stores the views have to hold up
 * on: hundreds of runs, a hundred and more params of mixed types (numbers as text, NaN, long
 * strings, lists, booleans, constants, non-ASCII), spikes of 1e6, millisecond timestamps, nested
 * metric names, a name that is both a param and a metric, and runs that lack some curves.
 * Deterministic for a seed; plain objects, so it goes to any view (ES module input) or to Python
 * as JSON.
 */

/** mulberry32: a small seeded generator, so every run of a test sees the same store. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODELS = ["LightGBMClassifier", "XGBoostRegressor", "temporal_fusion_transformer", "RandomForest", "LogisticRegression", "CatBoost"];
const OPTIMIZERS = ["adam", "sgd", "adamw", "rmsprop"];
const LONG_TEXT = [
  "sklearn.pipeline.Pipeline(steps=[('scaler', StandardScaler()), ('clf', LogisticRegression(C=1.0))])",
  "s3://bucket/datasets/2024-05-01/train/part-00000-of-00128.parquet",
  "Données d'entraînement — 学習データ — تجربة",
];
/** Start of the store: 2024-03-01T00:00:00Z, in milliseconds as MLflow stores it. */
const START_MS = 1709251200000;

/**
 * runs: one object per run, with `run_id`, `name`, `status`, `start_time`/`end_time` (epoch
 * milliseconds, as numbers), `params.*` (mostly text, as MLflow stores them), `metrics.*`, `tags.*`.
 */
export function messyRuns({ runs = 600, params = 150, seed = 1 } = {}) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const start = START_MS + i * 900_000 + Math.floor(random() * 60_000);
    const row = {
      run_id: uuidLike(random),
      name: i % 7 === 0 ? `${pick(MODELS)}-fold-${i % 5}-very-long-run-name-with-a-suffix-${i}` : `run ${i}`,
      status: i % 23 === 0 ? "FAILED" : i % 31 === 0 ? "RUNNING" : "FINISHED",
      start_time: start,
      end_time: i % 31 === 0 ? null : start + 60_000 + Math.floor(random() * 3_600_000),
      "tags.mlflow.runName": `run ${i}`,
      "tags.mlflow.source.git.commit": (i % 3 ? "3f2a9c1" : "b71e0d4") + "e9d2c3b4a5f60718293a4b5c6d7e8f9a0b1c2",
      "tags.team": pick(["vision", "nlp", "tabular", "ランキング"]),
    };
    for (let p = 0; p < params; p++) row[`params.${paramName(p)}`] = paramValue(p, i, random, pick);
    // A bare name that is both a param (above, p = 0) and a metric.
    row["metrics.learning_rate"] = Number(row[`params.${paramName(0)}`]) * 0.5;
    row["metrics.epoch"] = 10 + (i % 40);
    const quality = random();
    row["metrics.val/accuracy"] = i % 53 === 0 ? NaN : 0.5 + 0.45 * quality;
    row["metrics.val/loss/epoch_end"] = i % 97 === 0 ? 1e6 : 2 * (1 - quality) + 0.05 * random();
    row["metrics.train/loss"] = i % 41 === 0 ? null : 1.5 * (1 - quality) + 0.1 * random();
    row["metrics.a_metric_with_a_very_long_name_from_a_lightning_callback/step_average"] = random() * 1e-4;
    rows.push(row);
  }
  return rows;
}

function paramName(p) {
  if (p === 0) return "learning_rate";
  if (p === 1) return "optimizer";
  if (p === 2) return "model";
  if (p === 3) return "seed";
  if (p === 4) return "constant_batch_size";
  if (p % 10 === 5) return `data/preprocessing/feature_${p}/a_rather_long_nested_parameter_name`;
  return `param_${String(p).padStart(3, "0")}`;
}

/** Text, as MLflow stores params; the kinds cycle with p. */
function paramValue(p, i, random, pick) {
  if (p === 0) return String(10 ** (-5 + 4 * random()));
  if (p === 1) return pick(OPTIMIZERS);
  if (p === 2) return pick(MODELS);
  if (p === 3) return String(i % 5);
  if (p === 4) return "64";
  switch (p % 8) {
    case 0:
      return random() < 0.05 ? "nan" : String(Math.round(random() * 1000) / 10);
    case 1:
      return random() < 0.5 ? "True" : "False";
    case 2:
      return JSON.stringify([Math.floor(random() * 4), Math.floor(random() * 4)]);
    case 3:
      return pick(LONG_TEXT);
    case 4:
      return i % 9 === 0 ? null : String(Math.floor(random() * 12));
    case 5:
      return `category_${Math.floor(random() * 40)}`;
    case 6:
      return String(1e6 * random());
    default:
      return String(random() < 0.01 ? 1e6 : random());
  }
}

function uuidLike(random) {
  const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex(8)}${hex(8)}${hex(8)}${hex(8)}`;
}

/**
 * scalars: one object per reported value (`run_id`, `metric`, `variant`, `step`, `time` in epoch
 * milliseconds, `value`), for the first `runs` runs. Some runs lack a curve, one has a spike of
 * 1e6 and a gap of NaN, steps are unevenly spaced in one metric.
 */
export function messyScalars(runRows, { runs = 200, steps = 300, seed = 2 } = {}) {
  const random = prng(seed);
  const rows = [];
  for (const [r, run] of runRows.slice(0, runs).entries()) {
    const rate = 0.5 + random();
    const start = run.start_time;
    const curves = [
      ["loss", "train"],
      ["loss", "validation"],
      ["val/accuracy/epoch_end", null],
    ];
    if (r % 3 !== 0) curves.push(["lightning_logs/grad_norm/a_long_nested/metric_name", "train"]);
    for (const [metric, variant] of curves) {
      if (r % 11 === 0 && variant === "validation") continue;
      for (let s = 0; s < steps; s++) {
        const step = metric.startsWith("val/") ? s * 50 : s * 10 + (s % 7);
        let value = metric.startsWith("val/") ? 1 - Math.exp((-rate * (s + 1)) / steps) * 0.5 : 2 * Math.exp((-rate * 3 * s) / steps) + 0.05 * random();
        if (r === 5 && s === Math.floor(steps / 3)) value = 1e6;
        if (r === 7 && s > steps / 2 && s < steps / 2 + 5) value = NaN;
        rows.push({ run_id: run.run_id, metric, variant, step, time: start + s * 1_500, value });
      }
    }
  }
  return rows;
}

/** details: nested config per run for the diff: long code, package lists, mixed types. */
export function messyDetails(runRows, { runs = 4 } = {}) {
  const details = {};
  for (const [r, run] of runRows.slice(0, runs).entries()) {
    const params = {};
    for (const [key, value] of Object.entries(run)) if (key.startsWith("params.")) params[key.slice(7)] = value;
    details[run.run_id] = {
      params,
      code: {
        commit: run["tags.mlflow.source.git.commit"],
        diff: `--- a/train.py\n+++ b/train.py\n@@\n-lr = 0.1\n+lr = ${params.learning_rate}\n`.repeat(1 + r),
      },
      environment: { python: "3.11.7", packages: `numpy==1.26.${r}\npandas==2.2.1\ntorch==2.3.${r % 2}\n` },
    };
  }
  return details;
}
