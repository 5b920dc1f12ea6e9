/// <reference types="node" />
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * The fonts the headless renderer measures and draws text in, by CSS family: DejaVu Sans (which
 * the build puts beside the bundle, and the fallback), the generic families (sans-serif, serif,
 * monospace) as Chromium on Debian takes them, Times, Arial, Helvetica and Courier as the fonts of
 * their metrics (Liberation), and any family the machine's font files hold (fontconfig's list,
 * else the usual font folders), read with fontkit. Nothing is fetched.
 */

export interface Face {
  file: string;
  /** The family as CSS names it: the font's typographic family ("Latin Modern Roman"), else its family. */
  family: string;
  weight: number;
  italic: boolean;
  /** OpenType's width class: 5 is normal, less condensed. */
  stretch: number;
}

export interface Family {
  name: string;
  regular: Face;
  bold: Face;
}

export const FALLBACK = "DejaVu Sans";

/** What each generic family is, the first of its list found (Debian's fontconfig picks DejaVu first, as Chromium draws it). */
const GENERIC: Record<string, readonly string[]> = {
  "sans-serif": [FALLBACK],
  "system-ui": [FALLBACK],
  "ui-sans-serif": [FALLBACK],
  serif: ["DejaVu Serif", "Liberation Serif", "Times New Roman", "Times", "Latin Modern Roman"],
  "ui-serif": ["DejaVu Serif", "Liberation Serif", "Times New Roman", "Times"],
  monospace: ["DejaVu Sans Mono", "Liberation Mono", "Courier New", "Courier"],
  "ui-monospace": ["DejaVu Sans Mono", "Liberation Mono", "Courier New", "Courier"],
};

/** Families papers name, and the free fonts of the same metrics that stand in for them (fonts-liberation). */
const METRIC_ALIASES: Record<string, string> = {
  "times new roman": "Liberation Serif",
  times: "Liberation Serif",
  arial: "Liberation Sans",
  helvetica: "Liberation Sans",
  "courier new": "Liberation Mono",
  courier: "Liberation Mono",
};

/** The bundle's fonts/ folder first (dist/, the Python package's static/render/), then the machine's. */
const BUNDLED = new URL("fonts/", import.meta.url).pathname;
const home = os.homedir();
const FONT_DIRS = [
  BUNDLED,
  "/usr/share/fonts",
  "/usr/local/share/fonts",
  path.join(home, ".fonts"),
  path.join(home, ".local/share/fonts"),
  "/Library/Fonts",
  "/System/Library/Fonts",
  path.join(home, "Library/Fonts"),
  "C:\\Windows\\Fonts",
];
const FONT_FILE = /\.(ttf|otf)$/i;

/** The machine's font files: the bundle's, fontconfig's (which knows folders such as TeX's), and those of the usual folders. */
function fontFiles(): string[] {
  const files = new Set<string>();
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 6) walk(file, depth + 1);
      else if (FONT_FILE.test(entry.name)) files.add(file);
    }
  };
  for (const dir of FONT_DIRS) walk(dir, 0);
  try {
    const listed = execFileSync("fc-list", ["--format", "%{file}\\n"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 });
    for (const file of listed.split("\n")) if (FONT_FILE.test(file)) files.add(file);
  } catch {
    // No fontconfig (macOS, Windows): the folders above.
  }
  return [...files];
}

let index: Map<string, Face[]> | null = null;

/** Every face of the machine by family name, lower-cased (each face under its typographic family and its family). */
function faces(): Map<string, Face[]> {
  if (index) return index;
  index = new Map();
  for (const file of fontFiles().sort()) {
    let font: fontkit.Font;
    try {
      const opened = fontkit.openSync(file);
      if (!("unitsPerEm" in opened)) continue;
      font = opened;
    } catch {
      continue;
    }
    const records = font.name?.records ?? {};
    const names = [records.preferredFamily?.en, records.fontFamily?.en ?? font.familyName].filter((name): name is string => !!name);
    if (!names.length) continue;
    const os2 = font["OS/2"];
    const face: Face = {
      file,
      family: names[0],
      weight: os2?.usWeightClass ?? (/bold/i.test(font.subfamilyName ?? "") ? 700 : 400),
      italic: font.italicAngle !== 0 || /italic|oblique/i.test(font.subfamilyName ?? ""),
      stretch: os2?.usWidthClass ?? 5,
    };
    for (const name of new Set(names.map((n) => n.toLowerCase()))) {
      if (!index.has(name)) index.set(name, []);
      index.get(name)!.push(face);
    }
  }
  return index;
}

/** The upright face of normal width nearest `weight`; the first file in order among equals. */
function nearest(candidates: readonly Face[], weight: number): Face {
  const cost = (face: Face) => (face.italic ? 10_000 : 0) + Math.abs(face.stretch - 5) * 1000 + Math.abs(face.weight - weight);
  return candidates.reduce((best, face) => (cost(face) < cost(best) ? face : best));
}

/** A family of the machine by name (no generic, no alias), or null. */
function installed(name: string): Family | null {
  const candidates = faces().get(name.toLowerCase());
  if (!candidates?.length) return null;
  const regular = nearest(candidates, 400);
  return { name: regular.family, regular, bold: nearest(candidates, 700) };
}

/** The families of a CSS font-family list, unquoted ("Times New Roman", "serif"). */
export function familyNames(css: string): string[] {
  return css
    .split(",")
    .map((name) => name.trim().replace(/^(["'])(.*)\1$/, "$2"))
    .filter(Boolean);
}

/** One family of a list, as a generic, a family the machine has, or the free font of its metrics. */
function oneFamily(name: string): Family | null {
  const lower = name.toLowerCase();
  if (GENERIC[lower]) {
    for (const candidate of GENERIC[lower]) {
      const family = installed(candidate) ?? (METRIC_ALIASES[candidate.toLowerCase()] ? installed(METRIC_ALIASES[candidate.toLowerCase()]) : null);
      if (family) return family;
    }
    return null;
  }
  return installed(name) ?? (METRIC_ALIASES[lower] ? installed(METRIC_ALIASES[lower]) : null);
}

const resolved = new Map<string, Family>();

/** The font a CSS font-family list is drawn in: its first family found, else DejaVu Sans. */
export function resolveFamily(css: string): Family {
  let family = resolved.get(css);
  if (!family) {
    family = familyNames(css).reduce<Family | null>((found, name) => found ?? oneFamily(name), null) ?? fallback();
    resolved.set(css, family);
  }
  return family;
}

function fallback(): Family {
  const family = installed(FALLBACK);
  if (!family)
    throw new Error(`DejaVu Sans is missing (looked in ${FONT_DIRS.slice(0, 2).join(", ")}): rebuild runcompare, or install the fonts-dejavu-core package`);
  return family;
}

const warned = new Set<string>();

/**
 * When the first family of a CSS list (the `fontFamily` a user gave) is not found, one warning
 * on stderr (once a process): the family, the one drawn in instead, the families this machine has.
 */
export function warnMissingFamily(css: string) {
  const [first] = familyNames(css);
  if (!first || warned.has(first) || oneFamily(first)) return;
  warned.add(first);
  const available = [...new Set([...faces().values()].flat().map((face) => face.family))].sort();
  process.stderr.write(
    `runcompare: warning: font family "${first}" is not installed here; drawing in ${resolveFamily(css).name}. ` +
      `The families found: sans-serif, serif, monospace, ${available.join(", ")}\n`,
  );
}

/** A face opened once, with its advance widths and kerning pairs kept as they are measured. */
interface Metrics {
  font: fontkit.Font;
  advances: Map<string, number>;
  kerning: Map<string, number>;
}
const opened = new Map<string, Metrics>();

/**
 * The width in ems of `text` in a face: each character's advance and each pair's kerning (what
 * fontkit's layout gives for the two), kept per character and per pair, which is 30 times quicker
 * than laying out each text whole.
 */
export function textEms(face: Face, text: string): number {
  let metrics = opened.get(face.file);
  if (!metrics) {
    metrics = { font: fontkit.openSync(face.file) as fontkit.Font, advances: new Map(), kerning: new Map() };
    opened.set(face.file, metrics);
  }
  const { font, advances, kerning } = metrics;
  const advance = (char: string) => {
    let width = advances.get(char);
    if (width === undefined) advances.set(char, (width = font.layout(char).advanceWidth));
    return width;
  };
  let units = 0;
  let previous = "";
  for (const char of text) {
    units += advance(char);
    if (previous) {
      const pair = previous + char;
      let kern = kerning.get(pair);
      if (kern === undefined) kerning.set(pair, (kern = font.layout(pair).advanceWidth - advance(previous) - advance(char)));
      units += kern;
    }
    previous = char;
  }
  return units / font.unitsPerEm;
}
