import { kindOfRow, type LogDiff } from "../../../data/log-diff.js";
import { spreadsheetSafe, toCSV } from "../../../render/export.js";
import { exportTheme, svgDocument, svgElement } from "../../../render/svg.js";

/** Every row of the diff: how it compares, and each side's line number and text. */
export function logsCSV(diff: LogDiff): string {
  const rows = Array.from(diff.kinds, (_, row) => {
    const left = diff.leftLine[row];
    const right = diff.rightLine[row];
    return [
      kindOfRow(diff, row),
      left >= 0 ? left + 1 : "",
      left >= 0 ? spreadsheetSafe(diff.left[left]) : "",
      right >= 0 ? right + 1 : "",
      right >= 0 ? spreadsheetSafe(diff.right[right]) : "",
    ];
  });
  return toCSV(["comparison", "base_line", "base_text", "line", "text"], rows);
}

const ROW = 15;
const COLUMN = 560;
const COLORS: Record<string, string> = { removed: "#cf222e", added: "#2da44e", changed: "#bf8700", numbers: "#9a6700" };

/** The rows from `first` to `end` side by side as SVG text, differing rows with a coloured bar. */
export function logsSVG(diff: LogDiff, names: [string, string], first: number, end: number, view: Element): string {
  const theme = exportTheme(view);
  const content: Element[] = [];
  names.forEach((name, side) => {
    const title = svgElement("text", { x: 8 + side * COLUMN, y: 14, "font-weight": 600 });
    title.textContent = name;
    content.push(title);
  });
  for (let row = first; row < end; row++) {
    const y = 20 + (row - first) * ROW;
    const kind = kindOfRow(diff, row);
    if (kind !== "same") content.push(svgElement("rect", { x: 0, y, width: 4, height: ROW - 2, fill: COLORS[kind] }));
    [diff.leftLine[row], diff.rightLine[row]].forEach((line, side) => {
      if (line < 0) return;
      const text = svgElement("text", { x: 8 + side * COLUMN, y: y + 11, "font-family": "monospace", "font-size": 10, "xml:space": "preserve" });
      const full = (side === 0 ? diff.left : diff.right)[line];
      text.textContent = `${String(line + 1).padStart(6)}  ${full.length > 90 ? full.slice(0, 89) + "…" : full}`;
      content.push(text);
    });
  }
  return svgDocument(2 * COLUMN, 24 + (end - first) * ROW, theme, content);
}
