/** Saving what a view shows: SVG and CSV as text, PNG rasterised from the SVG. */

export interface Exportable {
  exportSVG(): string;
  exportCSV(): string;
}

export function download(filename: string, content: Blob) {
  const url = URL.createObjectURL(content);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const svgBlob = (svg: string) => new Blob([svg], { type: "image/svg+xml" });
export const csvBlob = (csv: string) => new Blob([csv], { type: "text/csv" });

/** Draws an SVG document onto a canvas at `ratio` times its size (2 by default: crisp on print and HiDPI). */
export async function svgToPng(svg: string, ratio = 2): Promise<Blob> {
  const document_ = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = document_.documentElement;
  const width = Number(root.getAttribute("width"));
  const height = Number(root.getAttribute("height"));
  const image = new Image();
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    image.src = url;
    await image.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext("2d")!;
  context.scale(ratio, ratio);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the PNG"))), "image/png"),
  );
}

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. */
export function toCSV(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const field = (value: unknown) => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [header.map(field).join(",")];
  for (const row of rows) lines.push(row.map(field).join(","));
  return lines.join("\r\n") + "\r\n";
}

/**
 * Text that a spreadsheet opening the CSV would run as a formula (it starts with = + - @, a tab
 * or a carriage return) with a ' in front, as OWASP's advice on CSV injection says. For text
 * cells only: numbers are written as numbers.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
