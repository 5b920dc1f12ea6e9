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
 * threshold. It listens on the window, so the drag goes on outside the element and after the
 * table redraws the header under it.
 */
export function follow(event: PointerEvent, element: HTMLElement, callbacks: DragCallbacks, threshold = THRESHOLD) {
  if (event.button !== 0) return;
  const start = event.clientX;
  let dragging = threshold === 0;
  const target = element.ownerDocument.defaultView ?? element;
  const moved = (e: PointerEvent) => {
    const dx = e.clientX - start;
    if (!dragging && Math.abs(dx) < threshold) return;
    dragging = true;
    callbacks.move(dx);
  };
  const released = (e: PointerEvent) => {
    target.removeEventListener("pointermove", moved as EventListener);
    target.removeEventListener("pointerup", released as EventListener);
    target.removeEventListener("pointercancel", released as EventListener);
    if (dragging) callbacks.drop(e.clientX - start);
    else if (e.type === "pointerup") callbacks.click?.(e);
  };
  target.addEventListener("pointermove", moved as EventListener);
  target.addEventListener("pointerup", released as EventListener);
  target.addEventListener("pointercancel", released as EventListener);
}
