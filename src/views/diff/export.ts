import { lineageDifferences, lineageWarning } from "../../data/lineage.js";
import { estimateWidth, fitText } from "../../render/text.js";
import type { Details } from "../../data/details.js";
import { isLongText, lineDiff, packageDiff, packageList, type Comparisons } from "../../data/diff.js";
import { toCSV } from "../../render/export.js";
import { exportTheme, svgDocument, svgElement } from "../../render/svg.js";
import { themeColor } from "../../render/style.js";
import type { DisplayRow } from "./rows.js";
import { thousands } from "../../data/thousands.js";

/** What the table compares: the details, the runs in order (base first) and the fields that pass the filter. */
export interface DiffContent {
  readonly details: Details;
  readonly comparisons: Comparisons;
  readonly fields: readonly number[];
}

/** The table as CSV: a row per field that passes the filter, its status, then each run's value (absent values empty). */
export function diffCSV({ details, comparisons, fields }: DiffContent): string {
  const { runs } = comparisons;
  const rows = fields.map((field) => [details.paths[field], comparisons.status[field], ...runs.map((run) => details.values[field][run])]);
  return toCSV(["field", "status", ...runs.map((run) => details.names[run])], rows);
}

/**
 * The fields that differ from the base, each with every compared run's value (null where
 * absent), and for package lists and long texts what changed against the base.
 */
export function diffJSON({ details, comparisons }: DiffContent): string {
  const { runs } = comparisons;
  const base = runs[0];
  const fields = comparisons.differing.map((field) => {
    const path = details.paths[field];
    const values = details.values[field];
    const entry: Record<string, unknown> = {
      path,
      status: comparisons.status[field],
      values: Object.fromEntries(runs.map((run) => [details.ids[run], values[run]])),
    };
    const baseText = values[base];
    const others = runs.slice(1).filter((run) => values[run] !== null && values[run] !== baseText);
    if (baseText === null || !others.length || !runs.some((run) => isLongText(values[run]))) return entry;
    const basePackages = packageList(path, baseText);
    const changes = others.map((run) => {
      const text = values[run]!;
      const packages = basePackages && packageList(path, text);
      if (packages) return [details.ids[run], { packages: packageDiff(basePackages!, packages) }];
      const { added, removed } = lineDiff(baseText, text);
      return [details.ids[run], { lines: { added, removed } }];
    });
    entry.changes = Object.fromEntries(changes);
    return entry;
  });
  const header = runs.map((run) => ({ run_id: details.ids[run], name: details.names[run] }));
  return JSON.stringify({ base: details.ids[base], runs: header, fields }, null, 2);
}

/** Cells the SVG export draws at most: 500,000 make a file of some 60 MB in seconds; more would hold the page for minutes. */
const MAX_SVG_CELLS = 500_000;
const ROW = 20;
const HEAD = 26;
const PAD = 8;
const NAME_WIDTH = 240;
const RUN_WIDTH = 160;
const CHAR_WIDTH = 6.6;
const INDENT = 12;

/** The rows as shown (collapsed sections closed, long values as their first line) as a standalone SVG document. */
export function diffSVG({ details, comparisons }: DiffContent, rows: readonly DisplayRow[], themed: Element): string {
  const theme = exportTheme(themed);
  const changed = themeColor(themed, "--rc-changed", "#d4a72c");
  const grid = themeColor(themed, "--rc-grid", "#d0d7de");
  const { runs } = comparisons;
  const shown = rows.filter((row) => row.kind !== "text");
  const cells = shown.length * (runs.length + 1);
  if (cells > MAX_SVG_CELLS) {
    throw new Error(
      `the SVG would hold ${thousands(cells)} cells (${thousands(shown.length)} rows of ${runs.length + 1}), more than the ${thousands(MAX_SVG_CELLS)} it draws: hide identical fields, collapse sections or compare fewer runs (the CSV holds every value)`,
    );
  }
  const width = PAD * 2 + NAME_WIDTH + runs.length * RUN_WIDTH;
  const height = PAD * 2 + HEAD + shown.length * ROW;
  const x = (column: number) => PAD + NAME_WIDTH + column * RUN_WIDTH;
  const text = (value: string, left: number, y: number, room: number, attributes: Record<string, string | number> = {}) => {
    const element = svgElement("text", { x: left, y, ...attributes });
    element.textContent = fit(value, room);
    return element;
  };
  const content: Element[] = [];

  const head = svgElement("g", { "font-weight": 600 });
  head.append(text("field", PAD + 6, PAD + 17, NAME_WIDTH - 12));
  runs.forEach((run, column) => head.append(text(column === 0 ? `${details.names[run]} (base)` : details.names[run], x(column) + 6, PAD + 17, RUN_WIDTH - 12)));
  content.push(head, line(PAD, width - PAD, PAD + HEAD, grid));

  shown.forEach((row, index) => {
    const top = PAD + HEAD + index * ROW;
    const baseline = top + 14;
    const indent = PAD + 6 + row.depth * INDENT;
    if (row.kind === "section") {
      const counts = `${row.collapsed ? "▸" : "▾"} ${row.label} · ${row.fields} fields${row.differing ? ` · ${row.differing} differ` : ""}`;
      content.push(text(counts, indent, baseline, width - indent - PAD, { "font-weight": 600 }));
    } else {
      const values = details.values[row.field];
      content.push(text(row.label, indent, baseline, NAME_WIDTH - (indent - PAD) - 6));
      runs.forEach((run, column) => {
        const comparison = column === 0 ? "identical" : comparisons.cell(row.field, column);
        if (comparison !== "identical")
          content.push(svgElement("rect", { x: x(column), y: top, width: RUN_WIDTH, height: ROW, fill: changed, "fill-opacity": 0.25 }));
        const value = values[run];
        const shownText = value === null ? "absent" : value === "" ? "empty" : value.split(/\r\n|\n|\r/, 1)[0];
        const attributes: Record<string, string> = value === null || value === "" ? { fill: theme.muted, "font-style": "italic" } : {};
        content.push(text(shownText, x(column) + 6, baseline, RUN_WIDTH - 12, attributes));
      });
    }
    content.push(line(PAD, width - PAD, top + ROW, grid));
  });
  // The lineage banner above the table, as the view shows it.
  const warning = lineageWarning(lineageDifferences(details, comparisons));
  if (!warning) return svgDocument(width, height, theme, content);
  const lines = fitText(warning, width - 2 * PAD - 12, estimateWidth, 4).lines;
  const banner = svgElement("g");
  banner.append(svgElement("rect", { x: PAD, y: PAD, width: width - 2 * PAD, height: lines.length * 16 + 8, fill: changed, "fill-opacity": 0.25 }));
  lines.forEach((words, i) => banner.append(text(words, PAD + 6, PAD + 17 + i * 16, width - 2 * PAD - 12)));
  const table = svgElement("g", { transform: `translate(0,${lines.length * 16 + 14})` });
  table.append(...content);
  return svgDocument(width, height + lines.length * 16 + 14, theme, [banner, table]);
}

function line(x1: number, x2: number, y: number, stroke: string): SVGLineElement {
  return svgElement("line", { x1, x2, y1: y, y2: y, stroke });
}

function fit(value: string, room: number): string {
  const chars = Math.max(1, Math.floor(room / CHAR_WIDTH));
  return value.length > chars ? value.slice(0, chars - 1) + "…" : value;
}
