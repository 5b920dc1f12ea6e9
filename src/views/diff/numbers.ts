import { parseNumber } from "../../data/values.js";

/** Numbers are shown to at least this many significant digits, more where runs differ further down. */
const MIN_DIGITS = 4;
/** Texts of numbers with up to this many significant digits are shown as written. */
const SHORT = 6;

/**
 * How a field's numbers are shown: the fewest significant digits (from four) at which the runs'
 * distinct values still read differently, so 0.0066000684198951574 shows as 0.0066 beside 0.0033
 * and in full beside 0.0066000684198951; null when no value of the field needs rounding (texts,
 * and numbers as short as "0.1" or "1e-05" are shown as written). The cell's title and every
 * export keep the text as it is.
 */
export function fieldDigits(values: readonly (string | null)[]): number | null {
  const numbers = new Set<number>();
  let long = false;
  for (const text of values) {
    const value = text === null ? undefined : numberIn(text);
    if (value === undefined) continue;
    numbers.add(value);
    if (significantDigits(text!) > SHORT) long = true;
  }
  if (!long) return null;
  const distinct = [...numbers];
  for (let digits = MIN_DIGITS; digits < 17; digits++) {
    if (new Set(distinct.map((v) => rounded(v, digits))).size === distinct.length) return digits;
  }
  return 17;
}

/** A value as the diff shows it: a number rounded to `digits` significant digits (null: as written). */
export function shownNumber(text: string, digits: number | null): string {
  if (digits === null) return text;
  const value = numberIn(text);
  if (value === undefined || significantDigits(text) <= digits) return text;
  // Written out in full, a number keeps the digits before its point (123456.7 shows as 123457).
  const whole = /[eE]/.test(text) || Math.abs(value) < 1 ? 0 : Math.floor(Math.log10(Math.abs(value))) + 1;
  return rounded(value, Math.min(17, Math.max(digits, whole)));
}

function rounded(value: number, digits: number): string {
  return String(Number(value.toPrecision(digits)));
}

/**
 * The finite number a text holds, written with a fractional part or in e-notation; else
 * undefined. Whole numbers (counts, seeds, millisecond timestamps) are shown as written.
 */
function numberIn(text: string): number | undefined {
  if (!/^\s*[-+]?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][-+]?\d+)([eE][-+]?\d+)?\s*$/.test(text)) return undefined;
  const value = parseNumber(text);
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** Significant digits written in a number's text: "0.00660" has three, "1200" two, "1e-05" one. */
function significantDigits(text: string): number {
  const mantissa = text
    .trim()
    .replace(/^[-+]/, "")
    .replace(/[eE].*$/, "");
  const digits = mantissa.replace(".", "").replace(/^0+/, "");
  return (mantissa.includes(".") ? digits : digits.replace(/0+$/, "")).length;
}
