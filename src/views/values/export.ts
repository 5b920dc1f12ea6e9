import type { DescribedComparisons } from "../../data/significance-text.js";
import { significanceLines } from "../../render/significance.js";
import { max } from "d3";
import { toCSV } from "../../render/export.js";
import { themeColor } from "../../render/style.js";
import { exportTheme, svgDocument, svgElement } from "../../render/svg.js";
import { cellText } from "./format.js";
import { cellAt, columnCount, columnHeading, cornerText, extremeLabel, rowHeading, type Grid } from "./grid.js";
import { fitText, fontMeasure, narrowestFit } from "../../render/text.js";
import { MARK } from "./table.js";
import { textWidth } from "./text.js";

/**
 * The table as CSV, laid out and ordered as shown, the values at full precision (missing ones
 * empty): a row per run (run_id, name, then a column per series), or a row per series (then a
 * column per run, headed by its name).
 */
export function valuesCSV(grid: Grid): string {
  const columns = Array.from({ length: columnCount(grid) }, (_, column) => column);
  const exact = (row: number) =>
    columns.map((column) => {
      const { value, reported } = cellAt(grid, row, column);
      return reported ? String(value) : "";
    });
  const rows = Array.from(grid.order, (_, row) => {
    const heading = rowHeading(grid, row);
    return [...(heading.run >= 0 ? [heading.id] : []), heading.text, ...exact(row)];
  });
  const corner = grid.runsAs === "rows" ? ["run_id", "name"] : ["metric"];
  return toCSV([...corner, ...columns.map((column) => columnHeading(grid, column).text)], rows);
}

const SUMMARY_CAPTION = { last: "Last value", min: "Minimum", max: "Maximum" } as const;
const FONT_SIZE = 12;
const ROW_HEIGHT = 20;
const LINE_HEIGHT = 14;
const NAME_LINES = 3;
const PADDING = 8;
const CELL_PADDING = 6;
const MARK_WIDTH = 12;
const MIN_COLUMN = 56;
const MAX_COLUMN = 168;
const MAX_METRIC = 320;

function text(attributes: Record<string, string | number>, content: string): SVGTextElement {
  const element = svgElement("text", attributes);
  element.textContent = content;
  return element;
}

/**
 * Every series and run of the table (not only those scrolled into view), laid out as shown, as
 * an SVG document in the colours and font the view has on the page.
 */
const NOTE_LINE = 16;
const NOTES_WIDTH = 640;

export function valuesSVG(grid: Grid, themed: Element, described: readonly (DescribedComparisons & { key: string })[] = []): string {
  const theme = exportTheme(themed);
  const rule = themeColor(themed, "--rc-grid", "#d0d7de");
  const accent = themeColor(themed, "--rc-accent", "#0969da");
  const fill = { max: themeColor(themed, "--rc-max", "#e8590c"), min: themeColor(themed, "--rc-min", "#1c7ed6") };
  const font = `${FONT_SIZE}px ${theme.font}`;
  const bold = `600 ${font}`;

  const rows = Array.from(grid.order, (_, row) => row);
  const columns = Array.from({ length: columnCount(grid) }, (_, column) => column);
  const cells = rows.map((row) => columns.map((column) => cellAt(grid, row, column)));
  const texts = cells.map((row) => row.map((cell) => cellText(cell.value, cell.reported)));
  const rowHeadings = rows.map((row) => rowHeading(grid, row));
  const headings = columns.map((column) => columnHeading(grid, column));
  const corner = cornerText(grid);
  const headingWidth = Math.min(MAX_METRIC, Math.max(textWidth(corner, bold), max(rowHeadings, (h) => textWidth(h.text, bold)) ?? 0) + 2 * CELL_PADDING);
  const measure = fontMeasure(bold);
  // The narrowest width, in 8px steps, at which a heading takes three lines at most.
  const nameWidth = (name: string) => narrowestFit([name], measure, NAME_LINES, MIN_COLUMN - 2 * CELL_PADDING, MAX_COLUMN - 2 * CELL_PADDING);
  const widths = columns.map((column) => {
    const values = max(texts, (row) => textWidth(row[column], font) + MARK_WIDTH) ?? 0;
    return Math.min(MAX_COLUMN, Math.max(nameWidth(headings[column].text), values) + 2 * CELL_PADDING);
  });
  // Headings wrap onto up to three lines where names break, like the headers on screen.
  const nameLines = headings.map((heading, column) => fitText(heading.text, widths[column] - 2 * CELL_PADDING, measure, NAME_LINES).lines);
  const headerHeight = Math.max(1, max(nameLines, (lines) => lines.length) ?? 0) * LINE_HEIGHT + 10;
  const xs: number[] = [];
  widths.reduce((x, width, column) => ((xs[column] = x), x + width), PADDING + headingWidth);
  const tableWidth = headingWidth + widths.reduce((sum, width) => sum + width, 0);
  const bodyTop = PADDING + headerHeight;
  const bodyBottom = bodyTop + rows.length * ROW_HEIGHT;
  const width = Math.ceil(tableWidth + 2 * PADDING);
  const height = Math.ceil(bodyBottom + ROW_HEIGHT + PADDING);
  const baseline = (top: number) => top + ROW_HEIGHT / 2 + FONT_SIZE * 0.35;
  const line = (y: number) => svgElement("line", { x1: PADDING, x2: PADDING + tableWidth, y1: y, y2: y, stroke: rule });
  const runTitle = (heading: { text: string; id: string }) => (heading.text === heading.id ? heading.id : `${heading.text} (${heading.id})`);

  const header = svgElement("g", { "font-weight": 600, fill: theme.foreground });
  const lastLine = bodyTop - 8;
  header.append(text({ x: PADDING + CELL_PADDING, y: lastLine }, corner));
  headings.forEach((heading, column) => {
    const x = xs[column] + widths[column] - CELL_PADDING;
    const lines = nameLines[column];
    // Bottom-aligned, as on screen: the last line sits just above the rule.
    const label = svgElement("text", { x, y: lastLine - (lines.length - 1) * LINE_HEIGHT, "text-anchor": "end" });
    lines.forEach((part, i) => {
      const span = svgElement("tspan", i ? { x, dy: LINE_HEIGHT } : {});
      span.textContent = part;
      label.append(span);
    });
    if (heading.run >= 0 && grid.selected.has(heading.run)) label.setAttribute("fill", accent);
    const title = svgElement("title");
    title.textContent = heading.run >= 0 ? runTitle(heading) : heading.text;
    label.append(title);
    header.append(label);
  });

  const body = svgElement("g", { fill: theme.foreground });
  rows.forEach((row, position) => {
    const top = bodyTop + position * ROW_HEIGHT;
    const y = baseline(top);
    const heading = rowHeadings[row];
    const label = text({ x: PADDING + CELL_PADDING, y, "font-weight": 600 }, fitText(heading.text, headingWidth - 2 * CELL_PADDING, measure).lines[0]);
    if (heading.run >= 0 && grid.selected.has(heading.run)) label.setAttribute("fill", accent);
    body.append(label);
    texts[row].forEach((shown, column) => {
      const { reported, extreme } = cells[row][column];
      if (extreme) {
        body.append(
          svgElement("rect", { x: xs[column], y: top, width: widths[column], height: ROW_HEIGHT, fill: fill[extreme], "fill-opacity": 0.24 }),
          text({ x: xs[column] + 4, y, "font-size": 9, fill: fill[extreme] }, MARK[extreme]),
        );
      }
      body.append(text({ x: xs[column] + widths[column] - CELL_PADDING, y, "text-anchor": "end", ...(reported ? {} : { fill: theme.muted }) }, shown));
    });
    body.append(line(top + ROW_HEIGHT));
  });
  const divider = svgElement("line", { x1: PADDING + headingWidth, x2: PADDING + headingWidth, y1: PADDING, y2: bodyBottom, stroke: rule });

  // What the numbers are, and the key to the highlights.
  const caption = `${SUMMARY_CAPTION[grid.summary]} of each series`;
  const y = baseline(bodyBottom);
  const key = svgElement("g", { fill: theme.muted });
  key.append(text({ x: PADDING, y }, caption));
  if (grid.extremes) {
    let x = PADDING + textWidth(caption, font) + 16;
    for (const extreme of ["max", "min"] as const) {
      const label = `${MARK[extreme]} ${extremeLabel(grid.runsAs, extreme)}`;
      key.append(text({ x, y, fill: fill[extreme] }, label));
      x += textWidth(label, font) + 16;
    }
  }
  const table = svgElement("g", { "font-size": FONT_SIZE });
  table.append(header, line(bodyTop), body, divider, key);
  // Each series' groups compared with the base, under the table as on screen.
  // A narrow table (one series) gets a wider document, so the lines read as on screen.
  const noteWidth = described.length ? Math.max(width, NOTES_WIDTH) : width;
  const notes = described.flatMap(({ key, base, texts }) => significanceLines(base, texts, noteWidth - 2 * PADDING, measure, `${key} (${grid.summary})`));
  notes.forEach((note, i) => table.append(text({ x: PADDING, y: height + (i + 1) * NOTE_LINE, fill: note.muted ? theme.muted : theme.foreground }, note.text)));
  return svgDocument(noteWidth, height + (notes.length ? notes.length * NOTE_LINE + PADDING : 0), theme, [table]);
}
