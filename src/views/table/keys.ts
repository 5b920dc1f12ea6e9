/** What a key pressed on the grid does. */
export type KeyAction =
  { kind: "move"; position: number; extend: boolean } | { kind: "toggle"; position: number; range: boolean } | { kind: "columns"; direction: -1 | 1 };

/**
 * Arrows, Page Up/Down, Home and End move the cursor (with shift, selecting the rows passed);
 * space checks or unchecks the cursor's row (with shift, the rows from the last one checked);
 * left and right scroll by a column. Null for any other key.
 */
export function keyAction(event: KeyboardEvent, cursor: number, count: number, page: number): KeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const from = Math.max(0, cursor);
  const move = (position: number): KeyAction => ({ kind: "move", position: Math.min(count - 1, Math.max(0, position)), extend: event.shiftKey });
  switch (event.key) {
    case "ArrowDown":
      return move(cursor < 0 ? 0 : from + 1);
    case "ArrowUp":
      return move(from - 1);
    case "PageDown":
      return move(from + page);
    case "PageUp":
      return move(from - page);
    case "Home":
      return move(0);
    case "End":
      return move(count - 1);
    case " ":
      return { kind: "toggle", position: cursor < count ? cursor : -1, range: event.shiftKey };
    case "ArrowLeft":
      return { kind: "columns", direction: -1 };
    case "ArrowRight":
      return { kind: "columns", direction: 1 };
  }
  return null;
}
