import { pointFinder, rowsInRect } from "../../../../src/views/scatter/pick";

// Five runs; run 2 is not drawn (no y), so it has NaN and is not in rows.
const placed = {
  xs: Float32Array.from([10, 20, NaN, 50, 20]),
  ys: Float32Array.from([10, 40, 30, 50, 41]),
  rows: Int32Array.from([0, 1, 3, 4]),
};
const everywhere = () => true;

test("a rectangle selects the points whose centre is inside it, edges included", () => {
  expect(
    rowsInRect(placed, [
      [0, 0],
      [100, 100],
    ]),
  ).toEqual([0, 1, 3, 4]);
  expect(
    rowsInRect(placed, [
      [20, 40],
      [50, 50],
    ]),
  ).toEqual([1, 3, 4]);
  expect(
    rowsInRect(placed, [
      [11, 0],
      [19, 100],
    ]),
  ).toEqual([]);
  expect(
    rowsInRect(placed, [
      [15, 35],
      [25, 40.5],
    ]),
  ).toEqual([1]);
});

test("rows that are not drawn are never selected", () => {
  expect(
    rowsInRect(placed, [
      [-1000, -1000],
      [1000, 1000],
    ]),
  ).not.toContain(2);
});

test("the nearest point within the radius is found, else -1", () => {
  const finder = pointFinder(placed, everywhere);
  expect(finder.find(12, 12, 16)).toBe(0); // distance 2.8 to run 0
  expect(finder.find(20, 42, 16)).toBe(4); // 1 from run 4, 2 from run 1
  expect(finder.find(20, 40.4, 16)).toBe(1);
  expect(finder.find(35, 45, 16)).toBe(4); // 15.5 to run 4, 15.8 to run 3
  expect(finder.find(35, 45, 15)).toBe(-1);
  expect(finder.find(200, 200, 16)).toBe(-1);
});

test("points outside the view are not found", () => {
  const finder = pointFinder(placed, (x) => x > 15);
  expect(finder.find(12, 12, 16)).toBe(-1);
  expect(finder.find(16, 30, 16)).toBe(1);
});
