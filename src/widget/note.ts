/**
 * Lines shown above a view by the notebook layer, not by the view: a note from Python (such as
 * how the curves were reduced) and the progress of tables still on their way from the kernel.
 */
export const LINE_STYLE = "font: 12px var(--jp-ui-font-family, system-ui, sans-serif); color: var(--jp-ui-font-color2, #59636e); margin: 0 0 6px;";

/** The note as a line of text, or null for none. */
export function noteLine(text: string | null | undefined): HTMLElement | null {
  if (!text) return null;
  const line = document.createElement("div");
  line.className = "rc-note";
  line.style.cssText = LINE_STYLE;
  line.textContent = text;
  return line;
}

export interface ProgressLine {
  element: HTMLElement;
  /** Bytes received of the total so far. */
  show(received: number, total: number): void;
  /** Replaces the progress with a message that asks the reader to do something. */
  ask(message: string): void;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** "Loading the view's data from the kernel: 12 of 200 MB" with a progress bar. */
export function progressLine(): ProgressLine {
  const element = document.createElement("div");
  element.className = "rc-loading";
  element.style.cssText = LINE_STYLE;
  const text = document.createElement("span");
  text.textContent = "Loading the view's data from the kernel…";
  const bar = document.createElement("progress");
  bar.style.cssText = "display: block; width: 240px; margin-top: 4px;";
  element.append(text, bar);
  return {
    element,
    show(received, total) {
      text.textContent = `Loading the view's data from the kernel: ${megabytes(received)} of ${megabytes(total)}`;
      bar.max = total;
      bar.value = received;
    },
    ask(message) {
      element.setAttribute("role", "status");
      text.textContent = message;
      bar.remove();
    },
  };
}
