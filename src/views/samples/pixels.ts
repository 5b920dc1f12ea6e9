/** An image's pixels, for the viewer's pixel values and the difference of two images. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  /** RGBA, row by row; null when the browser will not let the page read them (an image from another site). */
  readonly data: Uint8ClampedArray | null;
  /** The image drawn, to paint from. */
  readonly canvas: HTMLCanvasElement;
}

/** Draws a decoded image onto a canvas of its own size and reads its pixels back. */
export function pixelsOf(image: HTMLImageElement): Pixels {
  const width = image.naturalWidth || image.width || 1;
  const height = image.naturalHeight || image.height || 1;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.drawImage(image, 0, 0, width, height);
  let data: Uint8ClampedArray | null = null;
  try {
    data = context.getImageData(0, 0, width, height).data;
  } catch {
    // A tainted canvas (an image from another origin): shown, but its values cannot be read.
  }
  return { width, height, data, canvas };
}

/** The pixel's RGBA at (x, y), or null outside the image or where pixels cannot be read. */
export function pixelAt(pixels: Pixels, x: number, y: number): [number, number, number, number] | null {
  if (!pixels.data || x < 0 || y < 0 || x >= pixels.width || y >= pixels.height) return null;
  const i = (y * pixels.width + x) * 4;
  const d = pixels.data;
  return [d[i], d[i + 1], d[i + 2], d[i + 3]];
}

export interface Difference {
  readonly pixels: Pixels;
  /** Mean and largest absolute difference over the RGB channels, 0 to 255. */
  readonly mean: number;
  readonly max: number;
  /** The two sizes differed: only the area both cover is compared. */
  readonly cropped: boolean;
}

/** |a − b| per RGB channel (opaque), over the area both images cover; null when either's pixels are unreadable. */
export function difference(a: Pixels, b: Pixels): Difference | null {
  if (!a.data || !b.data) return null;
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  const out = context.createImageData(width, height);
  let sum = 0;
  let max = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const d = Math.abs(a.data[i + c] - b.data[j + c]);
        out.data[o + c] = d;
        sum += d;
        if (d > max) max = d;
      }
      out.data[o + 3] = 255;
    }
  }
  context.putImageData(out, 0, 0);
  return {
    pixels: { width, height, data: out.data, canvas },
    mean: width * height ? sum / (width * height * 3) : 0,
    max,
    cropped: a.width !== b.width || a.height !== b.height,
  };
}
