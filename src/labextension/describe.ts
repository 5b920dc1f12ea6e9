import { viewKind } from "../render/export.js";
import { thousands } from "../data/thousands.js";

const plural = (count: number, noun: string, nouns = `${noun}s`) => `${thousands(count)} ${count === 1 ? noun : nouns}`;

/** What the views draw, read from the marks they show (the classes the browser tests read too). */
const FACTS: Record<string, (view: HTMLElement) => string> = {
  parallel: (view) => ` x ${plural(view.querySelectorAll(".rc-axis").length, "axis", "axes")}`,
  scatter: (view) => {
    const [x, y] = [...view.querySelectorAll(".rc-axis-title title")].map((title) => title.textContent);
    return x && y ? `, ${y} against ${x}` : "";
  },
  scalars: (view) => `, ${plural(view.querySelectorAll(".rc-chart").length, "chart")}`,
  diff: (view) => `, ${view.querySelectorAll(".rc-diff-head .rc-run").length} side by side`,
};

/** "runcompare parallel: 96 runs x 8 axes, 5 selected": the line that stands for a view where it cannot be drawn. */
export function describe(view: HTMLElement & { value?: unknown }, runs: number): string {
  const kind = viewKind(view);
  // The diff's value is its base run, not a selection.
  const selected = kind !== "diff" && Array.isArray(view.value) && view.value.length ? `, ${view.value.length} selected` : "";
  return `runcompare ${kind}: ${plural(runs, "run")}${FACTS[kind]?.(view) ?? ""}${selected}`;
}
