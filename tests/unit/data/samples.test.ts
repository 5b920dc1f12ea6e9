import { mimeOfName, normalMime, sampleKind, sniffMime } from "../../../src/data/media";
import { readSamples } from "../../../src/data/samples";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

test("a cell's samples are its rows by step; mime from the column, else sniffed or from the name", () => {
  const samples = readSamples([
    { run_id: "a", metric: "img", step: 20, data: PNG },
    { run_id: "a", metric: "img", step: 10, data: new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>") },
    { run_id: "b", metric: "img", variant: "val", step: 5, url: "https://example.org/x.JPG?size=2" },
    { run_id: "a", metric: "txt", step: 1, data: "hello" },
    { run_id: "a", metric: "img", step: 10, mime: "Image/PNG; q=1", data: PNG },
  ]);
  expect(samples.series.map((s) => s.key)).toEqual(["img", "img/val", "txt"]);
  expect(Array.from(samples.rowsOf(0, 0))).toEqual([1, 4, 0]);
  expect([0, 1, 2, 3, 4].map((row) => samples.mime(row))).toEqual(["image/png", "image/svg+xml", "image/jpeg", "text/plain", "image/png"]);
  expect(samples.size(0)).toBe(10);
  expect(samples.rowsOf(2, 1).length).toBe(0);
});

test("only inert types are media; html and json are text; scripts and odd types are nothing", () => {
  expect(sampleKind("image/svg+xml")).toBe("image");
  expect(sampleKind("text/html")).toBe("text");
  expect(sampleKind("application/json")).toBe("text");
  expect(sampleKind("application/javascript")).toBeNull();
  expect(sampleKind("application/xhtml+xml")).toBeNull();
  expect(sampleKind(normalMime('image/png"><script>'))).toBeNull();
  expect(sniffMime(Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45]))).toBe("audio/wav");
  expect(mimeOfName("a/b/c.webm")).toBe("video/webm");
});
