import type { FieldStatus } from "../../../../src/data/diff";
import { layOutRows, sectionKeys, visibleRows, type RowChoice } from "../../../../src/views/diff/rows";

const paths = ["hp/lr", "hp/opt/name", "hp/opt/beta", "exec/script", "exec/packages", "top"];
const status: FieldStatus[] = ["different", "identical", "missing", "identical", "different", "identical"];
const choice = (changes: Partial<RowChoice> = {}): RowChoice => ({
  paths,
  status,
  hideIdentical: false,
  collapsed: new Set(),
  expanded: new Set(),
  rowHeight: 20,
  textHeight: () => 100,
  ...changes,
});
const describeRows = (c: RowChoice) =>
  layOutRows(c).rows.map((row) =>
    row.kind === "section"
      ? `${"  ".repeat(row.depth)}[${row.key}] ${row.fields}/${row.differing}`
      : `${"  ".repeat(row.depth)}${row.kind}:${paths[row.field]}`,
  );

describe("rows of the diff table", () => {
  test("sections from the paths, with their counts of fields and differing fields", () => {
    expect(describeRows(choice())).toEqual([
      "[hp] 3/2",
      "  field:hp/lr",
      "  [hp/opt] 2/1",
      "    field:hp/opt/name",
      "    field:hp/opt/beta",
      "[exec] 2/1",
      "  field:exec/script",
      "  field:exec/packages",
      "field:top",
    ]);
  });

  test("hiding identical fields drops them, and sections left with none", () => {
    const rows = describeRows(choice({ hideIdentical: true }));
    expect(rows).toEqual(["[hp] 2/2", "  field:hp/lr", "  [hp/opt] 1/1", "    field:hp/opt/beta", "[exec] 1/1", "  field:exec/packages"]);
    expect(rows.filter((r) => r.includes("field:")).length).toBe(status.filter((s) => s !== "identical").length);
  });

  test("a collapsed section keeps its heading and its counts, hides what is inside", () => {
    const layout = layOutRows(choice({ collapsed: new Set(["hp"]) }));
    expect(describeRows(choice({ collapsed: new Set(["hp"]) }))).toEqual([
      "[hp] 3/2",
      "[exec] 2/1",
      "  field:exec/script",
      "  field:exec/packages",
      "field:top",
    ]);
    expect(layout.rows[0]).toMatchObject({ kind: "section", collapsed: true, differing: 2 });
    expect(layout.rowOfField.has(0)).toBe(false);
    expect(layout.fields).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("an expanded field is followed by its text row; offsets add up the heights", () => {
    const layout = layOutRows(choice({ expanded: new Set([3]) }));
    const text = layout.rows.findIndex((row) => row.kind === "text");
    expect(layout.rows[text - 1]).toMatchObject({ kind: "field", field: 3 });
    expect(layout.offsets[text + 1] - layout.offsets[text]).toBe(100);
    expect(layout.offsets[layout.rows.length]).toBe(20 * (layout.rows.length - 1) + 100);
  });

  test("section keys of a path", () => {
    expect(sectionKeys("a/b/c")).toEqual(["a", "a/b"]);
    expect(sectionKeys("a")).toEqual([]);
  });

  test("visible rows: those in the viewport plus the overscan", () => {
    const offsets = Float64Array.from({ length: 101 }, (_, i) => i * 20);
    expect(visibleRows(offsets, 0, 100, 2)).toEqual([0, 8]);
    expect(visibleRows(offsets, 1000, 1100, 2)).toEqual([48, 58]);
    expect(visibleRows(offsets, 1990, 2200, 2)).toEqual([97, 100]);
    expect(visibleRows(new Float64Array([0]), 0, 100)).toEqual([0, 0]);
  });
});
