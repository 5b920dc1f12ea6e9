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
