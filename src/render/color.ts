import { rgb, interpolateCividis, interpolateMagma, interpolatePlasma, interpolateTurbo, interpolateViridis, scaleLinear, scaleLog, format } from "d3";
import { finiteExtent, logOffered } from "../data/axes.js";
import type { RunColumn } from "../data/runs.js";

/**
 * Colours for runs, groups and categories: Tableau 10's nine hues (grey left out: it reads as a
 * faded line), then eleven more picked one at a time as far (CIEDE2000) from all before as sRGB
 * allows, among colours with some chroma that stand out on white and on a dark page. Any two
 * differ by a CIEDE2000 of 16 or more; tests/unit/render/color.test.ts checks that and the contrast.
 */
export const CATEGORICAL: readonly string[] = [
  "#4e79a7",
  "#f28e2c",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc949",
  "#af7aa1",
  "#ff9da7",
  "#9c755f",
  "#a120f7",
  "#776f00",
  "#0a7b6c",
  "#acb1f0",
  "#2fb5fa",
  "#d11376",
  "#f654f9",
  "#c04304",
  "#a89c62",
  "#a1c313",
  "#7961a3",
];

/** The index-th categorical colour; they repeat after CATEGORICAL.length. */
export function categoricalColor(index: number): string {
  return CATEGORICAL[index % CATEGORICAL.length];
}

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
  /** Made for a dark background. */
  readonly dark: boolean;
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

/**
 * Continuous schemes, each with the part of its range that reads on a light page and on a dark
 * one (viridis' last yellows vanish on white, its first purples on black).
 */
const SCHEMES: Record<string, { interpolate: (t: number) => string; light: [number, number]; dark: [number, number] }> = {
  viridis: { interpolate: interpolateViridis, light: [0, 0.9], dark: [0.25, 1] },
  plasma: { interpolate: interpolatePlasma, light: [0, 0.9], dark: [0.2, 1] },
  magma: { interpolate: interpolateMagma, light: [0.1, 0.85], dark: [0.3, 1] },
  cividis: { interpolate: interpolateCividis, light: [0, 0.9], dark: [0.25, 1] },
  turbo: { interpolate: interpolateTurbo, light: [0.05, 0.95], dark: [0.05, 0.95] },
};
export const COLOR_SCHEMES = Object.keys(SCHEMES);

function ramp(scheme: string, dark: boolean): (t: number) => string {
  const { interpolate, light, dark: onDark } = Object.hasOwn(SCHEMES, scheme) ? SCHEMES[scheme] : SCHEMES.viridis;
  const [from, to] = dark ? onDark : light;
  return (t) => interpolate(from + (to - from) * t);
}

/**
 * The scheme the page asks for: the JupyterLab extension's setting arrives as the CSS property
 * --rc-color-scheme on the document, so views from every bundle (widget, MIME, files) follow it.
 */
export function preferredScheme(): string {
  if (typeof document === "undefined") return "viridis";
  const name = getComputedStyle(document.documentElement).getPropertyValue("--rc-color-scheme").trim();
  return name in SCHEMES ? name : "viridis";
}

/** Whether a view sits on a dark background (its resolved --rc-bg), to pick the readable part of a scheme. */
export function onDarkBackground(element: Element): boolean {
  const color = rgb(getComputedStyle(element).getPropertyValue("--rc-bg").trim() || "#ffffff");
  return 0.2126 * color.r + 0.7152 * color.g + 0.0722 * color.b < 128;
}

export function runColors(column: RunColumn, scheme = preferredScheme(), dark = false): RunColors {
  return column.kind === "categorical" ? categoricalColors(column, dark) : continuousColors(column, ramp(scheme, dark), dark);
}

function categoricalColors(column: Extract<RunColumn, { kind: "categorical" }>, dark: boolean): RunColors {
  const index = new Map(column.categories.map((c, i) => [c, i]));
  const palette = column.categories.map((_, i) => categoricalColor(i));
  const paletteIndex = Int32Array.from(column.values, (v) => (v === null ? -1 : index.get(v)!));
  const entries = column.categories.map((label, i) => ({ label, color: palette[i] }));
  return { column, palette, paletteIndex, missingColor: MISSING, legend: { kind: "categorical", entries }, dark };
}

function continuousColors(column: Extract<RunColumn, { kind: "numeric" }>, ramp: (t: number) => string, dark: boolean): RunColors {
  const extent = finiteExtent(column.values) ?? [0, 1];
  const log = logOffered(column);
  const position = (log ? scaleLog() : scaleLinear())
    .domain(extent)
    .range([0, BINS - 1])
    .clamp(true);
  const palette = Array.from({ length: BINS }, (_, i) => ramp(i / (BINS - 1)));
  const values = column.values;
  const paletteIndex = new Int32Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const v = values[row];
    paletteIndex[row] = Number.isFinite(v) && (!log || v > 0) ? Math.round(position(v)) : -1;
  }
  const stops = Array.from({ length: 9 }, (_, i) => ramp(i / 8));
  const label = format(".3~g");
  // One value (a single run with it): its swatch, not a gradient between two equal ends.
  const legend: RunColors["legend"] =
    extent[0] === extent[1]
      ? { kind: "categorical", entries: [{ label: label(extent[0]), color: palette[Math.round(position(extent[0]))] }] }
      : { kind: "continuous", domain: extent, log, stops, format: label };
  return { column, palette, paletteIndex, missingColor: MISSING, legend, dark };
}

/**
 * The colour of each run as a page of several views gives it (the `colors` option: run id to CSS
 * colour), as the colours of a column named "run" holding the runs' names, which a view colours
 * by when no colour column is chosen. Null when the page gives none. Runs it gives no colour
 * keep the categorical colour of their row. The legend names the runs up to LEGEND_RUNS of them;
 * past that it would bury the view, and the page shows each run's colour itself.
 */
const LEGEND_RUNS = 20;

export function pageRunColors(
  runs: { readonly ids: readonly string[]; readonly names: readonly string[] },
  colors: Readonly<Record<string, string>> | null | undefined,
): { column: RunColumn; colors: RunColors } | null {
  if (!colors) return null;
  const byRow = runs.ids.map((id, row) => (Object.hasOwn(colors, id) ? colors[id] : categoricalColor(row)));
  const palette = [...new Set(byRow)];
  const index = new Map(palette.map((color, i) => [color, i]));
  const column: RunColumn = { name: "run", key: "run", label: "run", role: "attribute", kind: "categorical", values: runs.names, categories: [...runs.names] };
  const entries = runs.names.length > LEGEND_RUNS ? [] : runs.names.map((label, row) => ({ label, color: byRow[row] }));
  const paletteIndex = Int32Array.from(byRow, (color) => index.get(color)!);
  return { column, colors: { column, palette, paletteIndex, missingColor: MISSING, legend: { kind: "categorical", entries }, dark: false } };
}

/** A run's colour: the page's for it, else the categorical colour of its place. */
export function runColor(colors: Readonly<Record<string, string>> | null | undefined, id: string, index: number): string {
  return colors && Object.hasOwn(colors, id) ? colors[id] : categoricalColor(index);
}
