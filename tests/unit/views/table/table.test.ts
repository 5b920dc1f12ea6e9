import { openRunTable } from "../../../../src/data/run-table";
import { tableCSV } from "../../../../src/views/table/export";
import { durationText, exactTime, numberText, relativeTime } from "../../../../src/views/table/format";
import { keyAction } from "../../../../src/views/table/keys";
import { DEFAULT_TOP_K, initialState, nextSort, resolveColumn, restoreState } from "../../../../src/views/table/state";

const runs = [
  {
    run_id: "a",
    name: "=cmd|' /C calc'!A0",
    "params.lr": 0.1,
    "params.opt": "+sgd",
    "metrics.acc": -0.5,
    "tags.note": "@SUM(1)",
    start_time: new Date("2026-01-01T00:00:00Z"),
  },
  { run_id: "b", name: 'plain, "quoted"', "params.lr": 0.01, "params.opt": "\tadam", "metrics.acc": NaN, "tags.note": "-2+3", start_time: null },
];
const scalars = [{ run_id: "a", metric: "loss", step: 1, value: 0.3 }];
const table = openRunTable(runs, scalars);

describe("state", () => {
  test("defaults: every column but hidden ones and the pinned name, no sort, top 3", () => {
    const state = initialState(table, {});
    expect(state.columns).toEqual(["start_time", "duration", "last_step", "params.lr", "params.opt", "metrics.acc", "loss:last", "tags.note"]);
    expect(state).toMatchObject({ sort: [], filters: [], search: "", topK: DEFAULT_TOP_K, widths: {} });
  });

  test("options name columns as other views do: with or without prefix, series with a summary", () => {
    const state = initialState(table, { columns: ["lr", "metrics.acc", "loss:min", "loss", "name"], sort: ["-acc", "lr"] });
    expect(state.columns).toEqual(["params.lr", "metrics.acc", "loss:min", "loss:last"]);
    expect(state.sort).toEqual([
      { column: "metrics.acc", descending: true },
      { column: "params.lr", descending: false },
    ]);
  });

  test("unknown names are errors in the words of the other views", () => {
    expect(() => resolveColumn(table, "momentum")).toThrow(
      'no metric "momentum" in the runs or the scalars (scalars series: loss): name one of these, optionally ending in :last, :min or :max.',
    );
    const noScalars = openRunTable(runs);
    expect(() => initialState(noScalars, { sort: "nope" })).toThrow(/^no column "nope" in runs \(columns: params.lr, params.opt, /);
  });

  test("a saved state wins over the options, and what it names that the data lacks is dropped", () => {
    const base = initialState(table, { columns: ["lr"] });
    const restored = restoreState(table, base, {
      columns: ["metrics.acc", "gone", "params.lr"],
      widths: { "params.lr": 5000, gone: 10 },
      sort: [
        { column: "gone", descending: true },
        { column: "metrics.acc", descending: true },
      ],
      filters: [{ column: "gone", kind: "text", text: "x" }],
    });
    expect(restored).toEqual({
      columns: ["metrics.acc", "params.lr"],
      widths: { "params.lr": 800 },
      sort: [{ column: "metrics.acc", descending: true }],
      filters: [],
      search: "",
      topK: DEFAULT_TOP_K,
    });
  });

  test("header clicks: ascending, descending, unsorted; shift adds keys and turns them", () => {
    let sort = nextSort([], "a", false);
    expect(sort).toEqual([{ column: "a", descending: false }]);
    sort = nextSort(sort, "a", false);
    expect(sort).toEqual([{ column: "a", descending: true }]);
    expect(nextSort(sort, "a", false)).toEqual([]);
    sort = nextSort(sort, "b", true);
    expect(sort).toEqual([
      { column: "a", descending: true },
      { column: "b", descending: false },
    ]);
    sort = nextSort(sort, "b", true);
    expect(sort).toEqual([
      { column: "a", descending: true },
      { column: "b", descending: true },
    ]);
    expect(nextSort(sort, "b", true)).toEqual([{ column: "a", descending: true }]);
    expect(nextSort(sort, "c", false)).toEqual([{ column: "c", descending: false }]);
  });
});

describe("CSV", () => {
  test("text a spreadsheet would run is neutralised (OWASP), numbers stay numbers, times ISO", () => {
    const columns = ["params.opt", "metrics.acc", "tags.note", "start_time"].map((id) => table.column(id)!);
    const context = { table, now: 0, progress: null };
    const csv = tableCSV(columns, { order: Uint32Array.of(0, 1), ranks: null, from: 0, to: 2 }, context);
    expect(csv.split("\r\n")).toEqual([
      "run_id,name,params.opt,metrics.acc,tags.note,start_time",
      `a,'=cmd|' /C calc'!A0,'+sgd,-0.5,'@SUM(1),2026-01-01T00:00:00.000Z`,
      `b,"plain, ""quoted""",'\tadam,,'-2+3,`,
      "",
    ]);
  });

  test("column names that look like formulas are neutralised in the header", () => {
    const hostile = openRunTable([{ run_id: "a", "=HYPERLINK(x)": 1 }]);
    const csv = tableCSV(
      [hostile.column("=HYPERLINK(x)")!],
      { order: Uint32Array.of(0), ranks: Uint32Array.of(1), from: 0, to: 1 },
      { table: hostile, now: 0, progress: null },
    );
    expect(csv.split("\r\n")[0]).toBe("run_id,name,rank,'=HYPERLINK(x)");
  });
});

describe("cell text", () => {
  test("numbers: whole numbers in full, others to four significant digits, missing blank", () => {
    expect([123456789, 0.000123456, -2.5, NaN, Infinity].map(numberText)).toEqual(["123456789", "0.0001235", "-2.5", "", "Infinity"]);
  });

  test("times relative to now, exact in UTC", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(
      [now - 10_000, now - 5 * 60_000, now - 3 * 3_600_000, now - 4 * 86_400_000, now - 400 * 86_400_000, now + 120_000].map((t) => relativeTime(t, now)),
    ).toEqual(["just now", "5 min ago", "3 h ago", "4 d ago", "1 y ago", "in 2 min"]);
    expect(exactTime(now)).toBe("2026-03-01 12:00:00 UTC");
    expect(relativeTime(NaN, now)).toBe("");
  });

  test("durations in their two largest units", () => {
    expect([450, 45_000, 12 * 60_000 + 5000, 80 * 60_000, 51 * 3_600_000, 3_600_000].map(durationText)).toEqual([
      "450 ms",
      "45 s",
      "12 min 5 s",
      "1 h 20 min",
      "2 d 3 h",
      "1 h",
    ]);
  });
});

describe("keys", () => {
  const key = (key: string, shiftKey = false) => ({ key, shiftKey, altKey: false, ctrlKey: false, metaKey: false }) as KeyboardEvent;
  test("arrows and pages move the cursor inside the rows; space toggles; shift extends", () => {
    expect(keyAction(key("ArrowDown"), -1, 10, 5)).toEqual({ kind: "move", position: 0, extend: false });
    expect(keyAction(key("ArrowDown", true), 9, 10, 5)).toEqual({ kind: "move", position: 9, extend: true });
    expect(keyAction(key("PageUp"), 3, 10, 5)).toEqual({ kind: "move", position: 0, extend: false });
    expect(keyAction(key("End"), 3, 10, 5)).toEqual({ kind: "move", position: 9, extend: false });
    expect(keyAction(key(" ", true), 4, 10, 5)).toEqual({ kind: "toggle", position: 4, range: true });
    expect(keyAction(key("ArrowRight"), 4, 10, 5)).toEqual({ kind: "columns", direction: 1 });
    expect(keyAction(key("a"), 4, 10, 5)).toBeNull();
  });
});
