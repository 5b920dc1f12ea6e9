import { formatLocale } from "d3";

// A hyphen-minus rather than d3's typographic minus, so that text copied out of the table
// (or its CSV) reads back as a number.
const number = formatLocale({ decimal: ".", thousands: ",", grouping: [3], currency: ["", ""], minus: "-" }).format(".4~g");

export const MISSING_TEXT = "—";

/** What a cell shows: the value to four significant digits, "NaN", or an em dash for a run that never reported the series. */
export function cellText(value: number, reported: boolean): string {
  if (!reported) return MISSING_TEXT;
  return number(value);
}
