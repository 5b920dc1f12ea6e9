import { lab, rgb } from "d3";
import { CATEGORICAL, categoricalColor, runColors } from "../../../src/render/color";

interface Lab {
  l: number;
  a: number;
  b: number;
}

/** CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), written out from the paper. */
function deltaE2000(c1: Lab, c2: Lab): number {
  const rad = Math.PI / 180;
  const C1 = Math.hypot(c1.a, c1.b);
  const C2 = Math.hypot(c2.a, c2.b);
  const Cbar = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cbar ** 7 / (Cbar ** 7 + 25 ** 7)));
  const a1 = (1 + G) * c1.a;
  const a2 = (1 + G) * c2.a;
  const C1p = Math.hypot(a1, c1.b);
  const C2p = Math.hypot(a2, c2.b);
  const hue = (b: number, a: number) => (((Math.atan2(b, a) / rad) % 360) + 360) % 360;
  const h1 = hue(c1.b, a1);
  const h2 = hue(c2.b, a2);
  let dh = h2 - h1;
  if (dh > 180) dh -= 360;
  if (dh < -180) dh += 360;
  if (C1p * C2p === 0) dh = 0;
  const dL = c2.l - c1.l;
  const dC = C2p - C1p;
  const dH = 2 * Math.sqrt(C1p * C2p) * Math.sin((dh / 2) * rad);
  const Lbar = (c1.l + c2.l) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbar = h1 + h2;
  if (C1p * C2p !== 0) hbar = Math.abs(h1 - h2) > 180 ? (hbar < 360 ? (hbar + 360) / 2 : (hbar - 360) / 2) : hbar / 2;
  const T =
    1 - 0.17 * Math.cos((hbar - 30) * rad) + 0.24 * Math.cos(2 * hbar * rad) + 0.32 * Math.cos((3 * hbar + 6) * rad) - 0.2 * Math.cos((4 * hbar - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hbar - 275) / 25) ** 2));
  const Rc = 2 * Math.sqrt(Cbarp ** 7 / (Cbarp ** 7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lbar - 50) ** 2) / Math.sqrt(20 + (Lbar - 50) ** 2);
  const Sc = 1 + 0.045 * Cbarp;
  const Sh = 1 + 0.015 * Cbarp * T;
  const Rt = -Math.sin(2 * dTheta * rad) * Rc;
  return Math.sqrt((dL / Sl) ** 2 + (dC / Sc) ** 2 + (dH / Sh) ** 2 + Rt * (dC / Sc) * (dH / Sh));
}

const difference = (hex1: string, hex2: string) => deltaE2000(lab(hex1), lab(hex2));

/** WCAG contrast ratio of two colours. */
function contrast(hex1: string, hex2: string): number {
  const luminance = (hex: string) => {
    const { r, g, b } = rgb(hex);
    const linear = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const [a, b] = [luminance(hex1), luminance(hex2)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

describe("categorical colours", () => {
  test("the CIEDE2000 formula as written here gives the paper's test pairs", () => {
    // Sharma, Wu and Dalal, table 1: pairs 1, 7 and 17.
    expect(deltaE2000({ l: 50, a: 2.6772, b: -79.7751 }, { l: 50, a: 0, b: -82.7485 })).toBeCloseTo(2.0425, 4);
    expect(deltaE2000({ l: 50, a: 0, b: 0 }, { l: 50, a: -1, b: 2 })).toBeCloseTo(2.3669, 4);
    expect(deltaE2000({ l: 50, a: 2.5, b: 0 }, { l: 73, a: 25, b: -18 })).toBeCloseTo(27.1492, 4);
  });

  test("twenty colours before any repeats, every two at least 16 apart (CIEDE2000)", () => {
    expect(CATEGORICAL).toHaveLength(20);
    expect(new Set(CATEGORICAL).size).toBe(20);
    let closest = Infinity;
    for (let i = 0; i < CATEGORICAL.length; i++)
      for (let j = i + 1; j < CATEGORICAL.length; j++) closest = Math.min(closest, difference(CATEGORICAL[i], CATEGORICAL[j]));
    expect(closest).toBeGreaterThanOrEqual(16);
    expect(categoricalColor(20)).toBe(CATEGORICAL[0]);
    expect(categoricalColor(19)).toBe(CATEGORICAL[19]);
  });

  test("each stands out from the faded lines of unselected runs, and on white and on a dark page", () => {
    for (const color of CATEGORICAL) {
      // --rc-faded on a light page and in the dark theme of tests/browser/legibility.js
      expect(difference(color, "#d0d7de")).toBeGreaterThanOrEqual(12);
      expect(difference(color, "#3a3a3a")).toBeGreaterThanOrEqual(12);
      expect(contrast(color, "#ffffff")).toBeGreaterThanOrEqual(1.6);
      expect(contrast(color, "#111111")).toBeGreaterThanOrEqual(3.5);
    }
  });
});

describe("colours by a numeric column", () => {
  const column = (values: number[]) =>
    ({ name: "metrics.reward", key: "reward", role: "metric", label: "reward", kind: "numeric", values: Float64Array.from(values), temporal: false }) as const;

  test("a gradient between the ends of the values", () => {
    const { legend } = runColors(column([-300, NaN, -235]), "viridis");
    expect(legend.kind).toBe("continuous");
    expect(legend.kind === "continuous" && legend.domain).toEqual([-300, -235]);
  });

  test("one value (one run has it) is a swatch of the colour its run is drawn in, not a bar between equal ends", () => {
    const colors = runColors(column([NaN, -235, NaN]), "viridis");
    expect(colors.legend).toEqual({ kind: "categorical", entries: [{ label: "−235", color: colors.palette[colors.paletteIndex[1]] }] });
    expect(colors.paletteIndex[0]).toBe(-1);
  });
});
