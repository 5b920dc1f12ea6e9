// What every library is asked to draw and how its brushes move, so the timings compare like with like.

export const WIDTH = 1000;
/** The sweep's columns (bench/data.mjs makes them): every library draws all 16 as axes. */
export const PARAMS = ["lr", "weight_decay", "dropout", "momentum", "batch_size", "layers", "optimizer", "activation"];
export const METRICS = ["train/loss", "val/loss", "train/acc", "val/acc", "val/f1", "test/acc", "epoch_time", "grad_norm"];
export const HEIGHT = 400;
export const COLOR = "metrics.val/acc";

/** Set before the timed brush, so each update filters on two axes. */
export const FIXED_BRUSH = { column: "metrics.val/acc", range: [0.8, 1] };

/** The timed brush: pressed at `from` on a linear axis, then dragged down through `to`, one move at a time. */
export const MOVED_BRUSH = { column: "params.momentum", from: 0.985, to: [0.96, 0.94, 0.92, 0.9, 0.88, 0.86, 0.84] };

/** Where the timed brush goes in `count` moves: spread evenly over MOVED_BRUSH.to (the middle one for one move). */
export function brushTargets(count = MOVED_BRUSH.to.length) {
  const to = MOVED_BRUSH.to;
  if (count >= to.length) return to;
  if (count === 1) return [to[to.length >> 1]];
  return Array.from({ length: count }, (_, i) => to[Math.round((i * (to.length - 1)) / (count - 1))]);
}
