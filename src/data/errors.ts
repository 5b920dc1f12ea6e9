import MESSAGES from "../../schema/messages.json" with { type: "json" };
import { thousands } from "./thousands.js";

/**
 * Errors about the data a user passed. Their messages are part of the contract: the Python
 * package raises the same words for the same input (tests/contract/cases.json holds both).
 */
export class RunsDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunsDataError";
  }
}

/** The words messages use for a column's value type, the same in TypeScript and Python. */
export type ValueType = "numbers" | "strings" | "booleans" | "timestamps" | "binary" | "lists" | "objects";

/** The limits both languages share (schema/messages.json says why each is what it is). */
const MAX_LISTED = MESSAGES.limits.listed;
const QUOTED = MESSAGES.limits.quoted;
export const MAX_DIFF_RUNS = MESSAGES.limits.diffRuns;
export const MAX_DETAILS_DEPTH = MESSAGES.limits.detailsDepth;

export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(", ");
  return names.length > MAX_LISTED ? `${shown}, … (${names.length} in all)` : shown;
}

export function quote(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > QUOTED ? value.slice(0, QUOTED) + "…" : value);
  return String(value);
}

/** The table a message is about, as users name what they passed. */
export type TableName = "runs" | "scalars" | "details" | "samples" | "plots" | "logs";

/** A message's template (schema/messages.json) filled with its arguments, given in the order its `args` name them. */
type Message = (...args: unknown[]) => string;

/**
 * The messages about data and options, from the templates TypeScript and Python share
 * (schema/messages.json): `messages.unknownColumn(name, columns)`.
 */
export const messages: Readonly<Record<string, Message>> = {
  ...templates(MESSAGES.messages),
  /** `table` (runs, scalars or details) is undefined for a file opened on its own, before its kind is known. */
  badIpc: (table, detail) => (table ? fill("badIpc", [table, detail]) : fill("badFileIpc", [detail])),
  /** `first` and `second`: { metric, variant }, variant null when there is none. */
  sameSeriesName: (table, key, first, second) => fill("sameSeriesName", [table, key, seriesName(first as SeriesName), seriesName(second as SeriesName)]),
  detailsTooDeep: (id) => fill("detailsTooDeep", [id, MAX_DETAILS_DEPTH]),
  diffTooManyRuns: (count) => fill("diffTooManyRuns", [MAX_DIFF_RUNS, count]),
};

/** What a view says when it read the data in a way a user may not expect, in the words Python says too. */
export const notes: Readonly<Record<string, Message>> = {
  ...templates(MESSAGES.notes),
  repeatedSteps: (count, run, series, step) =>
    fill("repeatedSteps", [count, count === 1 ? "report repeats a step" : "reports repeat a step", run, series, step]),
};

interface SeriesName {
  metric: string;
  variant: string | null;
}

function seriesName({ metric, variant }: SeriesName): string {
  return variant === null ? fill("seriesWithoutVariant", [metric]) : fill("series", [metric, variant]);
}

interface Template {
  args: readonly string[];
  text: string;
}

const ALL: Record<string, Template> = { ...MESSAGES.messages, ...MESSAGES.notes };

function templates(entries: Record<string, Template>): Record<string, Message> {
  return Object.fromEntries(Object.keys(entries).map((key) => [key, (...args: unknown[]) => fill(key, args)]));
}

function fill(key: string, args: readonly unknown[]): string {
  const { args: names, text } = ALL[key];
  return formatMessage(text, Object.fromEntries(names.map((name, i) => [name, args[i]])), MESSAGES.words, "ts");
}

const PLACEHOLDER = /\{(@?)(\w+)(?:\|(\w+)(?::(\d+))?)?\}/g;
const OPTIONAL = /\[\[(.*?)\]\]/g;

/**
 * A template filled with named arguments: {name}, {name|filter} or {name|filter:n} (quote, list,
 * quotes, quotesAnd, count, thousands), {@word} a word of the language's own, and [[...]] left out when an
 * argument inside it is null or an empty list. python/runcompare/_errors.py reads the same way.
 */
export function formatMessage(
  template: string,
  args: Readonly<Record<string, unknown>>,
  words: Readonly<Record<string, Readonly<Record<string, string>>>>,
  language: string,
): string {
  const absent = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  const kept = template.replace(OPTIONAL, (_, inner: string) =>
    [...inner.matchAll(PLACEHOLDER)].some(([, word, name]) => !word && absent(args[name])) ? "" : inner,
  );
  return kept.replace(PLACEHOLDER, (_, word: string, name: string, filter: string | undefined, count: string | undefined) =>
    word ? words[name][language] : FILTERS[filter ?? "text"](args[name], count === undefined ? undefined : Number(count)),
  );
}

const FILTERS: Record<string, (value: unknown, count?: number) => string> = {
  text: (value) => String(value),
  quote,
  list: (value) => listNames(value as string[]),
  quotes: (value, count) => {
    const values = value as unknown[];
    const shown = values.slice(0, count).map(quote).join(", ");
    return count !== undefined && values.length > count ? `${shown}, …` : shown;
  },
  quotesAnd: (value) => (value as unknown[]).map(quote).join(" and "),
  count: (value) => String((value as unknown[]).length),
  thousands: (value) => thousands(value as number),
};
