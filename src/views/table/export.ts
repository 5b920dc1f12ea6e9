import type { TableColumn } from "../../data/run-table.js";
import { toCSV } from "../../render/export.js";
import { themeColor } from "../../render/style.js";
import { exportTheme, svgDocument, svgElement } from "../../render/svg.js";
import { fitText, fontMeasure } from "../../render/text.js";
import { csvValue, shownText, type CellContext } from "./cells.js";

/** Rows to export: positions [from, to) of the order shown. */
export interface ExportedRows {
  readonly order: Uint32Array;
  readonly ranks: Uint32Array | null;
  readonly from: number;
  readonly to: number;
}

/**
 * The rows as CSV with the columns shown: run_id, name, the rank when ranked, then each column
 * by its full name (toCSV neutralises text a spreadsheet would take for a formula).
 */
export function tableCSV(columns: readonly TableColumn[], rows: ExportedRows, context: CellContext): string {
  const { table } = context;
  const header = ["run_id", "name", ...(rows.ranks ? ["rank"] : []), ...columns.map((c) => c.id)];
  const lines: (string | number | null)[][] = [];
  for (let position = rows.from; position < rows.to; position++) {
    const row = rows.order[position];
    const rank = rows.ranks ? [rows.ranks[position] || null] : [];
    lines.push([table.ids[row], table.names[row], ...rank, ...columns.map((c) => csvValue(c, row))]);
  }
  return toCSV(header, lines);
}

const FONT_SIZE = 12;
const ROW = 22;
const HEADER = 24;
const PADDING = 8;
const CELL_PADDING = 6;

/** The rows and columns as a standalone SVG table, in the view's colours and font. */
export function tableSVG(columns: readonly { column: TableColumn; width: number }[], rows: ExportedRows, context: CellContext, themed: Element): string {
  const theme = exportTheme(themed);
  const grid = themeColor(themed, "--rc-grid", "#d0d7de");
  const font = `${FONT_SIZE}px ${theme.font}`;
  const bold = `600 ${font}`;
  // Numbers and durations right-aligned, as on screen (and the rank).
  const shown = [
    ...(rows.ranks ? [{ label: "#", width: 40, right: true }] : []),
    ...columns.map(({ column, width }) => ({ label: column.label, width, right: column.kind === "number" || column.kind === "duration" })),
  ];
  const xs: number[] = [];
  const tableWidth = shown.reduce((x, column, i) => ((xs[i] = x), x + column.width), 0);
  const count = rows.to - rows.from;
  const width = Math.ceil(tableWidth + 2 * PADDING);
  const height = Math.ceil(HEADER + count * ROW + 2 * PADDING);
  const baseline = (top: number, size: number) => top + size / 2 + FONT_SIZE * 0.35;
  const text = (c: number, y: number, content: string, weight = font) => {
    const { width: limit, right } = shown[c];
    const x = PADDING + xs[c] + (right ? limit - CELL_PADDING : CELL_PADDING);
    const element = svgElement("text", { x, y, ...(right ? { "text-anchor": "end" } : {}) });
    element.textContent = fitText(content, limit - 2 * CELL_PADDING, fontMeasure(weight), 1).lines[0];
    return element;
  };
  const header = svgElement("g", { "font-weight": 600 });
  shown.forEach((column, c) => header.append(text(c, baseline(PADDING, HEADER), column.label, bold)));
  const body = svgElement("g");
  for (let i = 0; i < count; i++) {
    const position = rows.from + i;
    const row = rows.order[position];
    const top = PADDING + HEADER + i * ROW;
    const cells = [
      ...(rows.ranks ? [rows.ranks[position] ? String(rows.ranks[position]) : ""] : []),
      ...columns.map(({ column }) => shownText(column, row, context)),
    ];
    cells.forEach((cell, c) => body.append(text(c, baseline(top, ROW), cell)));
    body.append(svgElement("line", { x1: PADDING, x2: PADDING + tableWidth, y1: top + ROW, y2: top + ROW, stroke: grid }));
  }
  const rule = svgElement("line", { x1: PADDING, x2: PADDING + tableWidth, y1: PADDING + HEADER, y2: PADDING + HEADER, stroke: theme.muted });
  const table = svgElement("g", { "font-size": FONT_SIZE });
  table.append(header, rule, body);
  return svgDocument(width, height, theme, [table]);
}
