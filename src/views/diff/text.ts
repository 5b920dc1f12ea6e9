import { lineDiff, packageDiff, packageList, splitLines, withContext, type DiffLine, type PackageDiff, type SkippedLines } from "../../data/diff.js";
import { appendMarked } from "./marks.js";

/** What a cell of an expanded long field shows: the text itself, its line diff or package diff against the base, or nothing. */
export type TextPanel =
  | { readonly kind: "plain"; readonly lines: readonly string[] }
  | { readonly kind: "absent" }
  | { readonly kind: "lines"; readonly lines: readonly (DiffLine | SkippedLines)[]; readonly added: number; readonly removed: number }
  | { readonly kind: "packages"; readonly diff: PackageDiff };

export function textPanel(path: string, value: string | null, base: string | null, isBase: boolean): TextPanel {
  if (value === null) return { kind: "absent" };
  if (isBase || base === null || value === base) return { kind: "plain", lines: splitLines(value) };
  const before = packageList(path, base);
  const after = before && packageList(path, value);
  if (before && after) return { kind: "packages", diff: packageDiff(before, after) };
  const { lines, added, removed } = lineDiff(base, value);
  return { kind: "lines", lines: withContext(lines), added, removed };
}

/** The lines a panel takes when drawn. */
export function panelLines(panel: TextPanel): number {
  switch (panel.kind) {
    case "absent":
      return 1;
    case "plain":
    case "lines":
      return panel.lines.length;
    case "packages":
      return 1 + panel.diff.added.length + panel.diff.removed.length + panel.diff.changed.length;
  }
}

/** A short account of a panel for the collapsed cell: "+1 −1 lines", "+2 −1 ~1 packages". */
export function panelSummary(panel: TextPanel): string {
  switch (panel.kind) {
    case "absent":
      return "";
    case "plain":
      return `${panel.lines.length} lines`;
    case "lines":
      return `+${panel.added} −${panel.removed} lines`;
    case "packages": {
      const { added, removed, changed } = panel.diff;
      return `+${added.length} −${removed.length} ~${changed.length} packages`;
    }
  }
}

const SIGN = { same: " ", added: "+", removed: "−" } as const;

/** A panel as a scrolling block of lines; text goes in as text nodes only. */
export function renderPanel(panel: TextPanel, pattern: RegExp | null): HTMLElement {
  const box = document.createElement("div");
  box.className = "rc-text";
  const line = (className: string, sign: string, text: string) => {
    const element = document.createElement("div");
    element.className = `rc-line ${className}`;
    const mark = document.createElement("span");
    mark.className = "rc-sign";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = sign;
    element.append(mark);
    appendMarked(element, text, pattern);
    box.append(element);
  };
  switch (panel.kind) {
    case "absent":
      box.classList.add("rc-absent");
      box.textContent = "absent";
      break;
    case "plain":
      for (const text of panel.lines) line("rc-line-same", " ", text);
      break;
    case "lines":
      for (const entry of panel.lines) {
        if (entry.kind === "skipped") line("rc-line-skipped", "⋯", `${entry.count} unchanged line${entry.count === 1 ? "" : "s"}`);
        else line(`rc-line-${entry.kind}`, SIGN[entry.kind], entry.text);
      }
      break;
    case "packages": {
      const { added, removed, changed, unchanged } = panel.diff;
      line("rc-line-skipped", " ", `${added.length} added · ${removed.length} removed · ${changed.length} changed · ${unchanged} same`);
      for (const pkg of added) line("rc-line-added", "+", `${pkg.name} ${pkg.version}`);
      for (const pkg of removed) line("rc-line-removed", "−", `${pkg.name} ${pkg.version}`);
      for (const pkg of changed) line("rc-line-changed", "~", `${pkg.name} ${pkg.from} → ${pkg.to}`);
      break;
    }
  }
  return box;
}
