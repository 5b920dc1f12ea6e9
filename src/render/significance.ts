/**
 * The comparisons of groups with the base group as a block of text under a chart: a heading
 * naming the base, then a line per group ("lr=0.001: +4.4% [2.8, 5.9], Holm p = 0.0016, Welch,
 * n = 4 vs 5") with its small-sample note beneath. Every string is text, never markup.
 */
import { SIGNIFICANCE_TESTS, type ComparisonText, type SignificanceTest } from "../data/significance-text.js";
import { fitText, type Measure } from "./text.js";

export function significanceBlock(base: string, texts: readonly ComparisonText[], title: string | null = null, what = "mean"): HTMLElement {
  const block = document.createElement("div");
  block.className = "rc-significance";
  const heading = document.createElement("div");
  heading.className = "rc-significance-heading";
  if (title !== null) {
    const name = document.createElement("span");
    name.className = "rc-significance-title";
    name.textContent = `${title}: `;
    heading.append(name);
  }
  heading.append(headingText(base, what));
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
  title: string | null = null,
  what = "mean",
): { text: string; muted: boolean }[] {
  const lines = [
    { text: (title === null ? "" : `${title}: `) + headingText(base, what), muted: true },
    ...texts.flatMap(({ group, text, note }) => [{ text: `${group}: ${text}`, muted: false }, ...(note ? [{ text: note, muted: true }] : [])]),
  ];
  return lines.flatMap(({ text, muted }) => fitText(text, width, measure, 6).lines.map((line) => ({ text: line, muted })));
}

const TEST_LABELS: Record<SignificanceTest, string> = { t: "t-test", rank: "rank test" };

/** The menu of the test shown ("compare by t-test / rank test"). */
export function testPicker(test: SignificanceTest, change: (test: SignificanceTest) => void): HTMLLabelElement {
  const select = document.createElement("select");
  select.setAttribute("aria-label", "test");
  for (const choice of SIGNIFICANCE_TESTS) select.append(new Option(TEST_LABELS[choice], choice, false, choice === test));
  select.addEventListener("change", () => change(select.value as SignificanceTest));
  const label = document.createElement("label");
  label.append("compare by", select);
  return label;
}

function headingText(base: string, what: string): string {
  return `difference of the ${what} vs ${base}, 95% interval`;
}

export const SIGNIFICANCE_CSS = `
.rc-view .rc-significance { padding: 4px 2px; border-top: 1px solid var(--rc-grid); font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.rc-view .rc-significance-heading { color: var(--rc-fg-muted); }
.rc-view .rc-significance-group, .rc-view .rc-significance-title { font-weight: 600; color: var(--rc-fg); }
.rc-view .rc-significance.rc-error-text { color: var(--rc-error-fg); }
.rc-view .rc-significance-note { color: var(--rc-fg-muted); font-style: italic; padding-left: 1em; }
`;
