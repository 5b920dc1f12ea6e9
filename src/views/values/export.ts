import { toCSV } from "../../render/export.js";
import { themeColor } from "../../render/style.js";
import { exportTheme, svgDocument, svgElement } from "../../render/svg.js";
import { extremeOf } from "./extremes.js";
import { cellText } from "./format.js";
import { EXTREME_LABEL, MARK, type TableContent } from "./table.js";
import { fitText, textWidth, widthForLines, wrapText } from "./text.js";

/** The table as CSV: a row per series in the shown order, a column per run headed by its name; missing values empty. */
export function valuesCSV(content: TableContent): string {
  const { columns } = content;
  const rows = Array.from(content.order, (index) => {
    const row = content.rows[index];
    return [row.key, ...Array.from(row.values, (value, column) => (row.reported[column] ? cellText(value, true) : ""))];
  });
  return toCSV(["metric", ...columns.names], rows);
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
 * Every series and run of the table (not only the columns scrolled into view) as an SVG
 * document, in the colours and font the view has on the page.
 */
export function valuesSVG(content: TableContent, themed: Element): string {
  const theme = exportTheme(themed);
  const grid = themeColor(themed, "--rc-grid", "#d0d7de");
  const accent = themeColor(themed, "--rc-accent", "#0969da");
  const fill = { max: themeColor(themed, "--rc-max", "#e8590c"), min: themeColor(themed, "--rc-min", "#1c7ed6") };
  const font = `${FONT_SIZE}px ${theme.font}`;
  const bold = `600 ${font}`;

  const { columns, rows, order } = content;
  const texts = rows.map((row) => Array.from(row.values, (value, column) => cellText(value, row.reported[column] === 1)));
  const metricWidth = Math.min(MAX_METRIC, Math.max(textWidth("metric", bold), ...rows.map((row) => textWidth(row.key, bold))) + 2 * CELL_PADDING);
  const widths = columns.ids.map((_, column) => {
    const name = widthForLines(columns.names[column], bold, NAME_LINES, MIN_COLUMN - 2 * CELL_PADDING, MAX_COLUMN - 2 * CELL_PADDING);
    const cells = Math.max(...texts.map((row) => textWidth(row[column], font) + MARK_WIDTH));
    return Math.min(MAX_COLUMN, Math.max(name, cells) + 2 * CELL_PADDING);
  });
  // Run names wrap onto up to three lines, like the headers on screen.
  const nameLines = columns.names.map((name, column) => wrapText(name, widths[column] - 2 * CELL_PADDING, bold, NAME_LINES));
  const headerHeight = Math.max(1, ...nameLines.map((lines) => lines.length)) * LINE_HEIGHT + 10;
  const xs: number[] = [];
  widths.reduce((x, width, column) => ((xs[column] = x), x + width), PADDING + metricWidth);
  const tableWidth = metricWidth + widths.reduce((sum, width) => sum + width, 0);
  const bodyTop = PADDING + headerHeight;
  const bodyBottom = bodyTop + order.length * ROW_HEIGHT;
  const width = Math.ceil(tableWidth + 2 * PADDING);
  const height = Math.ceil(bodyBottom + ROW_HEIGHT + PADDING);
  const baseline = (top: number) => top + ROW_HEIGHT / 2 + FONT_SIZE * 0.35;
  const rule = (y: number) => svgElement("line", { x1: PADDING, x2: PADDING + tableWidth, y1: y, y2: y, stroke: grid });

  const header = svgElement("g", { "font-weight": 600, fill: theme.foreground });
  const lastLine = bodyTop - 8;
  header.append(text({ x: PADDING + CELL_PADDING, y: lastLine }, "metric"));
  columns.ids.forEach((id, column) => {
    const name = columns.names[column];
    const x = xs[column] + widths[column] - CELL_PADDING;
    const lines = nameLines[column];
    // Bottom-aligned, as on screen: the last line sits just above the rule.
    const label = svgElement("text", { x, y: lastLine - (lines.length - 1) * LINE_HEIGHT, "text-anchor": "end" });
    lines.forEach((line, i) => {
      const span = svgElement("tspan", i ? { x, dy: LINE_HEIGHT } : {});
      span.textContent = line;
      label.append(span);
    });
    if (content.selected.has(column)) label.setAttribute("fill", accent);
    const title = svgElement("title");
    title.textContent = name === id ? id : `${name} (${id})`;
    label.append(title);
    header.append(label);
  });

  const body = svgElement("g", { fill: theme.foreground });
  order.forEach((index, position) => {
    const row = rows[index];
    const top = bodyTop + position * ROW_HEIGHT;
    const y = baseline(top);
    body.append(text({ x: PADDING + CELL_PADDING, y, "font-weight": 600 }, fitText(row.key, metricWidth - 2 * CELL_PADDING, bold)));
    const extremes = content.extremes?.[index] ?? null;
    texts[index].forEach((shown, column) => {
      const reported = row.reported[column] === 1;
      const extreme = reported ? extremeOf(row.values[column], extremes) : null;
      if (extreme) {
        body.append(
          svgElement("rect", { x: xs[column], y: top, width: widths[column], height: ROW_HEIGHT, fill: fill[extreme], "fill-opacity": 0.24 }),
          text({ x: xs[column] + 4, y, "font-size": 9, fill: fill[extreme] }, MARK[extreme]),
        );
      }
      body.append(text({ x: xs[column] + widths[column] - CELL_PADDING, y, "text-anchor": "end", ...(reported ? {} : { fill: theme.muted }) }, shown));
    });
    body.append(rule(top + ROW_HEIGHT));
  });
  const divider = svgElement("line", { x1: PADDING + metricWidth, x2: PADDING + metricWidth, y1: PADDING, y2: bodyBottom, stroke: grid });

  // What the numbers are, and the key to the highlights.
  const caption = `${SUMMARY_CAPTION[content.summary]} of each series`;
  const y = baseline(bodyBottom);
  const key = svgElement("g", { fill: theme.muted });
  key.append(text({ x: PADDING, y }, caption));
  if (content.extremes) {
    let x = PADDING + textWidth(caption, font) + 16;
    for (const extreme of ["max", "min"] as const) {
      const label = `${MARK[extreme]} ${EXTREME_LABEL[extreme]}`;
      key.append(text({ x, y, fill: fill[extreme] }, label));
      x += textWidth(label, font) + 16;
    }
  }
  const table = svgElement("g", { "font-size": FONT_SIZE });
  table.append(header, rule(bodyTop), body, divider, key);
  return svgDocument(width, height, theme, [table]);
}
