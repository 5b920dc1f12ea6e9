import fc from "fast-check";
import { counted, estimateWidth, fitText, narrowestFit, type Measure } from "../../../src/render/text";

/** One pixel per character: widths anyone can count. */
const perChar: Measure = (text) => text.length;

test("text that fits stays as it is, on one line", () => {
  expect(fitText("learning_rate", 13, perChar)).toEqual({ lines: ["learning_rate"], shortened: false, width: 13 });
});

test("a name wraps where it breaks: after / . _ - and spaces, and between camelCase words", () => {
  expect(fitText("val/loss/epoch_end", 10, perChar, 2).lines).toEqual(["val/loss/", "epoch_end"]);
  expect(fitText("params.learning_rate", 14, perChar, 2).lines).toEqual(["params.", "learning_rate"]);
  expect(fitText("LightGBMClassifier", 12, perChar, 2).lines).toEqual(["LightGBM", "Classifier"]);
  expect(fitText("a b c", 3, perChar, 3).lines).toEqual(["a b", "c"]);
});

test("a word too long for a line is split between letters before anything is left out", () => {
  expect(fitText("momentum", 5, perChar, 2)).toEqual({ lines: ["momen", "tum"], shortened: false, width: 5 });
  expect(fitText("momentum", 3, perChar, 2).shortened).toBe(true);
});

test("what does not fit in the lines allowed is shortened in the middle, as much kept as fits", () => {
  const fitted = fitText("data/preprocessing/feature_15/name", 10, perChar);
  expect(fitted.shortened).toBe(true);
  expect(fitted.lines).toEqual(["data/…name"]);
  expect(fitted.width).toBe(10);
  const two = fitText("data/preprocessing/feature_15/name", 10, perChar, 2);
  expect(two.shortened).toBe(true);
  expect(two.lines.length).toBe(2);
  expect(two.lines.join("")).toMatch(/^data\/.*….*name$/);
});

test("a name of 100,000 characters is shortened without measuring it letter by letter", () => {
  let measured = 0;
  const counting: Measure = (text) => (measured++, text.length);
  const fitted = fitText("x".repeat(50_000) + "/" + "y".repeat(49_999), 40, counting, 2);
  expect(fitted.shortened).toBe(true);
  expect(fitted.lines.join("")).toMatch(/^x+…y+$/);
  expect(fitted.lines.every((line) => line.length <= 40)).toBe(true);
  expect(measured).toBeLessThan(5_000);
});

test("a room too small for any character gives the ellipsis alone", () => {
  expect(fitText("abcdef", 1, perChar)).toEqual({ lines: ["…"], shortened: true, width: 1 });
});

test("every fitted line is within the room, at most the lines allowed, and unshortened text is all there", () => {
  const name = fc.stringMatching(/^[a-zA-Z0-9_/.\- ]{0,80}$/);
  fc.assert(
    fc.property(name, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 3 }), (text, width, lines) => {
      const fitted = fitText(text, width, estimateWidth, lines);
      expect(fitted.lines.length).toBeLessThanOrEqual(lines);
      for (const line of fitted.lines) expect(estimateWidth(line)).toBeLessThanOrEqual(Math.max(width, estimateWidth("…")));
      if (!fitted.shortened) expect(fitted.lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }),
  );
});

test("narrowestFit: the narrowest step at which texts wrap whole, no word split between letters", () => {
  // "Discriminator" is 13 wide: 3 lines of 8 would hold it only as "Discrimi" / "nator".
  expect(narrowestFit(["Discriminator loss"], perChar, 3, 8, 40, 1)).toBe(13);
  expect(narrowestFit(["a/b/c/d"], perChar, 3, 2, 40, 1)).toBe(3);
  // Past `most` nothing grows: a long word then is split as before.
  expect(narrowestFit(["Discriminator"], perChar, 3, 4, 10, 2)).toBe(10);
});

test("counted: one is singular, thousands are separated", () => {
  expect([counted(0, "run"), counted(1, "run"), counted(2, "run"), counted(12345, "run"), counted(1, "series", "series")]).toEqual([
    "0 runs",
    "1 run",
    "2 runs",
    "12,345 runs",
    "1 series",
  ]);
});
