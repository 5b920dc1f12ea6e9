import MESSAGES from "../../schema/messages.json" with { type: "json" };
import { RunsDataError, formatMessage, messages } from "./errors.js";

/**
 * A view's options as schema/views/<view>.json declares them: a JSON Schema of the options
 * object (types, choices, defaults, limits, docs), with runcompare's own keywords:
 * - `x-data`: the view's first argument (its name, the table it is, and the widget's trait that
 *   carries it when not the trait of that name);
 * - `x-table`: an option that is a table, carried in the widget's trait of that name;
 * - `x-host`: an option the page's host gives (a function, not JSON): the notebook widget's
 *   `samples` asks the kernel for samples;
 * - `x-rule`: the words after "must be" in the message for a bad value;
 * - `x-name`: the name messages give a nested value ("filter kind");
 * - `x-side`: "python" for an option of the Python function alone (what the kernel sends);
 * - `x-state`: the entries of the view's state, `true` for an option the view's controls
 *   change, or an entry of the state's own;
 * - `x-python`, `x-label`: the Python class and module (and the default of its `store`), and the
 *   view's name in menus.
 * python/runcompare/_options.py checks the same options with the same words.
 */
export interface ViewSchema {
  readonly title: string;
  readonly description: string;
  readonly "x-data": { readonly name: string; readonly table: string; readonly trait?: string; readonly description: string };
  readonly "x-label": string;
  readonly properties: Readonly<Record<string, ValueSchema>>;
  readonly "x-state": Readonly<Record<string, true | ValueSchema>>;
  readonly $defs?: Readonly<Record<string, ValueSchema>>;
}

type JsonType = "string" | "number" | "integer" | "boolean" | "array" | "object" | "null";

export interface ValueSchema {
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: ValueSchema;
  readonly properties?: Readonly<Record<string, ValueSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | ValueSchema;
  readonly default?: unknown;
  readonly description?: string;
  readonly $ref?: string;
  readonly "x-table"?: string;
  readonly "x-host"?: string;
  readonly "x-rule"?: string;
  readonly "x-name"?: string;
  readonly "x-side"?: string;
}

/** Options every view takes besides its own: the selected run ids, its state and the colour of each run. */
const COMMON = ["selected", "state", "colors"];

/** The options of the view's own (those the Python function alone takes left out). */
export function viewOptions(schema: ViewSchema): [string, ValueSchema][] {
  return Object.entries(schema.properties).filter(([, option]) => option["x-side"] !== "python");
}

/** Every option at its default. */
export function defaultOptions(schema: ViewSchema): Record<string, unknown> {
  return Object.fromEntries(viewOptions(schema).map(([key, option]) => [key, option.default ?? null]));
}

/** The state's entries that are options the view's controls change, and those of the state's own. */
export function stateEntries(schema: ViewSchema): { options: string[]; own: string[] } {
  const entries = Object.entries(schema["x-state"]);
  return { options: entries.filter(([, entry]) => entry === true).map(([key]) => key), own: entries.filter(([, entry]) => entry !== true).map(([key]) => key) };
}

/**
 * The options given, checked against the schema in its order (the first bad one raises
 * RunsDataError with the words Python raises too), a single name made a list where a list
 * is taken; undefined options are left out. `selected` and `state` are checked too.
 */
export function checkOptions(schema: ViewSchema, options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const own = Object.fromEntries(viewOptions(schema));
  for (const key of Object.keys(options))
    if (!(key in own) && !COMMON.includes(key) && options[key] !== undefined)
      throw new RunsDataError(messages.unknownOption(schema.title, key, [...Object.keys(own), ...COMMON]));
  const checked: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(own)) if (options[key] !== undefined) checked[key] = checkValue(schema, option, options[key], key);
  if (options.selected !== undefined) checked.selected = checkValue(schema, { type: "array", items: { type: "string" } }, options.selected, "selected");
  if (options.state !== undefined && options.state !== null) checked.state = checkState(schema, options.state);
  if (options.colors !== undefined)
    checked.colors = checkValue(schema, { type: ["object", "null"], additionalProperties: { type: "string" } }, options.colors, "colors");
  return checked;
}

/** A state as `.state` gives it, checked: its entries named `state.<key>`. */
export function checkState(schema: ViewSchema, state: unknown): Record<string, unknown> {
  const entries = Object.fromEntries(
    Object.entries(schema["x-state"]).map(([key, entry]) => [key, { ...(entry === true ? schema.properties[key] : entry), "x-name": `state.${key}` }]),
  );
  return checkValue(schema, { type: "object", properties: entries, additionalProperties: false }, state, "state") as Record<string, unknown>;
}

function checkValue(schema: ViewSchema, declared: ValueSchema, value: unknown, name: string): unknown {
  const spec = resolve(schema, declared);
  const shown = spec["x-name"] ?? name;
  if (spec["x-table"] !== undefined || spec["x-host"] !== undefined) return value;
  // An empty schema takes any JSON value (a view's state inside the comparison page's, which that view checks).
  if (spec.type === undefined && spec.enum === undefined) return value;
  const types = typesOf(spec);
  if (value === null) {
    if (types.includes("null")) return null;
    throw fail(spec, shown, value);
  }
  if (spec.enum) {
    const allowed = spec.enum.filter((choice) => choice !== null);
    if (!allowed.includes(value)) throw new RunsDataError(messages.badOption(shown, allowed, value));
    return value;
  }
  if (types.includes("boolean") && typeof value === "boolean") return value;
  if (types.length === 1 && types[0] === "boolean") throw new RunsDataError(messages.badOption(shown, [true, false], value));
  if (typeof value === "string" && types.includes("string")) return types.includes("array") ? [value] : value;
  if (typeof value === "number" && (types.includes("number") || types.includes("integer"))) {
    const whole = !types.includes("number");
    const fits =
      Number.isFinite(value) && (!whole || Number.isInteger(value)) && !(value < (spec.minimum ?? -Infinity)) && !(value > (spec.maximum ?? Infinity));
    if (!fits) throw fail(spec, shown, value);
    return value;
  }
  if (Array.isArray(value) && types.includes("array"))
    return spec.items ? value.map((item, i) => checkValue(schema, spec.items!, item, `${shown}[${i}]`)) : [...value];
  if (isPlainObject(value) && types.includes("object")) return checkObject(schema, spec, value, shown);
  throw fail(spec, shown, value);
}

function checkObject(schema: ViewSchema, spec: ValueSchema, value: Record<string, unknown>, name: string): Record<string, unknown> {
  const properties = spec.properties ?? {};
  for (const key of spec.required ?? []) if (value[key] === undefined) throw new RunsDataError(messages.missingEntry(name, key));
  const checked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const entry = properties[key] ?? (typeof spec.additionalProperties === "object" ? spec.additionalProperties : null);
    if (!entry) throw new RunsDataError(messages.unknownEntry(name, key, Object.keys(properties)));
    checked[key] = checkValue(schema, entry, item, `${name}.${key}`);
  }
  return checked;
}

function resolve(schema: ViewSchema, spec: ValueSchema): ValueSchema {
  if (!spec.$ref) return spec;
  const { $ref, ...rest } = spec;
  return { ...schema.$defs![$ref.replace("#/$defs/", "")], ...rest };
}

function typesOf(spec: ValueSchema): readonly JsonType[] {
  return spec.type === undefined ? [] : typeof spec.type === "string" ? [spec.type] : spec.type;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function fail(spec: ValueSchema, name: string, value: unknown): RunsDataError {
  return new RunsDataError(messages.badValue(name, ruleOf(spec), value));
}

/** The words after "must be" for a value of this schema. */
export function ruleOf(spec: ValueSchema): string {
  if (spec["x-rule"]) return spec["x-rule"];
  const types = typesOf(spec).filter((type) => type !== "null");
  const word = (key: string) => (MESSAGES.words as Record<string, Record<string, string>>)[key].ts;
  if (types.includes("number") || types.includes("integer")) {
    const kind = word(types.includes("number") ? "number" : "integer");
    const { minimum, maximum } = spec;
    const limits = { kind, minimum, maximum };
    const rule = minimum !== undefined && maximum !== undefined ? "range" : minimum !== undefined ? "atLeast" : maximum !== undefined ? "atMost" : null;
    return rule ? formatMessage(MESSAGES.rules[rule], limits, MESSAGES.words, "ts") : kind;
  }
  if (types.includes("array")) return word(types.includes("string") ? "names" : "list");
  if (types.includes("object")) return word("object");
  return word("text");
}
