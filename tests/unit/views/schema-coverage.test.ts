import fs from "node:fs";
import path from "node:path";
import compareJson from "../../../schema/views/compare.json";
import diffJson from "../../../schema/views/diff.json";
import influenceJson from "../../../schema/views/influence.json";
import logsJson from "../../../schema/views/logs.json";
import plotsJson from "../../../schema/views/plots.json";
import samplesJson from "../../../schema/views/samples.json";
import parallelJson from "../../../schema/views/parallel.json";
import scalarsJson from "../../../schema/views/scalars.json";
import scatterJson from "../../../schema/views/scatter.json";
import summaryJson from "../../../schema/views/summary.json";
import tableJson from "../../../schema/views/table.json";
import valuesJson from "../../../schema/views/values.json";
import plugin from "../../../schema/lab/plugin.json";
import { checkOptions, checkState, defaultOptions, viewOptions, type ViewSchema } from "../../../src/data/schema";
import { RunsDataError } from "../../../src/data/errors";
import type { CompareOptions, CompareState } from "../../../src/views/compare/index";
import type { DiffOptions, DiffState } from "../../../src/views/diff/index";
import type { InfluenceOptions, InfluenceState } from "../../../src/views/influence/index";
import type { LogsOptions, LogsState } from "../../../src/views/diff/logs/index";
import type { PlotsOptions, PlotsState } from "../../../src/views/plots/index";
import type { SamplesOptions, SamplesState } from "../../../src/views/samples/index";
import type { ParallelOptions, ParallelState } from "../../../src/views/parallel/index";
import type { ScalarsOptions, ScalarsState } from "../../../src/views/scalars/index";
import type { ScatterOptions, ScatterState } from "../../../src/views/scatter/index";
import type { SummaryOptions, SummaryState } from "../../../src/views/summary/index";
import type { TableOptions, TableState } from "../../../src/views/table/index";
import type { ValuesOptions, ValuesState } from "../../../src/views/values/index";

/**
 * Every entry of a view's schema reaches TypeScript: its options type has each option the view
 * takes (those for Python alone left out) and nothing else, its state type each entry of the
 * schema's x-state. Checked when this file compiles; tests/python/test_schema.py checks the
 * Python side and that both refuse a bad value with the same words.
 */
type Taken<S> = S extends { properties: infer P } ? { [K in keyof P]: P[K] extends { "x-side": string } ? never : K }[keyof P] : never;
type StateKeys<S> = S extends { "x-state": infer E } ? keyof E : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Own<O> = Exclude<keyof O, "selected" | "state" | "colors">;

const covered: Record<string, [boolean, boolean]> = {
  diff: [true satisfies Same<Own<DiffOptions>, Taken<typeof diffJson>>, true satisfies Same<keyof DiffState, StateKeys<typeof diffJson>>],
  influence: [
    true satisfies Same<Own<InfluenceOptions>, Taken<typeof influenceJson>>,
    true satisfies Same<keyof InfluenceState, StateKeys<typeof influenceJson>>,
  ],
  parallel: [true satisfies Same<Own<ParallelOptions>, Taken<typeof parallelJson>>, true satisfies Same<keyof ParallelState, StateKeys<typeof parallelJson>>],
  scalars: [true satisfies Same<Own<ScalarsOptions>, Taken<typeof scalarsJson>>, true satisfies Same<keyof ScalarsState, StateKeys<typeof scalarsJson>>],
  scatter: [true satisfies Same<Own<ScatterOptions>, Taken<typeof scatterJson>>, true satisfies Same<keyof ScatterState, StateKeys<typeof scatterJson>>],
  summary: [true satisfies Same<Own<SummaryOptions>, Taken<typeof summaryJson>>, true satisfies Same<keyof SummaryState, StateKeys<typeof summaryJson>>],
  table: [true satisfies Same<Own<TableOptions>, Taken<typeof tableJson>>, true satisfies Same<keyof TableState, StateKeys<typeof tableJson>>],
  values: [true satisfies Same<Own<ValuesOptions>, Taken<typeof valuesJson>>, true satisfies Same<keyof ValuesState, StateKeys<typeof valuesJson>>],
  samples: [true satisfies Same<Own<SamplesOptions>, Taken<typeof samplesJson>>, true satisfies Same<keyof SamplesState, StateKeys<typeof samplesJson>>],
  plots: [true satisfies Same<Own<PlotsOptions>, Taken<typeof plotsJson>>, true satisfies Same<keyof PlotsState, StateKeys<typeof plotsJson>>],
  compare: [true satisfies Same<Own<CompareOptions>, Taken<typeof compareJson>>, true satisfies Same<keyof CompareState, StateKeys<typeof compareJson>>],
  logs: [true satisfies Same<Own<LogsOptions>, Taken<typeof logsJson>>, true satisfies Same<keyof LogsState, StateKeys<typeof logsJson>>],
};

const folder = path.join(__dirname, "../../../schema/views");
const schemas = fs.readdirSync(folder).map((file) => JSON.parse(fs.readFileSync(path.join(folder, file), "utf8")) as ViewSchema);

test("each schema of schema/views is checked against its view's types here", () => {
  expect(Object.keys(covered).sort()).toEqual(schemas.map((schema) => schema.title).sort());
});

test.each(schemas.map((schema) => [schema.title, schema] as const))(
  "%s: its defaults pass its own checks, and its state entries are options or have a schema",
  (_name, schema) => {
    const defaults = defaultOptions(schema);
    expect(checkOptions(schema, defaults)).toEqual(defaults);
    for (const [key, entry] of Object.entries(schema["x-state"])) {
      if (entry === true) expect(schema.properties).toHaveProperty(key);
      else expect(entry.description).toBeTruthy();
    }
    for (const [key, option] of viewOptions(schema)) expect([key, option.description]).toEqual([key, expect.stringMatching(/\S/)]);
    expect(() => checkState(schema, { nope: 1 })).toThrow(RunsDataError);
  },
);

test("the smoothing setting has the limits of the scalars view's smoothing option", () => {
  const { minimum, maximum } = scalarsJson.properties.smoothing;
  expect([plugin.properties.smoothing.minimum, plugin.properties.smoothing.maximum]).toEqual([minimum, maximum]);
});
