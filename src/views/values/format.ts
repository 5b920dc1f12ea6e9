import { formatLocale } from "d3";

// A hyphen-minus rather than d3's typographic minus, so that text copied out of the table
// (or its CSV) reads back as a number.
const locale = formatLocale({ decimal: ".", thousands: ",", grouping: [3], currency: ["", ""], minus: "-" });
const number = locale.format(".4~g");
// d3's "g" writes 190900 as 1.909e+5: up to a million, the digits read better (no separator, so a copy reads back).
const whole = locale.format(".4~r");

export const MISSING_TEXT = "—";

/** What a cell shows: the value to four significant digits, "NaN", or an em dash for a run that never reported the series. */
export function cellText(value: number, reported: boolean): string {
  if (!reported) return MISSING_TEXT;
  const size = Math.abs(value);
  return size >= 1e4 && size < 1e6 ? whole(value) : number(value);
}
