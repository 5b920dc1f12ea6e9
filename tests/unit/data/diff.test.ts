import fc from "fast-check";
import { readDetails } from "../../../src/data/details";
import {
  compareRuns,
  compareValue,
  isLongText,
  lineDiff,
  moveRun,
  packageDiff,
  packageList,
  withBase,
  withContext,
  type DiffLine,
} from "../../../src/data/diff";

const details = readDetails({
  a: { lr: "0.1", seed: "1", note: "", only_a: "x" },
  b: { lr: "0.1", seed: "2", note: "" },
  c: { lr: "0.1", seed: "1", note: "", only_a: "x", only_c: "y" },
});
const field = (path: string) => details.paths.indexOf(path);

describe("each field against the base", () => {
  test("a cell is identical, different, absent (base has it) or added (base has none)", () => {
    expect(compareValue("1", "1")).toBe("identical");
    expect(compareValue(null, null)).toBe("identical");
    expect(compareValue("", "")).toBe("identical");
    expect(compareValue("2", "1")).toBe("different");
    expect(compareValue("", null)).toBe("added");
    expect(compareValue(null, "")).toBe("absent");
  });

  test("base a: statuses and cells", () => {
    const compared = compareRuns(details, [0, 1, 2]);
    expect(compared.status[field("lr")]).toBe("identical");
    expect(compared.status[field("note")]).toBe("identical");
    expect(compared.status[field("seed")]).toBe("different");
    expect(compared.status[field("only_a")]).toBe("missing");
    expect(compared.status[field("only_c")]).toBe("missing");
    expect([1, 2].map((column) => compared.cell(field("seed"), column))).toEqual(["different", "identical"]);
    expect([1, 2].map((column) => compared.cell(field("only_a"), column))).toEqual(["absent", "identical"]);
    expect([1, 2].map((column) => compared.cell(field("only_c"), column))).toEqual(["identical", "added"]);
    expect(compared.differing.map((f) => details.paths[f])).toEqual(["seed", "only_a", "only_c"]);
  });

  test("changing the base to b changes what differs", () => {
    const compared = compareRuns(details, withBase([0, 1, 2], 1));
    expect(compared.runs).toEqual([1, 0, 2]);
    expect([1, 2].map((column) => compared.cell(field("seed"), column))).toEqual(["different", "different"]);
    expect([1, 2].map((column) => compared.cell(field("only_a"), column))).toEqual(["added", "added"]);
    expect(compared.status[field("only_c")]).toBe("missing");
  });

  test("statuses agree with a count made from the raw values, for any values", () => {
    const value = fc.option(fc.constantFrom("", "x", "y"), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const paths = rows.map((_, i) => `f${i}`);
        const compared = compareRuns({ ids: ["a", "b", "c"], names: ["a", "b", "c"], paths, values: rows }, [2, 0, 1]);
        rows.forEach((values, f) => {
          const base = values[2];
          const others = [values[0], values[1]];
          const expected = others.some((v) => v !== null && base !== null && v !== base)
            ? "different"
            : others.some((v) => v !== base)
              ? "missing"
              : "identical";
          expect(compared.status[f]).toBe(expected);
        });
      }),
    );
  });

  test("moving runs: before a position, counted before the move", () => {
    expect(moveRun([0, 1, 2, 3], 3, 0)).toEqual([3, 0, 1, 2]);
    expect(moveRun([0, 1, 2, 3], 0, 2)).toEqual([1, 0, 2, 3]);
    expect(moveRun([0, 1, 2, 3], 0, 4)).toEqual([1, 2, 3, 0]);
    expect(withBase([0, 1, 2], 2)).toEqual([2, 0, 1]);
  });
});

describe("line diff of text", () => {
  const script = (lr: string) => ["import torch", "", "def train(model):", `    opt = AdamW(model.parameters(), lr=${lr})`, "    return opt"].join("\n");

  test("one changed line: one removed, one added, the rest the same, in order", () => {
    const diff = lineDiff(script("1e-3"), script("5e-4"));
    expect({ added: diff.added, removed: diff.removed }).toEqual({ added: 1, removed: 1 });
    expect(diff.lines.map((l) => [l.kind, l.text])).toEqual([
      ["same", "import torch"],
      ["same", ""],
      ["same", "def train(model):"],
      ["removed", "    opt = AdamW(model.parameters(), lr=1e-3)"],
      ["added", "    opt = AdamW(model.parameters(), lr=5e-4)"],
      ["same", "    return opt"],
    ]);
  });

  test("an empty text has no lines", () => {
    expect(lineDiff("", "a\nb")).toMatchObject({ added: 2, removed: 0 });
  });

  test("Windows line ends split like Unix ones", () => {
    expect(lineDiff("a\r\nb", "a\nb")).toMatchObject({ added: 0, removed: 0 });
  });

  test("for any texts, the same and removed lines spell the base, the same and added ones the other text", () => {
    const text = fc.array(fc.constantFrom("a", "b", "c", ""), { maxLength: 12 }).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const { lines, added, removed } = lineDiff(before, after);
        const spell = (kinds: string[]) =>
          lines
            .filter((l) => kinds.includes(l.kind))
            .map((l) => l.text)
            .join("\n");
        expect(spell(["same", "removed"])).toBe(before === "" ? "" : before);
        expect(spell(["same", "added"])).toBe(after === "" ? "" : after);
        expect(added).toBe(lines.filter((l) => l.kind === "added").length);
        expect(removed).toBe(lines.filter((l) => l.kind === "removed").length);
      }),
    );
  });

  test("context: three lines around each change, longer unchanged runs skipped", () => {
    const lines: DiffLine[] = Array.from({ length: 20 }, (_, i) => ({ kind: i === 10 ? "added" : "same", text: String(i) }));
    const shown = withContext(lines, 3);
    expect(shown).toEqual([
      { kind: "skipped", count: 7 },
      ...[7, 8, 9].map((i) => ({ kind: "same", text: String(i) })),
      { kind: "added", text: "10" },
      ...[11, 12, 13].map((i) => ({ kind: "same", text: String(i) })),
      { kind: "skipped", count: 6 },
    ]);
  });

  test("long text: several lines or over 120 characters", () => {
    expect(isLongText("a\nb")).toBe(true);
    expect(isLongText("x".repeat(121))).toBe(true);
    expect(isLongText("x".repeat(120))).toBe(false);
    expect(isLongText(null)).toBe(false);
  });
});

describe("package lists", () => {
  const freeze = ["# pip freeze", "numpy==1.26.4", "Jinja2==3.1.3", "torch==2.2.0", "requests @ https://example.org/requests-2.31.0.tar.gz", ""].join("\n");

  test("pip freeze: names, versions, direct references; comments and blank lines skipped", () => {
    const packages = packageList("execution/installed packages", freeze)!;
    expect([...packages.values()]).toEqual([
      { name: "numpy", version: "1.26.4" },
      { name: "Jinja2", version: "3.1.3" },
      { name: "torch", version: "2.2.0" },
      { name: "requests", version: "https://example.org/requests-2.31.0.tar.gz" },
    ]);
  });

  test("two packages differ: one changed version, one added; names match case- and separator-blind", () => {
    const before = packageList("packages", "numpy==1.26.4\nscikit_learn==1.4.0\ntorch==2.2.0\nfilelock==3.13.1")!;
    const after = packageList("packages", "NumPy==1.26.4\nscikit-learn==1.4.0\ntorch==2.3.0\nfilelock==3.13.1\ntqdm==4.66.1")!;
    expect(packageDiff(before, after)).toEqual({
      added: [{ name: "tqdm", version: "4.66.1" }],
      removed: [],
      changed: [{ name: "torch", from: "2.2.0", to: "2.3.0" }],
      unchanged: 3,
    });
  });

  test("removed packages, sorted by name", () => {
    const before = packageList("requirements", "b==1\na==1\nc==1")!;
    const after = packageList("requirements", "c==1\nd==2")!;
    expect(packageDiff(before, after)).toMatchObject({ removed: [{ name: "a" }, { name: "b" }], added: [{ name: "d" }] });
  });

  test("conda: env export pins with builds anywhere; `conda list` tables only in a packages field", () => {
    expect([...packageList("x", "numpy=1.26.4=py311h_0\npython=3.11.7=h955ad1f_0")!.values()]).toEqual([
      { name: "numpy", version: "1.26.4=py311h_0" },
      { name: "python", version: "3.11.7=h955ad1f_0" },
    ]);
    const table =
      "# packages in environment at /opt/conda:\n#\n# Name  Version  Build  Channel\nnumpy  1.26.4  py311h_0  conda-forge\npip  23.3.1  pyhd8ed1ab_0";
    expect(packageList("notes", table)).toBeNull();
    expect([...packageList("execution/conda packages", table)!.values()]).toEqual([
      { name: "numpy", version: "1.26.4" },
      { name: "pip", version: "23.3.1" },
    ]);
  });

  test("requirements with ranges and editable installs", () => {
    const packages = packageList("requirements", "torch>=2.0,<3\n-e git+https://github.com/org/lib.git@abc#egg=mylib\nnumpy~=1.26")!;
    expect([...packages.values()]).toEqual([
      { name: "torch", version: ">=2.0,<3" },
      { name: "mylib", version: "git+https://github.com/org/lib.git@abc#egg=mylib" },
      { name: "numpy", version: "~=1.26" },
    ]);
  });

  test("text that is not a package list is not taken for one", () => {
    expect(packageList("source code", "import torch\nx = 1")).toBeNull();
    expect(packageList("config", "lr=0.1\nbatch=64")).toBeNull();
    expect(packageList("packages", "numpy==1.26.4")).toBeNull(); // a single line reads better as text
  });
});
