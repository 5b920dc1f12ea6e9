import { cellText } from "../values/format.js";

/** A number as a cell shows it: whole numbers in full, others to four significant digits; blank when missing. */
export function numberText(value: number): string {
  if (Number.isNaN(value)) return "";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return cellText(value, true);
}

/** An epoch time to the second, in UTC so that every reader sees the same text. */
export function exactTime(ms: number): string {
  if (!Number.isFinite(ms)) return "";
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const UNITS: readonly [string, number][] = [
  ["y", 365.25 * 86_400_000],
  ["mo", 30.44 * 86_400_000],
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["min", 60_000],
  ["s", 1000],
];

/** How long ago (or how long from now) a time is, in its largest whole unit: "3 d ago", "in 5 min". */
export function relativeTime(ms: number, now: number): string {
  if (!Number.isFinite(ms)) return "";
  const span = now - ms;
  const size = Math.abs(span);
  if (size < 45_000) return "just now";
  const [unit, length] = UNITS.find(([, length]) => size >= length) ?? UNITS[UNITS.length - 1];
  const count = Math.floor(size / length);
  return span >= 0 ? `${count} ${unit} ago` : `in ${count} ${unit}`;
}

/** A duration in its two largest units: "45 s", "12 min 5 s", "1 h 20 min", "2 d 3 h". */
export function durationText(ms: number): string {
  if (!Number.isFinite(ms)) return "";
  if (ms < 0) return `-${durationText(-ms)}`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const parts: string[] = [];
  let rest = Math.round(ms / 1000) * 1000;
  for (const [unit, length] of UNITS.slice(2)) {
    const count = Math.floor(rest / length);
    if (count > 0 || parts.length > 0) parts.push(`${count} ${unit}`);
    rest -= count * length;
    if (parts.length === 2) break;
  }
  return parts.filter((part, i) => i === 0 || !part.startsWith("0 ")).join(" ");
}
