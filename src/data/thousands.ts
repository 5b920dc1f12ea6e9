import { formatLocale } from "d3";

const grouped = formatLocale({ decimal: ".", thousands: ",", grouping: [3], currency: ["", ""], minus: "-" }).format(",.3~f");

/**
 * A number with commas between its thousands, as `toLocaleString("en")` writes it ("1,234,567";
 * at most three decimals). Not through `Intl`: a page's first formatting there starts ICU's number
 * formatting, 8-20 ms in the middle of the first view that writes a count.
 */
export function thousands(value: number): string {
  if (Number.isFinite(value)) return grouped(value);
  return Number.isNaN(value) ? "NaN" : value > 0 ? "∞" : "-∞";
}
