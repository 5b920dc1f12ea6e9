/**
 * requestIdleCallback where the browser has it, else a short timeout with a few milliseconds to
 * spend; `timeout`: the most milliseconds to wait for the page to be idle.
 */
export function whenIdle(callback: (deadline: IdleDeadline) => void, timeout?: number): number {
  if (typeof requestIdleCallback === "function") return requestIdleCallback(callback, timeout === undefined ? undefined : { timeout });
  return window.setTimeout(() => {
    const end = performance.now() + 8;
    callback({ didTimeout: false, timeRemaining: () => Math.max(0, end - performance.now()) });
  }, 50);
}

export function cancelIdle(handle: number) {
  if (typeof cancelIdleCallback === "function") cancelIdleCallback(handle);
  else clearTimeout(handle);
}

/**
 * Work done a piece at a time in the page's idle periods: `step()` does one piece and says
 * whether more is left. Each idle period takes pieces while it has more than `margin` ms left;
 * with a `timeout`, a page still busy that long gives the work `slice` ms at each wait. Returns
 * what cancels the rest.
 */
export function inIdleTime(step: () => boolean, { margin = 0, timeout, slice = 8 }: { margin?: number; timeout?: number; slice?: number } = {}): () => void {
  let handle = 0;
  const run = (deadline: IdleDeadline) => {
    const end = performance.now() + slice;
    const left = () => (deadline.didTimeout ? end - performance.now() : deadline.timeRemaining());
    let more = true;
    while (more && left() > margin) more = step();
    if (more) handle = whenIdle(run, timeout);
  };
  handle = whenIdle(run, timeout);
  return () => cancelIdle(handle);
}
