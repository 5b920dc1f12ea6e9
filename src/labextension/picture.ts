import { canvasBlob, svgImage, type Exportable } from "../render/export.js";

/**
 * The small picture a saved output keeps of its view, for readers who cannot draw it (GitHub,
 * nbconvert, JupyterLab without widget state). Within a byte budget, so that a saved view costs
 * its data and some 10 KB (base64 makes these bytes a third larger): a preview, not a figure
 * (the toolbar's SVG and PNG are those).
 */
export const PICTURE_BYTES = 4000;
/** Taller views (many charts, long legends) keep their top part: the bytes go to the charts. */
const MAX_ASPECT = 0.6;
const MIN_HEIGHT = 300;
const QUALITY = 0.5;
const SMALLEST_SCALE = 0.15;

/** The view's export drawn at the size it has on screen (at most), shrunk until it fits, as a data URL. */
export async function picture(view: HTMLElement & Exportable, budget = PICTURE_BYTES): Promise<string> {
  const { image, width, height } = await svgImage(view.exportSVG());
  const cropWidth = Math.min(width, view.clientWidth || width);
  const cropHeight = Math.min(height, Math.max(MIN_HEIGHT, cropWidth * MAX_ASPECT));
  let scale = 1;
  for (;;) {
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(cropWidth * scale));
    canvas.height = Math.max(1, Math.round(cropHeight * scale));
    canvas.getContext("2d")!.drawImage(image, 0, 0, cropWidth, cropHeight, 0, 0, canvas.width, canvas.height);
    const blob = await encode(canvas);
    if (blob.size <= budget || scale <= SMALLEST_SCALE) return dataURL(blob);
    // Bytes grow about with the area: aim a little under the budget.
    scale = Math.max(SMALLEST_SCALE, scale * Math.sqrt(budget / blob.size) * 0.95);
  }
}

/** WebP where the browser writes it (Chromium, Firefox), else JPEG (Safari). */
async function encode(canvas: HTMLCanvasElement): Promise<Blob> {
  const webp = await canvasBlob(canvas, "image/webp", QUALITY);
  return webp.type === "image/webp" ? webp : canvasBlob(canvas, "image/jpeg", QUALITY);
}

function dataURL(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
