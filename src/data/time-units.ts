/**
 * Numbers that count time since 1970-01-01 UTC, in whichever unit a tracker wrote them: MLflow's
 * start_time and end_time are milliseconds, TensorBoard's wall times seconds, pandas' and
 * Arrow's integers nanoseconds. The unit is told by size alone: dates from 1990 to 2100 take
 * values in four ranges a factor of a thousand apart, which do not overlap.
 */
export type EpochUnit = "s" | "ms" | "us" | "ns";

export const UNITS_PER_SECOND: Readonly<Record<EpochUnit, number>> = { s: 1, ms: 1e3, us: 1e6, ns: 1e9 };

const UNIT_NAMES: Readonly<Record<EpochUnit, string>> = { s: "seconds", ms: "milliseconds", us: "microseconds", ns: "nanoseconds" };

/** 1990-01-01 and 2100-01-01, in seconds since 1970. */
const EARLIEST = 631_152_000;
const LATEST = 4_102_444_800;

/**
 * The unit in which every finite value is a date from 1990 to 2100, or null when they are not
 * (durations, steps, a mix of units, no finite value). NaN and infinities are left out.
 */
export function epochUnit(values: ArrayLike<number>): EpochUnit | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return null;
  for (const unit of Object.keys(UNITS_PER_SECOND) as EpochUnit[]) {
    const scale = UNITS_PER_SECOND[unit];
    if (min >= EARLIEST * scale && max <= LATEST * scale) return unit;
  }
  return null;
}

/** The values, counted in `from`, as counts of `to` (a new array; NaN and infinities stay). */
export function convertEpoch(values: ArrayLike<number>, from: EpochUnit, to: EpochUnit): Float64Array {
  const factor = UNITS_PER_SECOND[to] / UNITS_PER_SECOND[from];
  return Float64Array.from(values, (v) => v * factor);
}

/** What a view says when it reads a column of numbers as times: `"start_time" holds milliseconds since 1970: shown as dates (UTC).` */
export function epochNote(column: string, unit: EpochUnit): string {
  return `"${column}" holds ${UNIT_NAMES[unit]} since 1970: shown as dates (UTC).`;
}
