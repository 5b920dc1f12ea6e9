import { RunsDataError, messages } from "../../../data/errors.js";
import { logDiff, type LogDiff } from "../../../data/log-diff.js";
import { readLogs, type Logs, type LogsInput } from "../../../data/logs.js";
import { button } from "../../../render/controls.js";
import type { ViewSchema } from "../../../data/schema.js";
import { makeView, type Drawing, type Hooks, type Settled, type ViewElement, type ViewOptions } from "../../../render/view.js";
import json from "../../../../schema/views/logs.json" with { type: "json" };
import { logsCSV, logsSVG } from "./export.js";
import { LOG_ROW_HEIGHT, LogPane } from "./pane.js";
import { logsStyle } from "./style.js";
import { thousands } from "../../../data/thousands.js";

export type { LogsInput } from "../../../data/logs.js";

/** What the logs view's own controls change; the `state` option restores it. */
export interface LogsState {
  /** Differences in numbers alone (a loss of 0.31 against 0.29) do not count as differences. */
  ignoreNumbers: boolean;
}

/** The options of schema/views/logs.json, which says more of each. */
export interface LogsOptions extends Partial<LogsState>, ViewOptions<LogsState> {
  /** The two runs compared, left (the base) then right; defaults to the first two. They are the view's value. */
  runs?: readonly string[] | string | null;
  /** The most height, in CSS pixels, the panes take. */
  height?: number;
}

export const logsSchema = json as ViewSchema;

export interface LogsElement extends ViewElement<LogsOptions, LogsState> {
  /** The two runs' line counts and how their rows compare, for tests. */
  readonly compared: { left: string; right: string; rows: number; hunks: number } | null;
}

/**
 * The console output of two runs side by side, line against line: the panes scroll together,
 * lines only one run printed are added or removed, changed lines have their differing words
 * marked, and "next difference" (n) and "previous" (p) jump through the stretches that differ.
 * Only the rows in view are drawn, so logs of 100,000 lines scroll as small ones do.
 */
export function logs(data: LogsInput, options: LogsOptions = {}): LogsElement {
  let read: Logs | null = null;
  const { root, drawing } = makeView<LogsOptions, LogsState, LogsDrawing>(
    {
      schema: logsSchema,
      styles: () => [logsStyle()],
      draw: (root, current, hooks) => {
        read ??= readLogs(data);
        return new LogsDrawing(root, read, current, hooks);
      },
    },
    options,
  );
  Object.defineProperty(root, "compared", { get: () => drawing()?.compared ?? null });
  root.tabIndex = 0;
  root.setAttribute("data-lm-suppress-shortcuts", "true");
  return root as LogsElement;
}

class LogsDrawing implements Drawing<LogsOptions> {
  private diff!: LogDiff;
  private pair: [number, number] = [-1, -1];
  private current: LogsState;
  private readonly container = document.createElement("div");
  private readonly paneBox = document.createElement("div");
  private panes!: [LogPane, LogPane];
  private readonly pickers: HTMLSelectElement[] = [];
  private readonly status = document.createElement("span");
  private readonly ignoreBox = document.createElement("input");
  private hunk = -1;
  private frame = 0;
  private syncing = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly logs: Logs,
    options: Settled<LogsOptions>,
    private readonly hooks: Hooks<LogsOptions>,
  ) {
    this.current = { ignoreNumbers: options.ignoreNumbers };
    const pair = choosePair(logs, options.runs as readonly string[] | null);
    this.buildToolbar(pair);
    this.paneBox.className = "rc-log-panes";
    this.paneBox.style.height = `${options.height}px`;
    this.container.append(this.paneBox);
    root.append(this.container);
    root.addEventListener("keydown", this.keydown);
    this.compare(pair);
  }

  /** Aligns the two runs' logs and shows them. */
  private compare(pair: [number, number]) {
    if (pair[0] === this.pair[0] && pair[1] === this.pair[1]) return;
    this.pair = pair;
    pair.forEach((run, side) => (this.pickers[side].value = this.logs.ids[run]));
    this.diff = logDiff(this.logs.texts[pair[0]], this.logs.texts[pair[1]]);
    this.panes = [new LogPane(this.diff, "left", `${this.logs.names[pair[0]]}'s log`), new LogPane(this.diff, "right", `${this.logs.names[pair[1]]}'s log`)];
    this.paneBox.replaceChildren(...this.panes.map((pane) => pane.element));
    for (const pane of this.panes) pane.element.addEventListener("scroll", () => this.scrolled(pane));
    this.hunk = -1;
    this.showStatus();
    for (const pane of this.panes) pane.render();
  }

  get compared() {
    return { left: this.logs.ids[this.pair[0]], right: this.logs.ids[this.pair[1]], rows: this.diff.kinds.length, hunks: this.hunks().length };
  }

  /** Runs chosen from outside (`view.value`, Python's `w.selected`): the first two of them these logs have are compared. */
  highlight(ids: readonly string[]) {
    const known = ids.filter((id) => this.logs.ids.includes(id));
    if (known.length) this.compare(choosePair(this.logs, known));
  }

  /** The pair compared, the base first. */
  selection(): string[] {
    return [this.logs.ids[this.pair[0]], this.logs.ids[this.pair[1]]];
  }

  state(): LogsState {
    return this.current;
  }

  exportCSV(): string {
    return logsCSV(this.diff);
  }

  exportSVG(): string {
    const [first, end] = this.panes[0].rowsInView();
    return logsSVG(
      this.diff,
      [this.logs.names[this.pair[0]], this.logs.names[this.pair[1]]],
      first,
      Math.max(end, Math.min(first + 40, this.diff.kinds.length)),
      this.root,
    );
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.root.removeEventListener("keydown", this.keydown);
    this.container.remove();
  }

  private buildToolbar(pair: [number, number]) {
    const { controls } = this.hooks;
    const picker = (label: string, side: 0 | 1) => {
      const select = document.createElement("select");
      select.setAttribute("aria-label", label);
      this.logs.ids.forEach((id, run) => select.append(new Option(this.logs.names[run], id, false, run === pair[side])));
      select.addEventListener("change", () => {
        const next: [number, number] = [...this.pair];
        next[side] = this.logs.ids.indexOf(select.value);
        this.compare(next);
        this.hooks.select([this.logs.ids[next[0]], this.logs.ids[next[1]]]);
      });
      this.pickers.push(select);
      const wrapper = document.createElement("label");
      wrapper.append(label, select);
      return wrapper;
    };
    const ignore = document.createElement("label");
    ignore.title = "Lines that differ only in their numbers (losses, times) do not count as differences";
    this.ignoreBox.type = "checkbox";
    this.ignoreBox.checked = this.current.ignoreNumbers;
    this.ignoreBox.addEventListener("change", () => {
      this.current = { ...this.current, ignoreNumbers: this.ignoreBox.checked };
      this.hunk = -1;
      this.showStatus();
      this.hooks.record({ ignoreNumbers: this.ignoreBox.checked });
    });
    ignore.append(this.ignoreBox, "ignore numbers");
    this.status.className = "rc-status";
    this.status.setAttribute("aria-live", "polite");
    controls.append(
      picker("base", 0),
      picker("compared with", 1),
      ignore,
      button("↑ Previous difference", "Previous difference (p)", () => this.step(-1)),
      button("↓ Next difference", "Next difference (n)", () => this.step(1)),
      this.status,
    );
  }

  private hunks(): Int32Array {
    return this.current.ignoreNumbers ? this.diff.hunks.ignoringNumbers : this.diff.hunks.all;
  }

  private showStatus() {
    const { counts } = this.diff;
    const hunks = this.hunks();
    this.status.textContent = [
      `${thousands(this.diff.left.length)} and ${thousands(this.diff.right.length)} lines`,
      hunks.length
        ? this.hunk >= 0
          ? `difference ${this.hunk + 1} of ${thousands(hunks.length)}`
          : `${thousands(hunks.length)} differences`
        : "no differences",
      `−${thousands(counts.removed)} +${thousands(counts.added)} ~${thousands(counts.changed)} changed${this.current.ignoreNumbers ? "" : `, ${thousands(counts.numbers)} in numbers only`}`,
    ].join(" · ");
  }

  /** Scrolls both panes to the next (or previous) stretch of differing rows after the one in focus. */
  private step(direction: 1 | -1) {
    const hunks = this.hunks();
    if (!hunks.length) return;
    if (this.hunk < 0) {
      // From where the reader is: the first difference below the top of the pane (or above it, going back).
      const [top] = this.panes[0].rowsInView();
      let index = direction > 0 ? hunks.findIndex((row) => row >= top) : hunks.length - 1 - [...hunks].reverse().findIndex((row) => row < top);
      if (index < 0 || index >= hunks.length) index = direction > 0 ? 0 : hunks.length - 1;
      this.hunk = index;
    } else {
      this.hunk = (this.hunk + direction + hunks.length) % hunks.length;
    }
    const row = hunks[this.hunk];
    const pane = this.panes[0].element;
    pane.scrollTop = Math.max(0, row * LOG_ROW_HEIGHT - (pane.clientHeight || 560) / 3);
    this.panes[1].element.scrollTop = pane.scrollTop;
    for (const p of this.panes) p.focus(row);
    this.showStatus();
  }

  /** The other pane follows; rows are drawn once a frame. */
  private scrolled(source: LogPane) {
    if (this.syncing) return;
    const other = this.panes[0] === source ? this.panes[1] : this.panes[0];
    this.syncing = true;
    other.element.scrollTop = source.element.scrollTop;
    other.element.scrollLeft = source.element.scrollLeft;
    this.syncing = false;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      for (const pane of this.panes) pane.render();
    });
  }

  private readonly keydown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || (event.target as Element).closest("input, select, textarea")) return;
    const direction = { n: 1, j: 1, p: -1, k: -1 }[event.key] as 1 | -1 | undefined;
    if (!direction) return;
    event.preventDefault();
    event.stopPropagation();
    this.step(direction);
  };
}

/** The runs compared: the two named (one named: it and the first other run), else the first two; a single log is compared with nothing. */
function choosePair(logs: Logs, ids: readonly string[] | null): [number, number] {
  const index = (id: string) => {
    const run = logs.ids.indexOf(id);
    if (run < 0) throw new RunsDataError(messages.unknownRunOption("logs", "runs", id, logs.ids));
    return run;
  };
  const chosen = (ids ?? []).slice(0, 2).map(index);
  if (chosen.length === 2) return [chosen[0], chosen[1]];
  const left = chosen[0] ?? 0;
  const right = logs.ids.findIndex((_, run) => run !== left);
  return [left, right < 0 ? left : right];
}
