import { pngScale } from "../../../src/render/png-size";

describe("the scale a figure is drawn at in a PNG", () => {
  test("the scale asked for, where the PNG stays within 32,767 pixels a side and 268 million in all", () => {
    expect(pngScale(800, 600, 2)).toBe(2);
    expect(pngScale(20_000, 600, 2)).toBeCloseTo(32_767 / 20_000, 12);
    expect(pngScale(600, 30_000, 2)).toBeCloseTo(32_767 / 30_000, 12);
    const [width, height] = [16_000, 16_000];
    const scale = pngScale(width, height, 2);
    expect(Math.round(width * scale) * Math.round(height * scale)).toBeLessThanOrEqual(268_435_456);
  });

  test("a figure larger than that at its own size is refused, saying its size and what to save instead", () => {
    expect(() => pngScale(800, 62_080, 2)).toThrow(
      "the view is 800 × 62,080 pixels, larger than a PNG can be drawn (32,767 pixels a side): save it as SVG or CSV",
    );
  });
});
