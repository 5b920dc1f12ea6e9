import { readRuns } from "../../../../src/data/runs";
import { readScalars } from "../../../../src/data/scalars";
import { extremeOf, rowExtremes } from "../../../../src/views/values/extremes";
import { cellText } from "../../../../src/views/values/format";
import { reportCounts, runColumns, valueRows } from "../../../../src/views/values/matrix";
import { nextSelection } from "../../../../src/views/values/selection";
import { nextDirection, sortedRows } from "../../../../src/views/values/sort";
import { widestText } from "../../../../src/views/values/text";
import { visibleColumns } from "../../../../src/views/values/window";
import { openRuns } from "../../../../src/data/runs";

// Three runs. "a" logs loss out of step order; "b" logs a NaN loss last; "c" never logs loss.
const scalars = readScalars([
  { run_id: "a", metric: "loss", step: 2, value: 0.5 },
  { run_id: "a", metric: "loss", step: 1, value: 0.9 },
  { run_id: "b", metric: "loss", step: 1, value: 0.7 },
  { run_id: "b", metric: "loss", step: 2, value: NaN },
  { run_id: "a", metric: "acc", step: 1, value: 0.8 },
  { run_id: "b", metric: "acc", step: 1, value: 0.8 },
  { run_id: "c", metric: "acc", step: 1, value: 0.6 },
]);

describe("the value matrix", () => {
  const columns = runColumns(scalars, null);
  const counts = reportCounts(scalars);

  test("counts what each run reported of each series", () => {
    // series [loss, acc] x runs [a, b, c]
    expect(Array.from(counts)).toEqual([2, 2, 0, 1, 1, 1]);
  });

  test("a row per series, a column per run of the scalars; a reported NaN is not a missing value", () => {
    const [loss, acc] = valueRows(scalars, columns, counts, "last");
    expect(loss.key).toBe("loss");
    expect(Array.from(loss.values)).toEqual([0.5, NaN, NaN]);
    expect(Array.from(loss.reported)).toEqual([1, 1, 0]);
    expect(Array.from(acc.values)).toEqual([0.8, 0.8, 0.6]);
    expect(Array.from(loss.values, (v, i) => cellText(v, loss.reported[i] === 1))).toEqual(["0.5", "NaN", "—"]);
  });

  test("min and max ignore NaN", () => {
    expect(Array.from(valueRows(scalars, columns, counts, "min")[0].values)).toEqual([0.5, 0.7, NaN]);
    expect(Array.from(valueRows(scalars, columns, counts, "max")[0].values)).toEqual([0.9, 0.7, NaN]);
  });

  test("with a runs table, its runs that reported anything are shown, in its order, named by it", () => {
    const runs = readRuns([
      { run_id: "c", name: "third" },
      { run_id: "z", name: "no scalars" },
      { run_id: "a", name: "first" },
    ]);
    const shown = runColumns(scalars, runs);
    expect(shown.names).toEqual(["third", "first"]);
    expect(shown.withoutValues).toBe(1);
    const [loss] = valueRows(scalars, shown, counts, "last");
    expect(Array.from(loss.values)).toEqual([NaN, 0.5]);
    expect(Array.from(loss.reported)).toEqual([0, 1]);
  });

  test("each run of the scalars finds its column, runs sharing a name told apart, from an opened runs table as from a read one", () => {
    const records = [
      { run_id: "b-1", name: "same", "metrics.note": "text the view does not read" },
      { run_id: "q", name: "unused" },
      { run_id: "a-1", name: "same" },
      { run_id: "c", name: "third" },
    ];
    const many = readScalars(["a-1", "b-1", "c", "zz"].map((run_id, i) => ({ run_id, metric: "m", step: 1, value: i })));
    const opened = runColumns(many, openRuns(records));
    // Written out: runs table order, the scalars' "zz" not in it, "q" reported nothing.
    expect(opened.ids).toEqual(["b-1", "a-1", "c"]);
    expect(opened.names).toEqual(["same (b-1)", "same (a-1)", "third"]);
    expect(Array.from(opened.columnOfScalarRun)).toEqual([1, 0, 2, -1]);
    expect(opened.withoutValues).toBe(1);
    // readRuns refuses the text metric; without it both read the same.
    const typed = records.map(({ "metrics.note": _, ...rest }) => rest);
    expect(runColumns(many, readRuns(typed))).toEqual(runColumns(many, openRuns(typed)));
  });

  test("a runs table sharing no run with the scalars is an error", () => {
    expect(() => runColumns(scalars, readRuns([{ run_id: "x" }]))).toThrow(
      'no scalars belong to the runs: the scalars have run ids such as "a", the runs table "x"; pass the scalars of these runs.',
    );
  });
});

describe("cell text", () => {
  test.each([
    [0.98218, "0.9822"],
    [-0.5, "-0.5"],
    [123456789, "1.235e+8"],
    [190934.5, "190900"],
    [-99512, "-99510"],
    [12345.6, "12350"],
    [2, "2"],
    [NaN, "NaN"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
  ])("%p shows as %p", (value, text) => expect(cellText(value, true)).toBe(text));
});

describe("row extremes", () => {
  const kinds = (values: number[]) => {
    const extremes = rowExtremes(values);
    return values.map((v) => extremeOf(v, extremes));
  };

  test("the highest and lowest cells, NaN ignored", () => {
    expect(kinds([0.3, NaN, 0.9, 0.5, 0.1])).toEqual([null, null, "max", null, "min"]);
  });

  test("ties: every tied cell is highlighted", () => {
    expect(kinds([2, 1, 2, 1, 1.5])).toEqual(["max", "min", "max", "min", null]);
  });

  test("infinities are extremes like any value", () => {
    expect(kinds([1, Infinity, -Infinity, 0])).toEqual([null, "max", "min", null]);
  });

  test("a row with fewer than two distinct values has none", () => {
    expect(rowExtremes([0.5, 0.5, NaN])).toBeNull();
    expect(rowExtremes([NaN, NaN])).toBeNull();
    expect(rowExtremes([])).toBeNull();
  });
});

describe("sorting rows by a run's values", () => {
  const values = [0.5, NaN, 0.2, 0.9, NaN, 0.2];

  test("ascending, NaN last, ties in their original order", () => {
    expect(Array.from(sortedRows(values, "ascending"))).toEqual([2, 5, 0, 3, 1, 4]);
  });

  test("descending, NaN still last", () => {
    expect(Array.from(sortedRows(values, "descending"))).toEqual([3, 0, 2, 5, 1, 4]);
  });

  test("a header's button goes ascending, descending, then back to the original order", () => {
    expect(nextDirection(null)).toBe("ascending");
    expect(nextDirection("ascending")).toBe("descending");
    expect(nextDirection("descending")).toBeNull();
  });
});

describe("selecting runs by their headers", () => {
  test("a click selects that run alone", () => expect(nextSelection(["a", "b"], "c", false)).toEqual(["c"]));
  test("a click on the only selected run clears the selection", () => expect(nextSelection(["c"], "c", false)).toEqual([]));
  test("a shift-click adds the run", () => expect(nextSelection(["a"], "c", true)).toEqual(["a", "c"]));
  test("a shift-click on a selected run takes it out", () => expect(nextSelection(["a", "c"], "a", true)).toEqual(["c"]));
});

describe("columns in the DOM", () => {
  test("those in view and four either side", () => {
    // 100px columns, a 450px viewport scrolled to 1000px: columns 10..14 are in view.
    expect(visibleColumns(1000, 450, 100, 1000)).toEqual([6, 19]);
  });

  test("clamped to the table", () => {
    expect(visibleColumns(0, 450, 100, 3)).toEqual([0, 3]);
    expect(visibleColumns(0, 0, 100, 0)).toEqual([0, 0]);
  });
});

describe("the widest of many texts", () => {
  const names = ["run 1", "run 1000", "run 9999", "run 0042", "x", "run 12", "WW 7"];
  /** A font whose digits are all as wide, measuring each character. */
  const tabular = (text: string) => [...text].reduce((sum, c) => sum + ({ W: 11, " ": 3, x: 6 }[c] ?? 7), 0);
  /** A font whose 1 is narrower than its other digits. */
  const proportional = (text: string) => [...text].reduce((sum, c) => sum + (c === "1" ? 4 : tabular(c)), 0);

  test.each([
    ["tabular digits", tabular],
    ["proportional digits", proportional],
  ])("is the widest text measured one by one, with %s", (_, font) => {
    expect(widestText(names, font)).toBe(Math.max(...names.map(font)));
    expect(widestText(["1111", "88"], font)).toBe(Math.max(font("1111"), font("88")));
  });

  test("measures each shape once when the digits are all as wide: a thousand run names, two measures past the digits'", () => {
    const measured: string[] = [];
    const counting = (text: string) => (measured.push(text), tabular(text));
    const runs = Array.from({ length: 1000 }, (_, i) => `run-${String(i).padStart(4, "0")}`);
    expect(widestText([...runs, "run-77"], counting)).toBe(tabular("run-0000"));
    expect(measured.length).toBe(10 + 2);
  });
});
