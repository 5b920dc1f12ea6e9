/**
 * Writes src/headless/font-metrics.json: the advance widths (in em) and kerning of DejaVu Sans,
 * regular and bold, the font Chromium draws the views' sans-serif text in on Debian (and the
 * font the headless renderer's PNG and PDF use). The headless renderer fits text with these
 * widths, where a browser measures with a canvas. Run `node scripts/font-metrics.mjs` after a
 * change of font; it reads the files of Debian's fonts-dejavu-core.
 */
import fs from "node:fs";
import opentype from "opentype.js";

const FONTS = { regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" };
/** Latin, Greek, punctuation, arrows and maths: what run names, params and numbers hold. */
const RANGES = [
  [0x20, 0x24f],
  [0x370, 0x3ff],
  [0x2010, 0x206f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
  [0x25a0, 0x25ff],
];

const metrics = {};
for (const [weight, file] of Object.entries(FONTS)) {
  const bytes = fs.readFileSync(file);
  const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const em = font.unitsPerEm;
  const widths = {};
  const glyphs = new Map();
  for (const [from, to] of RANGES) {
    for (let code = from; code <= to; code++) {
      const glyph = font.charToGlyph(String.fromCodePoint(code));
      if (!glyph || glyph.index === 0) continue;
      widths[String.fromCodePoint(code)] = +(glyph.advanceWidth / em).toFixed(5);
      glyphs.set(String.fromCodePoint(code), glyph);
    }
  }
  // Kerning of printable ASCII pairs (Chromium kerns text): the pairs whose adjustment is not zero.
  const kerning = {};
  // DejaVu kerns in its GPOS table (Latin script), which getKerningValue alone does not read.
  const tables = font.position.getKerningTables("latn");
  const ascii = [...glyphs.keys()].filter((c) => c.codePointAt(0) < 0x7f);
  for (const a of ascii) {
    for (const b of ascii) {
      const k = font.position.getKerningValue(tables, glyphs.get(a).index, glyphs.get(b).index);
      if (k) kerning[a + b] = +(k / em).toFixed(5);
    }
  }
  metrics[weight] = { widths, kerning, fallback: +(font.charToGlyph("x").advanceWidth / em).toFixed(5) };
}
fs.writeFileSync(new URL("../src/headless/font-metrics.json", import.meta.url), JSON.stringify({ family: "DejaVu Sans", ...metrics }) + "\n");
