import { interpolateCividis, interpolateMagma, interpolatePlasma, interpolateTurbo, interpolateViridis, schemeTableau10, scaleLinear, scaleLog, format } from "d3";
import { finiteExtent, logOffered } from "../data/axes.js";
import type { RunColumn } from "../data/runs.js";

/** Continuous colours are binned so each bin's lines go out in one canvas path. */
const BINS = 48;
const MISSING = "#9a9a9a";

/**
 * How runs are coloured: a palette, and each run's index into it (one canvas path per colour).
 * Index -1 means the run has no value for the colour column.
 */
export interface RunColors {
  readonly column: RunColumn;
  readonly palette: readonly string[];
  readonly paletteIndex: Int32Array;
  readonly missingColor: string;
  readonly legend: ContinuousLegend | CategoricalLegend;
}

export interface ContinuousLegend {
  kind: "continuous";
  domain: [number, number];
  log: boolean;
  /** Gradient stops from low to high. */
  stops: string[];
  format: (value: number) => string;
}

export interface CategoricalLegend {
  kind: "categorical";
  entries: { label: string; color: string }[];
}

/** Continuous schemes, each cut short of the end that vanishes on a white page. */
export const COLOR_SCHEMES: Record<string, (t: number) => string> = {
  viridis: (t) => interpolateViridis(0.9 * t),
  plasma: (t) => interpolatePlasma(0.9 * t),
  magma: (t) => interpolateMagma(0.1 + 0.75 * t),
  cividis: (t) => interpolateCividis(0.9 * t),
  turbo: (t) => interpolateTurbo(0.05 + 0.9 * t),
};

/**
 * The scheme the page asks for: the JupyterLab extension's setting arrives as the CSS property
 * --rc-color-scheme on the document, so views from every bundle (widget, MIME, files) follow it.
 */
export function preferredScheme(): string {
  if (typeof document === "undefined") return "viridis";
  const name = getComputedStyle(document.documentElement).getPropertyValue("--rc-color-scheme").trim();
  return name in COLOR_SCHEMES ? name : "viridis";
}

export function runColors(column: RunColumn, scheme = preferredScheme()): RunColors {
  return column.kind === "categorical" ? categoricalColors(column) : continuousColors(column, COLOR_SCHEMES[scheme] ?? COLOR_SCHEMES.viridis);
}

function categoricalColors(column: Extract<RunColumn, { kind: "categorical" }>): RunColors {
  const index = new Map(column.categories.map((c, i) => [c, i]));
  const palette = column.categories.map((_, i) => schemeTableau10[i % schemeTableau10.length]);
  const paletteIndex = Int32Array.from(column.values, (v) => (v === null ? -1 : index.get(v)!));
  const entries = column.categories.map((label, i) => ({ label, color: palette[i] }));
  return { column, palette, paletteIndex, missingColor: MISSING, legend: { kind: "categorical", entries } };
}

function continuousColors(column: Extract<RunColumn, { kind: "numeric" }>, ramp: (t: number) => string): RunColors {
  const extent = finiteExtent(column.values) ?? [0, 1];
  const log = logOffered(column);
  const position = (log ? scaleLog() : scaleLinear()).domain(extent).range([0, BINS - 1]).clamp(true);
  const palette = Array.from({ length: BINS }, (_, i) => ramp(i / (BINS - 1)));
  const values = column.values;
  const paletteIndex = new Int32Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const v = values[row];
    paletteIndex[row] = Number.isFinite(v) && (!log || v > 0) ? Math.round(position(v)) : -1;
  }
  const stops = Array.from({ length: 9 }, (_, i) => ramp(i / 8));
  return {
    column,
    palette,
    paletteIndex,
    missingColor: MISSING,
    legend: { kind: "continuous", domain: extent, log, stops, format: format(".3~g") },
  };
}
