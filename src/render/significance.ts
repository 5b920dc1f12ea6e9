/**
 * The comparisons of groups with the base group as a block of text under a chart: a heading
 * naming the base, then a line per group ("lr=0.001: +4.4% [2.8, 5.9], Holm p = 0.0016, Welch,
 * n = 4 vs 5") with its small-sample note beneath. Every string is text, never markup.
 */
import type { ComparisonText } from "../data/significance-text.js";
import { fitText, type Measure } from "./text.js";

export function significanceBlock(base: string, texts: readonly ComparisonText[], what = "mean"): HTMLElement {
  const block = document.createElement("div");
  block.className = "rc-significance";
  const heading = document.createElement("div");
  heading.className = "rc-significance-heading";
  heading.textContent = headingText(base, what);
  block.append(heading);
  for (const { group, text, note } of texts) {
    const line = document.createElement("div");
    line.className = "rc-significance-line";
    const label = document.createElement("span");
    label.className = "rc-significance-group";
    label.textContent = `${group}: `;
    const numbers = document.createElement("span");
    numbers.className = "rc-significance-text";
    numbers.textContent = text;
    line.append(label, numbers);
    block.append(line);
    if (note) {
      const small = document.createElement("div");
      small.className = "rc-significance-note";
      small.textContent = note;
      block.append(small);
    }
  }
  return block;
}

/** The block's lines for an export, wrapped to `width` (a line muted as the block shows it: the heading and the notes). */
export function significanceLines(
  base: string,
  texts: readonly ComparisonText[],
  width: number,
  measure: Measure,
  what = "mean",
): { text: string; muted: boolean }[] {
  const lines = [
    { text: headingText(base, what), muted: true },
    ...texts.flatMap(({ group, text, note }) => [{ text: `${group}: ${text}`, muted: false }, ...(note ? [{ text: note, muted: true }] : [])]),
  ];
  return lines.flatMap(({ text, muted }) => fitText(text, width, measure, 6).lines.map((line) => ({ text: line, muted })));
}

function headingText(base: string, what: string): string {
  return `difference of the ${what} vs ${base}, 95% interval`;
}

export const SIGNIFICANCE_CSS = `
.rc-view .rc-significance { padding: 4px 2px; border-top: 1px solid var(--rc-grid); font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.rc-view .rc-significance-heading { color: var(--rc-fg-muted); }
.rc-view .rc-significance-group { font-weight: 600; }
.rc-view .rc-significance-note { color: var(--rc-fg-muted); font-style: italic; padding-left: 1em; }
`;
