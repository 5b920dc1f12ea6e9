/** How far the pointer must move before a press on a header is a drag rather than a click. */
const THRESHOLD = 4;

export interface DragCallbacks {
  /** The pointer moved, `dx` pixels from where it was pressed (only once past the threshold, for drags that need one). */
  move(dx: number): void;
  /** The pointer was let go after a drag. */
  drop(dx: number): void;
  /** The pointer was let go without moving past the threshold. */
  click?(event: PointerEvent): void;
}

/**
 * Follows one press of the pointer: a drag along x, or a click when it never moved past the
 * threshold. The pointer is captured, so the drag goes on outside the element.
 */
export function follow(event: PointerEvent, element: HTMLElement, callbacks: DragCallbacks, threshold = THRESHOLD) {
  if (event.button !== 0) return;
  const start = event.clientX;
  let dragging = threshold === 0;
  try {
    element.setPointerCapture(event.pointerId);
  } catch {
    // A pointer the browser does not know (a synthetic event) cannot be captured; the drag still works on the element.
  }
  const moved = (e: PointerEvent) => {
    const dx = e.clientX - start;
    if (!dragging && Math.abs(dx) < threshold) return;
    dragging = true;
    callbacks.move(dx);
  };
  const released = (e: PointerEvent) => {
    element.removeEventListener("pointermove", moved);
    element.removeEventListener("pointerup", released);
    element.removeEventListener("pointercancel", released);
    if (dragging) callbacks.drop(e.clientX - start);
    else if (e.type === "pointerup") callbacks.click?.(e);
  };
  element.addEventListener("pointermove", moved);
  element.addEventListener("pointerup", released);
  element.addEventListener("pointercancel", released);
}
