import { sampleKind } from "../../data/media.js";
import type { Samples } from "../../data/samples.js";
import { spreadsheetSafe, toCSV } from "../../render/export.js";
import { exportTheme, svgDocument, svgElement } from "../../render/svg.js";
import { fitText, estimateWidth } from "../../render/text.js";
import { thousands } from "../../data/thousands.js";

/** One cell as exported: its run (column), series (grid row) and the sample row shown, or -1. */
export interface ExportedCell {
  readonly column: number;
  readonly series: number;
  readonly row: number;
}

export interface ExportedGrid {
  readonly samples: Samples;
  readonly runIds: readonly string[];
  readonly names: readonly string[];
  readonly seriesKeys: readonly string[];
  /** The grid's rows (series) and columns (runs) exported, in order. */
  readonly rows: readonly number[];
  readonly columns: readonly number[];
  readonly cells: readonly ExportedCell[];
  readonly size: number;
  /** A sample's bytes or text, when the view has them. */
  had(row: number): Uint8Array | string | null;
}

/** Every cell's sample: run, metric, variant, step, type, size, and its text for text samples the view has. */
export function samplesCSV(grid: ExportedGrid): string {
  const { samples } = grid;
  const rows = grid.cells.map(({ column, row }) => {
    if (row < 0) return [grid.runIds[column], grid.names[column], "", "", "", "", "", ""];
    const info = samples.series[samples.seriesOfRow[row]];
    const had = grid.had(row);
    const text = sampleKind(samples.mime(row)) === "text" && had !== null ? (typeof had === "string" ? had : new TextDecoder().decode(had)) : "";
    const size = samples.size(row);
    return [
      spreadsheetSafe(grid.runIds[column]),
      spreadsheetSafe(grid.names[column]),
      spreadsheetSafe(info.metric),
      spreadsheetSafe(info.variant ?? ""),
      samples.steps[row],
      spreadsheetSafe(samples.mime(row)),
      Number.isFinite(size) ? size : "",
      spreadsheetSafe(text),
    ];
  });
  return toCSV(["run_id", "name", "metric", "variant", "step", "mime", "bytes", "text"], rows);
}

const LABEL = 150;
const HEAD = 24;
const CAPTION = 16;
const GAP = 8;

/** The cells exported as a standalone SVG: images embedded as data URLs, text samples as text, others as a line saying what they are. */
export function samplesSVG(grid: ExportedGrid, view: Element): string {
  const theme = exportTheme(view);
  const cellWidth = Math.max(grid.size, 120) + GAP;
  const cellHeight = grid.size + CAPTION + GAP;
  const width = LABEL + grid.columns.length * cellWidth;
  const height = HEAD + grid.rows.length * cellHeight;
  const content: Element[] = [];
  const label = (text: string, x: number, y: number, room: number, weight = 400) => {
    const element = svgElement("text", { x, y, "font-weight": weight });
    element.textContent = fitText(text, room, estimateWidth).lines[0];
    content.push(element);
  };
  grid.columns.forEach((column, j) => label(grid.names[column], LABEL + j * cellWidth, 16, cellWidth - GAP, 600));
  grid.rows.forEach((series, i) => label(grid.seriesKeys[series], 4, HEAD + i * cellHeight + 14, LABEL - 8, 600));
  for (const cell of grid.cells) {
    const i = grid.rows.indexOf(cell.series);
    const j = grid.columns.indexOf(cell.column);
    if (i < 0 || j < 0) continue;
    const x = LABEL + j * cellWidth;
    const y = HEAD + i * cellHeight;
    content.push(svgElement("rect", { x, y, width: grid.size, height: grid.size, fill: "none", stroke: theme.muted, "stroke-opacity": 0.3 }));
    if (cell.row < 0) {
      label("no samples", x + 4, y + 14, grid.size - 8);
      continue;
    }
    label(`step ${thousands(grid.samples.steps[cell.row])}`, x, y + grid.size + 13, grid.size);
    content.push(...cellContent(grid, cell.row, x, y, theme.foreground));
  }
  return svgDocument(width, height, theme, content);
}

function cellContent(grid: ExportedGrid, row: number, x: number, y: number, color: string): Element[] {
  const mime = grid.samples.mime(row);
  const kind = sampleKind(mime);
  const had = grid.had(row);
  const url = grid.samples.url(row);
  if (kind === "image" && (had instanceof Uint8Array || url !== null)) {
    const href = had instanceof Uint8Array ? `data:${mime};base64,${base64(had)}` : url!;
    return [svgElement("image", { x, y, width: grid.size, height: grid.size, href, preserveAspectRatio: "xMidYMid meet" })];
  }
  if (kind === "text" && had !== null) {
    const text = typeof had === "string" ? had : new TextDecoder().decode(had);
    const lines = text.split(/\r\n|\n|\r/).slice(0, Math.floor(grid.size / 13));
    return lines.map((line, k) => {
      const element = svgElement("text", { x: x + 4, y: y + 13 + k * 13, fill: color });
      element.textContent = fitText(line, grid.size - 8, estimateWidth).lines[0];
      return element;
    });
  }
  const note = svgElement("text", { x: x + 4, y: y + 14, fill: color });
  note.textContent = kind ? `${kind} sample (${mime})` : `${mime || "unknown type"}: not shown`;
  return [note];
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
