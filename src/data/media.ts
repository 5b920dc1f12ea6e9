/**
 * What a sample's mime type lets a view do with it. Only types a browser renders inertly are
 * shown as media: raster images, SVG (as an image, where it runs no script and loads nothing),
 * audio and video in the browser's own players. Text of any kind, text/html included, is shown as
 * text. Anything else gets a placeholder that names the type.
 */
export type SampleKind = "image" | "audio" | "video" | "text";

const MEDIA: Record<string, SampleKind> = {
  "image/png": "image",
  "image/apng": "image",
  "image/jpeg": "image",
  "image/gif": "image",
  "image/webp": "image",
  "image/avif": "image",
  "image/bmp": "image",
  "image/svg+xml": "image",
  "audio/wav": "audio",
  "audio/x-wav": "audio",
  "audio/wave": "audio",
  "audio/mpeg": "audio",
  "audio/mp4": "audio",
  "audio/aac": "audio",
  "audio/ogg": "audio",
  "audio/flac": "audio",
  "audio/webm": "audio",
  "video/mp4": "video",
  "video/webm": "video",
  "video/ogg": "video",
};

/** Text types beyond text/*: shown as text. */
const TEXT = new Set(["application/json", "application/x-ndjson", "application/xml", "application/yaml", "application/x-yaml", "application/toml"]);

/** "Image/PNG; charset=x" as "image/png"; "" for what is no type at all. */
export function normalMime(mime: string | null | undefined): string {
  if (!mime) return "";
  const type = mime.split(";")[0].trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(type) ? type : "";
}

/** How a sample of this (normalised) type is shown, or null when it is not shown. */
export function sampleKind(mime: string): SampleKind | null {
  if (mime in MEDIA) return MEDIA[mime];
  if (mime.startsWith("text/") || TEXT.has(mime)) return "text";
  return null;
}

const MAGIC: readonly [string, number[], number][] = [
  ["image/png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0],
  ["image/jpeg", [0xff, 0xd8, 0xff], 0],
  ["image/gif", [0x47, 0x49, 0x46, 0x38], 0],
  ["image/bmp", [0x42, 0x4d], 0],
  ["audio/flac", [0x66, 0x4c, 0x61, 0x43], 0],
  ["audio/ogg", [0x4f, 0x67, 0x67, 0x53], 0],
  ["audio/mpeg", [0x49, 0x44, 0x33], 0],
  ["video/webm", [0x1a, 0x45, 0xdf, 0xa3], 0],
  ["video/mp4", [0x66, 0x74, 0x79, 0x70], 4],
];

/**
 * The type of a sample's bytes by their first bytes (python/runcompare/_media.py sniffs alike),
 * or "" when unknown. RIFF files are told apart by their form type (WAVE, WEBP).
 */
export function sniffMime(bytes: Uint8Array): string {
  const at = (offset: number, expected: readonly number[]) => expected.every((byte, i) => bytes[offset + i] === byte);
  const ascii = (offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length));
  if (ascii(0, 4) === "RIFF") return ({ WAVE: "audio/wav", WEBP: "image/webp" } as Record<string, string>)[ascii(8, 4)] ?? "";
  for (const [mime, magic, offset] of MAGIC) if (at(offset, magic)) return mime;
  if (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0) return "audio/mpeg";
  const head = ascii(0, Math.min(bytes.length, 256)).trimStart().toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return "image/svg+xml";
  return "";
}

const EXTENSIONS: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  bmp: "image/bmp",
  svg: "image/svg+xml",
  wav: "audio/wav",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  flac: "audio/flac",
  mp4: "video/mp4",
  webm: "video/webm",
  txt: "text/plain",
  log: "text/plain",
  md: "text/markdown",
  json: "application/json",
  html: "text/html",
};

/** The type a file name or address implies by its extension, or "". */
export function mimeOfName(name: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(name.split(/[?#]/)[0])?.[1]?.toLowerCase();
  return (extension && EXTENSIONS[extension]) || "";
}
