// In the page, for corpus.spec.js: shows one corpus entry through the widget (as a notebook does)
// or through the view functions (as an Observable page does), exports it every way, and reports
// what a person would get: the error shown, the notes, and whether each file is sound.
import { fakeModel } from "/tests/browser/fake-model.js";

const widget = await import("/python/runcompare/static/widget.js");
/** The views the widget knows (src/widget/views.ts): every one is run over every entry. */
export const viewNames = Object.keys(widget.views);

const SAVER = Symbol.for("runcompare.saver.v1");
const saved = [];
globalThis[SAVER] = async (_view, file, content) => {
  saved.push({ extension: file.extension, content });
  return { path: `${file.base}.${file.extension}`, notice: `saved ${file.extension}` };
};

/** JSON's stand-ins (see tests/corpus/__main__.py) made values again. */
export function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== "object") return value;
  if ("$bytes" in value) return Uint8Array.from(atob(value.$bytes), (c) => c.charCodeAt(0));
  if ("$number" in value) return Number(value.$number);
  if ("$date" in value) return new Date(value.$date);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, revive(item)]));
}

async function frames(n = 2) {
  for (let k = 0; k < n; k++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * Shows `entry` (a corpus entry) as the view `view`: Python's tables through the widget, others
 * through the view function the widget uses. Returns the holder and the view element, and the
 * model when it went through the widget.
 */
export async function show(entry, view = entry.view) {
  const holder = document.createElement("div");
  holder.className = "corpus-entry";
  document.querySelector("#views").replaceChildren(holder);
  const runs = revive(entry.runs);
  const scalars = revive(entry.scalars);
  if (entry.input === "python") {
    const data = (bytes) => new DataView((bytes ?? new Uint8Array()).buffer);
    const { model } = fakeModel({ view, runs: data(runs), scalars: data(scalars), options: revive(entry.options), selected: [], note: entry.note });
    widget.default.render({ model, el: holder });
    await frames();
    return { holder, element: holder.querySelector(".rc-view"), model };
  }
  const element = widget.views[view]({ runs: runs ?? new Uint8Array(), scalars: scalars ?? null }, revive(entry.options));
  holder.append(element);
  await frames();
  return { holder, element, model: null };
}

/** Moves the pointer over the middle of the view, so that tooltips and hovers draw too. */
function hover(element) {
  const target = element.querySelector("canvas, svg");
  if (!target) return;
  const box = target.getBoundingClientRect();
  for (const type of ["pointermove", "mousemove"]) {
    target.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }));
  }
}

/** Waits until the saver got a file or the view said it could not save one; the file, or the notice. */
async function nextFile(element) {
  const start = performance.now();
  for (;;) {
    if (saved.length) return { file: saved.shift() };
    const notice = element.closest(".corpus-entry")?.querySelector(".rc-export-notice")?.textContent ?? "";
    if (notice.startsWith("Could not")) return { notice };
    if (performance.now() - start > 20_000) return { notice: "no file and no notice after 20 s" };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const NUMERIC_ATTRIBUTES = ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "d", "transform", "points", "viewBox"];

/** What is wrong with an SVG file: not XML, or coordinates that are not numbers. */
function svgFaults(text) {
  const svg = new DOMParser().parseFromString(text, "image/svg+xml");
  if (svg.querySelector("parsererror")) return ["not XML: " + svg.querySelector("parsererror").textContent.slice(0, 120)];
  const faults = [];
  for (const element of svg.querySelectorAll("*")) {
    for (const name of NUMERIC_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value && /NaN|Infinity/.test(value)) faults.push(`${element.tagName} ${name}="${value.slice(0, 60)}"`);
    }
  }
  return faults.slice(0, 3);
}

/** RFC 4180 fields, rows of them. */
export function parseCSV(text) {
  const rows = [];
  let row = [];
  // A field (quoted, or up to the next comma or line end) and what ends it.
  const field = /(?:"((?:[^"]|"")*)"|([^,\r\n]*))(,|\r\n|$)/y;
  while (field.lastIndex < text.length) {
    const [, quoted, bare, end] = field.exec(text);
    row.push(quoted === undefined ? bare : quoted.replaceAll('""', '"'));
    if (end === ",") continue;
    rows.push(row);
    row = [];
  }
  return rows;
}

const FORMULA = /^[=+\-@\t\r\0]/;
const NUMBER = /^-?(\d+(\.\d+)?(e[+-]\d+)?|Infinity)$/;

/** Cells a spreadsheet would run as a formula: text starting with = + - @ tab CR NUL that is not a number. */
function formulaCells(rows) {
  return rows.flat().filter((cell) => FORMULA.test(cell) && !NUMBER.test(cell));
}

async function pngFaults(blob) {
  const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  return blob.type === "image/png" && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47 ? [] : [`not a PNG: ${blob.type}, ${blob.size} bytes`];
}

/**
 * Every export of a shown view (the PNG where the entry asks for it): the toolbar's buttons where the view drew (the lab's context menu
 * goes through the same exportView), and the widget's w.save() message.
 */
async function exportsOf(entry, { element, model }) {
  const results = {};
  const buttons = [...element.querySelectorAll(".rc-exports button")];
  const run = async (format, start) => {
    element.closest(".corpus-entry").querySelector(".rc-export-notice")?.remove();
    start();
    const { file, notice } = await nextFile(element);
    if (!file) return { notice };
    if (format === "svg") return { faults: svgFaults(await file.content.text()) };
    if (format === "png") return { faults: await pngFaults(file.content) };
    const rows = parseCSV(await file.content.text());
    return {
      faults: formulaCells(rows)
        .slice(0, 3)
        .map((cell) => `formula cell ${JSON.stringify(cell)}`),
      rows: rows.length - 1,
    };
  };
  for (const format of entry.png ? ["svg", "png", "csv"] : ["svg", "csv"]) {
    const button = buttons.find((b) => b.textContent.toLowerCase() === format);
    const start = performance.now();
    if (button) results[format] = { ...(await run(format, () => button.click())), ms: Math.round(performance.now() - start) };
  }
  // w.save() goes through the same exportView as the buttons: one format shows its path works.
  if (model) results["save csv"] = await run("csv", () => model.receive({ type: "export", format: "csv", name: null }));
  return results;
}

/** Shows, hovers and exports an entry; returns what a person would get. */
export async function check(entry, view = entry.view) {
  window.__xss = undefined;
  const start = performance.now();
  const shown = await show(entry, view);
  const shownMs = Math.round(performance.now() - start);
  const { element, holder } = shown;
  if (!element) return { error: holder.textContent, drawn: false };
  hover(element);
  await frames(1);
  const error = element.error ?? null;
  const exports = await exportsOf(entry, shown);
  const text = holder.textContent;
  const elements = holder.querySelectorAll("img, script, iframe, object").length;
  element.destroy?.();
  return { error, text: text.slice(0, 20_000), exports, script: window.__xss ?? null, elements, shownMs };
}
