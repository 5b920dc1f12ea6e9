import { RunsDataError, messages, type ValueType } from "./errors.js";

/** The message word for one JavaScript value, or null for a missing one. */
export function valueTypeOf(value: unknown): ValueType | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "number":
    case "bigint":
      return "numbers";
    case "string":
      return "strings";
    case "boolean":
      return "booleans";
  }
  if (value instanceof Date) return "timestamps";
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return "binary";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return "lists";
  return "objects";
}

/** The single type of a column's values; throws when a column mixes types. Null when all are missing. */
export function columnValueType(column: string, values: ArrayLike<unknown>): ValueType | null {
  let found: ValueType | null = null;
  for (let i = 0; i < values.length; i++) {
    const type = valueTypeOf(values[i]);
    if (type === null || type === found) continue;
    if (found !== null) throw new RunsDataError(messages.mixedTypes(column, found, type));
    found = type;
  }
  return found;
}

const INFINITY = /^[+-]?inf(inity)?$/i;

/**
 * A number written as text, as MLflow stores every param ("0.001", "64", "nan", "-inf"),
 * or undefined when the text is not a number.
 */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (/^nan$/i.test(trimmed)) return NaN;
  if (INFINITY.test(trimmed)) return trimmed.startsWith("-") ? -Infinity : Infinity;
  const value = Number(trimmed);
  return Number.isNaN(value) ? undefined : value;
}

/** Text for a categorical value: booleans as true/false, nested values as JSON. */
export function categoryText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? Number(v) : v));
  }
  return String(value);
}

export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return NaN;
  if (value instanceof Date) return value.getTime();
  return Number(value);
}

/** The largest epoch milliseconds a Date holds, either side of 1970 (ECMAScript's time range). */
const LAST_DATE_MS = 8.64e15;

/** Times as epoch milliseconds, or the error naming the first that no Date can hold. */
export function checkedTimes(column: string, milliseconds: Float64Array): Float64Array {
  for (let row = 0; row < milliseconds.length; row++) {
    if (Math.abs(milliseconds[row]) > LAST_DATE_MS) throw new RunsDataError(messages.farTime(column, row));
  }
  return milliseconds;
}
