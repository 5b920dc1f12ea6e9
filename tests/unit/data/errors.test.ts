import fs from "node:fs";
import path from "node:path";
import formatCases from "../../contract/format_cases.json";
import MESSAGES from "../../../schema/messages.json";
import { formatMessage, messages, notes } from "../../../src/data/errors";

const REPO = path.join(__dirname, "../../..");

/** Every .ts (or .py) file under a folder. */
function sources(folder: string, extension: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .flatMap((entry) => (entry.isFile() && entry.name.endsWith(extension) ? [fs.readFileSync(path.join(entry.parentPath, entry.name), "utf-8")] : []));
}

test.each(formatCases.cases)("the template $template gives what Python's gives too", ({ template, args, ts }) => {
  expect(formatMessage(template, args, formatCases.words, "ts")).toBe(ts);
});

test("every message a module names is in schema/messages.json, and every message there is said somewhere", () => {
  const typescript = sources(path.join(REPO, "src"), ".ts").join("\n");
  const python = sources(path.join(REPO, "python/runcompare"), ".py").join("\n");
  // Arrays of notes have methods too: the notes' own keys are looked for by name.
  const named = new Set([...typescript.matchAll(/\bmessages\.(\w+)\(/g)].map((match) => match[1]));
  for (const key of Object.keys(MESSAGES.notes)) if (typescript.includes(`notes.${key}(`)) named.add(key);
  const templates = { ...MESSAGES.messages, ...MESSAGES.notes };
  expect([...named].filter((key) => !(key in templates))).toEqual([]);
  const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  // "series" and "seriesWithoutVariant" are parts of sameSeriesName, filled there.
  const parts = ["series", "seriesWithoutVariant", "badFileIpc"];
  const unsaid = Object.keys(templates).filter((key) => !named.has(key) && !python.includes(`_errors.${snake(key)}(`) && !parts.includes(key));
  expect(unsaid).toEqual([]);
  expect(Object.keys(messages).sort()).toEqual(Object.keys(MESSAGES.messages).sort());
  expect(Object.keys(notes)).toEqual(Object.keys(MESSAGES.notes));
});
