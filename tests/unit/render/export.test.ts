import { spreadsheetSafe, toCSV } from "../../../src/render/export";
import { xmlSafe } from "../../../src/render/svg";

test("CSV quotes fields with commas, quotes and line breaks, and doubles quotes", () => {
  const csv = toCSV(
    ["run_id", "name", "value"],
    [
      ["a", 'say "hi", then\nleave', 0.5],
      ["b", null, undefined],
      ["c", "<img src=x onerror=alert(1)>", -Infinity],
    ],
  );
  expect(csv).toBe('run_id,name,value\r\na,"say ""hi"", then\nleave",0.5\r\nb,,\r\nc,<img src=x onerror=alert(1)>,-Infinity\r\n');
});

test("spreadsheetSafe puts a ' before text a spreadsheet would run as a formula, and before nothing else", () => {
  const formulas = ["=1", "+1", "-1+2", "@a", "\t=1", "\rx", "\u0000=1", "-cmd|' /C calc'!A0", "-Infinityx", "+5"];
  expect(formulas.map(spreadsheetSafe)).toEqual(formulas.map((text) => `'${text}`));
  const plain = ["a=1", " =1", "", "'=1", "-0.5", "-1", "-1e-7", "-Infinity", "0.001", "1e+21"];
  expect(plain.map(spreadsheetSafe)).toEqual(plain);
});

test("every text cell of a CSV and its header is neutralised; numbers are written as numbers", () => {
  const csv = toCSV(
    ["=name", "value"],
    [
      ["@SUM(A1)", -1.5],
      ["-2+3", "-2"],
    ],
  );
  expect(csv).toBe("'=name,value\r\n'@SUM(A1),-1.5\r\n'-2+3,-2\r\n");
});

test("xmlSafe replaces what XML 1.0 forbids, and keeps tabs, line breaks and astral characters", () => {
  expect(xmlSafe("a\u0000b\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\ud800x\udc00")).toBe("a\ufffdb" + "\ufffd".repeat(8) + "x\ufffd");
  expect(xmlSafe("\t\n\r 👩‍👩‍👧 \u202e")).toBe("\t\n\r 👩‍👩‍👧 \u202e");
});
