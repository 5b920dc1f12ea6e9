/** A canvas sized in CSS pixels and drawn at the device's pixel ratio, so lines stay sharp. */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number, ratio = window.devicePixelRatio || 1) {
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const context = canvas.getContext("2d")!;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}
