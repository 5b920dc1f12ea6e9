/** A note on how a view read or chose its data; `details`, if any, shows on hover. */
export interface Note {
  readonly text: string;
  readonly details?: string;
}

/** Fills a view's notes line: one line per note, set as text. */
export function showNotes(element: HTMLElement, notes: readonly (Note | string)[]) {
  element.className = "rc-notes";
  element.replaceChildren(
    ...notes.map((note) => {
      const line = document.createElement("div");
      line.className = "rc-notes-line";
      const { text, details } = typeof note === "string" ? { text: note, details: undefined } : note;
      line.textContent = text;
      if (details) line.title = details;
      return line;
    }),
  );
}
