import { diffWordsWithSpace } from "diff";
import { kindOfRow, type LogDiff } from "../../../data/log-diff.js";
import { thousands } from "../../../data/thousands.js";

export const LOG_ROW_HEIGHT = 18;
/** Monospace characters at 12px are about this wide: the panes' scroll width from the longest line. */
const CHAR_WIDTH = 7.3;
const GUTTER = 56;
/** Lines longer than this are shown cut, and not compared word by word. */
const MAX_LINE = 4000;
const OVERSCAN = 20;

/**
 * One side of a log diff: a scrolling pane that draws only the rows in view (a row is a line
 * of this log, or a blank where only the other log has one), with line numbers, and in a changed
 * line the words that differ from the other side's line marked.
 */
export class LogPane {
  readonly element = document.createElement("div");
  private readonly body = document.createElement("div");
  private shown = "";
  private focusedRow = -1;

  constructor(
    private readonly diff: LogDiff,
    private readonly side: "left" | "right",
    title: string,
  ) {
    this.element.className = `rc-log-pane rc-log-${side}`;
    this.element.setAttribute("role", "region");
    this.element.setAttribute("aria-label", title);
    this.element.tabIndex = 0;
    this.body.className = "rc-log-body";
    const lines = side === "left" ? diff.left : diff.right;
    let longest = 0;
    for (const line of lines) longest = Math.max(longest, Math.min(line.length, MAX_LINE));
    this.body.style.height = `${diff.kinds.length * LOG_ROW_HEIGHT}px`;
    this.body.style.width = `${GUTTER + longest * CHAR_WIDTH + 16}px`;
    this.element.append(this.body);
  }

  /** Draws the rows in view (the pane's own scroll position), unless they are drawn already. */
  render(force = false) {
    const top = this.element.scrollTop;
    const height = this.element.clientHeight || 560;
    const first = Math.max(0, Math.floor(top / LOG_ROW_HEIGHT) - OVERSCAN);
    const end = Math.min(this.diff.kinds.length, Math.ceil((top + height) / LOG_ROW_HEIGHT) + OVERSCAN);
    const key = `${first}:${end}:${this.focusedRow}`;
    if (key === this.shown && !force) return;
    this.shown = key;
    const rows: HTMLElement[] = [];
    for (let row = first; row < end; row++) rows.push(this.rowElement(row));
    this.body.replaceChildren(...rows);
  }

  /** Marks the rows of the difference in focus. */
  focus(row: number) {
    this.focusedRow = row;
    this.render(true);
  }

  /** The rows in view, [first, end). */
  rowsInView(): [number, number] {
    const top = this.element.scrollTop;
    const height = this.element.clientHeight || 560;
    return [Math.floor(top / LOG_ROW_HEIGHT), Math.min(this.diff.kinds.length, Math.ceil((top + height) / LOG_ROW_HEIGHT))];
  }

  private rowElement(row: number): HTMLElement {
    const element = document.createElement("div");
    const kind = kindOfRow(this.diff, row);
    element.className = `rc-log-row rc-log-${kind}`;
    element.style.top = `${row * LOG_ROW_HEIGHT}px`;
    element.dataset.row = String(row);
    if (this.focusedRow >= 0 && row >= this.focusedRow && row < this.hunkEnd(this.focusedRow)) element.classList.add("rc-log-focused");
    const line = this.side === "left" ? this.diff.leftLine[row] : this.diff.rightLine[row];
    const number = document.createElement("span");
    number.className = "rc-log-number";
    number.textContent = line >= 0 ? String(line + 1) : "";
    element.append(number);
    const text = document.createElement("span");
    text.className = "rc-log-text";
    element.append(text);
    if (line < 0) {
      element.classList.add("rc-log-blank");
      return element;
    }
    const own = (this.side === "left" ? this.diff.left : this.diff.right)[line];
    const otherLine = this.side === "left" ? this.diff.rightLine[row] : this.diff.leftLine[row];
    if ((kind === "changed" || kind === "numbers") && otherLine >= 0 && own.length <= MAX_LINE) {
      const other = (this.side === "left" ? this.diff.right : this.diff.left)[otherLine];
      if (other.length <= MAX_LINE) {
        const parts = this.side === "left" ? diffWordsWithSpace(own, other) : diffWordsWithSpace(other, own);
        for (const part of parts) {
          if ((this.side === "left" && part.added) || (this.side === "right" && part.removed)) continue;
          if (part.added || part.removed) {
            const mark = document.createElement("mark");
            mark.textContent = part.value;
            text.append(mark);
          } else {
            text.append(part.value);
          }
        }
        return element;
      }
    }
    text.textContent = own.length > MAX_LINE ? `${own.slice(0, MAX_LINE)} … (${thousands(own.length - MAX_LINE)} more characters)` : own;
    return element;
  }

  private hunkEnd(row: number): number {
    let end = row;
    while (end < this.diff.kinds.length && this.diff.kinds[end] !== 0) end++;
    return end;
  }
}
