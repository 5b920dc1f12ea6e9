import { kindOfRow, logDiff, shape, type LogDiff } from "../../../src/data/log-diff";

const rows = (diff: LogDiff) => Array.from(diff.kinds, (_, row) => [diff.leftLine[row], diff.rightLine[row], kindOfRow(diff, row)]);

test("lines match by their shape: numbers alone differ in 'numbers' rows, other text in 'changed' ones", () => {
  const diff = logDiff("start\nstep 1 loss=0.5\nstep 2 loss=0.25\ndone", "start\nstep 1 loss=0.6\nWARNING disk\nstep 2 loss=0.25\nfinished");
  expect(rows(diff)).toEqual([
    [0, 0, "same"],
    [1, 1, "numbers"],
    [-1, 2, "added"],
    [2, 3, "same"],
    [3, 4, "changed"],
  ]);
  expect(diff.counts).toEqual({ same: 2, numbers: 1, changed: 1, removed: 0, added: 1 });
  // Differences are stretches: rows 1-2 are one, row 4 another; ignoring numbers, row 2 starts the first.
  expect(Array.from(diff.hunks.all)).toEqual([1, 4]);
  expect(Array.from(diff.hunks.ignoringNumbers)).toEqual([2, 4]);
});

test("shapes: numbers of every form become 0", () => {
  expect(shape("epoch 3/10 loss=1.5e-3 lr -0.001 id 0x1F .5")).toBe("epoch 0/0 loss=0 lr 0 id 0 0");
});

test("every line of both logs appears once, in order, whatever the logs", () => {
  const random = (seed: number) => () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let trial = 0; trial < 30; trial++) {
    const next = random(trial + 1);
    const make = () => Array.from({ length: Math.floor(next() * 60) }, () => ["a", "b", "c", `n ${Math.floor(next() * 3)}`, "x"][Math.floor(next() * 5)]);
    const left = make();
    const right = make();
    const diff = logDiff(left.join("\n"), right.join("\n"));
    expect(Array.from(diff.leftLine).filter((line) => line >= 0)).toEqual(left.map((_, i) => i));
    expect(Array.from(diff.rightLine).filter((line) => line >= 0)).toEqual(right.map((_, i) => i));
    for (const [l, r, kind] of rows(diff)) {
      if (kind === "same") expect(left[l as number]).toBe(right[r as number]);
      if (kind === "numbers") expect(shape(left[l as number])).toBe(shape(right[r as number]));
    }
  }
});

test("two 100,000-line logs that differ on every line align in well under a few seconds", () => {
  const lines = (seed: number) =>
    Array.from({ length: 100_000 }, (_, i) => (i % 100 === 0 ? `epoch ${i / 100}` : `step ${i} loss=${((seed * i) % 997) / 997}`));
  const a = lines(3);
  const b = lines(7);
  b.splice(500, 0, "Traceback (most recent call last):");
  const started = performance.now();
  const diff = logDiff(a.join("\n"), b.join("\n"));
  expect(performance.now() - started).toBeLessThan(5000);
  expect(diff.counts.added).toBe(1);
  expect(diff.kinds.length).toBe(100_001);
  expect(diff.hunks.ignoringNumbers.length).toBe(1);
});

test("empty logs have no lines", () => {
  expect(logDiff("", "").kinds.length).toBe(0);
  expect(rows(logDiff("", "one"))).toEqual([[-1, 0, "added"]]);
});
