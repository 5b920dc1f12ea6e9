// What every table is asked to do, so the timings compare like with like.
import { nextFrame, sampleHeap } from "./timing.mjs";

export const HEIGHT = 600;
/** The column sorted by (descending), and the second key of the two-key sort. */
export const SORT = { column: "metrics.val/acc", second: "params.optimizer" };
/** The numeric range filter: its column and the successive lower bounds set, one change at a time. */
export const RANGE = { column: "params.lr", min: [1e-4, 3e-4, 1e-3, 3e-3, 1e-2], max: 0.1 };
/** The text typed into the search box, one change at a time (each longer than the last). */
export const SEARCH = ["a", "ad", "ada", "adam", "adamw"];
/** Pixels scrolled per frame, and for how many frames. */
export const SCROLL = { step: 240, frames: 120 };

/**
 * Scrolls an element down by SCROLL.step pixels in each of SCROLL.frames frames (and across, for
 * `horizontal`) and reports the time between frames: a frame the table takes too long to fill
 * comes late. Dropped frames are those more than 1.5 intervals of 60 Hz after the one before.
 */
export async function scrollFrames(scroller, horizontal = false) {
  const gaps = [];
  let last = await nextFrame();
  for (let i = 0; i < SCROLL.frames; i++) {
    if (horizontal) scroller.scrollLeft = (scroller.scrollLeft + SCROLL.step / 2) % Math.max(1, scroller.scrollWidth - scroller.clientWidth);
    else scroller.scrollTop += SCROLL.step;
    const now = await nextFrame();
    gaps.push(now - last);
    last = now;
    sampleHeap();
  }
  const dropped = gaps.filter((gap) => gap > 25).length;
  return { gaps, dropped };
}
