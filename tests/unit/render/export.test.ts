import { toCSV } from "../../../src/render/export";

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
